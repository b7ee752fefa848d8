/**
 * Lobby records on the device (src/domain/lobby): the `records` store (v4). Every write of a record — its
 * creation and each transition — goes in ONE strict-durability transaction with its outbox entry (op
 * `upsert-record`) and the device's next `seq` from `meta.nextSeq`, shared with visits, so the hub sees one
 * unbroken sequence per device. A transition reads, checks (with the domain's pure function) and writes in that
 * same transaction: two desks, two tabs or a double tap cannot both collect one parcel — the second caller gets
 * the domain's refusal (e.g. `parcel-already-collected`).
 *
 * Rows the hub sent (a hub-linked desk) are written by `putFromHub` WITHOUT outbox entries, replacing a stored
 * row only when newer (`isNewerRecord`). Every write posts `{ kind: 'write' }` (or `external`) on
 * `BroadcastChannel('vk-storage:' + dbName)`: the desk refreshes and the pusher wakes.
 */
import { KioskError } from '../domain/errors.js';
import { isNewerRecord, type LobbyRecord, type RecordKind } from '../domain/lobby/record.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../domain/uuid.js';
import { lobbyRecordSchema, type RecordOutboxEntry } from '../schemas/lobby.js';
import { kioskMetaSchemas } from '../schemas/visit.js';
import { CHANNEL_PREFIX, type StorageMessage } from './day-cache.js';
import { DB_NAME, kioskTransaction, withKioskDb } from './db.js';
import { FIRST_SEQ, STRICT, checkedRow, commit, commitNow, parseRows, type ReadResult } from './tx.js';

/** A fresh UUIDv7 for a new record (the domain builds records from an id it is given). */
export const newRecordId = (now: Date): string => uuidv7(now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));

/** Whether a stored raw row is newer than `incoming` by the merge rule (a row that fails its schema never wins). */
function storedWins(incoming: LobbyRecord, raw: unknown): boolean {
  const stored = lobbyRecordSchema.safeParse(raw);
  if (!stored.success) return false;
  return !isNewerRecord(incoming, { historyLen: stored.data.history.length, updatedAt: stored.data.updatedAt });
}

function announce(dbName: string, message: StorageMessage): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(CHANNEL_PREFIX + dbName);
  channel.postMessage(message);
  channel.close();
}

const checked = (record: LobbyRecord): LobbyRecord => checkedRow(lobbyRecordSchema, record, 'records', record.id) as LobbyRecord;

/**
 * The device's lobby records. Stateless apart from the database name, like `VisitStore`.
 */
export class RecordStore {
  constructor(readonly dbName: string = DB_NAME) {}

