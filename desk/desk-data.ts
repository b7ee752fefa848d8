/**
 * The desk's door to its data and rules: today's visits, alerts, host answers, and the classification of
 * every new arrival — on the desk, never on the kiosk (which only stores registrations). Two desks open at
 * once may both see a new visit: `raiseAlert` returns the alert already open for the same visit and class,
 * so an arrival raises one alert whichever desk classifies it first.
 */
import type { Alert } from '../src/domain/desk.js';
import { escalateRoute, escalationDueAt, matchWatchList, routeFor, triageArrival, type RulesConfig } from '../src/domain/rules/index.js';
import type { SiteConfig } from '../src/domain/site.js';
import { localDayKey } from '../src/domain/time.js';
import type { Visit } from '../src/domain/visit.js';
import { DeskStore } from '../src/storage/desk.js';
import { VisitStore } from '../src/storage/index.js';

export type Flag = 'A' | 'B' | 'C' | 'watchlist';

/** What the desk shows beyond the visit records. */
export interface DeskSnapshot {
  visits: Visit[];
  alerts: Alert[];
  /** Visit id → host's answer ("confirmed by 12A at 14:02"). */
  decisions: Map<string, { decision: 'confirmed' | 'declined'; by: string; at: string }>;
  /** Visit id → prompt to raise A or B (an owner's or staff complaint without an appointment). */
  suggestions: Map<string, 'A' | 'B'>;
  /** Staff id → name, to say who acknowledged an alert on any desk of this device. */
  staffNames: Map<string, string>;
}

export class DeskData {
  readonly visits: VisitStore;
  readonly desk: DeskStore;
  /** Visits already classified by this page (others are classified once more; raising is idempotent). */
  private readonly classified = new Set<string>();
  private readonly suggestions = new Map<string, 'A' | 'B'>();

  constructor(
    readonly dbName: string,
    private site: SiteConfig,
    private rules: RulesConfig,
  ) {
    this.visits = new VisitStore(dbName);
    this.desk = new DeskStore(dbName);
  }

  configure(site: SiteConfig, rules: RulesConfig): void {
    this.site = site;
    this.rules = rules;
  }

  /** Loads today's visits and open alerts, classifying arrivals this page has not seen yet. */
  async snapshot(now: Date, onFlag: (visit: Visit, alert: Alert) => void): Promise<DeskSnapshot> {
    const today = localDayKey(now, this.site.timeZone);
    const { rows: visits } = await this.visits.listByDay(today);
    for (const visit of visits) {
      if (this.classified.has(visit.id)) continue;
      this.classified.add(visit.id);
      const raised = await this.classify(visit, now);
      if (raised) onFlag(visit, raised);
    }
    const alerts = [...(await this.desk.listAlerts('open')).rows, ...(await this.desk.listAlerts('acknowledged')).rows];
    const decisions = new Map<string, { decision: 'confirmed' | 'declined'; by: string; at: string }>();
    for (const visit of visits) {
      const d = await this.desk.hostDecision(visit.id);
      if (d) decisions.set(visit.id, { decision: d.decision, by: d.by, at: d.at });
    }
    const staffNames = new Map((await this.desk.listStaff(this.site.id)).rows.map((s) => [s.id, s.name] as const));
    return { visits, alerts, decisions, suggestions: new Map(this.suggestions), staffNames };
  }

  /** Applies the rules to one arrival; returns a newly raised alert (class C), if any. */
  private async classify(visit: Visit, now: Date): Promise<Alert | undefined> {
    if (visit.status === 'checked-out' || visit.status === 'denied') return undefined;
    const decision = await this.desk.hostDecision(visit.id);
    const triage = triageArrival(
      {
        visitorType: visit.visitorType,
        purpose: visit.purpose,
        hasAppointment: visit.hasAppointment,
        invitation: visit.invitation !== undefined,
        hostConfirmed: decision?.decision === 'confirmed',
        partySize: visit.visitor.partySize,
      },
      this.site,
      this.rules,
      now,
    );
    const suggestion = triage.classification.suggestion;
    if (suggestion) {
      this.suggestions.set(visit.id, suggestion.class);
      const open = (await this.desk.openTasks()).rows.some((t) => t.visitId === visit.id);
      if (!open) {
        await this.desk.addTask(
          { siteId: this.site.id, kind: suggestion.class === 'A' ? 'notify-cs-centre' : 'notify-hr', visitId: visit.id },
          now,
        );
      }
    }
    // The watch list stays on the desk (never on a kiosk); a name-only match is "possible", the desk says so.
    const watch = (await this.desk.listWatchEntries(now)).rows;
    const matches = watch.length > 0 ? matchWatchList({ fullName: visit.visitor.fullName, phone: visit.visitor.phone }, watch, now) : [];
    if (matches.length > 0) {
      const route = routeFor('watchlist', this.site, this.rules, now);
      const { alert, created } = await this.desk.raiseAlert(
        { siteId: this.site.id, kind: 'watchlist', visitId: visit.id, notify: route.notify, escalateAt: escalationDueAt(now, this.rules) },
        now,
      );
      if (created && !triage.alert) return alert;
    }
    if (triage.alert) {
      const { alert, created } = await this.desk.raiseAlert(
        {
          siteId: this.site.id,
          kind: 'incident',
          incidentClass: 'C',
          visitId: visit.id,
          notify: triage.alert.notify,
          escalateAt: escalationDueAt(now, this.rules),
        },
        now,
      );
      return created ? alert : undefined;
    }
    return undefined;
  }

  /** The receptionist raises A, B or C by hand (a prompt taken, or their own judgement). */
  async raise(visit: Visit | undefined, incidentClass: 'A' | 'B' | 'C', now: Date): Promise<Alert> {
    const route = routeFor(incidentClass, this.site, this.rules, now);
    const { alert } = await this.desk.raiseAlert(
      {
        siteId: this.site.id,
        kind: 'incident',
        incidentClass,
        ...(visit ? { visitId: visit.id } : {}),
        notify: route.notify,
        escalateAt: escalationDueAt(now, this.rules),
      },
      now,
    );
    return alert;
  }

  /** Escalates every open alert whose deadline has passed (checked on each wake-up: hidden tabs throttle timers). */
  async escalateDue(now: Date): Promise<Alert[]> {
    const due = (await this.desk.dueEscalations(now)).rows;
    const escalated: Alert[] = [];
    for (const alert of due) {
      const cls = alert.kind === 'watchlist' ? 'watchlist' : alert.incidentClass;
      if (!cls) continue;
      let route = routeFor(cls, this.site, this.rules, new Date(alert.createdAt));
      for (let i = 0; i <= alert.escalationLevel; i++) route = escalateRoute(route) ?? route;
      const result = await this.desk.escalate(alert.id, now, escalationDueAt(now, this.rules), route.notify);
      if (result.escalated) escalated.push(result.alert);
    }
    return escalated;
  }

  /** **Escalate** pressed: the next hop now, whatever the deadline. */
  async escalateNow(alert: Alert, now: Date): Promise<void> {
    const cls = alert.kind === 'watchlist' ? 'watchlist' : alert.incidentClass;
    if (!cls) return;
    let route = routeFor(cls, this.site, this.rules, new Date(alert.createdAt));
    for (let i = 0; i <= alert.escalationLevel; i++) route = escalateRoute(route) ?? route;
    // Manual: out of control now, whatever the deadline — also after someone acknowledged it.
    await this.desk.escalate(alert.id, now, escalationDueAt(now, this.rules), route.notify, { manual: true });
  }
}
