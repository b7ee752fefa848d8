import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { DENY_REASONS, type DenyReason, type Visit } from '../../src/domain/visit.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

export type ArrivalFilter = 'all' | 'waiting' | 'on-site' | 'left' | 'flagged' | 'expected';
export const ARRIVAL_FILTERS: readonly ArrivalFilter[] = ['all', 'waiting', 'on-site', 'left', 'flagged'];

/**
 * Rows rendered at first (then `ARRIVALS_MORE_ROWS` at a time as the end of the list comes near, or on **Show more**).
 * A day of 2 000 visits rendered at once is a 100 ms task and a page 240 000 px tall; fifty rows fill
 * several screens. Search and the filters always work on every row, rendered or not.
 */
export const ARRIVALS_PAGE_ROWS = 50;
/**
 * Rows added each time the end of the list comes near: small enough that rendering them (template, style,
 * layout) stays well inside a frame's budget on a busy two-core desk PC, so scrolling never stalls.
 */
export const ARRIVALS_MORE_ROWS = 10;
/** How far below the screen the end of the list starts rendering the next rows (px): before anyone sees it. */
const LOOKAHEAD_PX = 1200;
/**
 * The end of the list also counts when it is anywhere ABOVE the screen: a jump (End, the scroll bar, a fast
 * flick) can carry it from below the screen to above in one frame without it ever intersecting, and the
 * rows in between must still come.
 */
const BEHIND_PX = 10_000_000;
/** Longest badge number typed (the stored limit, src/schemas/visit.ts `MAX_STORED_BADGE_NUMBER`). */
const MAX_BADGE = 32;
/** Longest note on a refusal (src/schemas/visit.ts `MAX_DENIAL_NOTE`). */
const MAX_DENY_NOTE = 500;

/** One visit as a row of the desk, with what the desk knows beyond the record. */
export interface ArrivalRow {
  visit: Visit;
  time: string;
  flag?: 'A' | 'B' | 'C' | 'watchlist';
  suggestion?: 'A' | 'B';
  hostPhone?: string;
  /** "Confirmed by 12A at 14:02", already localised. */
  hostDecision?: string;
}

export type ArrivalAction = 'confirm' | 'check-out' | 'print' | 'deny' | 'host-confirmed' | 'host-declined' | 'raise-A' | 'raise-B' | 'raise-C';

/** What `vk-arrival-action` carries: the visit and the action, with a badge number (confirm) or a reason (deny). */
export interface ArrivalActionDetail {
  visitId: string;
  action: ArrivalAction;
  /** Confirm check-in: the badge handed out, if one was typed. */
  badgeNumber?: string;
  /** Deny: the reason chosen and staff's words (required with `other`). */
  denial?: { reason: DenyReason; note?: string };
  /** Check out of a visitor holding a numbered badge: whether the badge (the visitor card) was handed back. */
  cardReturned?: boolean;
}

const WAITING = new Set(['registered', 'awaiting-host', 'host-absent']);

/**
 * @summary Today's arrivals as rows with **Confirm check-in** (with the **Badge number** handed out —
 * required where the site numbers its badges), **Check out**, **Print badge**, **Deny** (a reason from the
 * site's list, or words), the host's answer and the one-tap **Raise Class A/B** prompts; filters and a search
 * box. The first `ARRIVALS_PAGE_ROWS` rows render at once and more as the end of the list comes near (or on
 * **Show more**), so a busy day paints quickly; `aria-rowcount` tells assistive technology the whole count.
 * Names are rendered as text.
 * @fires vk-arrival-action - `ArrivalActionDetail`.
 * @fires vk-arrival-filter - `{ filter }`.
 * @fires vk-arrival-search - `{ query }`.
 */
