// Rate limits across hub processes (issue 6 item 7): two hubs on one PostgreSQL count pairing, sign-in and
// answer-link requests together (hub/limits.ts SharedRateLimiter, migration 0014-ops2), so a flood spread over
// both gets the limit once, not twice. Real PostgreSQL, two real servers; skipped without DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { DEFAULT_LIMITS } from '../../hub/limits.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty } from '../../hub/sites.js';
import { api, badgeKey, deviceId } from './hub/fixtures.js';
import { postgresUrl, scratchDatabase } from './hub/postgres.js';

const url = postgresUrl('the shared rate-limit test');
const MINUTE = 60_000;

if (url) {
  const db = scratchDatabase(url, 'vk_hub_limits');

  describe('rate limits shared by two hub processes on one PostgreSQL', { timeout: 30_000 }, () => {
    const clock = new AdjustableClock();
    let storeA: HubStore;
    let storeB: HubStore;
    let hubA: RunningHub;
    let hubB: RunningHub;
    let created = false;

    before(async () => {
      await db.create();
      created = true;
      storeA = await openStore({ dataDir: '', databaseUrl: db.url });
      storeB = await openStore({ dataDir: '', databaseUrl: db.url });
      await bootstrapIfEmpty(storeA, { adminPin: '2468', now: clock.now() });
      hubA = await startHub({ dataDir: '', port: 0, host: '127.0.0.1', store: storeA, clock: clock.now, escalationTickMs: 3_600_000 });
      hubB = await startHub({ dataDir: '', port: 0, host: '127.0.0.1', store: storeB, clock: clock.now, escalationTickMs: 3_600_000 });
    });
    after(async () => {
      await hubA?.close();
      await hubB?.close();
      await storeA?.close();
      await storeB?.close();
      if (created) await db.drop();
    });

    /** Moves the hubs' clock to one second into the next minute: the test's requests share one window. */
    const startOfMinute = () => clock.advance(MINUTE - (clock.now().getTime() % MINUTE) + 1_000);

    it('pairing: requests alternating between the hubs are refused after the limit, counted once for both', async () => {
      startOfMinute();
      const key = await badgeKey();
      const statuses: number[] = [];
      for (let i = 0; i < DEFAULT_LIMITS.pair.burst * 2; i++) {
        const hub = i % 2 === 0 ? hubA : hubB;
        statuses.push((await api(hub.url, 'POST', '/api/v1/pair', { body: { code: 'A'.repeat(22), deviceId: deviceId(), badgeKey: key } })).status);
      }
      // Each process alone would allow its own `burst` (twice the limit in all): shared, the limit holds.
      assert.equal(statuses.slice(0, DEFAULT_LIMITS.pair.burst).filter((s) => s === 429).length, 0, statuses.join(','));
      assert.deepEqual(statuses.slice(DEFAULT_LIMITS.pair.burst), Array(DEFAULT_LIMITS.pair.burst).fill(429), statuses.join(','));
      // The next minute starts afresh.
      startOfMinute();
      assert.notEqual((await api(hubB.url, 'POST', '/api/v1/pair', { body: { code: 'A'.repeat(22), deviceId: deviceId(), badgeKey: key } })).status, 429);
    });

    it('sign-in: wrong PINs alternating between the hubs meet the per-client limit once, and no address is stored', async () => {
      startOfMinute();
      const statuses: number[] = [];
      for (let i = 0; i < DEFAULT_LIMITS.signInPerClient.burst + 4; i++) {
        const hub = i % 2 === 0 ? hubA : hubB;
        statuses.push((await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin: '0000' } })).status);
      }
      assert.ok(statuses.slice(DEFAULT_LIMITS.signInPerClient.burst).every((s) => s === 429), statuses.join(','));
      const keys = await storeA.read((repo) => repo.rateCounters.keysIn(Math.floor(clock.now().getTime() / MINUTE)));
      assert.ok(keys.length > 0);
      for (const k of keys) assert.equal(k.includes('127.0.0.1'), false);
    });
  });
}
