// Lobby records at the hub (issue 7: the courier lane and the parcel log), run inside the hub API suite
// (api-suite.ts) so they run on SQLite and on PostgreSQL: a kiosk's parcel pushed as `{ type: 'record' }`,
// merged by the visits' rule, streamed to desks and in their state; the unit told by a `lobby.delivery`
// webhook and an e-mail to the host directory's address; refusals (another device's or site's record).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { collectParcel, receiveParcel, type ParcelRecord } from '../../../src/domain/lobby/parcel.js';
import { uuidv7, UUIDV7_RANDOM_BYTES } from '../../../src/domain/uuid.js';
import { lobbyRecordSchema, lobbyWebhookSchema } from '../../../src/schemas/lobby.js';
import { ERASED_NAME, ERASED_SIGNATURE } from '../../../src/domain/lobby/privacy.js';
import { moveRecord, newRecord, type LobbyRecord } from '../../../src/domain/lobby/record.js';
import { accessReplySchema, deskStateReplySchema, pushReplySchema } from '../../../src/schemas/sync.js';
import type { AdjustableClock } from '../../../hub/clock.js';
import type { HubStore } from '../../../hub/db/index.js';
import { api, SseReader, type Reply } from './fixtures.js';

export interface LobbyTestContext {
  base: string;
  store: HubStore;
  clock: AdjustableClock;
  /** A site manager's token at `demo`, and a guard's. */
  admin: string;
  guard: string;
  pair(): Promise<{ id: string; token: string }>;
}

const SIGNATURE = 'data:image/svg+xml;base64,PHN2Zy8+';

const parcelFor = (device: string, unit: string, unitId: string | undefined, at: Date): ParcelRecord =>
  receiveParcel(
    { id: uuidv7(at.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES))), siteId: 'demo', deviceId: device, timeZone: 'Asia/Hong_Kong', now: at, source: 'kiosk', notify: 'hub', ...(unitId ? { unitId } : {}) },
    { carrier: 'SF Express', unit, count: 2 },
  );

const pushRecords = (base: string, token: string, device: string, changes: { seq: number; record: ParcelRecord }[]): Promise<Reply> =>
  api(base, 'POST', '/api/v1/sync/push', { token, body: { deviceId: device, changes: changes.map((c) => ({ seq: c.seq, type: 'record', record: c.record })) } });

