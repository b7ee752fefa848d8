// `npm run bench` (after `vite build`): the four figures of issue 2 and the scanning figures of issue 3, each
// next to a baseline measured in this same process where one makes sense, printed as one markdown table and
// written to test/bench/last-run.md.
// Never part of `npm test`. See test/bench/README.md for what each figure means.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAMERA_HEIGHT, CAMERA_RUNS, CAMERA_WIDTH, cameraToDecision } from './camera.mjs';
import { buildMinimalLit, coldStarts } from './cold-start.mjs';
import { benchDecode } from './decode.mjs';
import { benchDesk } from './desk.mjs';
import { benchLobby } from './lobby.mjs';
import { benchReports } from './reports.mjs';
import { benchLedger } from './ledger.mjs';
import { benchEmbed } from './embed.mjs';
import { benchBackup, benchHub, benchPurge, hubAlertLatency, hubCrossProcessLatency } from './hub.mjs';
import { firstScreen } from './first-screen.mjs';
import { mintTokens, qrFigures } from './invitations.mjs';
import { chromium, closeServer, LAUNCH, log, removeDir, serveDir, table } from './lib.mjs';
import { packageSizes } from './package-size.mjs';
import { scanDownloads } from './scan-size.mjs';
import { storedVisits, VISITS } from './stored-visits.mjs';
import { REGISTRATIONS, submitToStatus } from './submit.mjs';
import { VERIFY_CALLS, verifyTime } from './verify.mjs';
import { webhookLatency } from './webhook.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Aims of issues 2 and 3. */
const AIM = {
  firstScreenGzip: 45_000,
  submitP95: 25,
  coldStart: 300,
  storedCold: 200,
  storedWarm: 10,
  /** Issue 3: a typical invitation's and pass's QR at error-correction level M. */
  qrVersion: 15,
  /** Issue 3: a code appearing in the camera → the decision on screen. */
  cameraToDecision: 1000,
  /** Issue 3: one token verification. */
  verify: 2,
};
/** The weekdays of the typical pass (invitations.mjs `PASS_ARGS`: Monday to Saturday). */
const PASS_WEEKDAYS = [1, 2, 3, 4, 5, 6];

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

/** `BENCH_FIGURES=5,7` runs only those figures (by number) while working on them; default all. */
const ONLY = process.env.BENCH_FIGURES?.split(',').map((f) => f.trim()).filter(Boolean);

