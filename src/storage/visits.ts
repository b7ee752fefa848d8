import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { KioskError } from '../domain/errors.js';
import { localDayKey } from '../domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../domain/uuid.js';
import { transition, type FeedbackRating, type InvitationRef, type StatusChange, type Visit, type VisitDenial, type VisitDraft, type VisitFeedback, type VisitStatus } from '../domain/visit.js';
import { kioskMetaSchemas, outboxEntrySchema, visitSchema, type OutboxEntry } from '../schemas/visit.js';
import { DB_NAME, kioskTransaction, withKioskDb, type KioskDB, type KioskDatabase, type MetaKey } from './db.js';
import { noteVisitWrite, readDay } from './day-cache.js';
import { FIRST_SEQ, STRICT, checkedRow, commit, commitNow, parseRows, type ReadResult } from './tx.js';
import { putUseIn, useCountIn } from './uses.js';

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
    ...(draft.carriedItems === undefined ? {} : { carriedItems: draft.carriedItems }),
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

/** Swallows a rejection for now: the promise is awaited later, but the caller may throw before it gets there. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * The next per-device sequence number, read inside the caller's transaction; `take` issues the write of
 * the one after it. Readwrite transactions over `meta` run one after another, so parallel writers never
 * share or skip a number, and an aborted write gives its number back. The read is issued at once and
 * awaited by the caller, so it can travel together with the transaction's other reads.
 */
