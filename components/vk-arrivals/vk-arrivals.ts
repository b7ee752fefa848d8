import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Visit } from '../../src/domain/visit.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

export type ArrivalFilter = 'all' | 'waiting' | 'on-site' | 'left' | 'flagged' | 'expected';
export const ARRIVAL_FILTERS: readonly ArrivalFilter[] = ['all', 'waiting', 'on-site', 'left', 'flagged'];

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

const WAITING = new Set(['registered', 'awaiting-host', 'host-absent']);

/**
 * @summary Today's arrivals as rows with **Confirm check-in**, **Check out**, **Print badge**, the host's
 * answer and the one-tap **Raise Class A/B** prompts; filters and a search box. Names are rendered as text.
 * @fires vk-arrival-action - `{ visitId, action }`.
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
      input {
        font: inherit;
        min-height: 48px;
        padding: 0 0.75em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
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
      td.actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      tr.flagged {
        background: #fff4f4;
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
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) rows: ArrivalRow[] = [];
  @property({ attribute: false }) filter: ArrivalFilter = 'all';
  @property({ attribute: false }) query = '';

  private act(visitId: string, action: ArrivalAction) {
    this.dispatchEvent(new LeafEvent('vk-arrival-action', { visitId, action }));
  }

  private renderRow(row: ArrivalRow) {
    const m = this.messages;
    const v = row.visit;
    const waiting = WAITING.has(v.status);
    const name = v.visitor.fullName || m.noName;
    return html`<tr class=${row.flag ? 'flagged' : ''}>
      <td>${row.time}</td>
      <td>
        ${name}${v.visitor.organisation ? html`<br /><span class="muted">${v.visitor.organisation}</span>` : nothing}
        ${v.visitor.partySize > 1 ? html`<br /><span class="muted">× ${v.visitor.partySize}</span>` : nothing}
        ${row.flag ? html`<br /><span class="flag">${m.classLabel[row.flag]}</span>` : nothing}
      </td>
      <td>${m.typeLabels[v.visitorType]}${v.invitation ? html`<br /><span class="muted">${m.invited}</span>` : nothing}</td>
      <td>
        ${v.host.label}${row.hostPhone && waiting ? html`<br /><span class="muted">${m.reachHost(row.hostPhone)}</span>` : nothing}
        ${row.hostDecision ? html`<br /><span class="muted">${row.hostDecision}</span>` : nothing}
        ${v.message ? html`<br /><span class="muted">${m.message(v.message.text, v.message.callbackPhone)}</span>` : nothing}
      </td>
      <td>${m.statuses[v.status]}</td>
      <td class="actions">
        ${waiting
          ? html`<button class="primary" @click=${() => this.act(v.id, 'confirm')}>${m.confirmCheckIn}</button>
              <button @click=${() => this.act(v.id, 'host-confirmed')}>${m.hostConfirmed}</button>
              <button @click=${() => this.act(v.id, 'host-declined')}>${m.hostDeclined}</button>
              <button @click=${() => this.act(v.id, 'deny')}>${m.deny}</button>`
          : nothing}
        ${v.status === 'checked-in' || v.status === 'host-absent'
          ? html`<button @click=${() => this.act(v.id, 'check-out')}>${m.checkOut}</button>`
          : nothing}
        ${v.status === 'checked-in' ? html`<button @click=${() => this.act(v.id, 'print')}>${m.printBadge}</button>` : nothing}
        ${row.suggestion === 'A' && !row.flag ? html`<button @click=${() => this.act(v.id, 'raise-A')}>${m.raiseA}</button>` : nothing}
        ${row.suggestion === 'B' && !row.flag ? html`<button @click=${() => this.act(v.id, 'raise-B')}>${m.raiseB}</button>` : nothing}
        ${!row.flag && !row.suggestion && v.status !== 'checked-out'
          ? html`<button @click=${() => this.act(v.id, 'raise-C')}>${m.raiseC}</button>`
          : nothing}
      </td>
    </tr>`;
  }

  override render() {
    const m = this.messages;
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
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${m.columns.time}</th>
                <th scope="col">${m.columns.visitor}</th>
                <th scope="col">${m.columns.type}</th>
                <th scope="col">${m.columns.host}</th>
                <th scope="col">${m.columns.status}</th>
                <th scope="col">${m.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              ${this.rows.map((r) => this.renderRow(r))}
            </tbody>
          </table>`}
    `;
  }
}
