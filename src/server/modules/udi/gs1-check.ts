// GS1 check digits (mod 10, GS1 General Specifications 7.9.1) and check character
// pairs for alphanumeric keys (mod 1021 over prime weights, 7.9.5), plus SSCC assembly.
import { UdiError } from './udi.errors.ts';

/** The check digit that completes `digits` (GTIN, SSCC, GLN, GSRN … without their last digit). */
export function computeGs1CheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) {
    throw new UdiError({
      code: 'GS1_BAD_CHARSET',
      message: `A GS1 check digit is computed over digits only, not '${digits}'`,
    });
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Weights 3, 1, 3, 1 … counted from the rightmost data digit.
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(digits[i]) * weight;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether the last digit of `key` is its correct GS1 check digit. */
export function hasValidGs1CheckDigit(key: string): boolean {
  return /^\d{2,}$/.test(key) && computeGs1CheckDigit(key.slice(0, -1)) === key.slice(-1);
}

const CSET82_BY_WEIGHT =
  '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function primes(count: number): number[] {
  const found: number[] = [];
  for (let n = 2; found.length < count; n++) {
    if (found.every((p) => n % p !== 0)) found.push(n);
  }
  return found;
}
const PRIMES = primes(97);

/** The two check characters (CSET 32) that complete an alphanumeric key such as a GMN. */
export function computeGs1CheckCharacterPair(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const value = CSET82_BY_WEIGHT.indexOf(data.charAt(i));
    const weight = PRIMES[data.length - 1 - i];
    if (value < 0 || weight === undefined) {
      throw new UdiError({
        code: 'GS1_BAD_CHARSET',
        message: `Cannot compute a check character pair over '${data}'`,
      });
    }
    sum += value * weight;
  }
  sum %= 1021;
  return CSET32.charAt(sum >> 5) + CSET32.charAt(sum & 31);
}

export interface SsccParts {
  extensionDigit: number | string;
  companyPrefix: string;
  serialReference: string;
}

/** An 18-digit SSCC: extension digit + GS1 Company Prefix + serial reference + check digit. */
export function makeSscc({ extensionDigit, companyPrefix, serialReference }: SsccParts): string {
  const extension = String(extensionDigit);
  if (!/^\d$/.test(extension)) {
    throw new UdiError({
      code: 'GS1_BAD_CHARSET',
      ai: '00',
      message: `SSCC extension digit must be one digit 0-9, not '${extension}'`,
    });
  }
  if (!/^\d{4,12}$/.test(companyPrefix)) {
    throw new UdiError({
      code: 'GS1_BAD_LENGTH',
      ai: '00',
      message: `GS1 Company Prefix must be 4 to 12 digits, not '${companyPrefix}'`,
    });
  }
  if (!/^\d+$/.test(serialReference)) {
    throw new UdiError({
      code: 'GS1_BAD_CHARSET',
      ai: '00',
      message: `SSCC serial reference must be digits, not '${serialReference}'`,
    });
  }
  const body = extension + companyPrefix + serialReference;
  if (body.length !== 17) {
    throw new UdiError({
      code: 'GS1_BAD_LENGTH',
      ai: '00',
      message: `Extension digit, company prefix and serial reference must total 17 digits, not ${body.length}`,
    });
  }
  return body + computeGs1CheckDigit(body);
}
