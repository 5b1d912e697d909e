import type { ItemRef } from '../../../shared/engineering.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { isDomainError } from '../../platform/errors.ts';
import { getItem } from '../items/index.ts';

/** Items as engineering shows them (code, names, unit, tracking, status), by id. Unknown ids are left out. */
export async function itemRefs(db: Executor, ids: Iterable<string>): Promise<Map<string, ItemRef>> {
  const map = new Map<string, ItemRef>();
  for (const id of new Set(ids)) {
    try {
      const item = await getItem(db, id);
      map.set(id, {
        id: item.id,
        code: item.code,
        nameZh: item.nameZh,
        nameEn: item.nameEn,
        uom: item.uom,
        tracking: item.tracking,
        status: item.status,
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  return map;
}

export function unknownItem(id: string): ItemRef {
  return { id, code: '?', nameZh: '?', nameEn: '?', uom: '?', tracking: 'none', status: 'active' };
}
