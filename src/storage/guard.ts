/**
 * `GuardStore`: the guard's registers (src/domain/guard.ts) on this device — cards, goods-removal passes,
 * carried items, restricted-room entries, shift handovers and occurrences — kept as lobby records
 * (src/domain/lobby/record.ts) through `RecordStore` in the kiosk database, so they sync like parcels: every
 * write is an outbox entry pushed to the hub (change `record`), and a hub-linked desk (db `<dbName>:hub`)
 * receives the other desks' records in its state and events.
 *
 * The mapping is this file's only job: the domain's record is the envelope (id, kind, site, day, times) plus
 * `data` (everything else, `createdBy` included); its state is the domain's status (`stateOf`). Each decision
 * (return, approve, use, acknowledge, raise) is `RecordStore.update`: the record is read, the domain's pure rule
 * applied and the result written in ONE transaction, so two desks on one device or a double tap cannot both
 * win — the second gets the domain's refusal (GuardError) and nothing is written. Checks that span records (a
 * card number still out, a pass by its door code) read the register just before; between devices the hub's
 * merge rule (longer history wins) settles the rest.
 *
 * Earlier builds kept these registers in a database of their own, `<dbName>-guard`. It is not migrated: that
 * build never shipped (it lived for one session on development machines), and its records never left the
 * device anyway.
 */
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
  type GuardRecordKind,
  type HandoverRecord,
  type OccurrenceCategory,
  type OccurrenceRecord,
  type PassRequester,
  type RoomEntryRecord,
} from '../domain/guard.js';
import type { StaffRole } from '../domain/desk.js';
import { dataOf, fromLobby, stateOf, type GuardData, type GuardOf } from '../domain/lobby/guard.js';
import { RECORD_MACHINES, moveRecord, newRecord, type LobbyRecord } from '../domain/lobby/record.js';

export { fromLobby, stateOf, type GuardData } from '../domain/lobby/guard.js';
import type { SiteConfig } from '../domain/site.js';
import { localDayKey } from '../domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../domain/uuid.js';
import type { Visit } from '../domain/visit.js';
import { RecordStore, newRecordId } from './records.js';
import { isDomException } from './errors.js';
import type { ReadResult } from './tx.js';
import { KioskError } from '../domain/errors.js';

type GuardLobbyRecord = LobbyRecord<GuardData>;

/** Every state of a kind (a register lists all of them). */
const statesOf = (kind: GuardRecordKind): string[] => Object.keys(RECORD_MACHINES[kind].next);

/**
 * A domain rule as a `RecordStore.update` move: the lobby record becomes the domain's record, the rule runs
 * (and may refuse), and the result goes back as a transition to its new state with its new data. A rule that
 * changes nothing (a pass decided twice) leaves the record as it was.
 */
function asMove<K extends GuardRecordKind>(kind: K, rule: (record: GuardOf<K>) => GuardOf<K>, at: Date, by: string | undefined) {
  return (record: GuardLobbyRecord): GuardLobbyRecord => {
    if (record.kind !== kind) throw new KioskError('storage-failed', { name: 'NotFoundError', store: 'records', id: record.id });
    const before = fromLobby(record) as GuardOf<K>;
    const after = rule(before);
    if (after === before) return record;
    const to = stateOf(after);
    const data = dataOf(after);
    if (to === record.state) return { ...record, data, updatedAt: after.updatedAt > record.updatedAt ? after.updatedAt : record.updatedAt };
    return moveRecord(record, to, at, by, data);
  };
}

