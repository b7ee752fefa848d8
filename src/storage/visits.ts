import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { KioskError } from '../domain/errors.js';
import { localDayKey } from '../domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../domain/uuid.js';
import { transition, type Visit, type VisitDraft, type VisitStatus } from '../domain/visit.js';
import { kioskMetaSchemas, outboxEntrySchema, visitSchema, type OutboxEntry } from '../schemas/visit.js';
import { DB_NAME, kioskTransaction, withKioskDb, type KioskDB, type KioskDatabase, type MetaKey } from './db.js';
import { toStorageError } from './errors.js';

/**
 * Every write that creates or changes a visit waits for the disk: the kiosk says "saved" only after
 * `tx.done`, and with the default (relaxed) durability Chromium may report done before the data is
 * flushed, so a power cut right after "saved" could lose the record.
 */
const STRICT: IDBTransactionOptions = { durability: 'strict' };

/** The first sequence number a device hands out. */
const FIRST_SEQ = 1;

/** A row that failed its schema: kept in the database, left out of the result, and reported here. */
export interface InvalidRow {
  /** The row's primary key (a visit id or an outbox seq): never personal data. */
  key: string;
  /** Where the row is wrong, e.g. `visitor.phone` — paths and zod issue codes only, never the values. */
  issues: string[];
}

/** Rows read back: those that parsed, and those that did not (which are not deleted). */
export interface ReadResult<T> {
  rows: T[];
  invalid: InvalidRow[];
}

/** Where a registration comes from and in which site's frame. */
export interface RegisterContext {
  siteId: string;
  /** The site's IANA zone: the day key follows the site's midnight. */
  timeZone: string;
  now: Date;
  /** Defaults to `kiosk-walk-in`. */
  source?: Visit['source'];
  /**
   * Where the new visit starts: `registered` (default), or `host-absent` when the visitor left a message
   * for a host who is away — one record, one transaction, its history showing both steps.
   */
  status?: 'registered' | 'host-absent';
}

type Issue = { path: readonly PropertyKey[]; code: string };

const describeIssues = (issues: readonly Issue[]): string[] =>
  issues.map((issue) => `${issue.path.map(String).join('.') || '(row)'}: ${issue.code}`);

const keyOf = (row: unknown, field: 'id' | 'seq'): string =>
  typeof row === 'object' && row !== null && field in row ? String((row as Record<string, unknown>)[field]) : '(unknown)';

/** Parses rows with `schema`, separating the ones that fail. */
function parseRows<T>(rows: readonly unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } } }, key: 'id' | 'seq'): ReadResult<T> {
  const result: ReadResult<T> = { rows: [], invalid: [] };
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) result.rows.push(parsed.data);
    else result.invalid.push({ key: keyOf(row, key), issues: describeIssues(parsed.error.issues) });
  }
  return result;
}

/** Parses a row we are about to write; a failure is a bug upstream and must not reach the disk. */
function checkedVisit(candidate: Visit): Visit {
  const parsed = visitSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new KioskError('storage-row-invalid', { store: 'visits', issues: describeIssues(parsed.error.issues).join('; ') });
  }
  return parsed.data;
}

type WriteStores = ['visits', 'outbox', 'meta'];
type WriteTx = IDBPTransaction<KioskDB, WriteStores, 'readwrite'>;
type MetaStore = IDBPObjectStore<KioskDB, WriteStores, 'meta', 'readwrite'>;

/** Reads a metadata value; a value that fails its schema stops the write rather than being overwritten. */
async function readMeta<K extends MetaKey>(meta: MetaStore, key: K): Promise<(typeof kioskMetaSchemas)[K]['_zod']['output'] | undefined> {
  const raw = await meta.get(key);
  if (raw === undefined) return undefined;
  const parsed = kioskMetaSchemas[key].safeParse(raw);
  if (!parsed.success) throw new KioskError('storage-row-invalid', { store: 'meta', key });
  return parsed.data as (typeof kioskMetaSchemas)[K]['_zod']['output'];
}

