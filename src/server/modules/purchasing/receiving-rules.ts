// The rules a receipt is checked against, shared by the receipt itself and by
// the scan preview: over-receipt tolerance, the scanned GTIN against the item,
// expiry, and what a scanned supplier label says.
import { calendarDateOf } from '../../../shared/calendar-date.ts';
import {
  DEFAULT_OVER_RECEIPT_TOLERANCE_PERCENT,
  type SCAN_ITEM_MATCHES,
} from '../../../shared/purchasing.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { parseUdi } from '../udi/index.ts';
import type { PurchaseOrderLineRow } from './purchasing.tables.ts';
import {
  addDecimals,
  maxDecimal,
  normalizeDecimal,
  percentOf,
  subtractDecimal,
} from '../../../shared/decimal.ts';

export const TOLERANCE_SETTING = 'purchasing.over_receipt_tolerance_percent';

/** Today's calendar date (UTC). */
export function today(): string {
  return calendarDateOf(new Date());
}

/** The platform setting, or the default when it is missing or not a sensible percentage. */
export async function overReceiptTolerancePercent(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('platform_settings')
    .select('value')
    .where('key', '=', TOLERANCE_SETTING)
    .executeTakeFirst();
  const value = row?.value;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  return /^\d{1,3}(\.\d{1,4})?$/.test(text)
    ? normalizeDecimal(text)
    : String(DEFAULT_OVER_RECEIPT_TOLERANCE_PERCENT);
}

/** How much more the line may still receive: ordered × (1 + tolerance) − received. */
export function maxReceivable(line: PurchaseOrderLineRow, tolerancePercent: string): string {
  return maxDecimal(
    subtractDecimal(
      addDecimals(line.quantity, percentOf(line.quantity, tolerancePercent)),
      line.received_quantity,
    ),
    '0',
  );
}

export type ScanItemMatch = (typeof SCAN_ITEM_MATCHES)[number];

export function matchGtin(itemGtins: readonly string[], gtin: string | null): ScanItemMatch {
  if (itemGtins.length === 0) return 'item_has_no_gtin';
  if (!gtin) return 'scan_has_no_gtin';
  return itemGtins.includes(gtin) ? 'match' : 'mismatch';
}

/** What Lotline takes from a scanned supplier label. */
export interface ScannedLabel {
  gtin: string | null;
  supplierLot: string | null;
  serial: string | null;
  expiresOn: string | null;
  manufacturedOn: string | null;
  /** (30) variable count or (37) count of trade items, when the label carries one. */
  quantity: string | null;
}

/**
 * Reads a scanned supplier label (GS1 element string with or without a
 * symbology identifier and GS separators, GS1 Digital Link, or HIBC) with the
 * UDI module. Throws RECEIPT_SCAN_INVALID with the parser's code and position.
 */
export function readSupplierLabel(scan: string): ScannedLabel {
  const parsed = parseUdi(scan);
  if (!parsed.ok) {
    throw new DomainError(
      'RECEIPT_SCAN_INVALID',
      { udiCode: parsed.error.code, position: parsed.error.position, ai: parsed.error.ai },
      parsed.error.message,
    );
  }
  const udi = parsed.udi;
  if (udi.agency === 'HIBCC') {
    const quantity = udi.hibc.quantity;
    return {
      gtin: null,
      supplierLot: udi.lot ?? null,
      serial: udi.serial ?? null,
      expiresOn: udi.expiry ?? null,
      manufacturedOn: udi.productionDate ?? null,
      quantity: quantity !== undefined && quantity > 0 ? String(quantity) : null,
    };
  }
  const element = (ai: string) => udi.elements.find((e) => e.ai === ai)?.value;
  const count = element('30') ?? element('37');
  return {
    // (02) names the trade items inside a logistic unit labelled with an SSCC.
    gtin: udi.gtin ?? element('02') ?? null,
    supplierLot: udi.lot ?? null,
    serial: udi.serial ?? null,
    expiresOn: udi.expiry ?? null,
    manufacturedOn: udi.productionDate ?? null,
    quantity: count !== undefined && /[1-9]/.test(count) ? normalizeDecimal(count) : null,
  };
}
