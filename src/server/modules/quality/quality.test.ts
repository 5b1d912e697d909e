// Nonconformance records: numbered NCR-0001, …, linked to their lots, audited,
// listed with filters.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import { makeLotsFixture, makeQuarantinedLot } from '../../../../test/support/lots.ts';
import { systemActor } from '../../platform/actor.ts';
import { getNonconformance, listNonconformances, openNonconformance } from './index.ts';

const db = useTestDatabase();
const actor = systemActor('test');

describe('nonconformance records', () => {
  it('are numbered, linked to their lots, audited and listed by lot, item and supplier', async () => {
    const f = await makeLotsFixture(db());
    const lot = await makeQuarantinedLot(db(), f);
    const open = (description: string) =>
      db()
        .db.transaction()
        .execute((trx) =>
          openNonconformance(trx, actor, {
            source: { type: 'inspection', id: lot.id, code: 'INS-9999' },
            traceUnitIds: [lot.id, lot.id],
            itemId: f.itemId,
            supplierId: f.supplierId,
            description,
          }),
        );
    const first = await open('Burrs');
    const second = await open('Scratches');
    expect(first.code).toMatch(/^NCR-\d{4,}$/);
    expect(Number(second.code.slice(4))).toBe(Number(first.code.slice(4)) + 1);

    const ncr = await getNonconformance(db().db, first.id);
    expect(ncr).toMatchObject({
      status: 'open',
      source: { type: 'inspection', code: 'INS-9999' },
      lots: [{ id: lot.id, code: lot.code, qualityStatus: 'quarantined' }],
      item: { id: f.itemId },
      supplier: { id: f.supplierId },
      description: 'Burrs',
    });
    const page = { limit: 50, offset: 0 };
    expect((await listNonconformances(db().db, { ...page, lotId: lot.id })).total).toBe(2);
    expect((await listNonconformances(db().db, { ...page, q: 'scratch' })).items).toMatchObject([
      { id: second.id },
    ]);
    expect((await listNonconformances(db().db, { ...page, supplierId: f.supplierId })).total).toBe(
      2,
    );

    const audit = await db()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', first.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['nonconformance.opened']);
    await expect(getNonconformance(db().db, lot.id)).rejects.toMatchObject({
      code: 'NONCONFORMANCE_NOT_FOUND',
    });
  });
});