/** This device's id, created on first use inside the caller's transaction. */
async function deviceIdIn(meta: MetaStore, now: Date): Promise<string> {
  const existing = await readMeta(meta, 'deviceId');
  if (existing !== undefined) return existing;
  const created = uuidv7(now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
  await meta.put(created, 'deviceId');
  return created;
}

/**
 * The next per-device sequence number, allocated inside the caller's transaction: readwrite transactions
 * over `meta` run one after another, so parallel writers never share or skip a number, and an aborted
 * write gives its number back.
 */
async function nextSeqIn(meta: MetaStore): Promise<number> {
  const seq = (await readMeta(meta, 'nextSeq')) ?? FIRST_SEQ;
  await meta.put(seq + 1, 'nextSeq');
  return seq;
}

/**
 * Runs `body` in `tx` and resolves only after the transaction has committed. On any failure the
 * transaction is aborted (nothing half-written) and IndexedDB's errors become `KioskError`s; errors that
 * are not IndexedDB's (a refused life-cycle step, a `KioskError`) pass through unchanged.
 */
async function commit<T, Names extends ArrayLike<StoreNames<KioskDB>>>(tx: IDBPTransaction<KioskDB, Names, 'readwrite'>, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborting: IndexedDB has rolled it back by itself.
    }
    // `done` rejects after an abort; it was observed here, so it must not surface as an unhandled rejection.
    tx.done.catch(() => undefined);
    if (error instanceof KioskError) throw error;
    if (error instanceof DOMException || tx.error) throw toStorageError(error, tx.error);
    throw error;
  }
}

/**
 * Visits and their outbox on this device. Stateless apart from the database name: several instances on
 * the same database (the kiosk and the desk in one page, two tabs) share one sequence without clashing.
 */
export class VisitStore {
  constructor(readonly dbName: string = DB_NAME) {}

