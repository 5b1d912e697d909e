import { sql, type Insertable, type Selectable } from 'kysely';
import type { EngineeringKind, EngineeringStatus } from '../../../shared/engineering.contract.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type {
  BomLinesTable,
  EngineeringVersionsTable,
  RoutingInspectionsTable,
  RoutingOperationsTable,
  RoutingParametersTable,
} from './engineering.tables.ts';
import './engineering.tables.ts';

export type VersionRow = Selectable<EngineeringVersionsTable>;
export type BomLineRow = Selectable<BomLinesTable>;
export type OperationRow = Selectable<RoutingOperationsTable>;
export type ParameterRow = Selectable<RoutingParametersTable>;
export type InspectionRow = Selectable<RoutingInspectionsTable>;

// Namespace of the advisory locks that serialise writers of one item's versions of a kind.
const ITEM_KIND_LOCK = 7_245_101;

/** Serialises version numbering and effectivity of one item and kind until commit. */
export async function lockItemKind(trx: Trx, itemId: string, kind: EngineeringKind): Promise<void> {
  await sql`select pg_advisory_xact_lock(${ITEM_KIND_LOCK}, hashtext(${`${itemId}:${kind}`}))`.execute(
    trx,
  );
}

export async function findVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
  return db.selectFrom('engineering_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('engineering_versions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findVersions(db: Executor, ids: string[]): Promise<VersionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('engineering_versions').selectAll().where('id', 'in', ids).execute();
}

