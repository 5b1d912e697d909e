import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, type Session } from '../../../../test/support/auth.ts';

const ctx = useTestApp();

async function engineer(): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles: ['engineer'] })).session;
}

let seq = 0;
async function createItem(session: Session, overrides: Record<string, unknown> = {}) {
  seq++;
  return ctx().app.inject({
    method: 'POST',
    url: '/api/items',
    headers: session.headers,
    payload: {
      code: `IS-${seq}`,
      nameZh: '一次性使用输液器',
      nameEn: 'Single-use infusion set',
      type: 'finished_device',
      uom: 'EA',
      tracking: 'lot',
      shelfLifeDays: 1095,
      storage: { tempMinC: '5', tempMaxC: '30', humidityMaxPct: '80' },
      ...overrides,
    },
  });
}

const deviceModel = {
  issuingAgency: 'GS1',
  primaryDi: '09506000134352',
  basicUdiDi: '0950600013IS01A4',
  brand: 'Lotline Medical',
  modelVersion: 'IS-200',
  gmdnCode: '47017',
  riskClass: 'IIb',
  nmpaRegistration: '国械注准20263140001',
  sterile: true,
  singleUse: true,
  containsLatex: false,
  mriSafety: 'not_evaluated',
  labelIdentifiers: { lot: true, serial: false, manufactureDate: true, expiry: true },
  packageLevels: [{ level: 1, name: 'Box of 25', di: '19506000134359', quantityOfLower: '25' }],
  reason: 'New product IS-200',
};

describe('items', () => {
  it('creates an item, audited, with storage as exact decimals', async () => {
    const session = await engineer();
    const res = await createItem(session, {
      code: 'RM-PVC-01',
      type: 'raw_material',
      nameEn: 'Medical PVC compound',
      tracking: 'lot',
    });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      code: 'RM-PVC-01',
      status: 'active',
      storage: { tempMinC: '5.00', tempMaxC: '30.00', humidityMaxPct: '80.00' },
      deviceModel: null,
    });
    const entry = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('item.created');
  });

  it('refuses a code already used, whatever its case', async () => {
    const session = await engineer();
    await createItem(session, { code: 'PK-BOX-01', type: 'packaging', tracking: 'none' });
    const again = await createItem(session, {
      code: 'pk-box-01',
      type: 'packaging',
      tracking: 'none',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ITEM_CODE_TAKEN' });
  });

  it('refuses a storage range upside down', async () => {
    const res = await createItem(await engineer(), { storage: { tempMinC: '30', tempMaxC: '2' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().params).toEqual({ field: 'storage.tempMinC' });
  });

  it('needs item.manage to create, item.read to list', async () => {
    const { session } = await makeSignedInUser(ctx().app, ctx().database, { roles: ['operator'] });
    expect((await createItem(session)).statusCode).toBe(403);
    const list = await ctx().app.inject({
      method: 'GET',
      url: '/api/items?type=finished_device&limit=5',
      headers: session.headers,
    });
    expect(list.statusCode).toBe(200);
  });

  it('blocks, reactivates and finally obsoletes an item, never back', async () => {
    const session = await engineer();
    const { id } = (await createItem(session)).json();
    const set = (status: string) =>
      ctx().app.inject({
        method: 'POST',
        url: `/api/items/${id}/status`,
        headers: session.headers,
        payload: { status, reason: 'Supplier change' },
      });
    expect((await set('blocked')).json().status).toBe('blocked');
    expect((await set('active')).json().status).toBe('active');
    expect((await set('obsolete')).json().status).toBe('obsolete');
    const back = await set('active');
    expect(back.statusCode).toBe(409);
  });

  it('updates with a reason and keeps before → after in the audit trail', async () => {
    const session = await engineer();
    const { id } = (await createItem(session)).json();
    const res = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/items/${id}`,
      headers: session.headers,
      payload: { nameEn: 'Single-use infusion set, 20 drops/ml', reason: 'Name per IFU rev. C' },
    });
    expect(res.json().nameEn).toBe('Single-use infusion set, 20 drops/ml');
    const entry = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'item.updated')
      .executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ nameEn: 'Single-use infusion set' });
    expect(entry.after).toMatchObject({ nameEn: 'Single-use infusion set, 20 drops/ml' });
    expect(entry.reason).toBe('Name per IFU rev. C');
  });
});

describe('device models', () => {
  it('set the UDI-DI data of a finished device, with checked GTINs', async () => {
    const session = await engineer();
    const { id } = (await createItem(session)).json();
    const res = await ctx().app.inject({
      method: 'PUT',
      url: `/api/items/${id}/device-model`,
      headers: session.headers,
      payload: deviceModel,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().deviceModel).toMatchObject({
      issuingAgency: 'GS1',
      primaryDi: '09506000134352',
      nmpaRegistration: '国械注准20263140001',
      packageLevels: [{ level: 1, di: '19506000134359', quantityOfLower: '25' }],
    });
  });

  it('refuse a GTIN with a wrong check digit, naming the field', async () => {
    const session = await engineer();
    const { id } = (await createItem(session)).json();
    const res = await ctx().app.inject({
      method: 'PUT',
      url: `/api/items/${id}/device-model`,
      headers: session.headers,
      payload: { ...deviceModel, primaryDi: '09506000134353', packageLevels: [] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'INVALID_DEVICE_IDENTIFIER',
      params: { field: 'primaryDi', reason: 'check_digit' },
    });
  });

  it('refuse a DI another device model already uses', async () => {
    const session = await engineer();
    const first = (await createItem(session)).json();
    const second = (await createItem(session)).json();
    const put = (id: string, primaryDi: string) =>
      ctx().app.inject({
        method: 'PUT',
        url: `/api/items/${id}/device-model`,
        headers: session.headers,
        payload: { ...deviceModel, primaryDi, packageLevels: [] },
      });
    expect((await put(first.id, '04012345000009')).statusCode).toBe(200);
    const taken = await put(second.id, '04012345000009');
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'DEVICE_DI_TAKEN',
      params: { dis: ['04012345000009'] },
    });
  });

  it('accept an HIBC device identifier and refuse a malformed one', async () => {
    const session = await engineer();
    const { id } = (await createItem(session)).json();
    const put = (primaryDi: string) =>
      ctx().app.inject({
        method: 'PUT',
        url: `/api/items/${id}/device-model`,
        headers: session.headers,
        payload: { ...deviceModel, issuingAgency: 'HIBCC', primaryDi, packageLevels: [] },
      });
    expect((await put('A123IS2000')).statusCode).toBe(200);
    expect((await put('1234IS2000')).json().params).toMatchObject({ reason: 'hibc_format' });
  });

  it('belong only to finished devices, and a lot-tracked device label must carry the lot', async () => {
    const session = await engineer();
    const component = (await createItem(session, { type: 'component' })).json();
    const notDevice = await ctx().app.inject({
      method: 'PUT',
      url: `/api/items/${component.id}/device-model`,
      headers: session.headers,
      payload: deviceModel,
    });
    expect(notDevice.json().code).toBe('NOT_A_FINISHED_DEVICE');
    const device = (await createItem(session)).json();
    const noLot = await ctx().app.inject({
      method: 'PUT',
      url: `/api/items/${device.id}/device-model`,
      headers: session.headers,
      payload: {
        ...deviceModel,
        primaryDi: '04012345000016',
        packageLevels: [],
        labelIdentifiers: { ...deviceModel.labelIdentifiers, lot: false },
      },
    });
    expect(noLot.json()).toMatchObject({
      code: 'DEVICE_LABEL_MISSING_TRACKING_ID',
      params: { tracking: 'lot' },
    });
  });
});
