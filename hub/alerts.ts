/**
 * Alerts on the hub: raised by classification (automatically, once per visit and class) or by a receptionist,
 * acknowledged by the first desk to press **Acknowledge** (a compare-and-set, so two desks pressing at once
 * record one acknowledgement and both are told which), and escalated when nobody acknowledges before the
 * deadline stored with the alert. Every change is an `alert` event in the same transaction, and its outbound
 * notifications (webhooks, e-mail: notify/enqueue.ts) are queued in that transaction too.
 */
import type { Alert, AlertIncidentClass, AlertKind } from '../src/domain/desk.js';
import { escalateRoute, escalationDueAt, helpEscalationRoles, routeFor, type AlertClass } from '../src/domain/rules/index.js';
import { alertSchema } from '../src/schemas/desk.js';
import type { AckReply } from '../src/schemas/sync.js';
import type { HubStore, Repo } from './db/index.js';
import { HubError } from './errors.js';
import { newId } from './ids.js';
import { enqueueAlertNotifications } from './notify/enqueue.js';
import { loadSite, type SiteRules } from './sites.js';

/** Most due alerts one escalation round handles; the next round (seconds later) takes the rest. */
const ESCALATION_BATCH = 100;

/** Roles in first-seen order, without repeats (alertSchema refuses a role listed twice). */
const mergeRoles = (...lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())];

export interface NewAlert {
  siteId: string;
  kind: AlertKind;
  incidentClass?: AlertIncidentClass;
  visitId?: string;
  notify: readonly string[];
  /** On `health` alerts: what is wrong (hub/health.ts). */
  health?: Alert['health'];
}

/** Builds a new open alert at `now`, checked against alertSchema (a bad alert is a bug: it throws). */
export function makeAlert(input: NewAlert, rules: SiteRules['rules'], now: Date): Alert {
  return alertSchema.parse({
    id: newId(now),
    siteId: input.siteId,
    kind: input.kind,
    ...(input.incidentClass !== undefined ? { incidentClass: input.incidentClass } : {}),
    ...(input.visitId !== undefined ? { visitId: input.visitId } : {}),
    ...(input.health !== undefined ? { health: input.health } : {}),
    createdAt: now.toISOString(),
    notify: mergeRoles(input.notify),
    escalateAt: escalationDueAt(now, rules).toISOString(),
    escalationLevel: 0,
    mediaPresent: false,
    status: 'open',
  } satisfies Alert);
}

/**
 * Stores an automatic alert once per visit and class (`dedupeKey`) and emits it; returns it when it is new.
 * Two pushes of the same arrival, or two hub processes, raise one alert between them.
 */
export async function raiseOnce(repo: Repo, alert: Alert, dedupeKey: string): Promise<Alert | undefined> {
  if (!(await repo.insertAlert(alert, dedupeKey))) return undefined;
  await repo.emit(alert.siteId, 'alert', { type: 'alert', alert }, alert.createdAt);
  await enqueueAlertNotifications(repo, alert, 'raised', alert.createdAt);
  return alert;
}

/** The routing class of an alert, or undefined for kinds the routing rules do not cover. */
const routingClass = (alert: Alert): AlertClass | undefined => (alert.kind === 'watchlist' ? 'watchlist' : alert.kind === 'incident' ? alert.incidentClass : undefined);

/**
 * A receptionist raises A, B or C (a prompt taken, or their own judgement). With a visit that already has an
 * alert of that class not closed, that alert is returned and nothing is written.
 */
export async function raiseManual(store: HubStore, siteId: string, input: { incidentClass: AlertIncidentClass; visitId?: string | undefined }, now: Date): Promise<Alert> {
  return store.write(async (repo) => {
    const siteRules = await loadSite(repo, siteId);
    if (input.visitId !== undefined) {
      if (!(await repo.visit(siteId, input.visitId))) throw new HubError(404, 'not-found', 'no such visit at this site', 'visitId');
      const open = await repo.openAlertFor(siteId, input.visitId, 'incident', input.incidentClass);
      if (open) return open;
    }
    const route = routeFor(input.incidentClass, siteRules.site, siteRules.rules, now);
    const alert = makeAlert({ siteId, kind: 'incident', incidentClass: input.incidentClass, ...(input.visitId !== undefined ? { visitId: input.visitId } : {}), notify: route.notify }, siteRules.rules, now);
    await repo.insertAlert(alert, undefined);
    await repo.emit(siteId, 'alert', { type: 'alert', alert }, alert.createdAt);
    await enqueueAlertNotifications(repo, alert, 'raised', alert.createdAt);
    return alert;
  });
}

/**
 * A kiosk's **Ask staff for help**: a (non-incident) call on every desk of the site, escalating up the site's
 * help hops while nobody acknowledges. Nothing about the visitor comes with it — only which kiosk calls. A
 * second press while the kiosk's call is still open returns that call instead of ringing twice.
 */
