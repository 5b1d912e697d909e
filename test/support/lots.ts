// Builders for tests that need lots and stock: an item, a supplier and a
// location of every kind, lots received into quarantine and released by a QA
// signature, made through the lots module's own functions.
import { systemActor, type UserActor } from '../../src/server/platform/actor.ts';
import { DEFAULT_SECURITY_POLICY } from '../../src/server/platform/config.ts';
import type { LotlineDatabase } from '../../src/server/platform/db/connect.ts';
import {
  verifySigner,
  type VerifiedSigner,
} from '../../src/server/platform/signatures/signatures.service.ts';
import { permissionsOfUser } from '../../src/server/platform/identity/index.ts';
import { createItem } from '../../src/server/modules/items/index.ts';
import { createSupplier } from '../../src/server/modules/partners/index.ts';
import { createLocation } from '../../src/server/modules/plant/index.ts';
import {
  receiveTraceUnit,
  releaseTraceUnit,
  transferStock,
  type TraceUnitRef,
} from '../../src/server/modules/lots/index.ts';
import type { SignatureMeaning } from '../../src/shared/signatures.contract.ts';
import { createUser } from '../../src/server/platform/identity/users.service.ts';

export interface LotsFixture {
  itemId: string;
  supplierId: string;
  locations: {
    quarantine: string;
    storage: string;
    storage2: string;
    production: string;
    customer: string;
    scrap: string;
  };
}

let seq = 0;
const actor = systemActor('test');

/** An item (lot-tracked, pcs), a supplier and one zone of each location kind. */
export async function makeLotsFixture(
  database: LotlineDatabase,
  options: { tracking?: 'lot' | 'serial' } = {},
): Promise<LotsFixture> {
  seq++;
  const tag = `${seq}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  return database.db.transaction().execute(async (trx) => {
    const item = await createItem(trx, actor, {
      code: `LT-${tag}`,
      nameZh: '测试物料',
      nameEn: 'Test material',
      type: 'raw_material',
      uom: 'pcs',
      tracking: options.tracking ?? 'lot',
    });
    const supplier = await createSupplier(trx, actor, {
      code: `SUP-${tag}`,
      legalNameZh: '测试供应商',
      legalNameEn: 'Test supplier',
      country: 'CN',
    });
    const site = await createLocation(trx, actor, {
      code: `S-${tag}`,
      nameZh: '工厂',
      nameEn: 'Site',
      level: 'site',
      kind: 'storage',
    });
    const warehouse = await createLocation(trx, actor, {
      code: `W-${tag}`,
      nameZh: '仓库',
      nameEn: 'Warehouse',
      level: 'warehouse',
      kind: 'storage',
      parentId: site.id,
    });
    const zone = async (
      name: string,
      kind: 'storage' | 'quarantine' | 'production' | 'customer' | 'scrap',
    ) =>
      (
        await createLocation(trx, actor, {
          code: `${name}-${tag}`,
          nameZh: name,
          nameEn: name,
          level: 'zone',
          kind,
          parentId: warehouse.id,
        })
      ).id;
    return {
      itemId: item.id,
      supplierId: supplier.id,
      locations: {
        quarantine: await zone('QA', 'quarantine'),
        storage: await zone('ST', 'storage'),
        storage2: await zone('ST2', 'storage'),
        production: await zone('PR', 'production'),
        customer: await zone('CU', 'customer'),
        scrap: await zone('SC', 'scrap'),
      },
    };
  });
}

/** A person who signs (the password re-entered through verifySigner, as at the screen). */
export async function makeSigner(
  database: LotlineDatabase,
  meaning: SignatureMeaning = 'released',
  roles: string[] = ['qa_manager'],
): Promise<VerifiedSigner> {
  const username = `signer${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  const password = 'Correct-Horse-Battery-42';
  const user = await database.db.transaction().execute((trx) =>
    createUser(trx, actor, DEFAULT_SECURITY_POLICY, {
      username,
      fullName: `QA ${username}`,
      preferredLanguage: 'en',
      roles,
      password,
      mustChangePassword: false,
    }),
  );
  const signerActor: UserActor = {
    kind: 'user',
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    permissions: await permissionsOfUser(database.db, user.id),
    via: 'session',
    passwordChangeRequired: false,
  };
  return verifySigner(
    database.db,
    DEFAULT_SECURITY_POLICY,
    signerActor,
    { username: user.username, password, meaning },
    { requestId: 'test' },
  );
}

/** A lot received into the fixture's quarantine zone (quarantined). */
export async function makeQuarantinedLot(
  database: LotlineDatabase,
  fixture: LotsFixture,
  options: {
    quantity?: string;
    expiresOn?: string | null;
    supplierLot?: string;
    itemId?: string;
  } = {},
): Promise<TraceUnitRef> {
  return database.db.transaction().execute((trx) =>
    receiveTraceUnit(trx, actor, {
      itemId: options.itemId ?? fixture.itemId,
      quantity: options.quantity ?? '100',
      unit: 'pcs',
      expiresOn: options.expiresOn ?? null,
      supplierId: fixture.supplierId,
      supplierLot: options.supplierLot ?? `SL-${++seq}`,
      locationId: fixture.locations.quarantine,
      source: { type: 'test', id: String(seq) },
    }),
  );
}

/**
 * A released lot, its stock moved from quarantine to storage (or `locationId`,
 * if given, through storage). The release is signed by a QA manager.
 */
export async function makeReleasedLot(
  database: LotlineDatabase,
  fixture: LotsFixture,
  options: {
    quantity?: string;
    expiresOn?: string | null;
    supplierLot?: string;
    signer?: VerifiedSigner;
    locationId?: string;
  } = {},
): Promise<TraceUnitRef> {
  const lot = await makeQuarantinedLot(database, fixture, options);
  const signer = options.signer ?? (await makeSigner(database));
  const quantity = options.quantity ?? '100';
  return database.db.transaction().execute(async (trx) => {
    const released = await releaseTraceUnit(trx, actor, { traceUnitId: lot.id, signer });
    await transferStock(trx, actor, {
      lotId: lot.id,
      fromLocationId: fixture.locations.quarantine,
      toLocationId: options.locationId ?? fixture.locations.storage,
      quantity,
    });
    return released;
  });
}
