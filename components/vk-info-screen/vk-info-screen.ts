import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, screen, tokens } from '../styles/shared.js';

/**
 * @summary A screen that tells the visitor something and offers a way on: used for check-out at the
 * counter and for invitations while this kiosk cannot verify them. Never a dead end: Back and
 * "Check in instead" are always there.
 * @slot - optional content below the text (e.g. the Invitation code field).
 * @fires vk-info-back - Back.
 * @fires vk-info-register - "Check in instead".
 */
export class VkInfoScreen extends LitElement {
  static override styles = [
    tokens,
    buttons,
    screen,
    css`
      .actions {
        margin-top: calc(var(--_space) * 1.5);
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  @property({ attribute: false }) heading = '';
  @property({ attribute: false }) body = '';

  override render() {
    const m = this.messages;
    return html`
      <h1 part="heading">${this.heading}</h1>
      <p>${this.body}</p>
      <slot></slot>
      <div class="actions">
        <button part="button" @click=${() => this.dispatchEvent(new LeafEvent('vk-info-back', {}))}>${m.back}</button>
        <button class="primary" part="button primary-button" @click=${() => this.dispatchEvent(new LeafEvent('vk-info-register', {}))}>
          ${m.registerInstead}
        </button>
      </div>
    `;
  }
}
