import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type SignaturePad from 'signature_pad';
import { buttons, tokens } from '../../components/styles/shared.js';
import { deskFormStyles } from '../form-styles.js';
import { isIncidentOverdue, type IncidentRecord, type StaffMember } from '../../src/domain/desk.js';
import {
  LEDGER_CATEGORIES,
  LEDGER_CHANNELS,
  REPAIR_SIZES,
  SATISFACTION_LEVELS,
  isActive,
  byUrgency,
  canApply,
  entryClock,
  followUpWorklist,
  ledgerSubjects,
  type LedgerAction,
  type LedgerEntry,
} from '../../src/domain/ledger/index.js';
import type { SiteConfig } from '../../src/domain/site.js';
import { formatDateTime, type LocaleTag } from '../../src/i18n/index.js';
import { ledgerMessagesFor, type LedgerMessages } from '../../src/i18n/desk/ledger.js';
import type { LedgerRecord } from '../../src/schemas/ledger.js';
import { SyncError } from '../../src/sync/errors.js';
import type { LedgerApi } from '../../src/sync/ledger-client.js';
import { DeskStore } from '../../src/storage/desk.js';
import { actionFrom, newEntryFrom } from './forms.js';

/** How often the panel reloads the ledger from the hub: other desks' entries and the clocks stay current. */
export const LEDGER_REFRESH_MS = 30_000;
/** Characters of a description shown in the list; the rest is in the entry's details. */
const DESCRIPTION_PREVIEW = 160;
/**
 * The repair signature pad's drawing size in CSS pixels (as the parcel lane's): fits a 390 px phone, keeps the
 * stored SVG small, and the canvas is drawn at exactly this size so pointer positions map one to one.
 */
const PAD_WIDTH = 320;
const PAD_HEIGHT = 160;

/**
 * @summary The front-desk ledger (issue 8): **Log a call** — a form for while the phone is still at the ear,
 * keyboard only (Tab between fields, Enter in any field logs it) — then every entry sorted by urgency with its
 * clock (due, overdue, answered in time or late), hand-over with a note, passing to a department or a person
 * (the messages for staff who were out), the time promised to the caller, repair orders (維修單) and their
 * completion, reply, resolution, follow-up with satisfaction, reopening, the complaint's validity, and the
 * manager's escalation and sign-off; and the follow-up worklist. The ledger lives on the hub (`client`); without one the panel says so. A complainant
 * the hub withholds (a complaint about a department or a person, read by anyone but customer service) is shown
 * as withheld. Clocks run on the hub's time (its replies carry `now`). Shows nothing without a signed-in
 * member of staff.
 */
