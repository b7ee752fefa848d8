// `npm run bench` (after `vite build`): the four figures of issue 2, each next to a baseline measured in
// this same process, printed as one markdown table and written to test/bench/last-run.md.
// Never part of `npm test`. See test/bench/README.md for what each figure means.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMinimalLit, coldStarts } from './cold-start.mjs';
import { firstScreen } from './first-screen.mjs';
import { chromium, closeServer, LAUNCH, log, removeDir, serveDir, table } from './lib.mjs';
import { storedVisits, VISITS } from './stored-visits.mjs';
import { REGISTRATIONS, submitToStatus } from './submit.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Aims of issue 2. */
const AIM = {
  firstScreenGzip: 45_000,
  submitP95: 25,
  coldStart: 300,
  storedCold: 200,
  storedWarm: 10,
};

if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`.');
  process.exit(1);
}

const started = Date.now();
// Timings on a shared two-core box swing with whatever else runs: the report shows the load it ran under.
const loadAtStart = loadavg()[0] ?? 0;
const probe = await chromium.launch(LAUNCH);
const browserVersion = probe.version();
await probe.close();

/** @type {import('./lib.mjs').Row[]} */
const rows = [];
const failures = [];

/** Runs one figure; a failure is reported in the table instead of hiding the others. */
async function figure(name, fn) {
  const t = Date.now();
  log(`${name}…`);
  try {
    await fn();
  } catch (err) {
    failures.push(`${name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    log(`${name} FAILED`, err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  log(`${name} took ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const app = await serveDir('dist');
const minimalDir = await buildMinimalLit();
try {
  await figure('1. first-screen JavaScript', async () => {
    const r = await firstScreen(app.base);
    const n = r.ours.files.length;
    rows.push(
      { what: `First-screen JS, gzip (${n} script${n === 1 ? '' : 's'}) — vs Lit alone`, ours: r.ours.gzip, baseline: r.lit.gzip, unit: 'bytes', aim: AIM.firstScreenGzip },
      { what: 'First-screen JS, brotli — vs Lit alone', ours: r.ours.brotli, baseline: r.lit.brotli, unit: 'bytes' },
      { what: 'First-screen JS, minified, uncompressed — vs Lit alone', ours: r.ours.raw, baseline: r.lit.raw, unit: 'bytes' },
    );
  });

  await figure('2. submit → durable → status', async () => {
    const r = await submitToStatus(app.base);
    rows.push(
      { what: `Submit → durable → status shown, median of ${REGISTRATIONS} — vs raw strict put`, ours: r.ours.median, baseline: r.raw.median, unit: 'ms' },
      { what: `Submit → durable → status shown, p95 of ${REGISTRATIONS} — vs raw strict put`, ours: r.ours.p95, baseline: r.raw.p95, unit: 'ms', aim: AIM.submitP95 },
    );
  });

  await figure('3. cold start from the service-worker cache', async () => {
    const ours = await coldStarts('dist', 'kiosk');
    const floor = await coldStarts(minimalDir, 'minimal-lit');
    rows.push(
      { what: 'Cold start offline (browser relaunched) → welcome interactive, median — vs minimal Lit page + SW', ours: ours.cold, baseline: floor.cold, unit: 'ms', aim: AIM.coldStart },
      { what: 'Same, new tab in a running browser, median — vs minimal Lit page + SW', ours: ours.warmTab, baseline: floor.warmTab, unit: 'ms' },
    );
  });

  await figure('4. 100 000 stored visits', async () => {
    const r = await storedVisits();
    const k = `${VISITS / 1000}k`;
    rows.push(
      { what: `${k} visits, cold: open + list today (${r.todayRows} rows) — vs raw IndexedDB`, ours: r.cold.ours.total, baseline: r.cold.raw.total, unit: 'ms', aim: AIM.storedCold },
      { what: `${k} visits, cold: open alone — vs raw \`indexedDB.open\``, ours: r.cold.ours.open, baseline: r.cold.raw.open, unit: 'ms' },
      { what: `${k} visits, cold: first list alone — vs raw \`getAll\` on the index`, ours: r.cold.ours.list, baseline: r.cold.raw.list, unit: 'ms' },
      { what: `${k} visits, warm: list today, median of 20 — vs raw \`getAll\``, ours: r.warm.ours, baseline: r.warm.raw, unit: 'ms', aim: AIM.storedWarm },
    );
  });
} finally {
  await closeServer(app.server);
  await removeDir(minimalDir);
}

const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, Chromium ${browserVersion}`;
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
const report = [
  `## Benchmarks — ${when}`,
  '',
  `Machine: ${machine}; ${load}. Full run: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
  table(rows),
  ...(failures.length ? ['', '**Failed:**', ...failures.map((f) => `- ${f}`)] : []),
  '',
].join('\n');

await writeFile(join(HERE, 'last-run.md'), report);
console.log(report);
// A benchmark that could not run is a failure; a missed aim is a finding, shown in the table.
process.exitCode = failures.length ? 1 : 0;
