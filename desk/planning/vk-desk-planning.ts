import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttons, tokens } from '../../components/styles/shared.js';
import { deskFormStyles } from '../form-styles.js';
import type { ExpectedVisit, ExpectedVisitKind, StaffMember, TourKind, TourRequest, WatchEntry } from '../../src/domain/desk.js';
import { TOUR_KINDS } from '../../src/domain/desk.js';
import { checkTourRequest, defaultRulesFor, startOfLocalDay, type RulesConfig } from '../../src/domain/rules/index.js';
import { suggestsPeople, type SiteConfig } from '../../src/domain/site.js';
import { localDayKey } from '../../src/domain/time.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { formatDateTime, type LocaleTag } from '../../src/i18n/index.js';
import { DeskStore, type WatchEntryInput } from '../../src/storage/desk.js';
import { MAX_INVITATION_NAMES } from '../../src/schemas/sync.js';
import { SyncError } from '../../src/sync/errors.js';
import type { InvitationIssuer } from '../invitations/vk-desk-invitations.js';
import {
  MAX_EXPECTED_PARTY,
  MAX_LONG_TEXT,
  MAX_TEXT,
  MAX_TOUR_HEADCOUNT,
  parseExpectedForm,
  parseTourForm,
  parseWatchForm,
  watchExpiryRange,
  type ExpectedField,
  type ExpectedFormInput,
  type FieldError,
  type ManualWatchKind,
  type TourField,
  type TourFormInput,
  type WatchField,
  type WatchFormInput,
} from './forms.js';

type Planning = DeskMessages['planning'];
/** A section's last outcome, read out politely (`role="status"`); `error` styles a refusal. */
type Notice = { text: string; error?: boolean } | undefined;

/**
 * How often the lists are read again without a message: "today" rolls over at the site's midnight and
 * watch-list entries expire on their own, which no other tab announces.
 */
const REFRESH_MS = 60_000;

/** A tour group may arrive this early on its invitation: groups gather in the lobby before the set time. */
const TOUR_EARLY_MS = 30 * 60_000;
/** How long a tour's invitation admits, from `TOUR_EARLY_MS` before the set time: a half-day visit. */
const TOUR_INVITATION_HOURS = 4;
/** The host a tour's invitation names when the request lists no department. */
const TOUR_HOST_FALLBACK = 'Reception';

/** Whether the hub refused the signed-in member (403): their role may not do this. */
const isForbidden = (e: unknown): boolean => e instanceof SyncError && e.kind === 'forbidden';

const EMPTY_EXPECTED: ExpectedFormInput = { unit: '', time: '', guestName: '', people: '1', kind: 'guest', makeUp: '' };
const EMPTY_TOUR: TourFormInput = { kind: 'ordinary', leader: '', headcount: '', names: '', departments: '', date: '', time: '', byPhone: false };
const EMPTY_WATCH: WatchFormInput = { kind: 'name', value: '', reason: '', approvedBy: '', expires: '' };

/** The hub's watch list as a hub-linked desk reaches it (desk/hub-link.ts `DeskHubLink.watchList`). */
export interface HubWatchList {
  list(): Promise<WatchEntry[]>;
  add(entry: WatchEntryInput): Promise<WatchEntry>;
  remove(id: string): Promise<void>;
}

/**
 * @summary The desk's planning: **expected visits** (a resident's phoned-in guest, an expected complaint
 * group), **tour** requests checked against the lead-time rules and approved or declined, and the
 * **watch list** (desk only — never sent to a kiosk). Loads its own data from `DeskStore(dbName)`, follows
 * the other tabs through `BroadcastChannel('vk-desk:' | 'vk-storage:' + dbName)` (and reads again every
 * minute), and announces its own writes with `{ type: 'changed' }` on `vk-desk:`. Shows nothing without a
 * signed-in staff member. Time comes from the `now` property, so tests and benchmarks control the clock.
 *
 * Approving a tour only records the approval: invitations are signed with the site's key, which stays on
 * the hub (the hub issue issues them and attaches the invitation to the tour); the desk never holds a key.
 */
