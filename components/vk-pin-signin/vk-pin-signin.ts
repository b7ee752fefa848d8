import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

/**
 * @summary Staff sign-in: one field labelled **PIN**, submitted by Enter or **Sign in**. Shows no personal data.
 * @fires vk-signin - `{ pin }`.
 */
export class VkPinSignin extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        max-width: 24rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      input {
        font: inherit;
        width: 100%;
        min-height: 48px;
        padding: 0 0.75em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        letter-spacing: 0.3em;
        margin-bottom: var(--_space);
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
        min-height: 1.5em;
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  /** Why the last attempt failed, already localised. */
  @property({ attribute: false }) error = '';
  @property({ attribute: false }) busy = false;
  @state() private pin = '';

  private handleSubmit(e: Event) {
    e.preventDefault();
    if (this.busy || !this.pin) return;
    const pin = this.pin;
    this.pin = '';
    this.dispatchEvent(new LeafEvent('vk-signin', { pin }));
  }

  override render() {
    const m = this.messages;
    return html`<form @submit=${this.handleSubmit}>
      <label for="pin">${m.pin}</label>
      <input
        part="field"
        id="pin"
        type="password"
        inputmode="numeric"
        autocomplete="off"
        maxlength="8"
        .value=${this.pin}
        @input=${(e: InputEvent) => (this.pin = (e.target as HTMLInputElement).value)}
      />
      <p class="error" aria-live="polite">${this.error}</p>
      <button class="primary" part="button primary-button" type="submit" ?disabled=${this.busy}>${m.signIn}</button>
    </form>`;
  }
}
