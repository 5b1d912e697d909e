import { sql, type Selectable } from 'kysely';
import type { LocationKind, LocationLevel } from '../../../shared/plant.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type { LocationsTable } from './plant.tables.ts';
import './plant.tables.ts';

export type LocationRow = Selectable<LocationsTable>;
export type LocationWithPath = LocationRow & { path: string };

/** Every location's path of codes from its site down, walked from the sites. */
function withPaths(db: Executor) {
  return db.withRecursive('location_paths(id, path)', (qb) =>
    qb
      .selectFrom('locations')
      .select(['id', sql<string>`code`.as('path')])
      .where('parent_id', 'is', null)
      .unionAll((u) =>
        u
          .selectFrom('locations as l')
          .innerJoin('location_paths as p', 'p.id', 'l.parent_id')
          .select(['l.id', sql<string>`p.path || ' / ' || l.code`.as('path')]),
      ),
  );
}

export async function findLocation(
  db: Executor,
  id: string,
): Promise<LocationWithPath | undefined> {
  return withPaths(db)
    .selectFrom('locations')
    .innerJoin('location_paths', 'location_paths.id', 'locations.id')
    .selectAll('locations')
    .select('location_paths.path')
    .where('locations.id', '=', id)
    .executeTakeFirst();
}

export async function lockLocation(db: Executor, id: string): Promise<LocationRow | undefined> {
  return db.selectFrom('locations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findLocationByCode(
  db: Executor,
  code: string,
): Promise<LocationRow | undefined> {
  return db
    .selectFrom('locations')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export interface LocationFilter {
  q?: string;
  parentId?: string;
  level?: LocationLevel;
  kind?: LocationKind;
  active?: boolean;
  limit: number;
  offset: number;
}

export async function listLocations(
  db: Executor,
  f: LocationFilter,
): Promise<{ rows: LocationWithPath[]; total: number }> {
  let query = withPaths(db)
    .selectFrom('locations')
    .innerJoin('location_paths', 'location_paths.id', 'locations.id');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('locations.code', 'ilike', like),
        eb('locations.name_zh', 'ilike', like),
        eb('locations.name_en', 'ilike', like),
      ]),
    );
  }
  if (f.parentId) query = query.where('locations.parent_id', '=', f.parentId);
  if (f.level) query = query.where('locations.level', '=', f.level);
  if (f.kind) query = query.where('locations.kind', '=', f.kind);
  if (f.active !== undefined) query = query.where('locations.active', '=', f.active);
  const [rows, count] = await Promise.all([
    query
      .selectAll('locations')
      .select('location_paths.path')
      .orderBy('location_paths.path')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** All locations with their paths (the tree is built from these). */
export async function allLocations(db: Executor): Promise<LocationWithPath[]> {
  return withPaths(db)
    .selectFrom('locations')
    .innerJoin('location_paths', 'location_paths.id', 'locations.id')
    .selectAll('locations')
    .select('location_paths.path')
    .orderBy('location_paths.path')
    .execute();
}

export async function pathsOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await withPaths(db)
    .selectFrom('location_paths')
    .select(['id', 'path'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** The ids of a location and of everything above it, walking up the parents. */
export async function ancestorIds(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .withRecursive('up(id, parent_id)', (qb) =>
      qb
        .selectFrom('locations')
        .select(['id', 'parent_id'])
        .where('id', '=', id)
        .union((u) =>
          u
            .selectFrom('locations as l')
            .innerJoin('up', 'up.parent_id', 'l.id')
            .select(['l.id', 'l.parent_id']),
        ),
    )
    .selectFrom('up')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function countActiveChildren(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('locations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('parent_id', '=', id)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