export class VkDeskPlanning extends LitElement {
  static override styles = [
    tokens,
    buttons,
    deskFormStyles,
    css`
      :host {
        display: block;
        font-size: var(--vk-desk-font-size, 16px);
      }
      h2 {
        font-size: 1.2em;
        margin: 1.25em 0 0.5em;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: start;
        margin-bottom: 0.5em;
      }
      .field {
        display: flex;
        flex-direction: column;
        max-width: 100%;
      }
      .field.wide {
        flex: 1 1 16em;
      }
      label.check {
        display: flex;
        align-items: center;
        gap: 0.5em;
        min-height: 48px;
      }
      label.check input {
        min-height: 0;
        width: 24px;
        height: 24px;
      }
      .field p.muted {
        margin: 0;
      }
      form > button[type='submit'] {
        align-self: end;
      }
      .error {
        color: var(--_danger);
        margin: 0.25em 0 0;
        font-weight: 600;
      }
      .notice {
        min-height: 1.5em;
        margin: 0 0 0.5em;
      }
      .muted {
        color: var(--_muted);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1em;
        align-items: center;
        justify-content: space-between;
        padding: 0.5em;
        border-bottom: 1px solid var(--_border);
        overflow-wrap: anywhere;
      }
      li.complaint {
        background: var(--vk-color-danger-surface, #fff4f4);
      }
      .tag {
        font-weight: 700;
        color: var(--_danger);
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 0.5em;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
        overflow-wrap: anywhere;
      }
      button {
        font-size: 0.95em;
      }
      @media (max-width: 40rem) {
        thead {
          display: none;
        }
        tr,
        td {
          display: block;
        }
        tr {
          border: 1px solid var(--_border);
          border-radius: var(--_radius);
          margin-bottom: var(--_space);
        }
        td {
          border: none;
        }
        td[data-label]::before {
          content: attr(data-label) ': ';
          font-weight: 600;
        }
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) site!: SiteConfig;
  /** The rules in force (the site's own file, or absent: the presets for the site's kind). */
  @property({ attribute: false }) rules: RulesConfig | undefined;
  @property({ attribute: false }) staff: StaffMember | undefined;
  @property({ attribute: false }) dbName = 'visitor-kiosk';
  @property({ attribute: false }) locale: LocaleTag = 'en';
  /** The clock: tests and the benchmarks inject one. */
  @property({ attribute: false }) now = (): Date => new Date();
  /** The hub's signer (desk/invitations), set on a hub-linked desk: an approved tour becomes its invitation. */
  @property({ attribute: false }) issuer: InvitationIssuer | undefined;
  /**
   * The hub's watch list, set on a hub-linked desk: the hub matches arrivals, so the list is read from and
   * changed at the hub (each change audited there) instead of this desk's IndexedDB. The hub lets only the site
   * manager and the guard keep it: a member it refuses (403) reads "Only a site manager or a guard…" in place of
   * the list and form (`watchRolesOnly`), and an addition refused that way says so rather than "Could not save".
   */
  @property({ attribute: false }) hubWatch: HubWatchList | undefined;

  @state() private expected: ExpectedVisit[] = [];
  @state() private tours: TourRequest[] = [];
  @state() private watch: WatchEntry[] = [];
  @state() private expectedForm: ExpectedFormInput = { ...EMPTY_EXPECTED };
  @state() private tourForm: TourFormInput = { ...EMPTY_TOUR };
  @state() private watchForm: WatchFormInput = { ...EMPTY_WATCH };
  @state() private expectedErrors: Partial<Record<ExpectedField, FieldError>> = {};
  @state() private tourErrors: Partial<Record<TourField, FieldError>> = {};
  @state() private watchErrors: Partial<Record<WatchField, FieldError>> = {};
  @state() private expectedNotice: Notice;
  @state() private tourNotice: Notice;
  @state() private watchNotice: Notice;
  @state() private loadFailed = false;
  /** The hub refused this member the watch list (403: not a site manager or guard) — said plainly, not as an empty list. */
  @state() private watchForbidden = false;

  private channels: BroadcastChannel[] = [];
  private poll: ReturnType<typeof setInterval> | undefined;
  /** Bumped by every load: a slower, older load never overwrites a newer one. */
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a move: listen again (the first attach is handled by `updated`).
    if (this.hasUpdated) this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('dbName') || changed.has('staff') || changed.has('site')) this.listen();
    else if (changed.has('now') || changed.has('hubWatch')) void this.load();
  }

  /** Loads the data again (what a message from another tab triggers); resolves once rendered. */
  async reload(): Promise<void> {
    await this.load();
    await this.updateComplete;
  }

  private get store(): DeskStore {
    return new DeskStore(this.dbName);
  }

  private get today(): string {
    return localDayKey(this.now(), this.site.timeZone);
  }

  private listen() {
    this.unlisten();
    if (!this.staff || !this.site) {
      // Signed out: drop what was shown and what was half typed, personal data included.
      this.expected = [];
      this.tours = [];
      this.watch = [];
      this.expectedForm = { ...EMPTY_EXPECTED };
      this.tourForm = { ...EMPTY_TOUR };
      this.watchForm = { ...EMPTY_WATCH };
      this.expectedErrors = {};
      this.tourErrors = {};
      this.watchErrors = {};
      this.expectedNotice = this.tourNotice = this.watchNotice = undefined;
      return;
    }
    if (typeof BroadcastChannel === 'function') {
      for (const name of [`vk-desk:${this.dbName}`, `vk-storage:${this.dbName}`]) {
        const channel = new BroadcastChannel(name);
        channel.onmessage = () => void this.load();
        this.channels.push(channel);
      }
    }
    this.poll = setInterval(() => void this.load(), REFRESH_MS);
    void this.load();
  }

  private unlisten() {
    for (const c of this.channels) c.close();
    this.channels = [];
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
  }

  /** Tells the desk and its other tabs that planning data changed (the sender itself hears nothing). */
  private announce() {
    const own = this.channels[0];
    if (own) own.postMessage({ type: 'changed' });
  }

  private async load(): Promise<void> {
    if (!this.staff || !this.site) return;
    const generation = ++this.generation;
    const now = this.now();
    const siteId = this.site.id;
    try {
      const store = this.store;
      const hubWatch = this.hubWatch;
      const [expected, tours, watch] = await Promise.all([
        store.listExpected(localDayKey(now, this.site.timeZone)),
        store.listTours(),
        // At the hub: a member it refuses (a receptionist) is told who keeps the list, not shown a failed panel.
        hubWatch
          ? hubWatch.list().then(
              (rows) => ({ rows: rows.filter((w) => Date.parse(w.expiresAt) > now.getTime()), forbidden: false }),
              (e: unknown) => ({ rows: [] as WatchEntry[], forbidden: isForbidden(e) }),
            )
          : store.listWatchEntries(now).then((r) => ({ ...r, forbidden: false })),
      ]);
      if (generation !== this.generation) return;
      const startOfToday = startOfLocalDay(localDayKey(now, this.site.timeZone), this.site.timeZone).getTime();
      this.expected = expected.rows.filter((e) => e.siteId === siteId);
      // Pending requests whatever their date; decided ones until their day is over.
      this.tours = tours.rows
        .filter((t) => t.siteId === siteId && (t.status === 'requested' || Date.parse(t.visitAt) >= startOfToday))
        .sort((a, b) => Date.parse(a.visitAt) - Date.parse(b.visitAt));
      this.watch = watch.rows.filter((w) => w.siteId === siteId).sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
      this.watchForbidden = watch.forbidden;
      this.loadFailed = false;
    } catch {
      if (generation === this.generation) this.loadFailed = true;
    }
  }

  /** Runs a write, then announces it and reloads; a failure becomes the section's notice. */
  private async write(run: () => Promise<unknown>, notice: (n: Notice) => void, done?: string): Promise<boolean> {
    try {
      await run();
    } catch (e) {
      // A hub that refuses the member's role (the watch list: site manager and guard) is named, not "storage failed".
      if (isForbidden(e) && this.hubWatch) this.watchForbidden = true;
      notice({ text: isForbidden(e) && this.hubWatch ? this.messages.planning.watchRolesOnly : this.messages.planning.errors['storage-failed'], error: true });
      return false;
    }
    notice(done ? { text: done } : undefined);
    this.announce();
    await this.load();
    return true;
  }

  private time(at: string | Date): string {
    return formatDateTime(typeof at === 'string' ? new Date(at) : at, this.locale, this.site.timeZone);
  }

  private errorText(error: FieldError | undefined): string {
    const p = this.messages.planning;
    if (!error) return '';
    if (error.code === 'count-range') return p.countRange(error.max);
    if (error.code === 'expiry-range') return p.expiryRange(this.time(startOfLocalDay(error.last, this.site.timeZone)));
    return p.errors[error.code];
  }

  /** Focuses the form's first field in error, whose description then reads the error out. */
  private async focusFirstError(formId: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${formId} [aria-invalid="true"]`)?.focus();
  }

  // ----- expected visits -----

  private async submitExpected(e: Event) {
    e.preventDefault();
    const staff = this.staff;
    if (!staff) return;
    const parsed = parseExpectedForm(this.expectedForm, this.today, this.site.timeZone);
    if (!parsed.ok) {
      this.expectedErrors = parsed.errors;
      this.expectedNotice = undefined;
      await this.focusFirstError('exp-form');
      return;
    }
    this.expectedErrors = {};
    const v = parsed.value;
    const ok = await this.write(
      () =>
        this.store.addExpected(
          {
            siteId: this.site.id,
            timeZone: this.site.timeZone,
            hostLabel: v.hostLabel,
            expectedAt: v.expectedAt,
            partySize: v.partySize,
            kind: v.kind,
            recordedBy: staff.id,
            ...(v.guestName ? { guestName: v.guestName } : {}),
            ...(v.makeUp ? { makeUp: v.makeUp } : {}),
          },
          this.now(),
        ),
      (n) => (this.expectedNotice = n),
      this.messages.planning.expectedAdded,
    );
    if (!ok) return;
    // Ready for the next call at once: the kind goes back to the common case.
    this.expectedForm = { ...EMPTY_EXPECTED };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#exp-unit')?.focus();
  }

  private setExpected<K extends keyof ExpectedFormInput>(key: K, value: ExpectedFormInput[K]) {
    this.expectedForm = { ...this.expectedForm, [key]: value };
  }

  private renderExpected(p: Planning) {
    const f = this.expectedForm;
    const err = this.expectedErrors;
    const hosts = [...this.site.directory.units.map((u) => u.label), ...(suggestsPeople(this.site) ? this.site.directory.people.map((x) => x.department ?? x.name) : [])];
    return html`<section aria-labelledby="exp-h">
      <h2 id="exp-h">${p.expectedHeading}</h2>
      <form id="exp-form" novalidate @submit=${this.submitExpected}>
        ${this.textField('exp-unit', p.unitOrOffice, f.unit, (v) => this.setExpected('unit', v), err.unit, { list: 'exp-hosts', maxlength: MAX_TEXT })}
        <datalist id="exp-hosts">${[...new Set(hosts)].map((h) => html`<option value=${h}></option>`)}</datalist>
        ${this.textField('exp-time', p.expectedAt, f.time, (v) => this.setExpected('time', v), err.time, { type: 'time' })}
        ${this.textField('exp-guest', p.guestName, f.guestName, (v) => this.setExpected('guestName', v), undefined, { maxlength: MAX_TEXT })}
        ${this.textField('exp-people', p.people, f.people, (v) => this.setExpected('people', v), err.people, { type: 'number', min: 1, max: MAX_EXPECTED_PARTY, cls: 'count' })}
        <fieldset>
          <legend>${p.visitKind}</legend>
          ${(['guest', 'complaint'] as ExpectedVisitKind[]).map(
            (k) =>
              html`<button type="button" aria-pressed=${f.kind === k ? 'true' : 'false'} @click=${() => this.setExpected('kind', k)}>
                ${k === 'guest' ? p.guest : p.complaintVisit}
              </button>`,
          )}
        </fieldset>
        ${f.kind === 'complaint'
          ? this.textField('exp-makeup', p.makeUp, f.makeUp, (v) => this.setExpected('makeUp', v), undefined, { maxlength: MAX_LONG_TEXT, wide: true })
          : nothing}
        <button class="primary" type="submit">${p.add}</button>
      </form>
      ${this.renderNotice(this.expectedNotice)}
      ${this.expected.length === 0 ? html`<p class="muted">${p.noExpected}</p>` : html`<ul>${this.expected.map((x) => this.renderExpectedRow(x, p))}</ul>`}
    </section>`;
  }

  private renderExpectedRow(x: ExpectedVisit, p: Planning) {
    const complaint = x.kind === 'complaint';
    return html`<li class=${complaint ? 'complaint' : ''}>
      <span id=${`exp-${x.id}`}>
        <strong>${this.time(x.expectedAt)}</strong> · ${x.hostLabel}${x.guestName ? html` · ${x.guestName}` : nothing} · ${p.partyOf(x.partySize)}
        ${complaint ? html`<br /><span class="tag">${p.complaintVisit}</span>${x.makeUp ? html`: ${x.makeUp}` : nothing}` : nothing}
        ${x.arrivedVisitId ? html`<br /><span class="muted">${p.arrived}</span>` : nothing}
      </span>
      <span class="row-actions">
        <button type="button" aria-describedby=${`exp-${x.id}`} @click=${() => void this.write(() => this.store.removeExpected(x.id), (n) => (this.expectedNotice = n))}>
          ${p.remove}
        </button>
      </span>
    </li>`;
  }

  // ----- tours -----

  private async submitTour(e: Event) {
    e.preventDefault();
    const p = this.messages.planning;
    const parsed = parseTourForm(this.tourForm, this.site.timeZone);
    if (!parsed.ok) {
      this.tourErrors = parsed.errors;
      this.tourNotice = undefined;
      await this.focusFirstError('tour-form');
      return;
    }
    this.tourErrors = {};
    const v = parsed.value;
    const now = this.now();
    const check = checkTourRequest(
      { kind: v.kind, departments: v.departments.length, startsAt: v.visitAt, urgent: v.byPhone },
      now,
      this.rules ?? defaultRulesFor(this.site.kind),
      this.site.timeZone,
    );
    if (!check.ok) {
      // Refused before anything is stored: the requester is told the earliest time and may ask again.
      this.tourNotice = { text: p.tourTooLate(p.tourKinds[check.kind], this.time(check.earliest)), error: true };
      return;
    }
    // Arranged by phone inside the lead time: accepted, with the written notice due later (a task chases it).
    const paperworkDueAt = check.phoneFirst ? check.paperworkDue : undefined;
    const notes = [
      p.tourRequested,
      check.kind !== v.kind ? p.countedAsGroup : '',
      check.coordination ? p.coordination : '',
      paperworkDueAt ? p.phoneFirstRecorded(this.time(paperworkDueAt)) : '',
    ].filter((s) => s !== '');
    const ok = await this.write(
      // Stored under the kind the rules applied: two departments make an ordinary tour a group tour.
      () =>
        this.store.requestTour(
          {
            siteId: this.site.id,
            kind: check.kind,
            leader: v.leader,
            headcount: v.headcount,
            names: v.names,
            departments: v.departments,
            visitAt: v.visitAt,
            ...(paperworkDueAt ? { paperworkDueAt } : {}),
          },
          now,
        ),
      (n) => (this.tourNotice = n),
      notes.join(' '),
    );
    if (ok) this.tourForm = { ...EMPTY_TOUR };
  }

  private setTour<K extends keyof TourFormInput>(key: K, value: TourFormInput[K]) {
    this.tourForm = { ...this.tourForm, [key]: value };
  }

  private decide(tour: TourRequest, decision: 'approved' | 'declined') {
    const staff = this.staff;
    if (!staff) return;
    void this.write(
      async () => {
        // Linked to a hub: the approved tour becomes a group invitation at once (the hub signs; the desk keeps
        // its id). Without a hub, or with the hub out of reach, the approval is recorded with
        // `invitationRequestedAt` and the invitation is issued later.
        const jti = decision === 'approved' && this.issuer ? await this.tourInvitation(tour).catch(() => undefined) : undefined;
        await this.store.decideTour(tour.id, decision, staff.id, this.now(), jti);
      },
      (n) => (this.tourNotice = n),
    );
  }

  /** Issues the group invitation of an approved tour at the hub; resolves with its id. */
  private async tourInvitation(tour: TourRequest): Promise<string | undefined> {
    if (!this.issuer) return undefined;
    const reply = await this.issuer({
      kind: 'invitation',
      // A token names a unit or a department, never a person: the first department visited, else reception.
      host: tour.departments[0] ?? TOUR_HOST_FALLBACK,
      visitorType: 'tour-group',
      from: new Date(Date.parse(tour.visitAt) - TOUR_EARLY_MS).toISOString(),
      hours: TOUR_INVITATION_HOURS,
      partySize: tour.headcount,
      ...(tour.names.length > 0 ? { names: tour.names.slice(0, MAX_INVITATION_NAMES) } : {}),
    });
    return reply.jti;
  }

  private renderTours(p: Planning) {
    const f = this.tourForm;
    const err = this.tourErrors;
    return html`<section aria-labelledby="tour-h">
      <h2 id="tour-h">${p.toursHeading}</h2>
      <form id="tour-form" novalidate @submit=${this.submitTour}>
        <div class="field">
          <label for="tour-kind">${p.tourKind}</label>
          <select id="tour-kind" @change=${(e: Event) => this.setTour('kind', (e.target as HTMLSelectElement).value as TourKind)}>
            ${TOUR_KINDS.map((k) => html`<option value=${k} ?selected=${f.kind === k}>${p.tourKinds[k]}</option>`)}
          </select>
        </div>
        <div class="field wide">
          <label class="check" for="tour-phone">
            <input
              id="tour-phone"
              type="checkbox"
              aria-describedby="tour-phone-hint"
              .checked=${f.byPhone}
              @change=${(e: Event) => this.setTour('byPhone', (e.target as HTMLInputElement).checked)}
            />
            ${p.arrangedByPhone}
          </label>
          <p class="muted" id="tour-phone-hint">${p.arrangedByPhoneHint}</p>
        </div>
        ${this.textField('tour-leader', p.leader, f.leader, (v) => this.setTour('leader', v), err.leader, { maxlength: MAX_TEXT })}
        ${this.textField('tour-headcount', p.headcount, f.headcount, (v) => this.setTour('headcount', v), err.headcount, {
          type: 'number',
          min: 1,
          max: MAX_TOUR_HEADCOUNT,
          cls: 'count',
        })}
        <div class="field wide">
          <label for="tour-names">${p.names}</label>
          <textarea
            id="tour-names"
            rows="3"
            aria-invalid=${err.names ? 'true' : 'false'}
            aria-describedby=${err.names ? 'tour-names-err' : nothing}
            .value=${f.names}
            @input=${(e: InputEvent) => this.setTour('names', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${err.names ? html`<p class="error" id="tour-names-err">${this.errorText(err.names)}</p>` : nothing}
        </div>
        ${this.textField('tour-departments', p.departments, f.departments, (v) => this.setTour('departments', v), undefined, { maxlength: MAX_LONG_TEXT, wide: true })}
        ${this.textField('tour-date', p.visitDate, f.date, (v) => this.setTour('date', v), err.date, { type: 'date', min: this.today })}
        ${this.textField('tour-time', p.visitTime, f.time, (v) => this.setTour('time', v), err.time, { type: 'time' })}
        <button class="primary" type="submit">${p.request}</button>
      </form>
      ${this.renderNotice(this.tourNotice)}
      ${this.tours.length === 0 ? html`<p class="muted">${p.noTours}</p>` : html`<ul>${this.tours.map((t) => this.renderTourRow(t, p))}</ul>`}
    </section>`;
  }

  private renderTourRow(t: TourRequest, p: Planning) {
    return html`<li>
      <span id=${`tour-${t.id}`}>
        <strong>${p.tourLine(p.tourKinds[t.kind], t.leader, t.headcount, this.time(t.visitAt))}</strong>
        ${t.departments.length > 0 ? html`<br /><span class="muted">${t.departments.join(', ')}</span>` : nothing}
        ${t.names.length > 0 ? html`<br /><span class="muted">${t.names.join(', ')}</span>` : nothing}
        ${t.paperworkDueAt ? html`<br /><span class="muted">${p.paperworkDue(this.time(t.paperworkDueAt))}</span>` : nothing}
        <br />${p.tourStatuses[t.status]}${t.status === 'approved'
          ? html` — ${t.invitationJti ? p.invitationReady : t.invitationRequestedAt ? p.invitationRequested : p.invitationByHub}`
          : nothing}
      </span>
      ${t.status === 'requested'
        ? html`<span class="row-actions">
            <button type="button" class="primary" aria-describedby=${`tour-${t.id}`} @click=${() => this.decide(t, 'approved')}>${p.approve}</button>
            <button type="button" aria-describedby=${`tour-${t.id}`} @click=${() => this.decide(t, 'declined')}>${p.decline}</button>
          </span>`
        : nothing}
    </li>`;
  }

  // ----- watch list -----

  private async submitWatch(e: Event) {
    e.preventDefault();
    const parsed = parseWatchForm(this.watchForm, this.site.jurisdiction, this.today, this.site.timeZone);
    if (!parsed.ok) {
      this.watchErrors = parsed.errors;
      this.watchNotice = undefined;
      await this.focusFirstError('watch-form');
      return;
    }
    this.watchErrors = {};
    const v = parsed.value;
    const ok = await this.write(
      () => {
        const entry = { siteId: this.site.id, kind: v.kind, value: v.value, reason: v.reason, approvedBy: v.approvedBy, expiresAt: v.expiresAt };
        return this.hubWatch ? this.hubWatch.add(entry) : this.store.putWatchEntry(entry, this.now());
      },
      (n) => (this.watchNotice = n),
      this.messages.planning.watchAdded,
    );
    if (ok) this.watchForm = { ...EMPTY_WATCH, kind: v.kind };
  }

  private setWatch<K extends keyof WatchFormInput>(key: K, value: WatchFormInput[K]) {
    this.watchForm = { ...this.watchForm, [key]: value };
  }

  private renderWatch(p: Planning) {
    return html`<section aria-labelledby="watch-h">
      <h2 id="watch-h">${p.watchHeading}</h2>
      <p class="muted">${p.watchIntro}</p>
      ${this.watchForbidden ? html`<p class="notice" role="status">${p.watchRolesOnly}</p>` : this.renderWatchEditor(p)}
    </section>`;
  }

  private renderWatchEditor(p: Planning) {
    const f = this.watchForm;
    const err = this.watchErrors;
    const { first, last } = watchExpiryRange(this.today);
    return html`<form id="watch-form" novalidate @submit=${this.submitWatch}>
        <div class="field">
          <label for="watch-kind">${p.matchBy}</label>
          <select id="watch-kind" @change=${(e: Event) => this.setWatch('kind', (e.target as HTMLSelectElement).value as ManualWatchKind)}>
            ${(['name', 'phone'] as ManualWatchKind[]).map((k) => html`<option value=${k} ?selected=${f.kind === k}>${p.watchKinds[k]}</option>`)}
          </select>
        </div>
        ${this.textField('watch-value', p.watchKinds[f.kind], f.value, (v) => this.setWatch('value', v), err.value, {
          type: f.kind === 'phone' ? 'tel' : 'text',
          maxlength: MAX_TEXT,
        })}
        ${this.textField('watch-reason', p.reason, f.reason, (v) => this.setWatch('reason', v), err.reason, { maxlength: MAX_LONG_TEXT, wide: true })}
        ${this.textField('watch-approver', p.approvedBy, f.approvedBy, (v) => this.setWatch('approvedBy', v), err.approvedBy, { maxlength: MAX_TEXT })}
        ${this.textField('watch-expires', p.expires, f.expires, (v) => this.setWatch('expires', v), err.expires, { type: 'date', min: first, max: last })}
        <button class="primary" type="submit">${p.addToWatchList}</button>
      </form>
      ${this.renderNotice(this.watchNotice)}
      ${this.watch.length === 0
        ? html`<p class="muted">${p.noWatch}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${p.matchBy}</th>
                <th scope="col">${p.watchValue}</th>
                <th scope="col">${p.reason}</th>
                <th scope="col">${p.approvedBy}</th>
                <th scope="col">${p.expires}</th>
                <th scope="col">${p.actions}</th>
              </tr>
            </thead>
            <tbody>
              ${this.watch.map(
                (w) => html`<tr>
                  <td data-label=${p.matchBy}>${p.watchKinds[w.kind]}</td>
                  <td data-label=${p.watchValue} id=${`watch-${w.id}`}>${w.value}</td>
                  <td data-label=${p.reason}>${w.reason}</td>
                  <td data-label=${p.approvedBy}>${w.approvedBy}</td>
                  <td data-label=${p.expires}>${this.time(w.expiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      aria-describedby=${`watch-${w.id}`}
                      @click=${() => void this.write(() => (this.hubWatch ? this.hubWatch.remove(w.id) : this.store.removeWatchEntry(w.id)), (n) => (this.watchNotice = n))}
                    >
                      ${p.remove}
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }

  // ----- shared -----

  /** A labelled input with its error below it, linked for screen readers. */
  private textField(
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    error: FieldError | undefined,
    opts: { type?: string; list?: string; maxlength?: number; min?: number | string; max?: number | string; cls?: string; wide?: boolean } = {},
  ): TemplateResult {
    const errId = `${id}-err`;
    return html`<div class=${opts.wide ? 'field wide' : 'field'}>
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${opts.type ?? 'text'}
        class=${opts.cls ?? nothing}
        autocomplete="off"
        list=${opts.list ?? nothing}
        maxlength=${opts.maxlength ?? nothing}
        min=${opts.min ?? nothing}
        max=${opts.max ?? nothing}
        inputmode=${opts.type === 'number' ? 'numeric' : nothing}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? errId : nothing}
        .value=${value}
        @input=${(e: InputEvent) => set((e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error" id=${errId}>${this.errorText(error)}</p>` : nothing}
    </div>`;
  }

  private renderNotice(notice: Notice) {
    return html`<p class=${notice?.error ? 'notice error' : 'notice'} role="status">${notice?.text ?? ''}</p>`;
  }

  override render() {
    // Nothing of the residents' guests or the watch list without a signed-in member of staff.
    if (!this.staff || !this.messages || !this.site) return nothing;
    const p = this.messages.planning;
    return html`${this.loadFailed ? html`<p class="error" role="status">${p.loadFailed}</p>` : nothing}
    ${this.renderExpected(p)} ${this.renderTours(p)} ${this.renderWatch(p)}`;
  }
}
