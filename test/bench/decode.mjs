// The decoder benchmark (issue 3): per-photo decode time (median, p95) and success counts of our pipeline
// and of each library alone — zxing-wasm (reader build, readBarcodes with QRCode + PDF417, tryHarder,
// textMode Plain) and @zxing/browser (BrowserMultiFormatReader with TRY_HARDER and POSSIBLE_FORMATS QR_CODE +
// PDF_417, decodeFromCanvas) — on the shipped ZXing black-box photos (QR in three rotations, PDF417 upright)
// and on generated frames; the cost of an empty camera frame; main-thread time with and without the decode
// worker; and the gzip size of what the scan screen loads lazily.
//
// How: a bench page is built with Vite's JS API exactly as the app is built (the `?url` wasm import, the
// decode worker), served by scripts/serve.mjs with the production CSP on 127.0.0.1, and driven in Debian's
// Chromium through playwright-core. Every request is checked to stay on that origin (no CDN). Each image is
// decoded by the three decoders in turn (so load on the shared box hits all three alike), three times each;
// an image's time is the median of its three, and the table gives median and p95 (nearest rank) over images.
//
//   node test/bench/decode.mjs          # alone: prints the table (≈ 1 min)
//   import { benchDecode } from './decode.mjs'   # rows for test/bench/run.mjs
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { blackboxDir, listBlackbox } from '../unit/scan/wtr-setup.mjs';
import { chromium, closeServer, LAUNCH, log, median, percentile, serveDir } from './lib.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Where the generated bench page's sources go (inside the project, so Vite resolves its imports; git-ignored). */
const WORK = join(ROOT, '.cache', 'bench-decode');
/** Runs per image and decoder; the image's time is their median (one run is at the mercy of a GC pause). */
const RUNS = 3;
/** Empty frames per size for the camera-cost rows. */
const EMPTY_FRAMES = 12;
/** Frames decoded in the main-thread-blocking comparison (worker against in-thread). */
const LOOP_FRAMES = 40;

/** The page's script: exposes `window.vkBench`. Plain TypeScript, compiled by Vite with the app's settings. */
const ENTRY = `
import { readBarcodes } from 'zxing-wasm/reader';
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';
import { configureDecoder, decodeImageData } from '../../components/controllers/scanner/pipeline.js';
import { createInlineDecoder, createWorkerDecoder } from '../../components/controllers/scanner/frame-decoder.js';
import { DEEP_PASS_EVERY } from '../../components/controllers/scanner/scanner-controller.js';
import { ZXING_WASM_URL } from '../../components/controllers/scanner/wasm-url.js';
import { emptyFrame, loadPhoto, qrFrame } from '../../test/unit/scan/frames.js';

configureDecoder({ wasmUrl: ZXING_WASM_URL });
const hints = new Map([[DecodeHintType.TRY_HARDER, true], [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.PDF_417]]]);
const browserReader = new BrowserMultiFormatReader(hints);
const canvas = document.createElement('canvas');
const ctx = canvas.getContext('2d', { willReadFrequently: true });

const decoders = {
  ours: async (img) => (await decodeImageData(img))?.text ?? null,
  wasm: async (img) => (await readBarcodes(img, { formats: ['QRCode', 'PDF417'], tryHarder: true, textMode: 'Plain' })).find((r) => r.isValid)?.text ?? null,
  zxingBrowser: async (img) => { try { return browserReader.decodeFromCanvas(canvas).getText(); } catch { return null; } },
};

async function time(name, img) {
  if (name === 'zxingBrowser') { canvas.width = img.width; canvas.height = img.height; ctx.putImageData(img, 0, 0); }
  const t0 = performance.now();
  const text = await decoders[name](img);
  return { ms: performance.now() - t0, text };
}

async function measure(img, want, runs) {
  const out = {};
  for (const name of Object.keys(decoders)) out[name] = { ms: [], ok: false };
  for (let r = 0; r < runs; r++) {
    for (const name of Object.keys(decoders)) {
      const { ms, text } = await time(name, img);
      out[name].ms.push(ms);
      if (r === 0) out[name].ok = want === null ? text === null : text === want;
    }
  }
  return out;
}

async function blocking(decoder, frames) {
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks += e.duration; });
  observer.observe({ type: 'longtask' });
  await decoder.ready;
  const t0 = performance.now();
  for (let i = 0; i < frames.length; i++) {
    const bitmap = await createImageBitmap(frames[i]);
    await decoder.decode(bitmap, (i + 1) % DEEP_PASS_EVERY === 0 ? 'full' : 'fast');
  }
  const wall = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  decoder.dispose();
  return { perFrame: wall / frames.length, longTasks };
}

window.vkBench = {
  async photos(cases, runs) {
    await decodeImageData(new ImageData(8, 8)); // the wasm loads outside the measurements
    const rows = [];
    for (const c of cases) rows.push({ ...c, result: await measure(await loadPhoto(c.url, c.rotation), c.answer, runs) });
    return rows;
  },
  async generated(specs, runs) {
    const rows = [];
    for (const s of specs) rows.push({ ...s, result: await measure(qrFrame(s), s.text, runs) });
    return rows;
  },
  async empty(count) {
    const rows = [];
    const decode = decodeImageData;
    for (const [w, h] of [[640, 480], [1280, 720]]) {
      const fast = [], full = [], wasm = [], falseReads = [];
      for (let i = 1; i <= count; i++) {
        const img = emptyFrame(w, h, i);
        let t = performance.now(); const a = await decode(img, 'fast'); fast.push(performance.now() - t);
        t = performance.now(); const b = await decode(img, 'full'); full.push(performance.now() - t);
        const c = await time('wasm', img); wasm.push(c.ms);
        if (a || b || c.text) falseReads.push(i);
      }
      rows.push({ size: w + '×' + h, fast, full, wasm, falseReads, deepEvery: DEEP_PASS_EVERY });
    }
    return rows;
  },
  async mainThread(count) {
    const frames = Array.from({ length: count }, (_, i) => emptyFrame(1280, 720, 100 + i));
    const worker = await blocking(createWorkerDecoder(ZXING_WASM_URL), frames);
    const inline = await blocking(createInlineDecoder(ZXING_WASM_URL), frames);
    return { worker, inline };
  },
};
document.documentElement.dataset.ready = 'yes';
`;

