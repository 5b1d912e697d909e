// Label PDFs: one page at the label's size, the UDI data printed as text exactly
// as it is encoded, and refusals instead of text cut off the label.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSymbols } from '../../../../test/support/barcode.ts';
import { pdfMediaBox, pdfPageCount, pdfTextRuns } from '../../../../test/support/pdf.ts';
import { renderCartonLabel } from './carton-label.ts';
import { renderDeviceLabel } from './device-label.ts';
import { buildGs1Elements } from './gs1-build.ts';
import { buildHibc } from './hibc-build.ts';
import { CJK_FONT_FILES, mm } from './label-pdf.ts';
import type { CartonLabelInput, DeviceLabelInput } from './udi.contract.ts';
import { parseUdi } from './udi-parse.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };
const readable = { ...ref, compress: false };
const hasCjkFont = fs.existsSync(CJK_FONT_FILES.regular.path);
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;

const manufacturer = {
  name: '苏州示例医疗器械有限公司 Suzhou Example Medical Devices Co., Ltd.',
  address: '江苏省苏州市工业园区星湖街 328 号 215123\nNo. 328 Xinghu Street, Suzhou, China',
};
const device: DeviceLabelInput = {
  data: '(01)09506000134352(17)271231(11)260115(10)LOT2026A042(21)SN000123',
  productName: '一次性使用无菌注射器 带针 5 ml',
  description: 'Sterile single-use syringe with needle, 5 ml, Luer lock',
  model: 'SYR-5ML-LL',
  manufacturer,
};
const carton: CartonLabelInput = {
  sscc: '106141412345678908',
  shipFrom: manufacturer,
  shipTo: { name: 'Example Hospital Supply GmbH', address: 'Musterstraße 12\n80331 München' },
  content: {
    gtin: '09506000134352',
    count: 24,
    lot: 'LOT2026A042',
    expiry: '2027-12-31',
    productName: '一次性使用无菌注射器 5 ml',
  },
};

function expectPdf(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  expect(pdfPageCount(pdf)).toBe(1);
}

function expectSize(pdf: Buffer, widthMm: number, heightMm: number): void {
  const [x0, y0, x1, y1] = pdfMediaBox(pdf);
  expect([x0, y0]).toEqual([0, 0]);
  expect(x1).toBeCloseTo(mm(widthMm), 1);
  expect(y1).toBeCloseTo(mm(heightMm), 1);
}

describe('the device unit label', () => {
  it('is a one-page 100 × 50 mm PDF', async () => {
    const pdf = await renderDeviceLabel(device, ref);
    expectPdf(pdf);
    expectSize(pdf, 100, 50);
  });

  it('prints the HRI lines, and lot, serial and dates read from the UDI', async () => {
    const runs = pdfTextRuns(await renderDeviceLabel(device, readable));
    expect(runs).toEqual(
      expect.arrayContaining([
        '(01)09506000134352',
        '(11)260115',
        '(17)271231',
        '(10)LOT2026A042',
        '(21)SN000123',
        'LOT2026A042',
        'SN000123',
        '2027-12-31',
        '2026-01-15',
      ]),
    );
    // ISO 15223-1 symbols: text-in-frame ones, and text for the glyph ones.
    expect(runs).toEqual(
      expect.arrayContaining(['MD', 'UDI', 'REF', 'LOT', 'SN', 'EXP', 'MFD', 'MFR']),
    );
  });

  it.skipIf(!hasCjkFont)('prints Chinese names with the embedded Noto Sans CJK', async () => {
    const pdf = await renderDeviceLabel(device, readable);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Bold/);
    const text = pdfTextRuns(pdf).join('\n');
    expect(text).toContain('一次性使用无菌注射器');
    expect(text).toContain('苏州示例医疗器械有限公司');
    expect(text).toContain('SYR-5ML-LL');
  });

  it('falls back to Helvetica without the CJK fonts, and then refuses Chinese text', async () => {
    const missing = { path: '/nonexistent/NotoSansCJK.ttc', family: 'NotoSansCJKsc-Regular' };
    const options = { ...readable, cjkFonts: { regular: missing, bold: missing } };
    const latin = {
      ...device,
      productName: 'Spritze “5 ml” – Müller',
      manufacturer: { name: 'Example Medical Devices Co., Ltd.' },
    };
    const pdf = await renderDeviceLabel(latin, options);
    expect(pdf.toString('latin1')).not.toContain('NotoSansCJK');
    expect(pdfTextRuns(pdf).join('\n')).toContain('Spritze');
    await expect(renderDeviceLabel(device, options)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      params: { missing: 'fonts-noto-cjk' },
    });
  });

  it('prints only the month of an expiry with day 00', async () => {
    const runs = pdfTextRuns(
      await renderDeviceLabel({ ...device, data: '(01)09506000134352(17)270200(10)A1' }, readable),
    );
    expect(runs).toContain('2027-02');
    expect(runs).toContain('(17)270200');
  });

  it('prints an HIBC UDI with its HIBC DataMatrix', async () => {
    const hibc = buildHibc(
      { lic: 'A123', pcn: 'SYR5MLLL', unitOfMeasure: 0, lot: 'LOT42', expiry: '2027-12-31' },
      ref,
    );
    const data = hibc.concatenated?.data ?? '';
    const runs = pdfTextRuns(await renderDeviceLabel({ ...device, data }, readable));
    expect(runs.join('')).toContain(hibc.concatenated?.hri);
    expect(runs).toEqual(expect.arrayContaining(['LOT42', '2027-12-31']));
  });

  it('takes other label sizes', async () => {
    const pdf = await renderDeviceLabel({ ...device, widthMm: 150, heightMm: 100 }, ref);
    expectPdf(pdf);
    expectSize(pdf, 150, 100);
  });

  it('refuses a UDI that does not validate', async () => {
    await expect(
      renderDeviceLabel({ ...device, data: '(01)09506000134353' }, ref),
    ).rejects.toMatchObject({ code: 'GS1_CHECK_DIGIT', params: { ai: '01', position: 17 } });
  });

  it('refuses text that does not fit rather than cutting it off', async () => {
    await expect(
      renderDeviceLabel({ ...device, description: 'X'.repeat(120) }, ref),
    ).rejects.toMatchObject({ code: 'UDI_LABEL_OVERFLOW' });
    await expect(
      renderDeviceLabel({ ...device, widthMm: 70, heightMm: 35 }, ref),
    ).rejects.toMatchObject({ code: 'UDI_LABEL_OVERFLOW' });
  });
});