export class VkArrivals extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        font-size: var(--vk-desk-font-size, 16px);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
        margin-bottom: var(--_space);
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      .filters button[aria-pressed='true'] {
        background: var(--_accent);
        color: var(--_accent-fg);
      }
      label {
        display: block;
        font-weight: 600;
      }
      input,
      textarea {
        font: inherit;
        min-height: 48px;
        padding: 0 0.75em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
      }
      input[aria-invalid='true'],
      textarea[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      /*
       * An ARIA table of block rows rather than a <table>: a table lays out all its rows again whenever rows
       * are added, so with 2 000 rows each page added while scrolling was a long task; block rows are laid out
       * one by one. (\`content-visibility: auto\` on the rows was measured too: its per-row visibility checks
       * cost more while scrolling than the layout they saved.)
       */
      .table {
        width: 100%;
      }
      .row {
        display: grid;
        grid-template-columns: 8.5em minmax(0, 1.4fr) minmax(0, 0.8fr) minmax(0, 1.1fr) minmax(0, 0.9fr) minmax(0, 2.8fr);
        border-bottom: 1px solid var(--_border);
      }
      .body .row {
        /* Each row is laid out and painted on its own: a page of rows added below leaves the others alone. */
        contain: content;
      }
      .head {
        font-weight: 700;
      }
      .cell {
        padding: 0.5em;
        overflow-wrap: anywhere;
        min-width: 0;
      }
      .cell.actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: end;
      }
      .badge {
        display: flex;
        align-items: center;
        gap: 0.5em;
        font-weight: 400;
      }
      .badge input {
        width: 7em;
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
        margin: 0.25em 0 0;
        flex-basis: 100%;
      }
      .row.flagged {
        background: var(--vk-color-danger-surface, #fff4f4);
      }
      .flag {
        color: var(--_danger);
        font-weight: 700;
      }
      .muted {
        color: var(--_muted);
      }
      button {
        font-size: 0.95em;
      }
      .more {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        margin-top: var(--_space);
      }
      .sentinel {
        height: 1px;
      }
      dialog {
        max-width: min(36em, 95vw);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
      }
      dialog h3 {
        margin: 0 0 0.5em;
        font-size: 1.15em;
        overflow-wrap: anywhere;
      }
      fieldset {
        border: none;
        margin: 0 0 var(--_space);
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      .choice {
        display: flex;
        gap: 0.5em;
        align-items: center;
        min-height: 44px;
        font-weight: 400;
      }
      .choice input {
        min-height: 0;
        width: 24px;
        height: 24px;
      }
      textarea {
        width: 100%;
        min-height: 4em;
        padding: 0.5em 0.75em;
      }
      .dialog-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-top: var(--_space);
      }
      @media (max-width: 40rem) {
        .head {
          display: none;
        }
        .row {
          display: block;
          border: 1px solid var(--_border);
          border-radius: var(--_radius);
          margin-bottom: var(--_space);
        }
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) rows: ArrivalRow[] = [];
  @property({ attribute: false }) filter: ArrivalFilter = 'all';
  @property({ attribute: false }) query = '';
  /** The site numbers its badges: **Confirm check-in** needs the badge number. */
  @property({ attribute: false }) numberedBadges = false;
  /** The reasons **Deny** offers, in order; `other` (with words) is always added. */
  @property({ attribute: false }) denyReasons: readonly DenyReason[] = DENY_REASONS;

  /** How many rows are rendered. */
  @state() private limit = ARRIVALS_PAGE_ROWS;
  /** Rows whose Confirm was refused for want of a badge number. */
  @state() private badgeMissing = new Set<string>();
  /** The row being denied (the dialog is open), its chosen reason and words, and what is missing. */
  @state() private denying: ArrivalRow | undefined;
  @state() private denyReason: DenyReason | undefined;
  @state() private denyNote = '';
  @state() private denyError: 'reason' | 'note' | undefined;
  /** The row whose **Check out** is asking whether the visitor handed the badge back. */
  @state() private askingCard: string | undefined;

  @query('dialog') private dialog!: HTMLDialogElement | null;
  @query('.sentinel') private sentinel!: HTMLElement | null;

  /** Badge numbers typed but not yet confirmed, by visit: kept across refreshes of the list. */
  private readonly badgeDrafts = new Map<string, string>();
  private observer: IntersectionObserver | undefined;

  /** How many rows are rendered now (for the host page's tests and benchmarks). */
  get renderedRows(): number {
    return Math.min(this.limit, this.rows.length);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another filter or search is another list: start again from its top.
    if (changed.has('filter') || changed.has('query')) this.limit = ARRIVALS_PAGE_ROWS;
  }

  protected override updated(): void {
    this.watchEnd();
    if (this.denying && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  /** Shows the next rows. */
  showMore(): void {
    if (this.limit < this.rows.length) this.limit += ARRIVALS_MORE_ROWS;
  }

  /**
   * Watches the end of the list while rows are left: when it comes within `LOOKAHEAD_PX` of the screen the
   * next rows render. Observing afresh after every update makes the observer report at once, so a list
   * still short of the screen keeps growing until it is not.
   */
  private watchEnd() {
    const end = this.sentinel;
    this.observer ??= new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.showMore();
    }, { rootMargin: `${BEHIND_PX}px 0px ${LOOKAHEAD_PX}px 0px` });
    this.observer.disconnect();
    if (end && this.limit < this.rows.length) this.observer.observe(end);
  }

  private act(detail: ArrivalActionDetail) {
    this.dispatchEvent(new LeafEvent('vk-arrival-action', detail));
  }

  private confirm(v: Visit) {
    const badgeNumber = (this.badgeDrafts.get(v.id) ?? '').trim();
    if (this.numberedBadges && badgeNumber === '') {
      this.badgeMissing = new Set(this.badgeMissing).add(v.id);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#badge-${v.id}`)?.focus());
      return;
    }
    if (this.badgeMissing.has(v.id)) {
      const rest = new Set(this.badgeMissing);
      rest.delete(v.id);
      this.badgeMissing = rest;
    }
    this.badgeDrafts.delete(v.id);
    this.act({ visitId: v.id, action: 'confirm', ...(badgeNumber ? { badgeNumber } : {}) });
  }

  private openDeny(row: ArrivalRow) {
    this.denying = row;
    this.denyReason = undefined;
    this.denyNote = '';
    this.denyError = undefined;
  }

  private closeDeny() {
    this.dialog?.close();
    this.denying = undefined;
  }

  private submitDeny(e: Event) {
    e.preventDefault();
    const row = this.denying;
    if (!row) return;
    const note = this.denyNote.trim();
    if (!this.denyReason) this.denyError = 'reason';
    else if (this.denyReason === 'other' && note === '') this.denyError = 'note';
    else {
      const denial = { reason: this.denyReason, ...(note ? { note } : {}) };
      this.closeDeny();
      this.act({ visitId: row.visit.id, action: 'deny', denial });
      return;
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(this.denyError === 'reason' ? 'input[name="deny-reason"]' : '#deny-note')?.focus());
  }

  private get offeredReasons(): DenyReason[] {
    const listed = this.denyReasons.filter((r) => r !== 'other');
    return [...listed, 'other'];
  }

  private renderStatus(v: Visit) {
    const m = this.messages;
    return html`${m.statuses[v.status]}${v.badgeNumber ? html`<br /><span class="muted">${m.badgeShown(v.badgeNumber)}</span>` : nothing}${v.denial
      ? html`<br /><span class="muted">${m.denialShown(m.denyReasons[v.denial.reason], v.denial.note ?? '')}</span>`
      : nothing}`;
  }

  private renderRow(row: ArrivalRow, missing: boolean) {
    const m = this.messages;
    const v = row.visit;
    const waiting = WAITING.has(v.status);
    const name = v.visitor.fullName || m.noName;
    const badgeId = `badge-${v.id}`;
    return html`<div role="row" class=${row.flag ? 'row flagged' : 'row'}>
      <div role="cell" class="cell">${row.time}</div>
      <div role="cell" class="cell">
        ${name}${v.visitor.organisation ? html`<br /><span class="muted">${v.visitor.organisation}</span>` : nothing}
        ${v.visitor.partySize > 1 ? html`<br /><span class="muted">× ${v.visitor.partySize}</span>` : nothing}
        ${row.flag ? html`<br /><span class="flag">${m.classLabel[row.flag]}</span>` : nothing}
      </div>
      <div role="cell" class="cell">${m.typeLabels[v.visitorType]}${v.invitation ? html`<br /><span class="muted">${m.invited}</span>` : nothing}</div>
      <div role="cell" class="cell">
        ${v.host.label}${row.hostPhone && waiting ? html`<br /><span class="muted">${m.reachHost(row.hostPhone)}</span>` : nothing}
        ${row.hostDecision ? html`<br /><span class="muted">${row.hostDecision}</span>` : nothing}
        ${v.message ? html`<br /><span class="muted">${m.message(v.message.text, v.message.callbackPhone)}</span>` : nothing}
      </div>
      <div role="cell" class="cell">${this.renderStatus(v)}</div>
      <div role="cell" class="cell actions">
        ${waiting
          ? html`<label class="badge" for=${badgeId}
                >${m.badgeNumber}
                <input
                  id=${badgeId}
                  type="text"
                  autocomplete="off"
                  maxlength=${MAX_BADGE}
                  ?required=${this.numberedBadges}
                  aria-invalid=${missing ? 'true' : 'false'}
                  aria-describedby=${missing ? `${badgeId}-err` : nothing}
                  .value=${this.badgeDrafts.get(v.id) ?? ''}
                  @input=${(e: InputEvent) => this.badgeDrafts.set(v.id, (e.target as HTMLInputElement).value)}
                  @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.confirm(v)}
              /></label>
              <button class="primary" @click=${() => this.confirm(v)}>${m.confirmCheckIn}</button>
              <button @click=${() => this.act({ visitId: v.id, action: 'host-confirmed' })}>${m.hostConfirmed}</button>
              <button @click=${() => this.act({ visitId: v.id, action: 'host-declined' })}>${m.hostDeclined}</button>
              <button @click=${() => this.openDeny(row)}>${m.deny}</button>
              ${missing ? html`<p class="error" id=${`${badgeId}-err`}>${m.badgeRequired}</p>` : nothing}`
          : nothing}
        ${v.status === 'checked-in' || v.status === 'host-absent' ? this.renderCheckOut(v) : nothing}
        ${v.status === 'checked-in' ? html`<button @click=${() => this.act({ visitId: v.id, action: 'print' })}>${m.printBadge}</button>` : nothing}
        ${row.suggestion === 'A' && !row.flag ? html`<button @click=${() => this.act({ visitId: v.id, action: 'raise-A' })}>${m.raiseA}</button>` : nothing}
        ${row.suggestion === 'B' && !row.flag ? html`<button @click=${() => this.act({ visitId: v.id, action: 'raise-B' })}>${m.raiseB}</button>` : nothing}
        ${!row.flag && !row.suggestion && v.status !== 'checked-out'
          ? html`<button @click=${() => this.act({ visitId: v.id, action: 'raise-C' })}>${m.raiseC}</button>`
          : nothing}
      </div>
    </div>`;
  }

  /**
   * **Check out**. A visitor holding a numbered badge (the visitor card) is asked about it first — handed back or
   * not — so the guard's card register learns it at the door, not at the end of the day (issue 7 item 3).
   */
  private renderCheckOut(v: Visit) {
    const m = this.messages;
    const badge = v.badgeNumber;
    if (!badge) return html`<button @click=${() => this.act({ visitId: v.id, action: 'check-out' })}>${m.checkOut}</button>`;
    if (this.askingCard !== v.id) {
      return html`<button
        @click=${() => {
          this.askingCard = v.id;
          void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`#card-q-${v.id} + button`)?.focus());
        }}
      >
        ${m.checkOut}
      </button>`;
    }
    const done = (cardReturned: boolean) => {
      this.askingCard = undefined;
      this.act({ visitId: v.id, action: 'check-out', cardReturned });
    };
    return html`<div role="group" aria-labelledby=${`card-q-${v.id}`}>
      <p id=${`card-q-${v.id}`}>${m.guard.cardBackQuestion(badge)}</p>
      <button class="primary" @click=${() => done(true)}>${m.guard.cardBackCheckOut}</button>
      <button @click=${() => done(false)}>${m.guard.cardNotBackCheckOut}</button>
    </div>`;
  }

  private renderDeny(row: ArrivalRow) {
    const m = this.messages;
    const name = row.visit.visitor.fullName || m.noName;
    const error = this.denyError;
    // Escape cancels (synchronously); no 'close' listener: that event comes a task later and would shut a
    // dialog opened again meanwhile.
    return html`<dialog aria-labelledby="deny-h" @cancel=${() => (this.denying = undefined)}>
      <form method="dialog" novalidate @submit=${this.submitDeny}>
        <h3 id="deny-h">${m.denyHeading(name)}</h3>
        <fieldset aria-describedby=${error === 'reason' ? 'deny-reason-err' : nothing}>
          <legend>${m.denyReason}</legend>
          ${this.offeredReasons.map(
            (r) => html`<label class="choice"
              ><input
                type="radio"
                name="deny-reason"
                .value=${r}
                .checked=${this.denyReason === r}
                aria-invalid=${error === 'reason' ? 'true' : 'false'}
                @change=${() => {
                  this.denyReason = r;
                  if (error === 'reason') this.denyError = undefined;
                }}
              />${m.denyReasons[r]}</label
            >`,
          )}
          ${error === 'reason' ? html`<p class="error" id="deny-reason-err">${m.errors.required}</p>` : nothing}
        </fieldset>
        <label for="deny-note">${m.denyNote}</label>
        <textarea
          id="deny-note"
          maxlength=${MAX_DENY_NOTE}
          aria-invalid=${error === 'note' ? 'true' : 'false'}
          aria-describedby=${error === 'note' ? 'deny-note-err' : nothing}
          .value=${this.denyNote}
          @input=${(e: InputEvent) => (this.denyNote = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${error === 'note' ? html`<p class="error" id="deny-note-err">${m.denyNoteRequired}</p>` : nothing}
        <div class="dialog-actions">
          <button class="primary" type="submit">${m.denyConfirm}</button>
          <button type="button" @click=${() => this.closeDeny()}>${m.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    const m = this.messages;
    const shown = this.rows.slice(0, this.limit);
    const more = this.rows.length - shown.length;
    return html`
      <div class="tools">
        <div class="filters" role="group" aria-label=${m.filter}>
          ${ARRIVAL_FILTERS.map(
            (f) => html`<button
              aria-pressed=${this.filter === f ? 'true' : 'false'}
              @click=${() => this.dispatchEvent(new LeafEvent('vk-arrival-filter', { filter: f }))}
            >
              ${m.filters[f]}
            </button>`,
          )}
        </div>
        <div>
          <label for="search">${m.search}</label>
          <input
            id="search"
            type="search"
            autocomplete="off"
            .value=${this.query}
            @input=${(e: InputEvent) => this.dispatchEvent(new LeafEvent('vk-arrival-search', { query: (e.target as HTMLInputElement).value }))}
          />
        </div>
      </div>
      ${this.rows.length === 0
        ? html`<p>${m.noArrivals}</p>`
        : html`<div role="table" class="table" aria-label=${m.arrivalsHeading} aria-rowcount=${this.rows.length + 1}>
            <div role="rowgroup">
              <div role="row" class="row head">
                <div role="columnheader" class="cell">${m.columns.time}</div>
                <div role="columnheader" class="cell">${m.columns.visitor}</div>
                <div role="columnheader" class="cell">${m.columns.type}</div>
                <div role="columnheader" class="cell">${m.columns.host}</div>
                <div role="columnheader" class="cell">${m.columns.status}</div>
                <div role="columnheader" class="cell">${m.columns.actions}</div>
              </div>
            </div>
            <div role="rowgroup" class="body">
              ${repeat(
                shown,
                (r) => r.visit.id,
                (r) => {
                  const missing = this.badgeMissing.has(r.visit.id);
                  // A row renders again only when its data or its error changed: a refresh of an unchanged
                  // day costs a comparison per row, not a template (keyed, so a new arrival on top moves none).
                  return guard([r, missing, m, this.numberedBadges, this.askingCard === r.visit.id], () => this.renderRow(r, missing));
                },
              )}
            </div>
          </div>`}
      ${more > 0
        ? html`<div class="more">
            <span>${m.showingRows(shown.length, this.rows.length)}</span>
            <button @click=${() => this.showMore()}>${m.showMore}</button>
          </div>`
        : nothing}
      <div class="sentinel" aria-hidden="true"></div>
      ${this.denying ? this.renderDeny(this.denying) : nothing}
    `;
  }
}
