import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../../src/domain/uuid.js';
import { DB_VERSION, IdbUseRecorder, VisitStore, deviceBadgeKey, openKioskDb } from '../../../src/storage/index.js';
import { randomId } from '../../../src/invite/keys.js';
import { HK, dropDb, makeDraft, makeInvitedDraft, rawRows, takeUnhandled, uniqueDbName } from './helpers.js';

const newId = (iso: string): string => uuidv7(Date.parse(iso), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
const DEVICE_ID = '019ab0f4-0000-7000-8000-000000000001';

/** Two visits exactly as a version-1 build wrote them (the v1 row shape, with no v2 field). */
function v1Visits() {
  const base = {
    siteId: 'demo',
    deviceId: DEVICE_ID,
    dayKey: '2026-11-23',
    source: 'kiosk-walk-in',
    lang: 'zh-Hant',
    visitor: { fullName: '陳大文', phone: '+85291234567', organisation: 'ABC Plumbing Ltd', partySize: 1 },
    visitorType: 'contractor',
    purpose: 'repair',
    host: { kind: 'free-text', label: '12B' },
    hasAppointment: false,
    identity: { method: 'sighted' },
    consent: { noticeVersion: 'hk-2026-11', kind: 'read', at: '2026-11-22T16:29:30.000Z' },
  };
  return [
    {
      ...base,
      id: newId('2026-11-22T16:30:00Z'),
      seq: 1,
      createdAt: '2026-11-22T16:30:00.000Z',
      updatedAt: '2026-11-22T16:35:00.000Z',
      status: 'checked-in',
      history: [
        { status: 'registered', at: '2026-11-22T16:30:00.000Z' },
        { status: 'checked-in', at: '2026-11-22T16:35:00.000Z' },
      ],
    },
    {
      ...base,
      id: newId('2026-11-22T16:40:00Z'),
      seq: 3,
      createdAt: '2026-11-22T16:40:00.000Z',
      updatedAt: '2026-11-22T16:40:00.000Z',
      status: 'registered',
      history: [{ status: 'registered', at: '2026-11-22T16:40:00.000Z' }],
      message: { text: '請回電', callbackPhone: '+85291234567' },
    },
  ];
}

/** Creates a version-1 database the way the version-1 build did, and fills it; written with idb alone. */
async function createV1(name: string) {
  const visits = v1Visits();
  const outbox = [
    { seq: 1, visitId: visits[0]?.id, op: 'upsert-visit', enqueuedAt: '2026-11-22T16:30:00.000Z' },
    { seq: 2, visitId: visits[0]?.id, op: 'upsert-visit', enqueuedAt: '2026-11-22T16:35:00.000Z' },
    { seq: 3, visitId: visits[1]?.id, op: 'upsert-visit', enqueuedAt: '2026-11-22T16:40:00.000Z' },
  ];
  const meta = { deviceId: DEVICE_ID, nextSeq: 4, persisted: { granted: true, at: '2026-11-22T08:00:00.000Z' } };
  const db = await openDB(name, 1, {
    upgrade(database) {
      const store = database.createObjectStore('visits', { keyPath: 'id' });
      store.createIndex('by-day', 'dayKey');
      store.createIndex('by-status', 'status');
      store.createIndex('by-day-status', ['dayKey', 'status']);
      database.createObjectStore('outbox', { keyPath: 'seq' });
      database.createObjectStore('meta');
    },
  });
  const tx = db.transaction(['visits', 'outbox', 'meta'], 'readwrite');
  for (const visit of visits) void tx.objectStore('visits').put(visit);
  for (const entry of outbox) void tx.objectStore('outbox').put(entry);
  for (const [key, value] of Object.entries(meta)) void tx.objectStore('meta').put(value, key);
  await tx.done;
  db.close();
  return { visits, outbox, meta };
}

describe('migration from version 1', () => {
  let name: string;

  beforeEach(() => {
    name = uniqueDbName();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('keeps every v1 row as it was and adds the uses and keys stores', async () => {
    const v1 = await createV1(name);

    const db = await openKioskDb(name);
    expect(db.version).to.equal(DB_VERSION);
    // v3 (the desk) and v4 (lobby records) add stores of their own only: see desk-migration.test.ts, records.test.ts.
    expect([...db.objectStoreNames].sort()).to.deep.equal(['alerts', 'desk-meta', 'expected', 'host-decisions', 'incidents', 'keys', 'meta', 'outbox', 'records', 'staff', 'tasks', 'tours', 'uses', 'visits', 'watchlist']);
    const tx = db.transaction(['visits', 'uses', 'keys']);
    expect([...tx.objectStore('visits').indexNames].sort()).to.deep.equal(['by-day', 'by-day-status', 'by-status']);
    expect(tx.objectStore('uses').keyPath).to.equal('jti');
    expect(tx.objectStore('keys').keyPath).to.equal('id');
    await tx.done;

    // Byte for byte (as structured clone sees it) what the v1 build wrote.
    expect(await rawRows(name, 'visits')).to.deep.equal(v1.visits);
    expect(await rawRows(name, 'outbox')).to.deep.equal(v1.outbox);
    expect(await rawRows(name, 'meta')).to.deep.equal([v1.meta.deviceId, v1.meta.nextSeq, v1.meta.persisted]);
    expect(await rawRows(name, 'uses')).to.deep.equal([]);
    expect(await rawRows(name, 'keys')).to.deep.equal([]);

    // The v1 rows still parse under the v2 schema and read as before.
    const store = new VisitStore(name);
    const day = await store.listByDay('2026-11-23');
    expect(day.invalid).to.deep.equal([]);
    expect(day.rows).to.deep.equal(v1.visits);
    expect((await store.pending()).rows).to.deep.equal(v1.outbox);
  });

  it('carries on from the v1 state: the same device, the next sequence number, the v1 visits moving on', async () => {
    const v1 = await createV1(name);
    const [inside, waiting] = v1.visits;
    if (!inside || !waiting) throw new Error('fixture');
    const store = new VisitStore(name);

    const walkIn = await store.register(makeDraft(), { ...HK, now: new Date('2026-11-22T17:00:00Z') });
    expect(walkIn.deviceId).to.equal(DEVICE_ID);
    expect(walkIn.seq).to.equal(4);
    const invited = await store.admitWithToken(makeInvitedDraft(), { ...HK, now: new Date('2026-11-22T17:05:00Z'), token: { jti: randomId(), kind: 'invitation', maxUses: 1 } });
    expect(invited.seq).to.equal(5);

    expect((await store.listOnSite()).rows.map((v) => v.id)).to.deep.equal([inside.id, invited.id]);
    const out = await store.checkOut(inside.id, new Date('2026-11-22T17:10:00Z'));
    expect(out.history.map((h) => h.status)).to.deep.equal(['registered', 'checked-in', 'checked-out']);
    const rated = await store.recordFeedback(inside.id, { rating: 'satisfied' }, new Date('2026-11-22T17:11:00Z'));
    expect(rated.feedback?.rating).to.equal('satisfied');
    expect((await store.get(waiting.id))?.message).to.deep.equal({ text: '請回電', callbackPhone: '+85291234567' });

    expect((await store.pending()).rows.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(await new IdbUseRecorder(name).count(invited.invitation?.jti ?? '')).to.equal(1);
    expect((await deviceBadgeKey(name)).privateKey.extractable).to.equal(false);
  });
});
