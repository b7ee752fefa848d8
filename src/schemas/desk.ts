/**
 * Schemas for the desk's rows in IndexedDB (src/domain/desk.ts). Storage parses every row on the way in
 * and on the way out, as it does visits. Each schema is checked against its domain interface at compile
 * time (bottom of the file): a field added on one side only stops the build.
 */
import { z } from 'zod/mini';
import {
  ALERT_INCIDENT_CLASSES,
  ALERT_KINDS,
  HEALTH_CAUSES,
  ALERT_STATUSES,
  DESK_TASK_KINDS,
  DESK_TASK_STATUSES,
  EXPECTED_VISIT_KINDS,
  HOST_DECISIONS,
  INCIDENT_RECORD_CLASSES,
  MIN_PIN_HASH_ITERATIONS,
  STAFF_ROLES,
  TOUR_KINDS,
  TOUR_STATUSES,
  WATCH_ENTRY_KINDS,
  type Alert,
  type DeskTask,
  type DevicePinState,
  type ExpectedVisit,
  type HostDecision,
  type IncidentRecord,
  type StaffMember,
  type TourRequest,
  type WatchEntry,
} from '../domain/desk.js';
import { isUuidV7 } from '../domain/uuid.js';
import { MAX_STORED_ID, MAX_STORED_MESSAGE, MAX_STORED_PARTY_SIZE, MAX_STORED_TEXT } from './visit.js';

/** Longest free text on an incident record ("what was said", "what was done", "outcome"): a page of the paper form. */
export const MAX_INCIDENT_TEXT = 4000;
/** Most role codes one alert notifies: every preset's first and second hop together stay far below it. */
export const MAX_NOTIFY_ROLES = 16;
/** Most departments one tour request names; two already make it a group. */
export const MAX_TOUR_DEPARTMENTS = 50;
/** Highest escalation level kept: an alert nobody acknowledges for this many rounds is a broken desk, not a count to keep. */
export const MAX_ESCALATION_LEVEL = 1000;
/** Wrong PINs counted before a lock; far above the lock threshold, it only stops a runaway counter. */
export const MAX_STORED_PIN_FAILURES = 1000;

const isoUtc = z.iso.datetime();
const uuidV7 = z.string().check(z.refine(isUuidV7, 'not a canonical UUIDv7'));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const siteId = text(1, MAX_STORED_ID);
/** A staff id: a slug or a UUID from the hub or the CLI — no spaces, no `:`, so never a name or a URL. */
const staffId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'not a staff id'), z.maxLength(MAX_STORED_ID));
/** A role code of the routing rules (`cs-centre`, `pr`, `site-manager`). */
const roleCode = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'not a role code'), z.maxLength(64));
const positiveInt = z.int().check(z.minimum(1));
const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
/** A token's 128-bit id, as src/schemas/visit.ts checks it. */
const tokenId = z.string().check(z.regex(/^[A-Za-z0-9_-]{21}[AQgw]$/, 'not a 128-bit token id'));
/** `n` bytes, canonical base64url without padding. */
const base64url = (bytes: number) => {
  const chars = Math.ceil((bytes * 8) / 6);
  return z.string().check(z.length(chars), z.regex(/^[A-Za-z0-9_-]*$/, 'not base64url'));
};
const before = (a: string | undefined, b: string | undefined): boolean => a === undefined || b === undefined || Date.parse(a) <= Date.parse(b);
/** Both or neither of two optional fields. */
const paired = (a: unknown, b: unknown): boolean => (a === undefined) === (b === undefined);

/** Longest device id a health alert names (kiosks use UUIDs; the bound only keeps junk out). */
const MAX_HEALTH_DEVICE_ID = 200;

/** A stored `Alert`, with its invariants: class only on incidents, acknowledgement and closure consistent with status. */
export const alertSchema = z
  .strictObject({
    id: uuidV7,
    siteId,
    kind: z.enum(ALERT_KINDS),
    incidentClass: z.optional(z.enum(ALERT_INCIDENT_CLASSES)),
    visitId: z.optional(uuidV7),
    createdAt: isoUtc,
    notify: z.array(roleCode).check(z.maxLength(MAX_NOTIFY_ROLES)),
    escalateAt: isoUtc,
    escalatedAt: z.optional(isoUtc),
    escalationLevel: count(MAX_ESCALATION_LEVEL),
    acknowledgedAt: z.optional(isoUtc),
    acknowledgedBy: z.optional(staffId),
    mediaPresent: z.boolean(),
    status: z.enum(ALERT_STATUSES),
    closedAt: z.optional(isoUtc),
    health: z.optional(z.strictObject({ cause: z.enum(HEALTH_CAUSES), deviceId: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_HEALTH_DEVICE_ID))) })),
  })
  .check(
    z.refine((a) => (a.kind === 'incident') === (a.incidentClass !== undefined), { message: 'an incident class exactly on incident alerts', path: ['incidentClass'] }),
    z.refine((a) => (a.kind === 'health') === (a.health !== undefined), { message: 'a health cause exactly on health alerts', path: ['health'] }),
    z.refine((a) => paired(a.acknowledgedAt, a.acknowledgedBy), { message: 'acknowledgedAt and acknowledgedBy go together', path: ['acknowledgedBy'] }),
    // Open means nobody has acknowledged; acknowledged means somebody has. A closed alert may have been closed either way.
    z.refine((a) => a.status === 'closed' || (a.status === 'acknowledged') === (a.acknowledgedAt !== undefined), { message: 'acknowledgement does not match status', path: ['status'] }),
    z.refine((a) => (a.status === 'closed') === (a.closedAt !== undefined), { message: 'closedAt exactly on closed alerts', path: ['closedAt'] }),
    z.refine((a) => (a.escalationLevel > 0) === (a.escalatedAt !== undefined), { message: 'escalatedAt exactly when escalated', path: ['escalatedAt'] }),
    z.refine((a) => new Set(a.notify).size === a.notify.length, { message: 'a role is listed twice', path: ['notify'] }),
  );

