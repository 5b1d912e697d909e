import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import { seedDemoItems } from '../items/index.ts';
import { seedDemoPartners } from '../partners/index.ts';
import { seedDemoPlant } from '../plant/index.ts';
import { seedDemoUsers } from '../../platform/identity/index.ts';
import {
  getPurchaseOrder,
  listPurchaseOrders,
  listReceipts,
  seedDemoPurchasing,
  supplierScorecard,
} from './index.ts';

const database = useTestDatabase();

describe('demo purchasing (docs/demo-plant.md)', () => {
  it('loads orders in every state and receipts that quarantine supplier lots', async () => {
    const db = database().db;
    await db.transaction().execute(async (trx) => {
      await seedDemoUsers(trx);
      await seedDemoItems(trx);
      await seedDemoPartners(trx);
      await seedDemoPlant(trx);
      await seedDemoPurchasing(trx);
    });
    const { items: orders } = await listPurchaseOrders(db, { limit: 50, offset: 0 });
    expect(orders.map((o) => [o.code, o.supplier.code, o.status]).reverse()).toEqual([
      ['PO-0001', 'SUP-001', 'received'],
      ['PO-0002', 'SUP-002', 'partially_received'],
      ['PO-0003', 'SUP-003', 'received'],
      ['PO-0004', 'SUP-006', 'closed'],
      ['PO-0005', 'SUP-005', 'open'],
      ['PO-0006', 'SUP-001', 'draft'],
    ]);
    const { items: receipts, total } = await listReceipts(db, { limit: 50, offset: 0 });
    expect(total).toBe(8);
    expect(receipts.every((r) => r.location.code === 'RM-QZ-01')).toBe(true);
    expect(receipts.filter((r) => r.entryMode === 'scan')).toHaveLength(2);
    expect(receipts.filter((r) => r.certificate !== null)).toHaveLength(4);
    expect(receipts.every((r) => r.traceUnits.length === 1 && r.expiresOn !== null)).toBe(true);
    const needles = await getPurchaseOrder(db, orders.find((o) => o.code === 'PO-0002')?.id ?? '');
    expect(needles.lines[0]).toMatchObject({ receivedQuantity: '6000', openQuantity: '4000' });
    const card = await supplierScorecard(db, {});
    expect(card.rows.find((r) => r.supplier.code === 'SUP-001')).toMatchObject({
      receipts: 2,
      onTimeReceipts: 1,
      onTimeRate: 0.5,
    });
  });
});
