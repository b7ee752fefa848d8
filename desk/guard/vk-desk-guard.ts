import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttons, tokens } from '../../components/styles/shared.js';
import { deskFormStyles, deskPanelStyles } from '../form-styles.js';
import { closeChannels, openWriteChannels } from '../write-channels.js';
import type { Alert, StaffMember } from '../../src/domain/desk.js';
import {
  CARD_KINDS,
  CARRIED_DECISIONS,
  GuardError,
  OCCURRENCE_CATEGORIES,
  PASS_REQUESTERS,
  mayApprovePasses,
  outstandingCards,
  pendingHandovers,
  restrictedRooms,
  type CardKind,
  type CardRecord,
  type CarriedDecision,
  type CarriedItemsRecord,
  type GoodsPassRecord,
  type HandoverRecord,
  type OccurrenceCategory,
  type OccurrenceRecord,
  type OutstandingCard,
  type PassRequester,
  type RestrictedRoom,
  type RoomEntryRecord,
} from '../../src/domain/guard.js';
import { defaultRulesFor, escalationDueAt, routeFor, type RulesConfig } from '../../src/domain/rules/index.js';
import type { SiteConfig } from '../../src/domain/site.js';
import { localDayKey } from '../../src/domain/time.js';
import { localInstant } from '../planning/local-time.js';
import type { Visit } from '../../src/domain/visit.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import type { GuardMessages } from '../../src/i18n/desk/guard.js';
import { formatDateTime, type LocaleTag } from '../../src/i18n/index.js';
import { DeskStore } from '../../src/storage/desk.js';
import { GuardStore } from '../../src/storage/guard.js';
import { VisitStore } from '../../src/storage/index.js';

/** How often the panel looks again without being told (another device's writes arrive without a message). */
export const GUARD_POLL_MS = 30_000;

type Section = 'cards' | 'passes' | 'carried' | 'rooms' | 'handover' | 'occurrences';

/** What the last action in a section did, or why it was refused. */
interface Note {
  text: string;
  error: boolean;
}

/**
 * @summary The guard's book at the desk (issue 7 items 3–6): visitor and lift cards (issued against a visit —
 * a numbered badge given at **Confirm check-in** is recorded as the visit's card — or a pass holder; returned
 * by number or from the list; the cards not returned, with visitors who left without returning theirs
 * flagged), goods-removal passes (entered for a unit, approved by the management office, let out once at the
 * door), carried items, the restricted-room register (entry refused without an approver), the shift handover
 * acknowledged by the next shift, and the occurrence log with **Raise incident**.
 *
 * A composition element: reads and writes through `GuardStore`, `VisitStore` and `DeskStore`, refreshes on
 * the `vk-desk:` and `vk-storage:` channels (and every `GUARD_POLL_MS`); the registers are lobby records, so
 * each write — this desk's, or another desk's through the hub link — is announced on `vk-storage:`. Shows
 * nothing without a signed-in staff member.
 */
