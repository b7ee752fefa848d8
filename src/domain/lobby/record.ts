/**
 * Lobby records: the registers a front desk keeps that are not visits — parcels, food deliveries, and (issue 7
 * items 3–6, issue 8) cards, goods passes, restricted-room entries, the guard's book. They share ONE envelope so
 * storage, sync and the hub handle every register the same way:
 *
 * - `id` (UUIDv7, so any device creates one without a shared counter), `kind`, `siteId`, `deviceId` (who
 *   created it), `dayKey` (the site's local date of creation), `createdAt` / `updatedAt`;
 * - `state` and an append-only `history` of transitions: the life-cycle only moves forward, so two copies of a
 *   record merge like visits — the longer history wins, then the later `updatedAt` (`isNewerRecord`);
 * - `data`: the kind's own fields (its schema lives in src/schemas/lobby.ts, keyed by kind).
 *
 * A register adds its kind to `RECORD_KINDS`, its states to `RECORD_MACHINES` and its data schema to
 * src/schemas/lobby.ts — nothing else in storage, sync or the hub changes. A lobby record is never a visit: it
 * is not in the visits list, the evacuation list or an incident classification.
 */
import { KioskError } from '../errors.js';
import { localDayKey } from '../time.js';

/** Every register's kind. Add a kind here, with its machine below and its data schema in src/schemas/lobby.ts. */
export const RECORD_KINDS = ['parcel', 'food-delivery', 'card', 'goods-pass', 'carried', 'room-entry', 'handover', 'occurrence'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A register's life-cycle: its first state and, for each state, where it may go next. */
export interface RecordMachine {
  initial: string;
  next: Readonly<Record<string, readonly string[]>>;
}

/**
 * The states of each kind. A parcel is received, the unit told (by the hub, or by the desk's phone call), and
 * collected once; a food rider waits in the lobby until the resident comes down (or leaves with the food).
 */
export const RECORD_MACHINES: Readonly<Record<RecordKind, RecordMachine>> = {
  parcel: { initial: 'received', next: { received: ['notified', 'collected'], notified: ['collected'], collected: [] } },
  'food-delivery': { initial: 'waiting', next: { waiting: ['notified', 'collected', 'left'], notified: ['collected', 'left'], collected: [], left: [] } },
  // The guard's registers (src/domain/guard.ts; src/storage/guard.ts maps them onto this envelope).
  card: { initial: 'issued', next: { issued: ['returned'], returned: [] } },
  'goods-pass': { initial: 'requested', next: { requested: ['approved', 'rejected'], approved: ['closed'], rejected: [], closed: [] } },
  carried: { initial: 'checked', next: { checked: [] } },
  'room-entry': { initial: 'inside', next: { inside: ['left'], left: [] } },
  handover: { initial: 'waiting', next: { waiting: ['acknowledged'], acknowledged: [] } },
  occurrence: { initial: 'logged', next: { logged: ['raised'], raised: [] } },
};

/** One step of a record's life: the state entered, when, and who did it (a staff id, or `kiosk`). */
export interface RecordTransition {
  state: string;
  at: string;
  by?: string;
}

/** The envelope every lobby record shares (see the module comment). */
export interface LobbyRecord<D extends object = Record<string, unknown>> {
  id: string;
  kind: RecordKind;
  siteId: string;
  deviceId: string;
  dayKey: string;
  createdAt: string;
  updatedAt: string;
  state: string;
  history: RecordTransition[];
  data: D;
}

/** What a new record needs; the id comes from the caller (UUIDv7, made where the random source is). */
export interface NewRecordFacts<D extends object> {
  id: string;
  kind: RecordKind;
  siteId: string;
  deviceId: string;
  timeZone: string;
  now: Date;
  by?: string;
  data: D;
}

/** A new record in its kind's first state, with that state as its first history entry. */
export function newRecord<D extends object>(facts: NewRecordFacts<D>): LobbyRecord<D> {
  const at = facts.now.toISOString();
  const state = RECORD_MACHINES[facts.kind].initial;
  return {
    id: facts.id,
    kind: facts.kind,
    siteId: facts.siteId,
    deviceId: facts.deviceId,
    dayKey: localDayKey(facts.now, facts.timeZone),
    createdAt: at,
    updatedAt: at,
    state,
    history: [{ state, at, ...(facts.by !== undefined ? { by: facts.by } : {}) }],
    data: facts.data,
  };
}

/** Whether a record of `kind` may go from `from` to `to`. */
export function canMove(kind: RecordKind, from: string, to: string): boolean {
  return RECORD_MACHINES[kind].next[from]?.includes(to) ?? false;
}

/** Whether nothing more can happen to the record (no state follows its current one). */
export function isClosed(record: Pick<LobbyRecord, 'kind' | 'state'>): boolean {
  return (RECORD_MACHINES[record.kind].next[record.state] ?? []).length === 0;
}

/**
 * The record moved to `to` at `now`, with `patch` merged into its data. Throws
 * `KioskError('record-transition-invalid', { kind, from, to })` when the kind's machine does not allow it.
 * Pure: the caller writes the result (src/storage reads, moves and writes in one transaction).
 */
export function moveRecord<D extends object>(record: LobbyRecord<D>, to: string, now: Date, by?: string, patch?: Partial<D>): LobbyRecord<D> {
  if (!canMove(record.kind, record.state, to)) throw new KioskError('record-transition-invalid', { kind: record.kind, from: record.state, to });
  const at = now.toISOString();
  // updatedAt never goes back, even on a device whose clock is behind the one that made the record.
  const updatedAt = Date.parse(at) > Date.parse(record.updatedAt) ? at : new Date(Date.parse(record.updatedAt) + 1).toISOString();
  return {
    ...record,
    state: to,
    updatedAt,
    history: [...record.history, { state: to, at: updatedAt, ...(by !== undefined ? { by } : {}) }],
    data: { ...record.data, ...patch },
  };
}

/**
 * The merge rule for two copies of one record, the same as visits' (hub/sync/merge.ts): the longer history is
 * newer; at equal length the later `updatedAt`. A tie keeps the stored copy, so a replay changes nothing.
 */
export function isNewerRecord(incoming: Pick<LobbyRecord, 'history' | 'updatedAt'>, stored: { historyLen: number; updatedAt: string }): boolean {
  if (incoming.history.length !== stored.historyLen) return incoming.history.length > stored.historyLen;
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt);
}

/** When the record last entered `state` (its history entry), if it ever did. */
export function enteredAt(record: Pick<LobbyRecord, 'history'>, state: string): RecordTransition | undefined {
  for (let i = record.history.length - 1; i >= 0; i--) {
    const step = record.history[i];
    if (step?.state === state) return step;
  }
  return undefined;
}