  /**
   * Stores a new record built by `build(deviceId)` — the device id is read (or created, the first time) inside
   * the transaction — with its outbox entry. Resolves once it is on disk. `storage-row-invalid` when the built
   * record fails its schema (nothing written).
   */
  async create<R extends LobbyRecord<object>>(build: (deviceId: string) => R, now: Date = new Date()): Promise<R> {
    const tx = await kioskTransaction(this.dbName, ['records', 'outbox', 'meta'], 'readwrite', STRICT);
    let seq = 0;
    const record = await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const [rawDevice, rawSeq] = await Promise.all([meta.get('deviceId'), meta.get('nextSeq')]);
      const device = rawDevice === undefined ? undefined : kioskMetaSchemas.deviceId.safeParse(rawDevice);
      const next = rawSeq === undefined ? undefined : kioskMetaSchemas.nextSeq.safeParse(rawSeq);
      if ((device && !device.success) || (next && !next.success)) throw new KioskError('storage-row-invalid', { store: 'meta' });
      const deviceId = device?.data ?? newRecordId(now);
      seq = next?.data ?? FIRST_SEQ;
      const row = checked(build(deviceId) as unknown as LobbyRecord) as unknown as R;
      const entry: RecordOutboxEntry = { seq, recordId: row.id, op: 'upsert-record', enqueuedAt: now.toISOString() };
      const writes: Promise<unknown>[] = [meta.put(seq + 1, 'nextSeq'), tx.objectStore('records').add(row as unknown as LobbyRecord), tx.objectStore('outbox').add(entry)];
      if (device === undefined) writes.push(meta.put(deviceId, 'deviceId'));
      await commitNow(tx, writes);
      return row;
    });
    announce(this.dbName, { kind: 'write', seq });
    return record;
  }

  /**
   * Reads record `id`, applies `move` (a pure domain function, e.g. `collectParcel`) and writes the result with
   * its outbox entry, all in one strict transaction. `move` may throw a `KioskError` (a refused transition):
   * nothing is written and the error passes through. `not-found` is `storage-row-invalid` `{ missing: true }`.
   */
  async update<R extends LobbyRecord<object>>(id: string, move: (record: R) => R, now: Date = new Date()): Promise<R> {
    const tx = await kioskTransaction(this.dbName, ['records', 'outbox', 'meta'], 'readwrite', STRICT);
    let seq = 0;
    const record = await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const [raw, rawSeq] = await Promise.all([tx.objectStore('records').get(id), meta.get('nextSeq')]);
      if (raw === undefined) throw new KioskError('storage-row-invalid', { store: 'records', key: id, missing: true });
      const current = checkedRow(lobbyRecordSchema, raw, 'records', id) as unknown as R;
      const next = rawSeq === undefined ? undefined : kioskMetaSchemas.nextSeq.safeParse(rawSeq);
      if (next && !next.success) throw new KioskError('storage-row-invalid', { store: 'meta' });
      seq = next?.data ?? FIRST_SEQ;
      const after = checked(move(current) as unknown as LobbyRecord) as unknown as R;
      const entry: RecordOutboxEntry = { seq, recordId: id, op: 'upsert-record', enqueuedAt: now.toISOString() };
      await commitNow(tx, [meta.put(seq + 1, 'nextSeq'), tx.objectStore('records').put(after as unknown as LobbyRecord), tx.objectStore('outbox').add(entry)]);
      return after;
    });
    announce(this.dbName, { kind: 'write', seq });
    return record;
  }

  /** Record `id`, or undefined. `storage-row-invalid` when the stored row fails its schema. */
  async get(id: string): Promise<LobbyRecord | undefined> {
    const raw: unknown = await withKioskDb(this.dbName, (db) => db.get('records', id));
    return raw === undefined ? undefined : (checkedRow(lobbyRecordSchema, raw, 'records', id) as LobbyRecord);
  }

  /** Records of `kind` in any of `states` (e.g. the open ones), one index read per state. Bad rows reported apart. */
  async byState(kind: RecordKind, states: readonly string[]): Promise<ReadResult<LobbyRecord>> {
    const rows = await withKioskDb(this.dbName, (db) => Promise.all(states.map((s) => db.getAllFromIndex('records', 'by-kind-state', [kind, s]))));
    return parseRows(rows.flat() as unknown[], lobbyRecordSchema, 'id') as ReadResult<LobbyRecord>;
  }

  /** Records of `kind` made on the site's local days `from`…`to` (YYYY-MM-DD, inclusive). */
  async byDays(kind: RecordKind, from: string, to: string): Promise<ReadResult<LobbyRecord>> {
    const rows: unknown[] = await withKioskDb(this.dbName, (db) => db.getAllFromIndex('records', 'by-kind-day', IDBKeyRange.bound([kind, from], [kind, to])));
    return parseRows(rows, lobbyRecordSchema, 'id') as ReadResult<LobbyRecord>;
  }

  /**
   * Writes records the hub sent, without outbox entries; a stored row is replaced only by a newer one, so a
   * local change not yet pushed is not undone by an older event. Returns how many rows changed.
   */
  async putFromHub(incoming: readonly LobbyRecord<object>[]): Promise<number> {
    if (incoming.length === 0) return 0;
    const rows = incoming.map((r) => checked(r as LobbyRecord));
    const tx = await kioskTransaction(this.dbName, ['records'], 'readwrite', STRICT);
    const changed = await commit(tx, async () => {
      const store = tx.objectStore('records');
      const stored: unknown[] = await Promise.all(rows.map((r) => store.get(r.id)));
      const writes = rows.filter((r, i) => stored[i] === undefined || !storedWins(r, stored[i])).map((r) => store.put(r));
      await Promise.all(writes);
      return writes.length;
    });
    if (changed > 0) announce(this.dbName, { kind: 'external' });
    return changed;
  }
}
