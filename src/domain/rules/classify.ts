import type { Purpose, VisitorType } from '../codes.js';
import type { ClassificationReason, Cover, TaskCode } from './codes.js';
import { matchesPattern, type RulesConfig } from './config.js';

/**
 * The arrival classifier (DOMAIN.md "Incidents: classes A, B, C"). It runs on the desk (and later the hub),
 * never on the kiosk, which only stores registrations: a kiosk that knew the class could leak it to the lobby.
 */

/** What the desk knows about an arrival when it classifies it. */
export interface ArrivalInput {
  visitorType: VisitorType;
  purpose: Purpose;
  /** The visitor's own answer to "Do you have an appointment?". Recorded, never trusted to cover a class. */
  hasAppointment: boolean;
  /** A valid invitation (or pass) admitted the visit at the kiosk. */
  invitation?: boolean;
  /** The host (or the resident of the unit) confirmed the visit to the desk. */
  hostConfirmed?: boolean;
  /** The desk matched an approved tour request (002:199–207); an invitation from one counts as well. */
  tourApproved?: boolean;
  partySize: number;
}

/** A one-tap prompt for the receptionist (A or B), with the ledger task opened at once. */
export interface Suggestion {
  class: 'A' | 'B';
  task: TaskCode;
}

export interface Classification {
  /** Only C is ever raised automatically. */
  incident?: 'C';
  /** A or B, suggested: the desk shows "Raise Class A/B" and opens `task`; the receptionist decides. */
  suggestion?: Suggestion;
  /** Present for tours: unapproved ones are politely declined (002:207) and the desk is told. */
  tour?: 'approved' | 'unapproved';
  /** Codes explaining the decision, in a stable order. */
  reasons: ClassificationReason[];
  /** When the decision was made (ISO-8601 UTC), for the alert record and `vk-visit-flagged`. */
  at: string;
}

/** The covers that apply to this arrival, among those the site accepts. */
function coversOf(input: ArrivalInput, accepted: readonly Cover[]): Cover[] {
  const present: Cover[] = [];
  if (input.invitation === true && accepted.includes('invitation')) present.push('invitation');
  if (input.hostConfirmed === true && accepted.includes('host-confirmation')) present.push('host-confirmation');
  return present;
}

const COVER_REASON: Readonly<Record<Cover, ClassificationReason>> = {
  invitation: 'covered-by-invitation',
  'host-confirmation': 'covered-by-host-confirmation',
};

/**
 * Classifies an arrival by the site's rules. Class C is automatic for the `classC` patterns (Media with any
 * purpose, a government officer on an inspection) unless a cover the site accepts applies (a valid
 * invitation, the host's confirmation) — the visitor's own "Yes, I have an appointment" never covers. A and B
 * are only suggested (an owner's or a staff member's complaint), with their ledger task, and are covered the
 * same way. Tours without approval come back `tour: 'unapproved'`. `now` stamps the decision.
 */
export function classifyArrival(input: ArrivalInput, rules: RulesConfig, now: Date): Classification {
  const arrival = { visitorType: input.visitorType, purpose: input.purpose };
  const covers = coversOf(input, rules.coveredBy);
  const covered = covers.length > 0;
  const reasons: ClassificationReason[] = [];
  const out: Classification = { reasons, at: now.toISOString() };

  const isC = rules.classC.when.some((p) => matchesPattern(p, arrival));
  if (isC) {
    if (covered) reasons.push('class-c-covered');
    else {
      out.incident = 'C';
      reasons.push('class-c');
    }
  }

  const rule = rules.suggestions.find((s) => s.when.some((p) => matchesPattern(p, arrival)));
  if (rule) {
    if (covered) reasons.push('suggestion-covered');
    else {
      out.suggestion = { class: rule.class, task: rule.task };
      reasons.push(rule.class === 'A' ? 'suggest-a' : 'suggest-b');
    }
  }

  if (covered && (isC || rule !== undefined)) {
    for (const cover of covers) reasons.push(COVER_REASON[cover]);
  }
  if (input.hasAppointment && (out.incident !== undefined || out.suggestion !== undefined)) reasons.push('appointment-claim-not-trusted');

  const isTour = rules.tours.when.some((p) => matchesPattern(p, arrival));
  if (isTour) {
    // Approval is the company's or a department manager's (002:201–205), carried by an invitation made from
    // the approved request; a host who happens to answer the phone does not approve a tour.
    out.tour = input.invitation === true || input.tourApproved === true ? 'approved' : 'unapproved';
    reasons.push(out.tour === 'approved' ? 'tour-approved' : 'tour-unapproved');
  }

  if (input.partySize >= rules.largePartySize) reasons.push('large-party');
  if (!isC && rule === undefined && !isTour) reasons.unshift('no-rule');
  return out;
}
