// Suppliers, items and locations as purchasing shows them, read through their
// modules' public surfaces (never their tables).
import type { z } from 'zod';
import type {
  purchasingItemRefSchema,
  purchasingLocationRefSchema,
  purchasingSupplierRefSchema,
} from '../../../shared/purchasing.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { DomainError, isDomainError } from '../../platform/errors.ts';
import { getItem } from '../items/index.ts';
import { getSupplier, listSuppliers } from '../partners/index.ts';
import { getLocation } from '../plant/index.ts';

export type SupplierRef = z.infer<typeof purchasingSupplierRefSchema>;
export type ItemRef = z.infer<typeof purchasingItemRefSchema> & {
  status: 'active' | 'blocked' | 'obsolete';
};
export type LocationRef = z.infer<typeof purchasingLocationRefSchema> & { active: boolean };

export async function supplierRef(db: Executor, id: string): Promise<SupplierRef> {
  const s = await getSupplier(db, id);
  return {
    id: s.id,
    code: s.code,
    legalNameZh: s.legalNameZh,
    legalNameEn: s.legalNameEn,
    approvalStatus: s.approvalStatus,
  };
}

/** GTIN-14s of the item's GS1 device model: the unit of use first, then its packages. */
export async function itemRef(db: Executor, id: string): Promise<ItemRef> {
  const item = await getItem(db, id);
  const device = item.deviceModel;
  const gtins =
    device && device.issuingAgency === 'GS1'
      ? [device.primaryDi, ...device.packageLevels.map((p) => p.di)]
          .filter((di) => /^\d{8,14}$/.test(di))
          .map((di) => di.padStart(14, '0'))
      : [];
  return {
    id: item.id,
    code: item.code,
    nameZh: item.nameZh,
    nameEn: item.nameEn,
    uom: item.uom,
    tracking: item.tracking,
    gtins,
    status: item.status,
  };
}

export async function locationRef(db: Executor, id: string): Promise<LocationRef> {
  const l = await getLocation(db, id);
  return {
    id: l.id,
    code: l.code,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    kind: l.kind,
    active: l.active,
  };
}

/** A memo of the references one answer needs: each is read once. */
export function refCache(db: Executor) {
  const suppliers = new Map<string, Promise<SupplierRef>>();
  const items = new Map<string, Promise<ItemRef>>();
  const locations = new Map<string, Promise<LocationRef>>();
  const memo = <T>(map: Map<string, Promise<T>>, id: string, load: () => Promise<T>) => {
    let hit = map.get(id);
    if (!hit) {
      hit = load();
      map.set(id, hit);
    }
    return hit;
  };
  return {
    supplier: (id: string) => memo(suppliers, id, () => supplierRef(db, id)),
    item: (id: string) => memo(items, id, () => itemRef(db, id)),
    location: (id: string) => memo(locations, id, () => locationRef(db, id)),
  };
}
export type RefCache = ReturnType<typeof refCache>;

/** Suppliers whose code or name matches a free-text search (for searching orders by supplier). */
export async function supplierIdsMatching(db: Executor, q: string): Promise<string[]> {
  const { items } = await listSuppliers(db, { q, limit: 200, offset: 0 });
  return items.map((s) => s.id);
}

/** The item, or NOT_FOUND naming the field that pointed at it. */
export async function requireItem(db: Executor, id: string, field: string): Promise<ItemRef> {
  try {
    return await itemRef(db, id);
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND')
      throw new DomainError('NOT_FOUND', { entity: 'item', id, field });
    throw error;
  }
}
