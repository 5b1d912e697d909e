import type { PurchaseOrder, PurchaseOrderLine } from '../../api/purchasing.ts';

/** How much of a line has come in, 0..1 (over-receipt shown as complete). */
export function lineProgress(
  line: Pick<PurchaseOrderLine, 'quantity' | 'receivedQuantity'>,
): number {
  const ordered = Number(line.quantity);
  if (!(ordered > 0)) return 0;
  return Math.min(1, Number(line.receivedQuantity) / ordered);
}

/** The lines' mean progress: lines may be in different units, so quantities are not added up. */
export function orderProgress(order: Pick<PurchaseOrder, 'lines'>): number {
  if (order.lines.length === 0) return 0;
  return order.lines.reduce((sum, line) => sum + lineProgress(line), 0) / order.lines.length;
}

/** True when a decimal string is above zero. */
export function isAboveZero(value: string): boolean {
  return /[1-9]/.test(value);
}

/** A rate 0..1 as a whole percentage; null stays null. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
