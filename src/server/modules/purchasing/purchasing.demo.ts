// Demo purchasing (docs/demo-plant.md): purchase orders for the demo suppliers'
// approved items — received, partly received, open, closed short, a draft —
// and receipts that create quarantined lots bound to supplier lots (with expiry
// dates and a certificate of analysis), opening the incoming inspections.
import { addDays } from '../../../shared/calendar-date.ts';
import type { CreateReceiptInput } from '../../../shared/purchasing.contract.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { getItemByCode } from '../items/index.ts';
import { findSupplierIdByCode } from '../partners/index.ts';
import { findLocationIdByCode } from '../plant/index.ts';
import { computeGs1CheckDigit } from '../udi/index.ts';
import { changePurchaseOrderStatus, createPurchaseOrder } from './orders.service.ts';
import { receiveGoods } from './receipts.service.ts';
import { today } from './receiving-rules.ts';

interface DemoLine {
  item: string;
  quantity: string;
  /** Due date, days from today (negative: in the past). */
  due: number;
}

interface DemoReceipt {
  line: number;
  quantity: string;
  supplierLot: string;
  /** Received this many days ago. */
  ago: number;
  expiresIn: number;
  madeAgo: number;
  /** Received by scanning the supplier's GS1-128 label instead of typing. */
  scanned?: boolean;
  certificate?: boolean;
}

interface DemoOrder {
  supplier: string;
  reference: string;
  lines: DemoLine[];
  receipts: DemoReceipt[];
  /** What happens after the receipts. */
  then?: { step: 'close' | 'cancel'; reason: string } | 'draft';
}

const DEMO_ORDERS: DemoOrder[] = [
  {
    supplier: 'SUP-001',
    reference: 'HX-SO-26118',
    lines: [
      { item: 'CP-TUBE-01', quantity: '5000', due: -40 },
      { item: 'CP-DRIP-01', quantity: '5000', due: -40 },
    ],
    receipts: [
      {
        line: 0,
        quantity: '5000',
        supplierLot: 'HX-T260901',
        ago: 42,
        expiresIn: 1000,
        madeAgo: 60,
        certificate: true,
      },
      // Two days late.
      {
        line: 1,
        quantity: '5000',
        supplierLot: 'HX-D260903',
        ago: 38,
        expiresIn: 1000,
        madeAgo: 55,
        scanned: true,
      },
    ],
  },
  {
    supplier: 'SUP-002',
    reference: 'JN-PO-7781',
    lines: [{ item: 'CP-NEEDLE-01', quantity: '10000', due: -20 }],
    receipts: [
      {
        line: 0,
        quantity: '4000',
        supplierLot: 'JN2609-118',
        ago: 21,
        expiresIn: 1700,
        madeAgo: 40,
        certificate: true,
      },
      {
        line: 0,
        quantity: '2000',
        supplierLot: 'JN2610-007',
        ago: 10,
        expiresIn: 1750,
        madeAgo: 25,
        scanned: true,
      },
    ],
  },
  {
    supplier: 'SUP-003',
    reference: 'KS-26-0412',
    lines: [
      { item: 'CP-SPIKE-01', quantity: '3000', due: -15 },
      { item: 'CP-LUER-01', quantity: '3000', due: -15 },
    ],
    receipts: [
      {
        line: 0,
        quantity: '3000',
        supplierLot: 'KS-SP-2610A',
        ago: 16,
        expiresIn: 900,
        madeAgo: 30,
        certificate: true,
      },
      {
        line: 1,
        quantity: '3100',
        supplierLot: 'KS-LL-2610B',
        ago: 16,
        expiresIn: 900,
        madeAgo: 30,
      },
    ],
  },
  {
    supplier: 'SUP-006',
    reference: 'MD-4471',
    lines: [
      { item: 'CP-MOTOR-01', quantity: '200', due: -8 },
      { item: 'CP-BATT-01', quantity: '200', due: -8 },
    ],
    receipts: [
      { line: 0, quantity: '120', supplierLot: 'MD-M-2611', ago: 5, expiresIn: 3000, madeAgo: 20 },
      {
        line: 1,
        quantity: '200',
        supplierLot: 'MD-B-2611',
        ago: 5,
        expiresIn: 600,
        madeAgo: 30,
        certificate: true,
      },
    ],
    then: { step: 'close', reason: 'Supplier cannot deliver the remaining 80 motors this quarter' },
  },
  {
    supplier: 'SUP-005',
    reference: 'PK-88120',
    lines: [
      { item: 'PK-POUCH-01', quantity: '20000', due: 12 },
      { item: 'LB-IS-01', quantity: '20000', due: 12 },
    ],
    receipts: [],
  },
  {
    supplier: 'SUP-001',
    reference: 'HX-SO-26140',
    lines: [{ item: 'RM-PVC-01', quantity: '500', due: 30 }],
    receipts: [],
    then: 'draft',
  },
];