async function nextSeqIn<Names extends ArrayLike<StoreNames<KioskDB>>>(meta: MetaStore<Names>): Promise<{ seq: number; take: () => Promise<unknown> }> {
  const seq = (await readMeta(meta, 'nextSeq')) ?? FIRST_SEQ;
  return { seq, take: () => meta.put(seq + 1, 'nextSeq') };
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

/** A new visit built and checked inside a transaction, its writes issued but not yet acknowledged. */
interface IssuedVisit {
  visit: Visit;
  /** The requests written: the visit, its outbox entry, `nextSeq` (and `deviceId` the first time). */
  writes: Promise<unknown>[];
}

/**
 * Builds, checks and adds a new visit and its outbox entry inside the caller's transaction, allocating the
 * device id (first time only) and the sequence number there. The status is the last step of `history`.
 * The two metadata reads go out together (one round trip, not two), and nothing that can throw runs once
 * the first write is issued: the caller may commit at once. Resolves when the writes are issued; the
 * caller awaits `writes` (after `commitNow`, or before issuing more writes).
 */
async function addVisitIn<Names extends ArrayLike<StoreNames<KioskDB>>>(stores: WriteStoresIn<Names>, draft: VisitDraft, ctx: Omit<RegisterContext, 'source' | 'status'>, facts: NewVisitFacts): Promise<IssuedVisit> {
  const at = ctx.now.toISOString();
  const id = uuidv7(ctx.now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
  const storedDevice = later(readMeta(stores.meta, 'deviceId'));
  const next = later(nextSeqIn(stores.meta));
  // Awaited in the order issued, so a bad device id is reported before a bad counter, as it always was.
  const stored = await storedDevice;
  const deviceId = stored ?? uuidv7(ctx.now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
  const { seq, take } = await next;
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
  const writes = [take(), stores.visits.add(visit), stores.outbox.add(entry)];
  if (stored === undefined) writes.push(stores.meta.put(deviceId, 'deviceId'));
  return { visit, writes };
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
    const visit = await commit(tx, async () => {
      const issued = await addVisitIn(writeStoresOf(tx), draft, ctx, { history, source: ctx.source ?? 'kiosk-walk-in' });
      await commitNow(tx, issued.writes);
      return issued.visit;
    });
    noteVisitWrite(this.dbName, tx.db, visit.seq, visit);
    return visit;
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
    const visit = await commit(tx, async () => {
      const uses = tx.objectStore('uses');
      const used = await useCountIn(uses, jti);
      if (maxUses !== undefined && used >= maxUses) throw new KioskError('invite-used-up', { kind, maxUses });
      const issued = await addVisitIn(writeStoresOf(tx), draft, ctx, {
        history: [
          { status: 'registered', at },
          { status: 'checked-in', at },
        ],
        source: 'kiosk-invitation',
        invitation: { jti, kind },
      });
      // No early commit here: `putUseIn` checks its row before writing, and a refusal must still roll the
      // visit back — so every result is awaited and the transaction commits by itself.
      await Promise.all([...issued.writes, putUseIn(uses, jti, used + 1, at)]);
      return issued.visit;
    });
    noteVisitWrite(this.dbName, tx.db, visit.seq, visit);
    return visit;
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
   * The desk's **Confirm check-in**: `updateStatus` to `checked-in` and, where a badge was handed out, its
   * number stored with the change (one transaction, one outbox entry). A blank number is left out; one
   * longer than `MAX_STORED_BADGE_NUMBER` rejects with `storage-row-invalid`; otherwise as `updateStatus`.
   */
  checkIn(id: string, at: Date, details: { badgeNumber?: string } = {}): Promise<Visit> {
    const badgeNumber = details.badgeNumber?.trim();
    return this.change(id, at, (visit, when) => {
      const moved = transition(visit, 'checked-in', when);
      return badgeNumber ? { ...moved, badgeNumber } : moved;
    });
  }

  /**
   * The desk's **Deny**: `updateStatus` to `denied` with the reason (and staff's words, trimmed; a blank note
   * is left out) stored with the change in one transaction. `other` without words, or a note longer than
   * `MAX_DENIAL_NOTE`, rejects with `storage-row-invalid` and changes nothing; otherwise as `updateStatus`.
   */
  deny(id: string, at: Date, denial: VisitDenial): Promise<Visit> {
    const note = denial.note?.trim();
    const record: VisitDenial = { reason: denial.reason, ...(note ? { note } : {}), staffId: denial.staffId };
    return this.change(id, at, (visit, when) => ({ ...transition(visit, 'denied', when), denial: record }));
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

  /**
   * Visits of one local day (`YYYY-MM-DD`, the site's date), in creation order; bad rows reported apart.
   * Served from this page's day cache (`day-cache.ts`) when nothing was written since it was filled — one
   * small read confirms that — so the rows are **frozen**: copy one before changing it.
   */
  listByDay(dayKey: string): Promise<ReadResult<Visit>> {
    // getAll on the index rather than a cursor: one round trip, ≈ 1.3× faster than iterating (TOOLCHAIN.md).
    return readDay(this.dbName, dayKey);
  }

  /** Visits of one local day in one status, in creation order; bad rows reported apart. Rows are frozen. */
  listByDayAndStatus(dayKey: string, status: VisitStatus): Promise<ReadResult<Visit>> {
    return readDay(this.dbName, dayKey, status);
  }

  /**
   * Visits on site now (checked in, not yet out), in creation order; bad rows reported apart. With
   * `dayKey` only those registered on that local day — without it, everyone still inside, including a
   * visitor who arrived before midnight (read from the `by-status` index).
   */
  async listOnSite(dayKey?: string): Promise<ReadResult<Visit>> {
    if (dayKey !== undefined) return readDay(this.dbName, dayKey, ON_SITE);
    const rows: unknown[] = await this.read((db) => db.getAllFromIndex('visits', 'by-status', ON_SITE));
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
    const { previous, next, seq } = await commit(tx, async () => {
      const visits = tx.objectStore('visits');
      // Both reads go out together; awaited in order, so an unknown id is reported before a bad counter.
      const stored = later(visits.get(id));
      const counter = later(nextSeqIn(tx.objectStore('meta')));
      const raw: unknown = await stored;
      if (raw === undefined) throw new KioskError('storage-failed', { name: 'NotFoundError', id });
      const before = checkedRow(visitSchema, raw, 'visits', id);
      const after = checkedVisit(apply(before, when));
      const { seq: taken, take } = await counter;
      const entry: OutboxEntry = { seq: taken, visitId: id, op: 'upsert-visit', enqueuedAt: when };
      await commitNow(tx, [take(), visits.put(after), tx.objectStore('outbox').add(entry)]);
      return { previous: before, next: after, seq: taken };
    });
    noteVisitWrite(this.dbName, tx.db, seq, next, previous.dayKey);
    return next;
  }

  /** Runs a one-shot read on the shared connection, with `withKioskDb`'s retry and error mapping. */
  private read<T>(op: (db: KioskDatabase) => Promise<T>): Promise<T> {
    return withKioskDb(this.dbName, op);
  }
}
