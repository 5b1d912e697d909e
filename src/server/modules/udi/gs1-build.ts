// Builds GS1 UDI data from its parts, validated by the same rules as parsing: the
// element string (FNC1 as GS or '^'), the bracketed HRI text and the Digital Link.
import { normaliseGs1 } from './gs1-normalise.ts';
import { GS, toElementString } from './gs1-parse.ts';
import { validateGs1Elements, type RawElement } from './gs1-validate.ts';
import type { Gs1Udi } from './udi.contract.ts';
import { UdiError, isUdiError } from './udi.errors.ts';
import {
  isInCenturyWindow,
  parseIsoDate,
  referenceYear,
  type UdiDateOptions,
} from './udi-dates.ts';

export interface Gs1BuildInput {
  /** GTIN-14 (GTIN-8/12/13 are padded with leading zeros); the check digit must be right. */
  gtin: string;
  lot?: string;
  serial?: string;
  /** YYYY-MM-DD, or YYYY-MM to encode day 00 (no day). */
  expiry?: string;
  /** YYYY-MM-DD, or YYYY-MM to encode day 00. */
  productionDate?: string;
  /** Any further AIs, by AI number, e.g. { '240': 'REF-77' }. */
  extra?: Readonly<Record<string, string>>;
}

export interface Gs1BuildResult {
  /** As a scanner transmits it after the symbology identifier: no leading FNC1, GS (0x1D) separators. */
  elementString: string;
  /** With '^' for FNC1, including FNC1 in first position (bwip-js `parsefnc`, GS1 Syntax Engine). */
  elementStringCaret: string;
  bracketed: string;
  digitalLink?: string;
  udi: Gs1Udi;
}

/** An ISO date (YYYY-MM-DD, or YYYY-MM for day 00) as the YYMMDD value of a GS1 date AI. */
export function isoToGs1Date(iso: string, ai: string, currentYear: number): string {
  const parsed = parseIsoDate(iso);
  if (!parsed || !isInCenturyWindow(parsed.year, currentYear)) {
    throw new UdiError({
      code: 'GS1_INVALID_DATE',
      ai,
      message: parsed
        ? `AI (${ai}) date ${iso} cannot be written as YYMMDD: its year is outside the century window around ${currentYear}`
        : `AI (${ai}) date '${iso}' must be YYYY-MM-DD or YYYY-MM`,
    });
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return pad(parsed.year % 100) + pad(parsed.month) + pad(parsed.day);
}

/** Builds and validates a GS1 UDI; throws a UdiError (without position) on bad input. */
export function buildGs1Udi(input: Gs1BuildInput, options: UdiDateOptions = {}): Gs1BuildResult {
  const currentYear = referenceYear(options);
  const gtin = /^(\d{8}|\d{12}|\d{13})$/.test(input.gtin)
    ? input.gtin.padStart(14, '0')
    : input.gtin;
  const pairs: [string, string][] = [['01', gtin]];
  if (input.expiry !== undefined) pairs.push(['17', isoToGs1Date(input.expiry, '17', currentYear)]);
  if (input.productionDate !== undefined)
    pairs.push(['11', isoToGs1Date(input.productionDate, '11', currentYear)]);
  if (input.lot !== undefined) pairs.push(['10', input.lot]);
  if (input.serial !== undefined) pairs.push(['21', input.serial]);
  pairs.push(...Object.entries(input.extra ?? {}));
  return buildGs1Elements(pairs, options);
}

/**
 * Validates AI/value pairs (any order) by the parsing rules and returns them in
 * every encoding; throws a UdiError without position on bad input.
 */
export function buildGs1Elements(
  pairs: readonly (readonly [string, string])[],
  options: UdiDateOptions = {},
): Gs1BuildResult {
  const currentYear = referenceYear(options);
  const raw: RawElement[] = pairs.map(([ai, value]) => ({
    ai,
    value,
    aiPosition: 0,
    valuePosition: 0,
  }));
  let udi: Gs1Udi;
  try {
    udi = normaliseGs1(validateGs1Elements(raw, currentYear), currentYear);
  } catch (error) {
    // Positions would point into no string the caller wrote.
    if (!isUdiError(error)) throw error;
    throw new UdiError({
      code: error.code,
      message: error.message.replace(/ at position \d+$/, ''),
      ...(error.ai === undefined ? {} : { ai: error.ai }),
    });
  }
  return {
    elementString: toElementString(udi.elements, GS),
    elementStringCaret: toElementString(udi.elements, '^', true),
    bracketed: udi.bracketed,
    ...(udi.digitalLink === undefined ? {} : { digitalLink: udi.digitalLink }),
    udi,
  };
}
