import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { KioskError } from '../../../src/domain/errors.js';
import { getPersistence, openKioskDb, requestPersistence } from '../../../src/storage/index.js';
import { dropDb, rejectionOf, uniqueDbName } from './helpers.js';

describe('persistence', () => {
  let name: string;

  beforeEach(() => {
    name = uniqueDbName();
  });
  afterEach(() => dropDb(name));

  it('asks the browser, records its answer with the time, and returns it', async () => {
    expect(await getPersistence(name)).to.equal(undefined);
    const now = new Date('2026-11-22T16:30:00Z');
    const granted = await requestPersistence(name, navigator.storage, now);
    expect(granted).to.be.a('boolean');
    // The browser's own view after the request agrees with what was recorded.
    expect(granted).to.equal(await navigator.storage.persisted());
    expect(await getPersistence(name)).to.deep.equal({ granted, at: '2026-11-22T16:30:00.000Z' });
  });

  it('records "not granted" where the browser has no StorageManager (an insecure LAN page)', async () => {
    const granted = await requestPersistence(name, null, new Date('2026-11-22T16:31:00Z'));
    expect(granted).to.equal(false);
    expect(await getPersistence(name)).to.deep.equal({ granted: false, at: '2026-11-22T16:31:00.000Z' });
  });

  it('reports a corrupted record instead of trusting it', async () => {
    await openKioskDb(name);
    const db = await openDB(name);
    await db.put('meta', { granted: 'yes' }, 'persisted');
    db.close();
    const error = await rejectionOf(getPersistence(name));
    expect((error as KioskError).code).to.equal('storage-row-invalid');
  });
});
