// Issue 6, figure 13: kiosk Submit → the signed webhook received by a local receiver (aim p95 ≤ 1 s).
// The kiosk is the built app in Chromium (on-disk profile), paired to a hub started as `npm start` does, with a
// webhook for `alert` pointed at an HTTP receiver in this process. Each Media arrival raises class C inside the
// push transaction; the alert's notification is queued in that same transaction (hub/notify/enqueue.ts) and
// the delivery worker sends it after the commit. The receiver verifies the signature (HMAC-SHA256 over
// `timestamp.body`, docs/webhooks.md) and notes the moment the body arrived.
// Baseline, in the same run: the same signed body POSTed straight to the receiver from this process — the
// HTTP floor without the kiosk, the push, the queue and the worker.
import { spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHub } from './hub.mjs';
import { log, removeDir } from './lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Arrivals measured (each a kiosk registration typed through the UI). */
export const WEBHOOK_ARRIVALS = Number(process.env.BENCH_WEBHOOK_ARRIVALS ?? 50);
/** How long one delivery may take before the figure gives up (the worker's retry would be seconds later). */
const DELIVERY_TIMEOUT_MS = 30_000;

const now = () => performance.timeOrigin + performance.now();

/** `npm run hub -- …` against the hub's data directory (the embedded database). */
function hubCli(args, dataDir) {
  return new Promise((ok, ko) => {
    const c = spawn(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    c.stdout.on('data', (d) => (text += d));
    c.stderr.on('data', (d) => (text += d));
    c.once('exit', (status) => (status === 0 ? ok(text) : ko(new Error(`hub ${args[0]} failed: ${text}`))));
  });
}

/**
 * A webhook receiver on loopback: checks the signature with `secret` (set once the hub printed it) and keeps
 * each verified body with the moment it was read in full. A bad signature is refused (401) and counted.
 */
function startReceiver() {
  /** @type {{ at: number; body: string; direct: boolean }[]} */
  const received = [];
  const waiters = new Set();
  const state = { secret: '', refused: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = now();
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-vk-timestamp'] ?? '');
      const expected = createHmac('sha256', state.secret).update(`${timestamp}.${body}`).digest('hex');
      const given = String(req.headers['x-vk-signature'] ?? '')
        .split(',')
        .map((s) => s.trim().replace(/^v1=/, ''));
      const ok = given.some((g) => g.length === expected.length && timingSafeEqual(Buffer.from(g), Buffer.from(expected)));
      if (!ok) {
        state.refused++;
        res.writeHead(401).end();
        return;
      }
      received.push({ at, body, direct: req.headers['x-bench-direct'] === '1' });
      res.writeHead(204).end();
      for (const w of waiters) w();
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      ok({
        url: `http://127.0.0.1:${port}/hook`,
        state,
        received,
        /** Resolves with the `n`-th (0-based) verified delivery from the hub. */
        nth(n) {
          return new Promise((resolve, reject) => {
            const check = () => {
              const hub = received.filter((r) => !r.direct);
              if (hub.length > n) {
                waiters.delete(check);
                clearTimeout(timer);
                resolve(hub[n]);
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              reject(new Error(`no webhook #${n + 1} within ${DELIVERY_TIMEOUT_MS / 1000} s (${state.refused} refused)`));
            }, DELIVERY_TIMEOUT_MS);
            waiters.add(check);
            check();
          });
        },
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    }),
  );
}

/** The baseline: `body` signed as the hub signs it and POSTed straight to the receiver; ms until it was read there. */
async function directPost(receiver, body) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v1=${createHmac('sha256', receiver.state.secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const before = receiver.received.length;
  const sent = now();
  const res = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-vk-timestamp': timestamp, 'x-vk-signature': signature, 'x-bench-direct': '1' }, body });
  if (res.status !== 204) throw new Error(`direct POST answered ${res.status}`);
  const row = receiver.received.slice(before).find((r) => r.direct);
  if (!row) throw new Error('the direct POST was not recorded');
  return row.at - sent;
}

export async function webhookLatency() {
  const { chromium, freshProfile, LAUNCH, median, percentile, waitForMark } = await import('./lib.mjs');
  const { mediaAtKiosk, workerSettled } = await import('./desk.mjs');
  const receiver = await startReceiver();
  const hub = await startHub();
  const profile = await freshProfile('webhook-kiosk');
  const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, viewport: { width: 1280, height: 800 } });
  try {
    const added = await hubCli(['add-webhook', '--url', receiver.url, '--events', 'alert'], hub.dataDir);
    const secret = /^secret: (\S+)$/m.exec(added)?.[1];
    if (!secret) throw new Error(`add-webhook printed no secret: ${added}`);
    receiver.state.secret = secret;
    const kiosk = context.pages()[0] ?? (await context.newPage());
    await kiosk.goto(`${hub.base}/?pair=${hub.code}`);
    await waitForMark(kiosk);
    await kiosk.evaluate(() => document.querySelector('visitor-kiosk')?.setAttribute('idle-timeout', '3600'));
    await workerSettled(kiosk);
    await kiosk.waitForFunction(() => /Last sync/.test(document.querySelector('visitor-kiosk')?.shadowRoot?.querySelector('p.pending')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const latency = [];
    const floor = [];
    for (let i = 0; i < WEBHOOK_ARRIVALS; i++) {
      await mediaAtKiosk(kiosk, i, `W${String(i).padStart(3, '0')}`);
      const submitAt = await kiosk.evaluate((n) => {
        const marks = performance.getEntriesByName('vk:submit', 'mark');
        return performance.timeOrigin + /** @type {PerformanceEntry} */ (marks[n]).startTime;
      }, i);
      const delivery = await receiver.nth(i);
      const payload = JSON.parse(delivery.body);
      if (payload.type !== 'alert' || payload.alert?.incidentClass !== 'C') throw new Error(`unexpected webhook: ${delivery.body.slice(0, 200)}`);
      latency.push(delivery.at - submitAt);
      floor.push(await directPost(receiver, delivery.body));
      await kiosk.getByRole('button', { name: 'Done', exact: true }).click();
      await kiosk.getByRole('button', { name: 'Check in', exact: true }).waitFor();
      if ((i + 1) % 10 === 0) log(`webhooks: ${i + 1}/${WEBHOOK_ARRIVALS}`);
    }
    if (receiver.state.refused > 0) throw new Error(`${receiver.state.refused} webhook(s) failed the signature check`);
    return [
      { what: `Kiosk Submit → signed webhook verified by a local receiver, through the hub's queue — median of ${WEBHOOK_ARRIVALS} — vs the same body POSTed straight to it`, ours: median(latency), baseline: median(floor), unit: 'ms' },
      { what: `Kiosk Submit → webhook received — p95 of ${WEBHOOK_ARRIVALS} — vs direct POST`, ours: percentile(latency, 95), baseline: percentile(floor, 95), unit: 'ms', aim: 1000 },
    ];
  } finally {
    await context.close();
    await removeDir(profile);
    await hub.stop();
    await receiver.close();
  }
}
