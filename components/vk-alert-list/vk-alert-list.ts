import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { DeskMessages, RoleCode } from '../../src/i18n/desk/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

/** An alert as the desk shows it: no personal data beyond what the receptionist already sees in the list. */
export interface AlertView {
  id: string;
  label: 'A' | 'B' | 'C' | 'watchlist' | 'help' | 'invite-reuse' | 'health' | 'host-declined';
  notify: string[];
  /** Visitor type and unit, for orientation (the row below has the rest). */
  summary: string;
  createdAt: string;
  escalationLevel: number;
  acknowledged: string;
  mediaPresent: boolean;
}

const SCRIPT_KEY = { A: 'scriptA', B: 'scriptB', C: 'scriptC', watchlist: 'scriptWatchlist', help: 'scriptHelp', 'invite-reuse': 'scriptInviteReuse', health: 'scriptHealth', 'host-declined': 'scriptHostDeclined' } as const;

/**
 * @summary Urgent flags, each in its own `role="alert"` element naming the class (**Class A/B/C**,
 * **Watch list**), who is to be notified and the seeds' script for the receptionist, with **Acknowledge**,
 * **Escalate** and, on class A, **Media present**.
 * @fires vk-alert-ack - `{ id }`.
 * @fires vk-alert-escalate - `{ id }`.
 * @fires vk-alert-media - `{ id }`.
 */
export class VkAlertList extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      .alert {
        border: 4px solid var(--_danger);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin-bottom: var(--_space);
        background: var(--vk-color-danger-surface, #fff4f4);
      }
      .alert.acknowledged {
        border-color: var(--_border);
        background: var(--_surface);
      }
      .title {
        font-size: 1.3em;
        font-weight: 700;
        margin: 0 0 0.25em;
      }
      p {
        margin: 0.25em 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        margin-top: var(--_space);
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) alerts: AlertView[] = [];

  private fire(type: string, id: string) {
    this.dispatchEvent(new LeafEvent(type, { id }));
  }

  override render() {
    const m = this.messages;
    return html`${this.alerts.map((a) => {
      const roles = a.notify.map((r) => m.roles[r as RoleCode] ?? r).join(', ');
      return html`<section class="alert ${a.acknowledged ? 'acknowledged' : ''}" role="alert" aria-labelledby="t-${a.id}">
        <p class="title" id="t-${a.id}">${a.summary ? `${m.classLabel[a.label]} — ${a.summary}` : m.classLabel[a.label]}</p>
        ${roles ? html`<p>${m.notify(roles)}</p>` : nothing}
        <p>${m[SCRIPT_KEY[a.label]]}</p>
        ${a.escalationLevel > 0 ? html`<p>${m.escalated(a.escalationLevel)}</p>` : nothing}
        ${a.acknowledged ? html`<p>${a.acknowledged}</p>` : nothing}
        <div class="actions">
          ${a.acknowledged ? nothing : html`<button class="primary" part="button primary-button" @click=${() => this.fire('vk-alert-ack', a.id)}>${m.acknowledge}</button>`}
          ${a.label === 'help' ? nothing : html`<button @click=${() => this.fire('vk-alert-escalate', a.id)}>${m.escalate}</button>`}
          ${a.label === 'A' && !a.mediaPresent
            ? html`<button @click=${() => this.fire('vk-alert-media', a.id)}>${m.mediaPresent}</button>`
            : nothing}
        </div>
      </section>`;
    })}`;
  }
}
