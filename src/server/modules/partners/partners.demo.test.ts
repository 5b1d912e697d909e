import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import { seedDemoItems } from '../items/index.ts';
import {
  getCustomer,
  getSupplier,
  isSupplierApprovedForItem,
  listCustomers,
  listExpiringCertificates,
  listSuppliers,
  seedDemoPartners,
} from './index.ts';

const database = useTestDatabase();

describe('demo suppliers and customers (docs/demo-plant.md)', () => {
  it('load as planned: statuses, approved items, one certificate lapsing, recall contacts', async () => {
    const db = database().db;
    await db.transaction().execute(async (trx) => {
      await seedDemoItems(trx);
      await seedDemoPartners(trx);
    });
    const { items: suppliers } = await listSuppliers(db, { limit: 50, offset: 0 });
    expect(suppliers.map((s) => [s.code, s.approvalStatus])).toEqual([
      ['SUP-001', 'approved'],
      ['SUP-002', 'approved'],
      ['SUP-003', 'approved'],
      ['SUP-004', 'conditional'],
      ['SUP-005', 'approved'],
      ['SUP-006', 'approved'],
      ['SUP-007', 'disqualified'],
    ]);
    const byCode = new Map(suppliers.map((s) => [s.code, s.id]));
    const sup2 = await getSupplier(db, byCode.get('SUP-002') ?? '');
    expect(sup2.approvedItems.map((i) => i.itemCode)).toEqual(['CP-NEEDLE-01', 'CP-NEEDLE-02']);
    expect(sup2.warnings).toEqual([
      expect.objectContaining({ kind: 'certificate_expiring', certificateType: 'iso13485' }),
    ]);
    const sup7 = await getSupplier(db, byCode.get('SUP-007') ?? '');
    expect(sup7.approvedItems).toEqual([
      expect.objectContaining({ itemCode: 'CP-NEEDLE-01', active: false }),
    ]);
    expect(sup7.statusHistory.map((c) => c.toStatus)).toEqual(['approved', 'disqualified']);
    expect(
      await isSupplierApprovedForItem(
        db,
        byCode.get('SUP-007') ?? '',
        sup7.approvedItems[0]?.itemId ?? '',
      ),
    ).toBe(false);
    for (const code of ['SUP-001', 'SUP-003', 'SUP-005', 'SUP-006']) {
      expect((await getSupplier(db, byCode.get(code) ?? '')).warnings).toEqual([]);
    }
    const expiring = await listExpiringCertificates(db, {
      days: 30,
      includeExpired: true,
      limit: 50,
      offset: 0,
    });
    expect(expiring.items.map((c) => c.supplier.code)).toEqual(['SUP-002']);

    const { items: customers } = await listCustomers(db, { limit: 50, offset: 0 });
    expect(customers.map((c) => [c.code, c.kind, c.country])).toEqual([
      ['CUS-001', 'distributor', 'CN'],
      ['CUS-002', 'hospital', 'CN'],
      ['CUS-003', 'hospital', 'CN'],
      ['CUS-004', 'distributor', 'DE'],
      ['CUS-005', 'hospital', 'FR'],
    ]);
    for (const c of customers) {
      const detail = await getCustomer(db, c.id);
      expect(detail.addresses.length).toBeGreaterThan(0);
      expect(detail.contacts.some((k) => k.recallNotices)).toBe(true);
    }
    const audited = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'supplier.created')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(7);
  });
});
