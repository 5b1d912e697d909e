// Nonconformance records (NCR-0001, …), minimal for now: where the problem was
// found (source), the lots, item and supplier, a description, status open.
// Opened inside the transaction that finds the problem; audited.
import { v7 as uuidv7 } from 'uuid';
import type { Nonconformance, NonconformanceListQuery } from '../../../shared/quality.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import { DomainError, isDomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import { getItem } from '../items/index.ts';
import { getTraceUnit } from '../lots/index.ts';
import { getSupplier } from '../partners/index.ts';
import './quality.tables.ts';

export const NONCONFORMANCE_RECORD = 'nonconformance';

type Row = Awaited<ReturnType<typeof findRows>>[number];

function findRows(db: Executor, ids: string[]) {
  return db.selectFrom('nonconformances').selectAll().where('id', 'in', ids).execute();
}

async function toNonconformance(db: Executor, row: Row): Promise<Nonconformance> {
  const units = await db
    .selectFrom('nonconformance_trace_units')
    .select('trace_unit_id')
    .where('nonconformance_id', '=', row.id)
    .execute();
  const item = await getItem(db, row.item_id);
  let supplier: Nonconformance['supplier'] = null;
  if (row.supplier_id) {
    try {
      const s = await getSupplier(db, row.supplier_id);
      supplier = { id: s.id, code: s.code, nameZh: s.legalNameZh, nameEn: s.legalNameEn };
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  const lots = [];
  for (const u of units) {
    const lot = await getTraceUnit(db, u.trace_unit_id);
    lots.push({
      id: u.trace_unit_id,
      code: lot?.code ?? '?',
      qualityStatus: lot?.qualityStatus ?? '?',
    });
  }
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    source: { type: row.source_type, id: row.source_id, code: row.source_code },
    lots,
    item: {
      id: item.id,
      code: item.code,
      nameZh: item.nameZh,
      nameEn: item.nameEn,
      uom: item.uom,
      tracking: item.tracking,
      status: item.status,
    },
    supplier,
    description: row.description,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
  };
}

export async function getNonconformance(db: Executor, id: string): Promise<Nonconformance> {
  const [row] = await findRows(db, [id]);
  if (!row) throw new DomainError('NONCONFORMANCE_NOT_FOUND', { id });
  return toNonconformance(db, row);
}

export async function listNonconformances(
  db: Executor,
  f: NonconformanceListQuery,
): Promise<{ items: Nonconformance[]; total: number }> {
  let query = db.selectFrom('nonconformances');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('code', 'ilike', like), eb('description', 'ilike', like)]),
    );
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.itemId) query = query.where('item_id', '=', f.itemId);
  if (f.supplierId) query = query.where('supplier_id', '=', f.supplierId);
  if (f.lotId) {
    const lotId = f.lotId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('nonconformance_trace_units as u')
          .select('u.trace_unit_id')
          .whereRef('u.nonconformance_id', '=', 'nonconformances.id')
          .where('u.trace_unit_id', '=', lotId),
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
  const items = [];
  for (const row of rows) items.push(await toNonconformance(db, row));
  return { items, total: Number(count.n) };
}

export async function openNonconformance(
  trx: Trx,
  actor: Actor,
  input: {
    /** `code`: the source record's human code, shown with the NCR (e.g. INS-0001). */
    source: { type: string; id: string; code?: string | null };
    traceUnitIds: string[];
    itemId: string;
    supplierId?: string | null;
    description: string;
  },
): Promise<{ id: string; code: string }> {
  const id = uuidv7();
  const code = await nextCode(trx, 'nonconformance', 'NCR-', 4);
  const person =
    actor.kind === 'user'
      ? { id: actor.userId, name: actor.fullName }
      : { id: null, name: `Lotline (${actor.name})` };
  await trx
    .insertInto('nonconformances')
    .values({
      id,
      code,
      status: 'open',
      source_type: input.source.type,
      source_id: input.source.id,
      source_code: input.source.code ?? null,
      item_id: input.itemId,
      supplier_id: input.supplierId ?? null,
      description: input.description,
      created_by_id: person.id,
      created_by_name: person.name,
    })
    .execute();
  const unitIds = [...new Set(input.traceUnitIds)];
  if (unitIds.length) {
    await trx
      .insertInto('nonconformance_trace_units')
      .values(unitIds.map((traceUnitId) => ({ nonconformance_id: id, trace_unit_id: traceUnitId })))
      .execute();
  }
  await recordAudit(trx, actor, {
    action: 'nonconformance.opened',
    entityType: NONCONFORMANCE_RECORD,
    entityId: id,
    after: { code, ...input, traceUnitIds: unitIds, status: 'open' },
  });
  return { id, code };
}
