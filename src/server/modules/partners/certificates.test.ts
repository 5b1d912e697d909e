import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, TEST_PASSWORD, type Session } from '../../../../test/support/auth.ts';
import { addDays, calendarDateOf } from '../../../shared/calendar-date.ts';
import type { Certificate } from '../../../shared/partners.contract.ts';
import { certificateStatus, supplierWarnings } from './certificates.service.ts';

describe('certificate status (pure, fixed dates)', () => {
  const on = '2026-03-01';
  it.each([
    ['2026-03-02', '2027-01-01', 'not_yet_valid'],
    ['2025-01-01', '2026-04-01', 'valid'], // 31 days left
    ['2025-01-01', '2026-03-31', 'expiring'], // 30 days left: within the warning window
    ['2025-01-01', '2026-03-01', 'expiring'], // the last valid day is today
    ['2025-01-01', '2026-02-28', 'expired'],
  ])('from %s until %s is %s on 2026-03-01', (from, until, status) => {
    expect(certificateStatus(from, until, on).status).toBe(status);
  });

  it('counts the days left, negative once expired, with a chosen warning window', () => {
    expect(certificateStatus('2025-01-01', '2026-03-11', on)).toEqual({
      status: 'expiring',
      daysUntilExpiry: 10,
    });
    expect(certificateStatus('2025-01-01', '2026-03-11', on, 7).status).toBe('valid');
    expect(certificateStatus('2025-01-01', '2026-02-26', on).daysUntilExpiry).toBe(-3);
  });

  it('warns about current certificates only: a renewed one no longer counts', () => {
    const cert = (over: Partial<Certificate>): Certificate => ({
      id: 'c',
      supplierId: 's',
      type: 'iso13485',
      number: 'N',
      issuer: 'I',
      validFrom: '2024-01-01',
      validUntil: '2026-03-05',
      status: 'expiring',
      daysUntilExpiry: 4,
      supersededById: null,
      file: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...over,
    });
    expect(supplierWarnings({ approvalStatus: 'approved' }, [cert({ id: 'old' })])).toEqual([
      { kind: 'certificate_expiring', certificateId: 'old', certificateType: 'iso13485', days: 4 },
    ]);
    expect(
      supplierWarnings({ approvalStatus: 'approved' }, [
        cert({ id: 'old', supersededById: 'new' }),
        cert({ id: 'new', status: 'valid', daysUntilExpiry: 900 }),
      ]),
    ).toEqual([]);
    expect(
      supplierWarnings({ approvalStatus: 'approved' }, [
        cert({ status: 'expired', daysUntilExpiry: -1 }),
      ]),
    ).toEqual([
      { kind: 'certificate_expired', certificateId: 'c', certificateType: 'iso13485', days: -1 },
      { kind: 'no_valid_certificate' },
    ]);
  });
});

const ctx = useTestApp();

