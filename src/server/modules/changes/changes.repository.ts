import type { Insertable, Selectable } from 'kysely';
import type { ChangeStatus } from '../../../shared/changes.contract.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type { ChangeRequestsTable, ChangeRequestTargetsTable } from './changes.tables.ts';
import './changes.tables.ts';

export type ChangeRow = Selectable<ChangeRequestsTable>;
export type TargetRow = Selectable<ChangeRequestTargetsTable>;

export async function findChange(db: Executor, id: string): Promise<ChangeRow | undefined> {
  return db.selectFrom('change_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockChange(db: Executor, id: string): Promise<ChangeRow | undefined> {
  return db
    .selectFrom('change_requests')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface ChangeFilter {
  q?: string;
  status?: ChangeStatus;
  riskClass?: 'low' | 'medium' | 'high';
  targetId?: string;
  limit: number;
  offset: number;
}

export async function listChanges(
  db: Executor,
  f: ChangeFilter,
): Promise<{ rows: ChangeRow[]; total: number }> {
  let query = db.selectFrom('change_requests');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('title', 'ilike', like),
        eb('description', 'ilike', like),
      ]),
    );
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.riskClass) query = query.where('risk_class', '=', f.riskClass);
  if (f.targetId) {
    const targetId = f.targetId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('change_request_targets as t')
          .select('t.seq')
          .whereRef('t.change_request_id', '=', 'change_requests.id')
          .where((inner) =>
            inner.or([
              inner('t.target_id', '=', targetId),
              inner('t.supersedes_id', '=', targetId),
            ]),
          ),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function targetsOf(db: Executor, changeIds: string[]): Promise<TargetRow[]> {
  if (changeIds.length === 0) return [];
  return db
    .selectFrom('change_request_targets')
    .selectAll()
    .where('change_request_id', 'in', changeIds)
    .orderBy('change_request_id')
    .orderBy('seq')
    .execute();
}

export async function replaceTargets(
  trx: Trx,
  changeId: string,
  targets: Omit<Insertable<ChangeRequestTargetsTable>, 'change_request_id' | 'seq'>[],
): Promise<void> {
  await trx
    .deleteFrom('change_request_targets')
    .where('change_request_id', '=', changeId)
    .execute();
  if (targets.length === 0) return;
  await trx
    .insertInto('change_request_targets')
    .values(targets.map((t, i) => ({ ...t, change_request_id: changeId, seq: i + 1 })))
    .execute();
}
