import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { buttons, tokens } from '../styles/shared.js';

export interface EvacuationEntry {
  name: string;
  organisation: string;
  host: string;
  partySize: number;
  since: string;
}

/**
 * @summary Everyone on site now — the evacuation list, printable on its own.
 * @csspart list - the printed list.
 */
export class VkEvacuationList extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        font-size: var(--vk-desk-font-size, 16px);
      }
      ol {
        padding-left: 1.5em;
      }
      li {
        padding: 0.25em 0;
      }
      .muted {
        color: var(--_muted);
      }
      @media print {
        button {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) entries: EvacuationEntry[] = [];

  override render() {
    const m = this.messages;
    const people = this.entries.reduce((n, e) => n + e.partySize, 0);
    return html`<p>${m.evacuationCount(people)}</p>
      <ol part="list">
        ${this.entries.map(
          (e) => html`<li>
            ${e.name}${e.partySize > 1 ? ` × ${e.partySize}` : ''} — ${e.host}
            <span class="muted">${e.organisation ? `${e.organisation}, ` : ''}${e.since}</span>
          </li>`,
        )}
      </ol>
      <button @click=${() => window.print()}>${m.evacuationPrint}</button>`;
  }
}