export async function raiseHelpCall(store: HubStore, siteId: string, deviceId: string, now: Date): Promise<Alert> {
  return store.write(async (repo) => {
    const siteRules = await loadSite(repo, siteId);
    const open = await repo.openHelpCall(siteId, deviceId);
    if (open) return open;
    const alert = makeAlert({ siteId, kind: 'help', notify: [] }, siteRules.rules, now);
    // The key names the calling kiosk, so its open call is found again (`openHelpCall`); unique per alert.
    await repo.insertAlert(alert, `help:${deviceId}:${alert.id}`);
    await repo.emit(siteId, 'alert', { type: 'alert', alert }, alert.createdAt);
    await enqueueAlertNotifications(repo, alert, 'raised', alert.createdAt);
    return alert;
  });
}

/**
 * Records the first acknowledgement. The stored alert is re-read and changed with a compare-and-set on its
 * status in ONE transaction: a second desk (or a double tap) gets the first acknowledgement back with
 * `recorded: false`, and only the winner's change is broadcast.
 */
export async function acknowledge(store: HubStore, siteId: string, alertId: string, staffId: string, now: Date): Promise<AckReply> {
  return store.write(async (repo) => {
    const current = await repo.alert(siteId, alertId, true);
    if (!current) throw new HubError(404, 'not-found', 'no such alert at this site');
    if (current.status !== 'open') return { alert: current, recorded: false };
    const next: Alert = { ...current, status: 'acknowledged', acknowledgedAt: now.toISOString(), acknowledgedBy: staffId };
    if (!(await repo.updateAlertIf(current, alertSchema.parse(next), now.toISOString()))) {
      const winner = await repo.alert(siteId, alertId);
      if (!winner) throw new HubError(404, 'not-found', 'no such alert at this site');
      return { alert: winner, recorded: false };
    }
    await repo.emit(siteId, 'alert', { type: 'alert', alert: next }, now.toISOString());
    await enqueueAlertNotifications(repo, next, 'acknowledged', now.toISOString());
    return { alert: next, recorded: true };
  });
}

/** The next hop's roles for an alert at `level` escalations (0 = first notification), by the site's rules. */
function nextRoles(alert: Alert, siteRules: SiteRules): string[] {
  // An unanswered help call goes up the site's help hops (the desk does the same: desk/desk-data.ts).
  if (alert.kind === 'help') return helpEscalationRoles(alert.escalationLevel, siteRules.rules);
  const cls = routingClass(alert);
  if (!cls) return [];
  let route = routeFor(cls, siteRules.site, siteRules.rules, new Date(alert.createdAt));
  for (let i = 0; i <= alert.escalationLevel; i++) route = escalateRoute(route) ?? route;
  return route.notify;
}

function escalated(alert: Alert, siteRules: SiteRules, now: Date): Alert {
  return alertSchema.parse({
    ...alert,
    escalationLevel: alert.escalationLevel + 1,
    escalatedAt: now.toISOString(),
    escalateAt: escalationDueAt(now, siteRules.rules).toISOString(),
    notify: mergeRoles(alert.notify, nextRoles(alert, siteRules)),
  } satisfies Alert);
}

/**
 * **Escalate** pressed: the next hop now, whatever the deadline, also after an acknowledgement (the
 * receptionist who took it is the one asking for help). A closed alert is returned unchanged.
 */
export async function escalateManual(store: HubStore, siteId: string, alertId: string, now: Date): Promise<Alert> {
  return store.write(async (repo) => {
    const current = await repo.alert(siteId, alertId, true);
    if (!current) throw new HubError(404, 'not-found', 'no such alert at this site');
    if (current.status === 'closed') return current;
    const next = escalated(current, await loadSite(repo, siteId), now);
    if (!(await repo.updateAlertIf(current, next, now.toISOString()))) return (await repo.alert(siteId, alertId)) ?? current;
    await repo.emit(siteId, 'alert', { type: 'alert', alert: next }, now.toISOString());
    await enqueueAlertNotifications(repo, next, 'escalated', now.toISOString());
    return next;
  });
}

/**
 * Escalates every open alert whose deadline has passed at `now` — one transaction per alert, each a
 * compare-and-set on (status, escalateAt), so a deadline escalates once even with two hub processes or an
 * acknowledgement arriving at the same moment. Returns the alerts escalated.
 */
export async function escalateDue(store: HubStore, now: Date): Promise<Alert[]> {
  const due = await store.read((repo) => repo.dueAlerts(now.toISOString(), ESCALATION_BATCH));
  const done: Alert[] = [];
  for (const candidate of due) {
    const result = await store.write(async (repo) => {
      const current = await repo.alert(candidate.siteId, candidate.id, true);
      if (!current || current.status !== 'open' || Date.parse(current.escalateAt) > now.getTime()) return undefined;
      const next = escalated(current, await loadSite(repo, current.siteId), now);
      if (!(await repo.updateAlertIf(current, next, now.toISOString()))) return undefined;
      await repo.emit(current.siteId, 'alert', { type: 'alert', alert: next }, now.toISOString());
      await enqueueAlertNotifications(repo, next, 'escalated', now.toISOString());
      return next;
    });
    if (result) done.push(result);
  }
  return done;
}
