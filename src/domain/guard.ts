/**
 * The guard's registers (issue 7 items 3–6): visitor and lift cards, goods-removal passes (放行條) and
 * carried items, the restricted-room register (004: 外部人员因公进入监控室、档案室，须经上级批准，并履行登记手续),
 * the shift-handover log (004: 交接班时…详细记录) and the occurrence log. Pure types and rules: no DOM, no
 * storage. Each rule takes the record as it is and returns the next one, or refuses with a `GuardError`.
 *
 * Every record shares one small envelope (`id`, `siteId`, `kind`, `dayKey`, `createdAt`, `updatedAt`,
 * `createdBy`); they are stored and synced as lobby records (./lobby/record.ts), mapped by ./lobby/guard.ts.
 * Times are ISO-8601 UTC; `dayKey` is the site's local date the record was made on; staff are staff ids.
 */
import type { LocalisedText, SiteConfig } from './site.js';
import type { StaffRole } from './desk.js';
import type { Visit } from './visit.js';

/**
 * Refusals of the guard's registers. Desk-only and shown to staff, so they have their own codes and wording
 * (src/i18n/desk/guard.ts) rather than entries in the kiosk's localised `ERROR_CODES`, like the sync errors.
 */
export const GUARD_ERROR_CODES = [
  'required',
  'too-long',
  'card-not-issued',
  'card-already-out',
  'pass-not-found',
  'pass-not-approved',
  'pass-closed',
  'pass-outside-validity',
  'pass-dates-invalid',
  'not-allowed-to-approve',
  'room-unknown',
  'room-entry-unapproved',
  'room-already-left',
  'handover-same-staff',
  'handover-acknowledged',
  'occurrence-raised',
] as const;
export type GuardErrorCode = (typeof GUARD_ERROR_CODES)[number];

/** A refusal with a stable code and machine-readable details (ids and counts, never personal data). */
export class GuardError extends Error {
  override readonly name = 'GuardError';
  constructor(
    readonly code: GuardErrorCode,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
  }
}

/** Longest free text a guard types in one field (a handover note, an occurrence); a page of the paper book. */
export const MAX_GUARD_TEXT = 2000;
/** Longest short field: a card number, a unit, a name, a room id. */
export const MAX_GUARD_SHORT = 120;
/** How far back the desk reads its registers (days): open cards and passes older than this are long lost. */
export const GUARD_LOOKBACK_DAYS = 31;
/** Length of a goods pass's door code: short enough to read out at the door, random enough not to collide in a month. */
export const PASS_CODE_LENGTH = 6;