const CERTIFICATE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Certificate of analysis (demo)\n%%EOF\n',
);

const SUPPLIER_GTIN_BODY = '0697123450001';

/**
 * The supplier's GS1-128 label as a scanner types it: ]C1, the supplier's own
 * GTIN (the demo components have none in Lotline, so any GTIN is accepted), GS
 * after the variable-length lot.
 */
function supplierLabel(r: DemoReceipt, on: string): string {
  const yymmdd = (iso: string) => iso.slice(2).replaceAll('-', '');
  const gtin = SUPPLIER_GTIN_BODY + computeGs1CheckDigit(SUPPLIER_GTIN_BODY);
  return `]C101${gtin}11${yymmdd(addDays(on, -r.madeAgo))}17${yymmdd(addDays(on, r.expiresIn))}10${r.supplierLot}\u001d30${r.quantity}`;
}

export async function seedDemoPurchasing(trx: Trx): Promise<void> {
  const actor = systemActor('demo-seed');
  const on = today();
  const quarantine = await findLocationIdByCode(trx, 'RM-QZ-01');
  if (!quarantine) throw new Error('Demo location RM-QZ-01 is missing: seed the plant first');
  for (const order of DEMO_ORDERS) {
    const supplierId = await findSupplierIdByCode(trx, order.supplier);
    if (!supplierId) throw new Error(`Demo supplier ${order.supplier} is missing`);
    const lines = [];
    for (const line of order.lines) {
      const item = await getItemByCode(trx, line.item);
      lines.push({ itemId: item.id, quantity: line.quantity, dueDate: addDays(on, line.due) });
    }
    const po = await createPurchaseOrder(trx, actor, {
      supplierId,
      supplierReference: order.reference,
      lines,
      reason: 'Demo data',
    });
    if (order.then === 'draft') continue;
    await changePurchaseOrderStatus(trx, actor, po.id, 'place', 'Demo data');
    for (const r of order.receipts) {
      const line = po.lines[r.line];
      if (!line) throw new Error(`Demo order ${order.reference} has no line ${r.line}`);
      const typed: Partial<CreateReceiptInput> = r.scanned
        ? { scan: supplierLabel(r, on) }
        : {
            supplierLot: r.supplierLot,
            quantity: r.quantity,
            expiresOn: addDays(on, r.expiresIn),
            manufacturedOn: addDays(on, -r.madeAgo),
          };
      await receiveGoods(trx, actor, {
        purchaseOrderLineId: line.id,
        ...typed,
        locationId: quarantine,
        receivedOn: addDays(on, -r.ago),
        ...(r.certificate
          ? {
              certificate: {
                filename: `COA-${r.supplierLot}.pdf`,
                mediaType: 'application/pdf' as const,
                contentBase64: CERTIFICATE_PDF.toString('base64'),
              },
            }
          : {}),
        reason: 'Demo data',
      });
    }
    if (order.then)
      await changePurchaseOrderStatus(trx, actor, po.id, order.then.step, order.then.reason);
  }
}
