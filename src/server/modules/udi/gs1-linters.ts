// Character sets and content checks ("linters") named by the GS1 Barcode Syntax
// Dictionary. Each check returns the first problem as an offset into the component.
import { computeGs1CheckCharacterPair, hasValidGs1CheckDigit } from './gs1-check.ts';
import type { Gs1CharacterSet, Gs1LinterName } from './gs1-ai-types.ts';
import type { UdiErrorCode } from './udi.errors.ts';
import { checkCalendarDate, yearFromTwoDigits } from './udi-dates.ts';

export interface LintProblem {
  code: UdiErrorCode;
  /** Offset of the offending character within the component. */
  offset: number;
  reason: string;
}

const CHARSETS: Record<Gs1CharacterSet, { name: string; pattern: RegExp }> = {
  N: { name: 'digits', pattern: /[0-9]/ },
  X: { name: 'GS1 AI encodable character set 82', pattern: /[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]/ },
  Y: { name: 'GS1 AI encodable character set 39', pattern: /[#\-/0-9A-Z]/ },
  Z: { name: 'GS1 AI encodable character set 64', pattern: /[A-Za-z0-9\-_=]/ },
};

export function describeCharset(cset: Gs1CharacterSet): string {
  return CHARSETS[cset].name;
}

/** Offset of the first character outside the set, or -1. */
export function firstCharOutside(value: string, cset: Gs1CharacterSet): number {
  const { pattern } = CHARSETS[cset];
  for (let i = 0; i < value.length; i++) {
    if (!pattern.test(value.charAt(i))) return i;
  }
  // Set 64 allows '=' only as trailing padding.
  if (cset === 'Z') {
    const firstPad = value.indexOf('=');
    if (firstPad !== -1 && !/^=={0,1}$/.test(value.slice(firstPad))) return firstPad;
  }
  return -1;
}

type Linter = (data: string, currentYear: number) => LintProblem | undefined;

const invalid = (offset: number, reason: string): LintProblem => ({
  code: 'GS1_INVALID_VALUE',
  offset,
  reason,
});
const badDate = (offset: number, reason: string): LintProblem => ({
  code: 'GS1_INVALID_DATE',
  offset,
  reason,
});

function lintDate(data: string, century: 'window' | 'explicit', dayZero: boolean) {
  const yearLength = century === 'window' ? 2 : 4;
  const yearPart = Number(data.slice(0, yearLength));
  return (currentYear: number): LintProblem | undefined => {
    const year = century === 'window' ? yearFromTwoDigits(yearPart, currentYear) : yearPart;
    const month = Number(data.slice(yearLength, yearLength + 2));
    const day = Number(data.slice(yearLength + 2, yearLength + 4));
    const problem = checkCalendarDate(year, month, day, dayZero);
    if (!problem) return undefined;
    return badDate(problem.part === 'month' ? yearLength : yearLength + 2, problem.reason);
  };
}

function lintTime(data: string, parts: readonly ('hh' | 'mi' | 'ss')[], offset = 0) {
  for (let i = 0; i < parts.length; i++) {
    const value = Number(data.slice(offset + 2 * i, offset + 2 * i + 2));
    const part = parts[i];
    const limit = part === 'hh' ? 23 : 59;
    if (value > limit) {
      const name = part === 'hh' ? 'hour' : part === 'mi' ? 'minute' : 'second';
      return badDate(offset + 2 * i, `${name} ${value} does not exist`);
    }
  }
  return undefined;
}

function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

const oneOf =
  (allowed: readonly string[], what: string): Linter =>
  (data) =>
    allowed.includes(data) ? undefined : invalid(0, `'${data}' is not a valid ${what}`);

const LINTERS: Record<Gs1LinterName, Linter> = {
  csum: (data) =>
    hasValidGs1CheckDigit(data)
      ? undefined
      : { code: 'GS1_CHECK_DIGIT', offset: data.length - 1, reason: 'wrong check digit' },
  csumalpha: (data) => {
    if (data.length < 2) return invalid(0, 'too short for a check character pair');
    const expected = computeGs1CheckCharacterPair(data.slice(0, -2));
    return expected === data.slice(-2)
      ? undefined
      : { code: 'GS1_CHECK_DIGIT', offset: data.length - 2, reason: 'wrong check character pair' };
  },
  gcppos1: (data) =>
    /^\d{4}/.test(data) ? undefined : invalid(0, 'does not start with a GS1 Company Prefix'),
  gcppos2: (data) =>
    /^.\d{4}/.test(data) ? undefined : invalid(1, 'has no GS1 Company Prefix after position 1'),
  hasnondigit: (data) => (/\D/.test(data) ? undefined : invalid(0, 'must contain a non-digit')),
  yymmdd: (data, year) => lintDate(data, 'window', false)(year),
  yymmd0: (data, year) => lintDate(data, 'window', true)(year),
  yymmddhh: (data, year) => lintDate(data, 'window', false)(year) ?? lintTime(data, ['hh'], 6),
  yyyymmdd: (data, year) => lintDate(data, 'explicit', false)(year),
  yyyymmd0: (data, year) => lintDate(data, 'explicit', true)(year),
  hh: (data) => lintTime(data, ['hh']),
  hhmi: (data) => lintTime(data, ['hh', 'mi']),
  hhmm: (data) => lintTime(data, ['hh', 'mi']),
  mi: (data) => lintTime(data, ['mi']),
  ss: (data) => lintTime(data, ['ss']),
  // Membership of the ISO 3166 / ISO 4217 / UN/ECE Rec 21 code lists is not checked.
  iso3166: () => undefined,
  iso3166999: () => undefined,
  iso4217: () => undefined,
  iso3166alpha2: (data) =>
    /^[A-Z]{2}$/.test(data) ? undefined : invalid(0, 'is not an ISO 3166 alpha-2 code'),
  packagetype: (data) =>
    /^[A-Z0-9]+$/.test(data) ? undefined : invalid(0, 'is not a package type code'),
  iso5218: oneOf(['0', '1', '2', '9'], 'ISO/IEC 5218 sex code'),
  iban: (data) =>
    /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(data) && ibanRemainder(data) === 1
      ? undefined
      : invalid(0, 'is not a valid IBAN'),
  pcenc: (data) => {
    const bad = data.search(/%(?![0-9A-Fa-f]{2})/);
    return bad === -1 ? undefined : invalid(bad, 'has a malformed percent-encoding');
  },
  hyphen: oneOf(['-'], 'hyphen'),
  importeridx: (data) =>
    /^[-0-9A-Za-z_]$/.test(data) ? undefined : invalid(0, 'is not an importer index'),
  nonzero: (data) => (/^0+$/.test(data) ? invalid(0, 'must not be zero') : undefined),
  zero: oneOf(['0'], 'zero digit'),
  nozeroprefix: (data) =>
    data.length > 1 && data.startsWith('0') ? invalid(0, 'must not start with 0') : undefined,
  winding: oneOf(['0', '1', '9'], 'winding direction'),
  pieceoftotal: (data) => {
    const half = data.length / 2;
    const piece = data.slice(0, half);
    const total = data.slice(half);
    if (data.length % 2 !== 0) return invalid(0, 'piece and total differ in length');
    if (/^0+$/.test(piece)) return invalid(0, 'piece number is zero');
    if (/^0+$/.test(total)) return invalid(half, 'total is zero');
    return piece > total ? invalid(0, 'piece number exceeds the total') : undefined;
  },
  latitude: (data) => (Number(data) > 1800000000 ? invalid(0, 'latitude out of range') : undefined),
  longitude: (data) =>
    Number(data) > 3600000000 ? invalid(0, 'longitude out of range') : undefined,
  yesno: oneOf(['0', '1'], 'yes/no flag'),
  mediatype: (data) =>
    /^(0[1-9]|10|[89]\d)$/.test(data)
      ? undefined
      : invalid(0, `'${data}' is not an AIDC media type`),
  posinseqslash: (data) => {
    const match = /^(\d)\/(\d)$/.exec(data);
    return match && match[1] !== '0' && (match[1] ?? '') <= (match[2] ?? '')
      ? undefined
      : invalid(0, 'is not a position in sequence like 1/2');
  },
  // Coupon AIs (8110, 8112) are outside a device plant's scope; their inner structure is not checked.
  couponcode: () => undefined,
  couponposoffer: () => undefined,
};

export function runLinter(
  name: Gs1LinterName,
  data: string,
  currentYear: number,
): LintProblem | undefined {
  return LINTERS[name](data, currentYear);
}

export function isImplementedLinter(name: string): boolean {
  return Object.hasOwn(LINTERS, name);
}