async function as(...roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(32, 1)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const today = () => calendarDateOf(new Date());

let seq = 0;
async function supplier(session: Session, status?: 'approved' | 'disqualified'): Promise<string> {
  seq++;
  const res = await ctx().app.inject({
    method: 'POST',
    url: '/api/suppliers',
    headers: session.headers,
    payload: {
      code: `SUP-C${seq}`,
      legalNameZh: `证书测试 ${seq}`,
      legalNameEn: `Certificate test ${seq}`,
      country: 'CN',
    },
  });
  const { id } = res.json<{ id: string }>();
  if (status) {
    const changed = await ctx().app.inject({
      method: 'POST',
      url: `/api/suppliers/${id}/status`,
      headers: session.headers,
      payload: {
        status,
        reason: 'Audit',
        signature: {
          username: session.me.user.username,
          password: TEST_PASSWORD,
          meaning: status === 'approved' ? 'approved' : 'rejected',
        },
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
  }
  return id;
}

function addCertificate(session: Session, supplierId: string, body: Record<string, unknown>) {
  return ctx().app.inject({
    method: 'POST',
    url: `/api/suppliers/${supplierId}/certificates`,
    headers: session.headers,
    payload: {
      type: 'iso13485',
      number: `ISO-${++seq}`,
      issuer: 'TÜV SÜD',
      validFrom: addDays(today(), -300),
      validUntil: addDays(today(), 400),
      ...body,
    },
  });
}

describe('supplier certificates', () => {
  it('stores the uploaded file with its checksum and downloads the same bytes', async () => {
    const admin = await as('admin');
    const id = await supplier(admin);
    const res = await addCertificate(admin, id, {
      file: {
        filename: 'ISO13485 证书.pdf',
        mediaType: 'application/pdf',
        contentBase64: PDF.toString('base64'),
        sha256: sha256(PDF),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const cert = res.json();
    expect(cert).toMatchObject({
      status: 'valid',
      daysUntilExpiry: 400,
      file: { filename: 'ISO13485 证书.pdf', sizeBytes: PDF.length, sha256: sha256(PDF) },
    });

    const download = await ctx().app.inject({
      method: 'GET',
      url: `/api/suppliers/${id}/certificates/${cert.id}/file`,
      headers: (await as('viewer')).headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('ISO13485 证书.pdf')}`,
    );
    expect(download.headers['repr-digest']).toBe(
      `sha-256=:${createHash('sha256').update(PDF).digest('base64')}:`,
    );
    expect(sha256(download.rawPayload)).toBe(sha256(PDF));

    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', cert.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('supplier.certificate_added');
    expect(audit.after).toMatchObject({ file: { sha256: sha256(PDF) } });
  });

  it('refuses a file that does not match its checksum or its declared type, or is too large', async () => {
    const admin = await as('admin');
    const id = await supplier(admin);
    const file = (over: Record<string, unknown>) => ({
      file: {
        filename: 'c.pdf',
        mediaType: 'application/pdf',
        contentBase64: PDF.toString('base64'),
        ...over,
      },
    });
    const badSum = await addCertificate(admin, id, file({ sha256: sha256(PNG) }));
    expect(badSum.statusCode).toBe(422);
    expect(badSum.json().code).toBe('CERTIFICATE_FILE_CHECKSUM_MISMATCH');
    const notPdf = await addCertificate(admin, id, file({ contentBase64: PNG.toString('base64') }));
    expect(notPdf.json()).toMatchObject({
      code: 'CERTIFICATE_FILE_TYPE_MISMATCH',
      params: { mediaType: 'application/pdf' },
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const tooBig = await addCertificate(admin, id, file({ contentBase64: big.toString('base64') }));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('PAYLOAD_TOO_LARGE');
    const certificates = await ctx().app.inject({
      method: 'GET',
      url: `/api/suppliers/${id}/certificates`,
      headers: admin.headers,
    });
    expect(certificates.json().total).toBe(0);
  });

  it('refuses dates upside down', async () => {
    const admin = await as('admin');
    const res = await addCertificate(admin, await supplier(admin), {
      validFrom: '2026-05-01',
      validUntil: '2026-04-30',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CERTIFICATE_DATES_INVALID');
  });

  it('attaches a file later, keeps the earlier one, and answers 404 when there is none', async () => {
    const admin = await as('admin');
    const id = await supplier(admin);
    const cert = (await addCertificate(admin, id, {})).json();
    const url = `/api/suppliers/${id}/certificates/${cert.id}/file`;
    const none = await ctx().app.inject({ method: 'GET', url, headers: admin.headers });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('CERTIFICATE_FILE_MISSING');
    const put = (content: Buffer, mediaType: string) =>
      ctx().app.inject({
        method: 'PUT',
        url,
        headers: admin.headers,
        payload: { filename: 'scan', mediaType, contentBase64: content.toString('base64') },
      });
    expect((await put(PDF, 'application/pdf')).statusCode).toBe(200);
    const replaced = await put(PNG, 'image/png');
    expect(replaced.json().file).toMatchObject({ mediaType: 'image/png', sha256: sha256(PNG) });
    const got = await ctx().app.inject({ method: 'GET', url, headers: admin.headers });
    expect(got.headers['content-type']).toBe('image/png');
    expect(sha256(got.rawPayload)).toBe(sha256(PNG));
    const stored = await ctx()
      .database.db.selectFrom('partner_files')
      .select('sha256')
      .where('sha256', 'in', [sha256(PDF), sha256(PNG)])
      .execute();
    expect(stored.length).toBeGreaterThanOrEqual(2);
  });

  it('warns on the supplier about a certificate lapsing soon, until it is renewed', async () => {
    const admin = await as('admin');
    const id = await supplier(admin, 'approved');
    const old = (await addCertificate(admin, id, { validUntil: addDays(today(), 10) })).json();
    const detail = async () =>
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/suppliers/${id}`,
          headers: admin.headers,
        })
      ).json();
    expect((await detail()).warnings).toEqual([
      {
        kind: 'certificate_expiring',
        certificateId: old.id,
        certificateType: 'iso13485',
        days: 10,
      },
    ]);

    const wrongType = await addCertificate(admin, id, {
      type: 'business_licence',
      replacesCertificateId: old.id,
    });
    expect(wrongType.json().code).toBe('CERTIFICATE_REPLACEMENT_INVALID');
    const renewal = await addCertificate(admin, id, { replacesCertificateId: old.id });
    expect(renewal.statusCode).toBe(201);
    const after = await detail();
    expect(after.warnings).toEqual([]);
    expect(after.certificates.find((c: Certificate) => c.id === old.id).supersededById).toBe(
      renewal.json().id,
    );
    const twice = await addCertificate(admin, id, { replacesCertificateId: old.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CERTIFICATE_ALREADY_SUPERSEDED');
  });

  it('lists current certificates expiring soon for suppliers still in use', async () => {
    const admin = await as('admin');
    const inUse = await supplier(admin, 'approved');
    const dropped = await supplier(admin, 'disqualified');
    const soon = (await addCertificate(admin, inUse, { validUntil: addDays(today(), 5) })).json();
    const lapsed = (
      await addCertificate(admin, inUse, { validUntil: addDays(today(), -2) })
    ).json();
    const later = (await addCertificate(admin, inUse, { validUntil: addDays(today(), 60) })).json();
    await addCertificate(admin, dropped, { validUntil: addDays(today(), 3) });

    const viewer = await as('viewer');
    const list = async (query: string) =>
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/suppliers/certificates/expiring?${query}`,
          headers: viewer.headers,
        })
      ).json();
    const mine = (items: { id: string }[]) =>
      items.map((c) => c.id).filter((c) => [soon.id, lapsed.id, later.id].includes(c));

    const defaults = await list('limit=200');
    expect(mine(defaults.items)).toEqual([lapsed.id, soon.id]);
    expect(defaults.items.find((c: { id: string }) => c.id === soon.id)).toMatchObject({
      status: 'expiring',
      daysUntilExpiry: 5,
      supplier: { id: inUse, approvalStatus: 'approved' },
    });
    expect(
      defaults.items.some((c: { supplier: { id: string } }) => c.supplier.id === dropped),
    ).toBe(false);
    expect(mine((await list('days=90&includeExpired=false&limit=200')).items)).toEqual([
      soon.id,
      later.id,
    ]);
    const bad = await ctx().app.inject({
      method: 'GET',
      url: '/api/suppliers/certificates/expiring?days=-1',
      headers: admin.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('needs supplier.manage to add a certificate', async () => {
    const admin = await as('admin');
    const id = await supplier(admin);
    const res = await addCertificate(await as('qa_inspector'), id, {});
    expect(res.statusCode).toBe(403);
  });
});
