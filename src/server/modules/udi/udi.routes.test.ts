// The UDI HTTP API against the real app: signed-in users only, 422 problem+json
// with the code, AI and position for bad identifiers, real images and PDFs.
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, type Session } from '../../../../test/support/auth.ts';

const ctx = useTestApp();
let session: Session;

beforeAll(async () => {
  ({ session } = await makeSignedInUser(ctx().app, ctx().database, { roles: ['operator'] }));
});

function post(url: string, payload: unknown, headers: Record<string, string> = session.headers) {
  return ctx().app.inject({ method: 'POST', url, payload: payload as object, headers });
}

const UDI = '(01)09506000134352(17)271231(10)LOT42(21)SN0001';
const DEVICE_LABEL = {
  data: UDI,
  productName: '一次性使用无菌注射器 5 ml',
  model: 'SYR-5ML',
  manufacturer: { name: 'Example Medical Devices Co., Ltd.', address: 'Suzhou, China' },
};
const CARTON_LABEL = {
  sscc: '106141412345678908',
  shipFrom: { name: 'Example Medical Devices Co., Ltd.' },
  content: { gtin: '09506000134352', count: 24, lot: 'LOT42' },
};

describe('access', () => {
  it.each([
    ['/api/udi/parse', { data: UDI }],
    ['/api/udi/build', { gtin: '09506000134352' }],
    [
      '/api/udi/sscc',
      { extensionDigit: 1, companyPrefix: '0614141', serialReference: '234567890' },
    ],
    ['/api/udi/render', { data: UDI, symbology: 'datamatrix', format: 'svg' }],
    ['/api/udi/labels/device', DEVICE_LABEL],
    ['/api/udi/labels/carton', CARTON_LABEL],
  ])('answers 401 on %s without a session', async (url, body) => {
    const res = await post(url, body, {});
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('documents every UDI route in a valid OpenAPI document', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/udi/parse',
        '/api/udi/build',
        '/api/udi/sscc',
        '/api/udi/render',
        '/api/udi/labels/device',
        '/api/udi/labels/carton',
      ]),
    );
  });
});

