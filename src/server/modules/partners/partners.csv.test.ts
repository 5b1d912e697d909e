import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, type Session } from '../../../../test/support/auth.ts';

const ctx = useTestApp();

async function as(...roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

function importCsv(session: Session, entity: string, csv: string, dryRun: boolean) {
  return ctx().app.inject({
    method: 'POST',
    url: `/api/${entity}/import?dryRun=${dryRun}`,
    headers: { ...session.headers, 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  });
}

describe('suppliers and customers as CSV', () => {
  it('imports suppliers all or nothing, pending approval, and exports them filtered', async () => {
    const session = await as('purchasing');
    const header = 'code,legal_name_zh,legal_name_en,country,contact_email';
    const bad = [header, 'CSV-S1,康宏,Kanghong,CN,', 'CSV-S2,精工,Jinggong,China,'].join('\n');
    const rejected = await importCsv(session, 'suppliers', bad, false);
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json()).toMatchObject({
      code: 'CSV_IMPORT_REJECTED',
      params: { errors: [expect.objectContaining({ row: 3, column: 'country' })] },
    });

    const good = [
      header,
      'CSV-S1,康宏,"Kanghong, Ltd.",cn,qa@kh.example.cn',
      'CSV-S2,精工,Jinggong,CN,',
    ].join('\n');
    const imported = await importCsv(session, 'suppliers', good, false);
    expect(imported.json()).toMatchObject({ imported: 2, errors: [] });

    const csv = await ctx().app.inject({
      method: 'GET',
      url: '/api/suppliers/export.csv?q=CSV-S&approvalStatus=pending',
      headers: session.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^code,legal_name_zh,legal_name_en,country,approval_status/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^CSV-S1,康宏,"Kanghong, Ltd.",CN,pending,/),
      expect.stringMatching(/^CSV-S2,精工,Jinggong,CN,pending,/),
    ]);
  });

  it('imports customers with a first ship-to address and recall contact', async () => {
    const session = await as('warehouse');
    const csv = [
      'code,legal_name_zh,legal_name_en,kind,country,address_label,address_line1,address_city,contact_name,contact_email',
      'CSV-C1,滨江医院,Binjiang Hospital,hospital,CN,中心库房,江南大道 3888 号,杭州,郑华,zh@bj.example.cn',
      'CSV-C2,MediVertrieb,MediVertrieb GmbH,distributor,DE,,,,,',
      'CSV-C3,半个地址,Half address,clinic,CN,Dock,,,,',
    ].join('\n');
    const dry = await importCsv(session, 'customers', csv, true);
    expect(dry.json()).toMatchObject({
      valid: 2,
      errors: [expect.objectContaining({ row: 4, column: 'address_line1' })],
    });
    const fixed = csv.replace(
      'CSV-C3,半个地址,Half address,clinic,CN,Dock,,,,',
      'CSV-C3,诊所,Clinic,clinic,CN,,,,,',
    );
    expect((await importCsv(session, 'customers', fixed, false)).json().imported).toBe(3);
    const list = await ctx().app.inject({
      method: 'GET',
      url: '/api/customers?q=CSV-C1',
      headers: session.headers,
    });
    const detail = await ctx().app.inject({
      method: 'GET',
      url: `/api/customers/${list.json().items[0].id}`,
      headers: session.headers,
    });
    expect(detail.json()).toMatchObject({
      addresses: [{ label: '中心库房', country: 'CN' }],
      contacts: [{ name: '郑华', recallNotices: true }],
    });
    const csvOut = await ctx().app.inject({
      method: 'GET',
      url: '/api/customers/export.csv?kind=distributor&q=CSV-',
      headers: session.headers,
    });
    expect(csvOut.body).toContain('CSV-C2,MediVertrieb,MediVertrieb GmbH,distributor,DE,active');
    expect(csvOut.body).not.toContain('CSV-C1');
  });

  it('exports the expiring certificates and a supplier’s lists', async () => {
    const session = await as('admin');
    const supplier = await ctx().app.inject({
      method: 'POST',
      url: '/api/suppliers',
      headers: session.headers,
      payload: { code: 'CSV-S9', legalNameZh: '导出', legalNameEn: 'Export', country: 'CN' },
    });
    const id = supplier.json().id;
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await ctx().app.inject({
      method: 'POST',
      url: `/api/suppliers/${id}/certificates`,
      headers: session.headers,
      payload: {
        type: 'iso13485',
        number: 'CSV-ISO-1',
        issuer: 'SGS',
        validFrom: '2024-01-01',
        validUntil: soon,
      },
    });
    for (const url of [
      '/api/suppliers/certificates/expiring/export.csv?q=CSV-S9',
      `/api/suppliers/${id}/certificates/export.csv`,
    ]) {
      const res = await ctx().app.inject({ method: 'GET', url, headers: session.headers });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain(`CSV-ISO-1,SGS,2024-01-01,${soon},expiring,5`);
    }
    const items = await ctx().app.inject({
      method: 'GET',
      url: `/api/suppliers/${id}/items/export.csv`,
      headers: session.headers,
    });
    expect(items.body.replace(/^\uFEFF/, '').trim()).toBe(
      'item_code,item_name_zh,item_name_en,supplier_part_number,active,approved_at,ended_at,end_reason',
    );
  });
});
