// Figure 4: with 100 000 visits on disk, open the database and list today's visits by the day index.
// Ours: the app's storage module (src/storage), loaded through a bench-only page built from
// entry-storage.ts. Baseline: raw `indexedDB.open` + `getAll` on the same index of the same database.
// Cold = first open + first list after a fresh browser launch on the filled profile; warm = median of
// repeated lists on the open connection.
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, closeServer, freshProfile, LAUNCH, log, median, removeDir, serveDir, withTimeout } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

/** Visits stored before measuring, spread over DAYS local days (≈ 275 a day, the figure). */
export const VISITS = 100_000;
export const DAYS = 365;
/** Fresh-browser launches per side for the cold figure (each ≈ 1–2 s); the median is reported. */
export const COLD_LAUNCHES = 7;
/** Repeated lists for the warm figure. */
export const WARM_LISTS = 20;
/** Longest a measured step may take before the run gives up on it (the fill gets FILL_TIMEOUT_MS). */
const STEP_TIMEOUT_MS = 30_000;
/** The fill writes ≈ 50 MB; a loaded two-core box has needed 35 s. */
const FILL_TIMEOUT_MS = 180_000;

/** Builds the bench page (entry-storage.ts and what it imports) into a temporary directory. */
async function buildBenchPage() {
  const outDir = await freshProfile('storage-page');
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(HERE, 'entry-storage.ts'), output: { entryFileNames: 'storage.js' } },
    },
  });
  await writeFile(
    join(outDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storage bench</title>' +
      '<script type="module" src="/storage.js"></script></head><body><main><h1>Storage bench</h1></main></body></html>\n',
  );
  return outDir;
}

/** Launches the browser on `profile`, opens the bench page and returns the context and page. */
async function openBenchPage(profile, base) {
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${base}/`);
  await page.waitForFunction(() => 'vkBench' in window);
  return { context, page };
}

/** One cold measurement of one side in a freshly launched browser: [open ms, first list ms, rows]. */
async function coldOnce(profile, base, side, dayKey) {
  const { context, page } = await openBenchPage(profile, base);
  try {
    return await withTimeout(
      page.evaluate(
        async ([s, day]) => {
          const b = window.vkBench;
          const open = s === 'ours' ? await b.openOurs() : await b.openRaw();
          const [list, rows] = s === 'ours' ? await b.listOurs(day) : await b.listRaw(day);
          return [open, list, rows];
        },
        [side, dayKey],
      ),
      STEP_TIMEOUT_MS,
      `cold ${side}`,
    );
  } finally {
    await context.close();
  }
}

/** Fills a fresh profile with VISITS visits, then measures both sides cold and warm. */
export async function storedVisits() {
  const pageDir = await buildBenchPage();
  const { server, base } = await serveDir(pageDir);
  const profile = await freshProfile('visits');
  try {
    const started = Date.now();
    const setup = await openBenchPage(profile, base);
    const dayKey = await setup.page.evaluate(() => window.vkBench.today());
    const todayRows = await withTimeout(setup.page.evaluate(([n, d]) => window.vkBench.fill(n, d), [VISITS, DAYS]), FILL_TIMEOUT_MS, 'fill');
    await setup.context.close();
    log(`stored visits: ${VISITS} rows written in ${((Date.now() - started) / 1000).toFixed(1)} s (${todayRows} today, ${dayKey})`);

    /** @type {{ ours: number[][], raw: number[][] }} */
    const cold = { ours: [], raw: [] };
    for (let k = 0; k < COLD_LAUNCHES; k++) {
      // Alternate which side goes first, so neither always inherits a warmer page cache.
      for (const side of k % 2 ? ['raw', 'ours'] : ['ours', 'raw']) {
        const [open, list, rows] = await coldOnce(profile, base, side, dayKey);
        if (rows !== todayRows) throw new Error(`${side}: listed ${rows} visits for ${dayKey}, expected ${todayRows}`);
        cold[side].push([open, list]);
      }
    }

    const { context, page } = await openBenchPage(profile, base);
    let warm;
    try {
      const lists = page.evaluate(
        async ([day, n]) => {
          const b = window.vkBench;
          await b.openOurs();
          await b.openRaw();
          const ours = [];
          const raw = [];
          for (let i = 0; i < n; i++) {
            ours.push((await b.listOurs(day))[0]);
            raw.push((await b.listRaw(day))[0]);
          }
          return { ours, raw };
        },
        [dayKey, WARM_LISTS],
      );
      warm = await withTimeout(lists, STEP_TIMEOUT_MS, 'warm lists');
    } finally {
      await context.close();
    }

    const summary = (runs) => ({
      open: median(runs.map((r) => r[0])),
      list: median(runs.map((r) => r[1])),
      total: median(runs.map((r) => r[0] + r[1])),
    });
    const result = {
      todayRows,
      cold: { ours: summary(cold.ours), raw: summary(cold.raw) },
      warm: { ours: median(warm.ours), raw: median(warm.raw) },
    };
    log(`stored visits: cold ours ${JSON.stringify(cold.ours.map((r) => r.map((x) => +x.toFixed(1))))}, raw ${JSON.stringify(cold.raw.map((r) => r.map((x) => +x.toFixed(1))))}`);
    return result;
  } finally {
    await closeServer(server);
    await removeDir(profile);
    await removeDir(pageDir);
  }
}