/** A stored incident record: closing sets the due time, sign-off needs a closed record. */
export const incidentRecordSchema = z
  .strictObject({
    id: uuidV7,
    siteId,
    alertId: uuidV7,
    incidentClass: z.enum(INCIDENT_RECORD_CLASSES),
    visitId: z.optional(uuidV7),
    arrivalAt: isoUtc,
    notifiedAt: isoUtc,
    acknowledgedAt: z.optional(isoUtc),
    escalatedAt: z.optional(isoUtc),
    handledBy: z.optional(text(1, MAX_STORED_TEXT)),
    said: text(0, MAX_INCIDENT_TEXT),
    done: text(0, MAX_INCIDENT_TEXT),
    outcome: text(0, MAX_INCIDENT_TEXT),
    closedAt: z.optional(isoUtc),
    dueAt: z.optional(isoUtc),
    signedOffBy: z.optional(staffId),
    signedOffAt: z.optional(isoUtc),
    typicalCase: z.boolean(),
    mediaPresent: z.boolean(),
    updatedAt: isoUtc,
    heldUntil: z.optional(isoUtc),
  })
  .check(
    z.refine((r) => paired(r.closedAt, r.dueAt), { message: 'dueAt is set exactly when the record is closed', path: ['dueAt'] }),
    z.refine((r) => before(r.closedAt, r.dueAt), { message: 'due before it was closed', path: ['dueAt'] }),
    z.refine((r) => paired(r.signedOffBy, r.signedOffAt), { message: 'signedOffBy and signedOffAt go together', path: ['signedOffBy'] }),
    z.refine((r) => r.signedOffAt === undefined || r.closedAt !== undefined, { message: 'signed off before it was closed', path: ['signedOffAt'] }),
  );

/** A stored staff member: a PBKDF2 hash and salt of the right sizes, never a PIN. */
export const staffMemberSchema = z.strictObject({
  id: staffId,
  siteId,
  name: text(1, MAX_STORED_TEXT),
  role: z.enum(STAFF_ROLES),
  pinHash: base64url(32),
  pinSalt: base64url(16),
  iterations: z.int().check(z.minimum(MIN_PIN_HASH_ITERATIONS), z.maximum(100_000_000)),
  failedAttempts: count(MAX_STORED_PIN_FAILURES),
  lockedUntil: z.optional(isoUtc),
});

/** The device-wide wrong-PIN count (`desk-meta`, key `pin-failures`). */
export const devicePinStateSchema = z.strictObject({
  failedAttempts: count(MAX_STORED_PIN_FAILURES),
  lockedUntil: z.optional(isoUtc),
});

/** A stored desk task: done exactly when it says who did it and when. */
export const deskTaskSchema = z
  .strictObject({
    id: uuidV7,
    siteId,
    kind: z.enum(DESK_TASK_KINDS),
    visitId: z.optional(uuidV7),
    tourId: z.optional(uuidV7),
    createdAt: isoUtc,
    dueAt: z.optional(isoUtc),
    status: z.enum(DESK_TASK_STATUSES),
    doneAt: z.optional(isoUtc),
    doneBy: z.optional(staffId),
    note: z.optional(text(1, MAX_STORED_MESSAGE)),
  })
  .check(
    z.refine((t) => (t.status === 'done') === (t.doneAt !== undefined), { message: 'doneAt exactly on done tasks', path: ['doneAt'] }),
    z.refine((t) => paired(t.doneAt, t.doneBy), { message: 'doneAt and doneBy go together', path: ['doneBy'] }),
    // A tour's written notice is chased by the tour it belongs to; no other task is about a tour.
    z.refine((t) => (t.kind === 'tour-paperwork') === (t.tourId !== undefined), { message: 'tourId exactly on tour-paperwork tasks', path: ['tourId'] }),
  );