describe('POST /api/udi/parse', () => {
  it('answers the normalised object for any input form', async () => {
    const forms = [
      UDI,
      ']d201095060001343521727123110LOT42\u001d21SN0001\r\n',
      '01095060001343521727123110LOT42^21SN0001',
      'https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001?17=271231',
    ];
    const bodies = [];
    for (const data of forms) {
      const res = await post('/api/udi/parse', { data });
      expect(res.statusCode, res.body).toBe(200);
      bodies.push(res.json());
    }
    expect(bodies[0]).toMatchObject({
      agency: 'GS1',
      di: '09506000134352',
      lot: 'LOT42',
      serial: 'SN0001',
      expiry: '2027-12-31',
    });
    for (const body of bodies) expect(body).toEqual(bodies[0]);
  });

  it('reads HIBC', async () => {
    const res = await post('/api/udi/parse', { data: '+A123BJC5D6E71G' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ agency: 'HIBCC', di: 'A123BJC5D6E71' });
  });

  it.each([
    ['(01)09506000134353', 'GS1_CHECK_DIGIT', { ai: '01', position: 17 }],
    ['(01)09506000134352(23)X', 'GS1_UNKNOWN_AI', { ai: '23', position: 19 }],
    ['(01)09506000134352(17)271301', 'GS1_INVALID_DATE', { ai: '17', position: 24 }],
    ['(01)09506000134352(10)LOT#42', 'GS1_BAD_CHARSET', { ai: '10', position: 25 }],
    ['(10)LOT42(21)SN0001', 'GS1_MISSING_REQUIRED_AI', { ai: '10', position: 1 }],
    ['+A123BJC5D6E71H', 'HIBC_CHECK_CHARACTER', { position: 14 }],
    [']C0ORDER-4711', 'UDI_UNRECOGNISED', { position: 3 }],
  ])('answers 422 for %s with %s, naming the AI and position', async (data, code, params) => {
    const res = await post('/api/udi/parse', { data });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({
      status: 422,
      code,
      params,
      type: `urn:lotline:problem:${code}`,
    });
    expect(problem.params).toEqual(params);
    expect(problem.detail).toContain(`at position ${params.position}`);
    if ('ai' in params) expect(problem.detail).toContain(`(${params.ai})`);
  });

  it('answers 400 VALIDATION_FAILED without data', async () => {
    const res = await post('/api/udi/parse', {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('POST /api/udi/build and /api/udi/sscc', () => {
  it('builds the element string, HRI and Digital Link', async () => {
    const res = await post('/api/udi/build', {
      gtin: '9506000134352',
      lot: 'LOT42',
      serial: 'SN0001',
      expiry: '2027-12-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      elementString: '01095060001343521727123110LOT42\u001d21SN0001',
      elementStringCaret: '^01095060001343521727123110LOT42^21SN0001',
      bracketed: UDI,
      hri: ['(01)09506000134352', '(17)271231', '(10)LOT42', '(21)SN0001'],
      digitalLink: 'https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001?17=271231',
      udi: { di: '09506000134352', expiry: '2027-12-31' },
    });
  });

  it('refuses a GTIN with a wrong check digit, without a position', async () => {
    const res = await post('/api/udi/build', { gtin: '09506000134353' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'GS1_CHECK_DIGIT', params: { ai: '01' } });
    expect(res.json().params).not.toHaveProperty('position');
  });

  it('makes an SSCC with its check digit', async () => {
    const res = await post('/api/udi/sscc', {
      extensionDigit: 1,
      companyPrefix: '0614141',
      serialReference: '234567890',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      sscc: '106141412345678908',
      bracketed: '(00)106141412345678908',
      digitalLink: 'https://id.gs1.org/00/106141412345678908',
    });
  });

  it('refuses SSCC parts that do not make 17 digits', async () => {
    const res = await post('/api/udi/sscc', {
      extensionDigit: 1,
      companyPrefix: '0614141',
      serialReference: '1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'GS1_BAD_LENGTH', params: { ai: '00' } });
  });
});

describe('POST /api/udi/render', () => {
  it('answers a PNG', async () => {
    const res = await post('/api/udi/render', {
      data: UDI,
      symbology: 'datamatrix',
      format: 'png',
      scale: 4,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it.each(['datamatrix', 'gs1-128', 'qr'])('answers an SVG %s', async (symbology) => {
    const res = await post('/api/udi/render', { data: UDI, symbology, format: 'svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg viewBox=/);
  });

  it('answers 422 for bad data and for data too long for GS1-128', async () => {
    const bad = await post('/api/udi/render', {
      data: '(01)09506000134353',
      symbology: 'qr',
      format: 'png',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'GS1_CHECK_DIGIT', params: { ai: '01' } });
    const long = await post('/api/udi/render', {
      data: '(01)09506000134352(17)271231(10)ABCDEFGHIJKLMNOPQRST(21)ABCDEFGHIJ',
      symbology: 'gs1-128',
      format: 'png',
    });
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({
      code: 'UDI_CANNOT_RENDER',
      params: { symbology: 'gs1-128' },
    });
  });

  it('answers 400 for an unknown symbology', async () => {
    const res = await post('/api/udi/render', { data: UDI, symbology: 'pdf417', format: 'png' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('POST /api/udi/labels/…', () => {
  it('answers the device label as application/pdf', async () => {
    const res = await post('/api/udi/labels/device', DEVICE_LABEL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers the carton label as application/pdf', async () => {
    const res = await post('/api/udi/labels/carton', CARTON_LABEL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('sscc-106141412345678908.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers 422 for a bad UDI and for text that does not fit', async () => {
    const bad = await post('/api/udi/labels/device', {
      ...DEVICE_LABEL,
      data: '(01)0950600013435',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'GS1_BAD_LENGTH', params: { ai: '01' } });
    const overflow = await post('/api/udi/labels/device', {
      ...DEVICE_LABEL,
      description: 'X'.repeat(200),
    });
    expect(overflow.statusCode).toBe(422);
    expect(overflow.json()).toMatchObject({ code: 'UDI_LABEL_OVERFLOW' });
  });

  it('answers 400 for a label size out of range', async () => {
    const res = await post('/api/udi/labels/carton', { ...CARTON_LABEL, widthMm: 20 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.widthMm' })]);
  });
});
