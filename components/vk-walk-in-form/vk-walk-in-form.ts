import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Locale } from '../../src/domain/codes.js';
import type { SiteConfig } from '../../src/domain/site.js';
import { normalisePhone } from '../../src/domain/phone.js';
import { cleanText } from '../../src/domain/text.js';
import type { HostRef, VisitDraft } from '../../src/domain/visit.js';
import {
  MIN_HOST_QUERY,
  hostIsAbsent,
  searchHosts,
  validateWalkIn,
  type FieldError,
  type HostSuggestion,
  type WalkInErrors,
  type WalkInField,
  type WalkInInput,
} from '../../src/domain/walk-in.js';
import type { Messages, NoticeFacts } from '../../src/i18n/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';
import { formStyles } from './styles.js';

/** Longest declaration of carried items: the stored limit (src/schemas/visit.ts `MAX_STORED_TEXT`). */
const MAX_CARRIED_LENGTH = 200;

/**
 * Chrome ignores `autocomplete="off"` for autofill, but offers nothing for a token it does not recognise;
 * `none` is one of those, and accessibility checkers accept it as a deliberate "no". With field names
 * that change for every registration, nothing typed by one visitor is offered to the next.
 */
export const NO_AUTOFILL = 'none';

/** Longest message a visitor may leave for an absent host: a note, not a letter. */
export const MAX_MESSAGE_LENGTH = 500;

/** What the visitor typed for an absent host. */
export interface MessageInput {
  text: string;
  callbackPhone: string;
}

export interface FormNextDetail {
  input: WalkInInput;
  message: MessageInput;
  draft: VisitDraft;
}

type MessageErrors = Partial<Record<keyof MessageInput, FieldError>>;

/** The privacy facts the notice states, in the visitor's language. */
export function noticeFacts(site: SiteConfig, locale: Locale): NoticeFacts {
  return {
    controller: site.privacy.controller[locale],
    contact: site.privacy.contact[locale],
    retentionDays: site.retention.visitDays,
    recordsIdNumber: site.identity.mode === 'record-number',
    phoneRequired: site.requiredFields.includes('phone'),
    organisationRequired: site.requiredFields.includes('organisation'),
  };
}

/**
 * @summary The walk-in registration form: the privacy notice first, then the fields of CONTRACT.md.
 * Field names and `autocomplete` tokens are unique to each registration (`nonce`), so the browser has
 * nothing from an earlier visitor to offer the next one.
 * @fires vk-form-next - `{ input, message, draft }` when every field is valid.
 * @fires vk-form-back - when the visitor goes back to the welcome screen.
 */
export class VkWalkInForm extends LitElement {
  static override styles = [tokens, buttons, formStyles, css``];

  @property({ attribute: false }) messages!: Messages;
  @property({ attribute: false }) site!: SiteConfig;
  @property({ attribute: false }) locale: Locale = 'en';
  /** The values to start from (blank, or what the visitor typed before pressing Edit). */
  @property({ attribute: false }) input!: WalkInInput;
  @property({ attribute: false }) message: MessageInput = { text: '', callbackPhone: '' };
  /** Unique per registration: field names and autocomplete tokens the browser cannot link across visitors. */
  @property({ attribute: false }) fieldNonce = '';

  @state() private values!: WalkInInput;
  @state() private note: MessageInput = { text: '', callbackPhone: '' };
  @state() private errors: WalkInErrors = {};
  @state() private noteErrors: MessageErrors = {};
  @state() private suggestions: HostSuggestion[] = [];
  @state() private activeSuggestion = -1;
  @state() private errorSummary = '';
  /** What the visitor declared carrying in, where the site asks (`site.guard.carriedItems`). */
  @state() private carried = '';