export const CARD_KINDS = ['visitor', 'lift'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const GOODS_PASS_STATUSES = ['requested', 'approved', 'rejected', 'closed'] as const;
export type GoodsPassStatus = (typeof GOODS_PASS_STATUSES)[number];

/** Who asked for the goods-removal pass. */
export const PASS_REQUESTERS = ['resident', 'tenant'] as const;
export type PassRequester = (typeof PASS_REQUESTERS)[number];

/** The site's answer to "may this be carried in" (issue 7 item 4): allowed, not allowed, allowed with permission. */
export const CARRIED_DECISIONS = ['allowed', 'not-allowed', 'with-permission'] as const;
export type CarriedDecision = (typeof CARRIED_DECISIONS)[number];

export const OCCURRENCE_CATEGORIES = ['leak', 'lift-fault', 'suspicious-person', 'equipment', 'other'] as const;
export type OccurrenceCategory = (typeof OCCURRENCE_CATEGORIES)[number];

/** The rooms every site has unless it names its own (004: 监控室、档案室). */
export const DEFAULT_RESTRICTED_ROOMS = ['monitoring-room', 'archive'] as const;

/** A room the site names for its register; `name` absent for the two default rooms (the desk's wording names them). */
export interface RestrictedRoom {
  id: string;
  name?: LocalisedText;
}

/** The site's settings for the guard's registers (`SiteConfig.guard`); all optional, all off by default. */
export interface GuardSettings {
  /** Visitors are asked at registration what they carry in (off by default). */
  carriedItems?: boolean;
  /** The restricted rooms of the register; absent: the monitoring room and the archive. */
  restrictedRooms?: RestrictedRoom[];
}

interface Envelope {
  /** UUIDv7. */
  id: string;
  siteId: string;
  /** The site's local date the record was made on. */
  dayKey: string;
  createdAt: string;
  updatedAt: string;
  /** Staff id of who made it. */
  createdBy: string;
}

/** A visitor or lift card handed out: against a visit, or against a pass or person named in words. */
export interface CardRecord extends Envelope {
  kind: 'card';
  cardKind: CardKind;
  number: string;
  /** The visit it was issued against (a numbered badge given at **Confirm check-in** is one). */
  visitId?: string;
  /** Otherwise who holds it: a pass holder, a unit, a contractor — as written. */
  holder?: string;
  issuedAt: string;
  returnedAt?: string;
  returnedBy?: string;
}

/** A goods-removal pass (放行條): asked for on a unit's behalf, approved by the office, closed at the door. */
export interface GoodsPassRecord extends Envelope {
  kind: 'goods-pass';
  /** What is read out at the door. */
  code: string;
  unit: string;
  requester: PassRequester;
  items: string;
  /** First and last local day (YYYY-MM-DD) it may be used, inclusive. */
  validFrom: string;
  validUntil: string;
  status: GoodsPassStatus;
  decidedBy?: string;
  decidedAt?: string;
  closedBy?: string;
  closedAt?: string;
}

/** Items a visitor carries in, checked and logged by the guard (001: 携带物品…查验…登记). */
export interface CarriedItemsRecord extends Envelope {
  kind: 'carried';
  visitId?: string;
  items: string;
  decision: CarriedDecision;
  /** Who allowed it, with `with-permission`. */
  permittedBy?: string;
}

/** One outsider's time in a restricted room. */
export interface RoomEntryRecord extends Envelope {
  kind: 'room-entry';
  roomId: string;
  person: string;
  organisation?: string;
  reason: string;
  /** The superior who approved it, as written; an entry without one is refused. */
  approvedBy: string;
  enteredAt: string;
  leftAt?: string;
}

/** A shift's handover in writing, acknowledged by the next shift (another member of staff). */
export interface HandoverRecord extends Envelope {
  kind: 'handover';
  openItems: string;
  changes: string;
  notices: string;
  equipment: string;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
}

/** An event that is neither a visit nor an incident; may raise an incident later. */
export interface OccurrenceRecord extends Envelope {
  kind: 'occurrence';
  category: OccurrenceCategory;
  text: string;
  /** When it happened (may be earlier than it was written down). */
  at: string;
  /** The alert raised from it, once raised. */
  alertId?: string;
}

export type GuardRecord = CardRecord | GoodsPassRecord | CarriedItemsRecord | RoomEntryRecord | HandoverRecord | OccurrenceRecord;
export type GuardRecordKind = GuardRecord['kind'];
export const GUARD_RECORD_KINDS = ['card', 'goods-pass', 'carried', 'room-entry', 'handover', 'occurrence'] as const satisfies readonly GuardRecordKind[];

// ——— input checks ———

/** Trims `value`; refuses it empty (when `required`) or longer than `max`. */
export function text(value: string | undefined, field: string, max: number, required = true): string {
  const t = (value ?? '').trim();
  if (required && t === '') throw new GuardError('required', { field });
  if (t.length > max) throw new GuardError('too-long', { field, max });
  return t;
}

/** Card numbers compare without case and spaces: "v 17" and "V17" are one card. */
export const normaliseCardNumber = (n: string): string => n.replace(/\s+/g, '').toUpperCase();

/** The local day `days` after (or before, if negative) the day key `key` (YYYY-MM-DD): calendar arithmetic, no zone. */
export function shiftDayKey(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

// ——— cards ———

/** A card not yet returned. */
export const isCardOut = (card: Pick<CardRecord, 'returnedAt'>): boolean => card.returnedAt === undefined;

/** Refuses to issue a card whose number is still out: the same plastic cannot be in two hands. */
export function checkCardIssue(cards: readonly CardRecord[], kind: CardKind, number: string): void {
  const n = normaliseCardNumber(number);
  if (cards.some((c) => isCardOut(c) && c.cardKind === kind && normaliseCardNumber(c.number) === n)) {
    throw new GuardError('card-already-out', { number: n });
  }
}

/**
 * The card being handed back: the outstanding card with this number (of `kind`, when given). A number that
 * is not out — never issued, or already returned — is refused with `card-not-issued`.
 */
export function cardToReturn(cards: readonly CardRecord[], number: string, kind?: CardKind): CardRecord {
  const n = normaliseCardNumber(number);
  const card = cards.find((c) => isCardOut(c) && normaliseCardNumber(c.number) === n && (kind === undefined || c.cardKind === kind));
  if (!card) throw new GuardError('card-not-issued', { number: n });
  return card;
}

/** Returns the card at `at`. A card already returned is refused (`card-not-issued`: it is not out). */
export function returnCard(card: CardRecord, at: Date, staffId: string): CardRecord {
  if (!isCardOut(card)) throw new GuardError('card-not-issued', { number: card.number });
  const iso = at.toISOString();
  return { ...card, returnedAt: iso, returnedBy: staffId, updatedAt: iso };
}

/** A card still out, and whether its visit has already checked out (the visitor left with it). */
export interface OutstandingCard {
  card: CardRecord;
  leftWithCard: boolean;
}

/**
 * The cards not returned, oldest first, each flagged when its visit is checked out (or otherwise over):
 * the end-of-day list (issue 7 item 3).
 */
export function outstandingCards(cards: readonly CardRecord[], visits: ReadonlyMap<string, Pick<Visit, 'status'>>): OutstandingCard[] {
  return cards
    .filter(isCardOut)
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id))
    .map((card) => {
      const status = card.visitId === undefined ? undefined : visits.get(card.visitId)?.status;
      return { card, leftWithCard: status === 'checked-out' || status === 'denied' };
    });
}

