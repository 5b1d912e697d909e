// Real symbols: what Lotline draws is decoded by an independent reader (ZXing) and
// parsed back to the same normalised UDI.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSymbols } from '../../../../test/support/barcode.ts';
import { buildGs1Udi } from './gs1-build.ts';
import { computeGs1CheckDigit } from './gs1-check.ts';
import { buildHibc } from './hibc-build.ts';
import { UDI_SYMBOLOGIES, type Udi, type UdiSymbology } from './udi.contract.ts';
import { daysInMonth } from './udi-dates.ts';
import { parseUdi } from './udi-parse.ts';
import { gs1DataCharacters, renderUdiSymbol } from './udi-render.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function parsedOk(input: string): Udi {
  const result = parseUdi(input, ref);
  if (!result.ok) throw new Error(`${JSON.stringify(input)}: ${result.error.message}`);
  return result.udi;
}

/** Renders, decodes and parses back; returns the one symbol's decode and its parse. */
async function roundTrip(data: string, symbology: UdiSymbology) {
  const symbol = await renderUdiSymbol(data, { ...ref, symbology, format: 'png' });
  expect(symbol.body.subarray(0, 8)).toEqual(PNG_MAGIC);
  const decoded = await decodeSymbols(symbol.body);
  expect(decoded, `${symbology} ${data}`).toHaveLength(1);
  const [only] = decoded;
  return { symbol, decoded: only, udi: parsedOk(only?.scan ?? '') };
}

describe('GS1 symbols scan back to the same UDI', () => {
  const data = '(01)09506000134352(17)271231(10)LOT42(21)SN0001';

  it('draws GS1 DataMatrix (]d2) with FNC1 first', async () => {
    const { decoded, udi, symbol } = await roundTrip(data, 'datamatrix');
    expect(symbol.spec.bcid).toBe('gs1datamatrix');
    expect(decoded?.symbologyIdentifier).toBe(']d2');
    expect(decoded?.scan).toBe(']d201095060001343521727123110LOT42\u001d21SN0001');
    expect(udi).toEqual(parsedOk(data));
  });

  it('draws GS1-128 (]C1) with its human-readable text', async () => {
    const { decoded, udi, symbol } = await roundTrip(data, 'gs1-128');
    expect(decoded?.symbologyIdentifier).toBe(']C1');
    expect(symbol.spec.hri).toBe(data);
    expect(udi).toEqual(parsedOk(data));
  });

  it('draws a QR Code holding the canonical GS1 Digital Link', async () => {
    const { decoded, udi, symbol } = await roundTrip(data, 'qr');
    expect(symbol.spec.bcid).toBe('qrcode');
    expect(decoded?.scan).toBe(
      ']Q1https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001?17=271231',
    );
    expect(udi).toEqual(parsedOk(data));
  });

  it('draws GS1 QR Code (]Q3) for data that has no Digital Link', async () => {
    const { decoded, udi, symbol } = await roundTrip('(400)PO4711(90)INTERNAL42', 'qr');
    expect(symbol.spec.bcid).toBe('gs1qrcode');
    expect(decoded?.symbologyIdentifier).toBe(']Q3');
    expect(udi).toEqual(parsedOk('(400)PO4711(90)INTERNAL42'));
  });

  it('encodes any input form as the canonical content', async () => {
    const scanned = ']d201095060001343521727123110LOT42\u001d21SN0001\r\n';
    const caret = '^0109506000134352^10LOT42^21SN0001^17271231';
    const link = 'https://example.com/01/09506000134352/10/LOT42/21/SN0001?17=271231';
    for (const input of [scanned, caret, link]) {
      const { decoded, udi } = await roundTrip(input, 'datamatrix');
      expect(decoded?.scan).toBe(']d201095060001343521727123110LOT42\u001d21SN0001');
      expect(udi).toEqual(parsedOk(data));
    }
  });

  it('keeps brackets inside values (BWIPP has no bracket escape; Lotline writes ^040)', async () => {
    const tricky = '(01)09506000134352(10)LOT\\(42)X(21)S)N';
    for (const symbology of UDI_SYMBOLOGIES) {
      const { udi } = await roundTrip(tricky, symbology);
      expect(udi.lot).toBe('LOT(42)X');
      expect(udi.serial).toBe('S)N');
    }
  });

  it('also writes SVG', async () => {
    const symbol = await renderUdiSymbol(data, { ...ref, symbology: 'gs1-128', format: 'svg' });
    expect(symbol.contentType).toBe('image/svg+xml');
    const svg = symbol.body.toString('utf8');
    expect(svg).toMatch(/^<svg viewBox="0 0 \d+ \d+" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/);
    expect(svg).toContain('<path');
  });
});

