import type { IDBPObjectStore, StoreNames } from 'idb';
import type { UseRecorder } from '../invite/uses.js';
import { useRecordSchema, type UseRecord } from '../schemas/visit.js';
import { DB_NAME, kioskTransaction, withKioskDb, type KioskDB } from './db.js';
import { STRICT, checkedRow, commit } from './tx.js';

/** The `uses` store inside any readwrite transaction that includes it. */
export type UsesStore<Names extends ArrayLike<StoreNames<KioskDB>>> = IDBPObjectStore<KioskDB, Names, 'uses', 'readwrite'>;

/** The stored use record of `jti`, parsed; a bad row stops the caller rather than being overwritten. */
function parseUse(raw: unknown, jti: string): UseRecord | undefined {
  return raw === undefined ? undefined : checkedRow(useRecordSchema, raw, 'uses', jti);
}

/** How many uses of `jti` the `uses` store in the caller's transaction holds. */
export async function useCountIn<Names extends ArrayLike<StoreNames<KioskDB>>>(uses: UsesStore<Names>, jti: string): Promise<number> {
  return parseUse(await uses.get(jti), jti)?.count ?? 0;
}

/**
 * Writes `count` uses of `jti`, the last at `at`, inside the caller's transaction. Reading the count with
 * `useCountIn` and writing it back in ONE readwrite transaction is what makes "count, decide, add one"
 * atomic: readwrite transactions over `uses` run one after another, in this page and across tabs.
 */
export async function putUseIn<Names extends ArrayLike<StoreNames<KioskDB>>>(uses: UsesStore<Names>, jti: string, count: number, at: string): Promise<void> {
  await uses.put(checkedRow(useRecordSchema, { jti, count, lastAt: at } satisfies UseRecord, 'uses', jti));
}

/**
 * The local record of uses (`UseRecorder` of src/invite) on IndexedDB: how often this device admitted each
 * invitation or pass. `verifyToken` calls `count` to refuse a used-up token early; the authoritative check
 * and the increment happen in `VisitStore.admitWithToken`, in the same transaction as the visit, so
 * pass `consume: false` (the default) to `verifyToken` when admitting through the store — else a use is
 * counted twice. `record` stands alone for callers that admit without a visit record.
 * Failures reject with `KioskError` (`storage-failed`, `storage-quota`, `storage-row-invalid` for a bad
 * stored row, which is left as it is); `verifyToken` turns any of them into a `storage-failed` result.
 */
export class IdbUseRecorder implements UseRecorder {
  constructor(readonly dbName: string = DB_NAME) {}

  /** How many uses of `jti` this device has recorded (0 when none). */
  async count(jti: string): Promise<number> {
    const raw: unknown = await withKioskDb(this.dbName, (db) => db.get('uses', jti));
    return parseUse(raw, jti)?.count ?? 0;
  }

  /** Records one use of `jti` at `at`, in one strict transaction (resolves once it is on disk). */
  async record(jti: string, at: Date): Promise<void> {
    const tx = await kioskTransaction(this.dbName, ['uses'], 'readwrite', STRICT);
    await commit(tx, async () => {
      const uses = tx.objectStore('uses');
      await putUseIn(uses, jti, (await useCountIn(uses, jti)) + 1, at.toISOString());
    });
  }
}