/**
 * Visits that got a numbered badge at **Confirm check-in** and have no card record yet: the badge is the
 * visitor card, so the register records it without a second entry by the guard.
 */
export function badgeCardsToRecord(visits: readonly Visit[], cards: readonly CardRecord[]): Visit[] {
  const carded = new Set(cards.filter((c) => c.visitId !== undefined).map((c) => c.visitId));
  return visits.filter((v) => v.badgeNumber !== undefined && v.badgeNumber.trim() !== '' && (v.status === 'checked-in' || v.status === 'checked-out') && !carded.has(v.id));
}

/** When a visit was checked in (its history's `checked-in` step), or its creation. */
export const checkedInAt = (visit: Pick<Visit, 'history' | 'createdAt'>): string => visit.history.find((h) => h.status === 'checked-in')?.at ?? visit.createdAt;

// ——— goods-removal passes ———

/** The management office approves passes: a site manager. Guards and receptionists enter and close them. */
export const APPROVING_ROLES: readonly StaffRole[] = ['site-manager'];
export const mayApprovePasses = (role: StaffRole): boolean => APPROVING_ROLES.includes(role);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses validity dates that are not days or run backwards. */
export function checkPassDates(validFrom: string, validUntil: string): void {
  if (!DAY.test(validFrom) || !DAY.test(validUntil) || validUntil < validFrom) throw new GuardError('pass-dates-invalid');
}

/** The office's decision on a requested pass. Only a requested pass is decided; only an approving role decides. */
export function decidePass(pass: GoodsPassRecord, decision: 'approved' | 'rejected', staff: { id: string; role: StaffRole }, at: Date): GoodsPassRecord {
  if (!mayApprovePasses(staff.role)) throw new GuardError('not-allowed-to-approve', { role: staff.role });
  if (pass.status === 'closed') throw new GuardError('pass-closed', { code: pass.code });
  if (pass.status !== 'requested') return pass;
  const iso = at.toISOString();
  return { ...pass, status: decision, decidedBy: staff.id, decidedAt: iso, updatedAt: iso };
}

/**
 * The guard checks the pass at the door and lets the goods out: the pass closes and is spent. Refused when it
 * was never approved, is closed already (used, or closed after use), or `today` (the site's local day) is
 * outside its validity.
 */
export function usePass(pass: GoodsPassRecord, today: string, staffId: string, at: Date): GoodsPassRecord {
  if (pass.status === 'closed') throw new GuardError('pass-closed', { code: pass.code });
  if (pass.status !== 'approved') throw new GuardError('pass-not-approved', { code: pass.code });
  if (today < pass.validFrom || today > pass.validUntil) throw new GuardError('pass-outside-validity', { code: pass.code, validFrom: pass.validFrom, validUntil: pass.validUntil });
  const iso = at.toISOString();
  return { ...pass, status: 'closed', closedBy: staffId, closedAt: iso, updatedAt: iso };
}

