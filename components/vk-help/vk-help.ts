import { LitElement, css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

/**
 * @summary The large "Ask staff for help" button on every kiosk screen, for elderly and non-typing
 * visitors, and the reassurance it opens.
 * @fires vk-help-request - when the visitor asks for help (the kiosk passes it on to the desk when one exists).
 * @csspart button - the help button.
 */
export class VkHelp extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      .help {
        width: 100%;
        min-height: calc(var(--_target) * 1.25);
        font-size: 1.2em;
        border-width: 3px;
      }
      dialog {
        border: none;
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        max-width: min(36em, 90vw);
        font: inherit;
        color: inherit;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      h2 {
        margin-top: 0;
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  @query('dialog') private dialog!: HTMLDialogElement;

  private handleOpen() {
    this.dispatchEvent(new LeafEvent('vk-help-request', {}));
    this.dialog.showModal();
  }

  /** Closes the reassurance (on idle reset). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  override render() {
    const m = this.messages;
    return html`
      <button class="help" part="button help-button" @click=${this.handleOpen}>${m.askForHelp}</button>
      <dialog aria-labelledby="help-title">
        <h2 id="help-title">${m.helpHeading}</h2>
        <p>${m.helpBody}</p>
        <button class="primary" part="button primary-button" @click=${() => this.dialog.close()}>${m.close}</button>
      </dialog>
    `;
  }
}
