// Figure 3: a cold start from the service-worker cache, offline, to an interactive welcome screen.
// Ours: the built kiosk (Workbox precache). Baseline: a minimal Lit page (one element, a heading and a
// button) built by Vite's JS API and precached by a ten-line service worker — the same path (browser
// start, service worker start, cache read, module evaluation, first render) with nothing of ours in it.
import { readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, closeServer, freshProfile, LAUNCH, log, median, removeDir, serveDir, waitForMark } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Cold starts per page: each relaunches the browser, ~1 s apiece. */
export const COLD_RUNS = 10;

/** Every file under `dir`, as site paths. */
async function sitePaths(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => `/${relative(dir, join(e.parentPath, e.name)).split('\\').join('/')}`);
}

/** Builds the minimal Lit page into a temporary directory with a precaching service worker. */
export async function buildMinimalLit() {
  const outDir = await freshProfile('minimal-lit-dist');
  await build({
    root: join(HERE, 'minimal-lit'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const files = ['/', ...(await sitePaths(outDir))];
  const sw = `// Precaches the minimal page and answers from the cache first, as the kiosk's Workbox worker does.
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (e) => { self.skipWaiting(); e.waitUntil(caches.open('min-v1').then((c) => c.addAll(FILES))); });
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => e.respondWith(caches.match(e.request, { ignoreSearch: true }).then((r) => r || fetch(e.request))));
`;
  await writeFile(join(outDir, 'sw.js'), sw);
  return outDir;
}

/** First visit online: waits until a service worker is activated and controls the page. */
async function install(context, url) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await waitForMark(page);
  const ready = () =>
    page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const sw = reg.active;
      // `ready` can resolve while the worker is still activating (TOOLCHAIN.md).
      if (sw && sw.state !== 'activated') await new Promise((ok) => sw.addEventListener('statechange', () => sw.state === 'activated' && ok(undefined)));
      return navigator.serviceWorker.controller !== null;
    });
  if (!(await ready())) {
    // A worker that does not claim clients controls the next navigation only.
    await page.reload();
    await waitForMark(page);
    if (!(await ready())) throw new Error(`no service worker controls ${url}`);
  }
  await page.close();
}

/**
 * Cold starts of `root`'s page from its service-worker cache: navigationStart → welcome mark, with the
 * browser relaunched (offline) each time; plus the same for a new tab in an already running browser.
 */
export async function coldStarts(root, label) {
  const { server, base } = await serveDir(root);
  const profile = await freshProfile(`cold-${label}`);
  try {
    const first = await chromium.launchPersistentContext(profile, LAUNCH);
    await install(first, `${base}/`);
    await first.close();

    const cold = [];
    const warmTab = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, offline: true });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const response = await page.goto(`${base}/`);
        if (!response?.fromServiceWorker()) throw new Error(`${label}: the page did not come from the service worker`);
        cold.push(await waitForMark(page));
        // A second tab: the browser and the worker are already running.
        const tab = await context.newPage();
        await tab.goto(`${base}/`);
        warmTab.push(await waitForMark(tab));
      } finally {
        await context.close();
      }
    }
    log(`cold start ${label}: ${cold.map((x) => x.toFixed(0)).join(' ')} ms`);
    return { cold: median(cold), warmTab: median(warmTab), runs: cold };
  } finally {
    await closeServer(server);
    await removeDir(profile);
  }
}
