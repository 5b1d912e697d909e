// The drawing kit shared by the label PDFs: a one-page document at the label's
// size in millimetres, fonts (Noto Sans CJK when installed, so Chinese product
// names print; Helvetica otherwise), barcodes drawn as vector modules, and text
// that shrinks to fit its box; what does not fit at a legible size is refused
// (UDI_LABEL_OVERFLOW), never cut off.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { DomainError } from '../../platform/errors.ts';
import type { SymbolModules } from './udi-render.ts';

export const POINTS_PER_MM = 72 / 25.4;

export function mm(millimetres: number): number {
  return millimetres * POINTS_PER_MM;
}

/**
 * Debian's fonts-noto-cjk. pdfkit embeds only the glyphs used. When the files are
 * missing the free text falls back to Helvetica, which has no Chinese glyphs.
 */
export const CJK_FONT_FILES = {
  regular: {
    path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    family: 'NotoSansCJKsc-Regular',
  },
  bold: {
    path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    family: 'NotoSansCJKsc-Bold',
  },
} as const;

/** Font names registered in every label document. */
export const FONT = {
  /** Free text (names, addresses): CJK-capable when installed. */
  text: 'label-text',
  textBold: 'label-text-bold',
  /** Codes and HRI: always ASCII, always Helvetica. */
  code: 'Helvetica',
  codeBold: 'Helvetica-Bold',
} as const;
type FontName = (typeof FONT)[keyof typeof FONT];

export interface FontFile {
  path: string;
  /** The font's PostScript name inside a collection (.ttc). */
  family: string;
}

export interface LabelDocumentOptions {
  widthMm: number;
  heightMm: number;
  title: string;
  /** false writes readable content streams (tests look for the text). */
  compress?: boolean;
  /** Default CJK_FONT_FILES. */
  cjkFonts?: { regular: FontFile; bold: FontFile };
}

export interface LabelDocument {
  doc: PDFKit.PDFDocument;
  width: number;
  height: number;
  /** Whether the free-text font can print Chinese. */
  cjk: boolean;
  finish: () => Promise<Buffer>;
}

/** Documents whose free-text font is the Helvetica fallback (no CJK font installed). */
const withoutCjkFont = new WeakSet<PDFKit.PDFDocument>();

/** What Helvetica's WinAnsi encoding can print; anything else would come out as garbage. */
const WIN_ANSI = /^[\t\n\r\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/;

/** Refuses to print text the document's fonts cannot show, rather than print garbage. */
function requirePrintable(doc: PDFKit.PDFDocument, font: string, text: string): void {
  if (WIN_ANSI.test(text)) return;
  const fallback = font === FONT.code || font === FONT.codeBold || withoutCjkFont.has(doc);
  if (!fallback) return;
  throw new DomainError(
    'SERVICE_UNAVAILABLE',
    { missing: 'fonts-noto-cjk' },
    `${quoted(text)} needs the Noto Sans CJK fonts (Debian package fonts-noto-cjk), which this server does not have`,
  );
}

function registerTextFont(
  doc: PDFKit.PDFDocument,
  name: string,
  file: FontFile,
  fallback: string,
): boolean {
  if (fs.existsSync(file.path)) {
    doc.registerFont(name, file.path, file.family);
    return true;
  }
  doc.registerFont(name, fallback);
  return false;
}

export function openLabelDocument(options: LabelDocumentOptions): LabelDocument {
  const width = mm(options.widthMm);
  const height = mm(options.heightMm);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    compress: options.compress ?? true,
    info: { Title: options.title, Creator: 'Lotline', Producer: 'Lotline (pdfkit)' },
  });
  const fonts = options.cjkFonts ?? CJK_FONT_FILES;
  const regular = registerTextFont(doc, FONT.text, fonts.regular, 'Helvetica');
  const bold = registerTextFont(doc, FONT.textBold, fonts.bold, 'Helvetica-Bold');
  const cjk = regular && bold;
  if (!cjk) withoutCjkFont.add(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A label is one page; a second one means the layout ran off the label.
  let pages = 1;
  doc.on('pageAdded', () => pages++);
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    width,
    height,
    cjk,
    finish: async () => {
      doc.end();
      const pdf = await ended;
      if (pages !== 1) throw new Error(`${options.title}: the layout ran onto ${pages} pages`);
      return pdf;
    },
  };
}

/** Below this no text is printed: data that does not fit above it is refused, never cut. */
export const MIN_TEXT_SIZE = 5;

/** The label has no room for this text or symbol at a legible size. */
export function labelOverflow(what: string): never {
  throw new DomainError(
    'UDI_LABEL_OVERFLOW',
    { what },
    `${what} does not fit on the label at a legible size; shorten it or choose a larger label`,
  );
}

function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return `'${line.length > 40 ? `${line.slice(0, 40)}…` : line}'`;
}

export interface TextBox {
  x: number;
  y: number;
  width: number;
  /** The most the text may take: it shrinks down to minSize to fit, or is refused. */
  height: number;
  font: FontName;
  size: number;
  minSize?: number;
}

