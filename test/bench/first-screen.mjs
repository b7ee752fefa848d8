// Figure 1: the JavaScript a visitor's first screen needs, compressed as a server would send it.
// Ours: every script the browser fetched for `/` before the welcome screen became interactive.
// Baseline: Lit alone, bundled and minified by esbuild — the floor any Lit app pays.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, LAUNCH, log, waitForMark } from './lib.mjs';

/** gzip level 9 and brotli quality 11: what a build step precompresses with; the same for both sides. */
export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotliSize = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

/** Lit 3 as one minified ES module. */
async function litAlone() {
  const out = await build({
    stdin: { contents: "export * from 'lit'", resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    // The same export conditions Vite uses for a production browser build (no Lit dev mode).
    conditions: ['browser', 'production'],
    logLevel: 'silent',
  });
  const code = Buffer.from(/** @type {import('esbuild').OutputFile} */ (out.outputFiles[0]).contents);
  return { raw: code.length, gzip: gzipSize(code), brotli: brotliSize(code) };
}

/**
 * Loads `/` once and sums the scripts fetched before `vk:welcome-interactive`.
 * @param {string} base the built app's origin
 */
export async function firstScreen(base) {
  const browser = await chromium.launch(LAUNCH);
  try {
    // An ordinary (incognito-like) context: a first visit, no service worker or HTTP cache yet.
    const context = await browser.newContext();
    const page = await context.newPage();
    /** @type {Map<string, Promise<Buffer | null>>} */
    const bodies = new Map();
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      bodies.set(response.url(), response.body().catch(() => null));
    });
    await page.goto(`${base}/`);
    const markAt = await waitForMark(page);
    // Which scripts the page had finished fetching by the mark: a module that ran before the welcome
    // screen was live had to be here; anything fetched later (the form chunk, the service worker) did not.
    const before = new Set(
      await page.evaluate(
        (at) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd <= at)
            .map((e) => e.name),
        markAt,
      ),
    );
    const files = [];
    const later = [];
    for (const [url, body] of bodies) {
      const buf = await body;
      if (!buf) continue;
      const entry = { path: new URL(url).pathname, raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) };
      (before.has(url) ? files : later).push(entry);
    }
    await context.close();
    const sum = (k) => files.reduce((n, f) => n + f[k], 0);
    const lit = await litAlone();
    log(`first screen: ${files.length} scripts before the mark (${files.map((f) => f.path).join(', ')}); ${later.length} after (${later.map((f) => f.path).join(', ') || 'none'})`);
    return {
      ours: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), files, later, markAt },
      lit,
    };
  } finally {
    await browser.close();
  }
}
