// What a scan would mean for a PO line, without writing anything: the screen
// shows it before the person confirms the receipt.
import type { ReceiptScanPreview } from '../../../shared/purchasing.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError, isDomainError } from '../../platform/errors.ts';
import { toPurchaseOrderLine } from './orders.service.ts';
import { refCache } from './purchasing.refs.ts';
import * as repo from './purchasing.repository.ts';
import { compareDecimal } from '../../../shared/decimal.ts';
import {
  matchGtin,
  maxReceivable,
  overReceiptTolerancePercent,
  readSupplierLabel,
  today,
  type ScannedLabel,
} from './receiving-rules.ts';

type Problem = ReceiptScanPreview['problems'][number];

export async function previewReceiptScan(
  db: Executor,
  input: { purchaseOrderLineId: string; scan: string },
): Promise<ReceiptScanPreview> {
  const row = await repo.findLine(db, input.purchaseOrderLineId);
  if (!row)
    throw new DomainError('PURCHASE_ORDER_LINE_NOT_FOUND', { id: input.purchaseOrderLineId });
  const refs = refCache(db);
  const line = await toPurchaseOrderLine(row, refs);
  const receivable = maxReceivable(row, await overReceiptTolerancePercent(db));
  const problems: Problem[] = [];
  let label: ScannedLabel | null = null;
  try {
    label = readSupplierLabel(input.scan);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const udiCode = error.params.udiCode;
    problems.push({
      code: typeof udiCode === 'string' ? udiCode : error.code,
      message: error.message,
    });
  }
  const on = today();
  const itemMatch = label ? matchGtin(line.item.gtins, label.gtin) : null;
  const expired = label?.expiresOn ? label.expiresOn < on : false;
  if (label) {
    if (itemMatch === 'mismatch')
      problems.push({
        code: 'RECEIPT_GTIN_MISMATCH',
        message: `The label's GTIN ${label.gtin ?? ''} is not item ${line.item.code}`,
      });
    if (expired)
      problems.push({
        code: 'LOT_EXPIRED',
        message: `The lot expired on ${label.expiresOn ?? ''}`,
      });
    if (line.item.tracking === 'lot' && !label.supplierLot)
      problems.push({
        code: 'RECEIPT_SUPPLIER_LOT_REQUIRED',
        message: 'The label carries no lot (10): type it',
      });
    if (line.item.tracking === 'serial' && !label.serial)
      problems.push({
        code: 'RECEIPT_SERIALS_INVALID',
        message: 'The label carries no serial (21): type the serials',
      });
    if (label.quantity && compareDecimal(label.quantity, receivable) > 0)
      problems.push({
        code: 'RECEIPT_OVER_TOLERANCE',
        message: `${label.quantity} exceeds the ${receivable} the line may still receive`,
      });
  }
  return {
    ok: problems.length === 0,
    itemMatch,
    gtin: label?.gtin ?? null,
    supplierLot: label?.supplierLot ?? null,
    serial: label?.serial ?? null,
    expiresOn: label?.expiresOn ?? null,
    manufacturedOn: label?.manufacturedOn ?? null,
    expired,
    quantity: label?.quantity ?? null,
    line,
    maxReceivable: receivable,
    problems,
  };
}
