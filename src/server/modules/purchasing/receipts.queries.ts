// Receipts as the API shows them: with their lots or serials, inspections,
// certificate file, order, supplier, item and location.
import type { Receipt } from '../../../shared/purchasing.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { refCache, type RefCache } from './purchasing.refs.ts';
import * as repo from './purchasing.repository.ts';
import type { ReceiptRow } from './purchasing.tables.ts';
import { normalizeDecimal } from '../../../shared/decimal.ts';
import { toStoredFile } from './receipt-files.ts';

export async function toReceipts(
  db: Executor,
  rows: readonly ReceiptRow[],
  refs: RefCache = refCache(db),
): Promise<Receipt[]> {
  const ids = rows.map((r) => r.id);
  const [units, files, lines, orders] = await Promise.all([
    repo.traceUnitsOfReceipts(db, ids),
    repo.fileInfos(
      db,
      rows.flatMap((r) => (r.certificate_file_id ? [r.certificate_file_id] : [])),
    ),
    Promise.all(rows.map((r) => repo.findLine(db, r.purchase_order_line_id))),
    Promise.all(rows.map((r) => repo.findPurchaseOrder(db, r.purchase_order_id))),
  ]);
  return Promise.all(
    rows.map(async (r, i) => {
      const { status: _status, ...item } = await refs.item(r.item_id);
      const { active: _active, ...location } = await refs.location(r.location_id);
      const mine = units.filter((u) => u.receipt_id === r.id);
      const file = r.certificate_file_id ? files.get(r.certificate_file_id) : undefined;
      return {
        id: r.id,
        code: r.code,
        purchaseOrder: { id: r.purchase_order_id, code: orders[i]?.code ?? '?' },
        purchaseOrderLineId: r.purchase_order_line_id,
        lineNo: lines[i]?.line_no ?? 0,
        supplier: await refs.supplier(r.supplier_id),
        item,
        quantity: normalizeDecimal(r.quantity),
        unit: r.unit,
        entryMode: r.entry_mode,
        scanData: r.scan_data,
        gtin: r.gtin,
        supplierLot: r.supplier_lot,
        expiresOn: r.expires_on,
        manufacturedOn: r.manufactured_on,
        serials: r.serials,
        location,
        traceUnits: mine.map((u) => ({
          id: u.trace_unit_id,
          code: u.trace_unit_code,
          kind: u.kind,
          quantity: normalizeDecimal(u.quantity),
        })),
        // Serials received together share one inspection: listed once, with its first unit.
        inspections: mine.flatMap((u, i) =>
          u.inspection_id && mine.findIndex((o) => o.inspection_id === u.inspection_id) === i
            ? [
                {
                  id: u.inspection_id,
                  code: u.inspection_code ?? '',
                  sampleSize: u.sample_size ?? 0,
                  traceUnitId: u.trace_unit_id,
                },
              ]
            : [],
        ),
        certificate: file ? toStoredFile(file) : null,
        receivedOn: r.received_on,
        dueDate: r.due_date,
        onTime: r.on_time,
        note: r.note,
        receivedBy: { id: r.received_by_id, name: r.received_by_name },
        receivedAt: r.received_at.toISOString(),
      };
    }),
  );
}

export async function getReceipt(db: Executor, id: string): Promise<Receipt> {
  const row = await repo.findReceipt(db, id);
  if (!row) throw new DomainError('RECEIPT_NOT_FOUND', { id });
  const [receipt] = await toReceipts(db, [row]);
  if (!receipt) throw new DomainError('RECEIPT_NOT_FOUND', { id });
  return receipt;
}

export async function listReceipts(
  db: Executor,
  filter: repo.ReceiptFilter,
): Promise<{ items: Receipt[]; total: number }> {
  const { rows, total } = await repo.listReceipts(db, filter);
  return { items: await toReceipts(db, rows), total };
}
