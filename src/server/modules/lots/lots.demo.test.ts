import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import { QUALITY_STATUSES } from '../../../shared/lots.contract.ts';
import { seedDemo } from '../../seed.ts';
import { verifyStockLedger } from './index.ts';
import { listBalances } from './stock.queries.ts';

const database = useTestDatabase();

describe('demo lots (docs/demo-plant.md)', () => {
  it(
    'end with lots in every quality status, in quarantine, storage and production',
    { timeout: 180_000 },
    async () => {
      const db = database().db;
      await seedDemo(db);
      const statuses = await db
        .selectFrom('trace_units')
        .select('quality_status')
        .distinct()
        .execute();
      expect(statuses.map((s) => s.quality_status).sort()).toEqual([...QUALITY_STATUSES].sort());
      const { items } = await listBalances(db, { limit: 200, offset: 0 });
      const kinds = new Set(items.map((b) => b.locationKind));
      for (const kind of ['quarantine', 'storage', 'production']) expect(kinds).toContain(kind);
      expect(await db.selectFrom('genealogy_edges').select('child_id').execute()).not.toHaveLength(
        0,
      );
      expect((await verifyStockLedger(db)).mismatches).toEqual([]);
      const bySupplierLot = Object.fromEntries(
        (
          await db
            .selectFrom('trace_units')
            .select(['supplier_lot', 'quality_status'])
            .where('source_type', 'is distinct from', 'split')
            .execute()
        ).map((r) => [r.supplier_lot, r.quality_status]),
      );
      expect(bySupplierLot).toMatchObject({
        'HX-T260901': 'released',
        'JN2609-118': 'on_hold',
        'KS-SP-2610A': 'recalled',
        'JN2610-007': 'rejected',
        'MD-B-2611': 'quarantined',
        'DEMO-EXP-1': 'expired',
      });
    },
  );
});