export class VkDeskGuard extends LitElement {
  static override styles = [
    tokens,
    buttons,
    deskFormStyles,
    deskPanelStyles,
    css`
      li.row.flagged {
        border: 3px solid var(--_danger);
      }
      .marker {
        display: inline-block;
        padding: 0 0.4em;
        border: 2px solid var(--_danger);
        border-radius: 4px;
        color: var(--_danger);
        font-weight: 700;
      }
      form {
        display: grid;
        gap: 0.5em;
        margin-bottom: var(--_space);
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      .field input,
      .field select,
      .field textarea {
        width: 100%;
        box-sizing: border-box;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-top: 0.5em;
      }
      .note,
      .muted {
        color: var(--_muted);
      }
      .status {
        min-height: 1.5em;
        font-weight: 600;
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
      }
      pre {
        font: inherit;
        white-space: pre-wrap;
        margin: 0.25em 0;
      }
      @media (min-width: 48rem) {
        form.wide {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
        form.wide .actions,
        form.wide .full {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) site!: SiteConfig;
  @property({ attribute: false }) staff: StaffMember | undefined;
  @property({ attribute: false }) dbName = 'visitor-kiosk';
  @property({ attribute: false }) locale: LocaleTag = 'en';
  /** The rules in force, for the route of an incident raised from an occurrence; absent: the site kind's presets. */
  @property({ attribute: false }) rules: RulesConfig | undefined;
  /**
   * Hub mode: raises an incident at the hub (the desk root's hub link); absent, the incident is raised in this
   * device's store, routed by `rules`, and its record opened.
   */
  @property({ attribute: false }) raiseIncident: ((incidentClass: 'A' | 'B' | 'C') => Promise<Alert>) | undefined;
  /** The clock: injected by tests. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private cards: CardRecord[] = [];
  @state() private passes: GoodsPassRecord[] = [];
  @state() private carried: CarriedItemsRecord[] = [];
  @state() private rooms: RoomEntryRecord[] = [];
  @state() private handovers: HandoverRecord[] = [];
  @state() private occurrences: OccurrenceRecord[] = [];
  @state() private visits: Visit[] = [];
  @state() private staffNames = new Map<string, string>();
  @state() private notes: Partial<Record<Section, Note>> = {};
  @state() private busy = false;
  @state() private carriedDecision: CarriedDecision = 'allowed';
  /** A kiosk declaration being checked: the carried-items form starts from it. */
  @state() private carriedPrefill: { visitId: string; items: string } | undefined;

  private channels: BroadcastChannel[] = [];
  private poll: ReturnType<typeof setInterval> | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly onWake = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  private get g(): GuardMessages {
    return this.messages.guard;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onWake);
    this.openChannels();
    this.poll = setInterval(() => void this.refresh(), GUARD_POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onWake);
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
    closeChannels(this.channels);
    this.channels = [];
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('dbName') && changed.get('dbName') !== undefined) this.openChannels();
    if (changed.has('dbName') || changed.has('site') || changed.has('staff')) void this.refresh();
  }

  private openChannels(): void {
    closeChannels(this.channels);
    this.channels = openWriteChannels(this.dbName, () => void this.refresh());
  }

  /** Loads everything again; one run at a time. */
  refresh(): Promise<void> {
    const run = () => this.load();
    const next = (this.refreshing ?? Promise.resolve()).then(run, run);
    this.refreshing = next;
    return next;
  }

  private store(): GuardStore {
    return new GuardStore(this.dbName, this.site);
  }

  private async load(): Promise<void> {
    const staff = this.staff;
    if (!staff || !this.site) return;
    const now = this.now();
    const guard = this.store();
    const visits = (await new VisitStore(this.dbName).listByDay(localDayKey(now, this.site.timeZone))).rows;
    // A numbered badge handed out at Confirm check-in is the visit's card: record it once, then list it.
    await guard.recordBadgeCards(visits, staff.id, now);
    const [cards, passes, carried, rooms, handovers, occurrences, staffList] = await Promise.all([
      guard.list('card', now),
      guard.list('goods-pass', now),
      guard.list('carried', now),
      guard.list('room-entry', now),
      guard.list('handover', now),
      guard.list('occurrence', now),
      new DeskStore(this.dbName).listStaff(this.site.id),
    ]);
    this.visits = visits;
    this.cards = cards.rows;
    this.passes = passes.rows;
    this.carried = carried.rows;
    this.rooms = rooms.rows;
    this.handovers = handovers.rows;
    this.occurrences = occurrences.rows;
    this.staffNames = new Map(staffList.rows.map((s) => [s.id, s.name]));
  }

  // ——— helpers ———

  private time(iso: string): string {
    return formatDateTime(new Date(iso), this.locale, this.site.timeZone);
  }

  private staffName(id: string | undefined): string {
    if (id === undefined) return '';
    return this.staffNames.get(id) ?? (id === this.staff?.id ? this.staff.name : id);
  }

  private visitLabel(visit: Visit): string {
    const name = visit.visitor.fullName.trim() || this.messages.noName;
    return `${name} (${visit.host.label})`;
  }

  private roomName(room: RestrictedRoom): string {
    if (room.name) return room.name[this.locale];
    const known = this.g.roomNames as Record<string, string>;
    return known[room.id] ?? room.id;
  }

  private refusal(error: unknown): string {
    if (error instanceof GuardError) return this.g.errors[error.code](error.details);
    return this.messages.errors['storage-failed'];
  }

  /** Runs one write, says what happened in `section` (politely, or as an alert when refused), reloads. */
  private async act(section: Section, write: (guard: GuardStore, staff: StaffMember, now: Date) => Promise<string>, form?: HTMLFormElement): Promise<void> {
    const staff = this.staff;
    if (!staff || this.busy) return;
    this.busy = true;
    try {
      const text = await write(this.store(), staff, this.now());
      this.notes = { ...this.notes, [section]: { text, error: false } };
      form?.reset();
    } catch (error) {
      this.notes = { ...this.notes, [section]: { text: this.refusal(error), error: true } };
    } finally {
      this.busy = false;
    }
    await this.refresh();
  }

  private submit(section: Section, write: (data: FormData, guard: GuardStore, staff: StaffMember, now: Date) => Promise<string>) {
    return (e: SubmitEvent) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const data = new FormData(form);
      void this.act(section, (guard, staff, now) => write(data, guard, staff, now), form);
    };
  }

  private str(data: FormData, key: string): string {
    const v = data.get(key);
    return typeof v === 'string' ? v : '';
  }

  // ——— actions ———

  private readonly issueCard = this.submit('cards', async (data, guard, staff, now) => {
    const against = this.str(data, 'against');
    const card = await guard.issueCard(
      {
        cardKind: this.str(data, 'cardKind') as CardKind,
        number: this.str(data, 'number'),
        ...(against ? { visitId: against } : { holder: this.str(data, 'holder') }),
      },
      staff.id,
      now,
    );
    return this.g.cardIssued(card.number);
  });

  private readonly returnByNumber = this.submit('cards', async (data, guard, staff, now) => {
    const card = await guard.returnCardByNumber(this.str(data, 'number'), staff.id, now);
    return this.g.cardBack(card.number);
  });

  private returnListed(card: CardRecord) {
    void this.act('cards', async (guard, staff, now) => this.g.cardBack((await guard.returnCardById(card.id, staff.id, now)).number));
  }

  private readonly requestPass = this.submit('passes', async (data, guard, staff, now) => {
    const pass = await guard.requestPass(
      {
        unit: this.str(data, 'unit'),
        requester: this.str(data, 'requester') as PassRequester,
        items: this.str(data, 'items'),
        validFrom: this.str(data, 'validFrom'),
        validUntil: this.str(data, 'validUntil'),
      },
      staff.id,
      now,
    );
    return this.g.passEntered(pass.code);
  });

  private decide(pass: GoodsPassRecord, decision: 'approved' | 'rejected') {
    void this.act('passes', async (guard, staff, now) => this.g.passStatus[(await guard.decidePass(pass.id, decision, staff, now)).status]);
  }

  private letOut(code: string) {
    void this.act('passes', async (guard, staff, now) => this.g.passUsed((await guard.usePassByCode(code, staff.id, now)).code));
  }

  private readonly checkAtDoor = this.submit('passes', async (data, guard, staff, now) => this.g.passUsed((await guard.usePassByCode(this.str(data, 'code'), staff.id, now)).code));

  private readonly recordCarried = this.submit('carried', async (data, guard, staff, now) => {
    const visitId = this.str(data, 'visit');
    await guard.recordCarried(
      { ...(visitId ? { visitId } : {}), items: this.str(data, 'items'), decision: this.carriedDecision, permittedBy: this.str(data, 'permittedBy') },
      staff.id,
      now,
    );
    this.carriedDecision = 'allowed';
    this.carriedPrefill = undefined;
    return this.g.saved;
  });

  private readonly enterRoom = this.submit('rooms', async (data, guard, staff, now) => {
    await guard.enterRoom(
      {
        roomId: this.str(data, 'room'),
        person: this.str(data, 'person'),
        organisation: this.str(data, 'organisation'),
        reason: this.str(data, 'reason'),
        approvedBy: this.str(data, 'approvedBy'),
      },
      staff.id,
      now,
    );
    return this.g.saved;
  });

  private leave(entry: RoomEntryRecord) {
    void this.act('rooms', async (guard, _staff, now) => {
      await guard.leaveRoom(entry.id, now);
      return this.g.saved;
    });
  }

  private readonly handOver = this.submit('handover', async (data, guard, staff, now) => {
    const record = await guard.handOver(
      { openItems: this.str(data, 'openItems'), changes: this.str(data, 'changes'), notices: this.str(data, 'notices'), equipment: this.str(data, 'equipment') },
      staff.id,
      now,
    );
    return this.g.handedOverBy(this.staffName(record.createdBy), this.time(record.createdAt));
  });

  private acknowledge(record: HandoverRecord) {
    void this.act('handover', async (guard, staff, now) => {
      const acked = await guard.acknowledgeHandover(record.id, staff.id, now);
      return this.g.acknowledgedBy(this.staffName(acked.acknowledgedBy), this.time(acked.acknowledgedAt ?? now.toISOString()));
    });
  }

  private readonly logOccurrence = this.submit('occurrences', async (data, guard, staff, now) => {
    // Typed as the site's wall clock today; empty (or not a time): now.
    const at = localInstant(localDayKey(now, this.site.timeZone), this.str(data, 'at'), this.site.timeZone);
    await guard.logOccurrence({ category: this.str(data, 'category') as OccurrenceCategory, text: this.str(data, 'text'), ...(at ? { at } : {}) }, staff.id, now);
    return this.g.saved;
  });

  /** Raises a desk incident (an alert with its record) from an occurrence, routed by the rules in force. */
  private raise(occurrence: OccurrenceRecord, form: HTMLFormElement) {
    const cls = new FormData(form).get('class');
    const incidentClass = cls === 'A' || cls === 'B' ? cls : 'C';
    void this.act('occurrences', async (guard, _staff, now) => {
      const fresh = await guard.getOccurrence(occurrence.id);
      if (fresh?.alertId !== undefined) throw new GuardError('occurrence-raised', { alertId: fresh.alertId });
      const alert = this.raiseIncident ? await this.raiseIncident(incidentClass) : await this.raiseHere(incidentClass, occurrence, now);
      await guard.markOccurrenceRaised(occurrence.id, alert.id, now);
      return this.g.incidentRaised;
    });
  }

  /** A standalone desk raises the incident in its own store, routed by the rules in force, and opens its record. */
  private async raiseHere(incidentClass: 'A' | 'B' | 'C', occurrence: OccurrenceRecord, now: Date): Promise<Alert> {
    const rules = this.rules ?? defaultRulesFor(this.site.kind);
    const desk = new DeskStore(this.dbName);
    const { alert } = await desk.raiseAlert(
      { siteId: this.site.id, kind: 'incident', incidentClass, notify: routeFor(incidentClass, this.site, rules, now).notify, escalateAt: escalationDueAt(now, rules) },
      now,
    );
    await desk.openIncident(alert.id, now, { arrivalAt: new Date(occurrence.at) });
    return alert;
  }

  // ——— rendering ———

  private renderNote(section: Section) {
    const note = this.notes[section];
    // Refusals are alerts (the guard must not miss "refused" at the door); the rest is read out politely.
    return html`<p class="status ${note?.error ? 'error' : ''}" role=${note?.error ? 'alert' : 'status'}>${note?.text ?? ''}</p>`;
  }

  private field(id: string, label: string, control: TemplateResult, full = false) {
    return html`<div class="field ${full ? 'full' : ''}"><label for=${id}>${label}</label>${control}</div>`;
  }

  override render() {
    if (!this.staff || !this.messages || !this.site) return nothing;
    return html`${this.renderCards()} ${this.renderPasses()} ${this.site.guard?.carriedItems ? this.renderCarried() : nothing} ${this.renderRooms()}
    ${this.renderHandover()} ${this.renderOccurrences()}`;
  }

  private renderCards() {
    const g = this.g;
    const byVisit = new Map(this.visits.map((v) => [v.id, v]));
    const onSite = this.visits.filter((v) => v.status === 'checked-in');
    const outstanding = outstandingCards(this.cards, byVisit);
    return html`<section aria-labelledby="gb-cards-h">
      <h2 id="gb-cards-h">${g.cardsHeading}</h2>
      <form class="wide" @submit=${this.issueCard} aria-label=${g.issueCard}>
        ${this.field('gb-card-kind', g.cardKindLabel, html`<select id="gb-card-kind" name="cardKind">${CARD_KINDS.map((k) => html`<option value=${k}>${g.cardKinds[k]}</option>`)}</select>`)}
        ${this.field('gb-card-number', g.cardNumber, html`<input id="gb-card-number" name="number" required autocomplete="off" />`)}
        ${this.field(
          'gb-card-against',
          g.issuedTo,
          html`<select id="gb-card-against" name="against">
            <option value="">${g.noVisit}</option>
            ${onSite.map((v) => html`<option value=${v.id}>${this.visitLabel(v)}</option>`)}
          </select>`,
        )}
        ${this.field('gb-card-holder', g.holder, html`<input id="gb-card-holder" name="holder" autocomplete="off" />`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.issueCard}</button></div>
      </form>
      <form @submit=${this.returnByNumber} aria-label=${g.recordReturn}>
        ${this.field('gb-return-number', g.returnNumber, html`<input id="gb-return-number" name="number" required autocomplete="off" />`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.recordReturn}</button></div>
      </form>
      ${this.renderNote('cards')}
      <h3 id="gb-out-h">${g.outstandingHeading}</h3>
      ${outstanding.length === 0
        ? html`<p class="note">${g.noneOutstanding}</p>`
        : html`<ul aria-labelledby="gb-out-h">
            ${outstanding.map((o) => this.renderOutstanding(o, byVisit))}
          </ul>`}
    </section>`;
  }

  private renderOutstanding({ card, leftWithCard }: OutstandingCard, byVisit: Map<string, Visit>) {
    const g = this.g;
    const visit = card.visitId === undefined ? undefined : byVisit.get(card.visitId);
    const holder = visit ? this.visitLabel(visit) : (card.holder ?? '');
    return html`<li class="row ${leftWithCard ? 'flagged' : ''}">
      <div>${g.cardLine(g.cardKinds[card.cardKind], card.number, holder, this.time(card.issuedAt))}</div>
      ${leftWithCard ? html`<div><span class="marker">${g.leftWithCard}</span></div>` : nothing}
      <div class="actions">
        <button type="button" ?disabled=${this.busy} aria-label=${`${g.cardReturned}: ${card.number}`} @click=${() => this.returnListed(card)}>${g.cardReturned}</button>
      </div>
    </li>`;
  }

  private renderPasses() {
    const g = this.g;
    const staff = this.staff;
    const mayApprove = staff !== undefined && mayApprovePasses(staff.role);
    const today = localDayKey(this.now(), this.site.timeZone);
    const passes = [...this.passes].reverse();
    return html`<section aria-labelledby="gb-passes-h">
      <h2 id="gb-passes-h">${g.passesHeading}</h2>
      <form class="wide" @submit=${this.requestPass} aria-label=${g.requestPass}>
        ${this.field('gb-pass-unit', g.passUnit, html`<input id="gb-pass-unit" name="unit" required autocomplete="off" />`)}
        ${this.field(
          'gb-pass-requester',
          g.requester,
          html`<select id="gb-pass-requester" name="requester">${PASS_REQUESTERS.map((r) => html`<option value=${r}>${g.requesters[r]}</option>`)}</select>`,
        )}
        ${this.field('gb-pass-items', g.passItems, html`<textarea id="gb-pass-items" name="items" required></textarea>`, true)}
        ${this.field('gb-pass-from', g.validFrom, html`<input id="gb-pass-from" name="validFrom" type="date" required .value=${today} />`)}
        ${this.field('gb-pass-until', g.validUntil, html`<input id="gb-pass-until" name="validUntil" type="date" required .value=${today} />`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.requestPass}</button></div>
      </form>
      <p class="note">${g.approvalNote}</p>
      <h3>${g.doorCheck}</h3>
      <form @submit=${this.checkAtDoor} aria-label=${g.doorCheck}>
        ${this.field('gb-pass-code', g.passCode, html`<input id="gb-pass-code" name="code" required autocomplete="off" autocapitalize="characters" />`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.checkPass}</button></div>
      </form>
      ${this.renderNote('passes')}
      ${passes.length === 0
        ? html`<p class="note">${g.noPasses}</p>`
        : html`<ul aria-label=${g.passesHeading}>
            ${passes.map(
              (p) => html`<li class="row">
                <div>${g.passLine(p.code, p.unit, p.validFrom, p.validUntil)}</div>
                <pre>${p.items}</pre>
                <div><strong>${g.passStatus[p.status]}</strong>${p.decidedBy ? html` — ${this.staffName(p.decidedBy)}` : nothing}${p.closedAt
                    ? html` — ${this.staffName(p.closedBy)}, ${this.time(p.closedAt)}`
                    : nothing}</div>
                <div class="actions">
                  ${p.status === 'requested' && mayApprove
                    ? html`<button type="button" ?disabled=${this.busy} aria-label=${`${g.approve}: ${p.code}`} @click=${() => this.decide(p, 'approved')}>${g.approve}</button>
                        <button type="button" ?disabled=${this.busy} aria-label=${`${g.reject}: ${p.code}`} @click=${() => this.decide(p, 'rejected')}>${g.reject}</button>`
                    : nothing}
                  ${p.status === 'approved'
                    ? html`<button type="button" ?disabled=${this.busy} aria-label=${`${g.letOut}: ${p.code}`} @click=${() => this.letOut(p.code)}>${g.letOut}</button>`
                    : nothing}
                </div>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderCarried() {
    const g = this.g;
    const onSite = this.visits.filter((v) => v.status !== 'checked-out' && v.status !== 'denied');
    const byVisit = new Map(this.visits.map((v) => [v.id, v]));
    const checked = new Set(this.carried.map((c) => c.visitId));
    // Declared at the kiosk and not yet checked by the guard (001: 携带物品…查验…登记).
    const declared = onSite.filter((v) => v.carriedItems !== undefined && !checked.has(v.id));
    return html`<section aria-labelledby="gb-carried-h">
      <h2 id="gb-carried-h">${g.carriedHeading}</h2>
      <form class="wide" @submit=${this.recordCarried} aria-label=${g.recordCarried}>
        ${this.field(
          'gb-carried-visit',
          g.carriedVisit,
          html`<select id="gb-carried-visit" name="visit">
            <option value="">${g.noVisitChoice}</option>
            ${onSite.map((v) => html`<option value=${v.id} ?selected=${this.carriedPrefill?.visitId === v.id}>${this.visitLabel(v)}</option>`)}
          </select>`,
        )}
        ${this.field('gb-carried-items', g.carriedItems, html`<textarea id="gb-carried-items" name="items" required .value=${this.carriedPrefill?.items ?? ''}></textarea>`)}
        <fieldset class="full">
          <legend>${g.carriedDecision}</legend>
          ${CARRIED_DECISIONS.map(
            (d) => html`<button type="button" aria-pressed=${this.carriedDecision === d ? 'true' : 'false'} @click=${() => (this.carriedDecision = d)}>${g.carriedDecisions[d]}</button>`,
          )}
        </fieldset>
        ${this.carriedDecision === 'with-permission'
          ? this.field('gb-carried-by', g.permittedBy, html`<input id="gb-carried-by" name="permittedBy" required autocomplete="off" />`)
          : nothing}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.recordCarried}</button></div>
      </form>
      ${this.renderNote('carried')}
      ${declared.length === 0
        ? nothing
        : html`<h3 id="gb-declared-h">${g.declaredHeading}</h3>
            <ul aria-labelledby="gb-declared-h">
              ${declared.map(
                (v) => html`<li class="row">
                  <div>${this.visitLabel(v)}</div>
                  <pre>${v.carriedItems}</pre>
                  <div class="actions">
                    <button
                      type="button"
                      aria-label=${`${g.checkDeclared}: ${this.visitLabel(v)}`}
                      @click=${() => {
                        this.carriedPrefill = { visitId: v.id, items: v.carriedItems ?? '' };
                        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#gb-carried-items')?.focus());
                      }}
                    >
                      ${g.checkDeclared}
                    </button>
                  </div>
                </li>`,
              )}
            </ul>`}
      <ul aria-label=${g.carriedHeading}>
        ${[...this.carried].reverse().map((c) => {
          const visit = c.visitId === undefined ? undefined : byVisit.get(c.visitId);
          return html`<li class="row">
            ${visit ? html`<div>${this.visitLabel(visit)}</div>` : nothing}
            <div>${g.carriedLine(c.items, g.carriedDecisions[c.decision], this.time(c.createdAt))}${c.permittedBy ? html` — ${g.permittedBy}: ${c.permittedBy}` : nothing}</div>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderRooms() {
    const g = this.g;
    const rooms = restrictedRooms(this.site);
    const names = new Map(rooms.map((r) => [r.id, this.roomName(r)]));
    const entries = [...this.rooms].reverse();
    return html`<section aria-labelledby="gb-rooms-h">
      <h2 id="gb-rooms-h">${g.roomsHeading}</h2>
      <form class="wide" @submit=${this.enterRoom} aria-label=${g.enterRoom}>
        ${this.field('gb-room', g.room, html`<select id="gb-room" name="room">${rooms.map((r) => html`<option value=${r.id}>${this.roomName(r)}</option>`)}</select>`)}
        ${this.field('gb-room-person', g.person, html`<input id="gb-room-person" name="person" required autocomplete="off" />`)}
        ${this.field('gb-room-org', g.organisation, html`<input id="gb-room-org" name="organisation" autocomplete="off" />`)}
        ${this.field('gb-room-approver', g.approvedBy, html`<input id="gb-room-approver" name="approvedBy" autocomplete="off" />`)}
        ${this.field('gb-room-reason', g.reason, html`<textarea id="gb-room-reason" name="reason" required></textarea>`, true)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.enterRoom}</button></div>
      </form>
      ${this.renderNote('rooms')}
      ${entries.length === 0
        ? html`<p class="note">${g.noRoomEntries}</p>`
        : html`<ul aria-label=${g.roomsHeading}>
            ${entries.map(
              (e) => html`<li class="row">
                <div>${g.roomLine(names.get(e.roomId) ?? e.roomId, e.organisation ? `${e.person} (${e.organisation})` : e.person, this.time(e.enteredAt))}</div>
                <div>${g.roomDetails(e.reason, e.approvedBy)}</div>
                <div>${e.leftAt ? g.roomLeftAt(this.time(e.leftAt)) : html`<strong>${g.stillInside}</strong>`}</div>
                ${e.leftAt
                  ? nothing
                  : html`<div class="actions">
                      <button type="button" ?disabled=${this.busy} aria-label=${`${g.leftRoom}: ${e.person}`} @click=${() => this.leave(e)}>${g.leftRoom}</button>
                    </div>`}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderHandover() {
    const g = this.g;
    const staff = this.staff;
    const pending = pendingHandovers(this.handovers);
    const lastAcked = [...this.handovers].reverse().find((h) => h.acknowledgedBy !== undefined);
    return html`<section aria-labelledby="gb-handover-h">
      <h2 id="gb-handover-h">${g.handoverHeading}</h2>
      ${pending.map((h) => this.renderHandoverRecord(h, staff))}
      ${pending.length === 0 && lastAcked ? this.renderHandoverRecord(lastAcked, staff) : nothing}
      ${pending.length === 0 && !lastAcked ? html`<p class="note">${g.noHandover}</p>` : nothing}
      <form class="wide" @submit=${this.handOver} aria-label=${g.handOver}>
        ${this.field('gb-ho-open', g.openItems, html`<textarea id="gb-ho-open" name="openItems"></textarea>`)}
        ${this.field('gb-ho-changes', g.changes, html`<textarea id="gb-ho-changes" name="changes"></textarea>`)}
        ${this.field('gb-ho-notices', g.notices, html`<textarea id="gb-ho-notices" name="notices"></textarea>`)}
        ${this.field('gb-ho-equipment', g.equipment, html`<textarea id="gb-ho-equipment" name="equipment"></textarea>`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.handOver}</button></div>
      </form>
      ${this.renderNote('handover')}
    </section>`;
  }

  private renderHandoverRecord(h: HandoverRecord, staff: StaffMember | undefined) {
    const g = this.g;
    const parts: [string, string][] = [
      [g.openItems, h.openItems],
      [g.changes, h.changes],
      [g.notices, h.notices],
      [g.equipment, h.equipment],
    ];
    return html`<article class="row" aria-label=${g.handedOverBy(this.staffName(h.createdBy), this.time(h.createdAt))}>
      <h3>${g.handedOverBy(this.staffName(h.createdBy), this.time(h.createdAt))}</h3>
      <dl>
        ${parts.filter(([, v]) => v !== '').map(([k, v]) => html`<dt>${k}</dt><dd><pre>${v}</pre></dd>`)}
      </dl>
      ${h.acknowledgedBy
        ? html`<p><strong>${g.acknowledgedBy(this.staffName(h.acknowledgedBy), this.time(h.acknowledgedAt ?? h.updatedAt))}</strong></p>`
        : staff && staff.id !== h.createdBy
          ? html`<div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.acknowledge(h)}>${g.acknowledgeHandover}</button></div>`
          : html`<p class="note">${g.waitingForNextShift}. ${g.sameStaffNote}</p>`}
    </article>`;
  }

  private renderOccurrences() {
    const g = this.g;
    const list = [...this.occurrences].reverse();
    return html`<section aria-labelledby="gb-occ-h">
      <h2 id="gb-occ-h">${g.occurrencesHeading}</h2>
      <form class="wide" @submit=${this.logOccurrence} aria-label=${g.logOccurrence}>
        ${this.field(
          'gb-occ-category',
          g.category,
          html`<select id="gb-occ-category" name="category">${OCCURRENCE_CATEGORIES.map((c) => html`<option value=${c}>${g.categories[c]}</option>`)}</select>`,
        )}
        ${this.field('gb-occ-text', g.details, html`<textarea id="gb-occ-text" name="text" required></textarea>`)}
        ${this.field('gb-occ-at', g.occurredAt, html`<input id="gb-occ-at" name="at" type="time" />`)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.logOccurrence}</button></div>
      </form>
      ${this.renderNote('occurrences')}
      ${list.length === 0
        ? html`<p class="note">${g.noOccurrences}</p>`
        : html`<ul aria-label=${g.occurrencesHeading}>
            ${list.map((o) => this.renderOccurrence(o))}
          </ul>`}
    </section>`;
  }

  private renderOccurrence(o: OccurrenceRecord) {
    const g = this.g;
    const id = `gb-occ-class-${o.id}`;
    return html`<li class="row">
      <div>${g.occurrenceLine(g.categories[o.category], this.time(o.at), this.staffName(o.createdBy))}</div>
      <pre>${o.text}</pre>
      ${o.alertId
        ? html`<p><strong>${g.incidentRaised}</strong></p>`
        : html`<form
            @submit=${(e: SubmitEvent) => {
              e.preventDefault();
              this.raise(o, e.target as HTMLFormElement);
            }}
          >
            <div class="field">
              <label for=${id}>${g.incidentClass}</label>
              <select id=${id} name="class">
                ${(['C', 'A', 'B'] as const).map((c) => html`<option value=${c}>${this.messages.classLabel[c]}</option>`)}
              </select>
            </div>
            <div class="actions"><button type="submit" ?disabled=${this.busy}>${g.raiseIncident}</button></div>
          </form>`}
    </li>`;
  }
}