describe('the carton / pallet label', () => {
  it('is a one-page 100 × 150 mm PDF', async () => {
    const pdf = await renderCartonLabel(carton, ref);
    expectPdf(pdf);
    expectSize(pdf, 100, 150);
  });

  it('prints the data under GS1 data titles, and the SSCC symbol text', async () => {
    const runs = pdfTextRuns(await renderCartonLabel(carton, readable));
    expect(runs).toEqual(
      expect.arrayContaining([
        'SSCC',
        '106141412345678908',
        'CONTENT',
        '09506000134352',
        'COUNT',
        '24',
        'BATCH/LOT',
        'LOT2026A042',
        'USE BY OR EXPIRY',
        '2027-12-31',
        '(00)106141412345678908',
      ]),
    );
  });

  it('encodes exactly the label data in GS1-128 symbols of at most 48 characters', async () => {
    const runs = pdfTextRuns(await renderCartonLabel(carton, readable));
    const symbols = runs.filter((run) => run.startsWith('('));
    expect(symbols.at(-1)).toBe('(00)106141412345678908');
    for (const symbol of symbols) {
      expect(symbol.replace(/[()]/g, '').length).toBeLessThanOrEqual(48);
    }
    const all = parseUdi(symbols.join(''), ref);
    expect(all.ok && all.udi).toEqual(
      buildGs1Elements(
        [
          ['00', '106141412345678908'],
          ['02', '09506000134352'],
          ['37', '24'],
          ['10', 'LOT2026A042'],
          ['17', '271231'],
        ],
        ref,
      ).udi,
    );
  });

  it('prints an SSCC-only label without content', async () => {
    const pdf = await renderCartonLabel({ sscc: carton.sscc, shipFrom: carton.shipFrom }, readable);
    expectPdf(pdf);
    expect(pdfTextRuns(pdf).filter((run) => run.startsWith('('))).toEqual([
      '(00)106141412345678908',
    ]);
  });

  it('refuses an SSCC with a wrong check digit', async () => {
    await expect(
      renderCartonLabel({ ...carton, sscc: '106141412345678909' }, ref),
    ).rejects.toMatchObject({ code: 'GS1_CHECK_DIGIT', params: { ai: '00' } });
  });

  it('refuses a label too small for its symbols', async () => {
    const content = {
      gtin: '09506000134352',
      count: 12345678,
      lot: 'ABCDEFGHIJKLMNOPQRST',
      expiry: '2027-12',
      productionDate: '2026-01-15',
    };
    await expect(
      renderCartonLabel({ ...carton, content, widthMm: 90, heightMm: 120 }, ref),
    ).rejects.toMatchObject({ code: 'UDI_LABEL_OVERFLOW' });
    await expect(
      renderCartonLabel({ ...carton, content, heightMm: 160 }, ref),
    ).resolves.toBeInstanceOf(Buffer);
  });
});

// Rasterising needs poppler's pdftoppm; where it is installed, scan the printed labels too.
describe.skipIf(!hasPdftoppm)('printed symbols scan (pdftoppm + ZXing)', () => {
  async function scansOf(pdf: Buffer): Promise<string[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-label-'));
    try {
      fs.writeFileSync(path.join(dir, 'label.pdf'), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '400', '-singlefile', 'label.pdf', 'label'], {
        cwd: dir,
      });
      const decoded = await decodeSymbols(fs.readFileSync(path.join(dir, 'label.png')));
      return decoded.map((symbol) => symbol.scan);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('scans the device label carrier as the UDI', async () => {
    const [scan, ...others] = await scansOf(await renderDeviceLabel(device, ref));
    expect(others).toEqual([]);
    const read = parseUdi(scan ?? '', ref);
    const printed = parseUdi(device.data, ref);
    expect(read.ok && read.udi).toEqual(printed.ok && printed.udi);
  });

  it('scans every GS1-128 symbol of the carton label', async () => {
    const scans = await scansOf(await renderCartonLabel(carton, ref));
    expect(scans.every((scan) => scan.startsWith(']C1'))).toBe(true);
    expect(scans).toContain(']C100106141412345678908');
    const merged = scans.map((scan) => scan.slice(3)).join('\u001d');
    const read = parseUdi(merged, ref);
    const ais = read.ok && read.udi.agency === 'GS1' ? read.udi.elements.map((e) => e.ai) : [];
    expect(ais).toEqual(['00', '02', '17', '10', '37']);
  });
});
