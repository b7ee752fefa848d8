import type { SiteKind } from '../codes.js';
import type { Role } from './codes.js';
import type { ClassRoutes, RoutingConfig, RulesConfig, TourRules } from './config.js';

/** Default time an alert may go unacknowledged before the next hop is told (issue 4, item 5). */
export const DEFAULT_ESCALATION_MINUTES = 2;
/** Group and VIP tours: the notice goes out three days ahead (002:201 "于参观前三日"). */
export const GROUP_TOUR_LEAD_DAYS = 3;
/** Ordinary tours: one day ahead (002:203 "于参观前一日"). */
export const ORDINARY_TOUR_LEAD_DAYS = 1;
/** Ad-hoc tours: one hour ahead, by phone (002:205 "于参观前一小时以电话通知"). */
export const AD_HOC_TOUR_LEAD_MINUTES = 60;
/** An ordinary tour touching two or more departments is handled as a group tour (002:203 "涉及两个部以上"). */
export const GROUP_FROM_DEPARTMENTS = 2;
/** Urgent group or VIP tour by phone: reception still needs the hour an ad-hoc visit gets to prepare (002:205). */
export const URGENT_TOUR_MIN_LEAD_MINUTES = 60;
/** The seeds only say the notice follows ("后补通知单", 002:201); a day keeps it from being forgotten. */
export const URGENT_TOUR_PAPERWORK_HOURS = 24;
/** From five people a complaint visit needs a meeting room and more than one member of staff (000:12). */
export const LARGE_PARTY_SIZE = 5;

const SCRIPT_A = ['stay-polite', 'do-not-argue-or-comment', 'seat-in-meeting-room', 'watch-for-media'] as const;
const SCRIPT_B = ['stay-polite', 'seat-in-meeting-room'] as const;
const SCRIPT_C = ['escort-to-designated-area', 'keep-onlookers-away', 'do-not-answer-questions', 'notify-pr-and-site-manager'] as const;
const SCRIPT_WATCH = ['do-not-confront', 'verify-identity'] as const;

/**
 * A company office (000 §4). A: the CS centre (000:13), which arranges a room with 行政公關部 — the second hop
 * (000:12); PR at once if media appear (000:13). B: HR (000:16), then the HR manager (000:15 "知會人力資源部
 * 經理"); a subsidiary's office puts `subsidiary-department` first instead (000:15). C: 行政公關部 coordinates
 * (000:20), then the responsible executive. The watch list is not in the seeds: security first, then the
 * administrative department that runs the office.
 */
const COMPANY_OFFICE: ClassRoutes = {
  A: { first: ['cs-centre'], next: [['pr']], mediaPresent: ['pr'], script: [...SCRIPT_A] },
  B: { first: ['hr'], next: [['hr-manager']], script: [...SCRIPT_B] },
  C: { first: ['pr'], next: [['responsible-executive']], script: [...SCRIPT_C] },
  watchlist: { first: ['security-supervisor'], next: [['pr']], script: [...SCRIPT_WATCH] },
};

/**
 * A company office with reception closed: the duty manager is told with the day's first roles (the CS
 * centre's hotline and 行政公關部 keep duty phones); B waits for HR as the second hop.
 */
const COMPANY_OFFICE_AFTER_HOURS: ClassRoutes = {
  A: { first: ['duty-manager', 'cs-centre'], next: [['pr']], mediaPresent: ['pr'], script: [...SCRIPT_A] },
  B: { first: ['duty-manager'], next: [['hr'], ['hr-manager']], script: [...SCRIPT_B] },
  C: { first: ['duty-manager', 'pr'], next: [['responsible-executive']], script: [...SCRIPT_C] },
  watchlist: { first: ['security-supervisor', 'duty-manager'], next: [['pr']], script: [...SCRIPT_WATCH] },
};

/**
 * A 管理處 (000 §5). A: the local CS staff receive and record (000:23); the 客服主任 when it gets out of hand
 * (000:25), then the 管理處主任; media → 客服主任 and 主任 come (000:24), and PR through the 主任 (000:32).
 * B: the 管理處主任 (000:27), then the 人事專管員 (000:28). C: the 主任 at once (000:30) with the security
 * supervisor to escort (000:31); then PR and the responsible executive, whom the 主任 informs (000:32–33).
 */
const MANAGEMENT_OFFICE: ClassRoutes = {
  A: {
    first: ['cs-staff'],
    next: [['cs-supervisor'], ['site-manager']],
    mediaPresent: ['cs-supervisor', 'site-manager', 'pr'],
    script: [...SCRIPT_A, 'record-the-visit'],
  },
  B: { first: ['site-manager'], next: [['hr-officer']], script: [...SCRIPT_B, 'record-the-visit'] },
  C: { first: ['site-manager', 'security-supervisor'], next: [['pr', 'responsible-executive']], script: [...SCRIPT_C] },
  watchlist: { first: ['security-supervisor'], next: [['site-manager']], script: [...SCRIPT_WATCH] },
};

