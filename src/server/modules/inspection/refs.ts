// How inspection records show the item and supplier they concern (through those
// modules' public surfaces), memoised for one read.
import type { ItemRef } from '../../../shared/engineering.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { getItem } from '../items/index.ts';
import { getSupplier } from '../partners/index.ts';

export interface SupplierRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export class Refs {
  readonly #items = new Map<string, Promise<ItemRef>>();
  readonly #suppliers = new Map<string, Promise<SupplierRef>>();

  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  item(id: string): Promise<ItemRef> {
    let ref = this.#items.get(id);
    if (!ref) {
      ref = getItem(this.#db, id).then((item) => ({
        id: item.id,
        code: item.code,
        nameZh: item.nameZh,
        nameEn: item.nameEn,
        uom: item.uom,
        tracking: item.tracking,
        status: item.status,
      }));
      this.#items.set(id, ref);
    }
    return ref;
  }

  async supplier(id: string | null): Promise<SupplierRef | null> {
    if (!id) return null;
    let ref = this.#suppliers.get(id);
    if (!ref) {
      ref = getSupplier(this.#db, id).then((s) => ({
        id: s.id,
        code: s.code,
        nameZh: s.legalNameZh,
        nameEn: s.legalNameEn,
      }));
      this.#suppliers.set(id, ref);
    }
    return ref;
  }
}

export function personOf(actor: Actor): { id: string | null; name: string } {
  return actor.kind === 'user'
    ? { id: actor.userId, name: actor.fullName }
    : { id: null, name: `Lotline (${actor.name})` };
}
