// Exact decimal arithmetic on the strings the API carries ('12', '0.5', '-20.25'):
// quantities, limits and measured values never pass through floating point.
// Values are scaled integers internally; results come back without trailing zeros.
// Shared by the server modules and the web app.

/** Digits kept after the point internally (inputs have at most 6; 12 leaves room for limits). */
const SCALE = 12;
const FACTOR = 10n ** BigInt(SCALE);

/** A quantity as the API takes it: up to 12 digits before and 6 after the point. */
export const QUANTITY_PATTERN = /^\d{1,12}(\.\d{1,6})?$/;
/** A signed decimal (limits, targets, measured values, adjustments). */
export const SIGNED_DECIMAL_PATTERN = /^[-+]?\d{1,12}(\.\d{1,6})?$/;

function toScaled(value: string): bigint {
  const text = value.trim();
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[-+]/, '').split('.');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) {
    throw new RangeError(`not a decimal: ${value}`);
  }
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) {
    throw new RangeError(`more than ${SCALE} decimal places: ${value}`);
  }
  const digits = BigInt((whole || '0') + fraction.padEnd(SCALE, '0').slice(0, SCALE));
  return negative ? -digits : digits;
}

function fromScaled(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / FACTOR}${fraction ? `.${fraction}` : ''}`;
}

/** A positive quantity in the API's format (not zero). */
export function isQuantity(value: string): boolean {
  return QUANTITY_PATTERN.test(value) && /[1-9]/.test(value);
}

/** A signed decimal in the API's format. */
export function isDecimal(value: string): boolean {
  return SIGNED_DECIMAL_PATTERN.test(value.trim());
}

/** The canonical form: no leading +, no trailing zeros ('5.500000' → '5.5', '-0' → '0'). */
export function normalizeDecimal(value: string): string {
  return fromScaled(toScaled(value));
}

export function addDecimals(...values: readonly string[]): string {
  return fromScaled(values.reduce((sum, value) => sum + toScaled(value), 0n));
}

export function subtractDecimal(a: string, b: string): string {
  return fromScaled(toScaled(a) - toScaled(b));
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a);
  const y = toScaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function minDecimal(a: string, b: string): string {
  return normalizeDecimal(compareDecimal(a, b) <= 0 ? a : b);
}

export function maxDecimal(a: string, b: string): string {
  return normalizeDecimal(compareDecimal(a, b) >= 0 ? a : b);
}

export function isPositiveDecimal(value: string): boolean {
  return toScaled(value) > 0n;
}

export function isNegativeDecimal(value: string): boolean {
  return toScaled(value) < 0n;
}

/** percent % of value, rounded toward zero at the sixth decimal (the API's precision). */
export function percentOf(value: string, percent: string): string {
  const exact = (toScaled(value) * toScaled(percent)) / (100n * FACTOR);
  const step = 10n ** BigInt(SCALE - 6);
  return fromScaled((exact / step) * step);
}
