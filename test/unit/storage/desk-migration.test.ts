import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../../src/domain/uuid.js';
import { jwkThumbprint, KID_LENGTH, randomId } from '../../../src/invite/keys.js';
import { DB_VERSION, DeskStore, IdbUseRecorder, VisitStore, deviceBadgeKey, openKioskDb } from '../../../src/storage/index.js';
import { MINUTE, T0, at, classC, makeStaff } from './desk-helpers.js';
import { HK, dropDb, makeDraft, rawRows, takeUnhandled, uniqueDbName } from './helpers.js';

const DEVICE_ID = '019ab0f4-0000-7000-8000-000000000002';
const newId = (iso: string): string => uuidv7(Date.parse(iso), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
const V2_STORES = ['keys', 'meta', 'outbox', 'uses', 'visits'];
const DESK_STORES = ['alerts', 'desk-meta', 'expected', 'host-decisions', 'incidents', 'staff', 'tasks', 'tours', 'watchlist'];

/** Creates a version-2 database exactly as the version-2 build's ladder did, and fills every store; idb alone. */
async function createV2(name: string) {
  const visitId = newId('2026-11-22T16:30:00Z');
  const visit = {
    id: visitId,
    siteId: 'demo',
    deviceId: DEVICE_ID,
    seq: 1,
    dayKey: '2026-11-23',
    createdAt: '2026-11-22T16:30:00.000Z',
    updatedAt: '2026-11-22T16:30:00.000Z',
    status: 'checked-in',
    history: [
      { status: 'registered', at: '2026-11-22T16:30:00.000Z' },
      { status: 'checked-in', at: '2026-11-22T16:30:00.000Z' },
    ],
    source: 'kiosk-invitation',
    lang: 'en',
    visitor: { fullName: '', phone: '', organisation: '', partySize: 1 },
    visitorType: 'media',
    purpose: 'media-interview',
    host: { kind: 'unit', id: 'unit-12b', label: '12B' },
    hasAppointment: true,
    identity: { method: 'sighted' },
    consent: { noticeVersion: 'hk-2026-11', kind: 'read', at: '2026-11-22T16:29:30.000Z' },
    invitation: { jti: randomId(), kind: 'invitation' },
    badgeNumber: 'V-0042',
  };
  const outbox = [{ seq: 1, visitId, op: 'upsert-visit', enqueuedAt: '2026-11-22T16:30:00.000Z' }];
  const uses = [{ jti: visit.invitation.jti, count: 1, lastAt: '2026-11-22T16:30:00.000Z' }];
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicJwk = { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x ?? '', y: jwk.y ?? '' };
  const kid = (await jwkThumbprint(publicJwk)).slice(0, KID_LENGTH);
  const key = { id: 'badge', kid, privateKey: pair.privateKey, publicJwk, createdAt: '2026-11-22T08:00:00.000Z' };

  const db = await openDB(name, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore('visits', { keyPath: 'id' });
        store.createIndex('by-day', 'dayKey');
        store.createIndex('by-status', 'status');
        store.createIndex('by-day-status', ['dayKey', 'status']);
        database.createObjectStore('outbox', { keyPath: 'seq' });
        database.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        database.createObjectStore('uses', { keyPath: 'jti' });
        database.createObjectStore('keys', { keyPath: 'id' });
      }
    },
  });
  const tx = db.transaction(V2_STORES, 'readwrite');
  void tx.objectStore('visits').put(visit);
  for (const entry of outbox) void tx.objectStore('outbox').put(entry);
  for (const use of uses) void tx.objectStore('uses').put(use);
  void tx.objectStore('keys').put(key);
  void tx.objectStore('meta').put(DEVICE_ID, 'deviceId');
  void tx.objectStore('meta').put(2, 'nextSeq');
  await tx.done;
  db.close();
  return { visit, outbox, uses, kid };
}

