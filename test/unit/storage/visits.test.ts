import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { KioskError } from '../../../src/domain/errors.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../../src/domain/uuid.js';
import type { Visit } from '../../../src/domain/visit.js';
import { closeKioskDb, openKioskDb, VisitStore } from '../../../src/storage/index.js';
import { HK, HK_EVENING_UTC, dropDb, makeDraft, rejectionOf, takeUnhandled, uniqueDbName } from './helpers.js';

const at = (iso: string): Date => new Date(iso);
const newId = (ms: number): string => uuidv7(ms, crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));

/** Reads a store as it is on disk, bypassing VisitStore and its schema. */
async function rawAll(name: string, store: 'visits' | 'outbox' | 'meta'): Promise<unknown[]> {
  const db = await openDB(name);
  try {
    return await db.getAll(store);
  } finally {
    db.close();
  }
}
async function rawMeta(name: string, key: string): Promise<unknown> {
  const db = await openDB(name);
  try {
    return await db.get('meta', key);
  } finally {
    db.close();
  }
}

describe('VisitStore', () => {
  let name: string;
  let store: VisitStore;

  beforeEach(() => {
    name = uniqueDbName();
    store = new VisitStore(name);
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  describe('register', () => {
    it('stores the visit and its outbox entry, and resolves with the stored row', async () => {
      const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });

      expect(visit.status).to.equal('registered');
      expect(visit.history).to.deep.equal([{ status: 'registered', at: '2026-11-22T16:30:00.000Z' }]);
      expect(visit.createdAt).to.equal('2026-11-22T16:30:00.000Z');
      expect(visit.source).to.equal('kiosk-walk-in');
      expect(visit.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(visit.seq).to.equal(1);

      expect(await rawAll(name, 'visits')).to.deep.equal([visit]);
      expect(await rawAll(name, 'outbox')).to.deep.equal([{ seq: 1, visitId: visit.id, op: 'upsert-visit', enqueuedAt: visit.createdAt }]);
      expect(await rawMeta(name, 'deviceId')).to.equal(visit.deviceId);
      expect(await rawMeta(name, 'nextSeq')).to.equal(2);
      expect(await store.get(visit.id)).to.deep.equal(visit);
      expect(await store.pendingCount()).to.equal(1);
    });

    it('numbers visits 1, 2, 3 across two store instances and fresh connections, on one device id', async () => {
      const other = new VisitStore(name);
      const first = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      const second = await other.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      // A new connection (as after a reload) must continue the sequence from the database, not from memory.
      await closeKioskDb(name);
      const third = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC, source: 'desk' });

      expect([first.seq, second.seq, third.seq]).to.deep.equal([1, 2, 3]);
      expect(new Set([first.deviceId, second.deviceId, third.deviceId]).size).to.equal(1);
      expect(third.source).to.equal('desk');
      const pending = await other.pending();
      expect(pending.invalid).to.deep.equal([]);
      expect(pending.rows.map((e) => [e.seq, e.visitId])).to.deep.equal([
        [1, first.id],
        [2, second.id],
        [3, third.id],
      ]);
    });

    it('gives 20 parallel registrations 20 distinct sequence numbers with no gaps', async () => {
      const visits = await Promise.all(Array.from({ length: 20 }, () => store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC })));
      const seqs = visits.map((v) => v.seq).sort((a, b) => a - b);
      expect(seqs).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(visits.map((v) => v.id)).size).to.equal(20);
      expect(await store.pendingCount()).to.equal(20);
      expect(await rawMeta(name, 'nextSeq')).to.equal(21);
      const outbox = (await store.pending()).rows;
      expect(outbox.map((e) => e.seq)).to.deep.equal(seqs);
      // Each outbox entry points at the visit that took its number.
      for (const entry of outbox) expect(visits.find((v) => v.id === entry.visitId)?.seq).to.equal(entry.seq);
    });

    it('files a visit under the site’s local day, not the UTC day', async () => {
      const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      expect(visit.dayKey).to.equal('2026-11-23');

      const day = await store.listByDay('2026-11-23');
      expect(day.rows.map((v) => v.id)).to.deep.equal([visit.id]);
      expect(day.invalid).to.deep.equal([]);
      expect((await store.listByDay('2026-11-22')).rows).to.deep.equal([]);
      expect(await store.countByDay('2026-11-23')).to.equal(1);
      expect(await store.countByDay('2026-11-22')).to.equal(0);
    });

    it('lists a day in creation order and by status', async () => {
      const a = await store.register(makeDraft(), { ...HK, now: at('2026-11-23T01:00:00Z') });
      const b = await store.register(makeDraft(), { ...HK, now: at('2026-11-23T02:00:00Z') });
      const c = await store.register(makeDraft(), { ...HK, now: at('2026-11-23T03:00:00Z') });
      await store.register(makeDraft(), { ...HK, now: at('2026-11-24T03:00:00Z') });
      await store.updateStatus(b.id, 'checked-in', at('2026-11-23T02:05:00Z'));

      expect((await store.listByDay('2026-11-23')).rows.map((v) => v.id)).to.deep.equal([a.id, b.id, c.id]);
      expect((await store.listByDayAndStatus('2026-11-23', 'registered')).rows.map((v) => v.id)).to.deep.equal([a.id, c.id]);
      expect((await store.listByDayAndStatus('2026-11-23', 'checked-in')).rows.map((v) => v.id)).to.deep.equal([b.id]);
      expect((await store.listByDayAndStatus('2026-11-24', 'checked-in')).rows).to.deep.equal([]);
    });

    it('keeps a message for an absent host and omits it when there is none', async () => {
      const withMessage = await store.register(makeDraft({ message: { text: 'Please call me back', callbackPhone: '+85291234567' } }), { ...HK, now: HK_EVENING_UTC });
      const without = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      expect((await store.get(withMessage.id))?.message).to.deep.equal({ text: 'Please call me back', callbackPhone: '+85291234567' });
      expect(Object.keys((await rawAll(name, 'visits')).find((v) => (v as Visit).id === without.id) as object)).not.to.include('message');
    });

    it('refuses to write a row that fails the schema, and writes nothing at all', async () => {
      const error = await rejectionOf(store.register(makeDraft({ visitor: { fullName: 'Chan Tai Man', phone: '91234567', organisation: '', partySize: 1 } }), { ...HK, now: HK_EVENING_UTC }));
      expect(error).to.be.instanceOf(KioskError);
      expect((error as KioskError).code).to.equal('storage-row-invalid');
      expect(String((error as KioskError).details.issues)).to.contain('visitor.phone');
      // The details name where the row is wrong, never what was typed.
      expect(JSON.stringify((error as KioskError).details)).not.to.contain('91234567');

      expect(await rawAll(name, 'visits')).to.deep.equal([]);
      expect(await rawAll(name, 'outbox')).to.deep.equal([]);
      // The aborted transaction gave its sequence number (and its new device id) back.
      expect(await rawMeta(name, 'nextSeq')).to.equal(undefined);
      expect((await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC })).seq).to.equal(1);
    });

    it('refuses extra fields smuggled in through the draft', async () => {
      const draft = makeDraft({ identity: { method: 'recorded', documentType: 'hkid', last4: '4563', full: 'A1234563' } as unknown as Visit['identity'] });
      const error = await rejectionOf(store.register(draft, { ...HK, now: HK_EVENING_UTC }));
      expect((error as KioskError).code).to.equal('storage-row-invalid');
      expect(JSON.stringify((error as KioskError).details)).not.to.contain('A1234563');
      expect(await rawAll(name, 'visits')).to.deep.equal([]);
    });

    it('leaves nothing half-written when a write inside the transaction fails', async () => {
      // A real failure, not a stub: an outbox entry already holds the seq the next registration will take,
      // so the outbox `add` fails with a ConstraintError after the visit row was already put.
      await openKioskDb(name);
      await closeKioskDb(name);
      const db = await openDB(name);
      await db.put('outbox', { seq: 1, visitId: newId(Date.now()), op: 'upsert-visit', enqueuedAt: new Date().toISOString() });
      db.close();

      const error = await rejectionOf(store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC }));
      expect(error).to.be.instanceOf(KioskError);
      expect((error as KioskError).code).to.equal('storage-failed');
      expect((error as KioskError).details).to.deep.equal({ name: 'ConstraintError' });
      expect((error as KioskError).cause).to.be.instanceOf(DOMException);

      expect(await rawAll(name, 'visits')).to.deep.equal([]);
      expect(await rawMeta(name, 'nextSeq')).to.equal(undefined);
      expect(await rawMeta(name, 'deviceId')).to.equal(undefined);
      expect(await store.pendingCount()).to.equal(1);
    });
  });

  describe('updateStatus', () => {
    it('follows the life-cycle and queues each change with its own sequence number', async () => {
      const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      const inside = await store.updateStatus(visit.id, 'checked-in', at('2026-11-22T16:35:00Z'));
      const out = await store.updateStatus(visit.id, 'checked-out', at('2026-11-22T17:10:00Z'));

      expect(inside.status).to.equal('checked-in');
      expect(out.history).to.deep.equal([
        { status: 'registered', at: '2026-11-22T16:30:00.000Z' },
        { status: 'checked-in', at: '2026-11-22T16:35:00.000Z' },
        { status: 'checked-out', at: '2026-11-22T17:10:00.000Z' },
      ]);
      expect(out.updatedAt).to.equal('2026-11-22T17:10:00.000Z');
      // The visit keeps the number it was registered with; each change takes the next one for the outbox.
      expect(out.seq).to.equal(1);
      expect(await store.get(visit.id)).to.deep.equal(out);
      expect((await store.pending()).rows.map((e) => [e.seq, e.visitId, e.enqueuedAt])).to.deep.equal([
        [1, visit.id, '2026-11-22T16:30:00.000Z'],
        [2, visit.id, '2026-11-22T16:35:00.000Z'],
        [3, visit.id, '2026-11-22T17:10:00.000Z'],
      ]);
    });

    it('refuses a step the life-cycle forbids and changes nothing', async () => {
      const visit = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      await store.updateStatus(visit.id, 'checked-in', at('2026-11-22T16:35:00Z'));
      const before = await store.get(visit.id);

      const backwards = await rejectionOf(store.updateStatus(visit.id, 'registered', at('2026-11-22T16:40:00Z')));
      expect(backwards).to.be.instanceOf(RangeError);
      const denied = await rejectionOf(store.updateStatus(visit.id, 'denied', at('2026-11-22T16:40:00Z')));
      expect(denied).to.be.instanceOf(RangeError);

      expect(await store.get(visit.id)).to.deep.equal(before);
      expect(await store.pendingCount()).to.equal(2);
      expect(await rawMeta(name, 'nextSeq')).to.equal(3);
    });

    it('rejects an unknown visit with storage-failed NotFoundError', async () => {
      const id = newId(Date.now());
      const error = await rejectionOf(store.updateStatus(id, 'checked-in', HK_EVENING_UTC));
      expect((error as KioskError).code).to.equal('storage-failed');
      expect((error as KioskError).details.name).to.equal('NotFoundError');
      expect(await store.pendingCount()).to.equal(0);
    });
  });

  describe('acknowledge', () => {
    it('removes exactly the acknowledged outbox entries', async () => {
      for (let i = 0; i < 5; i++) await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      await store.acknowledge([2, 4, 99]);
      expect((await store.pending()).rows.map((e) => e.seq)).to.deep.equal([1, 3, 5]);
      expect(await store.pendingCount()).to.equal(3);
      // The visits themselves stay: only their queue entries go.
      expect(await store.countByDay('2026-11-23')).to.equal(5);
      await store.acknowledge([]);
      await store.acknowledge([1, 3, 5]);
      expect(await store.pendingCount()).to.equal(0);
      // Numbers are never reused after acknowledgement.
      expect((await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC })).seq).to.equal(6);
    });
  });

  describe('corrupted rows', () => {
    it('skips and reports a row that fails the schema, and never deletes it', async () => {
      const good = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      const badStatus = { ...good, id: newId(HK_EVENING_UTC.getTime() + 1), status: 'teleported' };
      const badPhone = { ...good, id: newId(HK_EVENING_UTC.getTime() + 2), visitor: { ...good.visitor, phone: '5550100' } };
      const db = await openDB(name);
      await db.put('visits', badStatus);
      await db.put('visits', badPhone);
      await db.put('outbox', { seq: 50, visitId: 'not-a-uuid', op: 'upsert-visit', enqueuedAt: 'yesterday' });
      db.close();

      const day = await store.listByDay('2026-11-23');
      expect(day.rows.map((v) => v.id)).to.deep.equal([good.id]);
      expect(day.invalid.map((r) => r.key)).to.have.members([badStatus.id, badPhone.id]);
      const phoneReport = day.invalid.find((r) => r.key === badPhone.id);
      expect(phoneReport?.issues.join(' ')).to.contain('visitor.phone');
      expect(JSON.stringify(day.invalid)).not.to.contain('5550100');
      expect(JSON.stringify(day.invalid)).not.to.contain('Chan Tai Man');

      const getError = await rejectionOf(store.get(badStatus.id));
      expect((getError as KioskError).code).to.equal('storage-row-invalid');
      expect((getError as KioskError).details.key).to.equal(badStatus.id);

      const updateError = await rejectionOf(store.updateStatus(badPhone.id, 'checked-in', HK_EVENING_UTC));
      expect((updateError as KioskError).code).to.equal('storage-row-invalid');

      const outbox = await store.pending();
      expect(outbox.rows.map((e) => e.seq)).to.deep.equal([1]);
      expect(outbox.invalid.map((r) => r.key)).to.deep.equal(['50']);

      // Everything is still on disk, untouched.
      const onDisk = (await rawAll(name, 'visits')) as Visit[];
      expect(onDisk.map((v) => v.id)).to.have.members([good.id, badStatus.id, badPhone.id]);
      expect(onDisk.find((v) => v.id === badPhone.id)).to.deep.equal(badPhone);
      expect(await store.countByDay('2026-11-23')).to.equal(3);
      expect(await store.pendingCount()).to.equal(2);
    });

    it('refuses to allocate from a corrupted sequence counter instead of overwriting it', async () => {
      await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
      const db = await openDB(name);
      await db.put('meta', 'seven', 'nextSeq');
      db.close();
      const error = await rejectionOf(store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC }));
      expect((error as KioskError).code).to.equal('storage-row-invalid');
      expect((error as KioskError).details).to.deep.equal({ store: 'meta', key: 'nextSeq' });
      expect(await rawMeta(name, 'nextSeq')).to.equal('seven');
      expect(await store.countByDay('2026-11-23')).to.equal(1);
    });
  });
});
