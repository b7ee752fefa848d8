import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { KioskError } from '../../../src/domain/errors.js';
import { DB_VERSION, VisitStore, closeKioskDb, openKioskDb, toStorageError } from '../../../src/storage/index.js';
import { HK, HK_EVENING_UTC, dropDb, makeDraft, rejectionOf, takeUnhandled, uniqueDbName, within } from './helpers.js';

/** Long enough for any real open on this machine, far shorter than an upgrade blocked for good. */
const NOT_BLOCKED_MS = 3000;

describe('openKioskDb', () => {
  let name: string;

  beforeEach(() => {
    name = uniqueDbName();
    takeUnhandled();
  });
  afterEach(async () => {
    await dropDb(name);
    expect(takeUnhandled(), 'unhandled promise rejections').to.deep.equal([]);
  });

  it('creates the current schema: stores, key paths and indexes', async () => {
    const db = await openKioskDb(name);
    expect(db.version).to.equal(DB_VERSION);
    expect(DB_VERSION).to.equal(4);
    // The desk's stores (v3) are checked in desk-migration.test.ts, the lobby records' (v4) in records.test.ts.
    expect([...db.objectStoreNames].sort()).to.deep.equal(['alerts', 'desk-meta', 'expected', 'host-decisions', 'incidents', 'keys', 'meta', 'outbox', 'records', 'staff', 'tasks', 'tours', 'uses', 'visits', 'watchlist']);
    const tx = db.transaction(['visits', 'outbox', 'meta', 'uses', 'keys']);
    const visits = tx.objectStore('visits');
    expect(visits.keyPath).to.equal('id');
    expect([...visits.indexNames].sort()).to.deep.equal(['by-day', 'by-day-status', 'by-status']);
    expect(visits.index('by-day').keyPath).to.equal('dayKey');
    expect(visits.index('by-status').keyPath).to.equal('status');
    expect(visits.index('by-day-status').keyPath).to.deep.equal(['dayKey', 'status']);
    expect(tx.objectStore('outbox').keyPath).to.equal('seq');
    expect(tx.objectStore('meta').keyPath).to.equal(null);
    expect(tx.objectStore('uses').keyPath).to.equal('jti');
    expect(tx.objectStore('keys').keyPath).to.equal('id');
    await tx.done;
  });

  it('hands out one cached connection, and a fresh one after close', async () => {
    const a = await openKioskDb(name);
    const b = await openKioskDb(name);
    expect(a).to.equal(b);
    await closeKioskDb(name);
    const c = await openKioskDb(name);
    expect(c).not.to.equal(a);
  });

  it('steps aside for a newer version opened elsewhere, then reopens afresh', async () => {
    const store = new VisitStore(name);
    await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });

    // Another tab (here: a second openDB in this page) upgrades the database while our connection is open.
    const newer = await within(
      openDB(name, DB_VERSION + 1, {
        upgrade(db) {
          db.createObjectStore('added-in-v2');
        },
      }),
      NOT_BLOCKED_MS,
      'the upgrade',
    );
    expect(newer.objectStoreNames.contains('added-in-v2')).to.equal(true);
    expect(await newer.count('outbox')).to.equal(1);
    newer.close();

    // Our old connection is gone: the next call opens afresh (it does not fail on a closed connection). This
    // build is older than the database now, so the fresh open says so and the page has to reload.
    const error = await rejectionOf(store.pendingCount());
    expect(error).to.be.instanceOf(KioskError);
    expect((error as KioskError).code).to.equal('storage-failed');
    expect((error as KioskError).details.name).to.equal('VersionError');
  });

  it('lets the database be deleted under it and recreates it on the next call', async () => {
    const store = new VisitStore(name);
    await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
    await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });

    // A deletion is a version change to nothing: our connection must not block it either.
    await within(
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
      NOT_BLOCKED_MS,
      'the deletion',
    );

    const again = await store.register(makeDraft(), { ...HK, now: HK_EVENING_UTC });
    expect(again.seq).to.equal(1);
    expect(await store.pendingCount()).to.equal(1);
  });

  it('rejects with storage-blocked when an older connection never closes, instead of hanging', async () => {
    // A connection with no versionchange handler (an old build, or another library) holds the upgrade back.
    const holder = await openDB(name, DB_VERSION);
    try {
      const error = await within(rejectionOf(openKioskDb(name, { version: DB_VERSION + 1, blockedTimeoutMs: 200 })), NOT_BLOCKED_MS, 'the blocked open');
      expect(error).to.be.instanceOf(KioskError);
      expect((error as KioskError).code).to.equal('storage-blocked');
    } finally {
      holder.close();
    }
    // The rejection is not cached: once the holder is gone the next call opens.
    const db = await within(openKioskDb(name, { version: DB_VERSION + 1 }), NOT_BLOCKED_MS, 'the open after the holder closed');
    expect(db.version).to.equal(DB_VERSION + 1);
  });
});

describe('toStorageError', () => {
  it('maps a QuotaExceededError from the request to storage-quota, keeping it as the cause', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const error = toStorageError(quota);
    expect(error.code).to.equal('storage-quota');
    expect(error.cause).to.equal(quota);
  });

  it('finds the quota error on the transaction when the request only saw an abort', () => {
    const abort = new DOMException('The transaction was aborted.', 'AbortError');
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const error = toStorageError(abort, quota);
    expect(error.code).to.equal('storage-quota');
    expect(error.cause).to.equal(quota);
  });

  it('maps anything else to storage-failed with the most specific name', () => {
    const abort = new DOMException('aborted', 'AbortError');
    const unknown = new DOMException('disk gone', 'UnknownError');
    expect(toStorageError(abort, unknown).details).to.deep.equal({ name: 'UnknownError' });
    expect(toStorageError(abort, unknown).cause).to.equal(unknown);
    expect(toStorageError(abort).details).to.deep.equal({ name: 'AbortError' });
    const constraint = new DOMException('exists', 'ConstraintError');
    expect(toStorageError(constraint, null).code).to.equal('storage-failed');
    expect(toStorageError(constraint, null).details).to.deep.equal({ name: 'ConstraintError' });
  });

  it('returns a KioskError unchanged', () => {
    const blocked = new KioskError('storage-blocked');
    expect(toStorageError(blocked)).to.equal(blocked);
  });
});
