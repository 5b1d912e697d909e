// A carton or pallet label in the GS1 logistic label layout (default 100 × 150 mm):
// free-form top (ship from / ship to), the data in text under GS1 data titles,
// and at the bottom the GS1-128 symbols: content data, then the SSCC last.
import { buildGs1Elements, isoToGs1Date } from './gs1-build.ts';
import type { LabelRenderOptions } from './device-label.ts';
import {
  FONT,
  drawLine,
  drawRule,
  drawSymbol,
  drawText,
  labelOverflow,
  mm,
  openLabelDocument,
  type LabelDocument,
} from './label-pdf.ts';
import {
  cartonLabelRequestSchema,
  type CartonLabelInput,
  type Gs1Element,
  type Gs1Udi,
  type LabelParty,
} from './udi.contract.ts';
import { referenceYear } from './udi-dates.ts';
import {
  GS1_128_MAX_DATA_CHARACTERS,
  gs1DataCharacters,
  gs1HriLines,
  gs1LinearSymbolSpec,
  udiSymbolModules,
  type SymbolModules,
} from './udi-render.ts';

/** GS1 logistic labels: X-dimension 0.495 mm and more; content symbols may go down to this. */
const MIN_CONTENT_MODULE = mm(0.33);
const MAX_MODULE = mm(0.66);
/** Below this no label printer draws GS1-128 reliably. */
const ABSOLUTE_MIN_MODULE = mm(0.25);
/** GS1 logistic label guideline: bars at least 31.75 mm high where the label allows. */
const FULL_BAR_HEIGHT = mm(31.75);
const MIN_BAR_HEIGHT = mm(8);
const QUIET_ZONE_MODULES = 10;

function modulesOf(elements: Gs1Element[]): SymbolModules {
  return udiSymbolModules(gs1LinearSymbolSpec(elements), 'gs1-128');
}

function widthAt(symbol: SymbolModules, module: number): number {
  const modules = symbol.kind === 'linear' ? symbol.modules : symbol.columns;
  return (modules + 2 * QUIET_ZONE_MODULES) * module;
}

/**
 * Packs the content elements into as few GS1-128 symbols as fit (first fit, each
 * symbol keeping canonical order): at most 48 data characters and no wider than
 * the label at the smallest content X-dimension. The GS1 association rules
 * ((02) needs (37), (37) needs (00) …) hold for the label as a whole, as GS1
 * intends for multi-symbol labels, not for each symbol on its own.
 */
function packContentSymbols(elements: Gs1Element[], width: number): Gs1Element[][] {
  const fits = (candidate: Gs1Element[]): boolean =>
    gs1DataCharacters(candidate) <= GS1_128_MAX_DATA_CHARACTERS &&
    widthAt(modulesOf(candidate), MIN_CONTENT_MODULE) <= width;
  const symbols: Gs1Element[][] = [];
  for (const element of elements) {
    const target = symbols.find((symbol) => fits([...symbol, element]));
    if (target) target.push(element);
    else symbols.push([element]);
  }
  return symbols;
}

/** The label's GS1 data, validated together (so (02) needs (37), a bad SSCC check digit fails …). */
function cartonData(
  request: ReturnType<typeof cartonLabelRequestSchema.parse>,
  options: LabelRenderOptions,
): Gs1Udi {
  const currentYear = referenceYear(options);
  const pairs: [string, string][] = [['00', request.sscc]];
  const content = request.content;
  if (content) {
    const gtin = /^(\d{8}|\d{12}|\d{13})$/.test(content.gtin)
      ? content.gtin.padStart(14, '0')
      : content.gtin;
    pairs.push(['02', gtin], ['37', String(content.count)]);
    if (content.lot !== undefined) pairs.push(['10', content.lot]);
    if (content.expiry !== undefined)
      pairs.push(['17', isoToGs1Date(content.expiry, '17', currentYear)]);
    if (content.productionDate !== undefined)
      pairs.push(['11', isoToGs1Date(content.productionDate, '11', currentYear)]);
  }
  return buildGs1Elements(pairs, options).udi;
}

/** A date as printed: ISO 8601, or YYYY-MM when the GS1 value has day 00. */
function printedDate(element: Gs1Element, iso: string | undefined): string {
  if (iso === undefined) return element.value;
  return element.value.endsWith('00') ? iso.slice(0, 7) : iso;
}

function drawParty(
  label: LabelDocument,
  title: string,
  party: LabelParty,
  box: { x: number; y: number; width: number; height: number },
): void {
  const { doc } = label;
  drawLine(doc, title, {
    x: box.x,
    middle: box.y + mm(1.2),
    width: box.width,
    font: FONT.codeBold,
    size: 6.5,
  });
  const nameTop = box.y + mm(3.2);
  const used = drawText(doc, party.name, {
    x: box.x,
    y: nameTop,
    width: box.width,
    height: mm(8),
    font: FONT.textBold,
    size: 9,
    minSize: 6.5,
  });
  if (party.address) {
    drawText(doc, party.address, {
      x: box.x,
      y: nameTop + used + mm(0.5),
      width: box.width,
      height: box.y + box.height - (nameTop + used + mm(0.5)),
      font: FONT.text,
      size: 7.5,
      minSize: 5.5,
    });
  }
}

