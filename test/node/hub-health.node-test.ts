// Hub health (issue 6 item 6) against the real server and SQLite, with a controlled clock: the public check
// says ok, version and database kind only; staff see each kiosk's last contact, silence past the site's limit,
// and the disk where DATA_DIR lives.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { healthReplySchema, pairReplySchema, signInReplySchema, siteHealthReplySchema } from '../../src/schemas/sync.js';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { DEFAULT_SILENT_MINUTES } from '../../hub/health.js';
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
