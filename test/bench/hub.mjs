// Issue 5's figures: the hub (`npm start` as a child process, `node --import tsx scripts/start.ts`) on its
// embedded SQLite database, and on PostgreSQL when DATABASE_URL is set. Devices are played by this process
// over HTTP with the real protocol (pair, push): what a kiosk's sync sends, minus the browser.
//  - sync of 10 000 queued visits in batches of 500 (the kiosk's batch size) next to a raw bulk insert of the
//    same rows into the same engine (one transaction, one prepared INSERT, no checks) — the floor;
//  - ingest from 4 kiosks pushing at once (2 500 each);
//  - the hub's resident memory at idle and after the sync (aim ≤ 150 MB embedded).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshProfile, log, removeDir } from './lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Visits queued on a kiosk that was offline for a long time (issue 5's figure). */
export const QUEUED = 10_000;
/** The kiosk's push batch (src/schemas/sync.ts MAX_PUSH_CHANGES). */
const BATCH = 500;
/** Kiosks pushing at once in the ingest figure. */
const KIOSKS = 4;
const START_TIMEOUT_MS = 180_000;

function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => ok(port));
    });
  });
}

/** Starts the hub on a fresh data directory; resolves with its base URL, pairing code, pid and stop(). */
export async function startHub(env = {}) {
  const port = await freePort();
  const dataDir = await freshProfile('hub-data');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    // The embedded database unless the figure names one: a DATABASE_URL in the bench's own environment is for
    // the PostgreSQL figures, which make a database of their own.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, VK_ADMIN_PIN: '2468', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((ok) => child.once('exit', ok));
  await new Promise((ok, ko) => {
    const timer = setTimeout(() => ko(new Error(`the hub printed no PIN within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk;
      if (/^PIN: \d+$/m.test(output)) {
        clearTimeout(timer);
        ok(undefined);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => ko(new Error(`the hub exited before serving:\n${output.slice(-2000)}`)));
  });
  const code = /[?&]pair=([A-Za-z0-9_-]+)/.exec(output)?.[1];
  // `npm start` runs the hub as its own child (a bundle under plain Node): measure that process, not the starter.
  const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const hubPid = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('.cache/hub/main')) ?? /** @type {number} */ (child.pid);
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await removeDir(dataDir);
  };
  return { base: `http://127.0.0.1:${port}`, code, pid: hubPid, dataDir, stop, output: () => output };
}

/** Resident memory of a process, in bytes (Linux). */
export function rss(pid) {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** A canonical UUIDv7 for `ms`. */
function uuidv7(ms = Date.now()) {
  const b = crypto.getRandomValues(new Uint8Array(16));
  const t = BigInt(ms);
  for (let i = 0; i < 6; i++) b[i] = Number((t >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

/** A device's badge key as pairing expects it: a P-256 public JWK and its RFC 7638 thumbprint prefix. */
async function badgeKey() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ crv: 'P-256', kty: 'EC', x: jwk.x, y: jwk.y })));
  return { kid: b64url(new Uint8Array(digest)).slice(0, 11), publicJwk };
}

async function json(res) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Pairs a new device with a pairing code; resolves with its id and token. */
export async function pairDevice(hub, code) {
  const deviceId = uuidv7();
  const reply = await json(
    await fetch(`${hub.base}/api/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId, badgeKey: await badgeKey() }) }),
  );
  return { deviceId, token: reply.token, siteId: reply.siteId };
}

/** A fresh pairing code from the hub's CLI (`npm run hub -- pair-kiosk`), for the second and later devices. */
export async function pairingCode(hub) {
  const out = await new Promise((ok, ko) => {
    const c = spawn(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'pair-kiosk'], { cwd: ROOT, env: { ...process.env, DATA_DIR: hub.dataDir, ...hub.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    c.stdout.on('data', (d) => (text += d));
    c.stderr.on('data', (d) => (text += d));
    c.once('exit', (status) => (status === 0 ? ok(text) : ko(new Error(`pair-kiosk failed: ${text}`))));
  });
  const code = /[?&]pair=([A-Za-z0-9_-]+)/.exec(out)?.[1];
  if (!code) throw new Error(`pair-kiosk printed no link: ${out}`);
  return code;
}

/** `n` registered walk-in visits of one device, seq 1…n, as a kiosk's outbox would send them. */
export function makeVisits(device, n, t0 = Date.now()) {
  const visits = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(t0 + i).toISOString();
    visits.push({
      id: uuidv7(t0 + i),
      siteId: device.siteId,
      deviceId: device.deviceId,
      seq: i + 1,
      dayKey: at.slice(0, 10),
      createdAt: at,
      updatedAt: at,
      status: 'registered',
      history: [{ status: 'registered', at }],
      source: 'kiosk-walk-in',
      lang: 'zh-Hant',
      visitor: { fullName: `陳大文 ${i}`, phone: '+85291234567', organisation: 'Harbour Repairs', partySize: 1 },
      visitorType: 'contractor',
      purpose: 'repair',
      host: { kind: 'free-text', label: `${(i % 40) + 1}B` },
      hasAppointment: true,
      identity: { method: 'sighted' },
      consent: { noticeVersion: 'hk-2026-11', kind: 'read', at },
    });
  }
  return visits;
}

/** Pushes `visits` in batches as the kiosk does; resolves with the elapsed milliseconds. */
export async function pushAll(hub, device, visits) {
  const t = performance.now();
  for (let i = 0; i < visits.length; i += BATCH) {
    const changes = visits.slice(i, i + BATCH).map((visit) => ({ seq: visit.seq, type: 'visit', visit }));
    const reply = await json(
      await fetch(`${hub.base}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify({ deviceId: device.deviceId, changes }),
      }),
    );
    if (reply.acked.length !== changes.length) throw new Error(`hub acknowledged ${reply.acked.length} of ${changes.length}`);
  }
  return performance.now() - t;
}

/** Raw bulk insert into SQLite (better-sqlite3): one transaction, one prepared statement — the floor. */
async function rawSqlite(visits) {
  const { default: Database } = await import('better-sqlite3');
  const dir = await freshProfile('raw-sqlite');
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE visits (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, day_key TEXT NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO visits (id, site_id, day_key, status, data) VALUES (?, ?, ?, ?, ?)');
  const t = performance.now();
  db.transaction((rows) => {
    for (const v of rows) insert.run(v.id, v.siteId, v.dayKey, v.status, JSON.stringify(v));
  })(visits);
  const elapsed = performance.now() - t;
  db.close();
  await removeDir(dir);
  return elapsed;
}

/** Raw bulk insert into PostgreSQL: one transaction, multi-row INSERTs of 500 — the floor. */
async function rawPostgres(visits, url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const table = `bench_raw_${Date.now()}`;
  await client.query(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, day_key TEXT NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL)`);
  const t = performance.now();
  await client.query('BEGIN');
  for (let i = 0; i < visits.length; i += BATCH) {
    const chunk = visits.slice(i, i + BATCH);
    const params = chunk.flatMap((v) => [v.id, v.siteId, v.dayKey, v.status, JSON.stringify(v)]);
    const rows = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`).join(', ');
    await client.query(`INSERT INTO ${table} (id, site_id, day_key, status, data) VALUES ${rows}`, params);
  }
  await client.query('COMMIT');
  const elapsed = performance.now() - t;
  await client.query(`DROP TABLE ${table}`);
  await client.end();
  return elapsed;
}

/** One engine's figures. */
async function benchEngine(label, env, raw) {
  const hub = await startHub(env);
  hub.env = env;
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rss(hub.pid);
    const device = await pairDevice(hub, hub.code);
    const visits = makeVisits(device, QUEUED);
    const sync = await pushAll(hub, device, visits);
    const after = rss(hub.pid);
    // A replay of the first batch changes nothing and is acknowledged all the same.
    await pushAll(hub, device, visits.slice(0, BATCH));
    const floor = await raw(visits);
    const kiosks = [];
    for (let k = 0; k < KIOSKS; k++) kiosks.push(await pairDevice(hub, await pairingCode(hub)));
    const t = performance.now();
    await Promise.all(kiosks.map((d) => pushAll(hub, d, makeVisits(d, QUEUED / KIOSKS))));
    const ingest = performance.now() - t;
    const peak = rss(hub.pid);
    return [
      { what: `Sync of ${QUEUED.toLocaleString('en')} queued visits in batches of ${BATCH} (${label}) — vs raw bulk insert`, ours: sync, baseline: floor, unit: 'ms', aim: label === 'SQLite' ? 5000 : undefined },
      { what: `Ingest from ${KIOSKS} kiosks at once, ${(QUEUED / KIOSKS).toLocaleString('en')} each (${label})`, ours: ingest, unit: 'ms' },
      { what: `Hub memory at idle (${label}, RSS)`, ours: idle, unit: 'bytes', aim: label === 'SQLite' ? 150e6 : undefined },
      { what: `Hub memory after the sync (${label}, RSS)`, ours: after, unit: 'bytes', aim: label === 'SQLite' ? 150e6 : undefined },
      { what: `Hub memory after ${KIOSKS} kiosks (${label}, RSS)`, ours: peak, unit: 'bytes' },
    ];
  } finally {
    await hub.stop();
  }
}

