import { v7 as uuidv7 } from 'uuid';
import type { DeviceModelInput, Item } from '../../../shared/items.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { hasValidGs1CheckDigit } from '../udi/index.ts';
import * as repo from './items.repository.ts';
import type { ItemStatus, ItemType, Tracking } from './items.tables.ts';

function toItem(
  row: repo.ItemRow,
  device?: { model: repo.DeviceModelRow; levels: repo.PackageLevelRow[] },
): Item {
  const m = device?.model;
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    type: row.type,
    uom: row.uom,
    tracking: row.tracking,
    shelfLifeDays: row.shelf_life_days,
    storage: {
      tempMinC: row.storage_temp_min_c,
      tempMaxC: row.storage_temp_max_c,
      humidityMaxPct: row.storage_humidity_max_pct,
    },
    status: row.status,
    deviceModel: m
      ? {
          issuingAgency: m.issuing_agency,
          primaryDi: m.primary_di,
          basicUdiDi: m.basic_udi_di,
          brand: m.brand,
          modelVersion: m.model_version,
          gmdnCode: m.gmdn_code,
          emdnCode: m.emdn_code,
          riskClass: m.risk_class,
          nmpaRegistration: m.nmpa_registration,
          fdaPremarket: m.fda_premarket,
          sterile: m.sterile,
          singleUse: m.single_use,
          containsLatex: m.contains_latex,
          mriSafety: m.mri_safety,
          labelIdentifiers: {
            lot: m.label_lot,
            serial: m.label_serial,
            manufactureDate: m.label_manufacture_date,
            expiry: m.label_expiry,
          },
          packageLevels: (device?.levels ?? []).map((l) => ({
            level: l.level,
            name: l.name,
            di: l.di,
            quantityOfLower: l.quantity_of_lower,
          })),
        }
      : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the audit trail keeps of an item: the response without timestamps. */
function auditView(item: Item) {
  const { createdAt: _c, updatedAt: _u, ...rest } = item;
  return rest;
}

export async function getItem(db: Executor, id: string): Promise<Item> {
  const row = await repo.findItem(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'item', id });
  return toItem(row, (await repo.deviceModelsOf(db, [id])).get(id));
}

/** The item with this code (case-insensitive); NOT_FOUND names the code. */
export async function getItemByCode(db: Executor, code: string): Promise<Item> {
  const row = await repo.findItemByCode(db, code);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'item', code });
  return toItem(row, (await repo.deviceModelsOf(db, [row.id])).get(row.id));
}

export async function listItems(
  db: Executor,
  filter: repo.ItemFilter,
): Promise<{ items: Item[]; total: number }> {
  const { rows, total } = await repo.listItems(db, filter);
  const devices = await repo.deviceModelsOf(
    db,
    rows.filter((r) => r.type === 'finished_device').map((r) => r.id),
  );
  return { items: rows.map((r) => toItem(r, devices.get(r.id))), total };
}

interface StorageInput {
  tempMinC?: string | null;
  tempMaxC?: string | null;
  humidityMaxPct?: string | null;
}

function assertStorage(s: {
  tempMinC: string | null;
  tempMaxC: string | null;
  humidityMaxPct: string | null;
}): void {
  if (s.tempMinC !== null && s.tempMaxC !== null && Number(s.tempMinC) > Number(s.tempMaxC)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'storage.tempMinC' },
      'The lowest storage temperature is above the highest',
    );
  }
  if (
    s.humidityMaxPct !== null &&
    (Number(s.humidityMaxPct) < 0 || Number(s.humidityMaxPct) > 100)
  ) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'storage.humidityMaxPct' },
      'Humidity is a percentage from 0 to 100',
    );
  }
}

export interface CreateItemInput {
  code: string;
  nameZh: string;
  nameEn: string;
  type: ItemType;
  uom: string;
  tracking: Tracking;
  shelfLifeDays?: number | null;
  storage?: StorageInput;
  reason?: string;
}