describe('HIBC symbols scan back to the same UDI', () => {
  const built = buildHibc(
    {
      lic: 'A123',
      pcn: 'SYR5MLLL',
      unitOfMeasure: 0,
      lot: 'LOT2026A042',
      expiry: '2027-12-31',
    },
    ref,
  );
  const cases = {
    primary: built.primary,
    secondary: built.secondary,
    concatenated: built.concatenated,
  };

  for (const [structure, hibc] of Object.entries(cases)) {
    for (const symbology of UDI_SYMBOLOGIES) {
      it(`draws the ${structure} data in ${symbology}`, async () => {
        if (!hibc) throw new Error('buildHibc gave no data');
        const { udi, symbol } = await roundTrip(hibc.data, symbology);
        expect(symbol.spec.bcid).toBe(
          { datamatrix: 'hibcdatamatrix', 'gs1-128': 'hibccode128', qr: 'hibcqrcode' }[symbology],
        );
        expect(udi).toEqual(hibc.udi);
      });
    }
  }
});

describe('refusals', () => {
  it('refuses invalid data with its parse code before drawing anything', async () => {
    await expect(
      renderUdiSymbol('(01)09506000134353', { ...ref, symbology: 'datamatrix', format: 'png' }),
    ).rejects.toMatchObject({ code: 'GS1_CHECK_DIGIT', params: { ai: '01', position: 17 } });
  });

  it('refuses GS1-128 over 48 data characters (GS1 General Specifications 5.4.1)', async () => {
    const long = '(01)09506000134352(17)271231(10)ABCDEFGHIJKLMNOPQRST(21)ABCDEFGHIJ';
    await expect(
      renderUdiSymbol(long, { ...ref, symbology: 'gs1-128', format: 'svg' }),
    ).rejects.toMatchObject({ code: 'UDI_CANNOT_RENDER', params: { symbology: 'gs1-128' } });
    // The same data is fine in a 2D symbol.
    await expect(
      renderUdiSymbol(long, { ...ref, symbology: 'datamatrix', format: 'svg' }),
    ).resolves.toMatchObject({ contentType: 'image/svg+xml' });
  });
});

// ---- Property: random valid UDIs, every symbology ----

const CSET82 = [
  ...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
];
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const text82 = fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: 20 });
/** YYYY-MM-DD, or YYYY-MM for day 00, inside the century window around 2026. */
const isoDate = fc
  .record({
    year: fc.integer({ min: 1977, max: 2076 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 0, max: 31 }),
  })
  .map(({ year, month, day }) => {
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    const d = Math.min(day, daysInMonth(year, month));
    return d === 0 ? ym : `${ym}-${String(d).padStart(2, '0')}`;
  });
const gs1Input = fc.record(
  {
    gtin: digits(13).map((body) => body + computeGs1CheckDigit(body)),
    lot: text82,
    serial: text82,
    expiry: isoDate,
    productionDate: isoDate,
  },
  { requiredKeys: ['gtin'] },
);

describe('any valid GS1 UDI, in any input form, scans back from every symbology', () => {
  it('round-trips through render → ZXing → parse', async () => {
    await fc.assert(
      fc.asyncProperty(
        gs1Input,
        fc.constantFrom(...(['bracketed', 'caret', 'digitalLink'] as const)),
        fc.constantFrom(...UDI_SYMBOLOGIES),
        async (input, form, symbology) => {
          const built = buildGs1Udi(input, ref);
          const data = {
            bracketed: built.bracketed,
            caret: built.elementStringCaret,
            digitalLink: built.digitalLink ?? built.bracketed,
          }[form];
          if (symbology === 'gs1-128' && gs1DataCharacters(built.udi.elements) > 48) {
            await expect(
              renderUdiSymbol(data, { ...ref, symbology, format: 'png' }),
            ).rejects.toMatchObject({ code: 'UDI_CANNOT_RENDER' });
            return;
          }
          const { udi } = await roundTrip(data, symbology);
          expect(udi).toEqual(built.udi);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
