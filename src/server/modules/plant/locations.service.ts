import { v7 as uuidv7 } from 'uuid';
import type {
  Location,
  LocationKind,
  LocationLevel,
  LocationTreeNode,
} from '../../../shared/plant.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './locations.repository.ts';

/** The level a location's parent must have: site → warehouse → zone → bin. */
export const PARENT_LEVEL: Record<LocationLevel, LocationLevel | null> = {
  site: null,
  warehouse: 'site',
  zone: 'warehouse',
  bin: 'zone',
};

function toLocation(row: repo.LocationWithPath): Location {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    level: row.level,
    kind: row.kind,
    parentId: row.parent_id,
    path: row.path,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function auditView(l: Location) {
  const { createdAt: _c, updatedAt: _u, ...rest } = l;
  return rest;
}

/** A location with its full path; for other modules (stock, production) too. */
export async function getLocation(db: Executor, id: string): Promise<Location> {
  const row = await repo.findLocation(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id });
  return toLocation(row);
}

/** For other modules: refuses a location that does not exist or is no longer in use. */
export async function assertLocationActive(db: Executor, id: string): Promise<Location> {
  const location = await getLocation(db, id);
  if (!location.active)
    throw new DomainError('LOCATION_INACTIVE', { locationId: id, code: location.code });
  return location;
}

export async function findLocationIdByCode(
  db: Executor,
  code: string,
): Promise<string | undefined> {
  return (await repo.findLocationByCode(db, code))?.id;
}

export async function listLocations(
  db: Executor,
  filter: repo.LocationFilter,
): Promise<{ items: Location[]; total: number }> {
  const { rows, total } = await repo.listLocations(db, filter);
  return { items: rows.map(toLocation), total };
}

/** The locations as nested nodes, from the sites (or from `rootId`) down, ordered by code. */
export async function locationTree(
  db: Executor,
  options: { rootId?: string; includeInactive: boolean },
): Promise<LocationTreeNode[]> {
  const rows = (await repo.allLocations(db)).filter((r) => options.includeInactive || r.active);
  const nodes = new Map<string, LocationTreeNode>();
  for (const row of rows) {
    const { createdAt: _c, updatedAt: _u, ...location } = toLocation(row);
    nodes.set(row.id, { ...location, children: [] });
  }
  const roots: LocationTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    // An active child of an inactive parent is left out with its parent.
    else if (node.parentId === null) roots.push(node);
  }
  if (options.rootId) {
    const root = nodes.get(options.rootId);
    if (!root) throw new DomainError('NOT_FOUND', { entity: 'location', id: options.rootId });
    return [root];
  }
  return roots;
}

/** Checks where a location may hang: the level above, active, and not under itself. */
async function assertParent(
  db: Executor,
  location: { id?: string; level: LocationLevel },
  parentId: string | null,
): Promise<void> {
  const expected = PARENT_LEVEL[location.level];
  if (parentId === null) {
    if (expected !== null) {
      throw new DomainError(
        'LOCATION_PARENT_REQUIRED',
        { level: location.level, expected },
        `A ${location.level} belongs under a ${expected}`,
      );
    }
    return;
  }
  const parent = await repo.findLocation(db, parentId);
  if (!parent) throw new DomainError('NOT_FOUND', { entity: 'location', id: parentId });
  if (location.id && (await repo.ancestorIds(db, parentId)).includes(location.id)) {
    throw new DomainError(
      'LOCATION_CYCLE',
      { locationId: location.id, parentId, parentPath: parent.path },
      'A location cannot be moved under itself or under one of its own sub-locations',
    );
  }
  if (parent.level !== expected) {
    throw new DomainError(
      'LOCATION_PARENT_LEVEL',
      { level: location.level, parentLevel: parent.level, expected },
      expected === null
        ? 'A site has no parent'
        : `A ${location.level} belongs under a ${expected}, not a ${parent.level}`,
    );
  }
  if (!parent.active) {
    throw new DomainError('LOCATION_PARENT_INACTIVE', { parentId, parentCode: parent.code });
  }
}

export interface CreateLocationInput {
  code: string;
  nameZh: string;
  nameEn: string;
  level: LocationLevel;
  kind: LocationKind;
  parentId?: string | null;
  reason?: string;
}

export async function createLocation(
  trx: Trx,
  actor: Actor,
  input: CreateLocationInput,
): Promise<Location> {
  if (await repo.findLocationByCode(trx, input.code))
    throw new DomainError('LOCATION_CODE_TAKEN', { code: input.code });
  const parentId = input.parentId ?? null;
  if (parentId) await repo.lockLocation(trx, parentId);
  await assertParent(trx, { level: input.level }, parentId);
  const id = uuidv7();
  await trx
    .insertInto('locations')
    .values({
      id,
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      level: input.level,
      kind: input.kind,
      parent_id: parentId,
    })
    .execute();
  const location = await getLocation(trx, id);
  await recordAudit(trx, actor, {
    action: 'location.created',
    entityType: 'location',
    entityId: id,
    after: auditView(location),
    reason: input.reason ?? null,
  });
  return location;
}

export async function updateLocation(
  trx: Trx,
  actor: Actor,
  id: string,
  input: {
    nameZh?: string;
    nameEn?: string;
    kind?: LocationKind;
    parentId?: string;
    active?: boolean;
    reason: string;
  },
): Promise<Location> {
  const row = await repo.lockLocation(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'location', id });
  const before = await getLocation(trx, id);
  const parentId = input.parentId ?? row.parent_id;
  const active = input.active ?? row.active;
  if (parentId !== row.parent_id || (active && !row.active)) {
    if (parentId) await repo.lockLocation(trx, parentId);
    await assertParent(trx, { id, level: row.level }, parentId);
  }
  if (!active && row.active) {
    const children = await repo.countActiveChildren(trx, id);
    if (children > 0) {
      throw new DomainError(
        'LOCATION_HAS_ACTIVE_CHILDREN',
        { locationId: id, activeChildren: children },
        'Deactivate the sub-locations first',
      );
    }
  }
  await trx
    .updateTable('locations')
    .set({
      name_zh: input.nameZh ?? row.name_zh,
      name_en: input.nameEn ?? row.name_en,
      kind: input.kind ?? row.kind,
      parent_id: parentId,
      active,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  const after = await getLocation(trx, id);
  await recordAudit(trx, actor, {
    action:
      active === row.active
        ? 'location.updated'
        : active
          ? 'location.reactivated'
          : 'location.deactivated',
    entityType: 'location',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
    reason: input.reason,
  });
  return after;
}
