/**
 * `GuardStore`: the guard's registers (src/domain/guard.ts) on this device — cards, goods-removal passes,
 * carried items, restricted-room entries, shift handovers and occurrences.
 *
 * Kept in a database of its own (`<dbName>-guard`, one store `records`) rather than as a new version of the
 * kiosk database: the lobby registers of issue 7 were built side by side, and two new versions of one
 * database made at the same time cannot both ship. Every record has the same small envelope (see the domain
 * module), so moving them into the shared lobby-record store is a mapping done in one place: this file.
 *
 * Like `DeskStore`: rows are parsed on the way in (a bad row is a bug: `storage-row-invalid`, nothing written)
 * and on the way out (bad rows are reported in `invalid`, never deleted); each decision is read and written
 * in ONE readwrite transaction so two desks or a double tap cannot both win (the second gets the domain's
 * refusal); writes use strict durability and resolve after the commit. Every write posts `{ type: 'changed' }`
 * on `BroadcastChannel('vk-desk:' + dbName)`, which the desk's panels listen to.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { KioskError } from '../domain/errors.js';
import {
  GUARD_LOOKBACK_DAYS,
  GuardError,
  MAX_GUARD_SHORT,
  MAX_GUARD_TEXT,
  PASS_CODE_LENGTH,
  acknowledgeHandover,
  cardToReturn,
  checkCardIssue,
  checkCarried,
  checkHandover,
  checkPassDates,
  checkRoomEntry,
  checkedInAt,
  decidePass,
  leaveRoom,
  markRaised,
  passByCode,
  passCode,
  returnCard,
  shiftDayKey,
  text,
  usePass,
  type CardKind,
  type CardRecord,
  type CarriedDecision,
  type CarriedItemsRecord,
  type GoodsPassRecord,
  type GuardRecord,
  type GuardRecordKind,
  type HandoverRecord,
  type OccurrenceCategory,
  type OccurrenceRecord,
  type PassRequester,
  type RoomEntryRecord,
} from '../domain/guard.js';
import type { StaffRole } from '../domain/desk.js';
import type { SiteConfig } from '../domain/site.js';
import { localDayKey } from '../domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../domain/uuid.js';
import type { Visit } from '../domain/visit.js';
import { guardRecordSchema } from '../schemas/guard.js';
import { toStorageError } from './errors.js';
import { STRICT, checkedRow, parseRows, type ReadResult } from './tx.js';

/** The guard database's version; raise it by one with a new `if (oldVersion < N)` step. */
export const GUARD_DB_VERSION = 1;

/** The guard's database beside the kiosk database `dbName`. */
export const guardDbName = (dbName: string): string => `${dbName}-guard`;

interface GuardDB extends DBSchema {
  records: {
    key: string;
    value: GuardRecord;
    indexes: { 'by-kind-day': [GuardRecordKind, string]; 'by-visit': string };
  };
}

type GuardTx = IDBPTransaction<GuardDB, ['records'], 'readwrite'>;

const connections = new Map<string, Promise<IDBPDatabase<GuardDB>>>();

function openGuardDb(name: string): Promise<IDBPDatabase<GuardDB>> {
  const cached = connections.get(name);
  if (cached) return cached;
  const opening = openDB<GuardDB>(name, GUARD_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const records = db.createObjectStore('records', { keyPath: 'id' });
        records.createIndex('by-kind-day', ['kind', 'dayKey']);
        // Cards and carried items made against a visit: one read finds them.
        records.createIndex('by-visit', 'visitId');
      }
    },
    blocking() {
      // A newer version wants in: step aside, the next call reopens.
      connections.delete(name);
      void opening.then((db) => db.close());
    },
    terminated() {
      connections.delete(name);
    },
  });
  connections.set(name, opening);
  opening.catch(() => connections.delete(name));
  return opening;
}

/** Closes and forgets the guard database beside `dbName` (tests, before deleting it). */
export async function closeGuardDb(dbName: string): Promise<void> {
  const name = guardDbName(dbName);
  const opening = connections.get(name);
  connections.delete(name);
  if (opening) (await opening.catch(() => undefined))?.close();
}

/** Runs `body` in one readwrite transaction and resolves after the commit; any throw aborts it (nothing half-written). */
async function write<T>(tx: GuardTx, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborting.
    }
    tx.done.catch(() => undefined);
    if (error instanceof GuardError || error instanceof KioskError || error instanceof RangeError) throw error;
    throw toStorageError(error, tx.error);
  }
}

