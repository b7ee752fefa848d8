import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttons, tokens } from '../../components/styles/shared.js';
import { ALERT_STATUSES, isIncidentOverdue, type Alert, type DeskTask, type IncidentRecord, type StaffMember, type TourRequest } from '../../src/domain/desk.js';
import { addDays, calendarFor, incidentRecordDue, type CalendarWarning } from '../../src/domain/rules/index.js';
import type { SiteConfig } from '../../src/domain/site.js';
import { localDayKey } from '../../src/domain/time.js';
import type { Visit } from '../../src/domain/visit.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { formatDateTime, type LocaleTag } from '../../src/i18n/index.js';
import { MAX_INCIDENT_TEXT } from '../../src/schemas/desk.js';
import { MAX_STORED_TEXT } from '../../src/schemas/visit.js';
import { DeskStore } from '../../src/storage/desk.js';
import { VisitStore } from '../../src/storage/index.js';
import { HOST_MESSAGE_LOOKBACK_DAYS, OVERSTAY_HOURS, enteredStatusAt, hostMessageDue, isOverstay } from './deadlines.js';
import { doneHostMessageVisits } from './task-history.js';
import { closeChannels, openWriteChannels } from '../write-channels.js';

/**
 * How often the element looks again without being told: overdue marks and overstays change with the clock,
 * not with writes, and another device's writes (later, through the hub) announce nothing here.
 */
export const INCIDENTS_POLL_MS = 30_000;

/** What staff type on a record before pressing **Save**. */
interface Draft {
  handledBy: string;
  said: string;
  done: string;
  outcome: string;
  typicalCase: boolean;
}

type TextField = 'handledBy' | 'said' | 'done' | 'outcome';

/** One open task with the visit or the tour it is about, if any. */
interface TaskRow {
  task: DeskTask;
  visit?: Visit;
  tour?: TourRequest;
}

/** A visitor still checked in, and since when. */
interface OnSiteRow {
  visit: Visit;
  since: Date;
}

const draftOf = (r: IncidentRecord): Draft => ({ handledBy: r.handledBy ?? '', said: r.said, done: r.done, outcome: r.outcome, typicalCase: r.typicalCase });
const sameDraft = (a: Draft, b: Draft): boolean =>
  a.handledBy.trim() === b.handledBy.trim() && a.said === b.said && a.done === b.done && a.outcome === b.outcome && a.typicalCase === b.typicalCase;
/** Newest incident first: by when the alert went out, then by creation (UUIDv7 ids sort by time). */
const newestFirst = (a: IncidentRecord, b: IncidentRecord): number => b.notifiedAt.localeCompare(a.notifiedAt) || b.id.localeCompare(a.id);

/**
 * @summary The desk's paperwork: an incident record (《突發事件處理記錄表》) for every class A, B, C and
 * watch-list alert — opened automatically, edited and saved, closed with its due date two working days
 * later on the site's calendar, signed off by a site manager, overdue ones marked — the open tasks (notify
 * the customer-service centre or HR, host messages, help calls) with **Done**, and the end-of-day lists:
 * visitors still checked in from earlier days, each with **Check out**, and today's overstays.
 *
 * A composition element: it reads and writes through `DeskStore` / `VisitStore` itself, refreshes on the
 * `vk-desk:` and `vk-storage:` channels (and every `INCIDENTS_POLL_MS`), and posts `{ type: 'changed' }` on
 * `vk-desk:` after its own writes. Shows nothing without a signed-in staff member. Records are never deleted.
 */
