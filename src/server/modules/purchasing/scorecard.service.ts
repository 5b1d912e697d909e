// The supplier scorecard, computed from the records each time: on-time delivery
// from the receipts (received on or before the line's due date), lot acceptance
// from the lots' first decisions (released / decided).
import { addDays } from '../../../shared/calendar-date.ts';
import type { SupplierScorecardRow } from '../../../shared/purchasing.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { lotOutcomesBySupplier } from '../lots/index.ts';
import { refCache } from './purchasing.refs.ts';
import * as repo from './purchasing.repository.ts';

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export async function supplierScorecard(
  db: Executor,
  window: { from?: string; to?: string },
): Promise<{ from: string | null; to: string | null; rows: SupplierScorecardRow[] }> {
  const [timeliness, outcomes] = await Promise.all([
    repo.receiptTimeliness(db, window),
    // The lots count by creation time, before the `to` bound: give them the next day.
    lotOutcomesBySupplier(db, { from: window.from, to: window.to && addDays(window.to, 1) }),
  ]);
  const supplierIds = new Set([
    ...timeliness.map((t) => t.supplier_id),
    ...outcomes.map((o) => o.supplierId),
  ]);
  const refs = refCache(db);
  const rows = await Promise.all(
    [...supplierIds].map(async (supplierId): Promise<SupplierScorecardRow> => {
      const t = timeliness.find((x) => x.supplier_id === supplierId);
      const o = outcomes.find((x) => x.supplierId === supplierId);
      const receipts = t?.receipts ?? 0;
      const onTime = t?.on_time ?? 0;
      const released = o?.released ?? 0;
      const rejected = o?.rejected ?? 0;
      return {
        supplier: await refs.supplier(supplierId),
        receipts,
        onTimeReceipts: onTime,
        onTimeRate: rate(onTime, receipts),
        lotsReceived: o?.received ?? 0,
        lotsReleased: released,
        lotsRejected: rejected,
        lotsPending: o?.pending ?? 0,
        acceptanceRate: rate(released, released + rejected),
      };
    }),
  );
  rows.sort((a, b) => a.supplier.code.localeCompare(b.supplier.code));
  return { from: window.from ?? null, to: window.to ?? null, rows };
}
