import type { Purpose, VisitorType } from '../codes.js';
import type { Cover, IncidentClass, Role, ScriptKey, TaskCode } from './codes.js';

/**
 * A site's rules as data (issue 4: "every default is data, not code"). `DEFAULT_RULES` and
 * `defaultRulesFor(kind)` (presets.ts) hold the seeds' defaults; `parseRulesConfig` (src/schemas/rules.ts)
 * validates a site's own, and the caller keeps the previous configuration when that fails.
 */

/**
 * Matches an arrival when every field given equals the arrival's: `{ visitorType: 'media' }` is any media
 * arrival, `{ visitorType: 'government', purpose: 'inspection' }` only an inspection. At least one field.
 */
export interface ArrivalPattern {
  visitorType?: VisitorType;
  purpose?: Purpose;
}

/** A class A or B suggestion: when it triggers, which ledger task opens at once. */
export interface SuggestionRule {
  class: Exclude<IncidentClass, 'C'>;
  when: ArrivalPattern[];
  task: TaskCode;
}

/** Who is told, in what order, and what the receptionist is to do, for one alert class. */
export interface ClassRoute {
  /** Notified as soon as the alert is raised. */
  first: Role[];
  /** Further hops, in order, taken on **Escalate** or when an alert stays unacknowledged. */
  next: Role[][];
  /** Notified at once when the desk marks media present (class A; 000:13, 24). */
  mediaPresent?: Role[];
  /** The receptionist's script, as message keys. */
  script: ScriptKey[];
}

export type ClassRoutes = Record<IncidentClass | 'watchlist', ClassRoute>;

/** Routing for a site: one plan while reception is open, one for the hours it is closed. */
export interface RoutingConfig {
  /** Which preset the plan started from; `custom` once a site changes it. Informational. */
  preset: 'company-office' | 'management-office' | 'custom';
  office: ClassRoutes;
  afterHours: ClassRoutes;
}

/** Lead times for tours (002:199–207). */
export interface TourRules {
  /** Arrivals that are tours: the visitor type or the purpose (issue 4). */
  when: ArrivalPattern[];
  /** Calendar days ahead, in the site's zone, that a request must be made (002:201, 203). */
  leadDays: { group: number; vip: number; ordinary: number };
  /** Minutes ahead, by phone, for an ad-hoc tour (002:205). */
  adHocLeadMinutes: number;
  /** An ordinary tour touching this many departments is handled as a group tour (002:203). */
  groupFromDepartments: number;
  /** The urgent phone-first exception for group and VIP tours (002:201 "如事出至急先以电话通知后补通知单"). */
  urgent: { minLeadMinutes: number; paperworkDueHours: number };
}

export interface RulesConfig {
  /** Class C is a fact: any pattern here raises it at once (000:9). */
  classC: { when: ArrivalPattern[] };
  /** A and B are judgements: these only suggest (000:7–8, 12, 15). */
  suggestions: SuggestionRule[];
  /** What covers a visit so that neither C nor a suggestion applies. Never the visitor's own answer. */
  coveredBy: Cover[];
  tours: TourRules;
  routing: RoutingConfig;
  /** Minutes an alert may stay unacknowledged before it escalates to the next hop. */
  escalation: { unacknowledgedMinutes: number };
  /**
   * A kiosk's **Ask staff for help** nobody at the desk answers: who is told, hop by hop, each time it stays
   * unacknowledged (not an incident: no class, no script). Absent: `DEFAULT_HELP_ESCALATION`.
   */
  helpCalls?: { next: Role[][] };
  /** A party this large is marked `large-party` for the CS centre's preparation (000:12). */
  largePartySize: number;
}

/** Whether `pattern` matches the arrival: every field it gives must be equal. */
export function matchesPattern(pattern: ArrivalPattern, arrival: { visitorType: VisitorType; purpose: Purpose }): boolean {
  return (
    (pattern.visitorType !== undefined || pattern.purpose !== undefined) &&
    (pattern.visitorType === undefined || pattern.visitorType === arrival.visitorType) &&
    (pattern.purpose === undefined || pattern.purpose === arrival.purpose)
  );
}

/**
 * The last rules file a desk accepted for a site, kept on the device: when the next file does not parse,
 * or cannot be fetched, these stay in force (issue 4: "the previous one stays in force").
 */
export interface LastGoodRules {
  siteId: string;
  /** Where the file came from (its URL as given), to tell staff which rules are in force. */
  source: string;
  /** When the desk accepted it (ISO-8601 UTC). */
  savedAt: string;
  rules: RulesConfig;
}