/** The font size at which `text` fits the box (down to minSize), and the height it then takes. */
export function measureText(
  doc: PDFKit.PDFDocument,
  text: string,
  box: Omit<TextBox, 'x' | 'y'>,
): { size: number; height: number } {
  requirePrintable(doc, box.font, text);
  const minSize = Math.max(MIN_TEXT_SIZE, box.minSize ?? MIN_TEXT_SIZE);
  for (let size = Math.max(box.size, minSize); size >= minSize; size -= 0.25) {
    doc.font(box.font).fontSize(size);
    // Wrapping only at break opportunities; a word wider than the box does not fit.
    const widest = Math.max(...text.split(/\s+/).map((word) => doc.widthOfString(word)));
    const height = doc.heightOfString(text, { width: box.width });
    if (height <= box.height && (widest <= box.width || /[\u3000-\u9fff]/.test(text))) {
      return { size, height };
    }
  }
  return labelOverflow(quoted(text));
}

/** Draws wrapped text inside a box, shrinking it to fit; returns the height used. */
export function drawText(doc: PDFKit.PDFDocument, text: string, box: TextBox): number {
  const { size, height } = measureText(doc, text, box);
  doc.font(box.font).fontSize(size);
  // A hair more height than measured, so rounding never drops the last line.
  doc.text(text, box.x, box.y, { width: box.width, height: height + 1 });
  return height;
}

/** Capitals are about 0.72 em high in Helvetica and Noto Sans CJK alike. */
const CAP_HEIGHT = 0.72;

export interface LinePlacement {
  x: number;
  /** Where the middle of the capitals goes. */
  middle: number;
  width: number;
  font: FontName;
  size: number;
  minSize?: number;
  align?: 'left' | 'center';
}

/** The size at which one line fits `width` (down to minSize), or a refusal. */
export function fitLine(
  doc: PDFKit.PDFDocument,
  text: string,
  at: Omit<LinePlacement, 'x' | 'middle'>,
): number {
  requirePrintable(doc, at.font, text);
  const minSize = Math.max(MIN_TEXT_SIZE, at.minSize ?? MIN_TEXT_SIZE);
  for (let size = Math.max(at.size, minSize); size >= minSize; size -= 0.25) {
    doc.font(at.font).fontSize(size);
    if (doc.widthOfString(text) <= at.width) return size;
  }
  return labelOverflow(quoted(text));
}

/** One line of text, never wrapped or cut: shrunk to fit its width, or refused. */
export function drawLine(doc: PDFKit.PDFDocument, text: string, at: LinePlacement): number {
  const size = fitLine(doc, text, at);
  doc.font(at.font).fontSize(size);
  // No `width` option: pdfkit would run its line wrapper, which starts a new page
  // when a line ends near the bottom edge.
  const x = at.align === 'center' ? at.x + (at.width - doc.widthOfString(text)) / 2 : at.x;
  doc.text(text, x, at.middle + (size * CAP_HEIGHT) / 2, {
    lineBreak: false,
    baseline: 'alphabetic',
  });
  return size;
}

/** Width of a framed symbol caption of the given height. */
export function captionWidth(doc: PDFKit.PDFDocument, caption: string, height: number): number {
  doc.font(FONT.codeBold).fontSize(height * 0.62);
  return doc.widthOfString(caption) + height * 0.5;
}

/**
 * An ISO 15223-1 symbol that is itself text in a frame (REF, LOT, SN, UDI, MD), or
 * the text stand-in for a glyph symbol (MFR, EXP, MFD). `width` centres the
 * caption in a wider frame so a column of them lines up.
 */
export function drawSymbolCaption(
  doc: PDFKit.PDFDocument,
  caption: string,
  at: { x: number; y: number; height: number; width?: number },
): number {
  const width = at.width ?? captionWidth(doc, caption, at.height);
  doc.save().lineWidth(0.6).rect(at.x, at.y, width, at.height).stroke().restore();
  drawLine(doc, caption, {
    x: at.x,
    middle: at.y + at.height / 2,
    width,
    font: FONT.codeBold,
    size: at.height * 0.62,
    align: 'center',
  });
  return width;
}

export interface SymbolPlacement {
  x: number;
  y: number;
  /** Module (X-dimension) size in points. */
  module: number;
  /** Bar height in points (linear symbols). */
  barHeight?: number;
}

/** Draws barcode modules as filled rectangles (crisp at any printer resolution); returns its size. */
export function drawSymbol(
  doc: PDFKit.PDFDocument,
  symbol: SymbolModules,
  at: SymbolPlacement,
): { width: number; height: number } {
  doc.save().fillColor('black');
  if (symbol.kind === 'matrix') {
    for (let row = 0; row < symbol.rows; row++) {
      let column = 0;
      while (column < symbol.columns) {
        if (!symbol.dark(column, row)) {
          column++;
          continue;
        }
        const start = column;
        while (column < symbol.columns && symbol.dark(column, row)) column++;
        // A hair of overlap so viewers do not show seams between touching rows.
        doc.rect(
          at.x + start * at.module,
          at.y + row * at.module,
          (column - start) * at.module,
          at.module + 0.05,
        );
      }
    }
    doc.fill();
    doc.restore();
    return { width: symbol.columns * at.module, height: symbol.rows * at.module };
  }
  const barHeight = at.barHeight ?? mm(15);
  let offset = 0;
  symbol.widths.forEach((width, index) => {
    if (index % 2 === 0) doc.rect(at.x + offset * at.module, at.y, width * at.module, barHeight);
    offset += width;
  });
  doc.fill();
  doc.restore();
  return { width: symbol.modules * at.module, height: barHeight };
}

/** A thin rule across the label between sections. */
export function drawRule(doc: PDFKit.PDFDocument, x: number, y: number, width: number): void {
  doc
    .save()
    .lineWidth(0.5)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}
