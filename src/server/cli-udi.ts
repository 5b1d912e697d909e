// `lotline udi …`: read and draw UDIs from the command line (label stations,
// scripts, checking a scan). No database. Results and errors are JSON on stdout.
import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  parseUdiOrThrow,
  renderUdiSymbol,
  UDI_IMAGE_FORMATS,
  UDI_SYMBOLOGIES,
  isUdiError,
  type UdiImageFormat,
  type UdiSymbology,
} from './modules/udi/index.ts';
import { isDomainError } from './platform/errors.ts';

/** The command has reported its outcome on stdout already; the process exits with this code. */
export class CliExit extends Error {
  readonly exitCode: number;

  constructor(exitCode: number) {
    super(`exit ${exitCode}`);
    this.exitCode = exitCode;
  }
}

const DATA_HELP = `
<data> is a UDI in any form a scanner or a person gives it:
  '(01)09506000134352(17)271231(10)LOT42(21)SN0001'     bracketed GS1 element string
  '01095060001343521727123110LOT42^21SN0001'             unbracketed: type ^ for FNC1/GS
  ']d2010950600013435217271231' …                       with a symbology identifier
  'https://id.gs1.org/01/09506000134352/10/LOT42'        GS1 Digital Link
  '+A123BJC5D6E71G'                                      HIBC
The GS separator (FNC1, 0x1D) cannot be typed in a shell: write ^ instead.
Quote the data in single quotes: brackets, & and ? are special to the shell, and
inside double quotes it expands $ (HIBC data such as +$$3… contains $).

Output is JSON on stdout. Exit codes: 0 ok; 1 the data is not a valid UDI
({"error":{"code","message","ai","position"}}); 2 bad options.`;

function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Prints a refusal of the data as {"error": …} and exits 1; anything else is a real failure. */
function refuseData(error: unknown): never {
  if (isUdiError(error)) {
    printJson({ error: error.toDetail() });
    throw new CliExit(1);
  }
  if (isDomainError(error)) {
    printJson({ error: { code: error.code, message: error.message, ...error.params } });
    throw new CliExit(1);
  }
  throw error;
}

function scaleOption(value: string): number {
  const scale = Number(value);
  if (!Number.isInteger(scale) || scale < 1 || scale > 10) {
    throw new InvalidArgumentError('a whole number from 1 to 10');
  }
  return scale;
}

function formatFor(output: string, format: UdiImageFormat | undefined): UdiImageFormat {
  if (format) return format;
  const extension = path.extname(output).slice(1).toLowerCase();
  return extension === 'svg' ? 'svg' : 'png';
}

export function addUdiCommands(program: Command): void {
  const udi = program
    .command('udi')
    .description('Read, check and draw UDIs (GS1, GS1 Digital Link, HIBC)');

  udi
    .command('parse <data>')
    .description('Validate a UDI and print the normalised object as JSON')
    .addHelpText('after', DATA_HELP)
    .action((data: string) => {
      try {
        printJson(parseUdiOrThrow(data));
      } catch (error) {
        refuseData(error);
      }
    });

  udi
    .command('render <data>')
    .description('Draw a UDI as a barcode image (PNG or SVG)')
    .addOption(
      new Option(
        '--symbology <symbology>',
        'datamatrix (GS1 DataMatrix), gs1-128 (with its text), qr (QR Code with the GS1 Digital Link); HIBC data gets the HIBC variant',
      )
        .choices(UDI_SYMBOLOGIES)
        .default('datamatrix'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'image format (default: from the file name, else png)',
      ).choices(UDI_IMAGE_FORMATS),
    )
    .option('--scale <n>', 'pixels per module (1-10, default 3)', scaleOption)
    .requiredOption('-o, --output <file>', 'where to write the image; - for standard output')
    .addHelpText('after', DATA_HELP)
    .action(
      async (
        data: string,
        opts: { symbology: UdiSymbology; format?: UdiImageFormat; scale?: number; output: string },
      ) => {
        const format = formatFor(opts.output, opts.format);
        let symbol;
        try {
          symbol = await renderUdiSymbol(data, {
            symbology: opts.symbology,
            format,
            scale: opts.scale,
          });
        } catch (error) {
          refuseData(error);
        }
        if (opts.output === '-') {
          process.stdout.write(symbol.body);
          return;
        }
        await fs.writeFile(opts.output, symbol.body);
        printJson({
          output: path.resolve(opts.output),
          contentType: symbol.contentType,
          encoder: symbol.spec.bcid,
          bytes: symbol.body.length,
          hri: symbol.spec.hri,
        });
      },
    );
}
