import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, screen, tokens } from '../styles/shared.js';

/**
 * @summary What happens next, in the visitor's language. The message sits in the kiosk's only
 * `role="status"` element (CONTRACT.md); the countdown is outside it so it is not read out every second.
 * @fires vk-outcome-done - when the visitor taps Done.
 */
export class VkOutcome extends LitElement {
  static override styles = [
    tokens,
    buttons,
    screen,
    css`
      [role='status'] {
        font-size: 1.3em;
        padding: calc(var(--_space) * 1.5);
        border-radius: var(--_radius);
        background: var(--_surface);
        margin-bottom: calc(var(--_space) * 1.5);
      }
      .countdown {
        color: var(--_muted);
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  /** The heading of the screen. */
  @property({ attribute: false }) heading = '';
  /** The message for the visitor (plain text, never markup). */
  @property({ attribute: false }) message = '';
  /** When the record was stored, formatted for the visitor (site time zone). */
  @property({ attribute: false }) detail = '';
  /** Seconds left before the kiosk returns to the start. */
  @property({ attribute: false }) secondsLeft = 0;

  override render() {
    const m = this.messages;
    return html`
      <h1 part="heading">${this.heading}</h1>
      <p role="status" part="outcome">${this.message}</p>
      ${this.detail ? html`<p>${this.detail}</p>` : nothing}
      <p class="countdown">${m.returningIn(this.secondsLeft)}</p>
      <button class="primary" part="button primary-button" @click=${() => this.dispatchEvent(new LeafEvent('vk-outcome-done', {}))}>${m.done}</button>
    `;
  }
}
