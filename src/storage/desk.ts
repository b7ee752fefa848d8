import type { IDBPObjectStore, StoreValue } from 'idb';
import {
  isEscalationDue,
  type Alert,
  type AlertIncidentClass,
  type AlertKind,
  type AlertStatus,
  type DeskTask,
  type DeskTaskKind,
  type DevicePinState,
  type ExpectedVisit,
  type ExpectedVisitKind,
  type HostDecision,
  type IncidentRecord,
  type IncidentRecordClass,
  type StaffMember,
  type TourKind,
  type TourRequest,
  type TourStatus,
  type WatchEntry,
  type WatchEntryKind,
} from '../domain/desk.js';
import { KioskError } from '../domain/errors.js';
import { isIncidentPurgeDue, planIncidentPurge } from '../domain/incident-retention.js';
import { DEFAULT_RECORD_DAYS } from '../domain/site.js';
import { localDayKey } from '../domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7, uuidv7Time } from '../domain/uuid.js';
import {
  alertSchema,
  deskTaskSchema,
  devicePinStateSchema,
  expectedVisitSchema,
  hostDecisionSchema,
  incidentRecordSchema,
  staffMemberSchema,
  tourRequestSchema,
  watchEntrySchema,
} from '../schemas/desk.js';
import { DB_NAME, kioskTransaction, withKioskDb, type KioskDB, type KioskDatabase } from './db.js';
import { STRICT, checkedRow, commit, parseRows, type ReadResult } from './tx.js';

/** The key of the device-wide wrong-PIN count in `desk-meta`. */
const PIN_FAILURES = 'pin-failures';
/** The key of the last incident purge's time in `desk-meta`. */
const INCIDENT_PURGE = 'incident-purge';

/** What `purgeIncidents` did: whether it ran (at most once a day), and how many rows it deleted. */
export interface IncidentPurgeResult {
  ran: boolean;
  incidents: number;
  tasks: number;
}

/** What `raiseAlert` needs; the store adds the id, the times, the level and the status. */
export interface RaiseAlertInput {
  siteId: string;
  kind: AlertKind;
  /** Required for `incident`, absent otherwise. */
  incidentClass?: AlertIncidentClass;
  visitId?: string;
  /** Role codes the routing rules chose. */
  notify: readonly string[];
  /** When it escalates unless acknowledged (the rules' delay, default 2 minutes, added to `at`). */
  escalateAt: Date;
  mediaPresent?: boolean;
}

/** The alert raised, or the one already open for the same visit, kind and class (`created: false`). */
export interface RaiseAlertResult {
  alert: Alert;
  created: boolean;
}

/** Options of `escalate`. */
export interface EscalateOptions {
  /** The **Escalate** button: no deadline needed, and an acknowledged alert escalates too. */
  manual?: boolean;
}

/** Why `escalate` did nothing. */
export type EscalationRefusal = 'acknowledged' | 'closed' | 'not-due';

/**
 * The outcome of `escalate`: escalated, or refused because someone acknowledged or closed the alert, or
 * because it is not due (another desk escalated it a moment ago and moved `escalateAt` on). Refusals are
 * the ordinary outcome of a race between desks, so they are values, not rejections.
 */
export type EscalationResult = { escalated: true; alert: Alert } | { escalated: false; reason: EscalationRefusal; alert: Alert };

/** Optional facts of a new incident record; the rest comes from its alert. */
export interface OpenIncidentDetails {
  /** When the visitor arrived (the visit's registration); defaults to the alert's creation. */
  arrivalAt?: Date;
  /** When the notification went out; defaults to the alert's creation. */
  notifiedAt?: Date;
  handledBy?: string;
  typicalCase?: boolean;
}

/** The fields of an incident record staff edit. A blank `handledBy` removes it. */
export type IncidentPatch = Partial<Pick<IncidentRecord, 'handledBy' | 'said' | 'done' | 'outcome' | 'typicalCase' | 'mediaPresent'>>;

export interface AddTaskInput {
  siteId: string;
  kind: DeskTaskKind;
  visitId?: string;
  /** Exactly for `tour-paperwork` (the schema refuses it on other kinds). */
  tourId?: string;
  dueAt?: Date;
  note?: string;
}

export interface AddExpectedInput {
  siteId: string;
  /** The site's IANA zone: the day key follows the site's midnight. */
  timeZone: string;
  hostLabel: string;
  expectedAt: Date;
  guestName?: string;
  /** Defaults to 1. */
  partySize?: number;
  kind: ExpectedVisitKind;
  makeUp?: string;
  recordedBy: string;
}

export type HostDecisionInput = Omit<HostDecision, 'at'>;

export interface RequestTourInput {
  siteId: string;
  kind: TourKind;
  leader: string;
  headcount: number;
  names: readonly string[];
  departments: readonly string[];
  visitAt: Date;
  /**
   * Arranged by phone under the urgent exception: when the written notice is due (the rules' `urgent.
   * paperworkDueHours` after the call). The request and a `tour-paperwork` task due then are written together.
   */
  paperworkDueAt?: Date;
}

export interface WatchEntryInput {
  /** Present to replace an entry (e.g. one the hub sent); absent to create one. */
  id?: string;
  siteId: string;
  kind: WatchEntryKind;
  value: string;
  reason: string;
  approvedBy: string;
  expiresAt: Date;
}

/** The lock rule the sign-in code applies (desk/auth.ts owns the numbers). */
export interface PinLockPolicy {
  /** Wrong PINs that lock sign-in. */
  maxAttempts: number;
  /** How long a lock lasts, in milliseconds. */
  lockMs: number;
}

/** The state after `recordFailedPin`. */
export interface PinAttemptState {
  /** False when sign-in was already locked at that instant: nothing was counted, and no PIN may be tried. */
  counted: boolean;
  /** Whether sign-in is locked now (this attempt may have been the one that locked it). */
  locked: boolean;
  /** When sign-in is possible again, if locked. */
  retryAt?: string;
  /** Wrong PINs on this device since the last success or lock. */
  deviceFailures: number;
}

