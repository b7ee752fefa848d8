import { LitElement, css, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { LANGUAGE_NAMES, LOCALE_TAGS, type LocaleTag, type Messages } from '../../src/i18n/index.js';
import { LANE_CATALOGUES } from '../../src/i18n/lobby.js';
import { LeafEvent } from '../events.js';
import { buttons, tokens } from '../styles/shared.js';

export type WelcomeAction = 'check-in' | 'scan' | 'check-out' | 'delivery';

/** A parcel, drawn (decorative: the button's text names it). */
const PARCEL_ICON = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10M7.5 5l9 4"/></svg>`;

/**
 * @summary The welcome screen: the site's name, the three ways in, and the language choice.
 * @fires vk-welcome-action - `{ action }` when a visitor picks Check in, Scan invitation or Check out.
 * @fires vk-locale-select - `{ locale }` when a visitor picks a language.
 * @csspart action - each of the three large buttons.
 * @csspart language - each language button.
 */
export class VkWelcome extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 2em;
        margin: 0 0 0.25em;
        line-height: 1.2;
      }
      .intro {
        margin: 0 0 calc(var(--_space) * 2);
        color: var(--_muted);
      }
      .actions {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
        margin-bottom: calc(var(--_space) * 2);
      }
      .actions button {
        min-height: calc(var(--_target) * 2);
        font-size: 1.3em;
      }
      /* A parcel drawn beside the lane's name: a rider who cannot read the screen's language still finds it
         (each screen shows only its own script; the language buttons switch it). */
      .icon {
        width: 1.4em;
        height: 1.4em;
        vertical-align: -0.3em;
        margin-inline-end: 0.3em;
      }
      .languages {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      .languages button[aria-pressed='true'] {
        background: var(--_accent);
        color: var(--_accent-fg);
      }
    `,
  ];

  /** The catalogue of the current language. */
  @property({ attribute: false }) messages!: Messages;
  /** The site's name in the current language. */
  @property({ attribute: false }) siteName = '';
  /** The current language. */
  @property({ attribute: false }) locale: LocaleTag = 'en';
  /** Offer the courier and food-delivery lane (the site's `lobby.kioskLane`). */
  @property({ attribute: false }) delivery = false;

  private handleAction(action: WelcomeAction) {
    this.dispatchEvent(new LeafEvent('vk-welcome-action', { action }));
  }

  private handleLocale(locale: LocaleTag) {
    this.dispatchEvent(new LeafEvent('vk-locale-select', { locale }));
  }

  override render() {
    const m = this.messages;
    return html`
      <h1 part="heading">${this.siteName}</h1>
      <p class="intro">${m.welcome} — ${m.welcomeIntro}</p>
      <div class="actions">
        <button class="primary" part="action button primary-button" @click=${() => this.handleAction('check-in')}>${m.checkIn}</button>
        <button part="action button" @click=${() => this.handleAction('scan')}>${m.scanInvitation}</button>
        <button part="action button" @click=${() => this.handleAction('check-out')}>${m.checkOut}</button>
        ${this.delivery
          ? html`<button part="action button" @click=${() => this.handleAction('delivery')}>
              ${PARCEL_ICON} ${LANE_CATALOGUES[this.locale].delivery}
            </button>`
          : nothing}
      </div>
      <div class="languages" role="group" aria-label=${m.language}>
        ${LOCALE_TAGS.map(
          (tag) => html`<button
            part="language button language-button"
            lang=${tag}
            aria-pressed=${tag === this.locale ? 'true' : 'false'}
            @click=${() => this.handleLocale(tag)}
          >
            ${LANGUAGE_NAMES[tag]}
          </button>`,
        )}
      </div>
    `;
  }
}