export async function createItem(trx: Trx, actor: Actor, input: CreateItemInput): Promise<Item> {
  if (await repo.findItemByCode(trx, input.code))
    throw new DomainError('ITEM_CODE_TAKEN', { code: input.code, field: 'code' });
  const storage = {
    tempMinC: input.storage?.tempMinC ?? null,
    tempMaxC: input.storage?.tempMaxC ?? null,
    humidityMaxPct: input.storage?.humidityMaxPct ?? null,
  };
  assertStorage(storage);
  const row = await trx
    .insertInto('items')
    .values({
      id: uuidv7(),
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      type: input.type,
      uom: input.uom,
      tracking: input.tracking,
      shelf_life_days: input.shelfLifeDays ?? null,
      storage_temp_min_c: storage.tempMinC,
      storage_temp_max_c: storage.tempMaxC,
      storage_humidity_max_pct: storage.humidityMaxPct,
      status: 'active',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const item = toItem(row);
  await recordAudit(trx, actor, {
    action: 'item.created',
    entityType: 'item',
    entityId: row.id,
    after: auditView(item),
    reason: input.reason ?? null,
  });
  return item;
}

export async function updateItem(
  trx: Trx,
  actor: Actor,
  id: string,
  input: {
    nameZh?: string;
    nameEn?: string;
    uom?: string;
    shelfLifeDays?: number | null;
    storage?: StorageInput;
    reason: string;
  },
): Promise<Item> {
  const before = await repo.lockItem(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'item', id });
  const device = (await repo.deviceModelsOf(trx, [id])).get(id);
  const storage = {
    tempMinC:
      input.storage?.tempMinC === undefined ? before.storage_temp_min_c : input.storage.tempMinC,
    tempMaxC:
      input.storage?.tempMaxC === undefined ? before.storage_temp_max_c : input.storage.tempMaxC,
    humidityMaxPct:
      input.storage?.humidityMaxPct === undefined
        ? before.storage_humidity_max_pct
        : input.storage.humidityMaxPct,
  };
  assertStorage(storage);
  const after = await trx
    .updateTable('items')
    .set({
      name_zh: input.nameZh ?? before.name_zh,
      name_en: input.nameEn ?? before.name_en,
      uom: input.uom ?? before.uom,
      shelf_life_days:
        input.shelfLifeDays === undefined ? before.shelf_life_days : input.shelfLifeDays,
      storage_temp_min_c: storage.tempMinC,
      storage_temp_max_c: storage.tempMaxC,
      storage_humidity_max_pct: storage.humidityMaxPct,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const item = toItem(after, device);
  await recordAudit(trx, actor, {
    action: 'item.updated',
    entityType: 'item',
    entityId: id,
    before: auditView(toItem(before, device)),
    after: auditView(item),
    reason: input.reason,
  });
  return item;
}

// Obsolete is final: a withdrawn item stays for the records; a new one gets a new code.
const STATUS_CHANGES: Record<ItemStatus, ItemStatus[]> = {
  active: ['blocked', 'obsolete'],
  blocked: ['active', 'obsolete'],
  obsolete: [],
};

export async function setItemStatus(
  trx: Trx,
  actor: Actor,
  id: string,
  status: ItemStatus,
  reason: string,
): Promise<Item> {
  const before = await repo.lockItem(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'item', id });
  if (!STATUS_CHANGES[before.status].includes(status)) {
    throw new DomainError(
      'CONFLICT',
      { from: before.status, to: status },
      `An item cannot go from ${before.status} to ${status}`,
    );
  }
  const after = await trx
    .updateTable('items')
    .set({ status, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'item.status_changed',
    entityType: 'item',
    entityId: id,
    before: { status: before.status },
    after: { status },
    reason,
  });
  return toItem(after, (await repo.deviceModelsOf(trx, [id])).get(id));
}

const HIBC_DI = /^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]$/;

/** A GTIN (8, 12, 13 or 14 digits, stored as 14) or an HIBC LIC + PCN + U/M, checked. */
export function normaliseDeviceIdentifier(
  agency: 'GS1' | 'HIBCC',
  di: string,
  field: string,
): string {
  if (agency === 'GS1') {
    if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(di)) {
      throw new DomainError(
        'INVALID_DEVICE_IDENTIFIER',
        { field, reason: 'gtin_length' },
        `${field}: a GTIN has 8, 12, 13 or 14 digits`,
      );
    }
    const gtin = di.padStart(14, '0');
    if (!hasValidGs1CheckDigit(gtin)) {
      throw new DomainError(
        'INVALID_DEVICE_IDENTIFIER',
        { field, reason: 'check_digit' },
        `${field}: the GTIN's check digit is wrong`,
      );
    }
    return gtin;
  }
  if (!HIBC_DI.test(di)) {
    throw new DomainError(
      'INVALID_DEVICE_IDENTIFIER',
      { field, reason: 'hibc_format' },
      `${field}: an HIBC device identifier is LIC (a letter and 3 letters or digits), PCN (1–18) and the unit-of-measure digit`,
    );
  }
  return di;
}