export class VkDeskIncidents extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        font-size: var(--vk-desk-font-size, 16px);
      }
      h2 {
        font-size: 1.2em;
        margin: 1.25em 0 0.5em;
      }
      h3 {
        font-size: 1.05em;
        margin: 0 0 0.5em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .record,
      li.row {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 0.75);
        margin-bottom: var(--_space);
        overflow-wrap: anywhere;
      }
      .record.overdue,
      li.row.overdue {
        border: 3px solid var(--_danger);
      }
      .marker {
        display: inline-block;
        margin-inline-start: 0.5em;
        padding: 0 0.4em;
        border: 2px solid var(--_danger);
        border-radius: 4px;
        color: var(--_danger);
        font-weight: 700;
      }
      dl.times {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25em 1em;
        margin: 0 0 var(--_space);
      }
      dl.times dt {
        font-weight: 600;
      }
      dl.times dd {
        margin: 0;
      }
      label {
        display: block;
        font-weight: 600;
        margin-top: 0.5em;
      }
      label.check {
        display: flex;
        align-items: center;
        gap: 0.5em;
        min-height: 48px;
      }
      input[type='text'],
      textarea {
        font: inherit;
        width: 100%;
        padding: 0.5em 0.75em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
      }
      input[type='text'] {
        min-height: 48px;
      }
      input[type='checkbox'] {
        width: 28px;
        height: 28px;
      }
      textarea {
        min-height: 5em;
        resize: vertical;
      }
      input[readonly],
      textarea[readonly] {
        background: var(--_surface);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-top: var(--_space);
      }
      .note,
      .muted {
        color: var(--_muted);
      }
      .warning {
        border-inline-start: 4px solid var(--_danger);
        padding-inline-start: 0.5em;
      }
      .status {
        min-height: 1.5em;
        font-weight: 600;
      }
      button {
        font-size: 0.95em;
      }
      @media (max-width: 30rem) {
        dl.times {
          grid-template-columns: 1fr;
        }
        dl.times dd {
          margin-bottom: 0.25em;
        }
      }
    `,
  ];

  /** Opened for this element's lifetime on the two channels other tabs announce writes on. */
  private channels: BroadcastChannel[] = [];
  private poll: ReturnType<typeof setInterval> | undefined;
  private refreshing: Promise<void> | undefined;
  /** Unsaved edits, by record id; kept across refreshes so another desk's write never wipes what is typed. */
  private readonly drafts = new Map<string, Draft>();
  /** Visits known to have a host-message task (open or done), so none gets a second one. */
  private readonly messaged = new Set<string>();
  private readonly onWake = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  @state() private records: IncidentRecord[] = [];
  @state() private alerts = new Map<string, Alert>();
  @state() private visitsById = new Map<string, Visit>();
  @state() private staffNames = new Map<string, string>();
  @state() private tasks: TaskRow[] = [];
  @state() private earlier: OnSiteRow[] = [];
  @state() private overstays: OnSiteRow[] = [];
  /** What the last action did (or why it failed), read out politely. */
  @state() private status = '';
  /** The id of the record, task or visit being written, so its buttons wait. */
  @state() private busy = '';

  /** The desk's wording (the root's `DeskMessages`). */
  @property({ attribute: false }) messages!: DeskMessages;
  /** The site: its id, zone, jurisdiction (calendar) and reception hours. */
  @property({ attribute: false }) site!: SiteConfig;
  /** The signed-in staff member; without one nothing is loaded or shown. */
  @property({ attribute: false }) staff: StaffMember | undefined;
  /** IndexedDB database name (shared with the kiosk on the same device). */
  @property({ attribute: false }) dbName = 'visitor-kiosk';
  /** Locale for dates and wording. */
  @property({ attribute: false }) locale: LocaleTag = 'en';
  /** The clock: injected by tests (and by a hub-synchronised clock later). */
  @property({ attribute: false }) now: () => Date = () => new Date();
  /** Hours on site after which today's visitor is shown as an overstay. */
  @property({ type: Number, attribute: 'overstay-hours' }) overstayHours = OVERSTAY_HOURS;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onWake);
    this.openChannels();
    this.poll = setInterval(() => void this.refresh(), INCIDENTS_POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onWake);
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
    this.closeChannels();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('dbName') && changed.get('dbName') !== undefined) this.openChannels();
    if (changed.has('dbName') || changed.has('site') || changed.has('staff') || changed.has('now') || changed.has('overstayHours')) void this.refresh();
  }

  /** Loads everything again (after opening missing records and host-message tasks); one run at a time. */
  refresh(): Promise<void> {
    const run = () => this.load();
    const next = (this.refreshing ?? Promise.resolve()).then(run, run);
    this.refreshing = next;
    return next;
  }

  // ----- handlers -----

  private handleInput(record: IncidentRecord, key: TextField, e: Event) {
    const value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.drafts.set(record.id, { ...this.draftFor(record), [key]: value });
  }

  private handleTypical(record: IncidentRecord, e: Event) {
    this.drafts.set(record.id, { ...this.draftFor(record), typicalCase: (e.target as HTMLInputElement).checked });
    this.requestUpdate();
  }

  private async handleSave(record: IncidentRecord, e: Event) {
    e.preventDefault();
    await this.act(record.id, async (desk, now) => {
      await this.saveDraft(desk, record, now);
      return this.messages.incidents.saved;
    });
  }

  private async handleClose(record: IncidentRecord) {
    await this.act(record.id, async (desk, now) => {
      // What is typed goes on the record before it closes: closing must not lose a word.
      await this.saveDraft(desk, record, now);
      const { due } = incidentRecordDue(now, calendarFor(this.site.jurisdiction), this.site.timeZone);
      const closed = await desk.closeIncident(record.id, now, due);
      return this.messages.incidents.closed(this.time(closed.dueAt ?? due.toISOString()));
    });
  }

  private async handleSignOff(record: IncidentRecord) {
    const staff = this.staff;
    if (staff?.role !== 'site-manager') return;
    await this.act(record.id, async (desk, now) => {
      const signed = await desk.signOff(record.id, staff.id, now);
      return this.messages.incidents.signedOff(this.staffName(signed.signedOffBy), this.time(signed.signedOffAt ?? now.toISOString()));
    });
  }

  private async handleTaskDone(task: DeskTask) {
    const staff = this.staff;
    if (!staff) return;
    await this.act(task.id, async (desk, now) => {
      await desk.completeTask(task.id, staff.id, now);
      return this.messages.incidents.taskDone;
    });
  }

  private async handleCheckOut(visit: Visit) {
    await this.act(visit.id, async (_desk, now) => {
      await new VisitStore(this.dbName).checkOut(visit.id, now);
      return this.messages.incidents.checkedOut;
    });
  }

  // ----- data -----

  /** Runs one write for `id`, announces it, reloads and says what happened (or that it failed). */
  private async act(id: string, write: (desk: DeskStore, now: Date) => Promise<string>) {
    if (this.busy) return;
    this.busy = id;
    try {
      this.status = await write(new DeskStore(this.dbName), this.now());
      this.announce();
    } catch (error) {
      this.status = this.failure(error);
    } finally {
      this.busy = '';
    }
    await this.refresh();
  }

  /** Writes the record's unsaved edits, if any; the draft is dropped once stored. */
  private async saveDraft(desk: DeskStore, record: IncidentRecord, now: Date) {
    const draft = this.drafts.get(record.id);
    if (!draft) return;
    if (!sameDraft(draft, draftOf(record))) await desk.updateIncident(record.id, draft, now);
    this.drafts.delete(record.id);
  }

  private failure(error: unknown): string {
    const m = this.messages.incidents;
    if (error instanceof RangeError) {
      // The store's refusals: a record another desk signed off meanwhile, or a signer who is not a manager here.
      return /signed-off incident record cannot change/.test(error.message) ? m.locked : m.signOffRefused;
    }
    return this.messages.errors['storage-failed'];
  }

  private async load(): Promise<void> {
    const staff = this.staff;
    const site = this.site;
    if (!staff || !site) {
      this.clear();
      return;
    }
    try {
      const now = this.now();
      const desk = new DeskStore(this.dbName);
      const visits = new VisitStore(this.dbName);
      const cache = new Map<string, Visit | undefined>();
      const visitOf = async (id: string | undefined): Promise<Visit | undefined> => {
        if (id === undefined) return undefined;
        if (!cache.has(id)) cache.set(id, await visits.get(id).catch(() => undefined));
        return cache.get(id);
      };
      let wrote = false;

      // Every A/B/C and watch-list alert gets its record; openIncident returns the one another desk opened.
      const alerts = (await Promise.all(ALERT_STATUSES.map((s) => desk.listAlerts(s)))).flatMap((r) => r.rows).filter((a) => a.siteId === site.id);
      const records = (await desk.listIncidents()).rows;
      const recorded = new Set(records.map((r) => r.alertId));
      for (const alert of alerts) {
        if (alert.kind === 'help' || recorded.has(alert.id)) continue;
        const visit = await visitOf(alert.visitId);
        records.push(await desk.openIncident(alert.id, now, visit ? { arrivalAt: new Date(visit.createdAt) } : {}));
        wrote = true;
      }

      // A message for an absent host becomes a task, so it is never lost.
      let open = (await desk.openTasks()).rows;
      if (await this.openHostMessageTasks(desk, visits, open, now)) {
        open = (await desk.openTasks()).rows;
        wrote = true;
      }

      const today = localDayKey(now, site.timeZone);
      const onSite = (await visits.listOnSite()).rows.filter((v) => v.siteId === site.id);
      const since = (v: Visit): OnSiteRow => ({ visit: v, since: enteredStatusAt(v, 'checked-in') });
      const siteRecords = records.filter((r) => r.siteId === site.id).sort(newestFirst);
      const siteTasks = open.filter((t) => t.siteId === site.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      for (const r of siteRecords) await visitOf(r.visitId);
      const taskRows: TaskRow[] = [];
      for (const task of siteTasks) {
        const visit = await visitOf(task.visitId);
        const tour = task.tourId === undefined ? undefined : await desk.getTour(task.tourId).catch(() => undefined);
        taskRows.push({ task, ...(visit ? { visit } : {}), ...(tour ? { tour } : {}) });
      }
      const staffNames = new Map((await desk.listStaff(site.id)).rows.map((s) => [s.id, s.name]));

      if (this.staff !== staff || this.site !== site) return;
      this.alerts = new Map(alerts.map((a) => [a.id, a]));
      this.records = siteRecords;
      this.visitsById = new Map([...cache].filter((e): e is [string, Visit] => e[1] !== undefined));
      this.tasks = taskRows;
      this.staffNames = staffNames;
      this.earlier = onSite.filter((v) => v.dayKey < today).map(since);
      this.overstays = onSite
        .filter((v) => v.dayKey === today)
        .map(since)
        .filter((row) => isOverstay(row.since, now, this.overstayHours));
      if (wrote) this.announce();
    } catch (error) {
      this.status = this.failure(error);
    }
  }

  /**
   * Adds a `host-message` task, due at the end of the reception day, for each recent `host-absent` visit
   * with a message and no such task yet. Returns whether it added any.
   */
  private async openHostMessageTasks(desk: DeskStore, visits: VisitStore, open: readonly DeskTask[], now: Date): Promise<boolean> {
    const site = this.site;
    for (const t of open) if (t.kind === 'host-message' && t.visitId) this.messaged.add(t.visitId);
    const today = localDayKey(now, site.timeZone);
    const candidates: Visit[] = [];
    for (let i = HOST_MESSAGE_LOOKBACK_DAYS - 1; i >= 0; i--) {
      const rows = (await visits.listByDayAndStatus(addDays(today, -i), 'host-absent')).rows;
      candidates.push(...rows.filter((v) => v.siteId === site.id && v.message !== undefined && !this.messaged.has(v.id)));
    }
    if (candidates.length === 0) return false;
    const done = await doneHostMessageVisits(desk, candidates.map((v) => v.id));
    let added = false;
    for (const visit of candidates) {
      this.messaged.add(visit.id);
      if (done.has(visit.id)) continue;
      const dueAt = hostMessageDue(enteredStatusAt(visit, 'host-absent'), site.receptionHours, site.timeZone);
      await desk.addTask({ siteId: site.id, kind: 'host-message', visitId: visit.id, dueAt }, now);
      added = true;
    }
    return added;
  }

  private clear() {
    this.records = [];
    this.alerts = new Map();
    this.visitsById = new Map();
    this.staffNames = new Map();
    this.tasks = [];
    this.earlier = [];
    this.overstays = [];
    this.drafts.clear();
    this.status = '';
  }

  private openChannels() {
    this.closeChannels();
    this.channels = openWriteChannels(this.dbName, () => void this.refresh());
  }

  private closeChannels() {
    closeChannels(this.channels);
    this.channels = [];
  }

  /** Tells the other desks of this device (and the desk root) that something changed. */
  private announce() {
    const channel = new BroadcastChannel(`vk-desk:${this.dbName}`);
    channel.postMessage({ type: 'changed' });
    channel.close();
  }

  // ----- rendering helpers -----

  private draftFor(record: IncidentRecord): Draft {
    return this.drafts.get(record.id) ?? draftOf(record);
  }

  private time(iso: string): string {
    return formatDateTime(new Date(iso), this.locale, this.site.timeZone);
  }

  private staffName(id: string | undefined): string {
    if (id === undefined) return '';
    return this.staffNames.get(id) ?? (id === this.staff?.id ? this.staff.name : id);
  }

  /** The calendar warning of a closed record's due date, recomputed from its closing time (not stored). */
  private calendarWarning(record: IncidentRecord): CalendarWarning | undefined {
    if (record.closedAt === undefined) return undefined;
    try {
      return incidentRecordDue(new Date(record.closedAt), calendarFor(this.site.jurisdiction), this.site.timeZone).warning;
    } catch {
      return undefined;
    }
  }

  private visitLine(visit: Visit | undefined): string {
    return visit ? `${this.messages.typeLabels[visit.visitorType]}, ${visit.host.label}` : '';
  }

  override render() {
    if (!this.staff || !this.site || !this.messages) return nothing;
    const m = this.messages.incidents;
    return html`
      <p class="status" role="status">${this.status}</p>
      <section aria-labelledby="incidents-h">
        <h2 id="incidents-h">${m.heading}</h2>
        ${this.renderRecords()}
      </section>
      <section aria-labelledby="tasks-h">
        <h2 id="tasks-h">${m.tasksHeading}</h2>
        ${this.tasks.length === 0 ? html`<p class="note">${m.tasksEmpty}</p>` : html`<ul>${this.tasks.map((row) => this.renderTask(row))}</ul>`}
      </section>
      <section aria-labelledby="earlier-h">
        <h2 id="earlier-h">${this.messages.endOfDayHeading}</h2>
        ${this.earlier.length === 0
          ? html`<p class="note">${m.noneEarlier}</p>`
          : html`<p>${this.messages.stillOnSite(this.earlier.length)}</p>
              <ul>
                ${this.earlier.map((row) => this.renderOnSite(row, 'earlier'))}
              </ul>`}
      </section>
      <section aria-labelledby="overstay-h">
        <h2 id="overstay-h">${m.overstayHeading(this.overstayHours)}</h2>
        ${this.overstays.length === 0
          ? html`<p class="note">${m.noOverstays}</p>`
          : html`<ul>
              ${this.overstays.map((row) => this.renderOnSite(row, 'overstay'))}
            </ul>`}
      </section>
    `;
  }

  private renderRecords() {
    const m = this.messages.incidents;
    if (this.records.length === 0) return html`<p class="note">${m.empty}</p>`;
    const now = this.now();
    const overdue = this.records.filter((r) => isIncidentOverdue(r, now)).length;
    return html`${overdue > 0 ? html`<p class="warning">${m.overdueCount(overdue)}</p>` : nothing}
      ${this.records.map((r) => this.renderRecord(r, isIncidentOverdue(r, now)))}`;
  }

  private renderRecord(record: IncidentRecord, overdue: boolean) {
    const msgs = this.messages;
    const m = msgs.incidents;
    const id = record.id;
    const draft = this.draftFor(record);
    const signed = record.signedOffAt !== undefined;
    const closed = record.closedAt !== undefined;
    const alert = this.alerts.get(record.alertId);
    const visitLine = this.visitLine(record.visitId ? this.visitsById.get(record.visitId) : undefined);
    const warning = this.calendarWarning(record);
    const busy = this.busy !== '';
    const when = (iso: string | undefined) => (iso === undefined ? m.notYet : this.time(iso));
    const acknowledged =
      record.acknowledgedAt !== undefined && alert?.acknowledgedBy !== undefined
        ? msgs.acknowledgedBy(this.staffName(alert.acknowledgedBy), this.time(record.acknowledgedAt))
        : when(record.acknowledgedAt);
    return html`<article class="record ${overdue ? 'overdue' : ''}" aria-labelledby="h-${id}">
      <h3 id="h-${id}">
        ${msgs.classLabel[record.incidentClass]} — ${this.time(record.arrivalAt)}${overdue ? html`<span class="marker">${m.overdue}</span>` : nothing}
      </h3>
      ${visitLine ? html`<p class="muted">${visitLine}</p>` : nothing}
      ${record.mediaPresent ? html`<p><strong>${msgs.mediaPresent}</strong></p>` : nothing}
      <dl class="times">
        <dt>${m.fields.arrival}</dt>
        <dd>${this.time(record.arrivalAt)}</dd>
        <dt>${m.fields.notified}</dt>
        <dd>${this.time(record.notifiedAt)}</dd>
        <dt>${m.fields.acknowledged}</dt>
        <dd>${acknowledged}</dd>
        <dt>${m.fields.escalated}</dt>
        <dd>${when(record.escalatedAt)}</dd>
        <dt>${m.fields.closed}</dt>
        <dd>${when(record.closedAt)}</dd>
        ${closed
          ? html`<dt>${m.fields.due}</dt>
              <dd>${when(record.dueAt)}${overdue ? html`<span class="marker">${m.overdue}</span>` : nothing}</dd>`
          : nothing}
      </dl>
      ${warning ? html`<p class="note warning">${m.calendarWarnings[warning]}</p>` : nothing}
      <form @submit=${(e: Event) => void this.handleSave(record, e)}>
        <label for="handled-${id}">${m.fields.handledBy}</label>
        <input
          id="handled-${id}"
          type="text"
          autocomplete="off"
          maxlength=${MAX_STORED_TEXT}
          ?readonly=${signed}
          .value=${draft.handledBy}
          @input=${(e: Event) => this.handleInput(record, 'handledBy', e)}
        />
        ${(['said', 'done', 'outcome'] as const).map(
          (key) => html`<label for="${key}-${id}">${m.fields[key]}</label>
            <textarea
              id="${key}-${id}"
              maxlength=${MAX_INCIDENT_TEXT}
              ?readonly=${signed}
              .value=${draft[key]}
              @input=${(e: Event) => this.handleInput(record, key, e)}
            ></textarea>`,
        )}
        <label class="check" for="typical-${id}">
          <input
            id="typical-${id}"
            type="checkbox"
            ?disabled=${signed}
            .checked=${draft.typicalCase}
            @change=${(e: Event) => this.handleTypical(record, e)}
          />
          ${m.fields.typicalCase}
        </label>
        ${signed
          ? html`<p><strong>${m.signedOff(this.staffName(record.signedOffBy), this.time(record.signedOffAt ?? record.updatedAt))}</strong></p>`
          : html`<div class="actions">
              <button type="submit" class="primary" ?disabled=${busy}>${m.save}</button>
              ${closed ? nothing : html`<button type="button" ?disabled=${busy} @click=${() => void this.handleClose(record)}>${m.close}</button>`}
              ${closed && this.staff?.role === 'site-manager'
                ? html`<button type="button" ?disabled=${busy} @click=${() => void this.handleSignOff(record)}>${m.signOff}</button>`
                : nothing}
            </div>`}
      </form>
    </article>`;
  }

  private renderTask({ task, visit, tour }: TaskRow) {
    const msgs = this.messages;
    const m = msgs.incidents;
    const overdue = task.dueAt !== undefined && Date.parse(task.dueAt) < this.now().getTime();
    return html`<li class="row ${overdue ? 'overdue' : ''}">
      <strong id="t-${task.id}">${m.taskKinds[task.kind]}</strong>${overdue ? html`<span class="marker">${m.overdue}</span>` : nothing}
      <br />
      <span
        >${visit
          ? m.taskVisit(visit.host.label, this.time(visit.createdAt))
          : tour
            ? m.taskTour(tour.leader, this.time(tour.visitAt))
            : this.time(task.createdAt)}</span
      >
      ${task.dueAt ? html`<br /><span>${m.taskDue(this.time(task.dueAt))}</span>` : nothing}
      ${task.kind === 'host-message' && visit?.message ? html`<br /><span>${msgs.message(visit.message.text, visit.message.callbackPhone)}</span>` : nothing}
      ${task.note ? html`<br /><span class="muted">${task.note}</span>` : nothing}
      <div class="actions">
        <button type="button" aria-describedby="t-${task.id}" ?disabled=${this.busy !== ''} @click=${() => void this.handleTaskDone(task)}>${msgs.done}</button>
      </div>
    </li>`;
  }

  private renderOnSite({ visit, since }: OnSiteRow, kind: 'earlier' | 'overstay') {
    const msgs = this.messages;
    const id = `${kind}-${visit.id}`;
    return html`<li class="row">
      <strong id=${id}>${visit.visitor.fullName || msgs.noName}</strong>
      ${kind === 'overstay' ? html`<span class="marker">${msgs.overstay}</span>` : nothing}
      <br />
      <span>${visit.host.label} · ${msgs.typeLabels[visit.visitorType]}</span>
      <br />
      <span>${msgs.incidents.onSiteSince(this.time(since.toISOString()))}</span>
      <div class="actions">
        <button type="button" aria-describedby=${id} ?disabled=${this.busy !== ''} @click=${() => void this.handleCheckOut(visit)}>${msgs.checkOut}</button>
      </div>
    </li>`;
  }
}