const newId = (at: Date): string => uuidv7(at.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
const row = (record: GuardRecord): GuardRecord => checkedRow(guardRecordSchema, record, 'records', record.id);
const idOf = (raw: unknown): string => (typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(unknown)');

/** The signed-in member of staff who makes a change. */
export interface Actor {
  id: string;
  role: StaffRole;
}

export interface IssueCardInput {
  cardKind: CardKind;
  number: string;
  visitId?: string;
  holder?: string;
}

export interface GoodsPassInput {
  unit: string;
  requester: PassRequester;
  items: string;
  validFrom: string;
  validUntil: string;
}

export interface RoomEntryInput {
  roomId: string;
  person: string;
  organisation?: string;
  reason: string;
  approvedBy: string;
}

export interface HandoverInput {
  openItems: string;
  changes: string;
  notices: string;
  equipment: string;
}

/** The guard's registers of one site on this device. Stateless apart from the names; any number of instances share the data. */
export class GuardStore {
  readonly guardDb: string;
  constructor(
    readonly dbName: string,
    private readonly site: Pick<SiteConfig, 'id' | 'timeZone' | 'guard'>,
  ) {
    this.guardDb = guardDbName(dbName);
  }

  private async db(): Promise<IDBPDatabase<GuardDB>> {
    try {
      return await openGuardDb(this.guardDb);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  private async tx(): Promise<GuardTx> {
    return (await this.db()).transaction(['records'], 'readwrite', STRICT);
  }

  private envelope(at: Date, staffId: string) {
    const iso = at.toISOString();
    return { id: newId(at), siteId: this.site.id, dayKey: localDayKey(at, this.site.timeZone), createdAt: iso, updatedAt: iso, createdBy: staffId };
  }

  private changed(): void {
    const channel = new BroadcastChannel(`vk-desk:${this.dbName}`);
    channel.postMessage({ type: 'changed' });
    channel.close();
  }

  /** Records of `kind` made on the last `GUARD_LOOKBACK_DAYS` local days up to `now`'s, oldest first; bad rows apart. */
  async list<K extends GuardRecordKind>(kind: K, now: Date): Promise<ReadResult<Extract<GuardRecord, { kind: K }>>> {
    const today = localDayKey(now, this.site.timeZone);
    const from = shiftDayKey(today, -GUARD_LOOKBACK_DAYS);
    const db = await this.db();
    // Upper bound past any day: records dated ahead by a device's clock are listed too.
    const raw: unknown[] = await db.getAllFromIndex('records', 'by-kind-day', IDBKeyRange.bound([kind, from], [kind, '\uffff']));
    const parsed = parseRows(raw, guardRecordSchema, 'id');
    const rows = parsed.rows.filter((r): r is Extract<GuardRecord, { kind: K }> => r.kind === kind && r.siteId === this.site.id);
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { rows, invalid: parsed.invalid };
  }

  /** Reads one record of `kind` inside `tx`, or rejects with `storage-failed` NotFoundError. */
  private async getIn<K extends GuardRecordKind>(tx: GuardTx, id: string, kind: K): Promise<Extract<GuardRecord, { kind: K }>> {
    const raw: unknown = await tx.objectStore('records').get(id);
    if (raw === undefined) throw new KioskError('storage-failed', { name: 'NotFoundError', store: 'records', id });
    const record = checkedRow(guardRecordSchema, raw, 'records', idOf(raw));
    if (record.kind !== kind) throw new KioskError('storage-failed', { name: 'NotFoundError', store: 'records', id });
    return record as Extract<GuardRecord, { kind: K }>;
  }

  private async allOfKindIn<K extends GuardRecordKind>(tx: GuardTx, kind: K): Promise<Extract<GuardRecord, { kind: K }>[]> {
    const raw: unknown[] = await tx.objectStore('records').index('by-kind-day').getAll(IDBKeyRange.bound([kind, ''], [kind, '\uffff']));
    return parseRows(raw, guardRecordSchema, 'id').rows.filter((r): r is Extract<GuardRecord, { kind: K }> => r.kind === kind && r.siteId === this.site.id);
  }

  private async done<T>(result: Promise<T>): Promise<T> {
    const value = await result;
    this.changed();
    return value;
  }

  // ——— cards ———

  /** Issues a card; refused while a card of that kind and number is still out (`card-already-out`). */
  async issueCard(input: IssueCardInput, staffId: string, at: Date): Promise<CardRecord> {
    const number = text(input.number, 'number', MAX_GUARD_SHORT);
    const holder = text(input.holder, 'holder', MAX_GUARD_SHORT, false);
    if (input.visitId === undefined && holder === '') throw new GuardError('required', { field: 'holder' });
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        checkCardIssue(await this.allOfKindIn(tx, 'card'), input.cardKind, number);
        const card = row({
          ...this.envelope(at, staffId),
          kind: 'card',
          cardKind: input.cardKind,
          number,
          ...(input.visitId !== undefined ? { visitId: input.visitId } : {}),
          ...(holder ? { holder } : {}),
          issuedAt: at.toISOString(),
        }) as CardRecord;
        await tx.objectStore('records').add(card);
        return card;
      }),
    );
  }

  /**
   * Records the numbered badges handed out at **Confirm check-in** as visitor cards, once per visit (the
   * check and the write in one transaction, so two refreshes never record one badge twice). Returns those added.
   */
  async recordBadgeCards(visits: readonly Visit[], staffId: string, at: Date): Promise<CardRecord[]> {
    const candidates = visits.filter((v) => v.badgeNumber !== undefined && v.badgeNumber.trim() !== '' && (v.status === 'checked-in' || v.status === 'checked-out'));
    if (candidates.length === 0) return [];
    const tx = await this.tx();
    const added = await write(tx, async () => {
      const out: CardRecord[] = [];
      const index = tx.objectStore('records').index('by-visit');
      for (const visit of candidates) {
        const existing = await index.getAll(visit.id);
        if (existing.some((r) => (r as { kind?: string }).kind === 'card')) continue;
        const issued = new Date(checkedInAt(visit));
        const card = row({
          ...this.envelope(issued, staffId),
          updatedAt: at.toISOString(),
          kind: 'card',
          cardKind: 'visitor',
          number: (visit.badgeNumber ?? '').trim().slice(0, MAX_GUARD_SHORT),
          visitId: visit.id,
          issuedAt: issued.toISOString(),
        }) as CardRecord;
        await tx.objectStore('records').add(card);
        out.push(card);
      }
      return out;
    });
    if (added.length > 0) this.changed();
    return added;
  }

  /**
   * **Check out** of a visitor holding a numbered badge: the badge is recorded as the visit's card (if the
   * panel has not done so yet) and, when it was handed back, every card of the visit still out is returned —
   * one transaction. Not handed back: the card stays out and the end-of-day list flags it. Returns the cards returned.
   */
  async settleVisitCard(visit: Visit, returned: boolean, staffId: string, at: Date): Promise<CardRecord[]> {
    await this.recordBadgeCards([visit], staffId, at);
    if (!returned) return [];
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const raw: unknown[] = await tx.objectStore('records').index('by-visit').getAll(visit.id);
        const out: CardRecord[] = [];
        for (const record of parseRows(raw, guardRecordSchema, 'id').rows) {
          if (record.kind !== 'card' || record.returnedAt !== undefined) continue;
          const back = returnCard(record, at, staffId);
          await tx.objectStore('records').put(row(back));
          out.push(back);
        }
        return out;
      }),
    );
  }

  /** A card handed back by its number: refused with `card-not-issued` when no card with that number is out. */
  async returnCardByNumber(number: string, staffId: string, at: Date, kind?: CardKind): Promise<CardRecord> {
    const n = text(number, 'number', MAX_GUARD_SHORT);
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const card = returnCard(cardToReturn(await this.allOfKindIn(tx, 'card'), n, kind), at, staffId);
        await tx.objectStore('records').put(row(card));
        return card;
      }),
    );
  }

  /** A listed card handed back (its **Returned** button); a card already returned is refused. */
  async returnCardById(id: string, staffId: string, at: Date): Promise<CardRecord> {
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const card = returnCard(await this.getIn(tx, id, 'card'), at, staffId);
        await tx.objectStore('records').put(row(card));
        return card;
      }),
    );
  }

  // ——— goods-removal passes ———

  /** Enters a pass asked for by a resident or tenant (status `requested`, with a door code). */
  async requestPass(input: GoodsPassInput, staffId: string, at: Date): Promise<GoodsPassRecord> {
    const unit = text(input.unit, 'unit', MAX_GUARD_SHORT);
    const items = text(input.items, 'items', MAX_GUARD_TEXT);
    checkPassDates(input.validFrom, input.validUntil);
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const taken = new Set((await this.allOfKindIn(tx, 'goods-pass')).map((p) => p.code));
        let code = passCode(crypto.getRandomValues(new Uint8Array(PASS_CODE_LENGTH)));
        while (taken.has(code)) code = passCode(crypto.getRandomValues(new Uint8Array(PASS_CODE_LENGTH)));
        const pass = row({
          ...this.envelope(at, staffId),
          kind: 'goods-pass',
          code,
          unit,
          requester: input.requester,
          items,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          status: 'requested',
        }) as GoodsPassRecord;
        await tx.objectStore('records').add(pass);
        return pass;
      }),
    );
  }

  /** The management office approves or rejects a requested pass (`not-allowed-to-approve` for other roles). */
  async decidePass(id: string, decision: 'approved' | 'rejected', staff: Actor, at: Date): Promise<GoodsPassRecord> {
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const pass = decidePass(await this.getIn(tx, id, 'goods-pass'), decision, staff, at);
        await tx.objectStore('records').put(row(pass));
        return pass;
      }),
    );
  }

  /** The guard lets the goods out on the pass with this door code: refused if closed, unapproved or out of date. */
  async usePassByCode(code: string, staffId: string, at: Date): Promise<GoodsPassRecord> {
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const pass = usePass(passByCode(await this.allOfKindIn(tx, 'goods-pass'), code), localDayKey(at, this.site.timeZone), staffId, at);
        await tx.objectStore('records').put(row(pass));
        return pass;
      }),
    );
  }

  // ——— carried items ———

  async recordCarried(input: { visitId?: string; items: string; decision: CarriedDecision; permittedBy?: string }, staffId: string, at: Date): Promise<CarriedItemsRecord> {
    const checked = checkCarried(input.items, input.decision, input.permittedBy);
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const record = row({
          ...this.envelope(at, staffId),
          kind: 'carried',
          ...(input.visitId !== undefined ? { visitId: input.visitId } : {}),
          items: checked.items,
          decision: input.decision,
          ...(checked.permittedBy !== undefined ? { permittedBy: checked.permittedBy } : {}),
        }) as CarriedItemsRecord;
        await tx.objectStore('records').add(record);
        return record;
      }),
    );
  }

  // ——— restricted rooms ———

  /** Someone enters a restricted room: refused without an approver (`room-entry-unapproved`) or for an unknown room. */
  async enterRoom(input: RoomEntryInput, staffId: string, at: Date): Promise<RoomEntryRecord> {
    const checked = checkRoomEntry(this.site, input);
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const entry = row({ ...this.envelope(at, staffId), kind: 'room-entry', ...checked, enteredAt: at.toISOString() }) as RoomEntryRecord;
        await tx.objectStore('records').add(entry);
        return entry;
      }),
    );
  }

  async leaveRoom(id: string, at: Date): Promise<RoomEntryRecord> {
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const entry = leaveRoom(await this.getIn(tx, id, 'room-entry'), at);
        await tx.objectStore('records').put(row(entry));
        return entry;
      }),
    );
  }

  // ——— the guard's book ———

  async handOver(input: HandoverInput, staffId: string, at: Date): Promise<HandoverRecord> {
    const checked = checkHandover(input);
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const record = row({ ...this.envelope(at, staffId), kind: 'handover', ...checked }) as HandoverRecord;
        await tx.objectStore('records').add(record);
        return record;
      }),
    );
  }

  /** The next shift acknowledges a handover: another member of staff, once. */
  async acknowledgeHandover(id: string, staffId: string, at: Date): Promise<HandoverRecord> {
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const record = acknowledgeHandover(await this.getIn(tx, id, 'handover'), staffId, at);
        await tx.objectStore('records').put(row(record));
        return record;
      }),
    );
  }

  async logOccurrence(input: { category: OccurrenceCategory; text: string; at?: Date }, staffId: string, now: Date): Promise<OccurrenceRecord> {
    const body = text(input.text, 'text', MAX_GUARD_TEXT);
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const record = row({ ...this.envelope(now, staffId), kind: 'occurrence', category: input.category, text: body, at: (input.at ?? now).toISOString() }) as OccurrenceRecord;
        await tx.objectStore('records').add(record);
        return record;
      }),
    );
  }

  /** Notes the alert raised from an occurrence; a second raise is refused (`occurrence-raised`). */
  async markOccurrenceRaised(id: string, alertId: string, at: Date): Promise<OccurrenceRecord> {
    const tx = await this.tx();
    return this.done(
      write(tx, async () => {
        const record = markRaised(await this.getIn(tx, id, 'occurrence'), alertId, at);
        await tx.objectStore('records').put(row(record));
        return record;
      }),
    );
  }

  /** One occurrence, or `undefined` (the desk checks it was not raised before raising). */
  async getOccurrence(id: string): Promise<OccurrenceRecord | undefined> {
    const raw: unknown = await (await this.db()).get('records', id);
    if (raw === undefined) return undefined;
    const record = checkedRow(guardRecordSchema, raw, 'records', idOf(raw));
    return record.kind === 'occurrence' ? record : undefined;
  }
}