describe('migration from version 2 to the desk (version 3)', () => {
  let name: string;

  beforeEach(() => {
    name = uniqueDbName();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('adds the desk stores and indexes, leaving every v2 row as it was', async () => {
    const v2 = await createV2(name);
    const db = await openKioskDb(name);
    expect(db.version).to.equal(DB_VERSION);
    expect(DB_VERSION).to.equal(4);
    // v4 adds `records` (lobby records: records.test.ts).
    expect([...db.objectStoreNames].sort()).to.deep.equal([...V2_STORES, ...DESK_STORES, 'records'].sort());

    const tx = db.transaction(['alerts', 'incidents', 'staff', 'tasks', 'expected', 'host-decisions', 'tours', 'watchlist', 'desk-meta']);
    const indexes = (store: (typeof tx.objectStoreNames)[number]) => [...tx.objectStore(store).indexNames].sort();
    expect(tx.objectStore('alerts').keyPath).to.equal('id');
    expect(indexes('alerts')).to.deep.equal(['by-status', 'by-visit']);
    expect(tx.objectStore('alerts').index('by-visit').keyPath).to.equal('visitId');
    expect(indexes('incidents')).to.deep.equal(['by-alert']);
    expect(tx.objectStore('incidents').index('by-alert').unique).to.equal(true);
    expect(indexes('staff')).to.deep.equal(['by-site']);
    expect(indexes('tasks')).to.deep.equal(['by-status']);
    expect(indexes('expected')).to.deep.equal(['by-day']);
    expect(tx.objectStore('expected').index('by-day').keyPath).to.equal('dayKey');
    expect(tx.objectStore('host-decisions').keyPath).to.equal('visitId');
    expect(indexes('tours')).to.deep.equal(['by-status']);
    expect(tx.objectStore('watchlist').keyPath).to.equal('id');
    expect(tx.objectStore('desk-meta').keyPath).to.equal(null);
    await tx.done;

    expect(await rawRows(name, 'visits')).to.deep.equal([v2.visit]);
    expect(await rawRows(name, 'outbox')).to.deep.equal(v2.outbox);
    expect(await rawRows(name, 'uses')).to.deep.equal(v2.uses);
    expect(await rawRows(name, 'meta')).to.deep.equal([DEVICE_ID, 2]);
    for (const store of DESK_STORES) expect(await rawRows(name, store), store).to.deep.equal([]);
  });

  it('carries on from the v2 state and stores desk records beside it', async () => {
    const v2 = await createV2(name);
    const visits = new VisitStore(name);
    const desk = new DeskStore(name);

    // The kiosk's side goes on exactly where it was: same device, next sequence number, same badge key.
    expect((await visits.listByDay('2026-11-23')).rows).to.deep.equal([v2.visit]);
    const next = await visits.register(makeDraft(), { ...HK, now: T0 });
    expect(next.deviceId).to.equal(DEVICE_ID);
    expect(next.seq).to.equal(2);
    expect(await new IdbUseRecorder(name).count(v2.visit.invitation.jti)).to.equal(1);
    const badge = await deviceBadgeKey(name);
    expect(badge.kid).to.equal(v2.kid);
    expect(badge.privateKey.extractable).to.equal(false);

    // The desk's side works on the migrated database, against the v2 visit.
    const { alert } = await desk.raiseAlert(classC({ visitId: v2.visit.id }), T0);
    await desk.openIncident(alert.id, T0);
    await desk.acknowledge(alert.id, 'alice', at(MINUTE));
    await desk.putStaff(await makeStaff('alice', '1234'));
    expect((await desk.alertsForVisit(v2.visit.id)).rows.map((a) => a.acknowledgedBy)).to.deep.equal(['alice']);
    expect((await desk.incidentForAlert(alert.id))?.acknowledgedAt).to.equal(at(MINUTE).toISOString());
    expect((await visits.pending()).rows.map((e) => e.seq)).to.deep.equal([1, 2]);
  });
});
