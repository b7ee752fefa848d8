/**
 * `/answer#TOKEN`: the host's one-time answer page (issue 6, "the host's answer"). The hub sends the link by
 * e-mail or through the company's chat bridge when a visitor for this host registers; the page shows who is
 * waiting and offers three large buttons — **Coming down**, **Let them up**, **Not expected**. The token is in
 * the fragment, so no server log holds it; the page hands it to the hub in a request body. The hub records
 * the first answer only: a second visit of the link shows the answer recorded, an expired or damaged link a
 * clear refusal. In the host's language (from the hub's directory), switchable; made for a phone.
 */
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { buttons, tokens } from '../components/styles/shared.js';
import { defineOnce } from '../components/define.js';
import { formatDateTime, messagesFor, resolveLocale, type LocaleTag } from '../src/i18n/index.js';
import { HOST_ANSWER_CATALOGUES } from '../src/i18n/host-answer.js';
import { HOST_ANSWERS, hostAnswerReplySchema, hostLinkViewSchema, type HostAnswer, type HostLinkView } from '../src/schemas/host-answer.js';

/** The languages offered, with their own names (as on the kiosk's welcome screen). */
const LANGUAGES: readonly [LocaleTag, string][] = [
  ['en', 'English'],
  ['zh-Hant', '繁體中文'],
  ['zh-Hans', '简体中文'],
];
/** Where the page asks the hub (the hub that serves it). */
const API = '/api/v1/host-answer';

type Shown =
  | { kind: 'loading' }
  | { kind: 'refused'; reason: 'invalid' | 'expired' | 'failed' }
  | { kind: 'open'; view: Extract<HostLinkView, { state: 'open' }> }
  | { kind: 'answered'; answer: HostAnswer; at: string; timeZone: string; now: boolean };

/** POSTs JSON to the hub; the error code of a refusal, or the parsed body. */
async function post(path: string, body: unknown): Promise<{ ok: true; json: unknown } | { ok: false; code: string }> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { ok: true, json };
    const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
    return { ok: false, code: typeof code === 'string' ? code : 'failed' };
  } catch {
    return { ok: false, code: 'failed' };
  }
}

const refusal = (code: string): 'invalid' | 'expired' | 'failed' => (code === 'host-link-expired' ? 'expired' : code === 'host-link-invalid' || code === 'bad-request' ? 'invalid' : 'failed');

/**
 * @summary The host's answer page: the visitor waiting (name, type, party, time, site) and three large
 * buttons; the recorded answer once answered; a polite refusal for an expired or damaged link.
 */
export class VkAnswerPage extends LitElement {
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
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25em 1em;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
      }
      .answers {
        display: grid;
        gap: var(--_space);
        margin: 1.5em 0;
      }
      .answers button {
        font-size: 1.3em;
        min-height: 4rem;
        width: 100%;
      }
      .languages {
        display: flex;
        gap: 0.5em;
        flex-wrap: wrap;
        margin-top: 2em;
      }
    `,
  ];

  /** The host's language: the hub's directory's, until the host picks another. */
  @state() private locale: LocaleTag = resolveLocale([...navigator.languages]);
  @state() private shown: Shown = { kind: 'loading' };
  @state() private busy = false;
  private token = '';
  private localeChosen = false;
  // A second link opened in the same tab changes only the fragment: no reload, so follow `hashchange`.
  private readonly onHashChange = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    try {
      this.token = decodeURIComponent(location.hash.slice(1));
    } catch {
      this.token = ''; // a malformed %-escape: as incomplete as a cut link
    }
    if (!this.token) {
      this.shown = { kind: 'refused', reason: 'invalid' };
      return;
    }
    this.shown = { kind: 'loading' };
    const reply = await post(`${API}/view`, { token: this.token });
    if (!reply.ok) {
      this.shown = { kind: 'refused', reason: refusal(reply.code) };
      return;
    }
    const view = hostLinkViewSchema.safeParse(reply.json);
    if (!view.success) {
      this.shown = { kind: 'refused', reason: 'failed' };
      return;
    }
    if (!this.localeChosen) this.locale = view.data.locale;
    this.shown = view.data.state === 'open' ? { kind: 'open', view: view.data } : { kind: 'answered', answer: view.data.answer, at: view.data.answeredAt, timeZone: view.data.timeZone, now: false };
  }

  private async answer(answer: HostAnswer): Promise<void> {
    if (this.busy || this.shown.kind !== 'open') return;
    const timeZone = this.shown.view.timeZone;
    this.busy = true;
    try {
      const reply = await post(API, { token: this.token, answer });
      if (!reply.ok) {
        this.shown = { kind: 'refused', reason: refusal(reply.code) };
        return;
      }
      const parsed = hostAnswerReplySchema.safeParse(reply.json);
      this.shown = parsed.success ? { kind: 'answered', answer: parsed.data.answer, at: parsed.data.answeredAt, timeZone, now: parsed.data.recorded } : { kind: 'refused', reason: 'failed' };
    } finally {
      this.busy = false;
    }
  }

  private chooseLocale(tag: LocaleTag): void {
    this.localeChosen = true;
    this.locale = tag;
  }

  private renderBody() {
    const m = HOST_ANSWER_CATALOGUES[this.locale].page;
    const s = this.shown;
    switch (s.kind) {
      case 'loading':
        return html`<p role="status">${m.loading}</p>`;
      case 'refused':
        return html`<p role="alert">${s.reason === 'expired' ? m.expired : s.reason === 'invalid' ? m.invalid : m.failed}</p>
          ${s.reason === 'failed' ? html`<button type="button" @click=${() => void this.load()}>${m.retry}</button>` : nothing}`;
      case 'answered': {
        const label = m.answers[s.answer];
        return html`<p role="status">${s.now ? m.thanks(label) : m.already(label, formatDateTime(new Date(s.at), this.locale, s.timeZone))}</p>`;
      }
      case 'open': {
        const v = s.view;
        const at = (iso: string) => formatDateTime(new Date(iso), this.locale, v.timeZone);
        return html`<p>${m.intro(v.siteName, at(v.registeredAt), v.unit)}</p>
          <dl>
            <dt>${m.name}</dt>
            <dd>${v.visitorName || '—'}</dd>
            <dt>${m.type}</dt>
            <dd>${messagesFor(this.locale).visitorTypes[v.visitorType]}</dd>
            <dt>${m.party}</dt>
            <dd>${v.partySize}</dd>
          </dl>
          <h2>${m.question}</h2>
          <div class="answers">
            ${HOST_ANSWERS.map(
              (a, i) => html`<button type="button" class=${i === 0 ? 'primary' : ''} ?disabled=${this.busy} @click=${() => void this.answer(a)}>${m.answers[a]}</button>`,
            )}
          </div>
          <p>${m.validUntil(at(v.expiresAt))}</p>`;
      }
    }
  }

  override render() {
    const m = HOST_ANSWER_CATALOGUES[this.locale].page;
    document.documentElement.lang = this.locale;
    document.title = m.title;
    return html`<main>
      <h1>${m.title}</h1>
      ${this.renderBody()}
      <div class="languages">
        ${LANGUAGES.map(([tag, name]) => html`<button type="button" lang=${tag} aria-pressed=${this.locale === tag ? 'true' : 'false'} @click=${() => this.chooseLocale(tag)}>${name}</button>`)}
      </div>
    </main>`;
  }
}

defineOnce('vk-answer-page', VkAnswerPage);

declare global {
  interface HTMLElementTagNameMap {
    'vk-answer-page': VkAnswerPage;
  }
}
