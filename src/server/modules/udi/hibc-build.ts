// Builds HIBC data structures with their mod-43 check characters: the primary, a
// standalone secondary linked to it, and the concatenated primary/secondary.
import { computeHibcCheckCharacter, parseHibc } from './hibc.ts';
import type { HibcUdi } from './udi.contract.ts';
import { UdiError } from './udi.errors.ts';
import {
  isInCenturyWindow,
  parseIsoDate,
  referenceYear,
  type UdiDateOptions,
} from './udi-dates.ts';

export interface HibcBuildInput {
  /** Labeler Identification Code: 4 characters A-Z 0-9, the first a letter. */
  lic: string;
  /** Product or Catalog Number, already compressed to A-Z 0-9 (1-18 characters). */
  pcn: string;
  /** Packaging level digit 0-9 (0 = unit of use). */
  unitOfMeasure: number;
  lot?: string;
  serial?: string;
  /** YYYY-MM-DD; written as $$3 YYMMDD, or as /14D YYYYMMDD outside the century window. */
  expiry?: string;
  /** YYYY-MM-DD; written as /16D YYYYMMDD. */
  productionDate?: string;
  quantity?: number;
}

export interface HibcSymbolData {
  /** What the symbol encodes, from '+' to the check character. */
  data: string;
  hri: string;
  udi: HibcUdi;
}

export interface HibcBuildResult {
  primary: HibcSymbolData;
  /** Standalone secondary, its link character being the primary's check character. */
  secondary?: HibcSymbolData;
  /** Primary and secondary in one symbol. */
  concatenated?: HibcSymbolData;
}

function bad(message: string, code: UdiError['code'] = 'HIBC_BAD_FORMAT'): never {
  throw new UdiError({ code, message });
}

function requireField(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) bad(`HIBC ${what} '${value}' is not valid`);
  return value;
}

function compactDate(iso: string, what: string): { yyyymmdd: string; year: number } {
  const parsed = parseIsoDate(iso);
  if (!parsed || parsed.day === 0)
    bad(`HIBC ${what} '${iso}' must be a date YYYY-MM-DD`, 'HIBC_INVALID_DATE');
  return { yyyymmdd: iso.replace(/-/g, ''), year: parsed.year };
}

function secondaryBody(input: HibcBuildInput, currentYear: number): string | undefined {
  const { lot, serial, expiry, productionDate, quantity } = input;
  if ([lot, serial, expiry, productionDate, quantity].every((field) => field === undefined))
    return undefined;
  if (lot !== undefined) requireField(lot, /^[A-Z0-9]{1,18}$/, 'lot number');
  if (serial !== undefined) requireField(serial, /^[A-Z0-9]{1,18}$/, 'serial number');
  let body = lot === undefined && serial !== undefined ? '$$+' : '$$';
  if (quantity !== undefined) {
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > 99999)
      bad(`HIBC quantity ${quantity} must be 0-99999`);
    body +=
      quantity <= 99
        ? `8${String(quantity).padStart(2, '0')}`
        : `9${String(quantity).padStart(5, '0')}`;
  }
  const expiryDate = expiry === undefined ? undefined : compactDate(expiry, 'expiry');
  const expiryInWindow =
    expiryDate !== undefined && isInCenturyWindow(expiryDate.year, currentYear);
  body += expiryDate && expiryInWindow ? `3${expiryDate.yyyymmdd.slice(2)}` : '7';
  body += lot ?? serial ?? '';
  const supplements: string[] = [];
  if (lot !== undefined && serial !== undefined) supplements.push(`S${serial}`);
  if (productionDate !== undefined) {
    supplements.push(`16D${compactDate(productionDate, 'production date').yyyymmdd}`);
  }
  if (expiryDate && !expiryInWindow) supplements.push(`14D${expiryDate.yyyymmdd}`);
  return body + supplements.map((supplement) => `/${supplement}`).join('');
}

function symbol(data: string, currentYear: number): HibcSymbolData {
  const udi = parseHibc(data, 0, currentYear);
  return { data: udi.data, hri: udi.hri, udi };
}

/** Builds the HIBC symbols for a device and, when given, its production identifiers. */
export function buildHibc(input: HibcBuildInput, options: UdiDateOptions = {}): HibcBuildResult {
  const currentYear = referenceYear(options);
  const lic = requireField(input.lic, /^[A-Z][A-Z0-9]{3}$/, 'LIC');
  const pcn = requireField(input.pcn, /^[A-Z0-9]{1,18}$/, 'PCN');
  if (
    !Number.isInteger(input.unitOfMeasure) ||
    input.unitOfMeasure < 0 ||
    input.unitOfMeasure > 9
  ) {
    bad(`HIBC unit of measure ${input.unitOfMeasure} must be a digit 0-9`);
  }
  const primaryData = `+${lic}${pcn}${input.unitOfMeasure}`;
  const primaryCheck = computeHibcCheckCharacter(primaryData);
  const primary = symbol(primaryData + primaryCheck, currentYear);
  const body = secondaryBody(input, currentYear);
  if (body === undefined) return { primary };
  const secondaryData = `+${body}${primaryCheck}`;
  const concatenatedData = `${primaryData}/${body}`;
  return {
    primary,
    secondary: symbol(secondaryData + computeHibcCheckCharacter(secondaryData), currentYear),
    concatenated: symbol(
      concatenatedData + computeHibcCheckCharacter(concatenatedData),
      currentYear,
    ),
  };
}
