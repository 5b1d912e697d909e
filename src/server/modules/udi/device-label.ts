// The unit label of a device (default 100 × 50 mm): product name, the UDI carrier
// (GS1 or HIBC DataMatrix) with its human-readable lines, REF/LOT/SN/dates with
// their ISO 15223-1 symbols, and the manufacturer. Lot, serial and dates are read
// from the UDI itself, so the printed text can never disagree with the symbol.
import {
  FONT,
  captionWidth,
  drawRule,
  drawSymbol,
  drawLine,
  drawSymbolCaption,
  drawText,
  labelOverflow,
  measureText,
  MIN_TEXT_SIZE,
  mm,
  openLabelDocument,
  type LabelDocumentOptions,
} from './label-pdf.ts';
import {
  deviceLabelRequestSchema,
  type DeviceLabelInput,
  type LabelParty,
  type Udi,
} from './udi.contract.ts';
import { parseUdiOrThrow, type ParseUdiOptions } from './udi-parse.ts';
import { gs1HriLines, udiSymbolModules, udiSymbolSpec } from './udi-render.ts';

/** DataMatrix module (X-dimension) on a unit label: GS1 healthcare range, roughly. */
const MAX_CARRIER_MODULE = mm(0.75);
const MIN_CARRIER_MODULE = mm(0.255);

export interface LabelRenderOptions extends ParseUdiOptions {
  /** false writes readable content streams (tests look for the text). Default true. */
  compress?: boolean;
  /** Fonts for Chinese free text; default CJK_FONT_FILES (Debian fonts-noto-cjk). */
  cjkFonts?: LabelDocumentOptions['cjkFonts'];
}

/** How a date is printed: ISO 8601, or only the month when the data has no day (GS1 day 00, HIBC MMYY). */
export function labelDate(udi: Udi, field: 'expiry' | 'productionDate'): string | undefined {
  const iso = udi[field];
  if (iso === undefined) return undefined;
  const monthOnly =
    udi.agency === 'GS1'
      ? udi.elements.find((e) => e.ai === (field === 'expiry' ? '17' : '11'))?.value.endsWith('00')
      : field === 'expiry' && udi.hibc.expiryFormat === 'MMYY';
  return monthOnly ? iso.slice(0, 7) : iso;
}

function partyText(party: LabelParty): string {
  return party.address ? `${party.name}\n${party.address}` : party.name;
}

