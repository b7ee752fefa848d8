import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { KioskError } from '../domain/errors.js';
import { localDayKey } from '../domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../domain/uuid.js';
import { transition, type FeedbackRating, type InvitationRef, type StatusChange, type Visit, type VisitDraft, type VisitFeedback, type VisitStatus } from '../domain/visit.js';
import { kioskMetaSchemas, outboxEntrySchema, visitSchema, type OutboxEntry } from '../schemas/visit.js';
import { DB_NAME, kioskTransaction, withKioskDb, type KioskDB, type KioskDatabase, type MetaKey } from './db.js';
import { STRICT, checkedRow, commit, parseRows, type ReadResult } from './tx.js';
import { putUseIn, useCountIn } from './uses.js';

/** The first sequence number a device hands out. */
const FIRST_SEQ = 1;

/**
 * The status that means "on site" (the domain's `isOnSite`): checked in, not yet out. A visitor who left a
 * message for an absent host is not counted, as the domain decides.
 */
const ON_SITE: VisitStatus = 'checked-in';

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

/** The verified token a visitor is admitted with: what `verifyToken` returned, reduced to what storage needs. */
export interface AdmitToken extends InvitationRef {
  /**
   * Uses this device may grant: 1 for an invitation, the pass's `n`, or `undefined` for a pass without a
   * limit. Counted against `jti` in the `uses` store.
   */
  maxUses?: number;
}

/**
 * The context of an admission by token: the site's frame as for `register`, plus the token. `source` and
 * `status` are not taken — an admitted visit is always `kiosk-invitation` and `checked-in`.
 */
export interface AdmitContext extends Omit<RegisterContext, 'source' | 'status'> {
  token: AdmitToken;
}

/** The satisfaction answer as the check-out screen collects it; storage adds the time. */
export type FeedbackInput = { rating: FeedbackRating; reason?: string };

/** Parses a visit we are about to write; a failure is a bug upstream and must not reach the disk. */
const checkedVisit = (candidate: Visit): Visit => checkedRow(visitSchema, candidate, 'visits', candidate.id);

/** The form's part of a new visit, field by field: anything else a draft smuggles in is left behind. */
function fromDraft(draft: VisitDraft): VisitDraft {
  return {
    lang: draft.lang,
    visitor: draft.visitor,
    visitorType: draft.visitorType,
    purpose: draft.purpose,
    host: draft.host,
    hasAppointment: draft.hasAppointment,
    identity: draft.identity,
    consent: draft.consent,
    ...(draft.message === undefined ? {} : { message: draft.message }),
  };
}

type WriteStores = ['visits', 'outbox', 'meta'];
type WriteTx = IDBPTransaction<KioskDB, WriteStores, 'readwrite'>;
type AdmitStores = ['visits', 'outbox', 'meta', 'uses'];
type AdmitTx = IDBPTransaction<KioskDB, AdmitStores, 'readwrite'>;
type MetaStore<Names extends ArrayLike<StoreNames<KioskDB>>> = IDBPObjectStore<KioskDB, Names, 'meta', 'readwrite'>;

/** Reads a metadata value; a value that fails its schema stops the write rather than being overwritten. */
async function readMeta<K extends MetaKey, Names extends ArrayLike<StoreNames<KioskDB>>>(meta: MetaStore<Names>, key: K): Promise<(typeof kioskMetaSchemas)[K]['_zod']['output'] | undefined> {
  const raw = await meta.get(key);
  if (raw === undefined) return undefined;
  const parsed = kioskMetaSchemas[key].safeParse(raw);
  if (!parsed.success) throw new KioskError('storage-row-invalid', { store: 'meta', key });
  return parsed.data as (typeof kioskMetaSchemas)[K]['_zod']['output'];
}

