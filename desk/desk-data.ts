/**
 * The desk's door to its data and rules: today's visits, alerts, host answers, and the classification of
 * every new arrival — on the desk, never on the kiosk (which only stores registrations). Two desks open at
 * once may both see a new visit: `raiseAlert` returns the alert already open for the same visit and class,
 * so an arrival raises one alert whichever desk classifies it first.
 *
 * Built for a busy day (2 000 visits): every refresh reads the day, its host decisions and the alerts in a
 * handful of requests — never one request per visit — and only visits this page has not classified yet are
 * classified, with one read of their alerts, tasks and the watch list for the whole batch.
 */
import type { Alert, DeskTask } from '../src/domain/desk.js';
import { escalateRoute, escalationDueAt, helpEscalationRoles, routeFor, triageArrival, type RulesConfig } from '../src/domain/rules/index.js';
import type { SiteConfig } from '../src/domain/site.js';
import { localDayKey } from '../src/domain/time.js';
import type { Visit } from '../src/domain/visit.js';
import { DeskStore } from '../src/storage/desk.js';
import { VisitStore } from '../src/storage/index.js';

export type Flag = 'A' | 'B' | 'C' | 'watchlist';

/** A host's answer as the desk shows it. */
export interface HostAnswer {
  decision: 'confirmed' | 'declined';
  by: string;
  at: string;
  /** Who recorded it: a staff id, or `host-link-<answer>` when the host answered the one-time link (desk/hub-link.ts). */
  staffId?: string;
}

/** What the desk shows beyond the visit records. */
export interface DeskSnapshot {
  visits: Visit[];
  alerts: Alert[];
  /** Visit id → host's answer ("confirmed by 12A at 14:02"). */
  decisions: Map<string, HostAnswer>;
  /** Visit id → prompt to raise A or B (an owner's or staff complaint without an appointment). */
  suggestions: Map<string, 'A' | 'B'>;
  /** Staff id → name, to say who acknowledged an alert on any desk of this device. */
  staffNames: Map<string, string>;
}

/**
 * Work, in ms, after which classification lets the page in (input, rendering). The rules alone take ≈ 1 µs a
 * visit; with a long watch list each name is normalised and compared, and a day's worth in one go could be a
 * long task. Yielding by time, not by count, costs nothing when the work is quick.
 */
const CLASSIFY_SLICE_MS = 8;

/** Lets input and rendering in between long loops (`scheduler.yield` where the browser has it). */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * What a page remembers between sign-ins (per database and site): the visits it classified and the A/B
 * prompts they gave. Signing out and in again on the same page does not classify the day a second time.
 */
interface Memory {
  rules: RulesConfig | undefined;
  classified: Set<string>;
  suggestions: Map<string, 'A' | 'B'>;
}
const memories = new Map<string, Memory>();

function memoryFor(dbName: string, siteId: string, rules: RulesConfig): Memory {
  const key = `${dbName}\u0000${siteId}`;
  let memory = memories.get(key);
  if (!memory) {
    memory = { rules, classified: new Set(), suggestions: new Map() };
    memories.set(key, memory);
  }
  // Other rules (a new rules file) may decide differently: classify the day again. Writes stay idempotent.
  if (memory.rules !== rules) {
    memory.rules = rules;
    memory.classified.clear();
    memory.suggestions.clear();
  }
  return memory;
}

export class DeskData {
  readonly visits: VisitStore;
  readonly desk: DeskStore;
  /**
   * The desk is linked to a hub (desk/hub-link.ts): the hub classifies arrivals and raises class C and
   * watch-list alerts (they reach this desk's store from the hub); here only the A/B prompts and their ledger
   * tasks are worked out. Raising C locally too would give one arrival two alerts with different ids.
   */
  hubLinked = false;
  private memory: Memory;

  constructor(
    readonly dbName: string,
    private site: SiteConfig,
    private rules: RulesConfig,
  ) {
    this.visits = new VisitStore(dbName);
    this.desk = new DeskStore(dbName);
    this.memory = memoryFor(dbName, site.id, rules);
  }

