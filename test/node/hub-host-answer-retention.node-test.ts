// Host-answer records follow their visit (issue 6 items 1 and 3): when a visit is purged past the site's
// retention or erased on request, its `host_answers` row (who the visit was for, what they answered) goes with
// it; a visit still within retention keeps it. Real server, real SQLite, a controlled purge time.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pairReplySchema } from '../../src/schemas/sync.js';
import { openStore, type HubStore } from '../../hub/db/index.js';
import { eraseRequest } from '../../hub/privacy.js';
import { purge } from '../../hub/retention.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { bootstrapIfEmpty, createPairCode, loadSite } from '../../hub/sites.js';
import { api, badgeKey, deviceId, makeVisit } from './hub/fixtures.js';

const DAY = 86_400_000;

describe('host-answer records follow the visit’s retention and erasure', () => {
  let dir = '';
  let store: HubStore;
  let hub: RunningHub;
  let kiosk = '';
  let kioskId = '';
  let seq = 0;

  /** A kiosk's registration pushed to the hub, with a link recorded for it as the push would for a host in the directory. */
  const visitWithAnswer = async (fullName: string): Promise<string> => {
    const visit = makeVisit(kioskId, ++seq, { visitor: { fullName, phone: '+85291234567', organisation: '', partySize: 1 } });
    const reply = await api(hub.url, 'POST', '/api/v1/sync/push', { token: kiosk, body: { deviceId: kioskId, changes: [{ seq, type: 'visit', visit }] } });
    assert.equal(reply.status, 200, reply.text);
    const at = new Date().toISOString();
    await store.write(async (repo) => {
      assert.ok(await repo.hostAnswers.insert({ id: crypto.randomUUID(), siteId: 'demo', visitId: visit.id, hostKind: 'unit', hostId: 'unit-12b', locale: 'en', createdAt: at, expiresAt: at }));
      assert.ok(await repo.hostAnswers.answer((await repo.hostAnswers.byVisit('demo', visit.id))!.id, 'not-expected', at));
    });
    return visit.id;
  };
  const answerOf = (visitId: string) => store.read((repo) => repo.hostAnswers.byVisit('demo', visitId));

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vk-hub-answer-retention-'));
    store = await openStore({ dataDir: dir });
    await bootstrapIfEmpty(store, { adminPin: '2468', now: new Date() });
    hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', store, escalationTickMs: 3_600_000, pollMs: 100 });
    const code = await store.write((repo) => createPairCode(repo, 'demo', new Date()));
    kioskId = deviceId();
    kiosk = pairReplySchema.parse((await api(hub.url, 'POST', '/api/v1/pair', { body: { code, deviceId: kioskId, badgeKey: await badgeKey() } })).body).token;
  });
  after(async () => {
    await hub?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('an erased visit’s answer goes; another person’s stays', async () => {
    const erased = await visitWithAnswer('Erased Person');
    const other = await visitWithAnswer('Other Person');
    const result = await eraseRequest(store, 'demo', { name: 'Erased Person' }, new Date());
    assert.deepEqual(result.erased, [erased]);
    assert.equal(await answerOf(erased), undefined, 'the answer record went with the visit');
    assert.equal((await answerOf(other))?.answer, 'not-expected', 'another person’s answer is untouched');
  });

  it('a purged visit’s answer goes past retention, not before', async () => {
    const visitId = await visitWithAnswer('Purged Person');
    const { site } = await store.read((repo) => loadSite(repo, 'demo'));
    const within = new Date(Date.now() + (site.retention.visitDays - 2) * DAY);
    assert.equal((await purge(store, within, 'demo'))[0]?.purged, 0);
    assert.equal((await answerOf(visitId))?.answer, 'not-expected', 'kept while the visit is kept');
    const past = new Date(Date.now() + (site.retention.visitDays + 2) * DAY);
    const [result] = await purge(store, past, 'demo');
    assert.ok((result?.purged ?? 0) >= 1);
    assert.equal(await answerOf(visitId), undefined, 'gone with the visit');
    const rows = await store.read((repo) => repo.hostAnswers.answeredSince('demo', '1970-01-01T00:00:00.000Z'));
    assert.deepEqual(rows, [], 'no answer record outlives its visit');
  });
});
