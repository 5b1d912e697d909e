// Quantities as the lot screens show and take them; the arithmetic is the shared
// exact decimal code (src/shared/decimal.ts), never floating point.
import { isDecimal, isPositiveDecimal, normalizeDecimal } from '../../../shared/decimal.ts';

/** A non-zero decimal with an optional sign: + adds stock, - removes it. */
export function isSignedQuantity(value: string): boolean {
  return isDecimal(value) && normalizeDecimal(value) !== '0';
}

/** `12.500000` → `12.5`: the API's decimals without trailing zeros. */
export function quantityText(quantity: string): string {
  return isDecimal(quantity) ? normalizeDecimal(quantity) : quantity;
}

/** Stock left at a place (a balance above zero). */
export function hasQuantity(quantity: string): boolean {
  return isPositiveDecimal(quantity);
}
