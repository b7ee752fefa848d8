// The decode pipeline: the one module that calls the barcode libraries. It runs as it is on the main thread
// (tests, benchmarks, the in-thread fallback) and inside decode-worker.ts (the camera).
//
// Why a cascade, and in this order (measured in real Chromium on ../shared/fixtures/zxing-blackbox, numbers
// in README.md here and in `node test/bench/decode.mjs`):
// - zxing-wasm with its default LocalAverage binarizer reads every QR photo in all three rotations and is the
//   fastest on them, but misses one PDF417 photo of 24;
// - zxing-wasm with the GlobalHistogram binarizer reads all 24 PDF417 photos (but misses 6 QR decodes), so as
//   a second pass it closes the gap at the cost of one more wasm call — only on frames the first pass found
//   nothing in;
// - @zxing/library (ZXing's Java lineage, a different implementation) reads every PDF417 photo too and is
//   kept as the last resort for codes unlike these photos: it costs ~10 ms a frame, paid only when both wasm
//   passes failed (single images), or on every few empty camera frames (see `DecodeDepth`).
// Nothing here opens, navigates to or fetches what it decodes; the only fetch is the .wasm, from `wasmUrl`.
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
// Deep imports: the package index pulls in every format (119 KB gzip against 53 KB for these, measured).
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import PDF417Reader from '@zxing/library/esm/core/pdf417/PDF417Reader';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';

/** The symbologies the kiosk reads: QR for invitations, passes and badges; PDF417 for ID-style barcodes. */
export type CodeFormat = 'QRCode' | 'PDF417';

/** One decoded code. `text` is untrusted input: verify it, never open or fetch it. */
export interface DecodedCode {
  text: string;
  format: CodeFormat;
}

/**
 * How hard to try. `full` runs every stage (single images, and every few camera frames); `fast` runs the
 * first stage only (the other camera frames), so an empty viewfinder costs one wasm pass per frame.
 */
export type DecodeDepth = 'fast' | 'full';

/** Which implementation read a code, for benchmarks and tests. */
export type DecodeStage = 'wasm' | 'wasm-global-histogram' | 'zxing-library';

/** Longest text passed on: a signed invitation is under 1 KB and a driving-licence PDF417 under 2 KB. */
export const MAX_DECODED_LENGTH = 4096;

const FORMATS: CodeFormat[] = ['QRCode', 'PDF417'];

/** First pass: the options the issue measured, plus one symbol (the first valid one ends the search). */
const WASM_OPTIONS: ReaderOptions = {
  formats: FORMATS,
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  textMode: 'Plain',
  maxNumberOfSymbols: 1,
};

/** Second pass: a whole-image threshold reads glare and low-contrast PDF417 that local averaging loses. */
const WASM_GLOBAL_OPTIONS: ReaderOptions = { ...WASM_OPTIONS, binarizer: 'GlobalHistogram' };

let configuredUrl: string | undefined;

/**
 * Says where zxing-wasm's `.wasm` is. It must be our own origin: by default the library fetches it from a
 * CDN, which an offline kiosk cannot reach and the CSP (`connect-src 'self'`) forbids. Call it before the
 * first decode (later calls with another URL reload the module on the next decode).
 */
export function configureDecoder(options: { wasmUrl: string }): void {
  if (options.wasmUrl === configuredUrl) return;
  configuredUrl = options.wasmUrl;
  const url = new URL(options.wasmUrl, globalThis.location?.href).href;
  prepareZXingModule({
    overrides: {
      // Emscripten asks for `zxing_reader.wasm` by name; anything else keeps its own path.
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? url : prefix + path),
    },
  });
}

/** Loads and compiles the wasm now, so the first frame does not pay for it. Rejects if it cannot load. */
export async function warmUpDecoder(): Promise<void> {
  ensureConfigured();
  await readBarcodes(new ImageData(1, 1), WASM_OPTIONS);
}

/**
 * Decodes the first QR code or PDF417 symbol in the image, or resolves `null`. Never rejects for an image
 * without a code; rejects only if the decoder is not configured or the wasm cannot be loaded.
 */
export async function decodeImageData(image: ImageData, depth: DecodeDepth = 'full'): Promise<DecodedCode | null> {
  return (await decodeWithStage(image, depth))?.code ?? null;
}

/** `decodeImageData`, also telling which stage read the code. */
export async function decodeWithStage(
  image: ImageData,
  depth: DecodeDepth = 'full',
): Promise<{ code: DecodedCode; stage: DecodeStage } | null> {
  ensureConfigured();
  let code = await readWithWasm(image, WASM_OPTIONS);
  if (code) return { code, stage: 'wasm' };
  if (depth === 'fast') return null;
  code = await readWithWasm(image, WASM_GLOBAL_OPTIONS);
  if (code) return { code, stage: 'wasm-global-histogram' };
  code = readWithZxingLibrary(image);
  if (code) return { code, stage: 'zxing-library' };
  return null;
}

function ensureConfigured(): void {
  // Without a URL the library would fall back to its CDN: fail here instead, loudly, in every test.
  if (configuredUrl === undefined) throw new Error('configureDecoder({ wasmUrl }) must be called before decoding');
}

async function readWithWasm(image: ImageData, options: ReaderOptions): Promise<DecodedCode | null> {
  const results = await readBarcodes(image, options);
  for (const r of results) {
    if (r.isValid && (r.format === 'QRCode' || r.format === 'PDF417')) return accept(r.text, r.format);
  }
  return null;
}

const libraryHints = new Map([[DecodeHintType.TRY_HARDER, true]]);
const libraryReaders: [CodeFormat, PDF417Reader | QRCodeReader][] = [
  // PDF417 first: it is the case the wasm passes are weakest on; QR last as a different detector's opinion.
  ['PDF417', new PDF417Reader()],
  ['QRCode', new QRCodeReader()],
];

/**
 * @zxing/library on the same pixels. The readers are used one by one rather than through MultiFormatReader,
 * which logs every internal exception to the console.
 */
function readWithZxingLibrary(image: ImageData): DecodedCode | null {
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance(image), image.width, image.height)));
  for (const [format, reader] of libraryReaders) {
    try {
      const result = reader.decode(bitmap, libraryHints);
      return accept(result.getText(), format);
    } catch {
      // NotFound, Checksum and Format exceptions are the library's way of saying "no code here".
    } finally {
      reader.reset();
    }
  }
  return null;
}

function accept(text: string, format: CodeFormat): DecodedCode | null {
  return text.length > 0 && text.length <= MAX_DECODED_LENGTH ? { text, format } : null;
}

/** RGBA → 8-bit luminance with ZXing's own weights (the library wants one byte per pixel). */
function luminance(image: ImageData): Uint8ClampedArray {
  const { data, width, height } = image;
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    out[i] = (data[j]! * 306 + data[j + 1]! * 601 + data[j + 2]! * 117 + 512) >> 10;
  }
  return out;
}
