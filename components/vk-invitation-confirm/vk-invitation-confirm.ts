import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, screen, tokens } from '../styles/shared.js';

/**
 * @summary The one confirmation tap of an invited arrival: whom the visitor is expected by and until when,
 * then **Confirm**. Nothing personal is shown: the code carries no name, and the host is a unit or an office.
 * @fires vk-confirm - the visitor confirms.
 * @fires vk-info-back - the visitor goes back.
 */
export class VkInvitationConfirm extends LitElement {
  static override styles = [
    tokens,
    buttons,
    screen,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(8em, max-content) 1fr;
        gap: 0.5em var(--_space);
        font-size: 1.2em;
        margin: 0 0 calc(var(--_space) * 1.5);
      }
      dt {
        color: var(--_muted);
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .actions {
        justify-content: space-between;
      }
      .actions .primary {
        min-width: 10em;
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  /** The unit or office visited. */
  @property({ attribute: false }) host = '';
  /** Until when the code admits, formatted in the site's time zone. */
  @property({ attribute: false }) validUntil = '';
  /** People covered by the code. */
  @property({ attribute: false }) partySize = 1;
  /** A standing pass rather than a single invitation. */
  @property({ attribute: false }) pass = false;
  /** True while the check-in is being stored: Confirm cannot be pressed twice. */
  @property({ attribute: false }) busy = false;

  override render() {
    const m = this.messages;
    return html`
      <h1 part="heading">${this.pass ? m.passHeading : m.invitationHeading}</h1>
      <dl>
        <dt>${m.host}</dt>
        <dd>${this.host}</dd>
        <dt>${m.validUntil}</dt>
        <dd>${this.validUntil}</dd>
        ${this.partySize > 1 ? html`<dt>${m.partySize}</dt><dd>${this.partySize}</dd>` : nothing}
      </dl>
      <div class="actions">
        <button type="button" part="button" @click=${() => this.dispatchEvent(new LeafEvent('vk-info-back', {}))}>${m.back}</button>
        <button
          part="button primary-button"
          type="button"
          class="primary"
          ?disabled=${this.busy}
          @click=${() => !this.busy && this.dispatchEvent(new LeafEvent('vk-confirm', {}))}
        >
          ${m.confirm}
        </button>
      </div>
    `;
  }
}
