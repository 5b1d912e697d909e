// Draws a UDI as a real barcode with bwip-js (BWIPP): GS1 DataMatrix, GS1-128 and
// QR Code (GS1 Digital Link) for GS1 data, the HIBC variants for HIBC data. The
// input is parsed first, so only validated, canonical content is ever encoded.
import bwipjs from 'bwip-js';
import { DomainError } from '../../platform/errors.ts';
import { predefinedDataLength } from './gs1-ai.ts';
import type { Gs1Element, Udi, UdiImageFormat, UdiSymbology } from './udi.contract.ts';
import { parseUdiOrThrow, type ParseUdiOptions } from './udi-parse.ts';

/** GS1 General Specifications 5.4.1: at most 48 data characters (AIs and separators included). */
export const GS1_128_MAX_DATA_CHARACTERS = 48;

/** What bwip-js is asked to draw for one UDI in one symbology. */
export interface UdiSymbolSpec {
  /** The bwip-js encoder, e.g. gs1datamatrix, gs1-128, qrcode, hibcdatamatrix. */
  bcid: string;
  /** The encoder's input: bracketed AIs ('(' in a value written ^040), a URI, or HIBC data. */
  text: string;
  /** Whether `text` uses ^NNN escapes (bwip-js `parse`). */
  parse: boolean;
  /** A linear symbol, printed with its human-readable text underneath. */
  linear: boolean;
  /** The human-readable interpretation: (01)…(17)… for GS1, *+…* for HIBC, the URI for a Digital Link. */
  hri: string;
}

/** The HRI of each GS1 element, `(ai)value`, as printed (no escapes). */
export function gs1HriLines(elements: readonly Gs1Element[]): string[] {
  return elements.map(({ ai, value }) => `(${ai})${value}`);
}

/** Bracketed input for BWIPP: it has no bracket escape, so '(' in a value is the ^040 ordinal. */
function bwippBracketed(elements: readonly Gs1Element[]): string {
  return elements
    .map(
      ({ ai, value }) =>
        `(${ai})${value.replace(/[(^]/g, (c) => `^${String(c.charCodeAt(0)).padStart(3, '0')}`)}`,
    )
    .join('');
}

/** Data characters of a GS1-128 symbol: AIs, values and the FNC1 after each variable-length value but the last. */
export function gs1DataCharacters(elements: readonly Gs1Element[]): number {
  return elements.reduce((count, { ai, value }, index) => {
    const separator = index < elements.length - 1 && predefinedDataLength(ai) === undefined;
    return count + ai.length + value.length + (separator ? 1 : 0);
  }, 0);
}

function cannotRender(symbology: UdiSymbology, reason: string): never {
  throw new DomainError('UDI_CANNOT_RENDER', { symbology }, reason);
}

/** GS1-128 for a list of GS1 elements (a UDI, or part of a logistic label's data). */
export function gs1LinearSymbolSpec(elements: readonly Gs1Element[]): UdiSymbolSpec {
  const hri = gs1HriLines(elements).join('');
  const count = gs1DataCharacters(elements);
  if (count > GS1_128_MAX_DATA_CHARACTERS) {
    cannotRender(
      'gs1-128',
      `${hri} is ${count} data characters; GS1-128 carries at most ${GS1_128_MAX_DATA_CHARACTERS}. Use GS1 DataMatrix, or split the data over two symbols`,
    );
  }
  return { bcid: 'gs1-128', text: bwippBracketed(elements), parse: true, linear: true, hri };
}

/** Which encoder draws this UDI in this symbology, and with what input. */
export function udiSymbolSpec(udi: Udi, symbology: UdiSymbology): UdiSymbolSpec {
  if (udi.agency === 'HIBCC') {
    // BWIPP's HIBC encoders add the leading '+' and compute the check character themselves.
    const text = udi.data.slice(1, -1);
    const bcid = { datamatrix: 'hibcdatamatrix', 'gs1-128': 'hibccode128', qr: 'hibcqrcode' }[
      symbology
    ];
    return { bcid, text, parse: false, linear: symbology === 'gs1-128', hri: udi.hri };
  }
  const hri = gs1HriLines(udi.elements).join('');
  const text = bwippBracketed(udi.elements);
  switch (symbology) {
    case 'datamatrix':
      return { bcid: 'gs1datamatrix', text, parse: true, linear: false, hri };
    case 'gs1-128':
      return gs1LinearSymbolSpec(udi.elements);
    case 'qr':
      // A Digital Link when the data has one (scannable by phones too); otherwise GS1 QR Code.
      return udi.digitalLink === undefined
        ? { bcid: 'gs1qrcode', text, parse: true, linear: false, hri }
        : {
            bcid: 'qrcode',
            text: udi.digitalLink,
            parse: false,
            linear: false,
            hri: udi.digitalLink,
          };
  }
}

