import { KioskError } from '../domain/errors.js';
import { kioskMetaSchemas, type PersistenceRecord } from '../schemas/visit.js';
import { DB_NAME, withKioskDb } from './db.js';

/** The part of `StorageManager` this module uses; `null` where the browser has none (insecure contexts). */
export type PersistenceManager = Pick<StorageManager, 'persist'> | null;

/** `navigator.storage`, which exists only in secure contexts: a tablet on `http://192.168.x.x` has none. */
const browserStorage = (): PersistenceManager => globalThis.navigator?.storage ?? null;

/**
 * Asks the browser not to evict the kiosk's data under storage pressure (without it, Chromium may
 * clear the whole origin — outbox included — when the disk fills), records the answer with its time in
 * `meta.persisted`, and returns whether it was granted. An unavailable or failing API counts as not
 * granted; the answer is still recorded so the desk can show that this device is at risk.
 */
export async function requestPersistence(dbName: string = DB_NAME, manager: PersistenceManager = browserStorage(), now: Date = new Date()): Promise<boolean> {
  let granted = false;
  if (manager && typeof manager.persist === 'function') {
    try {
      granted = await manager.persist();
    } catch {
      granted = false;
    }
  }
  const record: PersistenceRecord = { granted, at: now.toISOString() };
  await withKioskDb(dbName, async (db) => {
    const tx = db.transaction('meta', 'readwrite');
    await Promise.all([tx.store.put(record, 'persisted'), tx.done]);
  });
  return granted;
}

/**
 * What `requestPersistence` last recorded, or `undefined` if it never ran on this device. Rejects with
 * `storage-row-invalid` when the stored record fails its schema.
 */
export async function getPersistence(dbName: string = DB_NAME): Promise<PersistenceRecord | undefined> {
  const raw: unknown = await withKioskDb(dbName, (db) => db.get('meta', 'persisted'));
  if (raw === undefined) return undefined;
  const parsed = kioskMetaSchemas.persisted.safeParse(raw);
  if (!parsed.success) throw new KioskError('storage-row-invalid', { store: 'meta', key: 'persisted' });
  return parsed.data;
}
