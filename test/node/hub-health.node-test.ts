// Hub health (issue 6 item 6) against the real server and SQLite, with a controlled clock: the public check
// says ok, version and database kind only; staff see each kiosk's last contact, silence past the site's limit,
// and the disk where DATA_DIR lives. The periodic check raises a (non-incident) `health` alert once per episode:
// a kiosk silent past the limit, a webhook delivery failed for good, the disk nearly full.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { healthReplySchema, pairReplySchema, signInReplySchema, siteHealthReplySchema } from '../../src/schemas/sync.js';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { raiseManual } from '../../hub/alerts.js';
import { addWebhook } from '../../hub/notify/webhooks.js';
import { DEFAULT_SILENT_MINUTES, DISK_LOW_FREE_BYTES, HealthCheck } from '../../hub/health.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty, createPairCode } from '../../hub/sites.js';
import { api, badgeKey, deviceId } from './hub/fixtures.js';

const PIN = '2468';

describe('hub health', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  const clock = new AdjustableClock();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-health-'));
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: PIN, now: clock.now() });
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, pollMs: 100 });
  });
  after(async () => {
    await hub?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the public health check with ok, version and database kind, and nothing else', async () => {
    const reply = await api(hub.url, 'GET', '/api/v1/health');
    assert.equal(reply.status, 200);
    assert.deepEqual(healthReplySchema.parse(reply.body), { ok: true, version: '1', db: 'sqlite' });
  });

  it('shows staff each kiosk’s last contact, a kiosk silent past the limit, and the disk of DATA_DIR', async () => {
    assert.equal((await api(hub.url, 'GET', '/api/v1/health/site')).status, 401, 'staff only');
    const code = await store.write((repo) => createPairCode(repo, 'demo', clock.now()));
    const id = deviceId();
    const kiosk = pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: id, badgeKey: await badgeKey() } })).body);
    assert.equal((await api(hub.url, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).status, 200);
    const contact = clock.now().getTime();
    const staff = signInReplySchema.parse((await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin: PIN } })).body).token;
    const read = async () => siteHealthReplySchema.parse((await api(hub.url, 'GET', '/api/v1/health/site', { token: staff })).body);

    const fresh = await read();
    assert.equal(fresh.silentMinutes, DEFAULT_SILENT_MINUTES);
    const mine = fresh.kiosks.find((k) => k.deviceId === id);
    assert.ok(mine?.lastContactAt && Math.abs(Date.parse(mine.lastContactAt) - contact) < 5000);
    assert.equal(mine.silent, false);
    assert.ok(fresh.disk && fresh.disk.totalBytes > 0 && fresh.disk.freeBytes <= fresh.disk.totalBytes);

    clock.advance((DEFAULT_SILENT_MINUTES + 1) * 60_000);
    assert.equal((await read()).kiosks.find((k) => k.deviceId === id)?.silent, true, 'silent past the limit');
    assert.equal((await api(hub.url, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).status, 200);
    assert.equal((await read()).kiosks.find((k) => k.deviceId === id)?.silent, false, 'heard from again');
  });
});

