// Checks of a device identifier as it is typed, so a mistyped GTIN is caught in
// the form. The server checks again (modules/items normaliseDeviceIdentifier).

const GTIN_LENGTHS = /^(\d{8}|\d{12}|\d{13}|\d{14})$/;
const HIBC_DI = /^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]$/;

/** The GS1 check digit (mod 10, weights 3 and 1 from the right) that completes `digits`. */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(digits[i]) * weight;
  }
  return String((10 - (sum % 10)) % 10);
}

export type DeviceIdentifierProblem =
  { kind: 'gtin_length' } | { kind: 'check_digit'; expected: string } | { kind: 'hibc_format' };

/** What is wrong with a GTIN (GS1) or HIBC DI; null when it is well-formed. */
export function deviceIdentifierProblem(
  agency: 'GS1' | 'HIBCC',
  value: string,
): DeviceIdentifierProblem | null {
  if (agency === 'HIBCC') return HIBC_DI.test(value) ? null : { kind: 'hibc_format' };
  if (!GTIN_LENGTHS.test(value)) return { kind: 'gtin_length' };
  const expected = gs1CheckDigit(value.slice(0, -1));
  return value.endsWith(expected) ? null : { kind: 'check_digit', expected };
}

/** A GTIN as stored (14 digits); anything else as it is. */
export function normaliseGtin(agency: 'GS1' | 'HIBCC', value: string): string {
  return agency === 'GS1' && GTIN_LENGTHS.test(value) ? value.padStart(14, '0') : value;
}
