// The one entry point for scanned or typed identifiers: recognises the input form
// (symbology identifier, Digital Link, HIBC, bracketed or unbracketed GS1 element
// string) and returns Lotline's normalised object or a coded error.
import { looksLikeDigitalLink, parseDigitalLink } from './digital-link.ts';
import { normaliseGs1 } from './gs1-normalise.ts';
import { isSeparator, parseBracketed, parseUnbracketed } from './gs1-parse.ts';
import { validateGs1Elements, type RawElement } from './gs1-validate.ts';
import { looksLikeHibc, parseHibc } from './hibc.ts';
import type { Udi, UdiParseResult } from './udi.contract.ts';
import { UdiError, atPosition, isUdiError } from './udi.errors.ts';
import { referenceYear, type UdiDateOptions } from './udi-dates.ts';

export type ParseUdiOptions = UdiDateOptions;

/**
 * A symbology identifier as a scanner prefixes it (ISO/IEC 15424): ']' + code
 * character + modifier, e.g. ]d2 GS1 DataMatrix, ]C1 GS1-128, ]Q3 GS1 QR Code,
 * ]e0 GS1 DataBar, ]d1/]Q1 plain DataMatrix/QR (Digital Link, HIBC), ]A0 Code 39.
 * The content decides how it is read, so a Digital Link under ]Q3 is accepted too.
 */
const SYMBOLOGY_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;

function readGs1(input: string, offset: number, currentYear: number): Udi {
  const data = input.slice(offset);
  let raw: RawElement[];
  if (looksLikeDigitalLink(data)) {
    raw = parseDigitalLink(data, offset);
  } else if (data.startsWith('(')) {
    raw = parseBracketed(data, offset);
  } else if (/^\d/.test(data) || isSeparator(data[0])) {
    raw = parseUnbracketed(data, offset);
  } else {
    throw new UdiError({
      code: 'UDI_UNRECOGNISED',
      position: offset,
      message: `Not a GS1 element string, GS1 Digital Link or HIBC code${atPosition(offset)}`,
    });
  }
  return normaliseGs1(validateGs1Elements(raw, currentYear), currentYear);
}

/** Throwing form of {@link parseUdi}: returns the normalised identifier or throws a UdiError. */
export function parseUdiOrThrow(input: string, options: ParseUdiOptions = {}): Udi {
  const currentYear = referenceYear(options);
  // Scanners often end a read with CR and/or LF; a trailing space may be an HIBC check character.
  const text = input.replace(/[\r\n]+$/, '');
  const offset = SYMBOLOGY_IDENTIFIER.test(text) ? 3 : 0;
  const data = text.slice(offset);
  if (data === '' || (data.length === 1 && isSeparator(data))) {
    throw new UdiError({ code: 'GS1_EMPTY', message: 'The scan holds no data' });
  }
  if (looksLikeHibc(data)) return parseHibc(data, offset, currentYear);
  return readGs1(text, offset, currentYear);
}

/** Parses any supported input form; never throws for bad input. */
export function parseUdi(input: string, options: ParseUdiOptions = {}): UdiParseResult {
  try {
    return { ok: true, udi: parseUdiOrThrow(input, options) };
  } catch (error) {
    if (isUdiError(error)) return { ok: false, error: error.toDetail() };
    throw error;
  }
}
