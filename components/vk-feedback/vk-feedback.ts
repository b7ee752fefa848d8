import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

export type Rating = 'satisfied' | 'basically-satisfied' | 'dissatisfied';
/** Longest reason a visitor may give: a sentence or two, like the seeds' paper form. */
export const MAX_REASON_LENGTH = 500;

/**
 * @summary The optional satisfaction question at check-out (the seeds' 滿意 / 基本滿意 / 不滿意 + reason).
 * One tap answers it; "dissatisfied" asks why, and everything can be skipped.
 * @fires vk-feedback - `{ rating, reason }` when answered.
 * @fires vk-feedback-skip - when skipped.
 */
export class VkFeedback extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      legend {
        font-size: 1.3em;
        font-weight: 600;
        margin-bottom: var(--_space);
      }
      .ratings {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      label {
        display: block;
        font-weight: 600;
        margin: var(--_space) 0 0.25em;
      }
      textarea {
        font: inherit;
        width: 100%;
        padding: 0.5em 0.75em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
      }
      .actions {
        display: flex;
        gap: var(--_space);
        margin-top: var(--_space);
        justify-content: space-between;
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  @state() private asking = false;
  @state() private reason = '';

  private answer(rating: Rating) {
    if (rating === 'dissatisfied' && !this.asking) {
      this.asking = true;
      return;
    }
    const reason = this.reason.trim().slice(0, MAX_REASON_LENGTH);
    this.dispatchEvent(new LeafEvent('vk-feedback', { rating, reason }));
  }

  override render() {
    const m = this.messages;
    return html`
      <fieldset>
        <legend>${m.feedbackQuestion}</legend>
        <div class="ratings">
          <button type="button" part="button" @click=${() => this.answer('satisfied')}>${m.ratingSatisfied}</button>
          <button type="button" part="button" @click=${() => this.answer('basically-satisfied')}>${m.ratingBasicallySatisfied}</button>
          <button type="button" part="button" @click=${() => this.answer('dissatisfied')}>${m.ratingDissatisfied}</button>
        </div>
        ${this.asking
          ? html`<label for="reason">${m.feedbackReason}</label>
              <textarea
                part="field"
                id="reason"
                rows="3"
                maxlength=${MAX_REASON_LENGTH}
                autocomplete="none"
                .value=${this.reason}
                @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              <div class="actions">
                <span></span>
                <button type="button" class="primary" part="button primary-button" @click=${() => this.answer('dissatisfied')}>${m.send}</button>
              </div>`
          : nothing}
      </fieldset>
      <button type="button" part="button" @click=${() => this.dispatchEvent(new LeafEvent('vk-feedback-skip', {}))}>${m.skip}</button>
    `;
  }
}