/** A 管理處 with the counter closed: the duty manager first; class C still reaches the 主任 at once. */
const MANAGEMENT_OFFICE_AFTER_HOURS: ClassRoutes = {
  A: {
    first: ['duty-manager'],
    next: [['cs-supervisor'], ['site-manager']],
    mediaPresent: ['cs-supervisor', 'site-manager', 'pr'],
    script: [...SCRIPT_A, 'record-the-visit'],
  },
  B: { first: ['duty-manager'], next: [['site-manager'], ['hr-officer']], script: [...SCRIPT_B, 'record-the-visit'] },
  C: { first: ['duty-manager', 'site-manager'], next: [['pr', 'responsible-executive']], script: [...SCRIPT_C] },
  watchlist: { first: ['security-supervisor', 'duty-manager'], next: [['site-manager']], script: [...SCRIPT_WATCH] },
};

/**
 * A help call left unanswered means nobody is at the counter: first the guard's supervisor (whose people
 * patrol the lobby), then whoever runs the site. Not in the seeds; a product default a site may change.
 */
export const DEFAULT_HELP_ESCALATION: readonly (readonly Role[])[] = [['security-supervisor'], ['site-manager']];
const COMPANY_HELP_ESCALATION: Role[][] = [['security-supervisor'], ['duty-manager']];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The two routing presets of DOMAIN.md, each with its after-hours plan. Frozen: copy before changing. */
export const ROUTING_PRESETS: Readonly<Record<'company-office' | 'management-office', RoutingConfig>> = deepFreeze({
  'company-office': { preset: 'company-office', office: COMPANY_OFFICE, afterHours: COMPANY_OFFICE_AFTER_HOURS },
  'management-office': { preset: 'management-office', office: MANAGEMENT_OFFICE, afterHours: MANAGEMENT_OFFICE_AFTER_HOURS },
});

/** Which preset a kind of site starts from: residential and commercial sites are run by a 管理處. */
export const routingPresetFor = (kind: SiteKind): RoutingConfig =>
  kind === 'company-office' ? ROUTING_PRESETS['company-office'] : ROUTING_PRESETS['management-office'];

const DEFAULT_TOURS: TourRules = {
  when: [{ visitorType: 'tour-group' }, { purpose: 'tour' }],
  leadDays: { group: GROUP_TOUR_LEAD_DAYS, vip: GROUP_TOUR_LEAD_DAYS, ordinary: ORDINARY_TOUR_LEAD_DAYS },
  adHocLeadMinutes: AD_HOC_TOUR_LEAD_MINUTES,
  groupFromDepartments: GROUP_FROM_DEPARTMENTS,
  urgent: { minLeadMinutes: URGENT_TOUR_MIN_LEAD_MINUTES, paperworkDueHours: URGENT_TOUR_PAPERWORK_HOURS },
};

/** The seeds' rules for a site of `kind`; only the routing preset differs between kinds. Frozen. */
export function defaultRulesFor(kind: SiteKind): RulesConfig {
  return kind === 'company-office' ? DEFAULT_RULES_COMPANY : DEFAULT_RULES;
}

const base = (routing: RoutingConfig, help: readonly (readonly Role[])[]): RulesConfig => ({
  // DOMAIN.md: Media with any purpose; a government officer only on an inspection (a meter reader is not C).
  classC: { when: [{ visitorType: 'media' }, { visitorType: 'government', purpose: 'inspection' }] },
  suggestions: [
    { class: 'A', when: [{ visitorType: 'resident', purpose: 'complaint' }], task: 'notify-cs-centre' },
    { class: 'B', when: [{ visitorType: 'staff', purpose: 'complaint' }], task: 'notify-hr' },
  ],
  coveredBy: ['invitation', 'host-confirmation'],
  tours: DEFAULT_TOURS,
  routing,
  escalation: { unacknowledgedMinutes: DEFAULT_ESCALATION_MINUTES },
  helpCalls: { next: help.map((hop) => [...hop]) },
  largePartySize: LARGE_PARTY_SIZE,
});

/** The default rules of a 管理處 site (the demo site is a Hong Kong housing estate). Frozen. */
export const DEFAULT_RULES: RulesConfig = deepFreeze(base(ROUTING_PRESETS['management-office'], DEFAULT_HELP_ESCALATION));
const DEFAULT_RULES_COMPANY: RulesConfig = deepFreeze(base(ROUTING_PRESETS['company-office'], COMPANY_HELP_ESCALATION));
