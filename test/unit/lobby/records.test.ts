import { expect } from '@open-wc/testing';
import { KioskError } from '../../../src/domain/errors.js';
import { collectParcel, receiveParcel, type ParcelRecord } from '../../../src/domain/lobby/parcel.js';
import { moveRecord } from '../../../src/domain/lobby/record.js';
import { RecordStore, SyncStore, VisitStore, newRecordId, openKioskDb } from '../../../src/storage/index.js';
import { HK, dropDb, makeDraft, rawRows, rejectionOf, takeUnhandled, uniqueDbName } from '../storage/helpers.js';

/** A 1×1 PNG: what a drawn signature is stored as (a data URL). */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const T0 = new Date('2026-11-20T02:00:00Z');

const receive = (store: RecordStore, unit = '12B', now = T0) =>
  store.create((deviceId) => receiveParcel({ id: newRecordId(now), siteId: HK.siteId, deviceId, timeZone: HK.timeZone, now, source: 'kiosk', notify: 'hub' }, { carrier: 'SF Express', unit, count: 2 }), now);

describe('RecordStore (lobby records on real IndexedDB)', () => {
  let name: string;
  beforeEach(() => {
    name = uniqueDbName();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('creates the v4 records store with its two indexes', async () => {
    const db = await openKioskDb(name);
    const tx = db.transaction('records');
    const records = tx.objectStore('records');
    expect(records.keyPath).to.equal('id');
    expect([...records.indexNames].sort()).to.deep.equal(['by-kind-day', 'by-kind-state']);
    expect(records.index('by-kind-state').keyPath).to.deep.equal(['kind', 'state']);
    await tx.done;
  });

  it('stores a parcel with an outbox entry that shares the visits’ sequence, and the outbox batch carries both', async () => {
    const visits = new VisitStore(name);
    const records = new RecordStore(name);
    const visit = await visits.register(makeDraft(), { ...HK, now: T0 });
    const parcel = await receive(records);
    expect(parcel.deviceId).to.equal(visit.deviceId);
    expect(parcel.state).to.equal('received');
    expect(parcel.dayKey).to.equal('2026-11-20');
    const outbox = (await rawRows(name, 'outbox')) as { seq: number; op: string }[];
    expect(outbox.map((e) => [e.seq, e.op])).to.deep.equal([
      [1, 'upsert-visit'],
      [2, 'upsert-record'],
    ]);
    const batch = await new SyncStore(name).outboxBatch(10);
    expect(batch.stuck).to.deep.equal([]);
    expect(batch.changes.map((c) => [c.seq, c.visit?.id ?? c.record?.id])).to.deep.equal([
      [1, visit.id],
      [2, parcel.id],
    ]);
  });

  it('collects a parcel once: a second collection is refused with who collected it and when, and writes nothing', async () => {
    const records = new RecordStore(name);
    const parcel = await receive(records);
    const at = new Date(T0.getTime() + 3 * 86_400_000);
    const collected = await records.update<ParcelRecord>(parcel.id, (r) => collectParcel(r, { collectorName: 'Chan Tai Man', onBehalfOf: '12B', signature: SIGNATURE, staffId: 'guard-1' }, at), at);
    expect(collected.state).to.equal('collected');
    expect(collected.data.collection?.onBehalfOf).to.equal('12B');
    const error = await rejectionOf(records.update<ParcelRecord>(parcel.id, (r) => collectParcel(r, { collectorName: 'Someone Else', signature: SIGNATURE, staffId: 'guard-2' }, at), at));
    expect(error).to.be.instanceOf(KioskError);
    expect((error as KioskError).code).to.equal('parcel-already-collected');
    expect((error as KioskError).details['by']).to.equal('Chan Tai Man');
    expect((error as KioskError).details['at']).to.equal(collected.data.collection?.at);
    expect(((await rawRows(name, 'outbox')) as unknown[]).length).to.equal(2);
  });

  it('refuses a collection without a signature (an empty pad) and stores nothing', async () => {
    const records = new RecordStore(name);
    const parcel = await receive(records);
    const error = await rejectionOf(records.update<ParcelRecord>(parcel.id, (r) => collectParcel(r, { collectorName: 'Chan', signature: '', staffId: 'g' }, T0), T0));
    expect((error as KioskError).code).to.equal('signature-required');
    expect((await records.get(parcel.id))?.state).to.equal('received');
  });

  it('lists open parcels by state and day, and two parallel collections from two store instances: exactly one wins', async () => {
    const a = new RecordStore(name);
    const b = new RecordStore(name);
    const p1 = await receive(a, '1A');
    await receive(a, '2B');
    const results = await Promise.allSettled([
      a.update<ParcelRecord>(p1.id, (r) => collectParcel(r, { collectorName: 'A', signature: SIGNATURE, staffId: 'g1' }, T0), T0),
      b.update<ParcelRecord>(p1.id, (r) => collectParcel(r, { collectorName: 'B', signature: SIGNATURE, staffId: 'g2' }, T0), T0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    expect((await a.byState('parcel', ['received', 'notified'])).rows.map((r) => r.data['unit'])).to.deep.equal(['2B']);
    expect((await a.byDays('parcel', '2026-11-20', '2026-11-20')).rows).to.have.length(2);
  });

  it('takes rows from the hub without outbox entries, only when newer by the merge rule', async () => {
    const records = new RecordStore(name);
    const parcel = await receive(records);
    const older = { ...parcel, data: { ...parcel.data, unit: 'OLD' } };
    expect(await records.putFromHub([older])).to.equal(0);
    const newer = moveRecord(parcel, 'notified', new Date(T0.getTime() + 1000), 'hub');
    expect(await records.putFromHub([newer])).to.equal(1);
    expect((await records.get(parcel.id))?.state).to.equal('notified');
    expect(((await rawRows(name, 'outbox')) as unknown[]).length).to.equal(1);
  });
});
