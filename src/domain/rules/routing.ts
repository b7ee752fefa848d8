import type { SiteConfig } from '../site.js';
import { isReceptionOpen } from '../time.js';
import type { AlertClass, Role, ScriptKey } from './codes.js';
import { classifyArrival, type ArrivalInput, type Classification } from './classify.js';
import type { RulesConfig } from './config.js';
import { DEFAULT_HELP_ESCALATION } from './presets.js';

/**
 * Who is told about an alert, in what order, and what the receptionist is to do (DOMAIN.md: routing differs by
 * site kind, each preset with its second-hop steps). Pure: the desk stores the `Route` with the alert and
 * calls `escalateRoute` on **Escalate** or when `escalationDueAt` passes unacknowledged.
 */

/** The routing state of one alert. */
export interface Route {
  alertClass: AlertClass;
  /** Reception was closed when the alert was raised: the after-hours plan applies for its whole life. */
  afterHours: boolean;
  /** 0 for the first notification, 1 after the first escalation, … */
  hop: number;
  /** Roles to notify at this hop (new ones only). */
  notify: Role[];
  /** Every role told so far, this hop included, in the order told. */
  notified: Role[];
  /** The remaining hops, in order; empty once the plan is exhausted. */
  pending: Role[][];
  /** Media were marked present (class A): PR is brought in (000:13, 24). */
  mediaPresent: boolean;
  /** The receptionist's script, as message keys. */
  script: ScriptKey[];
}

const union = (a: readonly Role[], b: readonly Role[]): Role[] => [...a, ...b.filter((r) => !a.includes(r))];

/**
 * The route of a new alert of `alertClass` at `site`, raised at `now`: the office plan while reception is
 * open (`isReceptionOpen` on the site's hours, in its zone), otherwise the after-hours plan.
 */
export function routeFor(
  alertClass: AlertClass,
  site: Pick<SiteConfig, 'receptionHours' | 'timeZone'>,
  rules: RulesConfig,
  now: Date,
  options: { mediaPresent?: boolean } = {},
): Route {
  const afterHours = !isReceptionOpen(site.receptionHours, now, site.timeZone);
  const plan = (afterHours ? rules.routing.afterHours : rules.routing.office)[alertClass];
  const route: Route = {
    alertClass,
    afterHours,
    hop: 0,
    notify: [...plan.first],
    notified: [...plan.first],
    pending: plan.next.map((step) => [...step]),
    mediaPresent: false,
    script: [...plan.script],
  };
  return options.mediaPresent === true ? withMediaPresent(route, rules) : route;
}

/**
 * The next hop (**Escalate**, or an alert unacknowledged past its time): its roles become `notify`. Returns
 * `undefined` when no hop is left — the desk then keeps the alert up and says so.
 */
export function escalateRoute(route: Route): Route | undefined {
  const [step, ...rest] = route.pending;
  if (!step) return undefined;
  const fresh = step.filter((r) => !route.notified.includes(r));
  return { ...route, hop: route.hop + 1, notify: fresh, notified: union(route.notified, step), pending: rest };
}

/**
 * Marks media present on a class A alert: the plan's `mediaPresent` roles are told now (those not told
 * already) and the script gains `pass-media-to-pr`. Other classes are returned unchanged — C already goes to
 * PR, and the seeds attach the mark to A (000:13, 24).
 */
export function withMediaPresent(route: Route, rules: RulesConfig): Route {
  if (route.alertClass !== 'A' || route.mediaPresent) return route;
  const plan = (route.afterHours ? rules.routing.afterHours : rules.routing.office).A;
  const extra = plan.mediaPresent ?? [];
  const fresh = extra.filter((r) => !route.notified.includes(r));
  return {
    ...route,
    mediaPresent: true,
    notify: fresh,
    notified: union(route.notified, extra),
    // Roles brought in now are not told again when a later hop names them.
    pending: route.pending.map((step) => step.filter((r) => !extra.includes(r))).filter((step) => step.length > 0),
    script: route.script.includes('pass-media-to-pr') ? route.script : [...route.script, 'pass-media-to-pr'],
  };
}

/** When an alert raised (or last escalated) at `at` escalates if nobody acknowledges it. */
export function escalationDueAt(at: Date, rules: RulesConfig): Date {
  return new Date(at.getTime() + rules.escalation.unacknowledgedMinutes * 60_000);
}

/** What the desk does with an arrival: the classification, and the route of the alert or prompt it opens. */
export interface Triage {
  classification: Classification;
  /** The class C alert's route; absent when nothing is raised. */
  alert?: Route;
  /** For a suggestion: whom its ledger task goes to and the script, should the receptionist raise it. */
  prompt?: Route;
}

/**
 * Classifies an arrival and routes what it opens, with the site's hours deciding office or after-hours plans.
 * Hours never change the class: a media crew at 22:00 is still class C, told to the duty manager first.
 */
export function triageArrival(input: ArrivalInput, site: Pick<SiteConfig, 'receptionHours' | 'timeZone'>, rules: RulesConfig, now: Date): Triage {
  const classification = classifyArrival(input, rules, now);
  const out: Triage = { classification };
  if (classification.incident === 'C') out.alert = routeFor('C', site, rules, now);
  if (classification.suggestion) out.prompt = routeFor(classification.suggestion.class, site, rules, now);
  return out;
}

/**
 * The roles told when an unanswered help call escalates from `level` (0 on its first escalation): the site's
 * `helpCalls` hops, or `DEFAULT_HELP_ESCALATION`. Past the last hop nobody new is told (the call still
 * escalates: its level rises and every desk chimes again).
 */
export function helpEscalationRoles(level: number, rules: Pick<RulesConfig, 'helpCalls'>): Role[] {
  const hops = rules.helpCalls?.next ?? DEFAULT_HELP_ESCALATION;
  return [...(hops[level] ?? [])];
}