export async function effectiveVersionOf(
  db: Executor,
  itemId: string,
  kind: EngineeringKind,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('engineering_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('kind', '=', kind)
    .where('status', '=', 'effective')
    .executeTakeFirst();
}

export async function lastVersionNo(
  db: Executor,
  itemId: string,
  kind: EngineeringKind,
): Promise<number> {
  const row = await db
    .selectFrom('engineering_versions')
    .select((eb) => eb.fn.max<number | null>('version_no').as('n'))
    .where('item_id', '=', itemId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export interface VersionFilter {
  kind: EngineeringKind;
  itemIds?: string[];
  status?: EngineeringStatus;
  limit: number;
  offset: number;
}

export async function listVersions(
  db: Executor,
  f: VersionFilter,
): Promise<{ rows: VersionRow[]; total: number }> {
  let query = db.selectFrom('engineering_versions').where('kind', '=', f.kind);
  if (f.itemIds) {
    if (f.itemIds.length === 0) return { rows: [], total: 0 };
    query = query.where('item_id', 'in', f.itemIds);
  }
  if (f.status) query = query.where('status', '=', f.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('item_id')
      .orderBy('version_no', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Number of BOM lines or routing operations per version. */
export async function sizesOf(db: Executor, versionIds: string[]): Promise<Map<string, number>> {
  const map = new Map<string, number>(versionIds.map((id) => [id, 0]));
  if (versionIds.length === 0) return map;
  const [lines, ops] = await Promise.all([
    db
      .selectFrom('bom_lines')
      .select(['version_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('version_id', 'in', versionIds)
      .groupBy('version_id')
      .execute(),
    db
      .selectFrom('routing_operations')
      .select(['version_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('version_id', 'in', versionIds)
      .groupBy('version_id')
      .execute(),
  ]);
  for (const r of [...lines, ...ops]) map.set(r.version_id, Number(r.n));
  return map;
}

// ---- BOM content ----

export async function bomLinesOf(db: Executor, versionIds: string[]): Promise<BomLineRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('bom_lines')
    .selectAll()
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('line_no')
    .execute();
}

export async function versionDocumentsOf(
  db: Executor,
  versionIds: string[],
): Promise<{ version_id: string; document_version_id: string }[]> {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('engineering_version_documents')
    .selectAll()
    .where('version_id', 'in', versionIds)
    .orderBy('document_version_id')
    .execute();
}

export async function replaceBomContent(
  trx: Trx,
  versionId: string,
  lines: Insertable<BomLinesTable>[],
  documentVersionIds: string[],
): Promise<void> {
  await trx.deleteFrom('bom_lines').where('version_id', '=', versionId).execute();
  await trx
    .deleteFrom('engineering_version_documents')
    .where('version_id', '=', versionId)
    .execute();
  if (lines.length > 0) await trx.insertInto('bom_lines').values(lines).execute();
  if (documentVersionIds.length > 0) {
    await trx
      .insertInto('engineering_version_documents')
      .values(documentVersionIds.map((d) => ({ version_id: versionId, document_version_id: d })))
      .execute();
  }
}

/**
 * The first chain of approved or effective BOMs that leads from one of these
 * components back to the parent: [component, …, parent] as item ids, or null.
 */
export async function findBomCycle(
  db: Executor,
  parentItemId: string,
  componentItemIds: string[],
): Promise<string[] | null> {
  if (componentItemIds.length === 0) return null;
  const starts = sql.join(componentItemIds.map((id) => sql`(${id}::uuid, array[${id}::uuid])`));
  const { rows } = await sql<{ path: string }>`
    with recursive reach(item_id, path) as (
      select s.item_id, s.path from (values ${starts}) as s(item_id, path)
      union all
      select l.component_item_id, r.path || l.component_item_id
        from reach r
        join engineering_versions v
          on v.item_id = r.item_id and v.kind = 'bom' and v.status in ('approved', 'effective')
        join bom_lines l on l.version_id = v.id
       where r.item_id <> ${parentItemId}::uuid
         and l.component_item_id <> all (r.path)
         and cardinality(r.path) < 64
    )
    select array_to_string(path, ',') as path from reach where item_id = ${parentItemId}::uuid limit 1`.execute(
    db,
  );
  const path = rows[0]?.path;
  return path ? path.split(',') : null;
}

export interface WhereUsedRow {
  component_item_id: string;
  version_id: string;
  item_id: string;
  version_no: number;
  status: EngineeringStatus;
  line_no: number;
  quantity_per: string;
  uom: string;
}

export async function whereUsed(
  db: Executor,
  componentItemIds: string[],
  statuses?: EngineeringStatus[],
): Promise<WhereUsedRow[]> {
  if (componentItemIds.length === 0) return [];
  let query = db
    .selectFrom('bom_lines as l')
    .innerJoin('engineering_versions as v', 'v.id', 'l.version_id')
    .select([
      'l.component_item_id',
      'v.id as version_id',
      'v.item_id',
      'v.version_no',
      'v.status',
      'l.line_no',
      'l.quantity_per',
      'l.uom',
    ])
    .where('v.kind', '=', 'bom')
    .where('l.component_item_id', 'in', componentItemIds);
  if (statuses) {
    if (statuses.length === 0) return [];
    query = query.where('v.status', 'in', statuses);
  }
  return query
    .orderBy('l.component_item_id')
    .orderBy('v.item_id')
    .orderBy('v.version_no')
    .execute();
}

// ---- routing content ----

export interface RoutingContentRows {
  operations: OperationRow[];
  documents: { operation_id: string; document_version_id: string }[];
  parameters: ParameterRow[];
  inspections: InspectionRow[];
}

export async function routingContentOf(
  db: Executor,
  versionIds: string[],
): Promise<RoutingContentRows> {
  if (versionIds.length === 0)
    return { operations: [], documents: [], parameters: [], inspections: [] };
  const operations = await db
    .selectFrom('routing_operations')
    .selectAll()
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('op_no')
    .execute();
  const opIds = operations.map((o) => o.id);
  if (opIds.length === 0) return { operations, documents: [], parameters: [], inspections: [] };
  const [documents, parameters, inspections] = await Promise.all([
    db
      .selectFrom('routing_operation_documents')
      .selectAll()
      .where('operation_id', 'in', opIds)
      .orderBy('document_version_id')
      .execute(),
    db
      .selectFrom('routing_parameters')
      .selectAll()
      .where('operation_id', 'in', opIds)
      .orderBy('operation_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('routing_inspections')
      .selectAll()
      .where('operation_id', 'in', opIds)
      .orderBy('operation_id')
      .orderBy('seq')
      .execute(),
  ]);
  return { operations, documents, parameters, inspections };
}

export async function deleteRoutingContent(trx: Trx, versionId: string): Promise<void> {
  const ops = trx.selectFrom('routing_operations').select('id').where('version_id', '=', versionId);
  await trx.deleteFrom('routing_operation_documents').where('operation_id', 'in', ops).execute();
  await trx.deleteFrom('routing_parameters').where('operation_id', 'in', ops).execute();
  await trx.deleteFrom('routing_inspections').where('operation_id', 'in', ops).execute();
  await trx.deleteFrom('routing_operations').where('version_id', '=', versionId).execute();
}
