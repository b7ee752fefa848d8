import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

/**
 * @summary The idle countdown with its "More time" button (WCAG 2.2.1: a visitor can extend the limit
 * with a single action, and is warned at least 20 seconds ahead).
 * @fires vk-more-time - when the visitor asks for more time.
 */
export class VkIdleWarning extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      .warning {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
        padding: var(--_space);
        border-radius: var(--_radius);
        border: 3px solid var(--_accent);
        background: var(--_surface);
      }
      p {
        margin: 0;
        flex: 1 1 16em;
        font-size: 1.1em;
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  /** Seconds before the kiosk clears the screen. */
  @property({ attribute: false }) secondsLeft = 0;

  override render() {
    const m = this.messages;
    return html`<div class="warning">
      <p>${m.idleWarning(this.secondsLeft)}</p>
      <button class="primary" part="button primary-button" @click=${() => this.dispatchEvent(new LeafEvent('vk-more-time', {}))}>${m.moreTime}</button>
    </div>`;
  }
}
