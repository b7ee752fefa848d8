// What opening Scan invitation downloads (issue 3: the decoder loads only with that screen, and the scanner
// must not grow the first screen's JavaScript). A first visit in a fresh context of a browser with a fake
// camera (an empty picture): load `/` with the site's key set, wait until everything the welcome screen
// fetches has arrived, then record every response from the click on Scan invitation until the camera view
// scans and a few frames (a full decoding cascade among them) have gone through the decoder. Compressed as
// figure 1 compresses (gzip 9, brotli 11), grouped into main-thread scripts, the decode worker's scripts and
// the wasm. Also: which of the scripts loaded before the click hold decoder code (they must be none).
import { join } from 'node:path';
import { writeQrY4m } from '../fixtures/y4m.mjs';
import { fakeCameraArgs } from '../unit/scan/wtr-setup.mjs';
import { brotliSize, gzipSize } from './first-screen.mjs';
import { chromium, freshProfile, LAUNCH, log, removeDir, waitForMark } from './lib.mjs';

/** Marks the barcode decoder's code: zxing-wasm and @zxing/library both carry their name in their bundles. */
const DECODER_MARKER = 'zxing';
/** The custom element the scanner chunk defines (components/vk-camera-view/define.ts), as a string literal. */
const SCANNER_ELEMENT = /["'`]vk-camera-view["'`]/;
/** Frames decoded after `scanning` before the recording stops: more than DEEP_PASS_EVERY (4), so a full pass ran. */
const FRAMES_AFTER_SCANNING = 12;
/** A chunk loaded lazily by a later frame would still be in flight; quiet this long means nothing is. */
const QUIET_MS = 1000;

const isScript = (url) => /\.m?js$/.test(new URL(url).pathname);
const isWasm = (url) => new URL(url).pathname.endsWith('.wasm');

/** Every response of `page`, its dedicated workers included, with its body (null if it could not be read). */
function recordResponses(page) {
  /** @type {{ url: string, at: number, body: Promise<Buffer | null> }[]} */
  const seen = [];
  page.on('response', (response) => {
    seen.push({ url: response.url(), at: Date.now(), body: response.body().catch(() => null) });
  });
  return seen;
}

/** URLs a worker of the page loaded, by its own performance timeline (its script, its imports, the wasm). */
async function workerResources(page) {
  const urls = new Set();
  for (const worker of page.workers()) {
    urls.add(worker.url());
    for (const u of await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => [])) urls.add(u);
  }
  return urls;
}

/**
 * Opens Scan invitation on a first visit to `base` (served with a site configuration that has a key set)
 * and sizes what it downloads. Bytes.
 */
export async function scanDownloads(base) {
  const dir = await freshProfile('scan-size');
  const y4m = join(dir, 'empty.y4m');
  writeQrY4m({ text: 'empty', file: y4m, width: 1280, height: 720, blankFrames: 1, codeFrames: 0 });
  const browser = await chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, ...fakeCameraArgs(y4m)] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses = recordResponses(page);
    await page.goto(`${base}/`);
    await waitForMark(page);
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('visitor-kiosk'))?.config?.keySet !== undefined, null, { timeout: 30_000 });
    // The form, storage and site chunks follow the welcome screen: let them arrive before the click.
    await page.waitForLoadState('networkidle');
    const beforeCount = responses.length;

    await page.evaluate((frames) => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('visitor-kiosk')?.shadowRoot);
      const w = /** @type {any} */ (window);
      w.__vkScanned = new Promise((ok) =>
        root.addEventListener(
          'vk-camera-state',
          (e) => {
            if (/** @type {any} */ (e).detail?.status !== 'scanning') return;
            const video = /** @type {any} */ (e.composedPath()[0]).shadowRoot?.querySelector('video');
            let n = 0;
            const next = () => (++n >= frames ? ok(n) : video.requestVideoFrameCallback(next));
            video.requestVideoFrameCallback(next);
          },
          true,
        ),
      );
    }, FRAMES_AFTER_SCANNING);
    await page.getByRole('button', { name: 'Scan invitation', exact: true }).click();
    await page.evaluate(() => /** @type {any} */ (window).__vkScanned);
    // Frames are decoded one at a time: wait until no response has arrived for QUIET_MS.
    for (let last = -1; last !== responses.length; ) {
      last = responses.length;
      await page.waitForTimeout(QUIET_MS);
    }

    const inWorker = await workerResources(page);
    const measure = async (entries) => {
      const files = [];
      for (const e of entries) {
        const body = await e.body;
        if (!body) continue;
        files.push({ url: e.url, path: new URL(e.url).pathname, raw: body.length, gzip: gzipSize(body), brotli: brotliSize(body), body });
      }
      return files;
    };
    const before = await measure(responses.slice(0, beforeCount).filter((e) => isScript(e.url)));
    const after = await measure(responses.slice(beforeCount).filter((e) => isScript(e.url) || isWasm(e.url)));
    // A worker's script and what it imports appear in the page's responses too (Chromium reports them there);
    // anything the worker loaded that the page's events missed would be under-counted, so say so.
    const missed = [...inWorker].filter((u) => (isScript(u) || isWasm(u)) && !after.some((f) => f.url === u));
    if (missed.length) throw new Error(`the worker loaded files the recording missed: ${missed.join(', ')}`);
    await context.close();

    const sum = (files, k) => files.reduce((n, f) => n + f[k], 0);
    const group = (files) => ({ count: files.length, raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') });
    const wasm = after.filter((f) => isWasm(f.url));
    const worker = after.filter((f) => !isWasm(f.url) && inWorker.has(f.url));
    const main = after.filter((f) => !isWasm(f.url) && !inWorker.has(f.url));
    const scanner = main.filter((f) => SCANNER_ELEMENT.test(f.body.toString('utf8')));
    if (scanner.length !== 1) throw new Error(`expected one chunk defining ${SCANNER_ELEMENT}, found ${scanner.length}`);
    const decoderBefore = before.filter((f) => f.body.includes(DECODER_MARKER));
    log(`scan downloads: main ${main.map((f) => `${f.path} ${(f.gzip / 1000).toFixed(1)} KB`).join(', ')}; worker ${worker.map((f) => f.path).join(', ')}; wasm ${wasm.map((f) => f.path).join(', ')}; ${before.length} scripts before the click`);
    return {
      all: group(after),
      main: group(main),
      worker: group(worker),
      wasm: group(wasm),
      scanner: { ...group(scanner), path: scanner[0]?.path },
      before: { count: before.length, decoder: decoderBefore.map((f) => f.path) },
    };
  } finally {
    await browser.close();
    await removeDir(dir);
  }
}
