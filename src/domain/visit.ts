import type { Locale, Purpose, VisitorType } from './codes.js';

/**
 * The visit life-cycle (DOMAIN.md): registered → awaiting host → checked in → checked out, with two other
 * ends: denied, and host absent (the visitor left a message and a call-back number — never a dead end).
 */
export const VISIT_STATUSES = ['registered', 'awaiting-host', 'checked-in', 'checked-out', 'denied', 'host-absent'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Which status may follow which. Anything not listed is refused by `transition`. */
export const VISIT_TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = {
  registered: ['awaiting-host', 'checked-in', 'denied', 'host-absent'],
  'awaiting-host': ['checked-in', 'denied', 'host-absent'],
  'checked-in': ['checked-out'],
  'checked-out': [],
  denied: [],
  'host-absent': ['checked-in', 'checked-out'],
};

/** How the visitor's identity was established. The default never records a number (DOMAIN.md, Privacy). */
export type IdentityRecord =
  | { method: 'sighted' }
  | { method: 'host-confirmation' }
  /** Only the last four characters are ever kept in clear; the full number is not stored until the hub exists. */
  | {
      method: 'recorded';
      documentType: 'hkid' | 'cn-resident';
      last4: string;
      /**
       * The whole number sealed to the hub's key on the kiosk (src/invite/seal.ts) where the site has a hub;
       * the tablet cannot open it, and the hub replaces it with a keyed hash on arrival.
       */
      sealed?: string;
    };

/** The person or unit visited, as chosen from the directory or typed freely where the site allows it. */
export interface HostRef {
  kind: 'unit' | 'person' | 'free-text';
  /** Directory id for `unit` and `person`; absent for free text. */
  id?: string;
  /** What was shown or typed: a unit label such as "12B" (never a resident's name on a residential site). */
  label: string;
}

/** How a visitor rated the visit when leaving (the seeds' satisfaction question at check-out). */
export const FEEDBACK_RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

/** The visitor's answer to the satisfaction question; optional, asked once at check-out. */
export interface VisitFeedback {
  rating: FeedbackRating;
  /** Free text, mostly given with `dissatisfied`; absent when the visitor wrote nothing. */
  reason?: string;
  /** ISO-8601 UTC, when the answer was given. */
  at: string;
}

/** The signed token that admitted a visit at the kiosk: uses are counted against `jti`. */
export interface InvitationRef {
  /** The token's 128-bit id (base64url): no personal data. */
  jti: string;
  kind: 'invitation' | 'pass';
}

/**
 * Why the desk refused entry. A site offers a short list of these (site configuration `desk.denyReasons`);
 * `other` needs words. Stable codes: stored with the visit and sent to the hub, localised by the desk.
 */
export const DENY_REASONS = ['host-declined', 'host-unreachable', 'no-identification', 'no-appointment', 'not-approved', 'outside-hours', 'conduct', 'other'] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

/** The desk's record of a refusal: the reason, what staff added in words, and who denied entry. */
export interface VisitDenial {
  reason: DenyReason;
  /** Staff's own words; required with `other`, absent when nothing was added. */
  note?: string;
  /** Staff id of who denied entry (the time is the `denied` step of the history). */
  staffId: string;
}

export interface StatusChange {
  status: VisitStatus;
  at: string;
}

/** A visit record as stored on the device and sent to the hub. */
export interface Visit {
  /** UUIDv7: sortable by creation time, unique across devices. */
  id: string;
  siteId: string;
  deviceId: string;
  /** Per-device sequence number, allocated inside the write transaction (gap detection at the hub). */
  seq: number;
  /** The site's local date (YYYY-MM-DD) when the visit was registered — not the UTC date. */
  dayKey: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  updatedAt: string;
  status: VisitStatus;
  history: StatusChange[];
  source: 'kiosk-walk-in' | 'kiosk-invitation' | 'desk';
  lang: Locale;
  visitor: {
    /**
     * Required, except for `source: 'kiosk-invitation'`: a token carries no name, so an invited visitor may
     * pass without one and the badge shows the host unit instead.
     */
    fullName: string;
    /** E.164, or empty when the site does not require a phone and none was given. */
    phone: string;
    organisation: string;
    partySize: number;
  };
  visitorType: VisitorType;
  purpose: Purpose;
  host: HostRef;
  hasAppointment: boolean;
  identity: IdentityRecord;
  consent: {
    /** Version of the privacy notice shown, so the record says which words the visitor accepted. */
    noticeVersion: string;
    /** `read` on Hong Kong sites (PDPO), `consented` on mainland sites (PIPL). */
    kind: 'read' | 'consented';
    at: string;
    /** Separate consent to the identity number (PIPL Art. 29); only when a number was recorded. */
    idNumber?: boolean;
  };
  /** A message left for an absent host, with a number to call back. */
  message?: { text: string; callbackPhone: string };
  /** The invitation or pass that admitted the visit; only with `source: 'kiosk-invitation'`. */
  invitation?: InvitationRef;
  /** The number of the physical badge handed out at the desk, where a site uses numbered badges. */
  badgeNumber?: string;
  /** The answer to the satisfaction question at check-out, if the visitor gave one. */
  feedback?: VisitFeedback;
  /** Why the desk denied entry; only on a `denied` visit (one denied before the desk recorded reasons has none). */
  denial?: VisitDenial;
  /**
   * What the visitor declared carrying in, where the site asks (`SiteConfig.guard.carriedItems`, 001: 携带物品…查验…登记);
   * the guard checks it and records the decision in the guard's register (src/domain/guard.ts).
   */
  carriedItems?: string;
}

/** What the form collects; the storage layer adds ids, times, sequence numbers and status. */
export type VisitDraft = Pick<Visit, 'visitor' | 'visitorType' | 'purpose' | 'host' | 'hasAppointment' | 'identity' | 'consent' | 'lang' | 'message' | 'carriedItems'>;

/** Whether `to` may follow `from` in the life-cycle. */
export function canTransition(from: VisitStatus, to: VisitStatus): boolean {
  return VISIT_TRANSITIONS[from].includes(to);
}

/** Returns a copy of `visit` moved to `to` at `at`, or throws on a transition the life-cycle forbids. */
export function transition(visit: Visit, to: VisitStatus, at: string): Visit {
  if (!canTransition(visit.status, to)) {
    throw new RangeError(`visit cannot go from ${visit.status} to ${to}`);
  }
  return { ...visit, status: to, updatedAt: at, history: [...visit.history, { status: to, at }] };
}

/** Visits on site right now (checked in, not yet out). */
export const isOnSite = (visit: Pick<Visit, 'status'>): boolean => visit.status === 'checked-in';
