// Token verification time (issue 3, aim ≤ 2 ms): CALLS calls of the app's `verifyToken` (src/invite) on a
// typical pass, in Chromium, through a bench-only page built with Vite's JS API from entry-verify.ts and
// served with the production CSP. Two variants: with an in-memory record of uses (the verifier alone), and
// with the kiosk's own IndexedDB-backed record (`IdbUseRecorder`, what the Scan invitation screen runs, on a
// persistent profile so the database is on disk). Baseline, interleaved call by call: one raw
// `crypto.subtle.verify` of the same signature over the same bytes, key imported once — the floor.
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, closeServer, freshProfile, LAUNCH, log, median, percentile, removeDir, serveDir, withTimeout } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

/** Measured calls per variant (the benchmark: 1 000). */
export const VERIFY_CALLS = Number(process.env.BENCH_VERIFY_CALLS ?? 1000);
/** Unmeasured calls first: JIT, the key set's import, the database's first open. */
const WARM_UP = 50;
/** The whole loop on a loaded two-core box: ≈ 3 000 verifications and 1 000 IndexedDB reads. */
const LOOP_TIMEOUT_MS = 120_000;
/** A pass's hours are read in the site's time zone; the demo site's is Hong Kong's (UTC+8, no daylight saving). */
const SITE_OFFSET_HOURS = 8;
/** The hour of the local day the pass is verified at: inside its 08:00–18:00. */
const LOCAL_HOUR = 10;

/** Builds the bench page into a temporary directory. */
async function buildPage() {
  const outDir = await freshProfile('verify-page');
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(HERE, 'entry-verify.ts'), output: { entryFileNames: 'verify.js' } },
    },
  });
  await writeFile(
    join(outDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Verify bench</title>' +
      '<script type="module" src="/verify.js"></script></head><body><main><h1>Verify bench</h1></main></body></html>\n',
  );
  return outDir;
}

/**
 * A moment the pass admits: 10:00 site time on the next day among its weekdays, after `notBefore` (its
 * validity starts when it is signed). Verifying at "now" would refuse it on a Sunday or at night.
 */
export function admittedMoment(weekdays, notBefore = new Date()) {
  for (let day = 1; day <= 8; day++) {
    const local = new Date(notBefore.getTime() + day * 86_400_000 + SITE_OFFSET_HOURS * 3_600_000);
    const at = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), LOCAL_HOUR - SITE_OFFSET_HOURS));
    if (weekdays.includes(local.getUTCDay())) return at;
  }
  throw new Error('no admitted weekday within a week');
}

/**
 * Verifies `token` (a pass of `site`'s, allowed on `weekdays`) VERIFY_CALLS times per variant; ms.
 * @param {{ token: string, site: { id: string, timeZone: string, keySet: unknown }, weekdays: number[] }} input
 */
export async function verifyTime({ token, site, weekdays }) {
  const pageDir = await buildPage();
  const { server, base } = await serveDir(pageDir);
  const profile = await freshProfile('verify');
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'vkVerifyBench' in window);
    const at = admittedMoment(weekdays).toISOString();
    const r = await withTimeout(
      page.evaluate(
        (input) => window.vkVerifyBench.run(input),
        { token, keySet: site.keySet, siteId: site.id, timeZone: site.timeZone, at, calls: VERIFY_CALLS, warmUp: WARM_UP },
      ),
      LOOP_TIMEOUT_MS,
      'verify loop',
    );
    const sum = (xs) => ({ median: median(xs), p95: percentile(xs, 95), max: Math.max(...xs) });
    const mean = (k) => r.loops[k] / VERIFY_CALLS;
    log(`verify: means over ${VERIFY_CALLS} calls (finer than the browser's timer tick) — in-memory uses ${mean('memory').toFixed(3)} ms, IndexedDB uses ${mean('idb').toFixed(3)} ms, raw verify ${mean('raw').toFixed(3)} ms`);
    return { memory: sum(r.memory), idb: sum(r.idb), raw: sum(r.raw), means: { memory: mean('memory'), idb: mean('idb'), raw: mean('raw') } };
  } finally {
    await context.close();
    await removeDir(profile);
    await closeServer(server);
    await removeDir(pageDir);
  }
}
