import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

/** Types a guard picks with one tap; anything else goes through the full registration. */
export const FAST_TYPES = ['visiting-resident', 'contractor', 'courier', 'food-delivery', 'domestic-helper', 'business'] as const;
export type FastType = (typeof FAST_TYPES)[number];

export interface FastEntryDetail {
  surname: string;
  unit: string;
  visitorType: FastType;
  idSighted: boolean;
  partySize: number;
}

/**
 * @summary The guard's fast entry: surname, unit, one tap for the type, "ID sighted", party size — under
 * ten seconds with a keyboard (Enter adds). The form clears itself after each entry.
 * @fires vk-fast-entry - `FastEntryDetail`.
 */
export class VkFastEntry extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        font-size: var(--vk-desk-font-size, 16px);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
      }
      label {
        display: block;
        font-weight: 600;
      }
      input[type='text'],
      input[type='number'] {
        font: inherit;
        min-height: 48px;
        padding: 0 0.5em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        width: 9em;
      }
      input[type='number'] {
        width: 5em;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      legend {
        font-weight: 600;
        width: 100%;
      }
      fieldset button[aria-pressed='true'] {
        background: var(--_accent);
        color: var(--_accent-fg);
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.5em;
        min-height: 48px;
      }
      .check input {
        width: 24px;
        height: 24px;
      }
    `,
  ];

  @property({ attribute: false }) messages!: DeskMessages;
  @state() private surname = '';
  @state() private unit = '';
  @state() private type: FastType = 'visiting-resident';
  @state() private idSighted = true;
  @state() private partySize = 1;

  private handleSubmit(e: Event) {
    e.preventDefault();
    const surname = this.surname.trim();
    const unit = this.unit.trim();
    if (!surname || !unit) return;
    this.dispatchEvent(
      new LeafEvent<FastEntryDetail>('vk-fast-entry', {
        surname,
        unit,
        visitorType: this.type,
        idSighted: this.idSighted,
        partySize: Math.max(1, Math.min(50, Math.floor(this.partySize) || 1)),
      }),
    );
    this.surname = '';
    this.unit = '';
    this.partySize = 1;
    this.renderRoot.querySelector<HTMLInputElement>('#surname')?.focus();
  }

  override render() {
    const m = this.messages;
    return html`<form @submit=${this.handleSubmit}>
      <div>
        <label for="surname">${m.surname}</label>
        <input id="surname" type="text" autocomplete="off" required .value=${this.surname} @input=${(e: InputEvent) => (this.surname = (e.target as HTMLInputElement).value)} />
      </div>
      <div>
        <label for="unit">${m.unit}</label>
        <input id="unit" type="text" autocomplete="off" required .value=${this.unit} @input=${(e: InputEvent) => (this.unit = (e.target as HTMLInputElement).value)} />
      </div>
      <fieldset>
        <legend>${m.visitorType}</legend>
        ${FAST_TYPES.map(
          (t) => html`<button type="button" aria-pressed=${this.type === t ? 'true' : 'false'} @click=${() => (this.type = t)}>${m.typeLabels[t]}</button>`,
        )}
      </fieldset>
      <div class="check">
        <input id="sighted" type="checkbox" .checked=${this.idSighted} @change=${(e: Event) => (this.idSighted = (e.target as HTMLInputElement).checked)} />
        <label for="sighted">${m.idSighted}</label>
      </div>
      <div>
        <label for="party">${m.partySize}</label>
        <input id="party" type="number" min="1" max="50" .value=${String(this.partySize)} @input=${(e: InputEvent) => (this.partySize = Number((e.target as HTMLInputElement).value))} />
      </div>
      <button class="primary" part="button primary-button" type="submit">${m.add}</button>
    </form>`;
  }
}
