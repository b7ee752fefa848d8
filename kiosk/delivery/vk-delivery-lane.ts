import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LeafEvent } from '../../components/events.js';
import { buttons, screen, tokens } from '../../components/styles/shared.js';
import { MAX_LOBBY_TEXT, MAX_PARCEL_COUNT, arriveFoodDelivery, lobbySettings, receiveParcel, unitIdFor, validateLane, type LaneErrors, type LaneField } from '../../src/domain/lobby/parcel.js';
import type { SiteConfig } from '../../src/domain/site.js';
import type { LocaleTag } from '../../src/i18n/index.js';
import { LANE_CATALOGUES, type LaneMessages } from '../../src/i18n/lobby.js';
import { RecordStore, newRecordId } from '../../src/storage/records.js';
import { SyncStore } from '../../src/storage/sync.js';

/** Seconds the thank-you stays before the kiosk returns to the start by itself (as the visit outcome's). */
export const LANE_OUTCOME_SECONDS = 8;

type Step = 'choose' | 'details' | 'done';
type Service = 'courier' | 'food';

/**
 * @summary The kiosk's courier and food-delivery lane (issue 7 item 1): Courier or Food delivery, then only what
 * the site asks (company, recipient unit, number of parcels: `SiteConfig.lobby`), stored as a lobby record —
 * never a visit, so it is in no visit list, evacuation list or incident classification. No name, phone or ID.
 * The unit is told by the hub when the kiosk is paired (a `lobby.delivery` webhook and e-mail), otherwise staff
 * phone it from the desk's parcel log.
 *
 * A composition element of the kiosk (it writes through src/storage's `RecordStore`; the kiosk's sync pushes the
 * record with its outbox). Marks `vk:delivery-start` on the choice and `vk:delivery-saved` once stored.
 * @fires vk-delivery-back - the rider went back to the start.
 * @fires vk-delivery-done - the lane finished (Done, or the thank-you timed out).
 */
export class VkDeliveryLane extends LitElement {
  static override styles = [
    tokens,
    buttons,
    screen,
    css`
      .choices {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
        margin-bottom: calc(var(--_space) * 1.5);
      }
      .choices button {
        min-height: calc(var(--_target) * 2);
        font-size: 1.3em;
      }
      form {
        display: grid;
        gap: var(--_space);
        max-width: 36em;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      label {
        font-weight: 600;
      }
      input {
        font: inherit;
        min-height: var(--_target);
        padding: 0 0.5em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
      }
      input:focus-visible,
      button:focus-visible {
        outline: var(--_focus);
        outline-offset: 2px;
      }
      [aria-invalid='true'] {
        border-color: var(--_danger);
      }
      .stepper {
        display: flex;
        gap: 0.5em;
        align-items: center;
      }
      .stepper input {
        width: 5em;
        text-align: center;
      }
      .stepper button {
        min-width: var(--_target);
      }
      .hint {
        color: var(--_muted);
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
      }
      [role='status'] {
        font-size: 1.3em;
        padding: calc(var(--_space) * 1.5);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
    `,
  ];

  /** The site (its lane settings, time zone, directory). */
  @property({ attribute: false }) site!: SiteConfig;
  /** The visitor's language. */
  @property({ attribute: false }) locale: LocaleTag = 'en';
  /** The kiosk's database. */
  @property({ attribute: false }) dbName = 'visitor-kiosk';

  @state() private step: Step = 'choose';
  @state() private service: Service = 'courier';
  @state() private count = 1;
  @state() private errors: LaneErrors = {};
  @state() private failed = false;
  @state() private busy = false;
  @state() private notifiedByHub = false;

  private timer: ReturnType<typeof setTimeout> | undefined;

  private get m(): LaneMessages {
    return LANE_CATALOGUES[this.locale];
  }