export class VkDeskLedger extends LitElement {
  static override styles = [
    tokens,
    buttons,
    deskFormStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.2em;
        margin: 1.25em 0 0.5em;
      }
      h3 {
        font-size: 1.05em;
        margin: 1em 0 0.5em;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
      }
      .field {
        display: flex;
        flex-direction: column;
        max-width: 100%;
      }
      .check {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        min-height: 48px;
      }
      .wide {
        flex: 1 1 20em;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li.entry,
      li.incident {
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        padding: 0.5em 0.75em;
        margin: 0 0 0.5em;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1em;
        align-items: center;
      }
      .number {
        font-weight: 700;
      }
      .overdue,
      .late {
        color: var(--_danger);
        font-weight: 700;
      }
      .text {
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
      }
      section.details {
        margin-top: 0.5em;
        display: grid;
        gap: var(--_space);
      }
      canvas {
        width: ${PAD_WIDTH}px;
        height: ${PAD_HEIGHT}px;
        max-width: 100%;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        background: #fff;
        touch-action: none;
      }
      img.signature {
        display: block;
        max-width: 160px;
        height: auto;
        background: #fff;
      }
      ol.history {
        margin: 0;
        padding-left: 1.25em;
        font-size: 0.9em;
      }
    `,
  ];

  /** The desk's language. */
  @property({ attribute: false }) locale: LocaleTag = 'en';
  /** The site: its zone formats the clocks, its taxonomy fills **Subject**. */
  @property({ attribute: false }) site!: SiteConfig;
  /** Who is signed in; nothing is shown without one. */
  @property({ attribute: false }) staff: StaffMember | undefined;
  /** The hub's ledger (the desk root passes `DeskHubLink.ledger`); absent on a desk not linked to a hub. */
  @property({ attribute: false }) client: LedgerApi | undefined;
  /** The desk's IndexedDB database, whose incident records (desk/incidents) the ledger lists beside its entries. */
  @property({ attribute: false }) dbName = 'visitor-kiosk';

  @state() private records: LedgerRecord[] = [];
  @state() private open = new Set<string>();
  @state() private notice: { text: string; error?: boolean } | undefined;
  @state() private busy = false;
  @state() private category = 'consultation';
  @state() private who = 'resident';
  /** The hub's clock minus this device's, from the last list reply. */
  @state() private offsetMs = 0;
  /** The desk's incident records (this device's IndexedDB), newest first. */
  @state() private incidents: IncidentRecord[] = [];
  /** The refusal shown in one entry's repair completion form (an empty signature pad), keyed by entry id. */
  @state() private repairError: { id: string; text: string } | undefined;
  /** Each repair completion canvas's pad and the entry it was drawn for (Lit may reuse a canvas for another entry). */
  #pads = new WeakMap<HTMLCanvasElement, { pad: SignaturePad; entryId: string }>();
  #incidentsFor: string | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #loadedFor: LedgerApi | undefined;
  #unsubscribe: (() => void) | undefined;
  #loading: Promise<void> | undefined;
  #reloadAfter = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => {
      void this.load();
      void this.loadIncidents();
    }, LEDGER_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#loadedFor = undefined;
    this.#incidentsFor = undefined;
  }

  protected override willUpdate(): void {
    if (this.staff && this.#incidentsFor !== this.dbName) {
      this.#incidentsFor = this.dbName;
      void this.loadIncidents();
    }
    if (this.client && this.staff && this.#loadedFor !== this.client) {
      this.#loadedFor = this.client;
      this.#unsubscribe?.();
      // Another desk's change (the hub's event stream) reloads at once; the timer is the fallback.
      // Its own writes come back too: a version the panel already shows needs no reload (nor another audited read).
      this.#unsubscribe = this.client.onChange?.((id, version) => {
        const shown = this.records.find((r) => r.entry.id === id);
        if (!shown || shown.version < version) void this.load();
      });
      void this.load();
    }
  }

  private get m(): LedgerMessages {
    return ledgerMessagesFor(this.locale);
  }

  private now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Reloads the ledger from the hub (quietly: a failed refresh keeps what is shown). */
  async load(): Promise<void> {
    if (!this.client || !this.staff) return;
    // One request at a time: a burst of announcements while one is in flight becomes one more load after it.
    if (this.#loading) {
      this.#reloadAfter = true;
      return this.#loading;
    }
    this.#loading = this.#fetch();
    try {
      await this.#loading;
    } finally {
      this.#loading = undefined;
    }
    if (this.#reloadAfter) {
      this.#reloadAfter = false;
      await this.load();
    }
  }

  async #fetch(): Promise<void> {
    if (!this.client) return;
    try {
      const reply = await this.client.list();
      this.offsetMs = Date.parse(reply.now) - Date.now();
      this.records = reply.entries;
    } catch {
      // The hub is unreachable or the session ended: the desk root shows that; the list stays as it was.
    }
  }

  protected override updated(): void {
    void this.preparePads();
  }

  /** Gives every repair completion canvas on screen a pad of its own; the library is loaded on first use. */
  private async preparePads(): Promise<void> {
    const canvases = [...this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-entry]')];
    if (canvases.length === 0) return;
    // Loaded only when a repair is being completed: the desk's first paint does not wait for the signature library.
    const { default: Pad } = await import('signature_pad');
    for (const canvas of canvases) {
      const entryId = canvas.dataset['entry'] ?? '';
      const known = this.#pads.get(canvas);
      if (known?.entryId === entryId) continue;
      known?.pad.off();
      canvas.width = PAD_WIDTH;
      canvas.height = PAD_HEIGHT;
      this.#pads.set(canvas, { pad: new Pad(canvas, { penColor: '#000', minWidth: 0.8, maxWidth: 2.2 }), entryId });
      canvas.dataset['ready'] = '';
    }
  }

  /** Reads the desk's incident records from this device (quietly: a failed read keeps what is shown). */
  async loadIncidents(): Promise<void> {
    if (!this.staff) return;
    try {
      const { rows } = await new DeskStore(this.dbName).listIncidents();
      this.incidents = rows.reverse();
    } catch {
      // The incident panel reports storage trouble; the ledger keeps what it showed.
    }
  }

  private errorText(error: unknown): string {
    const code = error instanceof SyncError ? error.details.hubCode : undefined;
    const errors = this.m.errors;
    return code !== undefined && code in errors ? errors[code as keyof typeof errors] : errors.failed;
  }

  private replace(record: LedgerRecord): void {
    const others = this.records.filter((r) => r.entry.id !== record.entry.id);
    this.records = [record, ...others];
  }

  private async handleLog(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    this.busy = true;
    try {
      const record = await client.create(newEntryFrom(new FormData(form)));
      this.replace(record);
      this.notice = { text: this.m.logged(record.entry.number) };
      form.reset();
      this.category = 'consultation';
      this.who = 'resident';
      // Ready for the next call at once.
      (form.elements.namedItem('channel') as HTMLSelectElement | null)?.focus();
    } catch (error) {
      this.notice = { text: this.errorText(error), error: true };
    } finally {
      this.busy = false;
    }
  }

  private async handleAction(event: SubmitEvent, record: LedgerRecord, type: LedgerAction['type']): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this.busy) return;
    const formEl = event.currentTarget as HTMLFormElement;
    let action = actionFrom(type, new FormData(formEl), this.site.timeZone);
    if (!action) return;
    if (action.type === 'repair-complete') {
      // The resident signs on screen; an empty pad is refused here, before anything is sent.
      const canvas = formEl.querySelector('canvas');
      const pad = canvas ? this.#pads.get(canvas)?.pad : undefined;
      if (!pad || pad.isEmpty()) {
        this.repairError = { id: record.entry.id, text: this.m.errSignature };
        return;
      }
      this.repairError = undefined;
      action = { ...action, signature: pad.toDataURL('image/svg+xml') };
    }
    this.busy = true;
    try {
      this.replace(await client.act(record.entry.id, record.version, action));
      this.notice = { text: this.m.saved };
    } catch (error) {
      this.notice = { text: this.errorText(error), error: true };
      // Another desk was first: show the entry as it is now, so the receptionist decides again on what is true.
      if (error instanceof SyncError && error.details.hubCode === 'ledger-conflict') {
        try {
          this.replace(await client.get(record.entry.id));
        } catch {
          // keep the notice; the next refresh brings it
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private clearPad(event: Event): void {
    const canvas = (event.currentTarget as HTMLElement).closest('form')?.querySelector('canvas');
    if (canvas) this.#pads.get(canvas)?.pad.clear();
  }

  /** The desk's incident records in the ledger (issue 8 item 4): class, when, state and the written record's due time. */
  private renderIncidents(m: LedgerMessages): TemplateResult {
    const now = this.now();
    const state = (r: IncidentRecord): { text: string; overdue: boolean } => {
      if (r.signedOffAt !== undefined) return { text: m.incidentSigned(this.time(r.signedOffAt)), overdue: false };
      if (r.closedAt === undefined) return { text: m.incidentOpen, overdue: false };
      const overdue = isIncidentOverdue(r, now);
      return { text: (overdue ? m.incidentOverdue : m.incidentDue)(this.time(r.dueAt)), overdue };
    };
    return html`
      <h3 id="ledger-inc-h">${m.incidentsHeading}</h3>
      ${this.incidents.length === 0
        ? html`<p>${m.noIncidents}</p>`
        : html`<p>${m.incidentWhere}</p>
            <ul aria-labelledby="ledger-inc-h">
              ${this.incidents.map((r) => {
                const s = state(r);
                return html`<li class="incident">
                  <span class="number">${m.incidentClasses[r.incidentClass]}</span> · ${this.time(r.arrivalAt)} ·
                  <span class=${s.overdue ? 'overdue' : ''}>${s.text}</span>
                </li>`;
              })}
            </ul>`}
    `;
  }

  private toggle(id: string): void {
    const next = new Set(this.open);
    if (!next.delete(id)) next.add(id);
    this.open = next;
  }

  private time(iso: string | undefined): string {
    return iso ? formatDateTime(new Date(iso), this.locale, this.site.timeZone) : '';
  }

  private subjectLabel(code: string): string {
    return ledgerSubjects(this.site).find((s) => s.code === code)?.label[this.locale] ?? code;
  }

  private whoText(entry: LedgerEntry): string {
    const w = entry.who;
    if (w.kind === 'withheld') return this.m.withheld;
    if (w.kind === 'anonymous') return this.m.anonymous;
    return [w.kind === 'resident' ? w.unit : undefined, w.name, w.phone].filter(Boolean).join(' · ');
  }

  private renderLogForm(m: LedgerMessages): TemplateResult {
    const subjects = ledgerSubjects(this.site);
    return html`
      <h3 id="ledger-log-h">${m.logHeading}</h3>
      <form aria-labelledby="ledger-log-h" @submit=${(e: SubmitEvent) => void this.handleLog(e)}>
        <div class="field">
          <label for="l-channel">${m.channel}</label>
          <select id="l-channel" name="channel">
            ${LEDGER_CHANNELS.map((c) => html`<option value=${c}>${m.channels[c]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="l-category">${m.category}</label>
          <select id="l-category" name="category" @change=${(e: Event) => (this.category = (e.target as HTMLSelectElement).value)}>
            ${LEDGER_CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === this.category}>${m.categories[c]}</option>`)}
          </select>
        </div>
        <label class="check"><input type="checkbox" name="important" /> ${m.important}</label>
        <div class="field">
          <label for="l-who">${m.caller}</label>
          <select id="l-who" name="who" @change=${(e: Event) => (this.who = (e.target as HTMLSelectElement).value)}>
            ${(['resident', 'other', 'anonymous'] as const).map((k) => html`<option value=${k} ?selected=${k === this.who}>${m.callers[k]}</option>`)}
          </select>
        </div>
        ${this.who === 'resident'
          ? html`<div class="field">
              <label for="l-unit">${m.unit}</label>
              <input id="l-unit" name="unit" required maxlength="120" autocomplete="off" />
            </div>`
          : nothing}
        ${this.who !== 'anonymous'
          ? html`<div class="field">
                <label for="l-name">${m.name}</label>
                <input id="l-name" name="name" maxlength="120" autocomplete="off" />
              </div>
              <div class="field">
                <label for="l-phone">${m.phone}</label>
                <input id="l-phone" name="phone" type="tel" maxlength="120" autocomplete="off" />
              </div>`
          : nothing}
        <div class="field">
          <label for="l-subject">${m.subject}</label>
          <select id="l-subject" name="subject">
            ${subjects.map((s) => html`<option value=${s.code}>${s.label[this.locale]}</option>`)}
          </select>
        </div>
        <div class="field wide">
          <label for="l-description">${m.description}</label>
          <input id="l-description" name="description" required maxlength="4000" autocomplete="off" />
        </div>
        ${this.category === 'complaint'
          ? html`<div class="field">
                <label for="l-about-dept">${m.aboutDepartment}</label>
                <input id="l-about-dept" name="aboutDepartment" maxlength="120" autocomplete="off" />
              </div>
              <div class="field">
                <label for="l-about-person">${m.aboutPerson}</label>
                <input id="l-about-person" name="aboutPerson" maxlength="120" autocomplete="off" />
              </div>`
          : nothing}
        <div class="field">
          <label for="l-department">${m.passToDepartment}</label>
          <input id="l-department" name="department" maxlength="120" autocomplete="off" />
        </div>
        <div class="field">
          <label for="l-assignee">${m.passToPerson}</label>
          <input id="l-assignee" name="assignee" maxlength="120" autocomplete="off" />
        </div>
        <button type="submit" class="primary" ?disabled=${this.busy}>${m.logEntry}</button>
      </form>
    `;
  }

  /** One small form per action the entry's status allows; Enter in its field submits it. */
  private renderActions(record: LedgerRecord, m: LedgerMessages): TemplateResult {
    const { entry } = record;
    const id = entry.id;
    const role = this.staff?.role;
    const can = (type: LedgerAction['type']) => canApply(entry.status, type);
    const form = (type: LedgerAction['type'], body: TemplateResult, label: string) =>
      html`<form @submit=${(e: SubmitEvent) => void this.handleAction(e, record, type)}>${body}<button type="submit" ?disabled=${this.busy}>${label}</button></form>`;
    const textField = (name: string, fieldId: string, label: string, required = true) =>
      html`<div class="field wide"><label for=${fieldId}>${label}</label><input id=${fieldId} name=${name} ?required=${required} maxlength="2000" autocomplete="off" /></div>`;
    const pending = entry.followUps.filter((f) => f.feedback !== undefined && f.feedbackHandledAt === undefined && f.doneAt !== undefined);
    return html`
      ${can('assign')
        ? form(
            'assign',
            html`${textField('department', `a-dept-${id}`, m.department)}${textField('assignee', `a-person-${id}`, m.person, false)}`,
            m.handToDepartment,
          )
        : nothing}
      ${can('hand-over') ? form('hand-over', html`${textField('to', `h-to-${id}`, m.handOverTo)}${textField('note', `h-note-${id}`, m.handOverNote)}`, m.handOver) : nothing}
      ${can('reply') ? form('reply', textField('text', `r-${id}`, m.reply), m.recordReply) : nothing}
      ${can('resolve') ? form('resolve', textField('text', `s-${id}`, m.resolution), m.markResolved) : nothing}
      ${can('follow-up')
        ? form(
            'follow-up',
            html`<fieldset>
                <legend>${m.satisfaction}</legend>
                ${SATISFACTION_LEVELS.map(
                  (s, i) => html`<label class="check"><input type="radio" name="satisfaction" value=${s} ?checked=${i === 0} /> ${m.satisfactions[s]}</label>`,
                )}
              </fieldset>
              ${textField('reason', `f-reason-${id}`, m.reason, false)}${textField('feedback', `f-feedback-${id}`, m.feedback, false)}`,
            m.recordFollowUp,
          )
        : nothing}
      ${can('reopen') ? form('reopen', textField('reason', `o-${id}`, m.reopenReason), m.reopen) : nothing}
      ${can('promise')
        ? form(
            'promise',
            html`<div class="field"><label for=${`p-day-${id}`}>${m.promisedDay}</label><input id=${`p-day-${id}`} name="day" type="date" required /></div>
              <div class="field"><label for=${`p-time-${id}`}>${m.promisedTime}</label><input id=${`p-time-${id}`} name="time" type="time" required /></div>`,
            m.promise,
          )
        : nothing}
      ${can('repair-order') && !entry.repair
        ? form(
            'repair-order',
            html`<div class="field">
                <label for=${`ro-size-${id}`}>${m.repairSize}</label>
                <select id=${`ro-size-${id}`} name="size">
                  ${REPAIR_SIZES.map((z) => html`<option value=${z}>${m.repairSizes[z]}</option>`)}
                </select>
              </div>
              ${textField('plan', `ro-plan-${id}`, m.repairPlan)}${textField('responsibility', `ro-resp-${id}`, m.repairResponsibility)}
              ${textField('technician', `ro-tech-${id}`, m.repairTechnician)}${textField('cost', `ro-cost-${id}`, m.repairCost, false)}`,
            m.issueRepair,
          )
        : nothing}
      ${entry.repair && entry.repair.completedAt === undefined && can('repair-complete')
        ? form(
            'repair-complete',
            html`${textField('comment', `rc-${id}`, m.residentComment, false)}
              <div class="field">
                <span id=${`sig-label-${id}`}>${m.signatureLabel}</span>
                <span id=${`sig-hint-${id}`}>${m.signatureHint}</span>
                <canvas data-entry=${id} role="img" aria-labelledby=${`sig-label-${id}`} aria-describedby=${`sig-hint-${id}`} width=${PAD_WIDTH} height=${PAD_HEIGHT}></canvas>
                <button type="button" @click=${(e: Event) => this.clearPad(e)}>${m.clearSignature}</button>
              </div>
              <div class="error" role="alert">${this.repairError?.id === id ? this.repairError.text : ''}</div>`,
            m.completeRepair,
          )
        : nothing}
      ${entry.category === 'complaint' && can('mark-valid') && (role === 'site-manager' || role === 'customer-service')
        ? form(
            'mark-valid',
            html`<fieldset>
              <legend>${m.validity}</legend>
              <label class="check"><input type="radio" name="valid" value="valid" ?checked=${entry.valid !== false} /> ${m.valid}</label>
              <label class="check"><input type="radio" name="valid" value="invalid" ?checked=${entry.valid === false} /> ${m.invalid}</label>
            </fieldset>`,
            m.markValidity,
          )
        : nothing}
      ${pending.map((f) =>
        form(
          'feedback-handled',
          html`<input type="hidden" name="followUpId" .value=${f.id} />${textField('note', `fb-${f.id}`, m.feedbackNote)}`,
          m.feedbackHandled,
        ),
      )}
      ${entry.category === 'complaint' && can('escalate') && entry.escalation === undefined && (role === 'site-manager' || role === 'customer-service')
        ? form('escalate', textField('note', `e-${id}`, m.escalateNote, false), m.escalate)
        : nothing}
      ${role === 'site-manager' && can('decide') ? form('decide', textField('text', `d-${id}`, m.decision), m.signOff) : nothing}
    `;
  }

  private renderEntry(record: LedgerRecord, m: LedgerMessages, now: Date): TemplateResult {
    const { entry } = record;
    const clock = entryClock(entry, now);
    const expanded = this.open.has(entry.id);
    const description = entry.description.length > DESCRIPTION_PREVIEW && !expanded ? `${entry.description.slice(0, DESCRIPTION_PREVIEW)}…` : entry.description;
    const passed = [entry.assignee, entry.department].filter(Boolean).join(', ');
    return html`
      <li class="entry" aria-label=${m.entryRegion(entry.number)}>
        <div class="line">
          <span class="number">${entry.number}</span>
          <span>${m.categories[entry.category]} · ${m.channels[entry.channel]} · ${this.subjectLabel(entry.subject)}</span>
          <span>${m.statuses[entry.status]}</span>
          <span class=${clock}>${m.clock[clock](this.time(entry.dueAt))}</span>
        </div>
        <div class="line">
          <span>${this.whoText(entry)}</span>
          ${passed ? html`<span>${m.passedTo(passed)}</span>` : nothing}
          ${entry.escalation ? html`<span class="late">${m.escalated}</span>` : nothing}
          ${entry.decision ? html`<span>${m.decided(entry.decision.text)}</span>` : nothing}
          ${entry.promisedAt ? html`<span>${m.promised(this.time(entry.promisedAt))}</span>` : nothing}
          ${entry.valid !== undefined ? html`<span>${m.validMark(entry.valid)}</span>` : nothing}
        </div>
        ${entry.repair
          ? html`<div class="line">
              <span>${m.repairLine(entry.repair.plan, entry.repair.technician, this.time(entry.repair.dueAt))}</span>
              ${entry.repair.completedAt ? html`<span>${m.repairDone(this.time(entry.repair.completedAt))}</span>` : nothing}
              ${entry.repair.signature
                ? html`<img class="signature" src=${entry.repair.signature} alt=${m.signatureAlt(entry.number)} width="160" height="80" />`
                : nothing}
            </div>`
          : nothing}
        <p class="text">${description}</p>
        <button type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-label=${m.details(entry.number)} @click=${() => this.toggle(entry.id)}>${m.details(entry.number)}</button>
        ${expanded
          ? html`<section class="details">
              ${entry.reply ? html`<p class="text">${m.reply}: ${entry.reply}</p>` : nothing}
              ${entry.resolution ? html`<p class="text">${m.resolution}: ${entry.resolution}</p>` : nothing}
              ${this.renderActions(record, m)}
              <h4>${m.history}</h4>
              <ol class="history">
                ${entry.history.map((h) => html`<li>${this.time(h.at)} · ${h.by} · ${h.action} → ${m.statuses[h.status]}${h.target ? ` · ${h.target}` : ''}${h.note ? ` · ${h.note}` : ''}</li>`)}
              </ol>
            </section>`
          : nothing}
      </li>
    `;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.staff || !this.site) return nothing;
    const m = this.m;
    if (!this.client) {
      return html`<section aria-labelledby="ledger-h"><h2 id="ledger-h">${m.heading}</h2><p>${m.needsHub}</p>${this.renderIncidents(m)}</section>`;
    }
    const now = this.now();
    const entries = byUrgency(this.records.map((r) => r.entry));
    const byId = new Map(this.records.map((r) => [r.entry.id, r]));
    const tasks = followUpWorklist(entries, now);
    // Phone messages for staff who were out (001: 留言、回電): calls passed to a person and not answered yet.
    const messages = entries.filter((e) => e.assignee !== undefined && isActive(e) && e.status !== 'answered' && e.reply === undefined);
    return html`
      <section aria-labelledby="ledger-h">
        <h2 id="ledger-h">${m.heading}</h2>
        ${this.renderLogForm(m)}
        <p aria-live="polite" class=${this.notice?.error ? 'error' : ''}>${this.notice?.text ?? ''}</p>
        <h3 id="ledger-list-h">${m.listHeading}</h3>
        ${entries.length === 0 ? html`<p>${m.empty}</p>` : nothing}
        <ul aria-labelledby="ledger-list-h">
          ${entries.map((e) => this.renderEntry(byId.get(e.id) as LedgerRecord, m, now))}
        </ul>
        <h3 id="ledger-msg-h">${m.messagesHeading}</h3>
        ${messages.length === 0
          ? html`<p>${m.noMessages}</p>`
          : html`<ul aria-labelledby="ledger-msg-h">
              ${messages.map((e) => html`<li>${m.message(e.assignee ?? '', this.whoText(e), e.description)}</li>`)}
            </ul>`}
        <h3 id="ledger-fu-h">${m.followUpsHeading}</h3>
        ${tasks.length === 0
          ? html`<p>${m.noFollowUps}</p>`
          : html`<ul aria-labelledby="ledger-fu-h">
              ${tasks.map(
                (t) =>
                  html`<li class=${t.overdue ? 'overdue' : ''}>
                    ${t.kind === 'follow-up' ? m.followUpDue(t.entry.number, this.time(t.dueAt)) : m.feedbackOpen(t.entry.number, t.followUp.feedback ?? '')}
                  </li>`,
              )}
            </ul>`}
        ${this.renderIncidents(m)}
      </section>
    `;
  }
}