/** The pass with this door code (case and spaces ignored), or `pass-not-found`. */
export function passByCode(passes: readonly GoodsPassRecord[], code: string): GoodsPassRecord {
  const c = normaliseCardNumber(code);
  const pass = passes.find((p) => p.code === c);
  if (!pass) throw new GuardError('pass-not-found', { code: c });
  return pass;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A door code from random bytes: no 0/O, 1/I/L to misread at the door. */
export function passCode(random: Uint8Array): string {
  if (random.length < PASS_CODE_LENGTH) throw new RangeError(`passCode: needs ${PASS_CODE_LENGTH} random bytes`);
  return Array.from(random.slice(0, PASS_CODE_LENGTH), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

// ——— carried items ———

/** A carried-items entry needs items and, when allowed with permission, who permitted it. */
export function checkCarried(items: string, decision: CarriedDecision, permittedBy: string | undefined): { items: string; permittedBy?: string } {
  const i = text(items, 'items', MAX_GUARD_TEXT);
  if (decision !== 'with-permission') return { items: i };
  return { items: i, permittedBy: text(permittedBy, 'permittedBy', MAX_GUARD_SHORT) };
}

// ——— restricted rooms ———

/** The site's restricted rooms (its own list, or the monitoring room and the archive). */
export const restrictedRooms = (site: Pick<SiteConfig, 'guard'>): RestrictedRoom[] =>
  site.guard?.restrictedRooms ?? DEFAULT_RESTRICTED_ROOMS.map((id) => ({ id }));

/** Checks a room entry before it is written: a known room, a person, a reason and an approver. */
export function checkRoomEntry(
  site: Pick<SiteConfig, 'guard'>,
  input: { roomId: string; person: string; reason: string; approvedBy: string; organisation?: string },
): { roomId: string; person: string; reason: string; approvedBy: string; organisation?: string } {
  if (!restrictedRooms(site).some((r) => r.id === input.roomId)) throw new GuardError('room-unknown', { roomId: input.roomId });
  const approvedBy = (input.approvedBy ?? '').trim();
  // 须经上级批准: the approval is the point of the register, so its absence is a refusal, not a missing field.
  if (approvedBy === '') throw new GuardError('room-entry-unapproved', { roomId: input.roomId });
  const organisation = text(input.organisation, 'organisation', MAX_GUARD_SHORT, false);
  return {
    roomId: input.roomId,
    person: text(input.person, 'person', MAX_GUARD_SHORT),
    reason: text(input.reason, 'reason', MAX_GUARD_TEXT),
    approvedBy: text(approvedBy, 'approvedBy', MAX_GUARD_SHORT),
    ...(organisation ? { organisation } : {}),
  };
}

/** Records that the person left the room; leaving twice is refused. */
export function leaveRoom(entry: RoomEntryRecord, at: Date): RoomEntryRecord {
  if (entry.leftAt !== undefined) throw new GuardError('room-already-left');
  const iso = at.toISOString();
  return { ...entry, leftAt: iso, updatedAt: iso };
}

// ——— shift handover ———

/** A handover needs something written in at least one of its four parts. */
export function checkHandover(input: { openItems: string; changes: string; notices: string; equipment: string }): { openItems: string; changes: string; notices: string; equipment: string } {
  const out = {
    openItems: text(input.openItems, 'openItems', MAX_GUARD_TEXT, false),
    changes: text(input.changes, 'changes', MAX_GUARD_TEXT, false),
    notices: text(input.notices, 'notices', MAX_GUARD_TEXT, false),
    equipment: text(input.equipment, 'equipment', MAX_GUARD_TEXT, false),
  };
  if (Object.values(out).every((v) => v === '')) throw new GuardError('required', { field: 'openItems' });
  return out;
}

/**
 * The next shift acknowledges: another member of staff (whoever wrote it cannot sign for the next shift),
 * once (a second acknowledgement is refused: the first one stands).
 */
export function acknowledgeHandover(handover: HandoverRecord, staffId: string, at: Date): HandoverRecord {
  if (handover.acknowledgedBy !== undefined) throw new GuardError('handover-acknowledged');
  if (handover.createdBy === staffId) throw new GuardError('handover-same-staff');
  const iso = at.toISOString();
  return { ...handover, acknowledgedBy: staffId, acknowledgedAt: iso, updatedAt: iso };
}

/** The handovers waiting for the next shift, newest first. */
export const pendingHandovers = (records: readonly HandoverRecord[]): HandoverRecord[] =>
  records.filter((h) => h.acknowledgedBy === undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

// ——— occurrences ———

/** Notes an occurrence's alert; an occurrence raises one incident at most. */
export function markRaised(occurrence: OccurrenceRecord, alertId: string, at: Date): OccurrenceRecord {
  if (occurrence.alertId !== undefined) throw new GuardError('occurrence-raised', { alertId: occurrence.alertId });
  return { ...occurrence, alertId, updatedAt: at.toISOString() };
}
