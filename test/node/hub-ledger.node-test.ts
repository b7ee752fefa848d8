// The front-desk ledger on the real hub and SQLite with a clock the test moves (issue 8): a complaint turns
// overdue after 24 hours of the hub's time and its clock reads "late" once answered; form numbers follow the
// site's year (a call at 00:30 on 1 January in Hong Kong is the new year's) and stay unique when desks log at
// once. The API's other cases run in the shared suite on SQLite and PostgreSQL (hub/ledger-tests.ts).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clockState } from '../../src/domain/ledger/index.js';
import { ledgerListReplySchema, ledgerRecordSchema, type LedgerRecord } from '../../src/schemas/ledger.js';
import { signInReplySchema } from '../../src/schemas/sync.js';
import { AdjustableClock } from '../../hub/clock.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty } from '../../hub/sites.js';
import { api } from './hub/fixtures.js';

const PIN = '2468';
const HOUR = 3_600_000;
/** Parallel "log a call" requests in the numbering test: more desks than any lobby has. */
const PARALLEL_ENTRIES = 12;

describe('hub ledger: clocks and form numbers on the hub clock', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  let token = '';
  const clock = new AdjustableClock();
  const setClock = (iso: string) => {
    clock.offsetMs = Date.parse(iso) - Date.now();
  };
  const signIn = async () => signInReplySchema.parse((await api(hub.url, 'POST', '/api/v1/sessions', { body: { pin: PIN } })).body).token;
  const create = async (body: Record<string, unknown> = {}): Promise<LedgerRecord> => {
    const reply = await api(hub.url, 'POST', '/api/v1/ledger', {
      token,
      body: { channel: 'call', who: { kind: 'anonymous' }, subject: 'noise', category: 'complaint', description: 'Drilling after 10 pm.', ...body },
    });
    assert.equal(reply.status, 201, reply.text);
    return ledgerRecordSchema.parse(reply.body);
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-ledger-'));
    store = await openStore({ dataDir: dir });
    setClock('2026-11-23T02:00:00.000Z');
    await bootstrapIfEmpty(store, { adminPin: PIN, now: clock.now() });
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, clock: clock.now, escalationTickMs: 3_600_000, healthTickMs: 3_600_000, pollMs: 100 });
    token = await signIn();
  });
  after(async () => {
    await hub?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a complaint turns overdue after 24 hours of the hub clock, and reads "late" once answered', async () => {
    const e = await create();
    assert.equal(Date.parse(e.entry.dueAt ?? '') - Date.parse(e.entry.receivedAt), 24 * HOUR);
    const state = async () => {
      const list = ledgerListReplySchema.parse((await api(hub.url, 'GET', '/api/v1/ledger?active=1', { token })).body);
      const found = list.entries.find((x) => x.entry.id === e.entry.id);
      assert.ok(found);
      return { state: clockState(found.entry.dueAt, found.entry.stoppedAt, new Date(list.now)), version: found.version };
    };
    assert.equal((await state()).state, 'running');
    clock.advance(23 * HOUR);
    // A shift is 12 hours: the next shift signs in again.
    token = await signIn();
    assert.equal((await state()).state, 'due-soon');
    clock.advance(2 * HOUR);
    const overdue = await state();
    assert.equal(overdue.state, 'overdue');
    const answered = await api(hub.url, 'POST', `/api/v1/ledger/${e.entry.id}/actions`, { token, body: { version: overdue.version, action: { type: 'reply', text: 'Management will call the flat.' } } });
    assert.equal(answered.status, 200, answered.text);
    const late = Date.parse(ledgerRecordSchema.parse(answered.body).entry.repliedAt ?? '') - Date.parse(e.entry.receivedAt);
    assert.ok(late >= 25 * HOUR && late < 25 * HOUR + 60_000, 'stamped by the hub clock, 25 hours on');
    assert.equal((await state()).state, 'late');
  });

  it('numbers by the site year: 00:30 on 1 January in Hong Kong is 2027, a call received at 23:00 the evening before is 2026', async () => {
    setClock('2026-12-31T16:30:00.000Z');
    token = await signIn();
    const newYear = await create();
    assert.equal(newYear.entry.number, '2027-0001');
    const lastYear = await create({ receivedAt: '2026-12-31T15:00:00.000Z' });
    assert.match(lastYear.entry.number, /^2026-\d{4}$/);
    assert.equal((await create()).entry.number, '2027-0002');
  });

  it('gives desks logging at once distinct, consecutive numbers', async () => {
    const records = await Promise.all(Array.from({ length: PARALLEL_ENTRIES }, () => create({ category: 'consultation' })));
    const seqs = records.map((r) => Number(r.entry.number.slice(5))).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: PARALLEL_ENTRIES }, (_, i) => seqs[0]! + i));
  });
});