/** A carton/pallet label as a one-page PDF. */
export async function renderCartonLabel(
  input: CartonLabelInput,
  options: LabelRenderOptions = {},
): Promise<Buffer> {
  const request = cartonLabelRequestSchema.parse(input);
  const udi = cartonData(request, options);
  const label = openLabelDocument({
    widthMm: request.widthMm,
    heightMm: request.heightMm,
    title: `Logistic label SSCC ${request.sscc}`,
    compress: options.compress,
    cjkFonts: options.cjkFonts,
  });
  const { doc, width, height } = label;
  const margin = mm(4);
  const inner = width - 2 * margin;

  // Top: ship from / ship to, free form.
  const topHeight = mm(24);
  const columnWidth = request.shipTo ? (inner - mm(4)) / 2 : inner;
  drawParty(label, 'FROM', request.shipFrom, {
    x: margin,
    y: margin,
    width: columnWidth,
    height: topHeight,
  });
  if (request.shipTo) {
    drawParty(label, 'SHIP TO', request.shipTo, {
      x: margin + columnWidth + mm(4),
      y: margin,
      width: columnWidth,
      height: topHeight,
    });
  }
  let y = margin + topHeight + mm(1.5);
  drawRule(doc, margin, y, inner);
  y += mm(2);

  // Middle: the data in text, each under its GS1 data title.
  const sscc = udi.elements.find((element) => element.ai === '00');
  const byAi = (ai: string): Gs1Element | undefined => udi.elements.find((e) => e.ai === ai);
  const field = (title: string, value: string, x: number, top: number, w: number, size: number) => {
    drawLine(doc, title, { x, middle: top + mm(1), width: w, font: FONT.code, size: 6.5 });
    drawLine(doc, value, {
      x,
      middle: top + mm(2.8) + (size * 0.72) / 2,
      width: w,
      font: FONT.codeBold,
      size,
    });
  };
  field('SSCC', sscc?.value ?? request.sscc, margin, y, inner, 14);
  y += mm(10);
  if (request.content?.productName) {
    y += drawText(doc, request.content.productName, {
      x: margin,
      y,
      width: inner,
      height: mm(8),
      font: FONT.textBold,
      size: 9.5,
      minSize: 6.5,
    });
    y += mm(1.5);
  }
  const half = (inner - mm(4)) / 2;
  const cells: [string, string][] = [];
  const push = (ai: string, value?: (element: Gs1Element) => string) => {
    const element = byAi(ai);
    if (element) cells.push([element.title.toUpperCase(), value ? value(element) : element.value]);
  };
  push('02');
  push('37');
  push('10');
  push('17', (element) => printedDate(element, udi.expiry));
  push('11', (element) => printedDate(element, udi.productionDate));
  cells.forEach(([title, value], index) => {
    const column = index % 2;
    field(title, value, margin + column * (half + mm(4)), y, half, 11);
    if (column === 1 || index === cells.length - 1) y += mm(8.5);
  });
  drawRule(doc, margin, y, inner);
  const barcodesTop = y + mm(3);

  // Bottom: content symbols, then the SSCC symbol last (bottom of the label).
  const contentElements = udi.elements.filter((element) => element.ai !== '00');
  const symbols = [
    ...(contentElements.length > 0 ? packContentSymbols(contentElements, inner) : []),
    sscc ? [sscc] : [],
  ].filter((elements) => elements.length > 0);
  const hriHeight = mm(4.5);
  const gap = mm(2.5);
  const available = height - margin - barcodesTop;
  const barHeight = Math.min(
    FULL_BAR_HEIGHT,
    (available - symbols.length * (hriHeight + gap)) / symbols.length,
  );
  if (barHeight < MIN_BAR_HEIGHT) labelOverflow(`${symbols.length} GS1-128 symbols`);
  let top = height - margin - symbols.length * (barHeight + hriHeight) - (symbols.length - 1) * gap;
  for (const elements of symbols) {
    const symbol = modulesOf(elements);
    const module = Math.min(MAX_MODULE, inner / widthAt(symbol, 1));
    if (module < ABSOLUTE_MIN_MODULE) labelOverflow(gs1HriLines(elements).join(''));
    const symbolWidth = widthAt(symbol, module) - 2 * QUIET_ZONE_MODULES * module;
    drawSymbol(doc, symbol, {
      x: margin + (inner - symbolWidth) / 2,
      y: top,
      module,
      barHeight,
    });
    drawLine(doc, gs1HriLines(elements).join(''), {
      x: margin,
      middle: top + barHeight + hriHeight / 2 + mm(0.5),
      width: inner,
      font: FONT.code,
      size: elements[0]?.ai === '00' ? 11 : 9.5,
      align: 'center',
    });
    top += barHeight + hriHeight + gap;
  }
  return label.finish();
}
