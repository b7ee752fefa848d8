// Shared pieces of the benchmarks: the browser as the end-to-end tests launch it, the static server,
// statistics and the table. Plain Node ESM so `npm run bench` needs no TypeScript loader.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export { chromium, serve };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags of playwright.config.ts (a TypeScript file Node 20 cannot import): keep both lists equal so
 * the benchmarks run the browser the end-to-end tests run.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options shared by every benchmark. */
export const LAUNCH = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };

/** The user timing mark the kiosk sets once its welcome screen is rendered and its buttons are live. */
export const WELCOME_MARK = 'vk:welcome-interactive';

/** A fresh, empty browser profile directory; IndexedDB in it lives on disk (TOOLCHAIN.md). */
export async function freshProfile(label) {
  return mkdtemp(join(tmpdir(), `vk-bench-${label}-`));
}

/** Removes a directory made by `freshProfile` or a temporary build; never fails the run. */
export async function removeDir(dir) {
  await rm(dir, { recursive: true, force: true }).catch(() => {});
}

/**
 * Serves `root` on a free loopback port; resolves with the server and its base URL. `routes` answers fixed
 * paths with generated bodies (the site configuration at `/site.json`), as `serve()` does.
 * @param {string} root
 * @param {Record<string, { type: string, body: string }>} [routes]
 */
export async function serveDir(root, routes = {}) {
  const server = await serve({ root, port: 0, routes });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  // 127.0.0.1 is a secure context like localhost, so service workers and IndexedDB behave as on a tablet.
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Closes a server made by `serveDir`, including idle keep-alive sockets the browser left open. */
export function closeServer(server) {
  server.closeAllConnections?.();
  return new Promise((ok) => server.close(() => ok()));
}

/** Waits until the page has set `mark` and returns its startTime (ms since the navigation started). */
export async function waitForMark(page, mark = WELCOME_MARK, timeout = 30_000) {
  const handle = await page.waitForFunction(
    (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime,
    mark,
    { timeout, polling: 'raf' },
  );
  return /** @type {number} */ (await handle.jsonValue());
}

/**
 * Rejects if `promise` has not settled within `ms`: `page.evaluate` has no timeout of its own, and an
 * IndexedDB request that never fires (a blocked open, say) would otherwise hang the whole run.
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, ko) => {
    timer = setTimeout(() => ko(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Sorted copy of the numbers. */
const sorted = (xs) => [...xs].sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0‥100) of a non-empty sample. */
export function percentile(xs, p) {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return /** @type {number} */ (s[rank - 1]);
}

/** Median of a non-empty sample (mean of the two middle values for an even count). */
export function median(xs) {
  const s = sorted(xs);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? /** @type {number} */ (s[mid]) : (/** @type {number} */ (s[mid - 1]) + /** @type {number} */ (s[mid])) / 2;
}

/** Milliseconds with a precision that means something at this scale. */
export function ms(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return x < 10 ? `${x.toFixed(2)} ms` : x < 100 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`;
}

/** Kilobytes (1 KB = 1 000 bytes, as the reference figures are quoted). */
export function kb(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} KB` : 'n/a';
}

/** A count (photos read, a QR version): a whole number as it is, anything else to one decimal. */
export function count(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/**
 * One row of the result table. `better` says which way is good: `lower` (the default: times, sizes, a QR
 * version) meets its aim at or below it; `higher` (codes read, whose aim is "all of them") at or above it.
 * A row without a baseline shows — in the Baseline and Ratio columns.
 * @typedef {{ what: string, ours: number, baseline?: number, unit: 'ms' | 'bytes' | 'count', aim?: number, better?: 'lower' | 'higher', note?: string }} Row
 */

/** Formats a value of a row in its unit. */
const fmt = (x, unit) => (unit === 'ms' ? ms(x) : unit === 'count' ? count(x) : kb(x));

/** The markdown table: what, ours, baseline (same process), ratio, aim and whether the aim is met. */
export function table(rows) {
  const lines = [
    '| What | Ours | Baseline (same run) | Ratio | Aim | Met |',
    '|---|---:|---:|---:|---:|:-:|',
  ];
  for (const r of rows) {
    const higher = r.better === 'higher';
    const ratio =
      r.baseline === undefined ? '—' : Number.isFinite(r.ours) && Number.isFinite(r.baseline) && r.baseline > 0 ? `${(r.ours / r.baseline).toFixed(2)}×` : 'n/a';
    const aim = r.aim === undefined ? '—' : `${higher ? '≥' : '≤'} ${fmt(r.aim, r.unit)}`;
    const met = r.aim === undefined || !Number.isFinite(r.ours) ? '—' : (higher ? r.ours >= r.aim : r.ours <= r.aim) ? 'yes' : '**no**';
    lines.push(`| ${r.what} | ${fmt(r.ours, r.unit)} | ${r.baseline === undefined ? '—' : fmt(r.baseline, r.unit)} | ${ratio} | ${aim} | ${met} |`);
  }
  return lines.join('\n');
}

/** Logs progress on stderr so stdout holds the table alone. */
export function log(...parts) {
  process.stderr.write(`[bench] ${parts.join(' ')}\n`);
}