  /** The rules in force (presets, or the site's own file). */
  get currentRules(): RulesConfig {
    return this.rules;
  }

  configure(site: SiteConfig, rules: RulesConfig): void {
    this.site = site;
    this.rules = rules;
    this.memory = memoryFor(this.dbName, site.id, rules);
  }

  /** Forgets what every page of this document classified (tests that start from a fresh page). */
  static forgetClassified(): void {
    memories.clear();
  }

  /**
   * Loads today's visits, their host answers and the alerts, classifying arrivals this page has not seen
   * yet. A few requests whatever the size of the day: the day (served from the day cache when nothing was
   * written), the day's decisions in one read, the open and acknowledged alerts, the staff names.
   */
  async snapshot(now: Date, onFlag: (visit: Visit, alert: Alert) => void): Promise<DeskSnapshot> {
    const today = localDayKey(now, this.site.timeZone);
    const { rows: visits } = await this.visits.listByDay(today);
    const decisions = new Map<string, HostAnswer>();
    for (const d of (await this.desk.hostDecisionsFor(visits.map((v) => v.id))).rows) decisions.set(d.visitId, { decision: d.decision, by: d.by, at: d.at, staffId: d.staffId });
    const fresh = visits.filter((v) => !this.memory.classified.has(v.id));
    if (fresh.length > 0) await this.classifyAll(fresh, decisions, now, onFlag);
    const [open, acknowledged, staff] = await Promise.all([this.desk.listAlerts('open'), this.desk.listAlerts('acknowledged'), this.desk.listStaff(this.site.id)]);
    const suggestions = new Map<string, 'A' | 'B'>();
    for (const v of visits) {
      const s = this.memory.suggestions.get(v.id);
      if (s) suggestions.set(v.id, s);
    }
    return {
      visits,
      alerts: [...open.rows, ...acknowledged.rows],
      decisions,
      suggestions,
      staffNames: new Map(staff.rows.map((s) => [s.id, s.name] as const)),
    };
  }