/** One barcode as bwip-js draws it: module rows (2D) or bar/space widths (linear). */
export type SymbolModules =
  | {
      kind: 'matrix';
      columns: number;
      rows: number;
      dark: (column: number, row: number) => boolean;
    }
  | { kind: 'linear'; widths: number[]; modules: number };

interface BwippMatrix {
  pixs: number[];
  pixx: number;
  pixy: number;
}
interface BwippLinear {
  sbs: number[];
}

function encoderFailed(spec: UdiSymbolSpec, symbology: UdiSymbology, error: unknown): never {
  // Data that passed Lotline's validation but not BWIPP's own checks or capacity.
  if (error instanceof Error && error.message.startsWith('bwipp.')) {
    cannotRender(symbology, `${spec.bcid}: ${error.message.replace(/^bwipp\.\w+#\d+: /, '')}`);
  }
  throw error;
}

/** The symbol's modules, for drawing it as vectors (PDF labels). */
export function udiSymbolModules(spec: UdiSymbolSpec, symbology: UdiSymbology): SymbolModules {
  let raw: (BwippMatrix | BwippLinear)[];
  try {
    raw = bwipjs.raw({ bcid: spec.bcid, text: spec.text, parse: spec.parse }) as (
      BwippMatrix | BwippLinear
    )[];
  } catch (error) {
    encoderFailed(spec, symbology, error);
  }
  const first = raw[0];
  if (first && 'pixs' in first) {
    const { pixs, pixx, pixy } = first;
    return { kind: 'matrix', columns: pixx, rows: pixy, dark: (c, r) => pixs[r * pixx + c] === 1 };
  }
  if (first && 'sbs' in first) {
    const widths = first.sbs;
    return { kind: 'linear', widths, modules: widths.reduce((sum, width) => sum + width, 0) };
  }
  return cannotRender(symbology, `${spec.bcid} produced no symbol`);
}

export interface RenderUdiOptions extends ParseUdiOptions {
  symbology: UdiSymbology;
  format: UdiImageFormat;
  /** Pixels per bwip-js unit (a linear module is 1 unit, a 2D module 2): 1-10, default 3. */
  scale?: number;
}

export interface RenderedUdiSymbol {
  contentType: 'image/svg+xml' | 'image/png';
  body: Buffer;
  spec: UdiSymbolSpec;
  udi: Udi;
}

export const DEFAULT_SYMBOL_SCALE = 3;

/** Quiet zones: 10 modules beside a linear symbol, 4 around QR, 2 around DataMatrix (all at least the minimum). */
function padding(spec: UdiSymbolSpec): { paddingwidth: number; paddingheight: number } {
  if (spec.linear) return { paddingwidth: 10, paddingheight: 4 };
  return spec.bcid.endsWith('qrcode')
    ? { paddingwidth: 8, paddingheight: 8 }
    : { paddingwidth: 4, paddingheight: 4 };
}

/** Parses `data` (any form `parseUdi` reads) and draws its canonical content as PNG or SVG. */
export async function renderUdiSymbol(
  data: string,
  options: RenderUdiOptions,
): Promise<RenderedUdiSymbol> {
  const udi = parseUdiOrThrow(data, options);
  const spec = udiSymbolSpec(udi, options.symbology);
  const renderOptions = {
    bcid: spec.bcid,
    text: spec.text,
    parse: spec.parse,
    scale: options.scale ?? DEFAULT_SYMBOL_SCALE,
    includetext: spec.linear,
    textxalign: 'center' as const,
    backgroundcolor: 'FFFFFF',
    ...padding(spec),
  };
  try {
    if (options.format === 'svg') {
      return {
        contentType: 'image/svg+xml',
        body: Buffer.from(bwipjs.toSVG(renderOptions), 'utf8'),
        spec,
        udi,
      };
    }
    return { contentType: 'image/png', body: await bwipjs.toBuffer(renderOptions), spec, udi };
  } catch (error) {
    return encoderFailed(spec, options.symbology, error);
  }
}
