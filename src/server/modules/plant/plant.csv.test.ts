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

function body(csv: string): string[] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
}

describe('locations, equipment and qualifications as CSV', () => {
  it('imports a location tree whose parents come earlier in the file, refusing wrong levels', async () => {
    const session = await as('admin');
    const header = 'code,name_zh,name_en,level,kind,parent_code';
    const rows = [
      'CX1,厂区,Site,site,storage,',
      'CX1-WH,仓库,Warehouse,warehouse,storage,CX1',
      'CX1-Z,库区,Zone,zone,quarantine,CX1-WH',
      'CX1-B,货位,Bin,bin,quarantine,CX1-WH',
      'CX1-C,货位,Bin,bin,storage,NOWHERE',
    ];
    const dry = await importCsv(session, 'locations', [header, ...rows].join('\n'), true);
    expect(dry.json()).toMatchObject({
      valid: 3,
      errors: [
        expect.objectContaining({ row: 5, code: 'LOCATION_PARENT_LEVEL' }),
        expect.objectContaining({ row: 6, column: 'parent_code', code: 'NOT_FOUND' }),
      ],
    });
    const good = [header, ...rows.slice(0, 3), 'CX1-B,货位,Bin,bin,quarantine,CX1-Z'].join('\n');
    expect((await importCsv(session, 'locations', good, false)).json().imported).toBe(4);
    const csv = await ctx().app.inject({
      method: 'GET',
      url: '/api/locations/export.csv?q=CX1&kind=quarantine',
      headers: session.headers,
    });
    expect(body(csv.body)).toEqual([
      'code,name_zh,name_en,level,kind,path,active',
      'CX1-Z,库区,Zone,zone,quarantine,CX1 / CX1-WH / CX1-Z,true',
      'CX1-B,货位,Bin,bin,quarantine,CX1 / CX1-WH / CX1-Z / CX1-B,true',
    ]);
  });

  it('imports equipment placed by location code and exports it with its derived status', async () => {
    const session = await as('admin');
    await importCsv(
      session,
      'locations',
      'code,name_zh,name_en,level,kind,parent_code\nEX1,厂区,Site,site,production,',
      false,
    );
    const csv = [
      'code,name_zh,name_en,class,location_code,calibration_interval_days,maintenance_interval_days',
      'EX-LEAK,密封性测试仪,Leak tester,leak_tester,EX1,180,',
      'EX-ASM,组装工位,Assembly station,assembly_station,EX1,,90',
      'EX-BAD,坏,Bad,Bad Class,EX1,0,',
    ].join('\n');
    const dry = await importCsv(session, 'equipment', csv, true);
    expect(
      dry.json().errors.map((e: { row: number; column: string }) => [e.row, e.column]),
    ).toEqual([
      [4, 'class'],
      [4, 'calibration_interval_days'],
    ]);
    const imported = await importCsv(
      session,
      'equipment',
      csv.split('\n').slice(0, 3).join('\n'),
      false,
    );
    expect(imported.json().imported).toBe(2);
    const out = await ctx().app.inject({
      method: 'GET',
      url: '/api/equipment/export.csv?q=EX-&status=out_of_service',
      headers: session.headers,
    });
    const lines = body(out.body);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^EX-LEAK,密封性测试仪,Leak tester,leak_tester,EX1,.*,out_of_service,never_calibrated,active$/,
    );
  });

  it('exports skills, training records and calibration records', async () => {
    const session = await as('admin');
    const skill = await ctx().app.inject({
      method: 'POST',
      url: '/api/qualifications/skills',
      headers: session.headers,
      payload: { code: 'CSV-ESD', nameZh: '静电防护', nameEn: 'ESD', validityMonths: 12 },
    });
    await ctx().app.inject({
      method: 'POST',
      url: '/api/qualifications/records',
      headers: session.headers,
      payload: {
        userId: session.me.user.id,
        skillId: skill.json().id,
        trainedOn: '2020-01-15',
        trainer: 'Li Na',
      },
    });
    const skills = await ctx().app.inject({
      method: 'GET',
      url: '/api/qualifications/skills/export.csv?q=CSV-ESD',
      headers: session.headers,
    });
    expect(body(skills.body)[1]).toBe('CSV-ESD,静电防护,ESD,12,true');
    const records = await ctx().app.inject({
      method: 'GET',
      url: `/api/qualifications/records/export.csv?skillCode=CSV-ESD&valid=false`,
      headers: session.headers,
    });
    expect(body(records.body)[1]).toContain(
      'CSV-ESD,静电防护,ESD,2020-01-15,Li Na,2021-01-15,expired',
    );
    const mine = await ctx().app.inject({
      method: 'GET',
      url: `/api/qualifications/users/${session.me.user.id}/export.csv`,
      headers: session.headers,
    });
    expect(body(mine.body)[1]).toBe('CSV-ESD,静电防护,ESD,expired,2020-01-15,2021-01-15');

    const eq = await ctx().app.inject({
      method: 'POST',
      url: '/api/equipment',
      headers: session.headers,
      payload: {
        code: 'CSV-EQ',
        nameZh: '设备',
        nameEn: 'Gauge',
        class: 'gauge',
        calibrationIntervalDays: 365,
      },
    });
    await ctx().app.inject({
      method: 'POST',
      url: `/api/equipment/${eq.json().id}/calibrations`,
      headers: session.headers,
      payload: {
        performedOn: '2026-01-10',
        result: 'pass',
        performedBy: 'SZJL',
        certificateNo: 'C-1',
      },
    });
    const cal = await ctx().app.inject({
      method: 'GET',
      url: `/api/equipment/${eq.json().id}/calibrations/export.csv`,
      headers: session.headers,
    });
    expect(body(cal.body)[1]).toMatch(/^2026-01-10,pass,SZJL,C-1,,2027-01-10,/);
  });
});
