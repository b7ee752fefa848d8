import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttons, tokens } from '../../components/styles/shared.js';
import { deskFormStyles } from '../form-styles.js';
import type { StaffMember } from '../../src/domain/desk.js';
import type { SiteConfig } from '../../src/domain/site.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import type { IssueInvitationReply, IssueInvitationRequest } from '../../src/schemas/sync.js';
import { MAX_TEXT, type FieldError } from '../planning/forms.js';
import { INVITE_KINDS, MAX_GROUP_SIZE, MAX_INVITE_HOURS, MAX_PASS_USES, MAX_PERMIT, parseInviteForm, type InviteField, type InviteFormInput, type InviteKind } from './forms.js';

/** Signs an invitation on the hub (the desk root passes `HubLink.issueInvitation` when linked; absent standalone). */
export type InvitationIssuer = (body: IssueInvitationRequest) => Promise<IssueInvitationReply>;

const EMPTY: InviteFormInput = {
  kind: 'single',
  host: '',
  visitorType: 'visiting-resident',
  date: '',
  time: '',
  hours: '',
  partySize: '',
  names: '',
  weekdays: [1, 2, 3, 4, 5],
  from: '',
  until: '',
  uses: '',
  permit: '',
};

/** The visitor type a pass suggests: most standing passes are for helpers and renovation crews. */
const PASS_TYPE = 'domestic-helper';

/**
 * @summary The desk's **Issue an invitation** panel (issue 5, item 9): one visit, a group (headcount and an
 * optional name list, which stays on the hub) or a standing pass (days, hours, uses, permit). The hub signs
 * — the desk never holds a signing key — and the panel shows the QR code and a link the host can forward,
 * with Copy link and Print. Without `issuer` (a desk not linked to a hub) it says why it cannot issue.
 * Shows nothing without a signed-in member of staff.
 */
