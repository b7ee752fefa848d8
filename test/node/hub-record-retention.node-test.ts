// Retention classes (issue 6 item 3) for what the hub keeps longer than visits: a closed complaint (a ledger
// entry resolved or followed up) goes `retention.recordDays` after its last change (default three years), an
// open one is never purged however old. Real server, real SQLite, a controlled clock.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_RECORD_DAYS } from '../../src/domain/site.js';
import { ledgerRecordSchema, type LedgerRecord } from '../../src/schemas/ledger.js';
import { signInReplySchema } from '../../src/schemas/sync.js';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { purge } from '../../hub/retention.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { setSiteConfig, siteConfigOf } from '../../hub/site-admin.js';
import { bootstrapIfEmpty } from '../../hub/sites.js';
import { api } from './hub/fixtures.js';

const PIN = '2468';
const DAY = 86_400_000;
const complaint = {
  channel: 'call',
  who: { kind: 'resident', unit: '12B', name: 'Complainant Retained', phone: '+85291234567' },
  subject: 'plumbing',
  category: 'complaint',
  description: 'The leak is still there.',
  about: { kind: 'department', department: 'Engineering' },
} as const;

describe('retention of closed complaints (ledger entries)', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  const clock = new AdjustableClock();
  let token = '';

  const signIn = async () => signInReplySchema.parse((await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin: PIN } })).body).token;
  const open = async (): Promise<LedgerRecord> => {
    const reply = await api(hub.url, 'POST', '/api/v1/ledger', { token, body: complaint });
    assert.equal(reply.status, 201, reply.text);
    return ledgerRecordSchema.parse(reply.body);
  };
  const resolve = async (r: LedgerRecord): Promise<void> => {
    let version = r.version;
    for (const action of [{ type: 'assign', department: 'Engineering' }, { type: 'reply', text: 'A plumber comes at 3 pm.' }, { type: 'resolve', text: 'Pipe replaced.' }]) {
      const reply = await api(hub.url, 'POST', `/api/v1/ledger/${r.entry.id}/actions`, { token, body: { version, action } });
      assert.equal(reply.status, 200, reply.text);
      version = ledgerRecordSchema.parse(reply.body).version;
    }
  };
  const held = (id: string) => store.read((repo) => repo.ledger.get('demo', id));

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-records-'));
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: PIN, now: clock.now() });
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, pollMs: 100 });
    token = await signIn();
  });
  after(async () => {
    await hub?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a closed complaint for the default three years after its last change, then deletes it; an open one stays', async () => {
    const closed = await open();
    await resolve(closed);
    const stillOpen = await open();
    clock.advance((DEFAULT_RECORD_DAYS - 1) * DAY);
    assert.equal((await purge(store, clock.now(), 'demo'))[0]?.records, 0);
    assert.ok(await held(closed.entry.id), 'within its retention');
    clock.advance(2 * DAY);
    const [result] = await purge(store, clock.now(), 'demo');
    assert.equal(result?.records, 1);
    assert.equal(await held(closed.entry.id), undefined, 'gone, with the complainant’s name and phone');
    assert.ok(await held(stillOpen.entry.id), 'an open complaint is never purged');
  });

  it('follows the site’s own retention.recordDays', async () => {
    token = await signIn(); // the clock moved past the session's shift
    const config = await siteConfigOf(store, 'demo');
    await setSiteConfig(store, 'demo', { ...config, retention: { ...config.retention, recordDays: 10 } }, 'cli', clock.now());
    const closed = await open();
    await resolve(closed);
    clock.advance(9 * DAY);
    assert.equal((await purge(store, clock.now(), 'demo'))[0]?.records, 0);
    clock.advance(2 * DAY);
    assert.equal((await purge(store, clock.now(), 'demo'))[0]?.records, 1);
    assert.equal(await held(closed.entry.id), undefined);
  });
});
