import { describe, expect, it } from 'vitest';
import { parseUdi, parseUdiOrThrow } from './udi-parse.ts';
import { udiSchema } from './udi.contract.ts';
import { UdiError } from './udi.errors.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };
const GS = '\u001d';

function parsed(input: string) {
  const result = parseUdi(input, ref);
  if (!result.ok) throw new Error(`${input}: ${result.error.code} ${result.error.message}`);
  if (result.udi.agency !== 'GS1') throw new Error(`${input}: not GS1`);
  return result.udi;
}

describe('parseUdi on GS1 data', () => {
  const expected = {
    agency: 'GS1',
    di: '09506000134352',
    gtin: '09506000134352',
    lot: 'LOT42',
    serial: 'SN0001',
    expiry: '2027-12-31',
    elements: [
      { ai: '01', title: 'GTIN', value: '09506000134352' },
      { ai: '17', title: 'USE BY or EXPIRY', value: '271231' },
      { ai: '10', title: 'BATCH/LOT', value: 'LOT42' },
      { ai: '21', title: 'SERIAL', value: 'SN0001' },
    ],
    bracketed: '(01)09506000134352(17)271231(10)LOT42(21)SN0001',
    digitalLink: 'https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001?17=271231',
  };

  const forms: [string, string][] = [
    ['bracketed', '(01)09506000134352(17)271231(10)LOT42(21)SN0001'],
    ['bracketed in another order', '(21)SN0001(10)LOT42(17)271231(01)09506000134352'],
    ['unbracketed with GS', `010950600013435217271231${'10LOT42'}${GS}21SN0001`],
    ['unbracketed with ^ and a leading FNC1', '^01095060001343521727123110LOT42^21SN0001'],
    [
      'unbracketed with a redundant GS after a fixed-length AI',
      `0109506000134352${GS}17271231${GS}10LOT42${GS}21SN0001`,
    ],
    [
      'unbracketed ending in a separator',
      `21SN0001${GS}0109506000134352${'10LOT42'}${GS}17271231${GS}`,
    ],
    ['GS1 DataMatrix scan', `]d2010950600013435217271231${'10LOT42'}${GS}21SN0001`],
    [
      'GS1 DataMatrix scan with leading FNC1',
      `]d2${GS}010950600013435217271231${'10LOT42'}${GS}21SN0001`,
    ],
    ['GS1-128 scan with CR LF', `]C1010950600013435217271231${'10LOT42'}${GS}21SN0001\r\n`],
    ['GS1 QR Code scan', `]Q3010950600013435217271231${'10LOT42'}${GS}21SN0001`],
    ['GS1 DataBar scan', `]e0010950600013435217271231${'10LOT42'}${GS}21SN0001`],
    ['Digital Link', 'https://id.example.com/01/09506000134352/10/LOT42/21/SN0001?17=271231'],
    [
      'Digital Link with a path prefix, fragment and other parameters',
      'https://example.org/dl/v1/01/09506000134352/10/LOT42/21/SN0001?utm_source=box&17=271231&lang#top',
    ],
    [
      'Digital Link percent-encoded, upper-case scheme',
      'HTTPS://ID.EXAMPLE.COM/01/09506000134352/10/%4C%4F%54%34%32/21/SN0001?17=271231',
    ],
    [
      'Digital Link with a GTIN-13 in the path',
      'http://a.example/01/9506000134352/10/LOT42/21/SN0001?17=271231',
    ],
    [
      'Digital Link in a QR Code scan',
      ']Q1https://id.example.com/01/09506000134352/10/LOT42/21/SN0001?17=271231',
    ],
    [
      'Digital Link under ]Q3',
      ']Q3https://id.example.com/01/09506000134352/10/LOT42/21/SN0001?17=271231',
    ],
  ];

  it.each(forms)('reads the %s form into the normalised object', (_name, input) => {
    expect(parsed(input)).toStrictEqual(expected);
  });

  it('gives one object for values that need escaping in every form', () => {
    const lot = 'L/1(A)+%&?';
    const results = [
      parsed('(01)09506000134352(10)L/1\\(A)+%&?'),
      parsed(`]d2010950600013435210${lot}`),
      parsed('https://a.example/01/09506000134352/10/L%2F1(A)%2B%25%26%3F'),
    ];
    expect(results[0]?.lot).toBe(lot);
    expect(results[1]).toStrictEqual(results[0]);
    expect(results[2]).toStrictEqual(results[0]);
    expect(results[0]?.bracketed).toBe('(01)09506000134352(10)L/1\\(A)+%&?');
    expect(results[0]?.digitalLink).toBe(
      'https://id.gs1.org/01/09506000134352/10/L%2F1%28A%29%2B%25%26%3F',
    );
  });

  it('collapses an AI repeated with the same value', () => {
    expect(parsed('(01)09506000134352(10)LOT42(10)LOT42').elements).toHaveLength(2);
  });

  it('orders elements: primary key, pre-defined length AIs, then the rest, each by AI', () => {
    const udi = parsed('(240)REF-9(21)S1(11)260101(10)L1(17)270101(01)09506000134352');
    expect(udi.elements.map((element) => element.ai)).toEqual([
      '01',
      '11',
      '17',
      '10',
      '21',
      '240',
    ]);
    expect(udi.productionDate).toBe('2026-01-01');
  });

  it('reads an SSCC label without a device identifier', () => {
    const udi = parsed('(00)106141412345678908(02)09506000134352(37)12');
    expect(udi).toMatchObject({ agency: 'GS1', sscc: '106141412345678908' });
    expect(udi).not.toHaveProperty('di');
    expect(udi.digitalLink).toBe(
      'https://id.gs1.org/00/106141412345678908?02=09506000134352&37=12',
    );
  });

  it('leaves out the Digital Link when an AI may not be a data attribute', () => {
    const udi = parsed('(01)09506000134352(8200)https://example.com');
    expect(udi).not.toHaveProperty('digitalLink');
  });

  it('reads multi-component AIs (count of pieces, optional components)', () => {
    expect(parsed('(8006)095060001343520102').elements[0]?.value).toBe('095060001343520102');
    expect(parsed('(00)106141412345678908(4330)001234-').elements[1]?.value).toBe('001234-');
  });

  it('checks the alphanumeric check pair of a GMN (AI 8013)', () => {
    expect(parseUdi('(8013)1987654Ad4X4bL5ttr2310c2K', ref).ok).toBe(true);
    const wrong = parseUdi('(8013)1987654Ad4X4bL5ttr2310c2X', ref);
    expect(wrong.ok ? undefined : wrong.error.code).toBe('GS1_CHECK_DIGIT');
  });

  it('returns objects that satisfy the contract schema', () => {
    for (const [, input] of forms)
      expect(udiSchema.parse(parsed(input))).toStrictEqual(parsed(input));
  });

  it('throws a UdiError from the throwing form', () => {
    expect(() => parseUdiOrThrow('(01)09506000134353', ref)).toThrow(UdiError);
    expect(parseUdiOrThrow('(01)09506000134352', ref)).toMatchObject({ gtin: '09506000134352' });
  });
});