/** Card id of a visit's badge: derived from the visit's id, so every desk and every refresh records one card per visit. */
function badgeCardId(visit: Pick<Visit, 'id'>, issuedMs: number): string {
  const hex = visit.id.replace(/-/g, '');
  const bytes = new Uint8Array(UUIDV7_RANDOM_BYTES);
  // The visit id's last 10 bytes (its random part) with one bit flipped, so the card never shares the visit's id.
  for (let i = 0; i < UUIDV7_RANDOM_BYTES; i++) bytes[i] = parseInt(hex.slice(12 + 2 * i, 14 + 2 * i), 16) || 0;
  bytes[UUIDV7_RANDOM_BYTES - 1] = (bytes[UUIDV7_RANDOM_BYTES - 1] ?? 0) ^ 1;
  return uuidv7(issuedMs, bytes);
}

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
  private readonly records: RecordStore;
  constructor(
    readonly dbName: string,
    private readonly site: Pick<SiteConfig, 'id' | 'timeZone' | 'guard'>,
  ) {
    this.records = new RecordStore(dbName);
  }

  /** Writes a new record of `kind` in its first state (its id fixed by the caller when it must be one per thing). */
  private async create<K extends GuardRecordKind>(kind: K, fields: GuardData<K>, at: Date, id: string = newRecordId(at)): Promise<GuardOf<K>> {
    const record = await this.records.create(
      (deviceId) => newRecord<GuardData>({ id, kind, siteId: this.site.id, deviceId, timeZone: this.site.timeZone, now: at, by: fields.createdBy, data: fields }),
      at,
    );
    return fromLobby(record) as GuardOf<K>;
  }

  /** Applies a domain rule to record `id` of `kind` in one transaction (see `asMove`). */
  private async move<K extends GuardRecordKind>(kind: K, id: string, rule: (record: GuardOf<K>) => GuardOf<K>, at: Date, by?: string): Promise<GuardOf<K>> {
    const record = await this.records.update<GuardLobbyRecord>(id, asMove(kind, rule, at, by), at);
    return fromLobby(record) as GuardOf<K>;
  }

  /** Every record of `kind` of this site in `states` (all of them when not given), whatever its day. */
  private async inStates<K extends GuardRecordKind>(kind: K, states: readonly string[] = statesOf(kind)): Promise<GuardOf<K>[]> {
    const read = await this.records.byState(kind, states);
    return read.rows.filter((r) => r.siteId === this.site.id).map((r) => fromLobby(r) as GuardOf<K>);
  }

  /** Records of `kind` made on the last `GUARD_LOOKBACK_DAYS` local days up to `now`'s, oldest first; bad rows apart. */
  async list<K extends GuardRecordKind>(kind: K, now: Date): Promise<ReadResult<GuardOf<K>>> {
    const today = localDayKey(now, this.site.timeZone);
    // Upper bound past any day: records dated ahead by a device's clock are listed too.
    const read = await this.records.byDays(kind, shiftDayKey(today, -GUARD_LOOKBACK_DAYS), '\uffff');
    const rows = read.rows.filter((r) => r.kind === kind && r.siteId === this.site.id).map((r) => fromLobby(r) as GuardOf<K>);
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { rows, invalid: read.invalid };
  }

  // ——— cards ———

  /** Issues a card; refused while a card of that kind and number is still out (`card-already-out`). */
  async issueCard(input: IssueCardInput, staffId: string, at: Date): Promise<CardRecord> {
    const number = text(input.number, 'number', MAX_GUARD_SHORT);
    const holder = text(input.holder, 'holder', MAX_GUARD_SHORT, false);
    if (input.visitId === undefined && holder === '') throw new GuardError('required', { field: 'holder' });
    checkCardIssue(await this.inStates('card', ['issued']), input.cardKind, number);
    return this.create(
      'card',
      {
        createdBy: staffId,
        cardKind: input.cardKind,
        number,
        ...(input.visitId !== undefined ? { visitId: input.visitId } : {}),
        ...(holder ? { holder } : {}),
        issuedAt: at.toISOString(),
      },
      at,
    );
  }

  /**
   * Records the numbered badges handed out at **Confirm check-in** as visitor cards, once per visit: the card's
   * id is derived from the visit's, so a second refresh, a second tab or another desk writes the same record (the
   * second add on this device is refused by IndexedDB and skipped; the hub keeps one). Returns those added.
   */
  async recordBadgeCards(visits: readonly Visit[], staffId: string, at: Date): Promise<CardRecord[]> {
    const candidates = visits.filter((v) => v.badgeNumber !== undefined && v.badgeNumber.trim() !== '' && (v.status === 'checked-in' || v.status === 'checked-out'));
    if (candidates.length === 0) return [];
    const carded = new Set([...(await this.list('card', at)).rows, ...(await this.inStates('card', ['issued']))].map((c) => c.visitId));
    const out: CardRecord[] = [];
    for (const visit of candidates) {
      if (carded.has(visit.id)) continue;
      const issued = new Date(checkedInAt(visit));
      const fields: GuardData<'card'> = { createdBy: staffId, cardKind: 'visitor', number: (visit.badgeNumber ?? '').trim().slice(0, MAX_GUARD_SHORT), visitId: visit.id, issuedAt: issued.toISOString() };
      try {
        out.push(await this.create('card', fields, issued, badgeCardId(visit, issued.getTime())));
      } catch (error) {
        // Recorded meanwhile (another tab or refresh): the id is the visit's, so it is the same card.
        if (error instanceof KioskError && error.details['name'] === 'ConstraintError') continue;
        if (isDomException(error, 'ConstraintError')) continue;
        throw error;
      }
    }
    return out;
  }

  /**
   * **Check out** of a visitor holding a numbered badge: the badge is recorded as the visit's card (if the
   * panel has not done so yet) and, when it was handed back, every card of the visit still out is returned.
   * Not handed back: the card stays out and the end-of-day list flags it. Returns the cards returned.
   */
  async settleVisitCard(visit: Visit, returned: boolean, staffId: string, at: Date): Promise<CardRecord[]> {
    await this.recordBadgeCards([visit], staffId, at);
    if (!returned) return [];
    const out: CardRecord[] = [];
    for (const card of (await this.inStates('card', ['issued'])).filter((c) => c.visitId === visit.id)) {
      try {
        out.push(await this.move('card', card.id, (c) => returnCard(c, at, staffId), at, staffId));
      } catch (error) {
        // Returned meanwhile by another desk or tap: nothing left to do for this card.
        if (error instanceof GuardError && error.code === 'card-not-issued') continue;
        throw error;
      }
    }
    return out;
  }

  /** A card handed back by its number: refused with `card-not-issued` when no card with that number is out. */
  async returnCardByNumber(number: string, staffId: string, at: Date, kind?: CardKind): Promise<CardRecord> {
    const n = text(number, 'number', MAX_GUARD_SHORT);
    const card = cardToReturn(await this.inStates('card', ['issued']), n, kind);
    return this.move('card', card.id, (c) => returnCard(c, at, staffId), at, staffId);
  }

  /** A listed card handed back (its **Returned** button); a card already returned is refused. */
  async returnCardById(id: string, staffId: string, at: Date): Promise<CardRecord> {
    return this.move('card', id, (c) => returnCard(c, at, staffId), at, staffId);
  }

  // ——— goods-removal passes ———

  /** Enters a pass asked for by a resident or tenant (status `requested`, with a door code). */
  async requestPass(input: GoodsPassInput, staffId: string, at: Date): Promise<GoodsPassRecord> {
    const unit = text(input.unit, 'unit', MAX_GUARD_SHORT);
    const items = text(input.items, 'items', MAX_GUARD_TEXT);
    checkPassDates(input.validFrom, input.validUntil);
    const taken = new Set((await this.inStates('goods-pass')).map((p) => p.code));
    let code = passCode(crypto.getRandomValues(new Uint8Array(PASS_CODE_LENGTH)));
    while (taken.has(code)) code = passCode(crypto.getRandomValues(new Uint8Array(PASS_CODE_LENGTH)));
    return this.create('goods-pass', { createdBy: staffId, code, unit, requester: input.requester, items, validFrom: input.validFrom, validUntil: input.validUntil, status: 'requested' }, at);
  }

  /** The management office approves or rejects a requested pass (`not-allowed-to-approve` for other roles). */
  async decidePass(id: string, decision: 'approved' | 'rejected', staff: Actor, at: Date): Promise<GoodsPassRecord> {
    return this.move('goods-pass', id, (p) => decidePass(p, decision, staff, at), at, staff.id);
  }

  /** The guard lets the goods out on the pass with this door code: refused if closed, unapproved or out of date. */
  async usePassByCode(code: string, staffId: string, at: Date): Promise<GoodsPassRecord> {
    const pass = passByCode(await this.inStates('goods-pass'), code);
    return this.move('goods-pass', pass.id, (p) => usePass(p, localDayKey(at, this.site.timeZone), staffId, at), at, staffId);
  }

  // ——— carried items ———

  async recordCarried(input: { visitId?: string; items: string; decision: CarriedDecision; permittedBy?: string }, staffId: string, at: Date): Promise<CarriedItemsRecord> {
    const checked = checkCarried(input.items, input.decision, input.permittedBy);
    return this.create(
      'carried',
      {
        createdBy: staffId,
        ...(input.visitId !== undefined ? { visitId: input.visitId } : {}),
        items: checked.items,
        decision: input.decision,
        ...(checked.permittedBy !== undefined ? { permittedBy: checked.permittedBy } : {}),
      },
      at,
    );
  }

  // ——— restricted rooms ———

  /** Someone enters a restricted room: refused without an approver (`room-entry-unapproved`) or for an unknown room. */
  async enterRoom(input: RoomEntryInput, staffId: string, at: Date): Promise<RoomEntryRecord> {
    const checked = checkRoomEntry(this.site, input);
    return this.create('room-entry', { createdBy: staffId, ...checked, enteredAt: at.toISOString() }, at);
  }

  async leaveRoom(id: string, at: Date): Promise<RoomEntryRecord> {
    return this.move('room-entry', id, (e) => leaveRoom(e, at), at);
  }

  // ——— the guard's book ———

  async handOver(input: HandoverInput, staffId: string, at: Date): Promise<HandoverRecord> {
    return this.create('handover', { createdBy: staffId, ...checkHandover(input) }, at);
  }

  /** The next shift acknowledges a handover: another member of staff, once. */
  async acknowledgeHandover(id: string, staffId: string, at: Date): Promise<HandoverRecord> {
    return this.move('handover', id, (h) => acknowledgeHandover(h, staffId, at), at, staffId);
  }

  async logOccurrence(input: { category: OccurrenceCategory; text: string; at?: Date }, staffId: string, now: Date): Promise<OccurrenceRecord> {
    const body = text(input.text, 'text', MAX_GUARD_TEXT);
    return this.create('occurrence', { createdBy: staffId, category: input.category, text: body, at: (input.at ?? now).toISOString() }, now);
  }

  /** Notes the alert raised from an occurrence; a second raise is refused (`occurrence-raised`). */
  async markOccurrenceRaised(id: string, alertId: string, at: Date): Promise<OccurrenceRecord> {
    return this.move('occurrence', id, (o) => markRaised(o, alertId, at), at);
  }

  /** One occurrence, or `undefined` (the desk checks it was not raised before raising). */
  async getOccurrence(id: string): Promise<OccurrenceRecord | undefined> {
    const record = await this.records.get(id);
    return record?.kind === 'occurrence' ? (fromLobby(record) as OccurrenceRecord) : undefined;
  }
}
