// Figure 19 (issue 9): what a host page downloads from the package (packages/visitor-kiosk-web), compressed as
// a server would send it, next to Lit alone — the floor any Lit element pays. The package is built here and
// served as a host serves it (its dist/ under a path of the host's choosing), loaded by one module URL each:
//   - the kiosk's first screen: every script fetched before `vk:welcome-interactive` (as figure 1 for the app);
//   - the desk until its sign-in is usable: every script fetched by then, after the network went quiet;
//   - the tarball `npm pack` writes, and what it unpacks to (the install a host's CI pays).
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { brotliSize, gzipSize } from './first-screen.mjs';
import { chromium, closeServer, LAUNCH, log, removeDir, serveDir, waitForMark } from './lib.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PKG_DIR = join(REPO, 'packages', 'visitor-kiosk-web');
/** Where the host serves the package's dist/ (any path works: everything resolves against the module). */
const MOUNT = '/vendor/visitor-kiosk-web';
/** How long the desk's network must stay quiet before its downloads count as complete. */
const QUIET_MS = 500;

const page = (tag, entry) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>` +
  `<script type="module" src="${MOUNT}/${entry}"></script></head><body><${tag}></${tag}></body></html>`;

/** Lit 3 as one minified ES module, with the export conditions of a production browser build. */
async function litAlone() {
  const out = await build({
    stdin: { contents: "export * from 'lit'", resolveDir: REPO },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    conditions: ['browser', 'production'],
    logLevel: 'silent',
  });
  const code = Buffer.from(/** @type {import('esbuild').OutputFile} */ (out.outputFiles[0]).contents);
  return { gzip: gzipSize(code), brotli: brotliSize(code) };
}

/** Sums the scripts (and wasm) a page fetched, as gzip and brotli; `keep` picks which URLs count. */
async function summed(bodies, keep) {
  let gzip = 0;
  let brotli = 0;
  let n = 0;
  for (const [url, body] of bodies) {
    const buf = await body;
    if (!buf || !keep(url)) continue;
    gzip += gzipSize(buf);
    brotli += brotliSize(buf);
    n++;
  }
  return { gzip, brotli, n };
}

/** Opens `path` in a fresh context and records every script's body. */
async function open(browser, base, path) {
  const context = await browser.newContext();
  const p = await context.newPage();
  /** @type {Map<string, Promise<Buffer | null>>} */
  const bodies = new Map();
  p.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.set(response.url(), response.body().catch(() => null));
  });
  await p.goto(`${base}${path}`);
  return { context, page: p, bodies };
}

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export async function packageSizes() {
  execFileSync(process.execPath, [join(PKG_DIR, 'build.mjs')], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', PKG_DIR], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const root = await mkdtemp(join(tmpdir(), 'vk-bench-package-'));
  await cp(join(PKG_DIR, 'dist'), join(root, ...MOUNT.split('/').filter(Boolean)), { recursive: true });
  await writeFile(join(root, 'kiosk.html'), page('visitor-kiosk', 'visitor-kiosk.js'));
  await writeFile(join(root, 'desk.html'), page('visitor-desk', 'visitor-desk.js'));
  const app = await serveDir(root);
  const browser = await chromium.launch(LAUNCH);
  try {
    const kiosk = await open(browser, app.base, '/kiosk.html');
    const markAt = await waitForMark(kiosk.page);
    const before = new Set(
      await kiosk.page.evaluate(
        (at) => performance.getEntriesByType('resource').filter((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd <= at).map((e) => e.name),
        markAt,
      ),
    );
    const kioskFirst = await summed(kiosk.bodies, (url) => before.has(url));
    await kiosk.context.close();

    const desk = await open(browser, app.base, '/desk.html');
    await desk.page.getByLabel('PIN', { exact: true }).waitFor();
    await desk.page.waitForLoadState('networkidle');
    await desk.page.waitForTimeout(QUIET_MS);
    const deskAll = await summed(desk.bodies, () => true);
    await desk.context.close();

    const lit = await litAlone();
    log(`package: kiosk first screen ${kioskFirst.n} scripts, desk ${deskAll.n} scripts; tarball ${packed.size} B, unpacked ${packed.unpackedSize} B, ${packed.entryCount} files`);
    return [
      { what: `Package: kiosk's first screen via \`visitor-kiosk.js\`, gzip (${kioskFirst.n} scripts) — vs Lit alone`, ours: kioskFirst.gzip, baseline: lit.gzip, unit: 'bytes' },
      { what: "Package: kiosk's first screen, brotli — vs Lit alone", ours: kioskFirst.brotli, baseline: lit.brotli, unit: 'bytes' },
      { what: `Package: desk until its sign-in is usable via \`visitor-desk.js\`, gzip (${deskAll.n} scripts) — vs Lit alone`, ours: deskAll.gzip, baseline: lit.gzip, unit: 'bytes' },
      { what: 'Package: desk until sign-in, brotli — vs Lit alone', ours: deskAll.brotli, baseline: lit.brotli, unit: 'bytes' },
      { what: `Package: the \`npm pack\` tarball (${packed.entryCount} files, ${(packed.unpackedSize / 1e6).toFixed(1)} MB unpacked)`, ours: packed.size, unit: 'bytes' },
    ];
  } finally {
    await browser.close();
    await closeServer(app.server);
    await removeDir(root);
  }
}
