/**
 * The receptionist desk's own records: alerts, incident records (the seeds' 《突發事件處理記錄表》), staff,
 * tasks, expected visits, hosts' decisions, tour requests and the watch list. Pure types, code lists and
 * small predicates; the rules that decide (classification, routing, the working-day clock, watch-list
 * matching) live in `rules/` — these records only hold what the desk decided.
 *
 * Every time is an ISO-8601 UTC string; every id a UUIDv7 (sortable by creation, unique across devices,
 * so no counter is shared between desks). Staff ids are short slugs or UUIDs handed out by the hub or the CLI.
 */

/**
 * What raised an alert: a classified incident (A/B/C), a watch-list match, "Ask staff for help", or a
 * single-use invitation admitted more often than it allows across kiosks (the hub counts uses; not an incident),
 * or the hub's own health (a kiosk silent too long, webhooks failing, the disk nearly full: hub/health.ts).
 */
/** `host-declined`: the host answered "Not expected" on their answer link (hub/notify/host-answers.ts) — a security matter for the desk, not an incident. */
export const ALERT_KINDS = ['incident', 'watchlist', 'help', 'invite-reuse', 'health', 'host-declined'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What a `health` alert is about (hub/health.ts): a kiosk silent too long, webhooks failing, the hub's disk nearly full. */
export const HEALTH_CAUSES = ['kiosk-silent', 'webhook-failed', 'disk-low'] as const;
export type HealthCause = (typeof HEALTH_CAUSES)[number];

/** The incident classes of DOMAIN.md: A irrational owner, B dismissed employee, C media / inspection. */
export const ALERT_INCIDENT_CLASSES = ['A', 'B', 'C'] as const;
export type AlertIncidentClass = (typeof ALERT_INCIDENT_CLASSES)[number];

/** The class an incident record is filed under: an A/B/C incident, or a watch-list match. */
export const INCIDENT_RECORD_CLASSES = [...ALERT_INCIDENT_CLASSES, 'watchlist'] as const;
export type IncidentRecordClass = (typeof INCIDENT_RECORD_CLASSES)[number];

/** An alert's life: open until someone acknowledges it, closed when the matter is over. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** An alert on every open desk of the site until someone acknowledges it. */
export interface Alert {
  /** UUIDv7. */
  id: string;
  siteId: string;
  kind: AlertKind;
  /** Present exactly when `kind` is `incident`. */
  incidentClass?: AlertIncidentClass;
  /** The visit that raised it; absent for a manual raise without a visit record or a kiosk's help call. */
  visitId?: string;
  createdAt: string;
  /** Role codes to notify (`pr`, `site-manager`, `cs-centre`, …), as the routing rules chose them. */
  notify: string[];
  /**
   * When the alert escalates if nobody has acknowledged it. Stored with the alert, not held in a timer:
   * browsers throttle a hidden tab's timers, so every desk checks due alerts on each wake-up.
   */
  escalateAt: string;
  /** When it last escalated; present exactly when `escalationLevel > 0`. */
  escalatedAt?: string;
  /** How often it escalated unacknowledged (0 at first). */
  escalationLevel: number;
  /** The first acknowledgement, which is never overwritten. */
  acknowledgedAt?: string;
  /** Staff id of who acknowledged first. */
  acknowledgedBy?: string;
  /** A media crew is present (class A with cameras brings in PR). */
  mediaPresent: boolean;
  status: AlertStatus;
  /** When the alert was closed; present exactly when `status` is `closed`. */
  closedAt?: string;
  /** Present exactly on `health` alerts: the cause, and the silent kiosk's device id (not personal data). */
  health?: { cause: HealthCause; deviceId?: string };
}

/** The incident record form (《突發事件處理記錄表》): one per alert, due two working days after closing. */
export interface IncidentRecord {
  /** UUIDv7. */
  id: string;
  siteId: string;
  /** The alert it records; one record per alert. */
  alertId: string;
  incidentClass: IncidentRecordClass;
  visitId?: string;
  /** When the visitor arrived. */
  arrivalAt: string;
  /** When the notification went out (normally the alert's creation). */
  notifiedAt: string;
  /** Copied from the alert's first acknowledgement. */
  acknowledgedAt?: string;
  /** The alert's first escalation. */
  escalatedAt?: string;
  /** Who handled it — a staff member or a named department, as written on the form. */
  handledBy?: string;
  /** What the visitor and staff said. */
  said: string;
  /** What was done. */
  done: string;
  /** How it ended. */
  outcome: string;
  closedAt?: string;
  /** When the written record is due: two working days after `closedAt` on the site's calendar (set with it). */
  dueAt?: string;
  /** Staff id of the site manager who signed the record off. */
  signedOffBy?: string;
  signedOffAt?: string;
  /** Marked as a typical case for training. */
  typicalCase: boolean;
  mediaPresent: boolean;
  updatedAt: string;
  /** Held for evidence until then: the retention purge keeps it (src/domain/incident-retention.ts). */
  heldUntil?: string;
}

/** Who may use the desk. Only a site manager may sign incident records off. */
/**
 * Staff roles. `company` is the property company's head office: it reads anonymised reports of all its sites
 * (hub `GET /api/v1/reports`) and acts on none — no desk, no visitor's name. `customer-service` (客服) works at
 * the desk and alone reads the identity of a complainant who complains about a department or a person (ledger).
 */
export const STAFF_ROLES = ['receptionist', 'guard', 'site-manager', 'company', 'customer-service'] as const;
/** The roles that work at a site's desk. */
export const SITE_ROLES = ['receptionist', 'guard', 'site-manager', 'customer-service'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A member of staff who signs in at the desk with a PIN; the PIN itself is never stored. */
export interface StaffMember {
  id: string;
  siteId: string;
  name: string;
  role: StaffRole;
  /** PBKDF2-SHA-256 of the PIN: 32 bytes, base64url without padding. */
  pinHash: string;
  /** 16 random bytes, base64url without padding. */
  pinSalt: string;
  /** PBKDF2 iterations the hash was made with (at least `MIN_PIN_HASH_ITERATIONS`). */
  iterations: number;
  /** Wrong PINs entered against this member since the last success or lock. */
  failedAttempts: number;
  /** Until when sign-in as this member is refused. */
  lockedUntil?: string;
}

/**
 * Follow-ups the desk owes: ledger-bound notifications, a host's message, a help call, a declined tour, and
 * the written notice of a tour arranged by phone under the urgent exception (002:201 "后补通知单").
 */
export const DESK_TASK_KINDS = ['notify-cs-centre', 'notify-hr', 'host-message', 'help-call', 'tour-declined', 'tour-paperwork'] as const;
export type DeskTaskKind = (typeof DESK_TASK_KINDS)[number];
export const DESK_TASK_STATUSES = ['open', 'done'] as const;
export type DeskTaskStatus = (typeof DESK_TASK_STATUSES)[number];

/** A task on the desk's list until someone marks it done. */
export interface DeskTask {
  /** UUIDv7. */
  id: string;
  siteId: string;
  kind: DeskTaskKind;
  visitId?: string;
  /** The tour request it is about (`tour-paperwork`). */
  tourId?: string;
  createdAt: string;
  /** A deadline, e.g. the call-back promised for a host's message. */
  dueAt?: string;
  /** `done` exactly when `doneAt` and `doneBy` are set; kept as a field so open tasks come from an index. */
  status: DeskTaskStatus;
  doneAt?: string;
  /** Staff id. */
  doneBy?: string;
  note?: string;
}

export const EXPECTED_VISIT_KINDS = ['guest', 'complaint'] as const;
export type ExpectedVisitKind = (typeof EXPECTED_VISIT_KINDS)[number];

/** A visit announced in advance: a resident's phoned-in guest, or a complaint group another department expects. */
export interface ExpectedVisit {
  /** UUIDv7. */
  id: string;
  siteId: string;
  /** The site's local date of `expectedAt` (YYYY-MM-DD): the desk lists a day's expected visits by it. */
  dayKey: string;
  /** Unit or office (`12A`, `Accounts`) — never a resident's name on a residential site. */
  hostLabel: string;
  expectedAt: string;
  guestName?: string;
  partySize: number;
  kind: ExpectedVisitKind;
  /** For an expected complaint visit: the group's size and make-up ("5 owners of block C, one with a banner"). */
  makeUp?: string;
  /** Who recorded it: a staff id or a department. */
  recordedBy: string;
  createdAt: string;
  /** The visit that fulfilled it, once the guest arrived. */
  arrivedVisitId?: string;
}

export const HOST_DECISIONS = ['confirmed', 'declined'] as const;
export type HostDecisionValue = (typeof HOST_DECISIONS)[number];

/** "Confirmed by 12A at 14:02": the host's answer for one visit, kept on the desk beside the visit. */
export interface HostDecision {
  visitId: string;
  decision: HostDecisionValue;
  /** Who answered: the unit or office label (`12A`), never a resident's name. */
  by: string;
  at: string;
  /** Staff id of who recorded the answer. */
  staffId: string;
}

/** Tour kinds with their own lead times (group and VIP 3 days, ordinary 1 day, ad-hoc 1 hour). */
export const TOUR_KINDS = ['group', 'vip', 'ordinary', 'ad-hoc'] as const;
export type TourKind = (typeof TOUR_KINDS)[number];
export const TOUR_STATUSES = ['requested', 'approved', 'declined'] as const;
export type TourStatus = (typeof TOUR_STATUSES)[number];

/** A tour request, approved or declined on the desk against the lead-time rules. */
export interface TourRequest {
  /** UUIDv7. */
  id: string;
  siteId: string;
  kind: TourKind;
  leader: string;
  headcount: number;
  names: string[];
  departments: string[];
  visitAt: string;
  requestedAt: string;
  status: TourStatus;
  /** Staff id; present exactly when the status is not `requested`. */
  decidedBy?: string;
  decidedAt?: string;
  /**
   * Arranged by phone under the urgent exception (002:201 "如事出至急先以电话通知后补通知单"): the lead time
   * did not apply, and the written notice is due by this time (a `tour-paperwork` task says so). Absent for a
   * tour requested in writing in time.
   */
  paperworkDueAt?: string;
  /**
   * When the desk asked for the approved tour's invitation. The desk holds no signing key: the hub signs the
   * invitation (`POST /api/v1/invitations`) and attaches it (`invitationJti`). Only on an approved tour.
   */
  invitationRequestedAt?: string;
  /** The invitation an approved tour became. */
  invitationJti?: string;
}

/** How a watch-list entry matches: a normalised name, an E.164 phone, or the hub's keyed ID hash. */
export const WATCH_ENTRY_KINDS = ['name', 'phone', 'id-hash'] as const;
export type WatchEntryKind = (typeof WATCH_ENTRY_KINDS)[number];

/** One entry of the watch list. It lives on the desk and the hub only — never on a kiosk. */
export interface WatchEntry {
  /** UUIDv7. */
  id: string;
  siteId: string;
  kind: WatchEntryKind;
  /** Already normalised by the matching rules (a name's NFKC/case/script form, an E.164 phone, a hash). */
  value: string;
  reason: string;
  /** Who approved the entry. */
  approvedBy: string;
  createdAt: string;
  /** After this instant the entry no longer matches. */
  expiresAt: string;
}

/** The device-wide count of wrong PINs: guessing across staff members locks the whole desk. */
export interface DevicePinState {
  failedAttempts: number;
  lockedUntil?: string;
}

/** Shortest PIN: four digits, what a guard types in a second. */
export const PIN_MIN_LENGTH = 4;
/** Longest PIN: eight digits; longer ones end up written on the desk. */
export const PIN_MAX_LENGTH = 8;
/**
 * Fewest PBKDF2 iterations a stored hash may have. A 4–8 digit PIN space is too small for any count to save
 * a stolen hash for long — the sign-in lock does the real work — but it keeps bulk guessing costly.
 */
export const MIN_PIN_HASH_ITERATIONS = 100_000;

const PIN_PATTERN = new RegExp(`^[0-9]{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`);

/** Whether `pin` is 4 to 8 ASCII digits (full-width digits are not PINs: the keypad sends ASCII). */
export const isPinFormat = (pin: string): boolean => PIN_PATTERN.test(pin);

/** Whether an alert still waits for someone: open and not acknowledged. */
export const isAlertOpen = (alert: Pick<Alert, 'status'>): boolean => alert.status === 'open';

/** Whether an open alert's escalation time has come at `now`. */
export const isEscalationDue = (alert: Pick<Alert, 'status' | 'escalateAt'>, now: Date): boolean =>
  alert.status === 'open' && Date.parse(alert.escalateAt) <= now.getTime();

/** Whether an incident record is past its due time and not yet signed off (the desk highlights it). */
export const isIncidentOverdue = (record: Pick<IncidentRecord, 'dueAt' | 'signedOffAt'>, now: Date): boolean =>
  record.dueAt !== undefined && record.signedOffAt === undefined && Date.parse(record.dueAt) < now.getTime();