/** The device's sign-in lock at an instant. */
export interface PinLock {
  locked: boolean;
  retryAt?: string;
}

type RecordStore = 'alerts' | 'incidents' | 'staff' | 'tasks' | 'expected' | 'host-decisions' | 'tours' | 'watchlist';
type Issue = { path: readonly PropertyKey[]; code: string };
type Parser<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } } };

/**
 * How far before a visit's creation a task or alert about it may be stamped. They are made after the visit
 * is seen, but later by another device (the hub, a second desk) whose clock may be a little behind the
 * kiosk's: an hour covers any clock a site would live with.
 */
export const RELATED_RECORD_CLOCK_SKEW_MS = 60 * 60 * 1000;

/** The smallest UUIDv7 of millisecond `ms`: ids of records made at or after `ms` sort at or above it. */
const idFloor = (ms: number): string => uuidv7(Math.max(0, ms), new Uint8Array(UUIDV7_RANDOM_BYTES));

/** The earliest creation time among `visitIds` (UUIDv7), or undefined for none. */
const earliestOf = (visitIds: Iterable<string>): number | undefined => {
  let min: number | undefined;
  for (const id of visitIds) {
    const t = uuidv7Time(id);
    if (Number.isFinite(t) && (min === undefined || t < min)) min = t;
  }
  return min;
};