/** HRI lines: one per GS1 element; HIBC's single string broken after its '/' when too long. */
function hriLinesOf(udi: Udi): string[] {
  if (udi.agency === 'GS1') return gs1HriLines(udi.elements);
  return udi.hri.replace(/\//g, '/\n').split('\n');
}

/** Splits a line that does not fit `width` at the smallest text size into pieces that do. */
function fitLines(doc: PDFKit.PDFDocument, lines: string[], width: number): string[] {
  doc.font(FONT.code).fontSize(MIN_TEXT_SIZE);
  return lines.flatMap((line) => {
    const pieces: string[] = [];
    let rest = line;
    while (doc.widthOfString(rest) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > width) cut--;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    return [...pieces, rest];
  });
}

function widestAt(doc: PDFKit.PDFDocument, font: string, size: number, texts: string[]): number {
  doc.font(font).fontSize(size);
  return Math.max(0, ...texts.map((text) => doc.widthOfString(text)));
}

/** A device unit label as a one-page PDF. */
export async function renderDeviceLabel(
  input: DeviceLabelInput,
  options: LabelRenderOptions = {},
): Promise<Buffer> {
  const request = deviceLabelRequestSchema.parse(input);
  const udi = parseUdiOrThrow(request.data, options);
  const symbol = udiSymbolModules(udiSymbolSpec(udi, 'datamatrix'), 'datamatrix');
  const label = openLabelDocument({
    widthMm: request.widthMm,
    heightMm: request.heightMm,
    title: `UDI label ${udi.di ?? ''} ${request.productName}`.trim(),
    compress: options.compress,
    cjkFonts: options.cjkFonts,
  });
  const { doc, width, height } = label;
  // Type and symbols grow with the label, from the 100 x 50 mm design size.
  const k = Math.min(1.6, Math.max(0.8, Math.min(request.widthMm / 100, request.heightMm / 50)));
  const margin = mm(3);
  const inner = width - 2 * margin;

  // Header: product name (up to two lines), description, and the MD symbol.
  const mdHeight = mm(4) * k;
  const mdWidth = captionWidth(doc, 'MD', mdHeight);
  drawSymbolCaption(doc, 'MD', { x: width - margin - mdWidth, y: margin, height: mdHeight });
  const titleWidth = inner - mdWidth - mm(2);
  let y = margin;
  y += drawText(doc, request.productName, {
    x: margin,
    y,
    width: titleWidth,
    height: mm(9) * k,
    font: FONT.textBold,
    size: 10 * k,
    minSize: 6,
  });
  if (request.description) {
    y += drawText(doc, request.description, {
      x: margin,
      y,
      width: titleWidth,
      height: mm(6) * k,
      font: FONT.text,
      size: 7 * k,
    });
  }
  y = Math.max(y, margin + mdHeight) + mm(1);
  drawRule(doc, margin, y, inner);
  const bodyTop = y + mm(1.5);

  // Footer: MFR and the manufacturer's name and address, measured from the bottom up.
  const mfrHeight = mm(3.2) * k;
  const mfrWidth = captionWidth(doc, 'MFR', mfrHeight);
  const manufacturer = partyText(request.manufacturer);
  const footerBox = {
    width: inner - mfrWidth - mm(1.5),
    height: mm(9) * k,
    font: FONT.text,
    size: 6.5 * k,
  };
  const footerHeight = Math.max(mfrHeight, measureText(doc, manufacturer, footerBox).height);
  const footerTop = height - margin - footerHeight;
  drawSymbolCaption(doc, 'MFR', { x: margin, y: footerTop, height: mfrHeight });
  drawText(doc, manufacturer, { ...footerBox, x: margin + mfrWidth + mm(1.5), y: footerTop });
  drawRule(doc, margin, footerTop - mm(1.2), inner);
  const bodyBottom = footerTop - mm(2.2);
  const bodyHeight = bodyBottom - bodyTop;

  // Body, left: the UDI carrier, as big as the space allows up to the largest X-dimension.
  const modules = symbol.kind === 'matrix' ? symbol.columns : symbol.modules;
  const carrierSize = Math.min(bodyHeight, mm(24) * k, inner * 0.3, modules * MAX_CARRIER_MODULE);
  if (carrierSize < modules * MIN_CARRIER_MODULE) labelOverflow('The UDI carrier');
  const carrier = drawSymbol(doc, symbol, {
    x: margin,
    y: bodyTop,
    module: carrierSize / modules,
  });

  // Body, right: the HRI column and the REF/LOT/SN/date column share the rest of
  // the width in proportion to what each needs at its preferred size.
  const fields: [string, string | undefined, boolean][] = [
    ['REF', request.model, true],
    ['LOT', udi.lot, false],
    ['SN', udi.serial, false],
    ['EXP', labelDate(udi, 'expiry'), false],
    ['MFD', labelDate(udi, 'productionDate'), false],
  ];
  const rows = fields.filter((field): field is [string, string, boolean] => field[1] !== undefined);
  const rowHeight = Math.min(mm(4.6) * k, bodyHeight / Math.max(rows.length, 1));
  const captionHeight = rowHeight * 0.8;
  if (captionHeight < mm(2)) labelOverflow('The REF, LOT, SN and date lines');
  const captionColumn = Math.max(
    0,
    ...rows.map(([caption]) => captionWidth(doc, caption, captionHeight)),
  );
  // Capitals of a value no taller than its symbol's frame.
  const valueSize = Math.min(8 * k, captionHeight / 0.9);
  const hriPreferred = 7.5 * k;
  const gap = mm(2.5);
  const hriLeft = margin + carrier.width + gap;
  const rest = width - margin - hriLeft - gap;
  const valueNeed = (size: number): number =>
    captionColumn +
    mm(1.2) +
    Math.max(
      widestAt(
        doc,
        FONT.text,
        size,
        rows.filter((row) => row[2]).map((row) => row[1]),
      ),
      widestAt(
        doc,
        FONT.codeBold,
        size,
        rows.filter((row) => !row[2]).map((row) => row[1]),
      ),
    );
  const hriNeed = widestAt(doc, FONT.code, hriPreferred, hriLinesOf(udi));
  const share = rows.length === 0 ? rest : (rest * hriNeed) / (hriNeed + valueNeed(valueSize));
  // Neither column below what it needs at the smallest text size, where possible.
  const hriWidth = Math.max(
    Math.min(share, rest - valueNeed(MIN_TEXT_SIZE)),
    Math.min(rest * 0.3, widestAt(doc, FONT.code, MIN_TEXT_SIZE, hriLinesOf(udi))),
  );
  const fieldsLeft = hriLeft + hriWidth + gap;
  const fieldsWidth = width - margin - fieldsLeft;

  const udiHeight = mm(3.2) * k;
  drawSymbolCaption(doc, 'UDI', { x: hriLeft, y: bodyTop, height: udiHeight });
  const hriTop = bodyTop + udiHeight + mm(1);
  const hriLines = fitLines(doc, hriLinesOf(udi), hriWidth);
  const hriSize = Math.min(
    hriPreferred,
    (bodyBottom - hriTop) / hriLines.length / 1.25,
    (hriPreferred * hriWidth) / Math.max(widestAt(doc, FONT.code, hriPreferred, hriLines), 1),
  );
  if (hriSize < MIN_TEXT_SIZE) labelOverflow('The human-readable UDI');
  hriLines.forEach((line, index) => {
    drawLine(doc, line, {
      x: hriLeft,
      middle: hriTop + (index + 0.5) * hriSize * 1.25,
      width: hriWidth,
      font: FONT.code,
      size: hriSize,
    });
  });

  rows.forEach(([caption, value, freeText], index) => {
    const rowTop = bodyTop + index * rowHeight;
    drawSymbolCaption(doc, caption, {
      x: fieldsLeft,
      y: rowTop,
      height: captionHeight,
      width: captionColumn,
    });
    drawLine(doc, value, {
      x: fieldsLeft + captionColumn + mm(1.2),
      middle: rowTop + captionHeight / 2,
      width: fieldsWidth - captionColumn - mm(1.2),
      font: freeText ? FONT.text : FONT.codeBold,
      size: valueSize,
    });
  });

  return label.finish();
}