/** Generated frames: two sizes × six conditions × two texts (a short id and an invitation-length token). */
function generatedSpecs() {
  const token =
    'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoidmsraW52In0.eyJpc3MiOiJodWIiLCJzaXRlIjoiZGVtbyIsImp0aSI6IjNmOWM3YTEyYjQ1ZTZkNzg5MGFiY2RlZjEyMzQ1Njc4IiwibmJmIjoxNzYzODU2MDAwLCJleHAiOjE3NjM4ODQ4MDAsInZ0IjoiYnVzaW5lc3MiLCJob3N0IjoiMTJCIn0.MEUCIQDx3m2a7bY1cLq0yXW5v9n8k3jH2pQ6rS4tU7vZ1aB2cwIgK8sN4mP0qR7tV2wX5yZ1aB3cD6eF9gH2iJ5kL8mN0pQ';
  const conditions = [
    ['clean', {}],
    ['rotated 30°', { rotate: 30 }],
    ['noisy σ=30', { noise: 30 }],
    ['blurred 1.5 px', { blur: 1.5 }],
    ['blurred + noisy + rotated', { blur: 1.5, noise: 20, rotate: 15 }],
    ['small (25 % of the height)', { fill: 0.25 }],
  ];
  const specs = [];
  for (const [width, height] of [[640, 480], [1280, 720]]) {
    for (const [text, label] of [['VK-INV:2f9c1a7e-5b3d-4e21-9c8f-0a6b7d2e1f35', 'short'], [token, 'token']]) {
      for (const [name, extra] of conditions) specs.push({ label: `${width}×${height} ${name}, ${label}`, text, width, height, ...extra });
    }
  }
  return specs;
}

/** Builds the bench page (and, separately, the scan screen's lazy chunk as the app would ship it). */
async function buildPages(outDir) {
  const { build } = await import('vite');
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  await writeFile(join(WORK, 'entry.ts'), ENTRY);
  await writeFile(join(WORK, 'index.html'), '<!doctype html><meta charset="utf-8"><title>decode bench</title><script type="module" src="./entry.ts"></script>\n');
  // The lazy-chunk probe: the first screen's Lit is in the entry, as in the kiosk; the scan screen is one import().
  await writeFile(
    join(WORK, 'lazy.ts'),
    "import { LitElement } from 'lit';\nObject.assign(window, { first: LitElement, scan: () => import('../../components/vk-camera-view/define.js') });\n",
  );
  await writeFile(join(WORK, 'lazy.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./lazy.ts"></script>\n');
  const common = { root: ROOT, configFile: false, logLevel: 'warn', resolve: { conditions: ['browser', 'production'] } };
  await build({
    ...common,
    build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, rollupOptions: { input: join(WORK, 'index.html') } },
  });
  const lazyOut = join(outDir, 'lazy-build');
  await build({
    ...common,
    build: { outDir: lazyOut, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, manifest: true, rollupOptions: { input: join(WORK, 'lazy.html') } },
  });
  return lazyOut;
}

