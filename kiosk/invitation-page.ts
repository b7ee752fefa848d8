/**
 * `/invitation#TOKEN`: the page a host forwards to an invited visitor (issue 5, item 9). It shows the code to
 * hold up to the kiosk's camera, large and high-contrast, with what the token says (unit, validity, days and
 * hours of a pass) in the visitor's language. The token travels in the fragment, so it never reaches a server
 * or its logs; nothing here is verified or decided — the kiosk verifies at the door (`verifyToken`).
 */
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import QRCode from 'qrcode';
import { buttons, tokens } from '../components/styles/shared.js';
import { defineOnce } from '../components/define.js';
import { formatDateTime, messagesFor, resolveLocale, type LocaleTag } from '../src/i18n/index.js';
import { peekToken } from '../src/invite/tokens.js';

/** Minutes after midnight → `HH:MM`. */
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The languages offered, with their own names (as on the kiosk's welcome screen). */
const LANGUAGES: readonly [LocaleTag, string][] = [
  ['en', 'English'],
  ['zh-Hant', '繁體中文'],
  ['zh-Hans', '简体中文'],
];

/**
 * @summary The visitor's own invitation on their phone: the QR code, the unit, the validity, and for a pass
 * its days and hours; a polite message when the link is incomplete. Language from the browser, switchable.
 */
export class VkInvitationPage extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        max-width: 32rem;
        margin: 0 auto;
        padding: var(--_space);
        font-size: 1.1rem;
        color: var(--_fg);
      }
      h1 {
        font-size: 1.5em;
      }
      img {
        display: block;
        width: min(80vw, 320px);
        height: auto;
        margin: 1em auto;
        background: #fff;
        padding: 12px;
        image-rendering: pixelated;
      }
      .languages {
        display: flex;
        gap: 0.5em;
        flex-wrap: wrap;
      }
    `,
  ];

  @state() private locale: LocaleTag = resolveLocale([document.documentElement.lang === 'en' ? undefined : document.documentElement.lang, ...navigator.languages]);
  @state() private qr = '';
  @state() private peeked: ReturnType<typeof peekToken>;
  // A second link opened in the same tab changes only the fragment: no reload, so follow `hashchange`.
  private readonly onHashChange = () => this.read();
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.read();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  private read() {
    let token = '';
    try {
      token = decodeURIComponent(location.hash.slice(1));
    } catch {
      // a malformed %-escape: as incomplete as a cut link
    }
    this.peeked = peekToken(token);
    this.qr = '';
    if (!this.peeked) return;
    // Error correction M, as the kiosk's scanner is measured with (src/invite/qr.ts); SVG scales crisply.
    const generation = ++this.generation;
    void QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((svg) => {
      // Only the code of the link still shown: a slower, older rendering must not replace it.
      if (generation === this.generation) this.qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    });
  }

  override render() {
    const m = messagesFor(this.locale).invitationPage;
    document.documentElement.lang = this.locale;
    document.title = m.title;
    const languages = html`<div class="languages">
      ${LANGUAGES.map(([tag, name]) => html`<button type="button" lang=${tag} aria-pressed=${this.locale === tag ? 'true' : 'false'} @click=${() => (this.locale = tag)}>${name}</button>`)}
    </div>`;
    const peeked = this.peeked;
    if (!peeked) return html`<main><h1>${m.title}</h1><p role="alert">${m.incomplete}</p>${languages}</main>`;
    const c = peeked.claims;
    // The site's zone is not in the token: times show in the phone's zone, which is the visitor's own.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const at = (seconds: number) => formatDateTime(new Date(seconds * 1000), this.locale, zone);
    const pass = peeked.kind === 'pass' ? peeked.claims : undefined;
    const days = pass?.wd === undefined ? undefined : m.weekdayNames.filter((_, day) => (pass.wd! >> day) & 1).join(', ');
    return html`<main>
      <h1>${m.title}</h1>
      <p>${m.instructions}</p>
      ${this.qr ? html`<img src=${this.qr} alt=${m.qrAlt} />` : nothing}
      <p>${m.visiting(c.h)}</p>
      <p>${m.validBetween(at(c.nbf), at(c.exp))}</p>
      ${c.p && c.p > 1 ? html`<p>${m.party(c.p)}</p>` : nothing} ${days ? html`<p>${m.passDays(days)}</p>` : nothing}
      ${pass?.hr ? html`<p>${m.passHours(hhmm(pass.hr[0]), hhmm(pass.hr[1]))}</p>` : nothing} ${languages}
    </main>`;
  }
}

defineOnce('vk-invitation-page', VkInvitationPage);

declare global {
  interface HTMLElementTagNameMap {
    'vk-invitation-page': VkInvitationPage;
  }
}