  private get asked(): LaneField[] {
    const s = lobbySettings(this.site);
    return this.service === 'courier' ? s.courierFields : s.foodFields;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private choose(service: Service): void {
    performance.mark('vk:delivery-start');
    this.service = service;
    this.count = 1;
    this.errors = {};
    this.failed = false;
    this.step = 'details';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const data = new FormData(e.target as HTMLFormElement);
    const checked = validateLane({ company: String(data.get('company') ?? ''), unit: String(data.get('unit') ?? ''), count: String(data.get('count') ?? this.count) }, this.asked);
    this.errors = checked.errors ?? {};
    if (!checked.ok) {
      const first = Object.keys(this.errors)[0];
      this.renderRoot.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.busy = true;
    try {
      const now = new Date();
      const linked = (await new SyncStore(this.dbName).link()) !== undefined;
      const unitId = unitIdFor(this.site.directory.units, checked.value.unit);
      const facts = { id: newRecordId(now), siteId: this.site.id, timeZone: this.site.timeZone, now, source: 'kiosk' as const, notify: linked ? ('hub' as const) : ('phone' as const), ...(unitId ? { unitId } : {}) };
      const store = new RecordStore(this.dbName);
      if (this.service === 'courier') {
        await store.create((deviceId) => receiveParcel({ ...facts, deviceId }, { carrier: checked.value.company, unit: checked.value.unit, count: checked.value.count }), now);
      } else {
        await store.create((deviceId) => arriveFoodDelivery({ ...facts, deviceId }, { company: checked.value.company, unit: checked.value.unit }), now);
      }
      performance.mark('vk:delivery-saved');
      this.notifiedByHub = linked;
      this.step = 'done';
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.finish(), LANE_OUTCOME_SECONDS * 1000);
    } catch {
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }

  private finish(): void {
    clearTimeout(this.timer);
    this.dispatchEvent(new LeafEvent('vk-delivery-done', {}));
  }

  private back(): void {
    if (this.step === 'details') this.step = 'choose';
    else this.dispatchEvent(new LeafEvent('vk-delivery-back', {}));
  }

  private error(name: 'company' | 'unit' | 'count'): TemplateResult | typeof nothing {
    const err = this.errors[name];
    if (!err) return nothing;
    const m = this.m;
    const text = err.code === 'required' ? m.errRequired : err.code === 'too-long' ? m.errTooLong(MAX_LOBBY_TEXT) : m.errCount(MAX_PARCEL_COUNT);
    return html`<span class="error" id=${`${name}-err`}>${text}</span>`;
  }

  private renderDetails(): TemplateResult {
    const m = this.m;
    const asked = this.asked;
    const inv = (name: 'company' | 'unit' | 'count') => (this.errors[name] ? 'true' : 'false');
    return html`<form @submit=${this.handleSubmit} novalidate>
      ${asked.includes('company')
        ? html`<div class="field">
            <label for="l-company">${this.service === 'courier' ? m.courierCompany : m.foodCompany}</label>
            <input id="l-company" name="company" autocomplete="off" maxlength=${MAX_LOBBY_TEXT} aria-invalid=${inv('company')} aria-describedby=${this.errors.company ? 'company-err' : nothing} />
            ${this.error('company')}
          </div>`
        : nothing}
      <div class="field">
        <label for="l-unit">${m.unit}</label>
        <span class="hint" id="unit-hint">${m.unitHint}</span>
        <input id="l-unit" name="unit" autocomplete="off" maxlength=${MAX_LOBBY_TEXT} aria-invalid=${inv('unit')} aria-describedby=${this.errors.unit ? 'unit-hint unit-err' : 'unit-hint'} />
        ${this.error('unit')}
      </div>
      ${this.service === 'courier' && asked.includes('count')
        ? html`<div class="field">
            <label for="l-count">${m.count}</label>
            <div class="stepper">
              <button type="button" aria-label=${m.fewer} ?disabled=${this.count <= 1} @click=${() => (this.count = Math.max(1, this.count - 1))}>−</button>
              <input id="l-count" name="count" inputmode="numeric" .value=${String(this.count)} aria-invalid=${inv('count')} @input=${(e: InputEvent) => (this.count = Number((e.target as HTMLInputElement).value) || 1)} />
              <button type="button" aria-label=${m.more} ?disabled=${this.count >= MAX_PARCEL_COUNT} @click=${() => (this.count = Math.min(MAX_PARCEL_COUNT, this.count + 1))}>+</button>
            </div>
            ${this.error('count')}
          </div>`
        : nothing}
      ${this.failed ? html`<p class="error" role="alert">${m.errSaved}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${() => this.back()}>${m.back}</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>${m.submit}</button>
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    const m = this.m;
    if (this.step === 'done') {
      const text = this.service === 'courier' ? (this.notifiedByHub ? m.outcomeCourierHub : m.outcomeCourierPhone) : this.notifiedByHub ? m.outcomeFoodHub : m.outcomeFoodPhone;
      return html`<h1 part="heading">${this.service === 'courier' ? m.courier : m.food}</h1>
        <p role="status">${text}</p>
        <div class="actions"><button class="primary" @click=${() => this.finish()}>${m.done}</button></div>`;
    }
    return html`<h1 part="heading">${this.step === 'details' ? (this.service === 'courier' ? m.courier : m.food) : m.heading}</h1>
      ${this.step === 'choose'
        ? html`<p>${m.intro}</p>
            <div class="choices">
              <button class="primary" @click=${() => this.choose('courier')}>${m.courier}</button>
              <button class="primary" @click=${() => this.choose('food')}>${m.food}</button>
            </div>
            <div class="actions"><button type="button" @click=${() => this.back()}>${m.back}</button></div>`
        : this.renderDetails()}`;
  }
}
