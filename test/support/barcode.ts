// Decodes barcode images with zxing-wasm (ZXing-C++), an independent reader, to
// prove that what Lotline draws scans back to the same data.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let prepared = false;

/** Loads the reader's .wasm from node_modules: by default zxing-wasm fetches it from a CDN. */
function prepareReader(): void {
  if (prepared) return;
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = fs.readFileSync(wasmPath);
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  prepareZXingModule({ overrides: { wasmBinary: wasmBinary as ArrayBuffer } });
  prepared = true;
}

export interface DecodedSymbol {
  /** ZXing's format name: DataMatrix, Code128, QRCode … */
  format: string;
  /** ISO/IEC 15424 symbology identifier, e.g. ]d2 for GS1 DataMatrix. */
  symbologyIdentifier: string;
  /** What a scanner transmits: the symbology identifier, then the data with GS (0x1D) separators. */
  scan: string;
}

/** Every symbol found in a PNG (or other image file). */
export async function decodeSymbols(image: Uint8Array): Promise<DecodedSymbol[]> {
  prepareReader();
  const results = await readBarcodes(image, { tryHarder: true, maxNumberOfSymbols: 8 });
  return results
    .filter((result) => result.isValid)
    .map((result) => ({
      format: result.format,
      symbologyIdentifier: result.symbologyIdentifier,
      scan: result.symbologyIdentifier + Buffer.from(result.bytes).toString('latin1'),
    }));
}