  @query('dialog') private noticeDialog!: HTMLDialogElement;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('input')) this.values = { ...this.input };
    if (changed.has('message')) this.note = { ...this.message };
  }

  private set<K extends keyof WalkInInput>(key: K, value: WalkInInput[K]) {
    this.values = { ...this.values, [key]: value };
    if (key in this.errors) {
      const { [key as WalkInField]: _cleared, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private get hostRef(): HostRef {
    const v = this.values;
    if (v.hostId) {
      const unit = this.site.directory.units.find((u) => u.id === v.hostId);
      if (unit) return { kind: 'unit', id: unit.id, label: unit.label };
      return { kind: 'person', id: v.hostId, label: v.hostQuery };
    }
    return { kind: 'free-text', label: v.hostQuery };
  }

  private get hostAbsent(): boolean {
    return this.values.hostQuery.trim().length > 0 && hostIsAbsent(this.site, this.hostRef);
  }

  private handleHostInput(e: InputEvent) {
    const query = (e.target as HTMLInputElement).value;
    this.values = { ...this.values, hostQuery: query, hostId: undefined };
    const { hostQuery: _cleared, ...rest } = this.errors;
    this.errors = rest;
    this.suggestions = searchHosts(this.site, query);
    this.activeSuggestion = -1;
  }

  private pickSuggestion(s: HostSuggestion) {
    this.values = { ...this.values, hostQuery: s.label, hostId: s.id };
    this.suggestions = [];
    this.activeSuggestion = -1;
  }

  private handleHostKey(e: KeyboardEvent) {
    const n = this.suggestions.length;
    if (n === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.activeSuggestion = (this.activeSuggestion + step + n) % n;
    } else if (e.key === 'Enter' && this.activeSuggestion >= 0) {
      e.preventDefault();
      const s = this.suggestions[this.activeSuggestion];
      if (s) this.pickSuggestion(s);
    } else if (e.key === 'Escape') {
      this.suggestions = [];
      this.activeSuggestion = -1;
    }
  }

  private validateNote(): { errors: MessageErrors; value?: { text: string; callbackPhone: string } } {
    if (!this.hostAbsent) return { errors: {} };
    const errors: MessageErrors = {};
    const text = cleanText(this.note.text, MAX_MESSAGE_LENGTH);
    if (!text.ok) errors.text = { code: 'message-too-long', details: { max: MAX_MESSAGE_LENGTH } };
    const wantsMessage = text.ok && text.value !== '';
    let callbackPhone = '';
    if (wantsMessage || this.note.callbackPhone.trim() !== '') {
      const phone = normalisePhone(this.note.callbackPhone, this.site.jurisdiction);
      if (phone.ok) callbackPhone = phone.value;
      else errors.callbackPhone = phone.details ? { code: phone.code, details: phone.details } : { code: phone.code };
    }
    if (Object.keys(errors).length > 0 || !text.ok || !wantsMessage) return { errors };
    return { errors, value: { text: text.value, callbackPhone } };
  }

  private async handleNext(e: Event) {
    e.preventDefault();
    const result = validateWalkIn(this.values, this.site, new Date(), this.locale);
    const note = this.validateNote();
    this.noteErrors = note.errors;
    if (!result.ok || Object.keys(note.errors).length > 0) {
      this.errors = result.ok ? {} : result.errors;
      const count = Object.keys(this.errors).length + Object.keys(note.errors).length;
      this.errorSummary = this.messages.fixErrors(count);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.errors = {};
    this.errorSummary = '';
    const base: VisitDraft = note.value ? { ...result.draft, message: note.value } : result.draft;
    const carried = this.site.guard?.carriedItems ? this.carried.trim().slice(0, MAX_CARRIED_LENGTH) : '';
    const draft: VisitDraft = carried ? { ...base, carriedItems: carried } : base;
    this.dispatchEvent(new LeafEvent<FormNextDetail>('vk-form-next', { input: this.values, message: this.note, draft }));
  }

  private errorText(err: FieldError | undefined): string {
    return err ? this.messages.errors[err.code](err.details ?? {}) : '';
  }

  private fieldId(field: string): string {
    return `f-${field}`;
  }

  /** A text field with its label, hint and error wired for screen readers. */
  private textField(
    field: 'fullName' | 'phone' | 'organisation' | 'partySize' | 'idNumber',
    label: string,
    opts: { required?: boolean; hint?: string; inputmode?: string; type?: string } = {},
  ): TemplateResult {
    const id = this.fieldId(field);
    const err = this.errors[field];
    const describedBy = [opts.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}${opts.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
      <input
        part="field"
        id=${id}
        name="${this.fieldNonce}-${field}"
        autocomplete=${NO_AUTOFILL}
        type=${opts.type ?? 'text'}
        inputmode=${opts.inputmode ?? 'text'}
        spellcheck="false"
        aria-required=${opts.required ? 'true' : 'false'}
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${live(this.values[field])}
        @input=${(e: InputEvent) => this.set(field, (e.target as HTMLInputElement).value)}
      />
      ${opts.hint ? html`<p class="hint after" id="${id}-hint">${opts.hint}</p>` : nothing}
      ${err ? html`<p class="error" id="${id}-error">${this.errorText(err)}</p>` : nothing}
    </div>`;
  }

  private selectField(field: 'visitorType' | 'purpose', label: string, options: readonly { value: string; label: string }[]) {
    const id = this.fieldId(field);
    const err = this.errors[field];
    return html`<div class="field">
      <label for=${id}>${label}<span class="req" aria-hidden="true"> *</span></label>
      <select
        part="field"
        id=${id}
        name="${this.fieldNonce}-${field}"
        autocomplete=${NO_AUTOFILL}
        aria-required="true"
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${err ? `${id}-error` : nothing}
        @change=${(e: Event) => this.set(field, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${this.values[field] === ''}>${this.messages.choose}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${this.values[field] === o.value}>${o.label}</option>`)}
      </select>
      ${err ? html`<p class="error" id="${id}-error">${this.errorText(err)}</p>` : nothing}
    </div>`;
  }

  private radioGroup(field: 'hasAppointment' | 'identityMethod', legend: string, options: readonly { value: string; label: string }[]) {
    const err = this.errors[field];
    const id = this.fieldId(field);
    return html`<fieldset
      class="field radios"
      aria-invalid=${err ? 'true' : 'false'}
      aria-describedby=${err ? `${id}-error` : nothing}
      tabindex=${err ? '-1' : nothing}
    >
      <legend>${legend}<span class="req" aria-hidden="true"> *</span></legend>
      ${options.map(
        (o) => html`<label class="choice">
          <input
            part="field"
            type="radio"
            name="${this.fieldNonce}-${field}"
            value=${o.value}
            .checked=${live(this.values[field] === o.value)}
            @change=${() => this.set(field, o.value as never)}
          />
          <span>${o.label}</span>
        </label>`,
      )}
      ${err ? html`<p class="error" id="${id}-error">${this.errorText(err)}</p>` : nothing}
    </fieldset>`;
  }

  private hostField() {
    const m = this.messages;
    const id = this.fieldId('hostQuery');
    const err = this.errors.hostQuery;
    const open = this.suggestions.length > 0;
    const describedBy = [`${id}-hint`, err ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field host">
      <label for=${id}>${m.host}<span class="req" aria-hidden="true"> *</span></label>
      <p class="hint" id="${id}-hint">${m.hostHint}</p>
      <input
        part="field"
        id=${id}
        name="${this.fieldNonce}-host"
        autocomplete=${NO_AUTOFILL}
        type="text"
        role="combobox"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'host-list' : nothing}
        aria-activedescendant=${open && this.activeSuggestion >= 0 ? `host-opt-${this.activeSuggestion}` : nothing}
        aria-required="true"
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${describedBy}
        minlength=${MIN_HOST_QUERY}
        .value=${live(this.values.hostQuery)}
        @input=${this.handleHostInput}
        @keydown=${this.handleHostKey}
      />
      ${open
        ? html`<ul id="host-list" role="listbox" aria-label=${m.hostSuggestions(this.suggestions.length)}>
            ${this.suggestions.map(
              (s, i) => html`<li
                id="host-opt-${i}"
                role="option"
                aria-selected=${i === this.activeSuggestion ? 'true' : 'false'}
                @click=${() => this.pickSuggestion(s)}
              >
                ${s.label}${s.detail ? html` <span class="detail">— ${s.detail}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${err ? html`<p class="error" id="${id}-error">${this.errorText(err)}</p>` : nothing}
    </div>`;
  }

  /** Items carried in (issue 7 item 4): optional words; the guard checks them at the desk. */
  private carriedField() {
    const m = this.messages;
    return html`<div class="field">
      <label for="f-carried">${m.carriedItems}</label>
      <p class="hint" id="f-carried-hint">${m.carriedItemsHint}</p>
      <textarea
        part="field"
        id="f-carried"
        name="${this.fieldNonce}-carried"
        autocomplete=${NO_AUTOFILL}
        rows="2"
        maxlength=${MAX_CARRIED_LENGTH}
        aria-describedby="f-carried-hint"
        .value=${live(this.carried)}
        @input=${(e: InputEvent) => (this.carried = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>`;
  }

  private absentHostFields() {
    const m = this.messages;
    const textErr = this.noteErrors.text;
    const phoneErr = this.noteErrors.callbackPhone;
    return html`<div class="absent">
      <p>${m.hostAbsentNotice}</p>
      <div class="field">
        <label for="f-message">${m.leaveMessage}</label>
        <textarea
          part="field"
          id="f-message"
          name="${this.fieldNonce}-message"
          autocomplete=${NO_AUTOFILL}
          rows="3"
          aria-invalid=${textErr ? 'true' : 'false'}
          aria-describedby=${textErr ? 'f-message-error' : nothing}
          .value=${live(this.note.text)}
          @input=${(e: InputEvent) => (this.note = { ...this.note, text: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${textErr ? html`<p class="error" id="f-message-error">${this.errorText(textErr)}</p>` : nothing}
      </div>
      <div class="field">
        <label for="f-callback">${m.callbackPhone}</label>
        <input
          part="field"
          id="f-callback"
          name="${this.fieldNonce}-callback"
          autocomplete=${NO_AUTOFILL}
          type="text"
          inputmode="tel"
          aria-invalid=${phoneErr ? 'true' : 'false'}
          aria-describedby=${phoneErr ? 'f-callback-error' : nothing}
          .value=${live(this.note.callbackPhone)}
          @input=${(e: InputEvent) => (this.note = { ...this.note, callbackPhone: (e.target as HTMLInputElement).value })}
        />
        ${phoneErr ? html`<p class="error" id="f-callback-error">${this.errorText(phoneErr)}</p>` : nothing}
      </div>
    </div>`;
  }

  private identityFields() {
    const m = this.messages;
    const site = this.site;
    const options = [
      { value: 'sighted', label: m.idSighted },
      { value: 'host-confirmation', label: m.idHostConfirms },
    ];
    if (site.identity.mode === 'record-number') options.push({ value: 'recorded', label: m.idRecorded });
    const recording = site.identity.mode === 'record-number' && this.values.identityMethod === 'recorded';
    const docs = site.identity.mode === 'record-number' ? site.identity.documents : [];
    return html`
      ${this.radioGroup('identityMethod', m.identityCheck, options)}
      ${this.values.identityMethod === 'sighted' ? html`<p class="note">${m.idSightedNote}</p>` : nothing}
      ${recording
        ? html`${docs.length > 1
              ? html`<div class="field">
                  <label for="f-idDocument">${m.idDocument}</label>
                  <select
                    part="field"
                    id="f-idDocument"
                    name="${this.fieldNonce}-idDocument"
                    @change=${(e: Event) => this.set('idDocument', (e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${this.values.idDocument === ''}>${m.choose}</option>
                    ${docs.map(
                      (d) =>
                        html`<option value=${d} ?selected=${this.values.idDocument === d}>
                          ${d === 'hkid' ? m.idDocumentHkid : m.idDocumentCn}
                        </option>`,
                    )}
                  </select>
                </div>`
              : nothing}
            ${this.textField('idNumber', m.idNumber, { required: true, hint: m.idNumberNote })}
            ${site.jurisdiction === 'CN'
              ? html`<div class="field check">
                  <input
                    part="field"
                    type="checkbox"
                    id="f-idConsent"
                    name="${this.fieldNonce}-idConsent"
                    aria-invalid=${this.errors.idConsent ? 'true' : 'false'}
                    aria-describedby=${this.errors.idConsent ? 'f-idConsent-error' : nothing}
                    .checked=${live(this.values.idConsent)}
                    @change=${(e: Event) => this.set('idConsent', (e.target as HTMLInputElement).checked)}
                  />
                  <label for="f-idConsent">${m.idConsent}</label>
                  ${this.errors.idConsent
                    ? html`<p class="error" id="f-idConsent-error">${this.errorText(this.errors.idConsent)}</p>`
                    : nothing}
                </div>`
              : nothing}`
        : nothing}
      <p class="note">${m.under14}</p>
    `;
  }

  private privacyNotice() {
    const m = this.messages;
    const facts = noticeFacts(this.site, this.locale);
    const n = m.privacyNotice;
    return html`<section class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">${m.privacyHeading}</h2>
      <p>${m.privacySummary(facts)}</p>
      <button type="button" part="button" @click=${() => this.noticeDialog.showModal()}>${m.privacyReadFull}</button>
      <dialog aria-labelledby="notice-title">
        <h2 id="notice-title">${m.privacyHeading}</h2>
        <ul>
          <li>${n.who(facts)}</li>
          <li>${n.why}</li>
          <li>${n.fields(facts)}</li>
          <li>${n.recipients}</li>
          <li>${n.retention(facts)}</li>
          <li>${n.access(facts)}</li>
          ${facts.recordsIdNumber ? html`<li>${n.idNumber}</li>` : nothing}
        </ul>
        <button type="button" class="primary" part="button primary-button" @click=${() => this.noticeDialog.close()}>${m.close}</button>
      </dialog>
    </section>`;
  }

  override render() {
    const m = this.messages;
    const site = this.site;
    const required = (f: 'phone' | 'organisation') => site.requiredFields.includes(f);
    const ackErr = this.errors.privacyAcknowledged;
    return html`
      <h1 part="heading">${m.formHeading}</h1>
      ${this.privacyNotice()}
      <form novalidate autocomplete="off" @submit=${this.handleNext}>
        <p class="intro">${m.formIntro}</p>
        <div class="grid">
          ${this.textField('fullName', m.fullName, { required: true })}
          ${this.textField('phone', m.phone, { required: required('phone'), hint: m.phoneHint, inputmode: 'tel' })}
          ${this.textField('organisation', m.organisation, { required: required('organisation') })}
          ${this.textField('partySize', m.partySize, { inputmode: 'numeric' })}
          ${this.selectField(
            'visitorType',
            m.visitorType,
            site.visitorTypes.map((v) => ({ value: v, label: m.visitorTypes[v] })),
          )}
          ${this.selectField(
            'purpose',
            m.purpose,
            site.purposes.map((p) => ({ value: p, label: m.purposes[p] })),
          )}
        </div>
        ${this.hostField()} ${this.hostAbsent ? this.absentHostFields() : nothing}
        ${this.radioGroup('hasAppointment', m.appointment, [
          { value: 'yes', label: m.yes },
          { value: 'no', label: m.no },
        ])}
        ${this.identityFields()} ${this.site.guard?.carriedItems ? this.carriedField() : nothing}
        <div class="field check">
          <input
            part="field"
            type="checkbox"
            id="f-privacy"
            name="${this.fieldNonce}-privacy"
            aria-invalid=${ackErr ? 'true' : 'false'}
            aria-describedby=${ackErr ? 'f-privacy-error' : nothing}
            .checked=${live(this.values.privacyAcknowledged)}
            @change=${(e: Event) => this.set('privacyAcknowledged', (e.target as HTMLInputElement).checked)}
          />
          <label for="f-privacy">${m.privacyAcknowledge}</label>
          ${ackErr ? html`<p class="error" id="f-privacy-error">${this.errorText(ackErr)}</p>` : nothing}
        </div>
        <p class="summary" aria-live="polite">${this.errorSummary}</p>
        <div class="actions">
          <button type="button" part="button" @click=${() => this.dispatchEvent(new LeafEvent('vk-form-back', {}))}>${m.back}</button>
          <button type="submit" class="primary" part="button primary-button">${m.next}</button>
        </div>
      </form>
    `;
  }
}
