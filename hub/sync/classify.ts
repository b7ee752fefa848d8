/**
 * Classifying a visit the hub sees for the first time, as the desk does (desk/desk-data.ts): the site's rules
 * (`triageArrival`) raise class C automatically unless an invitation covers the visit; the hub's watch list
 * (which never leaves the desk and the hub) raises a watch-list alert. A and B stay the receptionist's call —
 * the desk shows its own prompt. Runs inside the push transaction: a visit and its alerts commit together.
 */
import type { Alert } from '../../src/domain/desk.js';
import { routeFor, triageArrival } from '../../src/domain/rules/index.js';
import { matchWatchList } from '../../src/domain/rules/watchlist.js';
import type { Visit } from '../../src/domain/visit.js';
import type { Repo } from '../db/index.js';
import type { WatchEntryRow } from '../db/store.js';
import { makeAlert, raiseOnce } from '../alerts.js';
import type { SiteRules } from '../sites.js';

/** Statuses whose visit is over: nothing to raise for a visitor who already left or was turned away. */
const FINISHED = new Set(['checked-out', 'denied']);

/** Raises the alerts a newly seen visit calls for; returns those created now. */
/**
 * `entries`: the site's watch list, read once per push rather than once per visit. `idHash`: the keyed hash of
 * the visitor's recorded identity number, when one was sealed and opened (identity.ts).
 */
export async function classifyVisit(repo: Repo, siteRules: SiteRules, visit: Visit, now: Date, entries: readonly WatchEntryRow[], idHash?: string): Promise<Alert[]> {
  if (FINISHED.has(visit.status)) return [];
  const { site, rules } = siteRules;
  const raised: Alert[] = [];
  const triage = triageArrival(
    {
      visitorType: visit.visitorType,
      purpose: visit.purpose,
      hasAppointment: visit.hasAppointment,
      invitation: visit.invitation !== undefined,
      // The host's answer is recorded on the desk after arrival; at first sight no host has confirmed yet.
      hostConfirmed: false,
      partySize: visit.visitor.partySize,
    },
    site,
    rules,
    now,
  );
  if (triage.alert) {
    const alert = makeAlert({ siteId: site.id, kind: 'incident', incidentClass: 'C', visitId: visit.id, notify: triage.alert.notify }, rules, now);
    const created = await raiseOnce(repo, alert, `${visit.id}:C`);
    if (created) raised.push(created);
  }
  if (entries.length > 0 && matchWatchList({ fullName: visit.visitor.fullName, phone: visit.visitor.phone, ...(idHash ? { idHash } : {}) }, entries, now).length > 0) {
    const route = routeFor('watchlist', site, rules, now);
    const alert = makeAlert({ siteId: site.id, kind: 'watchlist', visitId: visit.id, notify: route.notify }, rules, now);
    const created = await raiseOnce(repo, alert, `${visit.id}:watchlist`);
    if (created) raised.push(created);
  }
  return raised;
}
