import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, type Session } from '../../../../test/support/auth.ts';

const ctx = useTestApp();

async function signIn(roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

const HEADER =
  'code,name_zh,name_en,type,uom,tracking,shelf_life_days,storage_temp_min_c,storage_temp_max_c';

function importCsv(session: Session, csv: string, dryRun: boolean) {
  return ctx().app.inject({
    method: 'POST',
    url: `/api/items/import?dryRun=${dryRun}`,
    headers: { ...session.headers, 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  });
}

async function itemCodes(session: Session, q: string): Promise<string[]> {
  const res = await ctx().app.inject({
    url: `/api/items?q=${q}&limit=200`,
    headers: session.headers,
  });
  return (res.json() as { items: { code: string }[] }).items.map((i) => i.code).sort();
}

describe('items CSV import and export', () => {
  it('imports every row of a good file, audited, after a dry run that writes nothing', async () => {
    const session = await signIn(['engineer']);
    const csv = [
      HEADER,
      'CSVA-1,医用 PVC 粒料,"PVC compound, medical",raw_material,kg,lot,730,5,30',
      'CSVA-2,滴斗,Drip chamber,component,pcs,lot,,,',
    ].join('\r\n');

    const dry = await importCsv(session, csv, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rowCount: 2, imported: 0, valid: 2, errors: [] });
    expect(await itemCodes(session, 'CSVA')).toEqual([]);

    const real = await importCsv(session, csv, false);
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ dryRun: false, rowCount: 2, imported: 2, errors: [] });
    expect(await itemCodes(session, 'CSVA')).toEqual(['CSVA-1', 'CSVA-2']);

    const audit = await ctx().app.inject({
      url: '/api/audit?action=csv.imported&limit=5',
      headers: (await signIn(['admin'])).headers,
    });
    expect(audit.json().items[0]).toMatchObject({
      entityType: 'csv_import',
      after: { entity: 'items', rows: 2 },
    });
  });

  it('imports nothing when one row is bad, and names the row, column and reason', async () => {
    const session = await signIn(['engineer']);
    const csv = [
      HEADER,
      'CSVB-1,输液管,Tubing,component,m,lot,,,',
      'CSVB-2,针,Needle,component,pcs,batch,,,',
      'CSVB-3,夹,Clamp,component,pcs,lot,,40,30',
      'CSVB-1,重复,Repeated code,component,pcs,lot,,,',
    ].join('\n');

    const dry = await importCsv(session, csv, true);
    expect(dry.statusCode).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ rowCount: 4, valid: 1, imported: 0 });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'tracking', code: 'VALIDATION_FAILED' }),
      expect.objectContaining({ row: 4, column: 'storage.tempMinC', code: 'VALIDATION_FAILED' }),
      expect.objectContaining({ row: 5, column: 'code', code: 'ITEM_CODE_TAKEN' }),
    ]);

    const real = await importCsv(session, csv, false);
    expect(real.statusCode).toBe(422);
    expect(real.headers['content-type']).toContain('application/problem+json');
    expect(real.json()).toMatchObject({
      code: 'CSV_IMPORT_REJECTED',
      params: { errors: report.errors },
    });
    expect(await itemCodes(session, 'CSVB')).toEqual([]);
  });

  it('refuses a file it cannot read with CSV_UNREADABLE, naming the columns', async () => {
    const session = await signIn(['engineer']);
    const missing = await importCsv(session, 'code,name_en,colour\nX,Y,red', true);
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({
      code: 'CSV_UNREADABLE',
      params: {
        unknownColumns: ['colour'],
        missingColumns: ['name_zh', 'type', 'uom', 'tracking'],
      },
    });
    const quoting = await importCsv(session, `${HEADER}\n"CSVC-1,broken`, true);
    expect(quoting.json()).toMatchObject({ code: 'CSV_UNREADABLE' });
    const empty = await importCsv(session, '', true);
    expect(empty.json()).toMatchObject({ code: 'CSV_UNREADABLE' });
  });

  it('needs item.manage to import', async () => {
    const viewer = await signIn(['viewer']);
    const res = await importCsv(viewer, `${HEADER}\nCSVD-1,a,b,component,pcs,lot,,,`, false);
    expect(res.statusCode).toBe(403);
  });

  it('offers a header-only template', async () => {
    const session = await signIn(['engineer']);
    const res = await ctx().app.inject({
      url: '/api/items/import/template.csv',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body.replace(/^\uFEFF/, '').trim()).toBe(
      'code,name_zh,name_en,type,uom,tracking,shelf_life_days,storage_temp_min_c,storage_temp_max_c,storage_humidity_max_pct',
    );
  });

  it('exports the filtered list, beyond one page, with Chinese names intact', async () => {
    const session = await signIn(['engineer']);
    const rows = Array.from(
      { length: 205 },
      (_, i) => `CSVE-${String(i).padStart(3, '0')},部件${i},Part ${i},component,pcs,lot,,,`,
    );
    expect((await importCsv(session, [HEADER, ...rows].join('\n'), false)).statusCode).toBe(200);
    const res = await ctx().app.inject({
      url: '/api/items/export.csv?q=CSVE&type=component',
      headers: (await signIn(['viewer'])).headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^code,name_zh,name_en,type/);
    expect(lines).toHaveLength(206);
    expect(lines.some((l) => l.startsWith('CSVE-204,部件204,Part 204,component'))).toBe(true);
  });
});

describe('items CSV import, values the database cannot hold', () => {
  it('reports a storage temperature out of range as a row error, not a server error', async () => {
    const session = await signIn(['engineer']);
    const res = await importCsv(
      session,
      `${HEADER}\nCSVF-1,冷藏件,Cold part,component,pcs,lot,,12345,30`,
      true,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: 'storage_temp_min_c', code: 'VALIDATION_FAILED' }),
    ]);
  });
});
