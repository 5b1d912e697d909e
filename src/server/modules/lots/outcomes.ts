// Read models other modules use: the supplier scorecard's lot outcomes.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/**
 * Per supplier, the lots received in the window (by creation time; split and
 * merge outputs are not receipts) and their first decision: released or
 * rejected; pending while still undecided.
 */
export async function lotOutcomesBySupplier(
  db: Executor,
  window: { from?: string; to?: string },
): Promise<
  { supplierId: string; received: number; released: number; rejected: number; pending: number }[]
> {
  const { rows } = await sql<{
    supplier_id: string;
    received: string;
    released: string;
    rejected: string;
  }>`
    with received as (
      select t.id, t.supplier_id,
        (select c.to_status from trace_unit_status_changes c
          where c.trace_unit_id = t.id and c.to_status in ('released', 'rejected')
          order by c.changed_at, c.id limit 1) as decision
      from trace_units t
      where t.supplier_id is not null
        and (t.source_type is null or t.source_type not in ('split', 'merge'))
        and (${window.from ?? null}::timestamptz is null or t.created_at >= ${window.from ?? null}::timestamptz)
        and (${window.to ?? null}::timestamptz is null or t.created_at < ${window.to ?? null}::timestamptz)
    )
    select supplier_id::text as supplier_id, count(*)::text as received,
      count(*) filter (where decision = 'released')::text as released,
      count(*) filter (where decision = 'rejected')::text as rejected
    from received group by supplier_id order by supplier_id`.execute(db);
  return rows.map((r) => {
    const received = Number(r.received);
    const released = Number(r.released);
    const rejected = Number(r.rejected);
    return {
      supplierId: r.supplier_id,
      received,
      released,
      rejected,
      pending: received - released - rejected,
    };
  });
}
