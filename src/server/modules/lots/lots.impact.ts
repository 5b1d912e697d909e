// The `stock` section of a change request's impact analysis: stock on hand of
// the affected items, by quality status.
import { sql } from 'kysely';
import type { ImpactProvider } from '../changes/index.ts';
import { getItem } from '../items/index.ts';
import { normalizeDecimal } from '../../../shared/decimal.ts';

export const stockImpactProvider: ImpactProvider = {
  key: 'stock',
  async compute(db, context) {
    if (context.itemIds.length === 0) return [];
    const rows = await db
      .selectFrom('stock_balances as b')
      .innerJoin('trace_units as t', 't.id', 'b.trace_unit_id')
      .select([
        't.item_id',
        't.quality_status',
        't.unit',
        sql<string>`sum(b.quantity)::text`.as('quantity'),
        sql<string>`count(distinct t.id)::text`.as('lots'),
      ])
      .where('t.item_id', 'in', context.itemIds)
      .where('b.quantity', '>', '0')
      .groupBy(['t.item_id', 't.quality_status', 't.unit'])
      .orderBy('t.item_id')
      .orderBy('t.quality_status')
      .execute();
    const codes = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.item_id)))
      codes.set(id, (await getItem(db, id)).code);
    return rows.map((r) => ({
      itemId: r.item_id,
      itemCode: codes.get(r.item_id) ?? '?',
      qualityStatus: r.quality_status,
      quantity: normalizeDecimal(r.quantity),
      unit: r.unit,
      lots: Number(r.lots),
    }));
  },
};