/**
 * gzip level 9 sizes of what `import('…/vk-camera-view/define.js')` brings: its chunk and the chunks it imports
 * statically (main thread), the decode worker and the wasm it references; and the in-thread fallback chunk
 * (the pipeline), which loads only if the controller is told not to use a worker.
 */
async function lazySizes(lazyOut) {
  const manifest = JSON.parse(await readFile(join(lazyOut, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const entry = manifest[entryKey];
  const firstScreen = new Set([entryKey, ...(entry.imports ?? [])]);
  const gz = async (file) => gzipSync(await readFile(join(lazyOut, file)), { level: 9 }).length;
  const staticClosure = (keys) => {
    const seen = new Set();
    const walk = (key) => {
      if (seen.has(key) || firstScreen.has(key) || !manifest[key]) return;
      seen.add(key);
      for (const k of manifest[key].imports ?? []) walk(k);
    };
    keys.forEach(walk);
    return seen;
  };
  const lazy = staticClosure(entry.dynamicImports ?? []);
  const fallback = staticClosure([...lazy].flatMap((k) => manifest[k].dynamicImports ?? []));
  const sum = async (keys) => {
    let n = 0;
    for (const k of keys) n += await gz(manifest[k].file);
    return n;
  };
  const assets = [...lazy].flatMap((k) => manifest[k].assets ?? []);
  let workerJs = 0;
  let wasmGz = 0;
  for (const f of assets) {
    if (f.endsWith('.wasm')) wasmGz += await gz(f);
    else if (f.endsWith('.js')) workerJs += await gz(f);
  }
  return { mainJs: await sum(lazy), mainFiles: [...lazy].map((k) => manifest[k].file), workerJs, wasmGz, fallbackJs: await sum(fallback) };
}

const count = (rows, name) => rows.filter((r) => r.result[name].ok).length;
const perImage = (rows, name) => rows.map((r) => median(r.result[name].ms));

/**
 * Runs the benchmark. Rows: `{ what, ours, baseline, ratio, aim, unit, better }` — `unit` is `ms`, `count`
 * or `bytes`; `better` says which way is good (`higher` for counts, whose aim is "all of them").
 */
export async function benchDecode() {
  const dir = blackboxDir(ROOT);
  const photos = listBlackbox(dir);
  if (photos.length === 0) throw new Error(`no photos with answers under ${dir}`);
  const outDir = join(tmpdir(), `vk-bench-decode-${process.pid}`);
  log('decode: building the bench page with Vite…');
  const lazyOut = await buildPages(outDir);
  await mkdir(join(outDir, 'photos'), { recursive: true });
  for (const p of photos) await cp(join(dir, p.set, p.name), join(outDir, 'photos', p.set, p.name));
  const cases = photos.flatMap((p) =>
    p.rotations.map((rotation) => ({ url: `/photos/${p.set}/${p.name}`, rotation, answer: p.answer, format: p.format, label: `${p.set}/${p.name}@${rotation}` })),
  );

  const { server, base } = await serveDir(outDir);
  const browser = await chromium.launch(LAUNCH);
  const foreign = [];
  try {
    const page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    const violations = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${base}/.cache/bench-decode/index.html`);
    await page.waitForSelector('html[data-ready="yes"]', { timeout: 30_000 });

    log(`decode: ${cases.length} photo decodes × 3 decoders × ${RUNS} runs…`);
    const photoRows = await page.evaluate(([c, runs]) => window.vkBench.photos(c, runs), [cases, RUNS]);
    log('decode: generated frames…');
    const genRows = await page.evaluate(([s, runs]) => window.vkBench.generated(s, runs), [generatedSpecs(), RUNS]);
    log('decode: empty frames…');
    const emptyRows = await page.evaluate((n) => window.vkBench.empty(n), EMPTY_FRAMES);
    log('decode: main thread, worker against in-thread…');
    const loop = await page.evaluate((n) => window.vkBench.mainThread(n), LOOP_FRAMES);
    if (foreign.length) throw new Error(`requests left the origin: ${foreign.join(', ')}`);
    if (violations.length) throw new Error(`CSP violations: ${violations.join(' | ')}`);

    const sizes = await lazySizes(lazyOut);
    const rows = [];
    const vs = { wasm: 'zxing-wasm alone', zxingBrowser: '@zxing/browser alone' };
    const qr = photoRows.filter((r) => r.format === 'QRCode');
    const pdf = photoRows.filter((r) => r.format === 'PDF417');
    for (const [label, set] of [
      [`QR photos × 3 rotations (${qr.length})`, qr],
      [`PDF417 photos (${pdf.length})`, pdf],
      [`generated QR frames (${genRows.length})`, genRows],
    ]) {
      for (const lib of ['wasm', 'zxingBrowser']) {
        rows.push({ what: `${label}: read — pipeline vs ${vs[lib]}`, ours: count(set, 'ours'), baseline: count(set, lib), unit: 'count', better: 'higher', aim: set.length });
      }
      for (const lib of ['wasm', 'zxingBrowser']) {
        const o = perImage(set, 'ours');
        const b = perImage(set, lib);
        rows.push({ what: `${label}: decode time, median — pipeline vs ${vs[lib]}`, ours: median(o), baseline: median(b), unit: 'ms', better: 'lower' });
        rows.push({ what: `${label}: decode time, p95 — pipeline vs ${vs[lib]}`, ours: percentile(o, 95), baseline: percentile(b, 95), unit: 'ms', better: 'lower' });
      }
    }
    for (const e of emptyRows) {
      rows.push({ what: `Empty ${e.size} frame, camera pass (zxing-wasm once), median — vs zxing-wasm alone`, ours: median(e.fast), baseline: median(e.wasm), unit: 'ms', better: 'lower' });
      rows.push({ what: `Empty ${e.size} frame, full cascade (every ${e.deepEvery}th camera frame), median — vs zxing-wasm alone`, ours: median(e.full), baseline: median(e.wasm), unit: 'ms', better: 'lower' });
      rows.push({ what: `Empty ${e.size} frames misread as a code (of ${EMPTY_FRAMES})`, ours: e.falseReads.length, baseline: undefined, unit: 'count', better: 'lower', aim: 0 });
    }
    rows.push({ what: `Camera loop, ${LOOP_FRAMES} empty 1280×720 frames: main-thread long-task time per frame — worker vs in-thread`, ours: loop.worker.longTasks / LOOP_FRAMES, baseline: loop.inline.longTasks / LOOP_FRAMES, unit: 'ms', better: 'lower' });
    rows.push({ what: 'Camera loop, empty 1280×720: wall time per frame — worker vs in-thread', ours: loop.worker.perFrame, baseline: loop.inline.perFrame, unit: 'ms', better: 'lower' });
    rows.push({ what: `Scan screen lazy JS on the main thread, gzip (${sizes.mainFiles.length} chunk${sizes.mainFiles.length === 1 ? '' : 's'})`, ours: sizes.mainJs, baseline: undefined, unit: 'bytes' });
    rows.push({ what: 'Decode worker JS (zxing-wasm glue + @zxing/library readers), gzip', ours: sizes.workerJs, baseline: undefined, unit: 'bytes' });
    rows.push({ what: 'zxing-wasm reader .wasm, gzip', ours: sizes.wasmGz, baseline: undefined, unit: 'bytes' });
    rows.push({ what: 'In-thread fallback chunk (pipeline; loaded only with `worker: false`), gzip', ours: sizes.fallbackJs, baseline: undefined, unit: 'bytes' });
    for (const r of rows) r.ratio = Number.isFinite(r.ours) && Number.isFinite(r.baseline) && r.baseline > 0 ? r.ours / r.baseline : undefined;

    const misses = (set) => ['ours', 'wasm', 'zxingBrowser'].map((n) => `${n}: ${set.filter((r) => !r.result[n].ok).map((r) => r.label).join(', ') || '—'}`).join('; ');
    log(`decode: photo misses — ${misses(photoRows)}`);
    log(`decode: generated misses — ${misses(genRows)}`);
    return rows;
  } finally {
    await browser.close();
    await closeServer(server);
    // KEEP_BENCH=1 keeps the built page for a look in a browser.
    if (!process.env.KEEP_BENCH) {
      await rm(outDir, { recursive: true, force: true });
      await rm(WORK, { recursive: true, force: true });
    }
  }
}

/** A markdown table of the rows (used when this file runs alone). */
export function decodeTable(rows) {
  const fmt = (x, unit) =>
    x === undefined || !Number.isFinite(x) ? '—' : unit === 'ms' ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : unit === 'bytes' ? `${(x / 1000).toFixed(1)} KB` : String(x);
  const lines = ['| What | Ours | Baseline | Ratio | Aim |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    const aim = r.aim === undefined ? '—' : r.better === 'higher' ? `${r.aim} (all)` : `≤ ${fmt(r.aim, r.unit)}`;
    lines.push(`| ${r.what} | ${fmt(r.ours, r.unit)} | ${fmt(r.baseline, r.unit)} | ${r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`} | ${aim} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchDecode();
  console.log(decodeTable(rows));
}