export function lobbyTests(context: () => LobbyTestContext): void {
  // One kiosk for the three tests: pairing is rate-limited per client, and the suite pairs often.
  let kioskDevice: { id: string; token: string } | undefined;
  let nextSeq = 1;
  const kioskOf = async (pair: LobbyTestContext['pair']) => (kioskDevice ??= await pair());
  it('takes a kiosk’s parcel as a lobby record: acknowledged, streamed to desks, in their state, and the unit told by webhook and e-mail', async () => {
    const { base, store, clock, admin, guard, pair } = context();
    const auth = { token: admin };
    const original = (await api(base, 'GET', '/api/v1/site/config', auth)).body as Record<string, unknown>;
    const hook = await api(base, 'POST', '/api/v1/webhooks', { ...auth, body: { url: 'http://127.0.0.1:9/lobby', events: ['lobby.delivery'] } });
    assert.equal(hook.status, 201, hook.text);
    const put = await api(base, 'PUT', '/api/v1/site/config', { ...auth, body: { ...original, hosts: { contacts: [{ kind: 'unit', id: 'unit-12a', email: 'flat-12a@example.test', locale: 'zh-Hant' }] } } });
    assert.equal(put.status, 200, put.text);
    const reader = new SseReader(base, guard);
    try {
      await reader.opened;
      const kiosk = await kioskOf(pair);
      const parcel = parcelFor(kiosk.id, '12A', 'unit-12a', clock.now());
      const seq = nextSeq++;
      const reply = await pushRecords(base, kiosk.token, kiosk.id, [{ seq, record: parcel }]);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(pushReplySchema.parse(reply.body).acked, [seq]);

      const event = await reader.waitFor((e) => e.type === 'record' && e.record.id === parcel.id);
      assert.equal(event.type === 'record' && event.record.state, 'received');
      const state = deskStateReplySchema.parse((await api(base, 'GET', '/api/v1/desk/state', { token: guard })).body);
      assert.ok(state.records?.some((r) => r.id === parcel.id));
      // A lobby record is no visit: the desk's visits do not list it.
      assert.ok(!state.visits.some((v) => v.id === parcel.id));

      const queued = await store.read((repo) => repo.notify.deliveries('demo', 200));
      const mine = queued.filter((d) => d.event === 'lobby.delivery' && d.body.includes(parcel.id) === (d.channel === 'webhook'));
      const webhook = mine.find((d) => d.channel === 'webhook');
      assert.ok(webhook, 'a lobby.delivery webhook is queued');
      const body = lobbyWebhookSchema.parse(JSON.parse(webhook.body));
      assert.deepEqual(body.delivery, { recordId: parcel.id, kind: 'parcel', unit: '12A', unitId: 'unit-12a', company: 'SF Express', count: 2, createdAt: parcel.createdAt });
      const mail = mine.find((d) => d.channel === 'email' && d.body.includes('flat-12a@example.test'));
      assert.ok(mail, 'an e-mail to the unit is queued');
      const text = JSON.parse(mail.body) as { subject: string; text: string; locale: string };
      assert.equal(text.locale, 'zh-Hant');
      assert.match(text.subject, /12A 有包裹在接待處/);

      // Replayed: acknowledged again, nothing queued twice.
      const again = await pushRecords(base, kiosk.token, kiosk.id, [{ seq, record: parcel }]);
      assert.deepEqual(pushReplySchema.parse(again.body).acked, [seq]);
      const after = await store.read((repo) => repo.notify.deliveries('demo', 200));
      assert.equal(after.filter((d) => d.event === 'lobby.delivery' && d.channel === 'webhook' && d.body.includes(parcel.id)).length, 1);
    } finally {
      reader.close();
      await api(base, 'PUT', '/api/v1/site/config', { ...auth, body: original });
    }
  });

  it('merges records like visits: a desk’s collection wins, a stale copy does not undo it, and another desk sees it', async () => {
    const { base, store, clock, guard, pair } = context();
    const kiosk = await kioskOf(pair);
    const parcel = parcelFor(kiosk.id, '7C', undefined, clock.now());
    assert.equal((await pushRecords(base, kiosk.token, kiosk.id, [{ seq: nextSeq++, record: parcel }])).status, 200);
    const reader = new SseReader(base, guard);
    try {
      await reader.opened;
      const desk = crypto.randomUUID();
      const collected = collectParcel(parcel, { collectorName: 'Lee Neighbour', onBehalfOf: '7C', signature: SIGNATURE, staffId: 'guard' }, new Date(clock.now().getTime() + 60_000));
      const reply = await pushRecords(base, guard, desk, [{ seq: 1, record: collected }]);
      assert.equal(reply.status, 200, reply.text);
      const event = await reader.waitFor((e) => e.type === 'record' && e.record.id === parcel.id && e.record.state === 'collected');
      assert.equal(event.type === 'record' && (event.record.data['collection'] as { collectorName: string }).collectorName, 'Lee Neighbour');
      // The kiosk's older copy (a retry after a lost reply, under a new seq) changes nothing.
      assert.equal((await pushRecords(base, kiosk.token, kiosk.id, [{ seq: nextSeq++, record: parcel }])).status, 200);
      const stored = await store.read((repo) => repo.records.get('demo', parcel.id));
      assert.equal(stored?.state, 'collected');
    } finally {
      reader.close();
    }
  });

  it('refuses a kiosk pushing another device’s record and a record of another site, writing nothing', async () => {
    const { base, store, clock, pair } = context();
    const kiosk = await kioskOf(pair);
    const other = parcelFor(crypto.randomUUID(), '9D', undefined, clock.now());
    const refused = await pushRecords(base, kiosk.token, kiosk.id, [{ seq: nextSeq, record: other }]);
    assert.equal(refused.status, 403);
    assert.equal((refused.body as { error: { path?: string } }).error.path, 'changes.0.record.deviceId');
    const elsewhere = { ...parcelFor(kiosk.id, '9D', undefined, clock.now()), siteId: 'elsewhere' };
    const refused2 = await pushRecords(base, kiosk.token, kiosk.id, [{ seq: nextSeq, record: elsewhere }]);
    assert.equal(refused2.status, 403);
    assert.equal(await store.read((repo) => repo.records.get('demo', other.id)), undefined);
    // A record that breaks its kind's schema is a 400 naming the field.
    const bad = await api(base, 'POST', '/api/v1/sync/push', { token: kiosk.token, body: { deviceId: kiosk.id, changes: [{ seq: nextSeq, type: 'record', record: { ...parcelFor(kiosk.id, '9D', undefined, clock.now()), data: { unit: '' } } }] } });
    assert.equal(bad.status, 400);
  });

  it('retention: closed records go after the site’s visit retention with their events; a parcel still waiting stays', async () => {
    const { base, store, clock, pair } = context();
    const kiosk = await kioskOf(pair);
    const waiting = parcelFor(kiosk.id, '5E', undefined, clock.now());
    const done = collectParcel(parcelFor(kiosk.id, '5F', undefined, clock.now()), { collectorName: 'Old Collector', signature: SIGNATURE, staffId: 'guard' }, clock.now());
    const seq = nextSeq;
    nextSeq += 2;
    assert.equal((await pushRecords(base, kiosk.token, kiosk.id, [{ seq, record: waiting }, { seq: seq + 1, record: done }])).status, 200);
    const later = new Date(Date.parse(done.updatedAt) + 1000).toISOString();
    while ((await store.write((repo) => repo.records.deleteClosedBefore('demo', later, 500))) === 500);
    await store.write((repo) => repo.records.deleteEventsBefore('demo', later));
    assert.equal(await store.read((repo) => repo.records.get('demo', done.id)), undefined);
    assert.equal((await store.read((repo) => repo.records.get('demo', waiting.id)))?.state, 'received');
    const events = await store.read((repo) => repo.eventsAfter(0, 100_000, 'demo', ['record']));
    assert.ok(!events.some((e) => e.type === 'record' && e.data.includes('Old Collector')));
  });

  it('erases a person’s name from the lobby records on request: collector and signature, room visitor, card holder — records kept, desks told, a replay revives nothing', async () => {
    const { base, store, clock, admin, guard, pair } = context();
    const kiosk = await kioskOf(pair);
    const now = clock.now();
    const theirs = collectParcel(parcelFor(kiosk.id, '12B', undefined, now), { collectorName: 'Chan Tai Man', onBehalfOf: 'Lee Mei Ling', signature: SIGNATURE, staffId: 'guard-1' }, new Date(now.getTime() + 60_000));
    const others = collectParcel(parcelFor(kiosk.id, '12C', undefined, now), { collectorName: 'Wong Siu Ming', signature: SIGNATURE, staffId: 'guard-1' }, new Date(now.getTime() + 60_000));
    const id = () => uuidv7(now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
    const room = newRecord({ id: id(), kind: 'room-entry', siteId: 'demo', deviceId: kiosk.id, timeZone: 'Asia/Hong_Kong', now, by: 'guard-1', data: { createdBy: 'guard-1', roomId: 'archive', person: 'CHAN  tai man', reason: 'Audit', approvedBy: 'Mr Lee', enteredAt: now.toISOString() } });
    const card = newRecord({ id: id(), kind: 'card', siteId: 'demo', deviceId: kiosk.id, timeZone: 'Asia/Hong_Kong', now, by: 'guard-1', data: { createdBy: 'guard-1', cardKind: 'lift', number: 'L9', holder: 'Chan Tai Man', issuedAt: now.toISOString() } });
    await store.write(async (repo) => {
      for (const r of [theirs, others, room, card]) await repo.records.insert(r as unknown as LobbyRecord, now.toISOString());
    });
    // A data access request by name lists the records naming them (not someone else's collection).
    const access = accessReplySchema.parse((await api(base, 'POST', '/api/v1/privacy/access', { token: admin, body: { name: 'Chan Tai Man' } })).body);
    assert.deepEqual(new Set(access.records?.map((r) => r.id)), new Set([theirs.id, room.id, card.id]));
    const reader = new SseReader(base, guard);
    try {
      await reader.opened;
      const reply = await api(base, 'POST', '/api/v1/privacy/erase', { token: admin, body: { name: 'chan tai man' } });
      assert.equal(reply.status, 200, reply.text);
      const event = await reader.waitFor((e) => e.type === 'record' && e.record.id === theirs.id);
      assert.equal(event.type === 'record' && (event.record.data as { collection?: { collectorName?: string } }).collection?.collectorName, ERASED_NAME);
    } finally {
      reader.close();
    }
    const stored = async (rid: string) => store.read((repo) => repo.records.get('demo', rid));
    const parcel = await stored(theirs.id);
    assert.ok(parcel && lobbyRecordSchema.safeParse(parcel).success);
    assert.deepEqual((parcel.data as { collection: unknown }).collection, { ...theirs.data.collection, collectorName: ERASED_NAME, signature: ERASED_SIGNATURE });
    assert.equal(parcel.history.length, theirs.history.length, 'the record is kept, its life unchanged');
    assert.ok(parcel.updatedAt > theirs.updatedAt);
    assert.deepEqual(await stored(others.id), others, 'someone else’s collection is untouched');
    assert.equal(((await stored(room.id))?.data as { person: string }).person, ERASED_NAME);
    assert.equal(((await stored(card.id))?.data as { holder: string }).holder, ERASED_NAME);
    const mine = new Set([theirs.id, room.id, card.id]);
    const state = deskStateReplySchema.parse((await api(base, 'GET', '/api/v1/desk/state', { token: guard })).body);
    const fromState = (state.records ?? []).filter((r) => mine.has(r.id));
    assert.equal(fromState.length, 3);
    assert.ok(!/chan\s+tai\s+man/i.test(JSON.stringify(fromState)), 'no desk starts from the name');
    // The kiosk's older copy, pushed again, loses to the redacted one (same history, earlier updatedAt).
    const seq = nextSeq++;
    const replay = await pushRecords(base, kiosk.token, kiosk.id, [{ seq, record: theirs }]);
    assert.deepEqual(pushReplySchema.parse(replay.body).acked, [seq]);
    assert.equal(((await stored(theirs.id))?.data as { collection: { collectorName: string } }).collection.collectorName, ERASED_NAME);
  });

  it('retention of the guard’s registers: a room visit that ended goes with the visit retention, one still inside and a card still out stay', async () => {
    const { store, clock } = context();
    // Today on the hub's clock: a record dated in a month the reports tests read would be counted there.
    const at = clock.now();
    const id = () => uuidv7(at.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
    const base = { siteId: 'demo', deviceId: '0196f000-0000-7000-8000-0000000000aa', timeZone: 'Asia/Hong_Kong', now: at, by: 'guard-1' };
    const entry: Record<string, unknown> = { createdBy: 'guard-1', roomId: 'archive', reason: 'Audit', approvedBy: 'Mr Lee', enteredAt: at.toISOString() };
    const inside = newRecord({ ...base, id: id(), kind: 'room-entry', data: { ...entry, person: 'Still Inside' } });
    const left = moveRecord<Record<string, unknown>>(newRecord({ ...base, id: id(), kind: 'room-entry', data: { ...entry, person: 'Long Gone' } }), 'left', new Date(at.getTime() + 60_000), undefined, { leftAt: new Date(at.getTime() + 60_000).toISOString() });
    const card = newRecord({ ...base, id: id(), kind: 'card', data: { createdBy: 'guard-1', cardKind: 'lift', number: 'L77', holder: 'Contractor', issuedAt: at.toISOString() } });
    await store.write(async (repo) => {
      for (const r of [inside, left, card]) await repo.records.insert(r, at.toISOString());
    });
    // As hub/retention.ts does with the site's visitDays: closed before the cut-off go.
    const cutOff = new Date(Date.parse(left.updatedAt) + 1000).toISOString();
    while ((await store.write((repo) => repo.records.deleteClosedBefore('demo', cutOff, 500))) === 500);
    assert.equal(await store.read((repo) => repo.records.get('demo', left.id)), undefined);
    assert.equal((await store.read((repo) => repo.records.get('demo', inside.id)))?.state, 'inside');
    assert.equal((await store.read((repo) => repo.records.get('demo', card.id)))?.state, 'issued');
  });
}
