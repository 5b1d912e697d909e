// Reads back what pdfkit wrote into an uncompressed PDF (`compress: false`):
// the text of each text-showing operation, the page count and the MediaBox.
// Test-only, and only for pdfkit's output: standard fonts in WinAnsi encoding,
// embedded fonts with a ToUnicode CMap of bfrange arrays. Not a PDF parser.

function objects(pdf: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of pdf.matchAll(/(\d+) 0 obj\s([\s\S]*?)\sendobj/g)) {
    found.set(match[1] ?? '', match[2] ?? '');
  }
  return found;
}

function streamOf(object: string): string {
  return /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(object)?.[1] ?? '';
}

/** Glyph id → text, from a ToUnicode CMap's bfrange arrays and bfchar entries. */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (hex: string): string =>
    String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const [, start, , list] of cmap.matchAll(/<(\w+)>\s*<(\w+)>\s*\[([^\]]*)\]/g)) {
    [...(list ?? '').matchAll(/<(\w+)>/g)].forEach((entry, index) => {
      map.set(parseInt(start ?? '0', 16) + index, hexText(entry[1] ?? ''));
    });
  }
  for (const [, code, text] of cmap.matchAll(/^<(\w{4})>\s*<(\w+)>$/gm)) {
    map.set(parseInt(code ?? '0', 16), hexText(text ?? ''));
  }
  return map;
}

type Decoder = (hex: string) => string;

function decoders(all: Map<string, string>): Map<string, Decoder> {
  const byName = new Map<string, Decoder>();
  for (const object of all.values()) {
    const fonts = /\/Font\s*<<([\s\S]*?)>>/.exec(object)?.[1];
    if (!fonts) continue;
    for (const [, name, id] of fonts.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = all.get(id ?? '') ?? '';
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
      if (toUnicode) {
        const map = toUnicodeMap(streamOf(all.get(toUnicode) ?? ''));
        byName.set(name ?? '', (hex) =>
          (hex.match(/.{4}/g) ?? []).map((unit) => map.get(parseInt(unit, 16)) ?? '?').join(''),
        );
      } else {
        byName.set(name ?? '', (hex) => Buffer.from(hex, 'hex').toString('latin1'));
      }
    }
  }
  return byName;
}

/** The text of every text-showing operation on every page, in drawing order. */
export function pdfTextRuns(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const all = objects(text);
  const fonts = decoders(all);
  const runs: string[] = [];
  for (const object of all.values()) {
    if (!/\/Type \/Page\b/.test(object)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(object)?.[1];
    const stream = streamOf(all.get(contents ?? '') ?? '');
    let decode: Decoder = () => '';
    const operations = /\/(\w+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (const [, font, array, single] of stream.matchAll(operations)) {
      if (font) decode = fonts.get(font) ?? (() => '');
      else if (array !== undefined) {
        runs.push([...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => decode(m[1] ?? '')).join(''));
      } else if (single !== undefined) runs.push(decode(single));
    }
  }
  return runs;
}

export function pdfPageCount(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type \/Page\b/g)].length;
}

/** The first page's MediaBox in points: [x0, y0, x1, y1]. */
export function pdfMediaBox(pdf: Buffer): number[] {
  const box = /\/MediaBox \[([^\]]+)\]/.exec(pdf.toString('latin1'))?.[1] ?? '';
  return box.trim().split(/\s+/).map(Number);
}