/** Runs one figure; a failure is reported in the table instead of hiding the others. */
async function figure(name, fn) {
  if (ONLY && !ONLY.includes(name.split('.')[0] ?? '')) {
    log(`${name} skipped (BENCH_FIGURES)`);
    return;
  }
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
/** Figure 1's result: the baseline of what Scan invitation downloads. */
let firstScreenJs;
try {
  await figure('1. first-screen JavaScript', async () => {
    const r = await firstScreen(app.base);
    firstScreenJs = r.ours;
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

// Issue 3. The kiosk is served as `npm start` serves it: the demo site with the key set of a development
// key made for this run, so the tokens `npm run invite` signs with that key are trusted.
/** @type {Awaited<ReturnType<typeof mintTokens>> | undefined} */
let tokens;
const needTokens = () => {
  if (!tokens) throw new Error('no tokens: `npm run invite` failed');
  return tokens;
};
try {
  log('minting an invitation and a pass with npm run invite…');
  tokens = await mintTokens();
} catch (err) {
  failures.push(`npm run invite: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  log('npm run invite FAILED', err instanceof Error ? (err.stack ?? err.message) : String(err));
}
await figure('5. invitation and pass (npm run invite), QR versions', async () => {
  const { invitation, pass } = needTokens();
  for (const [kind, detail, t] of [
    ['invitation', '`--host 12B`', invitation],
    ['pass', 'six days, 08:00–18:00, 60 uses, permit', pass],
  ]) {
    const q = qrFigures(t.token, t.qrVersion);
    rows.push({ what: `QR version at level M, typical ${kind} (${q.chars} characters; ${detail}) — vs its signature alone (${q.floorChars})`, ours: q.version, baseline: q.floor, unit: 'count', aim: AIM.qrVersion });
  }
});

await figure('6. decoders on photos and generated frames', async () => {
  rows.push(...(await benchDecode()).map(({ what, ours, baseline, unit, aim, better }) => ({ what, ours, baseline, unit, aim, better })));
});

const scanApp = await serveDir('dist', { '/site.json': { type: 'application/json; charset=utf-8', body: tokens?.siteJson ?? '{}' } });
try {
  await figure('7. camera → decision on screen', async () => {
    const r = await cameraToDecision(scanApp.base, needTokens().invitation.token);
    const camera = `fake ${CAMERA_WIDTH}×${CAMERA_HEIGHT} camera, version ${r.qrVersion} QR`;
    rows.push(
      { what: `Camera scanning → Confirm on screen (${camera}), median of ${CAMERA_RUNS} — vs same token typed + Enter`, ours: r.ours.median, baseline: r.typed.median, unit: 'ms', aim: AIM.cameraToDecision },
      { what: `Camera scanning → Confirm on screen, p95 of ${CAMERA_RUNS} — vs same token typed + Enter`, ours: r.ours.p95, baseline: r.typed.p95, unit: 'ms', aim: AIM.cameraToDecision },
      { what: 'Of which camera scanning → code read by the decoder, median', ours: r.toCode.median, unit: 'ms' },
    );
  });

  await figure('8. token verification', async () => {
    const r = await verifyTime({ token: needTokens().pass.token, site: needTokens().site, weekdays: PASS_WEEKDAYS });
    const n = VERIFY_CALLS.toLocaleString('en');
    rows.push(
      { what: `\`verifyToken\`, typical pass, in-memory use record, median of ${n} — vs raw \`crypto.subtle.verify\``, ours: r.memory.median, baseline: r.raw.median, unit: 'ms', aim: AIM.verify },
      { what: `\`verifyToken\`, same, p95 of ${n} — vs raw \`crypto.subtle.verify\``, ours: r.memory.p95, baseline: r.raw.p95, unit: 'ms', aim: AIM.verify },
      // One call is a few ticks of the page's 0.1 ms timer; the loop's mean resolves what the median cannot.
      { what: `\`verifyToken\`, same, mean of ${n} — vs raw \`crypto.subtle.verify\``, ours: r.means.memory, baseline: r.means.raw, unit: 'ms' },
      { what: `\`verifyToken\` with the kiosk's IndexedDB use record, median of ${n} — vs raw verify`, ours: r.idb.median, baseline: r.raw.median, unit: 'ms', aim: AIM.verify },
      { what: `\`verifyToken\` with the kiosk's IndexedDB use record, p95 of ${n} — vs raw verify`, ours: r.idb.p95, baseline: r.raw.p95, unit: 'ms', aim: AIM.verify },
    );
  });

  await figure('9. what Scan invitation downloads', async () => {
    const r = await scanDownloads(scanApp.base);
    const fs = firstScreenJs;
    rows.push(
      { what: `Scan invitation → downloaded after the click, gzip (${r.main.count} scripts, ${r.worker.count} worker script, ${r.wasm.count} wasm) — vs first-screen JS`, ours: r.all.gzip, baseline: fs?.gzip, unit: 'bytes' },
      { what: 'Same, brotli — vs first-screen JS', ours: r.all.brotli, baseline: fs?.brotli, unit: 'bytes' },
      { what: `Of which main-thread scripts (${r.main.count}), gzip`, ours: r.main.gzip, unit: 'bytes' },
      { what: 'Of which the decode worker, gzip', ours: r.worker.gzip, unit: 'bytes' },
      { what: 'Of which the zxing-wasm `.wasm`, gzip', ours: r.wasm.gzip, unit: 'bytes' },
      { what: `Scanner chunk alone (\`vk-camera-view\` and its controller, \`${r.scanner.path}\`), gzip`, ours: r.scanner.gzip, unit: 'bytes' },
      { what: `Scripts loaded before Scan invitation that hold decoder code (of ${r.before.count})`, ours: r.before.decoder.length, unit: 'count', aim: 0 },
    );
  });
} finally {
  await closeServer(scanApp.server);
}

// Issue 4: the receptionist desk, served by `scripts/start.ts` as a child process (desk.mjs).
await figure('10. the receptionist desk', async () => {
  rows.push(...(await benchDesk()));
});

// Issue 5: the hub — sync, ingest and memory on SQLite, and on PostgreSQL when DATABASE_URL is set (hub.mjs).
await figure('11. the hub', async () => {
  rows.push(...(await benchHub()));
});
await figure('12. kiosk → desk alert through the hub', async () => {
  rows.push(...(await hubAlertLatency()));
});

// Issue 6: kiosk Submit → the signed webhook at a local receiver, through the hub's durable queue (webhook.mjs).
await figure('13. kiosk → webhook received', async () => {
  rows.push(...(await webhookLatency()));
});

// Issue 6: backup and restore of 100 000 visits (npm run hub -- backup / restore, hub.mjs).
await figure('14. hub backup and restore', async () => {
  rows.push(...(await benchBackup()));
});
// Issue 6: retention — npm run hub -- purge on a site-year of visits (hub.mjs).
await figure('16. purge of a site-year', async () => {
  rows.push(...(await benchPurge()));
});
// Issue 8: the monthly report over a site-year (SQLite) and over 1 000 000 visits across sites (PostgreSQL,
// when DATABASE_URL is set), next to the raw SQL aggregates (reports.mjs).
await figure('18. reports', async () => {
  rows.push(...(await benchReports()));
});

// Issue 6: two hub processes on one PostgreSQL — a push to one, the alert on a desk streaming from the other
// (LISTEN/NOTIFY, hub/db/pg-listen.ts); skipped with a log line when DATABASE_URL is unset (hub.mjs).
await figure('15. alert across two hub processes (PostgreSQL)', async () => {
  rows.push(...(await hubCrossProcessLatency()));
});

// Issue 7: a courier's entry at the kiosk, a parcel collection at the desk (taps, seconds, scripted and at a
// human pace), and the desk's parcel log with 1 000 waiting against rendering every row (lobby.mjs).
await figure('21. the lobby: courier lane and parcel log', async () => {
  rows.push(...(await benchLobby()));
});

// Issue 8: the desk's ledger worklist through the hub over a site-year, next to the raw SELECT (ledger.mjs).
await figure('22. the ledger worklist', async () => {
  rows.push(...(await benchLedger()));
});

// Issue 9: what a host page downloads from the package, next to Lit alone (package-size.mjs).
await figure('19. the package: what a host page downloads', async () => {
  rows.push(...(await packageSizes()));
});

// Issue 9: script tag → interactive kiosk in the demo portal, in the page and in a frame (embed.mjs).
await figure('20. the demo portal: script tag → interactive kiosk', async () => {
  rows.push(...(await benchEmbed()));
});

const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, Chromium ${browserVersion}`;
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
const report = [
  `## Benchmarks — ${when}`,
  '',
  `Machine: ${machine}; ${load}. ${ONLY ? `Figures ${ONLY.join(', ')} only` : 'Full run'}: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
  table(rows),
  ...(failures.length ? ['', '**Failed:**', ...failures.map((f) => `- ${f}`)] : []),
  '',
].join('\n');

// A partial run (BENCH_FIGURES) must not pass for the latest full table.
if (ONLY) log(`BENCH_FIGURES=${ONLY.join(',')}: last-run.md left as it was`);
else await writeFile(join(HERE, 'last-run.md'), report);
console.log(report);
// A benchmark that could not run is a failure; a missed aim is a finding, shown in the table.
process.exitCode = failures.length ? 1 : 0;