/** Every hub figure: SQLite always, PostgreSQL when DATABASE_URL is set. */
export async function benchHub() {
  const rows = await benchEngine('SQLite', { DATABASE_URL: '' }, rawSqlite);
  const url = process.env.DATABASE_URL;
  if (!url) {
    log('hub: DATABASE_URL not set — PostgreSQL figures skipped');
    return rows;
  }
  // A database of its own, so the hub starts empty (and prints its pairing link) and nothing is left behind.
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `vk_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  try {
    rows.push(...(await benchEngine('PostgreSQL', { DATABASE_URL: own.toString() }, (v) => rawPostgres(v, own.toString()))));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}

/** Flagged arrivals timed through the hub (issue 5: kiosk submit → desk alert, aim p95 ≤ 250 ms on loopback). */
export const HUB_ARRIVALS = Number(process.env.BENCH_HUB_ARRIVALS ?? 100);

/**
 * Kiosk Submit → the Class C alert on a desk in ANOTHER browser context, through the hub: the kiosk (paired,
 * on-disk profile) stores the visit and pushes it at once; the hub classifies inside the push transaction and
 * streams the alert; the desk writes it to its own IndexedDB and shows it. Timed from the kiosk's `vk:submit`
 * mark to the moment the alert's title appears in the desk (both as `timeOrigin + now`, one machine's clock).
 * No baseline: the same-device figure (10a, BroadcastChannel) is the floor this path adds the network to.
 */
export async function hubAlertLatency() {
  const { chromium, freshProfile: profileDir, LAUNCH, median, percentile, waitForMark } = await import('./lib.mjs');
  const { mediaAtKiosk, signIn, watchAlerts, workerSettled } = await import('./desk.mjs');
  const hub = await startHub();
  const profile = await profileDir('hub-kiosk');
  const kioskContext = await chromium.launchPersistentContext(profile, { ...LAUNCH, viewport: { width: 1280, height: 800 } });
  const browser = await chromium.launch(LAUNCH);
  try {
    const kiosk = kioskContext.pages()[0] ?? (await kioskContext.newPage());
    await kiosk.goto(`${hub.base}/?pair=${hub.code}`);
    await waitForMark(kiosk);
    await kiosk.evaluate(() => document.querySelector('visitor-kiosk')?.setAttribute('idle-timeout', '3600'));
    await workerSettled(kiosk);
    await kiosk.waitForFunction(() => /Last sync/.test(document.querySelector('visitor-kiosk')?.shadowRoot?.querySelector('p.pending')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const desk = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await desk.goto(`${hub.base}/desk`);
    await signIn(desk);
    await watchAlerts(desk);
    const latency = [];
    for (let i = 0; i < HUB_ARRIVALS; i++) {
      const unit = `M${String(i).padStart(3, '0')}`;
      await desk.evaluate(() => document.querySelector('visitor-desk')?.dispatchEvent(new Event('pointerdown')));
      await mediaAtKiosk(kiosk, i, unit);
      const submitAt = await kiosk.evaluate((n) => {
        const marks = performance.getEntriesByName('vk:submit', 'mark');
        return performance.timeOrigin + /** @type {PerformanceEntry} */ (marks[n]).startTime;
      }, i);
      const seen = await desk.waitForFunction((u) => /** @type {any} */ (window).__vkSeen.get(u), unit, { timeout: 30_000, polling: 20 });
      latency.push(/** @type {number} */ (await seen.jsonValue()) - submitAt);
      await kiosk.getByRole('button', { name: 'Done', exact: true }).click();
      await kiosk.getByRole('button', { name: 'Check in', exact: true }).waitFor();
      if ((i + 1) % 25 === 0) log(`hub alerts: ${i + 1}/${HUB_ARRIVALS}`);
    }
    return [
      { what: `Kiosk Submit → Class C alert on a desk in another browser, through the hub — median of ${HUB_ARRIVALS}`, ours: median(latency), unit: 'ms' },
      { what: `Kiosk Submit → Class C alert through the hub — p95 of ${HUB_ARRIVALS}`, ours: percentile(latency, 95), unit: 'ms', aim: 250 },
    ];
  } finally {
    await kioskContext.close();
    await browser.close();
    await removeDir(profile);
    await hub.stop();
  }
}

/** Visits in the backup figure (issue 6: backup and restore time for 100 000 visits). */
export const BACKUP_VISITS = Number(process.env.BENCH_BACKUP_VISITS ?? 100_000);

/** Runs `npm run hub -- ARGS` as the operator would (its own process); resolves with its output and wall time. */
function hubCli(args, env) {
  return new Promise((ok, ko) => {
    const t = performance.now();
    const c = spawn(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    c.stdout.on('data', (d) => (text += d));
    c.stderr.on('data', (d) => (text += d));
    c.once('exit', (status) => (status === 0 ? ok({ text, wall: performance.now() - t }) : ko(new Error(`hub ${args[0]} failed: ${text}`))));
  });
}

/**
 * Issue 6: `npm run hub -- backup` while the hub runs, on a SQLite database of BACKUP_VISITS visits pushed
 * through the API, and `restore` of that file into a fresh data directory. The figure is the command's own
 * time (it prints `in N ms`: the copy, the check and the rename, not the TypeScript loader's start); the
 * baseline is a plain file copy of the same bytes (the floor of any copy). The kiosk's push limit is raised
 * for this run: one device pushing 100 000 visits at full speed is the flood the limit stops.
 */
export async function benchBackup() {
  const { copyFile, stat } = await import('node:fs/promises');
  const env = { DATABASE_URL: '', VK_HUB_PUSH_CHANGES_PER_MINUTE: '10000000', VK_HUB_PUSH_BURST: '10000000' };
  const hub = await startHub(env);
  hub.env = env;
  const work = await freshProfile('hub-backup');
  try {
    const device = await pairDevice(hub, hub.code);
    const fill = await pushAll(hub, device, makeVisits(device, BACKUP_VISITS));
    log(`backup: ${BACKUP_VISITS} visits pushed in ${(fill / 1000).toFixed(1)} s`);
    const file = join(work, 'hub-backup.sqlite');
    const backup = await hubCli(['backup', file], { DATA_DIR: hub.dataDir });
    const backupMs = Number(/ in (\d+) ms/.exec(backup.text)?.[1]);
    const bytes = (await stat(file)).size;
    const t = performance.now();
    await copyFile(file, join(work, 'plain-copy.sqlite'));
    const copyMs = performance.now() - t;
    const restore = await hubCli(['restore', file], { DATA_DIR: join(work, 'restored') });
    const restoreMs = Number(/ in (\d+) ms/.exec(restore.text)?.[1]);
    if (!/restored: 1 site\(s\), (\d+) visit/.test(restore.text) || Number(/(\d+) visit/.exec(restore.text)?.[1]) !== BACKUP_VISITS) throw new Error(`restore did not bring every visit back: ${restore.text}`);
    const size = `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    return [
      { what: `Backup of ${BACKUP_VISITS.toLocaleString('en')} visits while the hub runs (SQLite, ${size}; command ${(backup.wall / 1000).toFixed(1)} s with start) — vs plain file copy`, ours: backupMs, baseline: copyMs, unit: 'ms' },
      { what: `Restore of that backup into a fresh data directory (checked twice; command ${(restore.wall / 1000).toFixed(1)} s with start) — vs plain file copy`, ours: restoreMs, baseline: copyMs, unit: 'ms' },
    ];
  } finally {
    await hub.stop();
    await removeDir(work);
  }
}

