import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

/** Longest code accepted from a keyboard-wedge scanner: a signed invitation fits in well under 1 KB. */
export const MAX_CODE_LENGTH = 1024;

/**
 * @summary The **Invitation code** (or **Badge code**) field. Handheld scanners "type" what they read and press Enter, so the
 * field takes focus when the screen opens and submits on Enter. What is read is never opened or fetched.
 * @fires vk-invitation-code - `{ code }` on Enter.
 */
export class VkInvitationCode extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      input {
        font: inherit;
        width: 100%;
        min-height: max(48px, var(--_target));
        padding: 0 0.75em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
      }
      .result {
        margin-top: var(--_space);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  /** The field's label: **Invitation code** on the scan screen, **Badge code** at check-out. */
  @property({ attribute: false }) label = '';
  /** A message about the last code read, shown under the field (e.g. why it was not accepted). */
  @property({ attribute: false }) result = '';
  @state() private value = '';

  override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private handleKey(e: KeyboardEvent) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const code = this.value.trim().slice(0, MAX_CODE_LENGTH);
    this.value = '';
    if (code) this.dispatchEvent(new LeafEvent('vk-invitation-code', { code }));
  }

  override render() {
    const m = this.messages;
    return html`
      <label for="code">${this.label || m.invitationCode}</label>
      <input
        part="field"
        id="code"
        type="text"
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        maxlength=${MAX_CODE_LENGTH}
        .value=${this.value}
        @input=${(e: InputEvent) => (this.value = (e.target as HTMLInputElement).value)}
        @keydown=${this.handleKey}
      />
      ${this.result ? html`<p class="result">${this.result}</p>` : nothing}
    `;
  }
}
