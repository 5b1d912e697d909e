// Exact comparison of decimal strings ('-20.5', '180', '0.000001'): limits are
// checked without floating point.
const SCALE = 12;

function scaled(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = BigInt(whole + fraction.padEnd(SCALE, '0').slice(0, SCALE));
  return negative ? -digits : digits;
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = scaled(a);
  const y = scaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isPositiveDecimal(value: string): boolean {
  return compareDecimal(value, '0') > 0;
}