/** Media arrivals timed across two hub processes (issue 6: → desk alert across two processes, aim p95 ≤ 250 ms). */
export const CROSS_ARRIVALS = Number(process.env.BENCH_CROSS_ARRIVALS ?? 100);

/**
 * Two hub processes (`npm start` twice) on one PostgreSQL database: a kiosk pushes a Media visit to hub A and a
 * desk streams events from hub B. Timed from the push's start to the Class C alert's arrival on B's stream —
 * A's push transaction, its pg_notify at commit, B's LISTEN client waking B's fan-out, B's read of the events
 * table, SSE. Without LISTEN/NOTIFY this was B's one-second poll. Skipped without DATABASE_URL.
 */
export async function hubCrossProcessLatency() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    log('hub across processes: DATABASE_URL not set — skipped');
    return [];
  }
  const { median, percentile } = await import('./lib.mjs');
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `vk_bench_mp_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const env = { DATABASE_URL: own.toString() };
  /** @type {Awaited<ReturnType<typeof startHub>>[]} */
  const hubs = [];
  const abort = new AbortController();
  try {
    // One after the other: the second finds the database migrated and the demo site made.
    hubs.push(await startHub(env));
    hubs.push(await startHub(env));
    const [a, b] = /** @type {[Awaited<ReturnType<typeof startHub>>, Awaited<ReturnType<typeof startHub>>]} */ (hubs);
    if (!a.code) throw new Error('hub A printed no pairing link');
    const device = await pairDevice(a, a.code);
    const { token } = await json(await fetch(`${b.base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin: '2468' }) }));

    // The desk's stream on B: alert arrival times by visit id.
    /** @type {Map<string, number>} */
    const seen = new Map();
    /** @type {(() => void) | undefined} */
    let wake;
    const stream = await fetch(`${b.base}/api/v1/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
    if (stream.status !== 200 || !stream.body) throw new Error(`events on hub B: ${stream.status}`);
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of stream.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (!data) continue;
            const event = JSON.parse(data);
            if (event.type === 'alert' && event.alert.visitId && event.alert.escalationLevel === 0) {
              if (!seen.has(event.alert.visitId)) seen.set(event.alert.visitId, performance.now());
              wake?.();
            }
          }
        }
      } catch {
        // aborted at the end
      }
    })();

    const latency = [];
    const visits = makeVisits(device, CROSS_ARRIVALS).map((v) => ({ ...v, visitorType: 'media', purpose: 'media-interview' }));
    for (const visit of visits) {
      const t = performance.now();
      const arrived = new Promise((ok, ko) => {
        const timer = setTimeout(() => ko(new Error(`the alert of push ${visit.seq} did not reach hub B within 10 s`)), 10_000);
        wake = () => {
          if (!seen.has(visit.id)) return;
          clearTimeout(timer);
          ok(undefined);
        };
      });
      const reply = await json(
        await fetch(`${a.base}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
          body: JSON.stringify({ deviceId: device.deviceId, changes: [{ seq: visit.seq, type: 'visit', visit }] }),
        }),
      );
      if (reply.acked.length !== 1) throw new Error(`hub A acknowledged ${reply.acked.length} of 1`);
      if (!seen.has(visit.id)) await arrived;
      latency.push(/** @type {number} */ (seen.get(visit.id)) - t);
      if (visit.seq % 25 === 0) log(`hub across processes: ${visit.seq}/${CROSS_ARRIVALS}`);
    }
    return [
      { what: `Push to hub A → Class C alert on a desk stream from hub B (PostgreSQL, LISTEN/NOTIFY) — median of ${CROSS_ARRIVALS}`, ours: median(latency), unit: 'ms' },
      { what: `Push to hub A → alert on hub B's stream — p95 of ${CROSS_ARRIVALS}`, ours: percentile(latency, 95), unit: 'ms', aim: 250 },
    ];
  } finally {
    abort.abort();
    for (const hub of hubs) await hub.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Visits per day in the purge figure's site-year: a busy residential lobby. */
const PURGE_PER_DAY = Number(process.env.BENCH_PURGE_PER_DAY ?? 300);
const PURGE_DAYS = 365;

/**
 * Issue 6: `npm run hub -- purge` on a site-year of visits (PURGE_PER_DAY a day for 365 days, pushed through
 * the API with their registration days spread over the past year): the demo site keeps 31 days, so ≈ 92 % go,
 * each counted into the anonymised totals first. The figure is the command's own time (it prints `in N ms`);
 * the baseline is the bare `DELETE … WHERE day_key < cut-off` on a copy of the same database (better-sqlite3,
 * one statement, no counts, no holds, no events).
 */
export async function benchPurge() {
  const env = { DATABASE_URL: '', VK_HUB_PUSH_CHANGES_PER_MINUTE: '10000000', VK_HUB_PUSH_BURST: '10000000' };
  const hub = await startHub(env);
  hub.env = env;
  const work = await freshProfile('hub-purge');
  try {
    const device = await pairDevice(hub, hub.code);
    const now = Date.now();
    const visits = makeVisits(device, PURGE_PER_DAY * PURGE_DAYS, now).map((v, i) => {
      const at = new Date(now - Math.floor(i / PURGE_PER_DAY) * 86_400_000 - 3_600_000).toISOString();
      return { ...v, dayKey: at.slice(0, 10), createdAt: at, updatedAt: at, history: [{ status: 'registered', at }] };
    });
    const fill = await pushAll(hub, device, visits);
    log(`purge: ${visits.length} visits pushed in ${(fill / 1000).toFixed(1)} s`);
    // The floor: the same rows deleted by one bare statement, on a copy (the hub's own file stays for the figure).
    const copy = join(work, 'copy.sqlite');
    await hubCli(['backup', copy], { DATA_DIR: hub.dataDir });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(copy);
    const cut = new Date(now - 31 * 86_400_000).toISOString().slice(0, 10);
    const t = performance.now();
    const removed = db.prepare('DELETE FROM visits WHERE site_id = ? AND day_key < ?').run('demo', cut).changes;
    const raw = performance.now() - t;
    db.close();
    const run = await hubCli(['purge'], { DATA_DIR: hub.dataDir });
    const ms = Number(/purge done in (\d+) ms/.exec(run.text)?.[1]);
    const purged = Number(/purged: (\d+) visits of demo/.exec(run.text)?.[1]);
    return [
      {
        what: `Purge of a site-year (${visits.length.toLocaleString('en')} visits, ${purged.toLocaleString('en')} past 31 days; counts kept, events gone) — vs bare DELETE of ${removed.toLocaleString('en')} rows`,
        ours: ms,
        baseline: raw,
        unit: 'ms',
      },
    ];
  } finally {
    await hub.stop();
    await removeDir(work);
  }
}