describe('hub health alerts', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  const clock = new AdjustableClock();
  let receiver: Server;
  let receiverStatus = 500;
  const healthAlerts = () => store.read(async (repo) => (await repo.deskAlerts('demo', new Date(0).toISOString())).filter((a) => a.kind === 'health'));

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-health-alert-'));
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: PIN, now: clock.now() });
    receiver = createServer((_req, res) => void res.writeHead(receiverStatus).end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // One attempt: a delivery that fails once has failed for good (the worker's retries are its own test's).
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, healthTickMs: 3_600_000, pollMs: 100, delivery: { maxAttempts: 1 } });
  });
  after(async () => {
    await hub?.close();
    await store?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('raises one health alert for a kiosk silent past the limit, not again, and a new one after it syncs and goes silent again', async () => {
    const code = await store.write((repo) => createPairCode(repo, 'demo', clock.now()));
    const id = deviceId();
    const kiosk = pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: id, badgeKey: await badgeKey() } })).body);
    assert.equal((await api(hub.url, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).status, 200);
    const mine = (keys: string[]) => keys.filter((k) => k.startsWith(`health:silent:${id}:`));

    assert.deepEqual(mine(await hub.checkHealth()), [], 'just heard from');
    clock.advance((DEFAULT_SILENT_MINUTES - 1) * 60_000);
    assert.deepEqual(mine(await hub.checkHealth()), [], 'not yet past the limit');
    assert.equal((await healthAlerts()).length, 0);

    clock.advance(2 * 60_000);
    assert.equal(mine(await hub.checkHealth()).length, 1, 'silent past the limit');
    const first = await healthAlerts();
    assert.equal(first.length, 1);
    assert.equal(first[0]?.kind, 'health');
    assert.equal(first[0]?.incidentClass, undefined, 'not an incident');
    assert.equal(first[0]?.visitId, undefined);
    assert.deepEqual(first[0]?.health, { cause: 'kiosk-silent', deviceId: id }, 'names the kiosk by its device id');

    clock.advance(30 * 60_000);
    assert.deepEqual(mine(await hub.checkHealth()), [], 'the same silence raises once');
    assert.equal((await healthAlerts()).length, 1);

    assert.equal((await api(hub.url, 'GET', '/api/v1/sync/pull', { token: kiosk.token })).status, 200);
    assert.deepEqual(mine(await hub.checkHealth()), [], 'heard from again');
    clock.advance((DEFAULT_SILENT_MINUTES + 1) * 60_000);
    assert.equal(mine(await hub.checkHealth()).length, 1, 'a new silence is a new episode');
    assert.equal((await healthAlerts()).length, 2);
  });

  it('raises one health alert while the disk of DATA_DIR is nearly full, and a new one after it recovered', async () => {
    let free = DISK_LOW_FREE_BYTES * 100;
    const check = new HealthCheck(store, { dataDir: dir, disk: () => Promise.resolve({ freeBytes: free, totalBytes: DISK_LOW_FREE_BYTES * 1000 }) });
    const disk = (keys: string[]) => keys.filter((k) => k.startsWith('health:disk:'));
    assert.deepEqual(disk(await check.run(clock.now())), [], '10 % free');
    free = DISK_LOW_FREE_BYTES * 10; // 1 %
    assert.equal(disk(await check.run(clock.now())).length, 1);
    clock.advance(60_000);
    assert.deepEqual(disk(await check.run(clock.now())), [], 'still the same episode');
    free = DISK_LOW_FREE_BYTES * 100;
    assert.deepEqual(disk(await check.run(clock.now())), []);
    free = DISK_LOW_FREE_BYTES / 2;
    clock.advance(60_000);
    assert.equal(disk(await check.run(clock.now())).length, 1, 'less than 1 GiB free: a new episode');
  });

  it('raises one health alert when webhook deliveries fail, not again until one is delivered', async () => {
    const port = (receiver.address() as AddressInfo).port;
    await addWebhook(store, 'demo', { url: `http://127.0.0.1:${port}/hook` }, clock.now(), 'cli');
    const webhookKeys = (keys: string[]) => keys.filter((k) => k.startsWith('health:webhook:'));
    const deliver = async () => {
      await raiseManual(store, 'demo', { incidentClass: 'C' }, clock.now());
      await hub.deliveries.runOnce();
      clock.advance(1000);
    };
    const alertsBefore = (await healthAlerts()).length;
    assert.deepEqual(webhookKeys(await hub.checkHealth()), [], 'nothing failed yet');

    await deliver(); // the receiver answers 500
    assert.equal(webhookKeys(await hub.checkHealth()).length, 1, 'a failed delivery');
    assert.equal((await healthAlerts()).length, alertsBefore + 1);
    assert.deepEqual((await healthAlerts()).find((a) => a.health?.cause === 'webhook-failed')?.health, { cause: 'webhook-failed' });
    await deliver();
    assert.deepEqual(webhookKeys(await hub.checkHealth()), [], 'still the same failing episode');

    receiverStatus = 200;
    await deliver();
    assert.deepEqual(webhookKeys(await hub.checkHealth()), [], 'delivered: recovered');
    receiverStatus = 500;
    await deliver();
    assert.equal(webhookKeys(await hub.checkHealth()).length, 1, 'failing again: a new episode');
    assert.equal((await healthAlerts()).length, alertsBefore + 2);
  });
});