export async function setDeviceModel(
  trx: Trx,
  actor: Actor,
  itemId: string,
  input: DeviceModelInput,
): Promise<Item> {
  const item = await repo.lockItem(trx, itemId);
  if (!item) throw new DomainError('NOT_FOUND', { entity: 'item', id: itemId });
  if (item.type !== 'finished_device') {
    throw new DomainError(
      'NOT_A_FINISHED_DEVICE',
      { type: item.type },
      'Only a finished device carries UDI-DI data',
    );
  }
  if (item.tracking === 'serial' && !input.labelIdentifiers.serial) {
    throw new DomainError(
      'DEVICE_LABEL_MISSING_TRACKING_ID',
      { tracking: 'serial' },
      'A serial-tracked device must carry its serial number on the label',
    );
  }
  if (item.tracking === 'lot' && !input.labelIdentifiers.lot) {
    throw new DomainError(
      'DEVICE_LABEL_MISSING_TRACKING_ID',
      { tracking: 'lot' },
      'A lot-tracked device must carry its lot number on the label',
    );
  }
  const primaryDi = normaliseDeviceIdentifier(input.issuingAgency, input.primaryDi, 'primaryDi');
  const levels = [...input.packageLevels].sort((a, b) => a.level - b.level);
  levels.forEach((l, i) => {
    if (l.level !== i + 1) {
      throw new DomainError(
        'VALIDATION_FAILED',
        { field: 'packageLevels' },
        'Package levels are numbered 1, 2, 3 … without gaps',
      );
    }
  });
  const levelDis = levels.map((l, i) =>
    normaliseDeviceIdentifier(input.issuingAgency, l.di, `packageLevels.${i}.di`),
  );
  const all = [primaryDi, ...levelDis];
  if (new Set(all).size !== all.length) {
    throw new DomainError(
      'INVALID_DEVICE_IDENTIFIER',
      { field: 'packageLevels', reason: 'repeated' },
      'Each package level needs its own device identifier',
    );
  }
  const taken = await repo.deviceIdentifiersTakenElsewhere(trx, itemId, all);
  if (taken.length > 0)
    throw new DomainError(
      'DEVICE_DI_TAKEN',
      { dis: taken },
      `Another device model uses ${taken.join(', ')}`,
    );

  const before = (await repo.deviceModelsOf(trx, [itemId])).get(itemId);
  const values = {
    issuing_agency: input.issuingAgency,
    primary_di: primaryDi,
    basic_udi_di: input.basicUdiDi ?? null,
    brand: input.brand ?? null,
    model_version: input.modelVersion,
    gmdn_code: input.gmdnCode ?? null,
    emdn_code: input.emdnCode ?? null,
    risk_class: input.riskClass,
    nmpa_registration: input.nmpaRegistration ?? null,
    fda_premarket: input.fdaPremarket ?? null,
    sterile: input.sterile,
    single_use: input.singleUse,
    contains_latex: input.containsLatex,
    mri_safety: input.mriSafety,
    label_lot: input.labelIdentifiers.lot,
    label_serial: input.labelIdentifiers.serial,
    label_manufacture_date: input.labelIdentifiers.manufactureDate,
    label_expiry: input.labelIdentifiers.expiry,
    updated_at: new Date(),
  };
  await trx
    .insertInto('device_models')
    .values({ item_id: itemId, ...values })
    .onConflict((oc) => oc.column('item_id').doUpdateSet(values))
    .execute();
  await trx.deleteFrom('device_package_levels').where('item_id', '=', itemId).execute();
  if (levels.length > 0) {
    await trx
      .insertInto('device_package_levels')
      .values(
        levels.map((l, i) => ({
          item_id: itemId,
          level: l.level,
          name: l.name,
          di: levelDis[i] ?? l.di,
          quantity_of_lower: l.quantityOfLower,
        })),
      )
      .execute();
  }
  await trx.updateTable('items').set({ updated_at: new Date() }).where('id', '=', itemId).execute();
  const after = await getItem(trx, itemId);
  await recordAudit(trx, actor, {
    action: 'item.device_model_set',
    entityType: 'item',
    entityId: itemId,
    before: before ? toItem(item, before).deviceModel : null,
    after: after.deviceModel,
    reason: input.reason,
  });
  return after;
}
