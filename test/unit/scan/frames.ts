// Test frames for the decoder, in the browser: real photos (served by wtr-setup.mjs, or by the benchmark's
// own server) turned into ImageData in any rotation, and camera-like frames generated from a `qrcode`
// matrix — clean, rotated, noisy, blurred, at camera sizes. Shared by the tests and test/bench/decode.mjs.
import QRCode from 'qrcode';

/** A photo with its expected text (listed by the `vk-zxing-blackbox` command or the benchmark). */
export interface BlackboxPhoto {
  set: string;
  name: string;
  format: 'QRCode' | 'PDF417';
  url: string;
  answer: string;
  rotations: number[];
}

/** Draws an image rotated by a multiple of 90° and returns its pixels (the canvas grows to fit). */
export async function loadPhoto(url: string, rotation = 0): Promise<ImageData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  const quarter = rotation % 180 !== 0;
  const width = quarter ? bitmap.height : bitmap.width;
  const height = quarter ? bitmap.width : bitmap.height;
  const canvas = new OffscreenCanvas(width, height);
  const g = context(canvas);
  g.translate(width / 2, height / 2);
  g.rotate((rotation * Math.PI) / 180);
  g.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
  bitmap.close();
  return g.getImageData(0, 0, width, height);
}

export interface FrameSpec {
  text: string;
  width: number;
  height: number;
  /** Degrees, any angle. */
  rotate?: number;
  /** Standard deviation of Gaussian noise added to each channel, in 0‥255 levels. */
  noise?: number;
  /** Gaussian blur radius in pixels (canvas `filter`). */
  blur?: number;
  /** Share of the frame's shorter side the code takes (default 0.5). */
  fill?: number;
  /** Error-correction level (default M, as invitations use). */
  level?: 'L' | 'M' | 'Q' | 'H';
}

/** Modules of white border around the code, as printed codes have. */
const QUIET_ZONE = 4;

/** A camera-like frame: a grey, slightly shaded scene with the QR code in the middle. Deterministic. */
export function qrFrame(spec: FrameSpec): ImageData {
  const { text, width, height, rotate = 0, noise = 0, blur = 0, fill = 0.5, level = 'M' } = spec;
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  const n = qr.modules.size;
  const codeCanvas = new OffscreenCanvas(n + 2 * QUIET_ZONE, n + 2 * QUIET_ZONE);
  const c = context(codeCanvas);
  c.fillStyle = '#f0f0f0';
  c.fillRect(0, 0, codeCanvas.width, codeCanvas.height);
  c.fillStyle = '#141414';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(y, x)) c.fillRect(x + QUIET_ZONE, y + QUIET_ZONE, 1, 1);

  const canvas = new OffscreenCanvas(width, height);
  const g = context(canvas);
  const shade = g.createLinearGradient(0, 0, width, height);
  shade.addColorStop(0, '#9a9a9a');
  shade.addColorStop(1, '#c8c8c8');
  g.fillStyle = shade;
  g.fillRect(0, 0, width, height);
  const side = Math.round(Math.min(width, height) * fill);
  g.translate(width / 2, height / 2);
  g.rotate((rotate * Math.PI) / 180);
  g.imageSmoothingEnabled = false; // sharp module edges; blur, when asked for, is applied on purpose
  if (blur > 0) g.filter = `blur(${blur}px)`;
  g.drawImage(codeCanvas, -side / 2, -side / 2, side, side);
  const image = g.getImageData(0, 0, width, height);
  if (noise > 0) addNoise(image, noise, n);
  return image;
}

/** A frame with no code at all: shapes and text on a gradient, with sensor noise. Deterministic per seed. */
export function emptyFrame(width: number, height: number, seed = 1): ImageData {
  const canvas = new OffscreenCanvas(width, height);
  const g = context(canvas);
  const random = lcg(seed);
  const shade = g.createLinearGradient(0, 0, width, height);
  shade.addColorStop(0, '#778899');
  shade.addColorStop(1, '#ccbbaa');
  g.fillStyle = shade;
  g.fillRect(0, 0, width, height);
  for (let i = 0; i < 60; i++) {
    g.fillStyle = `hsl(${random() * 360} 40% ${20 + random() * 60}%)`;
    g.fillRect(random() * width, random() * height, (random() * width) / 4, (random() * height) / 4);
  }
  g.font = '24px sans-serif';
  g.fillStyle = '#111';
  for (let i = 0; i < 20; i++) g.fillText('Reception 12B', random() * width, random() * height);
  const image = g.getImageData(0, 0, width, height);
  addNoise(image, 8, seed);
  return image;
}

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('no 2d context');
  return g;
}

/** A small deterministic generator (tests must not flake on an unlucky noise pattern). */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function addNoise(image: ImageData, sigma: number, seed: number): void {
  const random = lcg(seed);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    // Box-Muller; the same offset on R, G and B, as a camera's luma noise.
    const u = Math.max(random(), 1e-9);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()) * sigma;
    d[i] = d[i]! + z;
    d[i + 1] = d[i + 1]! + z;
    d[i + 2] = d[i + 2]! + z;
  }
}