  /**
   * Applies the rules to `fresh` arrivals. The rules are pure and cheap (≈ 1 µs a visit); what costs is
   * storage, so the alerts and tasks of the whole batch and the watch list are read once, and only what is
   * missing is written: a C alert for a visit that never had one (a closed one counts: it was handled), a
   * watch-list alert likewise, a ledger task for an A/B suggestion whose task was never opened (a task marked
   * **Done** counts). Visits already over (checked out, denied) are only remembered.
   */
  private async classifyAll(fresh: readonly Visit[], decisions: ReadonlyMap<string, HostAnswer>, now: Date, onFlag: (visit: Visit, alert: Alert) => void): Promise<void> {
    const live = fresh.filter((v) => v.status !== 'checked-out' && v.status !== 'denied');
    const watch = live.length > 0 ? (await this.desk.listWatchEntries(now)).rows : [];
    // The matcher is fetched only when there is a list to match: its Chinese converter (opencc-js's
    // dictionaries, ≈ 50 KB gzip) was the largest part of what the desk downloaded before sign-in.
    const matchWatchList = watch.length > 0 ? (await import('../src/domain/rules/watchlist.js')).matchWatchList : undefined;
    const decided: { visit: Visit; c?: readonly string[]; suggestion?: { class: 'A' | 'B'; task: 'notify-cs-centre' | 'notify-hr' }; watch: boolean }[] = [];
    let sliceStart = performance.now();
    for (const visit of live) {
      if (performance.now() - sliceStart > CLASSIFY_SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      const triage = triageArrival(
        {
          visitorType: visit.visitorType,
          purpose: visit.purpose,
          hasAppointment: visit.hasAppointment,
          invitation: visit.invitation !== undefined,
          hostConfirmed: decisions.get(visit.id)?.decision === 'confirmed',
          partySize: visit.visitor.partySize,
        },
        this.site,
        this.rules,
        now,
      );
      const suggestion = triage.classification.suggestion;
      if (suggestion) this.memory.suggestions.set(visit.id, suggestion.class);
      // The watch list stays on the desk (never on a kiosk); a name-only match is "possible", the desk says so.
      const watched = matchWatchList !== undefined && matchWatchList({ fullName: visit.visitor.fullName, phone: visit.visitor.phone }, watch, now).length > 0;
      if (triage.alert || suggestion || watched) {
        decided.push({ visit, ...(triage.alert ? { c: triage.alert.notify } : {}), ...(suggestion ? { suggestion: { class: suggestion.class, task: suggestion.task } } : {}), watch: watched });
      }
    }
    if (decided.length > 0) {
      const ids = decided.map((d) => d.visit.id);
      const [alerts, tasks] = await Promise.all([this.desk.alertsForVisits(ids), this.desk.tasksForVisits(ids)]);
      const hasAlert = (visitId: string, kind: Alert['kind'], cls?: Alert['incidentClass']) =>
        alerts.rows.some((a) => a.visitId === visitId && a.kind === kind && a.incidentClass === cls);
      const hasTask = (visitId: string, kind: DeskTask['kind']) => tasks.rows.some((t) => t.visitId === visitId && t.kind === kind);
      for (const d of decided) {
        const { visit } = d;
        if (d.suggestion && !hasTask(visit.id, d.suggestion.task)) {
          await this.desk.addTask({ siteId: this.site.id, kind: d.suggestion.task, visitId: visit.id }, now);
        }
        if (d.watch && !this.hubLinked && !hasAlert(visit.id, 'watchlist')) {
          const route = routeFor('watchlist', this.site, this.rules, now);
          const { alert, created } = await this.desk.raiseAlert(
            { siteId: this.site.id, kind: 'watchlist', visitId: visit.id, notify: route.notify, escalateAt: escalationDueAt(now, this.rules) },
            now,
          );
          // One announcement per arrival: the class C alert, when there is one, speaks for both.
          if (created && !d.c) onFlag(visit, alert);
        }
        if (d.c && !this.hubLinked && !hasAlert(visit.id, 'incident', 'C')) {
          const { alert, created } = await this.desk.raiseAlert(
            { siteId: this.site.id, kind: 'incident', incidentClass: 'C', visitId: visit.id, notify: d.c, escalateAt: escalationDueAt(now, this.rules) },
            now,
          );
          if (created) onFlag(visit, alert);
        }
      }
    }
    for (const v of fresh) this.memory.classified.add(v.id);
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

  /**
   * Escalates every open alert whose deadline has passed (checked on each wake-up: hidden tabs throttle
   * timers) — help calls too: nobody answering a visitor who asked for help is the same failure as nobody
   * answering an incident, so it goes up the site's `helpCalls` hops.
   */
  async escalateDue(now: Date): Promise<Alert[]> {
    const due = (await this.desk.dueEscalations(now)).rows;
    const escalated: Alert[] = [];
    for (const alert of due) {
      const result = await this.desk.escalate(alert.id, now, escalationDueAt(now, this.rules), this.nextRoles(alert));
      if (result.escalated) escalated.push(result.alert);
    }
    return escalated;
  }

  /** **Escalate** pressed: the next hop now, whatever the deadline. */
  async escalateNow(alert: Alert, now: Date): Promise<void> {
    // Manual: out of control now, whatever the deadline — also after someone acknowledged it.
    await this.desk.escalate(alert.id, now, escalationDueAt(now, this.rules), this.nextRoles(alert), { manual: true });
  }

  /** The roles the alert's next hop tells (none new once its plan is exhausted: it still escalates). */
  private nextRoles(alert: Alert): string[] {
    if (alert.kind === 'help') return helpEscalationRoles(alert.escalationLevel, this.rules);
    const cls = alert.kind === 'watchlist' ? 'watchlist' : alert.incidentClass;
    if (!cls) return [];
    let route = routeFor(cls, this.site, this.rules, new Date(alert.createdAt));
    for (let i = 0; i <= alert.escalationLevel; i++) route = escalateRoute(route) ?? route;
    return route.notify;
  }
}
