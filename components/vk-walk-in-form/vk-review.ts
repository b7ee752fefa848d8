import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { VisitDraft } from '../../src/domain/visit.js';
import type { Messages } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';
import { formStyles } from './styles.js';

/**
 * @summary The review step: what will be stored, with Edit and Submit. Everything is rendered as text
 * (Lit escapes it), so a name like `<img onerror=…>` is shown, never run.
 * @fires vk-review-edit - back to the form, values kept.
 * @fires vk-review-submit - store the registration.
 */
export class VkReview extends LitElement {
  static override styles = [tokens, buttons, formStyles];

  @property({ attribute: false }) messages!: Messages;
  @property({ attribute: false }) draft!: VisitDraft;
  /** True while the record is being written: Submit cannot be pressed twice. */
  @property({ attribute: false }) saving = false;
  /** A localised message when storing failed (the visitor is asked to see reception). */
  @property({ attribute: false }) error = '';

  private handleSubmit() {
    if (this.saving) return;
    this.dispatchEvent(new LeafEvent('vk-review-submit', {}));
  }

  override render() {
    const m = this.messages;
    const d = this.draft;
    const identity =
      d.identity.method === 'sighted'
        ? m.idSighted
        : d.identity.method === 'host-confirmation'
          ? m.idHostConfirms
          : `${m.idRecorded} (…${d.identity.last4})`;
    const row = (label: string, value: string) => html`<dt>${label}</dt><dd>${value || m.notGiven}</dd>`;
    return html`
      <h1 part="heading">${m.reviewHeading}</h1>
      <p class="intro">${m.reviewIntro}</p>
      <dl>
        ${row(m.fullName, d.visitor.fullName)} ${row(m.phone, d.visitor.phone)} ${row(m.organisation, d.visitor.organisation)}
        ${row(m.partySize, String(d.visitor.partySize))} ${row(m.visitorType, m.visitorTypes[d.visitorType])}
        ${row(m.purpose, m.purposes[d.purpose])} ${row(m.host, d.host.label)}
        ${row(m.appointment, d.hasAppointment ? m.yes : m.no)} ${row(m.identityCheck, identity)}
        ${d.message ? html`${row(m.leaveMessage, d.message.text)} ${row(m.callbackPhone, d.message.callbackPhone)}` : nothing}
      </dl>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="button" part="button" @click=${() => this.dispatchEvent(new LeafEvent('vk-review-edit', {}))}>${m.edit}</button>
        <button type="button" class="primary" part="button primary-button" ?disabled=${this.saving} aria-busy=${this.saving ? 'true' : 'false'} @click=${this.handleSubmit}>
          ${m.submit}
        </button>
      </div>
    `;
  }
}