const newId = (at: Date): string => uuidv7(at.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
const notFound = (store: string, id: string): KioskError => new KioskError('storage-failed', { name: 'NotFoundError', store, id });
/** Copies `value` under `key` only when it is defined: rows never hold `undefined` (the schemas are strict). */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
/** Adds roles not yet listed, keeping the order in which they were first asked for. */
const mergeRoles = (current: readonly string[], more: readonly string[] = []): string[] => [...new Set([...current, ...more])];

/** An alert row from `raw`, or `undefined` if it fails its schema (lists skip it, mutations refuse it). */
const alertIn = (raw: unknown): Alert | undefined => {
  const parsed = alertSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

type IncidentStore = IDBPObjectStore<KioskDB, ('alerts' | 'incidents')[], 'incidents', 'readwrite'>;

/** Applies `apply` to the incident record of `alertId`, if there is one, inside the caller's transaction. */
async function touchIncidentIn(incidents: IncidentStore, alertId: string, apply: (record: IncidentRecord) => IncidentRecord): Promise<void> {
  const raw: unknown = await incidents.index('by-alert').get(alertId);
  if (raw === undefined) return;
  const record = checkedRow(incidentRecordSchema, raw, 'incidents', keyOf(raw));
  const next = apply(record);
  if (next !== record) await incidents.put(checkedRow(incidentRecordSchema, next, 'incidents', record.id));
}

const keyOf = (raw: unknown): string => (typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(unknown)');

/**
 * The receptionist desk's records on this device: alerts, incident records, staff, tasks, expected visits,
 * host decisions, tours and the watch list (see README.md). Stateless apart from the database name, like
 * `VisitStore`: any number of instances, tabs and windows share the data, and every decision that two
 * desks may take at once (acknowledge, escalate, close, complete, decide) is read and written in ONE
 * readwrite transaction — IndexedDB runs those one at a time across connections — and the first one wins.
 *
 * Writes use strict durability and resolve after the commit. Rows are parsed on the way in (a bad row is a
 * bug: `storage-row-invalid`, nothing written) and on the way out (lists report bad rows in `invalid` and
 * never delete them; single reads and changes reject with `storage-row-invalid`). An unknown id rejects with
 * `storage-failed` `{ name: 'NotFoundError' }`; a step the record's life forbids with `RangeError`.
 */
export class DeskStore {
  constructor(readonly dbName: string = DB_NAME) {}

  // ----- alerts -----

  /**
   * Raises an alert at `at` (status `open`, level 0). When the visit already has an alert of the same kind
   * and class that is not closed, that one is returned with `created: false` and nothing is written: two
   * desks classifying the same arrival raise one alert between them.
   */
  async raiseAlert(input: RaiseAlertInput, at: Date): Promise<RaiseAlertResult> {
    const tx = await kioskTransaction(this.dbName, ['alerts'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const alerts = tx.objectStore('alerts');
      if (input.visitId !== undefined) {
        const same = (await alerts.index('by-visit').getAll(input.visitId))
          .map(alertIn)
          .find((a) => a !== undefined && a.status !== 'closed' && a.kind === input.kind && a.incidentClass === input.incidentClass);
        if (same) return { alert: same, created: false };
      }
      const id = newId(at);
      const alert = checkedRow(
        alertSchema,
        {
          id,
          siteId: input.siteId,
          kind: input.kind,
          ...optional('incidentClass', input.incidentClass),
          ...optional('visitId', input.visitId),
          createdAt: at.toISOString(),
          notify: mergeRoles(input.notify),
          escalateAt: input.escalateAt.toISOString(),
          escalationLevel: 0,
          mediaPresent: input.mediaPresent ?? false,
          status: 'open',
        } satisfies Alert,
        'alerts',
        id,
      );
      await alerts.add(alert);
      return { alert, created: true };
    });
  }

  /** One alert, or `undefined`. */
  getAlert(id: string): Promise<Alert | undefined> {
    return this.getOne('alerts', alertSchema, id);
  }

  /** Alerts in one status, oldest first; bad rows reported apart. */
  async listAlerts(status: AlertStatus): Promise<ReadResult<Alert>> {
    const rows: unknown[] = await this.read((db) => db.getAllFromIndex('alerts', 'by-status', status));
    return parseRows(rows, alertSchema, 'id');
  }

  /** Alerts nobody has acknowledged yet, oldest first: what the banner shows. */
  listOpenAlerts(): Promise<ReadResult<Alert>> {
    return this.listAlerts('open');
  }

  /** Every alert of one visit, oldest first. */
  async alertsForVisit(visitId: string): Promise<ReadResult<Alert>> {
    const rows: unknown[] = await this.read((db) => db.getAllFromIndex('alerts', 'by-visit', visitId));
    return parseRows(rows, alertSchema, 'id');
  }

  /**
   * Every alert (any status) of any of `visitIds`, oldest first, in ONE read: the alerts made since the
   * earliest of those visits (less `RELATED_RECORD_CLOCK_SKEW_MS`; ids are UUIDv7, so that is a key range),
   * kept if they name one of them. What the desk needs to know which of the day's visits were already handled.
   */
  async alertsForVisits(visitIds: Iterable<string>): Promise<ReadResult<Alert>> {
    const wanted = new Set(visitIds);
    const since = earliestOf(wanted);
    if (since === undefined) return { rows: [], invalid: [] };
    const rows: unknown[] = await this.read((db) => db.getAll('alerts', IDBKeyRange.lowerBound(idFloor(since - RELATED_RECORD_CLOCK_SKEW_MS))));
    const result = parseRows(rows, alertSchema, 'id');
    result.rows = result.rows.filter((a) => a.visitId !== undefined && wanted.has(a.visitId));
    return result;
  }

  /**
   * Records who acknowledged the alert and when — once. In ONE transaction it re-reads the alert: if someone
   * acknowledged it already (another desk, another tab, a double tap) or it was closed, the stored alert is
   * returned unchanged, so every caller resolves with the same record and the first acknowledgement stands.
   * The alert's incident record, if any, gets the acknowledgement time in the same transaction.
   */
  async acknowledge(alertId: string, staffId: string, at: Date): Promise<Alert> {
    const when = at.toISOString();
    return this.changeAlert(alertId, (alert) =>
      alert.status !== 'open' ? alert : { ...alert, status: 'acknowledged', acknowledgedAt: when, acknowledgedBy: staffId },
    (record) => (record.acknowledgedAt === undefined ? { ...record, acknowledgedAt: when, updatedAt: when } : record));
  }

  /**
   * Escalates an unacknowledged alert whose time has come: the level goes up by one, `escalatedAt` becomes
   * `at`, `escalateAt` moves to `nextEscalateAt`, and `notify` gains the second-hop roles given. Refused
   * (nothing written) when the alert is acknowledged or closed, or not due at `at` — which is what a second
   * desk sees when the first has just escalated it, so one deadline escalates once. The incident record, if
   * any, keeps the first escalation time.
   *
   * `{ manual: true }` is the **Escalate** button ("out of control"): a person's decision, so it ignores the
   * deadline and also escalates an acknowledged alert (the receptionist who took it is the one asking for
   * help); only a closed alert refuses it.
   */
  async escalate(alertId: string, at: Date, nextEscalateAt: Date, notify: readonly string[] = [], options: EscalateOptions = {}): Promise<EscalationResult> {
    const when = at.toISOString();
    const manual = options.manual ?? false;
    let refusal: EscalationRefusal | undefined;
    const alert = await this.changeAlert(
      alertId,
      (current) => {
        refusal =
          current.status === 'closed' ? 'closed' : manual ? undefined : current.status === 'acknowledged' ? 'acknowledged' : !isEscalationDue(current, at) ? 'not-due' : undefined;
        if (refusal) return current;
        return {
          ...current,
          escalationLevel: current.escalationLevel + 1,
          escalatedAt: when,
          escalateAt: nextEscalateAt.toISOString(),
          notify: mergeRoles(current.notify, notify),
        };
      },
      (record) => (record.escalatedAt === undefined ? { ...record, escalatedAt: when, updatedAt: when } : record),
    );
    return refusal ? { escalated: false, reason: refusal, alert } : { escalated: true, alert };
  }

  /** Open alerts whose escalation time is at or before `now`, earliest deadline first. */
  async dueEscalations(now: Date): Promise<ReadResult<Alert>> {
    const open = await this.listOpenAlerts();
    const due = open.rows.filter((a) => isEscalationDue(a, now)).sort((a, b) => Date.parse(a.escalateAt) - Date.parse(b.escalateAt));
    return { rows: due, invalid: open.invalid };
  }

  /**
   * Marks a media crew present (on class A it brings in PR: pass the roles in `notify`). Idempotent; the
   * incident record is marked in the same transaction. `at` stamps the record's `updatedAt`.
   */
  markMediaPresent(alertId: string, at: Date, notify: readonly string[] = []): Promise<Alert> {
    const when = at.toISOString();
    return this.changeAlert(
      alertId,
      (alert) => {
        const roles = mergeRoles(alert.notify, notify);
        return alert.mediaPresent && roles.length === alert.notify.length ? alert : { ...alert, mediaPresent: true, notify: roles };
      },
      (record) => (record.mediaPresent ? record : { ...record, mediaPresent: true, updatedAt: when }),
    );
  }

  /** Closes an alert (help call answered, matter over). The first close stands; a closed alert is returned unchanged. */
  closeAlert(alertId: string, at: Date): Promise<Alert> {
    return this.changeAlert(alertId, (alert) => (alert.status === 'closed' ? alert : { ...alert, status: 'closed', closedAt: at.toISOString() }));
  }

  // ----- incident records -----

  /**
   * Opens the incident record of an incident or watch-list alert — one per alert: if the alert already has
   * one (another desk opened it), that one is returned. Class, site and visit come from the alert, and so do
   * an acknowledgement and escalation that happened before. Help calls have no record (`RangeError`).
   */
  async openIncident(alertId: string, at: Date, details: OpenIncidentDetails = {}): Promise<IncidentRecord> {
    const tx = await kioskTransaction(this.dbName, ['alerts', 'incidents'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const incidents = tx.objectStore('incidents');
      const existing: unknown = await incidents.index('by-alert').get(alertId);
      if (existing !== undefined) return checkedRow(incidentRecordSchema, existing, 'incidents', keyOf(existing));
      const rawAlert: unknown = await tx.objectStore('alerts').get(alertId);
      if (rawAlert === undefined) throw notFound('alerts', alertId);
      const alert = checkedRow(alertSchema, rawAlert, 'alerts', alertId);
      if (alert.kind === 'help') throw new RangeError('a help call has no incident record');
      const incidentClass: IncidentRecordClass = alert.kind === 'watchlist' ? 'watchlist' : (alert.incidentClass ?? 'A');
      const id = newId(at);
      const handledBy = details.handledBy?.trim();
      const record = checkedRow(
        incidentRecordSchema,
        {
          id,
          siteId: alert.siteId,
          alertId,
          incidentClass,
          ...optional('visitId', alert.visitId),
          arrivalAt: details.arrivalAt?.toISOString() ?? alert.createdAt,
          notifiedAt: details.notifiedAt?.toISOString() ?? alert.createdAt,
          ...optional('acknowledgedAt', alert.acknowledgedAt),
          ...optional('escalatedAt', alert.escalatedAt),
          ...optional('handledBy', handledBy || undefined),
          said: '',
          done: '',
          outcome: '',
          typicalCase: details.typicalCase ?? false,
          mediaPresent: alert.mediaPresent,
          updatedAt: at.toISOString(),
        } satisfies IncidentRecord,
        'incidents',
        id,
      );
      await incidents.add(record);
      return record;
    });
  }

  /** One incident record, or `undefined`. */
  getIncident(id: string): Promise<IncidentRecord | undefined> {
    return this.getOne('incidents', incidentRecordSchema, id);
  }

  /** The incident record of an alert, or `undefined`. */
  async incidentForAlert(alertId: string): Promise<IncidentRecord | undefined> {
    const raw: unknown = await this.read((db) => db.getFromIndex('incidents', 'by-alert', alertId));
    return raw === undefined ? undefined : checkedRow(incidentRecordSchema, raw, 'incidents', keyOf(raw));
  }

  /** Every incident record, oldest first (ids are UUIDv7); bad rows reported apart. Overdue: `isIncidentOverdue`. */
  async listIncidents(): Promise<ReadResult<IncidentRecord>> {
    const rows: unknown[] = await this.read((db) => db.getAll('incidents'));
    return parseRows(rows, incidentRecordSchema, 'id');
  }

  /**
   * Edits what staff write on the record (who handled it, what was said and done, the outcome, the marks),
   * also after closing — the written record is due two working days later. A signed-off record is final:
   * `RangeError`.
   */
  updateIncident(id: string, patch: IncidentPatch, at: Date): Promise<IncidentRecord> {
    return this.modify('incidents', incidentRecordSchema, id, (record) => {
      if (record.signedOffAt !== undefined) throw new RangeError('a signed-off incident record cannot change');
      const { handledBy, ...rest } = record;
      const who = patch.handledBy === undefined ? handledBy : patch.handledBy.trim() || undefined;
      return {
        ...rest,
        ...optional('handledBy', who),
        ...optional('said', patch.said),
        ...optional('done', patch.done),
        ...optional('outcome', patch.outcome),
        ...optional('typicalCase', patch.typicalCase),
        ...optional('mediaPresent', patch.mediaPresent),
        updatedAt: at.toISOString(),
      };
    });
  }

  /**
   * Closes the incident at `closedAt` with the record due at `dueAt` (the caller computes it: two working
   * days on the site's calendar), and closes its alert in the same transaction. The first close stands.
   */
  async closeIncident(id: string, closedAt: Date, dueAt: Date): Promise<IncidentRecord> {
    const when = closedAt.toISOString();
    const tx = await kioskTransaction(this.dbName, ['alerts', 'incidents'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const incidents = tx.objectStore('incidents');
      const raw: unknown = await incidents.get(id);
      if (raw === undefined) throw notFound('incidents', id);
      const record = checkedRow(incidentRecordSchema, raw, 'incidents', id);
      if (record.closedAt !== undefined) return record;
      const closed = checkedRow(incidentRecordSchema, { ...record, closedAt: when, dueAt: dueAt.toISOString(), updatedAt: when }, 'incidents', id);
      await incidents.put(closed);
      const alerts = tx.objectStore('alerts');
      const rawAlert: unknown = await alerts.get(record.alertId);
      const alert = rawAlert === undefined ? undefined : checkedRow(alertSchema, rawAlert, 'alerts', record.alertId);
      if (alert && alert.status !== 'closed') await alerts.put(checkedRow(alertSchema, { ...alert, status: 'closed', closedAt: when }, 'alerts', alert.id));
      return closed;
    });
  }

  /**
   * A site manager signs the closed record off. `RangeError` when the record is not closed, or `staffId` is
   * not a site manager of the record's site on this device. A signed-off record is returned unchanged.
   */
  async signOff(id: string, staffId: string, at: Date): Promise<IncidentRecord> {
    const tx = await kioskTransaction(this.dbName, ['incidents', 'staff'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const incidents = tx.objectStore('incidents');
      const raw: unknown = await incidents.get(id);
      if (raw === undefined) throw notFound('incidents', id);
      const record = checkedRow(incidentRecordSchema, raw, 'incidents', id);
      if (record.signedOffAt !== undefined) return record;
      if (record.closedAt === undefined) throw new RangeError('an incident record is signed off after it is closed');
      const rawStaff: unknown = await tx.objectStore('staff').get(staffId);
      const signer = rawStaff === undefined ? undefined : checkedRow(staffMemberSchema, rawStaff, 'staff', staffId);
      if (signer?.role !== 'site-manager' || signer.siteId !== record.siteId) throw new RangeError('only a site manager of the site signs incident records off');
      const when = at.toISOString();
      const signed = checkedRow(incidentRecordSchema, { ...record, signedOffBy: staffId, signedOffAt: when, updatedAt: when }, 'incidents', id);
      await incidents.put(signed);
      return signed;
    });
  }

  /**
   * Holds an incident record for evidence until `heldUntil` (a later date replaces it), or lifts the hold
   * (`undefined`). Allowed on a signed-off record — that is what holds are for. It is not a change to what
   * the record says, so `updatedAt` stays: once the hold lapses, retention counts from the last real change.
   */
  holdIncident(id: string, heldUntil: Date | undefined): Promise<IncidentRecord> {
    return this.modify('incidents', incidentRecordSchema, id, (record) => {
      const { heldUntil: _previous, ...rest } = record;
      return { ...rest, ...optional('heldUntil', heldUntil?.toISOString()) };
    });
  }

  /**
   * Deletes the incident records of `siteId` past retention at `now` (closed, signed off, not held, last
   * changed more than `recordDays` ago) and their finished tasks — `planIncidentPurge` decides — in ONE
   * strict transaction, and notes the run in `desk-meta`. At most once per INCIDENT_PURGE_INTERVAL_MS on this
   * device (`ran: false` otherwise), so the desk may call it at every sign-in. Rows that fail their schema
   * are never deleted (a bad row is kept for someone to look at, as everywhere in this store).
   */
  async purgeIncidents(siteId: string, now: Date, recordDays: number = DEFAULT_RECORD_DAYS): Promise<IncidentPurgeResult> {
    const tx = await kioskTransaction(this.dbName, ['incidents', 'tasks', 'desk-meta'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const meta = tx.objectStore('desk-meta');
      const last: unknown = await meta.get(INCIDENT_PURGE);
      if (!isIncidentPurgeDue(typeof last === 'string' ? last : undefined, now)) return { ran: false, incidents: 0, tasks: 0 };
      const incidents = tx.objectStore('incidents');
      const tasks = tx.objectStore('tasks');
      const [incidentRows, taskRows]: [unknown[], unknown[]] = await Promise.all([incidents.getAll(), tasks.getAll()]);
      const plan = planIncidentPurge(siteId, parseRows(incidentRows, incidentRecordSchema, 'id').rows, parseRows(taskRows, deskTaskSchema, 'id').rows, now, recordDays);
      await Promise.all([...plan.incidentIds.map((id) => incidents.delete(id)), ...plan.taskIds.map((id) => tasks.delete(id)), meta.put(now.toISOString(), INCIDENT_PURGE)]);
      return { ran: true, incidents: plan.incidentIds.length, tasks: plan.taskIds.length };
    });
  }

  // ----- tasks -----

  /** Adds an open task. */
  async addTask(input: AddTaskInput, at: Date): Promise<DeskTask> {
    const id = newId(at);
    const note = input.note?.trim();
    const task: DeskTask = {
      id,
      siteId: input.siteId,
      kind: input.kind,
      ...optional('visitId', input.visitId),
      ...optional('tourId', input.tourId),
      createdAt: at.toISOString(),
      ...optional('dueAt', input.dueAt?.toISOString()),
      status: 'open',
      ...optional('note', note || undefined),
    };
    return this.add('tasks', deskTaskSchema, task, id);
  }

  /** Marks a task done by `staffId`; a note replaces the task's note. The first completion stands. */
  completeTask(id: string, staffId: string, at: Date, note?: string): Promise<DeskTask> {
    const text = note?.trim();
    return this.modify('tasks', deskTaskSchema, id, (task) =>
      task.status === 'done' ? task : { ...task, status: 'done', doneAt: at.toISOString(), doneBy: staffId, ...optional('note', text || task.note) },
    );
  }

  /** Open tasks, oldest first; bad rows reported apart. */
  async openTasks(): Promise<ReadResult<DeskTask>> {
    const rows: unknown[] = await this.read((db) => db.getAllFromIndex('tasks', 'by-status', 'open'));
    return parseRows(rows, deskTaskSchema, 'id');
  }

  /** One task, or `undefined`. */
  getTask(id: string): Promise<DeskTask | undefined> {
    return this.getOne('tasks', deskTaskSchema, id);
  }

  /**
   * Every task (open or done) about one visit, oldest first — one read over the tasks made since the visit
   * (less `RELATED_RECORD_CLOCK_SKEW_MS`: task ids are UUIDv7), so a task marked **Done** is known too and
   * never opened twice. Bad rows reported apart.
   */
  tasksForVisit(visitId: string): Promise<ReadResult<DeskTask>> {
    return this.tasksForVisits([visitId]);
  }

  /** `tasksForVisit` for many visits in ONE read (the tasks made since the earliest of them). */
  async tasksForVisits(visitIds: Iterable<string>): Promise<ReadResult<DeskTask>> {
    const wanted = new Set(visitIds);
    const since = earliestOf(wanted);
    if (since === undefined) return { rows: [], invalid: [] };
    const rows: unknown[] = await this.read((db) => db.getAll('tasks', IDBKeyRange.lowerBound(idFloor(since - RELATED_RECORD_CLOCK_SKEW_MS))));
    const result = parseRows(rows, deskTaskSchema, 'id');
    result.rows = result.rows.filter((t) => t.visitId !== undefined && wanted.has(t.visitId));
    return result;
  }

  /** The tasks about one tour request (its `tour-paperwork`), oldest first. */
  async tasksForTour(tourId: string): Promise<ReadResult<DeskTask>> {
    const rows: unknown[] = await this.read((db) => db.getAll('tasks', IDBKeyRange.lowerBound(idFloor(uuidv7Time(tourId) - RELATED_RECORD_CLOCK_SKEW_MS))));
    const result = parseRows(rows, deskTaskSchema, 'id');
    result.rows = result.rows.filter((t) => t.tourId === tourId);
    return result;
  }

  // ----- expected visits -----

  /** Records an expected visit; its `dayKey` is the site's local date of `expectedAt`. */
  async addExpected(input: AddExpectedInput, at: Date): Promise<ExpectedVisit> {
    const id = newId(at);
    const guestName = input.guestName?.trim();
    const makeUp = input.makeUp?.trim();
    const expected: ExpectedVisit = {
      id,
      siteId: input.siteId,
      dayKey: localDayKey(input.expectedAt, input.timeZone),
      hostLabel: input.hostLabel.trim(),
      expectedAt: input.expectedAt.toISOString(),
      ...optional('guestName', guestName || undefined),
      partySize: input.partySize ?? 1,
      kind: input.kind,
      ...optional('makeUp', makeUp || undefined),
      recordedBy: input.recordedBy.trim(),
      createdAt: at.toISOString(),
    };
    return this.add('expected', expectedVisitSchema, expected, id);
  }

  /** The expected visits of one local day, by expected time; bad rows reported apart. */
  async listExpected(dayKey: string): Promise<ReadResult<ExpectedVisit>> {
    const rows: unknown[] = await this.read((db) => db.getAllFromIndex('expected', 'by-day', dayKey));
    const result = parseRows(rows, expectedVisitSchema, 'id');
    result.rows.sort((a, b) => Date.parse(a.expectedAt) - Date.parse(b.expectedAt));
    return result;
  }

  /** Links an expected visit to the visit that fulfilled it. The first link stands. */
  markExpectedArrived(id: string, visitId: string): Promise<ExpectedVisit> {
    return this.modify('expected', expectedVisitSchema, id, (expected) => (expected.arrivedVisitId !== undefined ? expected : { ...expected, arrivedVisitId: visitId }));
  }

  /** Removes an expected visit (the resident called it off). Unknown ids are ignored. */
  removeExpected(id: string): Promise<void> {
    return this.remove('expected', id);
  }

  // ----- host decisions -----

  /** Records "confirmed by 12A at 14:02" (or declined) for a visit. A later answer — a correction — replaces it. */
  async recordHostDecision(input: HostDecisionInput, at: Date): Promise<HostDecision> {
    const decision: HostDecision = { visitId: input.visitId, decision: input.decision, by: input.by.trim(), at: at.toISOString(), staffId: input.staffId };
    const row = checkedRow(hostDecisionSchema, decision, 'host-decisions', input.visitId);
    const tx = await kioskTransaction(this.dbName, ['host-decisions'], 'readwrite', STRICT);
    await commit(tx, () => tx.objectStore('host-decisions').put(row));
    return row;
  }

  /** The host's answer for a visit, or `undefined` if none was recorded. */
  hostDecision(visitId: string): Promise<HostDecision | undefined> {
    return this.getOne('host-decisions', hostDecisionSchema, visitId);
  }

  /**
   * The hosts' answers for many visits in ONE read: decisions are keyed by visit id, so the ids' range
   * (smallest to largest) is one `getAll`; answers for visits outside `visitIds` are dropped. A day's 2 000
   * visits cost one request, not 2 000. Bad rows reported apart.
   */
  async hostDecisionsFor(visitIds: Iterable<string>): Promise<ReadResult<HostDecision>> {
    const wanted = new Set(visitIds);
    if (wanted.size === 0) return { rows: [], invalid: [] };
    const sorted = [...wanted].sort();
    const low = sorted[0] as string;
    const high = sorted[sorted.length - 1] as string;
    const rows: unknown[] = await this.read((db) => db.getAll('host-decisions', IDBKeyRange.bound(low, high)));
    const result = parseRows(rows, hostDecisionSchema, 'visitId');
    result.rows = result.rows.filter((d) => wanted.has(d.visitId));
    return result;
  }

  // ----- tours -----

  /** Records a tour request (status `requested`); the lead-time rules decide what the desk does with it. */
  async requestTour(input: RequestTourInput, at: Date): Promise<TourRequest> {
    const id = newId(at);
    const tour: TourRequest = {
      id,
      siteId: input.siteId,
      kind: input.kind,
      leader: input.leader.trim(),
      headcount: input.headcount,
      names: input.names.map((n) => n.trim()).filter((n) => n.length > 0),
      departments: input.departments.map((d) => d.trim()).filter((d) => d.length > 0),
      visitAt: input.visitAt.toISOString(),
      requestedAt: at.toISOString(),
      status: 'requested',
      ...optional('paperworkDueAt', input.paperworkDueAt?.toISOString()),
    };
    if (input.paperworkDueAt === undefined) return this.add('tours', tourRequestSchema, tour, id);
    // Arranged by phone: the request and the reminder for its written notice are one write, never one alone.
    const row = checkedRow(tourRequestSchema, tour, 'tours', id);
    const taskId = newId(at);
    const task = checkedRow(
      deskTaskSchema,
      { id: taskId, siteId: input.siteId, kind: 'tour-paperwork', tourId: id, createdAt: at.toISOString(), dueAt: input.paperworkDueAt.toISOString(), status: 'open' } satisfies DeskTask,
      'tasks',
      taskId,
    );
    const tx = await kioskTransaction(this.dbName, ['tours', 'tasks'], 'readwrite', STRICT);
    await commit(tx, () => Promise.all([tx.objectStore('tours').add(row), tx.objectStore('tasks').add(task)]));
    return row;
  }

  /**
   * Approves or declines a requested tour. The first decision stands: a decided tour is returned unchanged.
   * An approved tour may carry the invitation it became; without one it records `invitationRequestedAt`
   * (the desk holds no signing key: the hub signs it and `attachTourInvitation` records it).
   */
  decideTour(id: string, decision: 'approved' | 'declined', staffId: string, at: Date, invitationJti?: string): Promise<TourRequest> {
    const when = at.toISOString();
    return this.modify('tours', tourRequestSchema, id, (tour) =>
      tour.status !== 'requested'
        ? tour
        : {
            ...tour,
            status: decision,
            decidedBy: staffId,
            decidedAt: when,
            ...optional('invitationJti', invitationJti),
            // Approved without an invitation in hand: the desk has asked for one (the hub signs; see the README).
            ...optional('invitationRequestedAt', decision === 'approved' && invitationJti === undefined ? when : undefined),
          },
    );
  }

  /** Records the invitation an approved tour became; `RangeError` for a tour that is not approved. */
  attachTourInvitation(id: string, invitationJti: string): Promise<TourRequest> {
    return this.modify('tours', tourRequestSchema, id, (tour) => {
      if (tour.status !== 'approved') throw new RangeError('only an approved tour becomes an invitation');
      return { ...tour, invitationJti };
    });
  }

  /** One tour request, or `undefined`. */
  getTour(id: string): Promise<TourRequest | undefined> {
    return this.getOne('tours', tourRequestSchema, id);
  }

  /** Tour requests, all or in one status, oldest first; bad rows reported apart. */
  async listTours(status?: TourStatus): Promise<ReadResult<TourRequest>> {
    const rows: unknown[] = await this.read((db) => (status === undefined ? db.getAll('tours') : db.getAllFromIndex('tours', 'by-status', status)));
    return parseRows(rows, tourRequestSchema, 'id');
  }

  // ----- watch list -----

  /** Adds a watch-list entry, or replaces the one with `input.id` (keeping when it was first made). */
  async putWatchEntry(input: WatchEntryInput, at: Date): Promise<WatchEntry> {
    const tx = await kioskTransaction(this.dbName, ['watchlist'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const watchlist = tx.objectStore('watchlist');
      const id = input.id ?? newId(at);
      const previous: unknown = input.id === undefined ? undefined : await watchlist.get(id);
      const createdAt = previous === undefined ? at.toISOString() : checkedRow(watchEntrySchema, previous, 'watchlist', id).createdAt;
      const entry = checkedRow(
        watchEntrySchema,
        {
          id,
          siteId: input.siteId,
          kind: input.kind,
          value: input.value,
          reason: input.reason.trim(),
          approvedBy: input.approvedBy.trim(),
          createdAt,
          expiresAt: input.expiresAt.toISOString(),
        } satisfies WatchEntry,
        'watchlist',
        id,
      );
      await watchlist.put(entry);
      return entry;
    });
  }

  /** Watch-list entries, oldest first; with `now`, only those not yet expired. Bad rows reported apart. */
  async listWatchEntries(now?: Date): Promise<ReadResult<WatchEntry>> {
    const rows: unknown[] = await this.read((db) => db.getAll('watchlist'));
    const result = parseRows(rows, watchEntrySchema, 'id');
    if (now !== undefined) result.rows = result.rows.filter((e) => Date.parse(e.expiresAt) > now.getTime());
    return result;
  }

  /** Removes a watch-list entry. Unknown ids are ignored. */
  removeWatchEntry(id: string): Promise<void> {
    return this.remove('watchlist', id);
  }

  // ----- staff and sign-in -----

  /** Adds or replaces a staff member (made with `hashPin` from desk/auth.ts: the PIN itself is never stored). */
  async putStaff(staff: StaffMember): Promise<StaffMember> {
    const row = checkedRow(staffMemberSchema, staff, 'staff', staff.id);
    const tx = await kioskTransaction(this.dbName, ['staff'], 'readwrite', STRICT);
    await commit(tx, () => tx.objectStore('staff').put(row));
    return row;
  }

  /** One staff member, or `undefined`. */
  getStaff(id: string): Promise<StaffMember | undefined> {
    return this.getOne('staff', staffMemberSchema, id);
  }

  /** Staff, all or of one site, by id; bad rows reported apart. */
  async listStaff(siteId?: string): Promise<ReadResult<StaffMember>> {
    const rows: unknown[] = await this.read((db) => (siteId === undefined ? db.getAll('staff') : db.getAllFromIndex('staff', 'by-site', siteId)));
    return parseRows(rows, staffMemberSchema, 'id');
  }

  /**
   * Counts one wrong PIN on the device and, with `staffId`, against that member — in ONE transaction. If the
   * device (or that member) is locked at `at`, nothing is counted and `counted: false` says so. A count that
   * reaches `policy.maxAttempts` locks until `at + policy.lockMs`; an expired lock is cleared and counting
   * starts again. Sign-in calls this BEFORE checking a PIN and `resetFailedPins` after a success, so parallel
   * guesses from many tabs can never check more PINs than the policy allows.
   */
  async recordFailedPin(staffId: string | undefined, at: Date, policy: PinLockPolicy): Promise<PinAttemptState> {
    const now = at.getTime();
    const lockUntil = new Date(now + policy.lockMs).toISOString();
    const tx = await kioskTransaction(this.dbName, ['staff', 'desk-meta'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const meta = tx.objectStore('desk-meta');
      const rawDevice: unknown = await meta.get(PIN_FAILURES);
      let device: DevicePinState = rawDevice === undefined ? { failedAttempts: 0 } : checkedRow(devicePinStateSchema, rawDevice, 'desk-meta', PIN_FAILURES);
      const staffStore = tx.objectStore('staff');
      const rawMember: unknown = staffId === undefined ? undefined : await staffStore.get(staffId);
      let member = rawMember === undefined || staffId === undefined ? undefined : checkedRow(staffMemberSchema, rawMember, 'staff', staffId);

      const heldUntil = [device.lockedUntil, member?.lockedUntil].filter((u): u is string => u !== undefined && Date.parse(u) > now).sort().pop();
      if (heldUntil !== undefined) return { counted: false, locked: true, retryAt: heldUntil, deviceFailures: device.failedAttempts };

      device = countFailure(device, now, policy.maxAttempts, lockUntil);
      await meta.put(checkedRow(devicePinStateSchema, device, 'desk-meta', PIN_FAILURES), PIN_FAILURES);
      if (member) {
        const { lockedUntil, failedAttempts, ...rest } = member;
        member = { ...rest, ...countFailure({ failedAttempts, ...optional('lockedUntil', lockedUntil) }, now, policy.maxAttempts, lockUntil) };
        await staffStore.put(checkedRow(staffMemberSchema, member, 'staff', member.id));
      }
      const retryAt = [device.lockedUntil, member?.lockedUntil].filter((u): u is string => u !== undefined).sort().pop();
      return { counted: true, locked: retryAt !== undefined, ...optional('retryAt', retryAt), deviceFailures: device.failedAttempts };
    });
  }

  /** After a right PIN: clears the device's wrong-PIN count and lock, and those of `staffId`. */
  async resetFailedPins(staffId: string | undefined, _at: Date): Promise<void> {
    const tx = await kioskTransaction(this.dbName, ['staff', 'desk-meta'], 'readwrite', STRICT);
    await commit(tx, async () => {
      await tx.objectStore('desk-meta').put({ failedAttempts: 0 }, PIN_FAILURES);
      if (staffId === undefined) return;
      const staffStore = tx.objectStore('staff');
      const raw: unknown = await staffStore.get(staffId);
      if (raw === undefined) return;
      const { lockedUntil: _cleared, ...member } = checkedRow(staffMemberSchema, raw, 'staff', staffId);
      await staffStore.put({ ...member, failedAttempts: 0 });
    });
  }

  /** Whether sign-in on this device is locked at `now` (for the sign-in screen to show the wait). */
  async deviceLock(now: Date): Promise<PinLock> {
    const raw: unknown = await this.read((db) => db.get('desk-meta', PIN_FAILURES));
    const state = raw === undefined ? { failedAttempts: 0 } : checkedRow(devicePinStateSchema, raw, 'desk-meta', PIN_FAILURES);
    return state.lockedUntil !== undefined && Date.parse(state.lockedUntil) > now.getTime() ? { locked: true, retryAt: state.lockedUntil } : { locked: false };
  }

  // ----- shared paths -----

  /**
   * Reads alert `alertId`, applies `apply` and, if it changed anything, writes it — and applies `onIncident`
   * to the alert's incident record — in ONE strict transaction. Returning the alert unchanged writes nothing.
   */
  private async changeAlert(alertId: string, apply: (alert: Alert) => Alert, onIncident?: (record: IncidentRecord) => IncidentRecord): Promise<Alert> {
    const tx = await kioskTransaction(this.dbName, ['alerts', 'incidents'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const alerts = tx.objectStore('alerts');
      const raw: unknown = await alerts.get(alertId);
      if (raw === undefined) throw notFound('alerts', alertId);
      const alert = checkedRow(alertSchema, raw, 'alerts', alertId);
      const next = apply(alert);
      if (next === alert) return alert;
      const row = checkedRow(alertSchema, next, 'alerts', alertId);
      await alerts.put(row);
      if (onIncident) await touchIncidentIn(tx.objectStore('incidents'), alertId, onIncident);
      return row;
    });
  }

  /** Reads row `id` of `store`, applies `apply` and writes the result if it changed, in one strict transaction. */
  private async modify<S extends RecordStore, T>(store: S, schema: Parser<T>, id: string, apply: (row: T) => T): Promise<T> {
    const tx = await kioskTransaction(this.dbName, [store], 'readwrite', STRICT);
    return commit(tx, async () => {
      const os = tx.objectStore(store);
      const raw: unknown = await os.get(id);
      if (raw === undefined) throw notFound(store, id);
      const row = checkedRow(schema, raw, store, id);
      const next = apply(row);
      if (next === row) return row;
      const checked = checkedRow(schema, next, store, id);
      await os.put(checked as StoreValue<KioskDB, S>);
      return checked;
    });
  }

  /** Checks and adds a new row (`add`: an existing key means something is badly wrong). */
  private async add<S extends RecordStore, T>(store: S, schema: Parser<T>, row: T, id: string): Promise<T> {
    const checked = checkedRow(schema, row, store, id);
    const tx = await kioskTransaction(this.dbName, [store], 'readwrite', STRICT);
    await commit(tx, () => tx.objectStore(store).add(checked as StoreValue<KioskDB, S>));
    return checked;
  }

  private async remove<S extends RecordStore>(store: S, id: string): Promise<void> {
    const tx = await kioskTransaction(this.dbName, [store], 'readwrite', STRICT);
    await commit(tx, () => tx.objectStore(store).delete(id));
  }

  /** One row, parsed; `storage-row-invalid` when it is there but bad (it stays). */
  private async getOne<S extends RecordStore, T>(store: S, schema: Parser<T>, id: string): Promise<T | undefined> {
    const raw: unknown = await this.read((db) => db.get(store, id));
    return raw === undefined ? undefined : checkedRow(schema, raw, store, id);
  }

  private read<T>(op: (db: KioskDatabase) => Promise<T>): Promise<T> {
    return withKioskDb(this.dbName, op);
  }
}

/** One more wrong PIN on a counter: an expired lock starts the count afresh; reaching `max` locks until `lockUntil`. */
function countFailure(state: DevicePinState, now: number, max: number, lockUntil: string): DevicePinState {
  const expired = state.lockedUntil !== undefined && Date.parse(state.lockedUntil) <= now;
  const failedAttempts = (expired ? 0 : state.failedAttempts) + 1;
  return failedAttempts >= max ? { failedAttempts, lockedUntil: lockUntil } : { failedAttempts };
}