  /**
   * Stores a new visit and its outbox entry in ONE strict-durability transaction, allocating the device id
   * (first time only) and the sequence number inside it. Resolves only once the data is on disk.
   * Rejects with `storage-quota`, `storage-failed` or `storage-row-invalid` (the draft built a bad row);
   * on any rejection nothing was written.
   */
  async register(draft: VisitDraft, ctx: RegisterContext): Promise<Visit> {
    const at = ctx.now.toISOString();
    const dayKey = localDayKey(ctx.now, ctx.timeZone);
    const id = uuidv7(ctx.now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
    const tx: WriteTx = await kioskTransaction(this.dbName, ['visits', 'outbox', 'meta'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const deviceId = await deviceIdIn(meta, ctx.now);
      const seq = await nextSeqIn(meta);
      const visit = checkedVisit({
        id,
        siteId: ctx.siteId,
        deviceId,
        seq,
        dayKey,
        createdAt: at,
        updatedAt: at,
        status: ctx.status ?? 'registered',
        history: ctx.status === 'host-absent' ? [{ status: 'registered', at }, { status: 'host-absent', at }] : [{ status: 'registered', at }],
        source: ctx.source ?? 'kiosk-walk-in',
        lang: draft.lang,
        visitor: draft.visitor,
        visitorType: draft.visitorType,
        purpose: draft.purpose,
        host: draft.host,
        hasAppointment: draft.hasAppointment,
        identity: draft.identity,
        consent: draft.consent,
        ...(draft.message === undefined ? {} : { message: draft.message }),
      });
      const entry: OutboxEntry = { seq, visitId: id, op: 'upsert-visit', enqueuedAt: at };
      // `add`, not `put`: an existing id or seq means something is badly wrong, and overwriting would hide it.
      await Promise.all([tx.objectStore('visits').add(visit), tx.objectStore('outbox').add(entry)]);
      return visit;
    });
  }

  /**
   * Moves a visit along its life-cycle (`transition` from the domain) and queues the change for the hub,
   * in one strict transaction with its own sequence number. Rejects with the domain's `RangeError` for a
   * step the life-cycle forbids, `storage-failed` `{ name: 'NotFoundError' }` for an unknown id,
   * `storage-row-invalid` when the stored row fails its schema (it is left as it is); nothing is written then.
   */
  async updateStatus(id: string, to: VisitStatus, at: Date): Promise<Visit> {
    const when = at.toISOString();
    const tx: WriteTx = await kioskTransaction(this.dbName, ['visits', 'outbox', 'meta'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const visits = tx.objectStore('visits');
      const raw: unknown = await visits.get(id);
      if (raw === undefined) throw new KioskError('storage-failed', { name: 'NotFoundError', id });
      const current = visitSchema.safeParse(raw);
      if (!current.success) throw new KioskError('storage-row-invalid', { store: 'visits', key: id, issues: describeIssues(current.error.issues).join('; ') });
      const next = checkedVisit(transition(current.data, to, when));
      const seq = await nextSeqIn(tx.objectStore('meta'));
      const entry: OutboxEntry = { seq, visitId: id, op: 'upsert-visit', enqueuedAt: when };
      await Promise.all([visits.put(next), tx.objectStore('outbox').add(entry)]);
      return next;
    });
  }

  /**
   * One visit, or `undefined` if there is none. Rejects with `storage-row-invalid` when the row is there
   * but fails its schema (the row stays; the desk can show that something needs attention).
   */
  async get(id: string): Promise<Visit | undefined> {
    const raw: unknown = await this.read((db) => db.get('visits', id));
    if (raw === undefined) return undefined;
    const parsed = parseRows([raw], visitSchema, 'id');
    const visit = parsed.rows[0];
    if (visit) return visit;
    throw new KioskError('storage-row-invalid', { store: 'visits', key: id, issues: parsed.invalid[0]?.issues.join('; ') ?? '' });
  }

  /** Visits of one local day (`YYYY-MM-DD`, the site's date), in creation order; bad rows reported apart. */
  async listByDay(dayKey: string): Promise<ReadResult<Visit>> {
    // getAllFromIndex rather than a cursor: one round trip, ≈ 1.3× faster than iterating (TOOLCHAIN.md).
    const rows: unknown[] = await this.read((db) => db.getAllFromIndex('visits', 'by-day', dayKey));
    return parseRows(rows, visitSchema, 'id');
  }

  /** Visits of one local day in one status, in creation order; bad rows reported apart. */
  async listByDayAndStatus(dayKey: string, status: VisitStatus): Promise<ReadResult<Visit>> {
    const rows: unknown[] = await this.read((db) => db.getAllFromIndex('visits', 'by-day-status', [dayKey, status]));
    return parseRows(rows, visitSchema, 'id');
  }

  /** How many visit rows a local day has (from the index: rows failing their schema are counted too). */
  countByDay(dayKey: string): Promise<number> {
    return this.read((db) => db.countFromIndex('visits', 'by-day', dayKey));
  }

  /** How many changes wait for the hub's acknowledgement. */
  pendingCount(): Promise<number> {
    return this.read((db) => db.count('outbox'));
  }

  /** The oldest `limit` outbox entries, in sequence order, for the sync layer to push; bad rows reported apart. */
  async pending(limit?: number): Promise<ReadResult<OutboxEntry>> {
    const rows: unknown[] = await this.read((db) => db.getAll('outbox', undefined, limit));
    return parseRows(rows, outboxEntrySchema, 'seq');
  }

  /**
   * Removes the outbox entries the hub acknowledged — only those; unknown seqs are ignored. One transaction:
   * either all the given entries go or none (a retried acknowledgement is harmless).
   */
  async acknowledge(seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    // Default durability: losing a deletion to a power cut only re-sends a change the hub ignores.
    const tx = await kioskTransaction(this.dbName, ['outbox'], 'readwrite');
    await commit(tx, async () => {
      const outbox = tx.objectStore('outbox');
      await Promise.all(seqs.map((seq) => outbox.delete(seq)));
    });
  }

  /** Runs a one-shot read on the shared connection, with `withKioskDb`'s retry and error mapping. */
  private read<T>(op: (db: KioskDatabase) => Promise<T>): Promise<T> {
    return withKioskDb(this.dbName, op);
  }
}