export class VkDeskInvitations extends LitElement {
  static override styles = [
    tokens,
    buttons,
    deskFormStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.2em;
        margin: 1.25em 0 0.5em;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: start;
      }
      .field {
        display: flex;
        flex-direction: column;
        max-width: 100%;
      }
      .day {
        display: inline-flex;
        align-items: center;
        gap: 0.25em;
        min-height: 48px;
        min-width: 48px;
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
        margin: 0.25em 0 0;
      }
      .notice {
        min-height: 1.5em;
      }
      .result {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        margin-top: var(--_space);
      }
      .result img {
        width: 220px;
        height: 220px;
        /* White whatever the theme, on purpose: the hub's QR code is dark modules on a light quiet zone, which
           scanners need (an inverted code fails many of them); it is an image, not text, so no token applies. */
        background: #fff;
        image-rendering: pixelated;
      }
      .link {
        word-break: break-all;
        max-width: 40em;
      }
      form > button[type='submit'] {
        align-self: end;
      }
    `,
  ];

  /** The desk's wording in its current language. */
  @property({ attribute: false }) messages!: DeskMessages;
  /** The site the desk serves: its zone reads the dates typed, its types fill the choice. */
  @property({ attribute: false }) site!: SiteConfig;
  /** Who is signed in; nothing is shown without one. */
  @property({ attribute: false }) staff: StaffMember | undefined;
  /** The hub's signer; absent on a desk that is not linked to a hub. */
  @property({ attribute: false }) issuer: InvitationIssuer | undefined;

  @state() private form: InviteFormInput = { ...EMPTY };
  @state() private errors: Partial<Record<InviteField, FieldError>> = {};
  @state() private busy = false;
  @state() private notice: { text: string; error?: boolean } | undefined;
  @state() private issued: IssueInvitationReply | undefined;

  private set<K extends keyof InviteFormInput>(key: K, value: InviteFormInput[K]) {
    this.form = { ...this.form, [key]: value };
  }

  private chooseKind(kind: InviteKind) {
    const visitorType = kind === 'pass' && this.form.visitorType === EMPTY.visitorType && this.site.visitorTypes.includes(PASS_TYPE) ? PASS_TYPE : this.form.visitorType;
    this.form = { ...this.form, kind, visitorType };
  }

  private async handleSubmit(e: Event) {
    e.preventDefault();
    if (this.busy || !this.issuer) return;
    const parsed = parseInviteForm(this.form, this.site.timeZone);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      this.notice = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.errors = {};
    this.busy = true;
    this.notice = { text: this.messages.invitations.issuing };
    try {
      this.issued = await this.issuer(parsed.value);
      this.notice = { text: this.messages.invitations.issued };
      this.form = { ...EMPTY };
    } catch {
      // The hub's refusal carries a code, but staff need one sentence: try again (the form is kept).
      this.notice = { text: this.messages.invitations.failed, error: true };
    } finally {
      this.busy = false;
    }
  }

  private async copyLink() {
    if (!this.issued) return;
    try {
      await navigator.clipboard.writeText(this.issued.link);
      this.notice = { text: this.messages.invitations.copied };
    } catch {
      // No clipboard permission (an embedded frame, an old browser): the link stays selectable on screen.
      this.renderRoot.querySelector<HTMLElement>('.link')?.focus();
    }
  }

  private errorText(error: FieldError | undefined): string {
    const p = this.messages.planning;
    if (!error) return '';
    if (error.code === 'count-range') return p.countRange(error.max);
    if (error.code === 'expiry-range') return '';
    return p.errors[error.code];
  }

  private field(
    id: string,
    label: string,
    key: Exclude<keyof InviteFormInput, 'kind' | 'weekdays' | 'visitorType'>,
    error: FieldError | undefined,
    opts: { type?: string; max?: number; maxlength?: number; cls?: string } = {},
  ): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${opts.type ?? 'text'}
        class=${opts.cls ?? nothing}
        autocomplete="off"
        inputmode=${opts.type === 'number' ? 'numeric' : nothing}
        min=${opts.type === 'number' ? 1 : nothing}
        max=${opts.max ?? nothing}
        maxlength=${opts.maxlength ?? nothing}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-err` : nothing}
        .value=${this.form[key]}
        @input=${(e: InputEvent) => this.set(key, (e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error" id=${`${id}-err`}>${this.errorText(error)}</p>` : nothing}
    </div>`;
  }

  private renderGroup() {
    const m = this.messages.invitations;
    const err = this.errors;
    return html`${this.field('inv-party', m.partySize, 'partySize', err.partySize, { type: 'number', max: MAX_GROUP_SIZE, cls: 'count' })}
      <div class="field">
        <label for="inv-names">${m.names}</label>
        <textarea
          id="inv-names"
          rows="3"
          aria-invalid=${err.names ? 'true' : 'false'}
          aria-describedby=${err.names ? 'inv-names-err' : nothing}
          .value=${this.form.names}
          @input=${(e: InputEvent) => this.set('names', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${err.names ? html`<p class="error" id="inv-names-err">${this.errorText(err.names)}</p>` : nothing}
      </div>`;
  }

  private renderPass() {
    const m = this.messages.invitations;
    const err = this.errors;
    const toggle = (day: number, on: boolean) => this.set('weekdays', on ? [...this.form.weekdays, day] : this.form.weekdays.filter((d) => d !== day));
    return html`<fieldset aria-invalid=${err.weekdays ? 'true' : 'false'} aria-describedby=${err.weekdays ? 'inv-days-err' : nothing}>
        <legend>${m.weekdays}</legend>
        ${m.weekdayNames.map(
          (name, day) =>
            html`<label class="day"
              ><input type="checkbox" .checked=${this.form.weekdays.includes(day)} @change=${(e: Event) => toggle(day, (e.target as HTMLInputElement).checked)} />${name}</label
            >`,
        )}
        ${err.weekdays ? html`<p class="error" id="inv-days-err">${this.errorText(err.weekdays)}</p>` : nothing}
      </fieldset>
      ${this.field('inv-from', m.hoursFrom, 'from', err.between, { type: 'time' })} ${this.field('inv-until', m.hoursUntil, 'until', undefined, { type: 'time' })}
      ${this.field('inv-uses', m.uses, 'uses', err.uses, { type: 'number', max: MAX_PASS_USES, cls: 'count' })}
      ${this.field('inv-permit', m.permit, 'permit', undefined, { maxlength: MAX_PERMIT })}`;
  }

  private renderIssued(reply: IssueInvitationReply) {
    const m = this.messages.invitations;
    // An SVG as an image cannot run script, and `img-src data:` is in our CSP; the markup is the hub's own.
    const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(reply.qrSvg)}`;
    return html`<div class="result">
      <img src=${src} alt=${m.qrAlt} />
      <div>
        <p><strong>${m.link}</strong></p>
        <p class="link" tabindex="-1">${reply.link}</p>
        <button type="button" @click=${() => void this.copyLink()}>${m.copyLink}</button>
        <button type="button" @click=${() => window.print()}>${m.print}</button>
      </div>
    </div>`;
  }

  override render() {
    if (!this.staff || !this.messages || !this.site) return nothing;
    const m = this.messages.invitations;
    const f = this.form;
    const err = this.errors;
    if (!this.issuer) {
      return html`<section aria-labelledby="inv-h"><h2 id="inv-h">${m.heading}</h2><p>${m.needsHub}</p></section>`;
    }
    return html`<section aria-labelledby="inv-h">
      <h2 id="inv-h">${m.heading}</h2>
      <form novalidate @submit=${this.handleSubmit}>
        <fieldset>
          <legend>${m.kind}</legend>
          ${INVITE_KINDS.map(
            (k) => html`<button type="button" aria-pressed=${f.kind === k ? 'true' : 'false'} @click=${() => this.chooseKind(k)}>${m.kinds[k]}</button>`,
          )}
        </fieldset>
        ${this.field('inv-host', m.host, 'host', err.host, { maxlength: MAX_TEXT })}
        <div class="field">
          <label for="inv-type">${m.visitorType}</label>
          <select id="inv-type" @change=${(e: Event) => this.set('visitorType', (e.target as HTMLSelectElement).value as InviteFormInput['visitorType'])}>
            ${this.site.visitorTypes.map((t) => html`<option value=${t} ?selected=${f.visitorType === t}>${this.messages.typeLabels[t]}</option>`)}
          </select>
        </div>
        ${this.field('inv-date', m.validFromDate, 'date', undefined, { type: 'date' })} ${this.field('inv-time', m.validFromTime, 'time', err.time, { type: 'time' })}
        ${this.field('inv-hours', m.validHours, 'hours', err.hours, { type: 'number', max: MAX_INVITE_HOURS, cls: 'count' })}
        ${f.kind === 'group' ? this.renderGroup() : nothing} ${f.kind === 'pass' ? this.renderPass() : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${m.issue}</button>
      </form>
      <p class=${this.notice?.error ? 'notice error' : 'notice'} role="status">${this.notice?.text ?? ''}</p>
      ${this.issued ? this.renderIssued(this.issued) : nothing}
    </section>`;
  }
}