/** This device's id, created on first use inside the caller's transaction. */
async function deviceIdIn<Names extends ArrayLike<StoreNames<KioskDB>>>(meta: MetaStore<Names>, now: Date): Promise<string> {
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
async function nextSeqIn<Names extends ArrayLike<StoreNames<KioskDB>>>(meta: MetaStore<Names>): Promise<number> {
  const seq = (await readMeta(meta, 'nextSeq')) ?? FIRST_SEQ;
  await meta.put(seq + 1, 'nextSeq');
  return seq;
}

/** The stores a new visit is written to, inside one readwrite transaction over (at least) them. */
interface WriteStoresIn<Names extends ArrayLike<StoreNames<KioskDB>>> {
  visits: IDBPObjectStore<KioskDB, Names, 'visits', 'readwrite'>;
  outbox: IDBPObjectStore<KioskDB, Names, 'outbox', 'readwrite'>;
  meta: MetaStore<Names>;
}

/** The three stores of `tx` that a visit write touches. */
const writeStoresOf = <Names extends WriteStores | AdmitStores>(tx: IDBPTransaction<KioskDB, Names, 'readwrite'>): WriteStoresIn<Names> => ({
  visits: tx.objectStore('visits'),
  outbox: tx.objectStore('outbox'),
  meta: tx.objectStore('meta'),
});

/** What differs between the ways a visit comes into being. */
interface NewVisitFacts {
  history: StatusChange[];
  source: Visit['source'];
  invitation?: InvitationRef;
}

/**
 * Builds, checks and adds a new visit and its outbox entry inside the caller's transaction, allocating the
 * device id (first time only) and the sequence number there. The status is the last step of `history`.
 */
async function addVisitIn<Names extends ArrayLike<StoreNames<KioskDB>>>(stores: WriteStoresIn<Names>, draft: VisitDraft, ctx: Omit<RegisterContext, 'source' | 'status'>, facts: NewVisitFacts): Promise<Visit> {
  const at = ctx.now.toISOString();
  const id = uuidv7(ctx.now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
  const deviceId = await deviceIdIn(stores.meta, ctx.now);
  const seq = await nextSeqIn(stores.meta);
  const last = facts.history[facts.history.length - 1];
  const visit = checkedVisit({
    id,
    siteId: ctx.siteId,
    deviceId,
    seq,
    dayKey: localDayKey(ctx.now, ctx.timeZone),
    createdAt: at,
    updatedAt: at,
    status: last?.status ?? 'registered',
    history: facts.history,
    source: facts.source,
    ...fromDraft(draft),
    ...(facts.invitation === undefined ? {} : { invitation: facts.invitation }),
  });
  const entry: OutboxEntry = { seq, visitId: id, op: 'upsert-visit', enqueuedAt: at };
  // `add`, not `put`: an existing id or seq means something is badly wrong, and overwriting would hide it.
  await Promise.all([stores.visits.add(visit), stores.outbox.add(entry)]);
  return visit;
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
    const history: StatusChange[] = ctx.status === 'host-absent' ? [{ status: 'registered', at }, { status: 'host-absent', at }] : [{ status: 'registered', at }];
    const tx: WriteTx = await kioskTransaction(this.dbName, ['visits', 'outbox', 'meta'], 'readwrite', STRICT);
    return commit(tx, () => addVisitIn(writeStoresOf(tx), draft, ctx, { history, source: ctx.source ?? 'kiosk-walk-in' }));
  }

  /**
   * Admits a visitor with a verified invitation or pass: in ONE strict transaction over `visits`, `outbox`,
   * `meta` and `uses` it re-reads how often this device has used `ctx.token.jti`, refuses with
   * `KioskError('invite-used-up')` when that reaches `maxUses`, and otherwise counts the use and stores the
   * visit — `checked-in` at once (history `registered` → `checked-in` at the same instant), `source:
   * 'kiosk-invitation'`, `invitation: { jti, kind }` — with its outbox entry. Because the count is read
   * inside the writing transaction (readwrite transactions over `uses` run one at a time, across tabs too),
   * two taps or two tabs can never admit a single-use invitation twice. The visitor's name may be empty.
   * Rejects as `register` does, and with `RangeError` for a `maxUses` that is not a positive integer;
   * on any rejection nothing was written and no use was counted.
   */
  async admitWithToken(draft: VisitDraft, ctx: AdmitContext): Promise<Visit> {
    const { jti, kind, maxUses } = ctx.token;
    if (maxUses !== undefined && !(Number.isInteger(maxUses) && maxUses >= 1)) throw new RangeError('admitWithToken: maxUses must be a positive integer or undefined');
    const at = ctx.now.toISOString();
    const tx: AdmitTx = await kioskTransaction(this.dbName, ['visits', 'outbox', 'meta', 'uses'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const uses = tx.objectStore('uses');
      const used = await useCountIn(uses, jti);
      if (maxUses !== undefined && used >= maxUses) throw new KioskError('invite-used-up', { kind, maxUses });
      const visit = await addVisitIn(writeStoresOf(tx), draft, ctx, {
        history: [
          { status: 'registered', at },
          { status: 'checked-in', at },
        ],
        source: 'kiosk-invitation',
        invitation: { jti, kind },
      });
      await putUseIn(uses, jti, used + 1, at);
      return visit;
    });
  }

  /**
   * Moves a visit along its life-cycle (`transition` from the domain) and queues the change for the hub,
   * in one strict transaction with its own sequence number. Rejects with the domain's `RangeError` for a
   * step the life-cycle forbids, `storage-failed` `{ name: 'NotFoundError' }` for an unknown id,
   * `storage-row-invalid` when the stored row fails its schema (it is left as it is); nothing is written then.
   */
  updateStatus(id: string, to: VisitStatus, at: Date): Promise<Visit> {
    return this.change(id, at, (visit, when) => transition(visit, to, when));
  }

  /**
   * Checks a visit out (the badge scanned at the kiosk, or the desk's button): `updateStatus` to
   * `checked-out`, so only a `checked-in` or `host-absent` visit may leave — anything else (already out,
   * denied, never confirmed) rejects with the domain's `RangeError` and changes nothing. A visit that is not
   * on this device (a badge printed elsewhere) rejects with `storage-failed` `{ name: 'NotFoundError' }`.
   */
  checkOut(visitId: string, at: Date): Promise<Visit> {
    return this.updateStatus(visitId, 'checked-out', at);
  }

  /**
   * Records the visitor's answer to the satisfaction question (`feedback`, stamped `at`) and queues the
   * change, in one strict transaction with its own sequence number. The status is not touched; a later
   * answer replaces an earlier one. A blank reason is left out; a reason longer than `MAX_FEEDBACK_REASON`
   * rejects with `storage-row-invalid`, an unknown id as in `updateStatus`.
   */
  recordFeedback(visitId: string, feedback: FeedbackInput, at: Date): Promise<Visit> {
    return this.change(visitId, at, (visit, when) => {
      const reason = feedback.reason?.trim();
      const answer: VisitFeedback = { rating: feedback.rating, ...(reason ? { reason } : {}), at: when };
      return { ...visit, updatedAt: when, feedback: answer };
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

  /**
   * Visits on site now (checked in, not yet out), in creation order; bad rows reported apart. With
   * `dayKey` only those registered on that local day — without it, everyone still inside, including a
   * visitor who arrived before midnight (read from the `by-status` index).
   */
  async listOnSite(dayKey?: string): Promise<ReadResult<Visit>> {
    const rows: unknown[] = await this.read((db) =>
      dayKey === undefined ? db.getAllFromIndex('visits', 'by-status', ON_SITE) : db.getAllFromIndex('visits', 'by-day-status', [dayKey, ON_SITE]),
    );
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

  /**
   * Reads visit `id`, applies `apply` and writes the result with a new outbox entry, in one strict
   * transaction: the shared path of every change to an existing visit.
   */
  private async change(id: string, at: Date, apply: (visit: Visit, when: string) => Visit): Promise<Visit> {
    const when = at.toISOString();
    const tx: WriteTx = await kioskTransaction(this.dbName, ['visits', 'outbox', 'meta'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const visits = tx.objectStore('visits');
      const raw: unknown = await visits.get(id);
      if (raw === undefined) throw new KioskError('storage-failed', { name: 'NotFoundError', id });
      const next = checkedVisit(apply(checkedRow(visitSchema, raw, 'visits', id), when));
      const seq = await nextSeqIn(tx.objectStore('meta'));
      const entry: OutboxEntry = { seq, visitId: id, op: 'upsert-visit', enqueuedAt: when };
      await Promise.all([visits.put(next), tx.objectStore('outbox').add(entry)]);
      return next;
    });
  }

  /** Runs a one-shot read on the shared connection, with `withKioskDb`'s retry and error mapping. */
  private read<T>(op: (db: KioskDatabase) => Promise<T>): Promise<T> {
    return withKioskDb(this.dbName, op);
  }
}