/** A stored expected visit; a make-up only describes an expected complaint group. */
export const expectedVisitSchema = z
  .strictObject({
    id: uuidV7,
    siteId,
    dayKey: z.iso.date(),
    hostLabel: text(1, MAX_STORED_TEXT),
    expectedAt: isoUtc,
    guestName: z.optional(text(1, MAX_STORED_TEXT)),
    partySize: positiveInt.check(z.maximum(MAX_STORED_PARTY_SIZE)),
    kind: z.enum(EXPECTED_VISIT_KINDS),
    makeUp: z.optional(text(1, MAX_STORED_MESSAGE)),
    recordedBy: text(1, MAX_STORED_TEXT),
    createdAt: isoUtc,
    arrivedVisitId: z.optional(uuidV7),
  })
  .check(z.refine((e) => e.makeUp === undefined || e.kind === 'complaint', { message: 'a make-up belongs to an expected complaint visit', path: ['makeUp'] }));

/** A stored host decision (`host-decisions`, keyed by `visitId`). */
export const hostDecisionSchema = z.strictObject({
  visitId: uuidV7,
  decision: z.enum(HOST_DECISIONS),
  by: text(1, MAX_STORED_TEXT),
  at: isoUtc,
  staffId,
});

/** A stored tour request: decided exactly when it says who decided, an invitation only for an approved tour. */
export const tourRequestSchema = z
  .strictObject({
    id: uuidV7,
    siteId,
    kind: z.enum(TOUR_KINDS),
    leader: text(1, MAX_STORED_TEXT),
    headcount: positiveInt.check(z.maximum(MAX_STORED_PARTY_SIZE)),
    names: z.array(text(1, MAX_STORED_TEXT)).check(z.maxLength(MAX_STORED_PARTY_SIZE)),
    departments: z.array(text(1, MAX_STORED_TEXT)).check(z.maxLength(MAX_TOUR_DEPARTMENTS)),
    visitAt: isoUtc,
    requestedAt: isoUtc,
    status: z.enum(TOUR_STATUSES),
    decidedBy: z.optional(staffId),
    decidedAt: z.optional(isoUtc),
    paperworkDueAt: z.optional(isoUtc),
    invitationRequestedAt: z.optional(isoUtc),
    invitationJti: z.optional(tokenId),
  })
  .check(
    z.refine((t) => (t.status !== 'requested') === (t.decidedBy !== undefined), { message: 'decidedBy exactly on decided tours', path: ['decidedBy'] }),
    z.refine((t) => paired(t.decidedBy, t.decidedAt), { message: 'decidedBy and decidedAt go together', path: ['decidedAt'] }),
    z.refine((t) => t.invitationJti === undefined || t.status === 'approved', { message: 'only an approved tour has an invitation', path: ['invitationJti'] }),
    z.refine((t) => t.invitationRequestedAt === undefined || t.status === 'approved', {
      message: 'only an approved tour asks for an invitation',
      path: ['invitationRequestedAt'],
    }),
  );

const e164 = z.e164();

/** A stored watch-list entry: a phone entry holds an E.164 number, and an entry expires after it was made. */
export const watchEntrySchema = z
  .strictObject({
    id: uuidV7,
    siteId,
    kind: z.enum(WATCH_ENTRY_KINDS),
    value: text(1, MAX_STORED_TEXT),
    reason: text(1, MAX_STORED_MESSAGE),
    approvedBy: text(1, MAX_STORED_TEXT),
    createdAt: isoUtc,
    expiresAt: isoUtc,
  })
  .check(
    z.refine((w) => w.kind !== 'phone' || e164.safeParse(w.value).success, { message: 'a phone entry needs an E.164 number', path: ['value'] }),
    z.refine((w) => Date.parse(w.createdAt) < Date.parse(w.expiresAt), { message: 'expires before it was made', path: ['expiresAt'] }),
  );

// Compile-time proof that each schema and its domain interface describe exactly the same row.
type _Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type _True<T extends true> = T;
type _AlertExact = _True<_Exact<z.infer<typeof alertSchema>, Alert>>;
type _IncidentExact = _True<_Exact<z.infer<typeof incidentRecordSchema>, IncidentRecord>>;
type _StaffExact = _True<_Exact<z.infer<typeof staffMemberSchema>, StaffMember>>;
type _DevicePinExact = _True<_Exact<z.infer<typeof devicePinStateSchema>, DevicePinState>>;
type _TaskExact = _True<_Exact<z.infer<typeof deskTaskSchema>, DeskTask>>;
type _ExpectedExact = _True<_Exact<z.infer<typeof expectedVisitSchema>, ExpectedVisit>>;
type _HostDecisionExact = _True<_Exact<z.infer<typeof hostDecisionSchema>, HostDecision>>;
type _TourExact = _True<_Exact<z.infer<typeof tourRequestSchema>, TourRequest>>;
type _WatchExact = _True<_Exact<z.infer<typeof watchEntrySchema>, WatchEntry>>;
