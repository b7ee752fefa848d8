import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import '../components/vk-help/define.js';
import '../components/vk-idle-warning/define.js';
import '../components/vk-info-screen/define.js';
import '../components/vk-invitation-code/define.js';
import '../components/vk-outcome/define.js';
import '../components/vk-welcome/define.js';
import { DEFAULT_IDLE_SECONDS, IdleController, type IdleHost } from '../components/controllers/idle-controller.js';
import { WakeLockController } from '../components/controllers/wake-lock-controller.js';
import { WedgeController } from '../components/controllers/wedge-controller.js';
import { ExportPartsController } from '../components/controllers/export-parts-controller.js';
import { isolation, themes } from '../components/styles/themes.js';
import type { LeafEvent } from '../components/events.js';
import type { VkHelp } from '../components/vk-help/vk-help.js';
import type { FormNextDetail, MessageInput } from '../components/vk-walk-in-form/vk-walk-in-form.js';
import type { WelcomeAction } from '../components/vk-welcome/vk-welcome.js';
import { DEMO_SITE, DEMO_SITE_CN } from '../src/domain/demo-site.js';
import { KioskError, type ErrorCode } from '../src/domain/errors.js';
import type { SiteConfig } from '../src/domain/site.js';
import type { Visit, VisitDraft } from '../src/domain/visit.js';
import type { WalkInInput } from '../src/domain/walk-in.js';
import { formatDateTime, messagesFor, resolveLocale, type LocaleTag, type Messages } from '../src/i18n/index.js';
import { HOST_ANSWER_CATALOGUES } from '../src/i18n/host-answer.js';
import type { HostAnswer } from '../src/schemas/host-answer.js';
import { LocaleChangeEvent, SyncStateChangeEvent, VisitCheckedInEvent, VisitCheckedOutEvent, VisitRegisteredEvent } from './events.js';
import { blankWalkIn, nextScreen, type Action, type Screen } from './flow.js';
import { askPersistence, callForHelp, visitStore } from './storage-bridge.js';
import type { KioskSync } from './sync-bridge.js';
import { sealRecordedIdentity } from './identity-seal.js';

/** How long the outcome stays before the kiosk returns to the start (CONTRACT.md: within 10 s). */
export const OUTCOME_SECONDS = 8;
/** How often the outcome screen asks the hub whether the host answered: cheap (one indexed read), prompt. */
const HOST_ANSWER_POLL_MS = 1000;
/**
 * How long the outcome waits for a host who was sent a link (CONTRACT.md's 10 s return applies otherwise):
 * two minutes covers a host reading a message upstairs; the idle reset (`idle-timeout`) still clears it first.
 */
export const HOST_ANSWER_WAIT_SECONDS = 120;
/** Lower bound for `idle-timeout`: tests use 1 s; anything below would reset a visitor mid-tap. */
const MIN_IDLE_SECONDS = 1;

/** Sites a standalone kiosk knows by id (`site` attribute) until a hub provides the configuration. */
const BUILT_IN_SITES: readonly SiteConfig[] = [DEMO_SITE, DEMO_SITE_CN];

/** Loads the form's chunk (and with it the phone-number library) only when a visitor taps Check in. */
const loadForm = () => import('../components/vk-walk-in-form/define.js');
/** The camera and its decoder (WebAssembly): loaded when a scan screen opens, never for the welcome screen. */
const loadScanner = () => import('../components/vk-camera-view/define.js');
/** Token verification, admission, badges and check-out: loaded with the scan screens. */
const loadTokens = () =>
  Promise.all([
    import('./token-bridge.js'),
    import('../components/vk-invitation-confirm/define.js'),
    import('../components/vk-feedback/define.js'),
    import('../components/vk-badge/define.js'),
  ]).then(([tokens]) => tokens);
type Tokens = Awaited<ReturnType<typeof loadTokens>>;
type Arrival = { result: Extract<Awaited<ReturnType<Tokens['verifyArrival']>>, { ok: true }>; draft: VisitDraft };
type Outcome =
  | { kind: 'registered' | 'message-left' | 'checked-in'; host: string; at: Date }
  | { kind: 'checked-out'; at: Date; feedback: boolean };

/** A fresh, unguessable token per registration for field names and autocomplete tokens. */
const newNonce = (): string => Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * @tagname visitor-kiosk
 * @summary `<visitor-kiosk>`: the lobby kiosk. Visitors choose a language, register as walk-ins and are
 * told what happens next; every record is stored durably on the device before "saved" is shown.
 * @fires vk-visit-registered - `{ visitId, at }` once a record is durably stored.
 * @fires vk-visit-checked-in - `{ visitId, at }` when a valid invitation admits the visitor.
 * @fires vk-visit-checked-out - `{ visitId, at }` when the visitor leaves (a badge scanned on Check out).
 * @fires vk-sync-state-change - `{ pending, online, lastSyncAt }` when the pending count or online state changes.
 * @fires vk-locale-change - `{ locale }` when the language changes (a tap, `setLanguage()`, `lang`, a reset).
 * @attr lang - `en`, `zh-Hant` or `zh-Hans`: the language the kiosk starts in and returns to after each
 *   visitor; absent, the page's `<html lang>`, then the browser's languages, then English.
 * @cssproperty --vk-color-accent - buttons and focus accents.
 * @cssproperty --vk-font-family - the font stack (the host's is respected when set).
 * @cssproperty --vk-touch-target - minimum button height (never below 48 px).
 * @csspart screen - the area that holds the current screen.
 * @csspart heading - each screen's level-one heading.
 * @csspart button - every button (with `primary-button`, `language-button` or `help-button` where it is one).
 * @csspart primary-button - the screen's main action (Check in, Next, Submit, Done…).
 * @csspart language-button - the three language buttons of the welcome screen.
 * @csspart help-button - Ask staff for help.
 * @csspart field - text fields, choices and text areas of the forms.
 * @csspart outcome - the outcome message (`role="status"`).
 * @csspart viewfinder - the camera view of the scan screens.
 * @cssproperty --vk-color-background - page colour (also --vk-color-text, -muted, -surface, -border, -danger, -on-accent; docs/theming.md).
 * @cssproperty --vk-radius - corner radius of buttons and fields.
 * @cssproperty --vk-space - the base spacing.
 * @cssproperty --vk-font-size - the base type size (default by the element's width: 17, 20 or 28 px).
 * @cssproperty --vk-focus-ring - the focus outline (default `3px solid #ffbf47`).
 */
export class VisitorKiosk extends LitElement implements IdleHost {
  static override styles = [
    themes,
    isolation,
    css`
    :host {
      display: block;
      background: var(--vk-color-background, #ffffff);
      color: var(--vk-color-text, #1a1a1a);
      /* Inherited unless the token is set: the host's font stack (components/styles/themes.ts). */
      font-family: var(--vk-font-family);
      container-type: inline-size;
    }
    .kiosk {
      display: flex;
      flex-direction: column;
      gap: var(--vk-space, 16px);
      max-width: 960px; /* px, not rem: a host page's root font size must not resize the kiosk */
      margin: 0 auto;
      padding: var(--vk-space, 16px);
      min-height: var(--vk-kiosk-min-height, auto);
    }
    /* A 27-inch lobby screen: the screens grow with the type (components/styles/shared.ts sizes). */
    @container (min-width: 1600px) {
      .kiosk {
        max-width: 1440px;
      }
    }
    .screen {
      flex: 1;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    /* Printing shows the badge alone. */
    @media print {
      .kiosk > :not(vk-badge) {
        display: none !important;
      }
      .kiosk {
        padding: 0;
        min-height: 0;
      }
    }
    /* Staff's sync indicator: small, in the corner, announced politely (never role=status: that is the outcome's). */
    .pending {
      margin: 0;
      align-self: flex-end;
      color: var(--vk-color-muted, #4a4a4a);
      font-size: 0.8em;
    }
  `,
  ];

  private readonly idle = new IdleController(this);
  /** Forwards the leaves' public parts (docs/theming.md) so `visitor-kiosk::part(…)` reaches them. */
  protected readonly parts = new ExportPartsController(this);
  protected readonly wakeLock = new WakeLockController(this);
  /** Codes from keyboard-wedge scanners typed anywhere on the scan screens, not only into the field. */
  private readonly wedge = new WedgeController(this, (code) => {
    if (this.screen === 'scan') void this.handleArrivalCode(code);
    else if (this.screen === 'check-out') void this.handleBadgeCode(code);
  });

  /** Idle reset in seconds (CONTRACT.md `idle-timeout`, default 60, honoured down to 1). */
  @property({ attribute: 'idle-timeout', type: Number }) idleTimeout = DEFAULT_IDLE_SECONDS;
  /** Base URL of a hub; absent = standalone, nothing leaves the device. */
  @property() hub = '';
  /** Site id: a built-in site (`demo`, `demo-cn`) until the hub's configuration for a paired kiosk arrives. */
  @property() site = '';
  /** IndexedDB database name (tests give each run its own; a host running two kiosks on one origin may too). */
  @property({ attribute: false }) dbName = 'visitor-kiosk';
  /** URL of the site configuration (JSON, validated on arrival); until a hub exists, `npm start` serves `/site.json`. */
  @property({ attribute: 'config-src' }) configSrc = '';
  /** `light` (default), `dark`, `high-contrast` or `auto` (dark when the device prefers it): docs/theming.md. */
  @property({ reflect: true }) theme: '' | 'light' | 'dark' | 'high-contrast' | 'auto' = '';

  @state() private screen: Screen = 'welcome';
  @state() private locale: LocaleTag = 'en';
  @state() private input: WalkInInput = blankWalkIn();
  @state() private note: MessageInput = { text: '', callbackPhone: '' };
  @state() private draft: VisitDraft | undefined;
  @state() private saving = false;
  @state() private saveError: ErrorCode | undefined;
  @state() private outcome: Outcome | undefined;
  /** A verified invitation or pass waiting for the visitor's Confirm. */
  @state() private arrival: Arrival | undefined;
  /** Why a code was refused: an error code, or `badge-unknown`. */
  @state() private refusal: string | undefined;
  /** The visit just checked out, for the satisfaction question. */
  @state() private leaving: string | undefined;
  /** The badge to print after an invited check-in. */
  @state() private badge: { name: string; host: string; validity: string; visitorType: string; qr: string } | undefined;
  @state() private scannerReady = false;
  /**
   * The last badge's check-out code, kept for a reprint until the kiosk resets (public for the badge test only).
   * @internal
   */
  badgeToken = '';
  @state() private outcomeLeft = OUTCOME_SECONDS;
  /** The host's answer to the visit on the outcome screen (hub mode): the link is out, or what they tapped. */
  @state() private hostAnswer: HostAnswer | 'waiting' | undefined;
  @state() private fieldNonce = newNonce();
  @state() private formReady = false;
  @state() private pending = 0;
  @state() private siteConfig: SiteConfig = DEMO_SITE;
  /** When the hub last acknowledged or answered (paired kiosks), for the staff's indicator. */
  @state() private lastSyncAt: string | null = null;
  @state() private syncOnline = true;
  @state() private syncPaired = false;

  @query('vk-help') private help!: VkHelp;

  private defaultLocale: LocaleTag = 'en';
  /** Pairing and sync (kiosk/sync-bridge.ts), loaded after the welcome screen. */
  private sync: KioskSync | undefined;
  /** The hub's configuration is in force: a `config-src` answer arriving later must not replace it. */
  private hubConfigured = false;
  /** Whether `vk-sync-state-change` was dispatched yet (the first state is announced even if it is all zeros). */
  private syncAnnounced = false;
  private outcomeTimer: ReturnType<typeof setInterval> | undefined;
  private readonly onOnline = () => void this.announceSyncState();

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** The site this kiosk serves (validated by the caller with `parseSiteConfig`); defaults to the demo site. */
  get config(): SiteConfig {
    return this.siteConfig;
  }
  set config(value: SiteConfig) {
    this.siteConfig = value;
    this.reset();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) {
      this.defaultLocale = this.computeDefaultLocale();
      this.locale = this.defaultLocale;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.defaultLocale = this.computeDefaultLocale();
    this.locale = this.defaultLocale;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOnline);
    this.stopOutcomeTimer();
    this.clearVisitor();
    void this.sync?.stop();
    this.sync = undefined;
  }

  override firstUpdated(): void {
    performance.mark('vk:welcome-interactive');
    // Storage is not needed to show the welcome screen: open it (and ask for persistence) just after.
    const later = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1));
    later(() => {
      void askPersistence(this.dbName).catch(() => undefined);
      void this.startSync();
    });
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('site') && this.site) {
      const known = BUILT_IN_SITES.find((s) => s.id === this.site);
      if (known && known !== this.siteConfig) this.config = known;
    }
    if (changed.has('configSrc') && this.configSrc) void this.loadConfig(this.configSrc);
  }

  /**
   * Fetches and validates the site configuration. A configuration that does not parse is refused and the one
   * in force stays (its error path goes to the console for whoever set the kiosk up — no personal data in it).
   */
  private async loadConfig(src: string): Promise<void> {
    // The last configuration that parsed is kept (it holds public keys and unit labels, nothing personal), so
    // a kiosk started with no network still verifies invitations.
    const cacheKey = `vk-site-config:${src}`;
    let text: string | null = null;
    try {
      const response = await fetch(src, { credentials: 'same-origin', cache: 'no-cache' });
      if (response.ok) text = await response.text();
    } catch {
      // offline: fall back to the kept copy below
    }
    const { parseSiteConfig } = await import('../src/schemas/site.js');
    for (const candidate of [text, localStorage.getItem(cacheKey)]) {
      if (candidate === null || this.hubConfigured) continue;
      let json: unknown;
      try {
        json = JSON.parse(candidate);
      } catch {
        continue;
      }
      const parsed = parseSiteConfig(json);
      if (!parsed.ok) {
        console.warn(`<visitor-kiosk>: site configuration refused at ${String(parsed.details?.['path'] ?? '')}`);
        continue;
      }
      if (candidate === text) localStorage.setItem(cacheKey, candidate);
      // A new configuration never interrupts a visitor: it waits for the welcome screen.
      this.siteConfig = parsed.value;
      if (this.screen === 'welcome') this.reset();
      return;
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('screen') || changed.has('locale') || changed.has('idleTimeout')) this.syncIdle(changed.has('idleTimeout'));
    this.wedge.active = this.screen === 'scan' || this.screen === 'check-out';
    if (changed.has('locale')) this.dispatchEvent(new LocaleChangeEvent({ locale: this.locale }));
  }

  /** Whether a visitor is using the kiosk (any screen but the welcome screen): updates wait until it is not. */
  get inUse(): boolean {
    return this.screen !== 'welcome';
  }

  /** The current language (for a host page that mirrors it, e.g. in `<html lang>`). */
  get currentLocale(): LocaleTag {
    return this.locale;
  }

  /** Clears everything about the current visitor and shows the welcome screen in the default language. */
  reset(): void {
    this.stopOutcomeTimer();
    this.clearVisitor();
    this.screen = 'welcome';
    this.locale = this.defaultLocale;
    this.help?.close();
  }

  /** Switches the language (as the welcome screen's buttons do). */
  setLanguage(locale: LocaleTag): void {
    this.locale = locale;
  }

  /**
   * Called by the idle controller when nobody has touched the kiosk for `idle-timeout` seconds.
   * @internal
   */
  handleIdle(): void {
    this.reset();
  }

  private computeDefaultLocale(): LocaleTag {
    return resolveLocale([this.getAttribute('lang'), document.documentElement.lang, ...navigator.languages, this.siteConfig.defaultLocale]);
  }

  private clearVisitor(): void {
    this.hostAnswer = undefined;
    this.input = blankWalkIn();
    this.note = { text: '', callbackPhone: '' };
    this.draft = undefined;
    this.outcome = undefined;
    this.arrival = undefined;
    this.refusal = undefined;
    this.leaving = undefined;
    this.badge = undefined;
    this.badgeToken = '';
    this.saveError = undefined;
    this.fieldNonce = newNonce();
  }

  /** The countdown runs whenever there is something to clear: any screen but a clean welcome screen. */
  private syncIdle(timeoutChanged: boolean): void {
    const dirty = this.screen !== 'welcome' || this.locale !== this.defaultLocale;
    // A new timeout set by the host page applies at once, also in the middle of a visit.
    if (dirty) {
      if (this.idle.remaining === undefined || timeoutChanged) this.idle.start(Math.max(MIN_IDLE_SECONDS, this.idleTimeout || DEFAULT_IDLE_SECONDS));
    } else this.idle.stop();
  }

  private async go(action: Action) {
    const to = nextScreen(this.screen, action);
    if (to === 'form' && !this.formReady) {
      await loadForm();
      this.formReady = true;
    }
    if ((to === 'scan' || to === 'check-out') && !this.scannerReady) {
      // The screen opens at once (its code field works before the camera does); the camera element upgrades
      // when its chunk arrives, and a code typed meanwhile waits for the verifier in handleArrivalCode.
      void Promise.all([loadScanner(), loadTokens()]).then(() => (this.scannerReady = true));
    }
    // The delivery lane's chunk (kiosk/delivery/) loads on the rider's tap: the welcome screen does not carry it.
    if (to === 'delivery') await import('./delivery/define.js');
    if (to === 'welcome') {
      // Back keeps the visitor's language (they may try another way in); Done and idle start afresh.
      if (action === 'back') {
        this.clearVisitor();
        this.screen = 'welcome';
      } else this.reset();
      return;
    }
    this.screen = to;
  }

  private handleFormNext(e: LeafEvent<FormNextDetail>) {
    this.input = e.detail.input;
    this.note = e.detail.message;
    this.draft = e.detail.draft;
    this.saveError = undefined;
    void this.go('next');
  }

  /** "Ask staff for help": the desks of this device hear it through storage, a paired kiosk's hub rings the rest. */
  private handleHelpRequest() {
    void callForHelp(this.dbName, this.siteConfig.id).catch(() => undefined);
    void this.sync?.callForHelp();
  }

  private async handleSubmit() {
    if (this.saving || !this.draft) return;
    this.saving = true;
    this.saveError = undefined;
    performance.mark('vk:submit');
    try {
      const draft = await sealRecordedIdentity(this.draft, this.input.idNumber, this.siteConfig);
      const store = await visitStore(this.dbName);
      const visit = await store.register(draft, {
        siteId: this.siteConfig.id,
        timeZone: this.siteConfig.timeZone,
        now: new Date(),
        ...(draft.message ? { status: 'host-absent' as const } : {}),
      });
      this.outcome = { kind: draft.message ? 'message-left' : 'registered', host: draft.host.label, at: new Date(visit.createdAt) };
      // Nothing typed stays in memory once the record is safe.
      this.input = blankWalkIn();
      this.note = { text: '', callbackPhone: '' };
      this.draft = undefined;
      this.screen = 'outcome';
      this.startOutcomeTimer();
      if (!draft.message) void this.watchHostAnswer(visit.id);
      await this.updateComplete;
      performance.mark('vk:status-shown');
      performance.measure('vk:submit-to-status', 'vk:submit', 'vk:status-shown');
      this.dispatchEvent(new VisitRegisteredEvent({ visitId: visit.id, at: visit.createdAt }));
      void this.announceSyncState();
    } catch (err) {
      this.saveError = err instanceof KioskError ? err.code : 'storage-failed';
    } finally {
      this.saving = false;
    }
  }

  /** A code read on the Scan invitation screen, by the camera or a keyboard-wedge scanner. */
  private async handleArrivalCode(code: string) {
    if (this.screen !== 'scan') return;
    const tokens = await loadTokens();
    const result = await tokens.verifyArrival(code, this.siteConfig, this.dbName);
    if (this.screen !== 'scan') return; // the visitor moved on (or the kiosk reset) meanwhile
    if (!result.ok) {
      this.refusal = result.code;
      void this.go('refused');
      return;
    }
    this.arrival = { result, draft: { ...tokens.arrivalDraft(result, this.siteConfig, new Date()), lang: this.locale } };
    void this.go('accepted');
  }

  private async handleConfirmArrival() {
    const arrival = this.arrival;
    if (!arrival || this.saving) return;
    this.saving = true;
    try {
      const tokens = await loadTokens();
      const visit = await tokens.admit(arrival.result, arrival.draft, this.siteConfig, this.dbName);
      this.arrival = undefined;
      this.outcome = { kind: 'checked-in', host: visit.host.label, at: new Date(visit.createdAt) };
      this.screen = 'outcome';
      this.startOutcomeTimer();
      this.dispatchEvent(new VisitRegisteredEvent({ visitId: visit.id, at: visit.createdAt }));
      this.dispatchEvent(new VisitCheckedInEvent({ visitId: visit.id, at: visit.updatedAt }));
      void this.announceSyncState();
      if (this.siteConfig.printer) await this.printBadge(tokens, visit);
    } catch (err) {
      this.refusal = err instanceof KioskError ? err.code : 'storage-failed';
      this.arrival = undefined;
      this.screen = 'refused';
    } finally {
      this.saving = false;
    }
  }

  /**
   * Prints the badge with its signed check-out code. Only where the site has a printer: an unattended kiosk
   * must not show a print dialog to a visitor (deployments run Chromium with `--kiosk-printing`).
   */
  private async printBadge(tokens: Tokens, visit: Visit) {
    const m = messagesFor(this.locale);
    const token = await tokens.badgeToken(visit, this.siteConfig, this.dbName);
    this.badge = {
      name: visit.visitor.fullName,
      host: visit.host.label,
      validity: formatDateTime(new Date(visit.createdAt), this.locale, this.siteConfig.timeZone),
      visitorType: m.visitorTypes[visit.visitorType],
      qr: await tokens.qrDataUrl(token),
    };
    this.badgeToken = token;
    await this.updateComplete;
    await this.renderRoot.querySelector('vk-badge')?.updateComplete;
    window.print();
  }

  /** A badge presented on the Check out screen. */
  private async handleBadgeCode(code: string) {
    if (this.screen !== 'check-out') return;
    const tokens = await loadTokens();
    const result = await tokens.checkOutWithBadge(code, this.siteConfig, this.dbName);
    if (this.screen !== 'check-out') return;
    if (!result.ok) {
      this.refusal = result.code;
      void this.go('refused');
      return;
    }
    this.leaving = result.visit.id;
    this.dispatchEvent(new VisitCheckedOutEvent({ visitId: result.visit.id, at: result.visit.updatedAt }));
    void this.announceSyncState();
    void this.go('accepted');
  }

  private async handleFeedback(answer: { rating: 'satisfied' | 'basically-satisfied' | 'dissatisfied'; reason: string } | undefined) {
    const visitId = this.leaving;
    if (visitId && answer) {
      const tokens = await loadTokens();
      await tokens.recordFeedback(visitId, answer.rating, answer.reason, this.dbName).catch(() => undefined);
    }
    this.leaving = undefined;
    this.outcome = { kind: 'checked-out', at: new Date(), feedback: answer !== undefined };
    this.screen = 'outcome';
    this.startOutcomeTimer();
  }

  private startOutcomeTimer(seconds = OUTCOME_SECONDS) {
    this.stopOutcomeTimer();
    const end = Date.now() + seconds * 1000;
    this.outcomeLeft = seconds;
    this.outcomeTimer = setInterval(() => {
      this.outcomeLeft = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      if (this.outcomeLeft === 0) this.reset();
    }, 250);
  }

  private stopOutcomeTimer() {
    if (this.outcomeTimer !== undefined) clearInterval(this.outcomeTimer);
    this.outcomeTimer = undefined;
  }

  /**
   * The host's answer (issue 6): on a paired kiosk, asks the hub every HOST_ANSWER_POLL_MS whether the host of
   * the visit just registered was sent a one-time link. While the link is out the outcome stays up to
   * HOST_ANSWER_WAIT_SECONDS (its countdown says so; Done and the idle reset still clear it); the answer
   * replaces the message — "Your host is coming down" — and the usual countdown starts. Nothing is asked when
   * the hub has no link for the visit (no contact, or the desk handles this arrival).
   */
  private async watchHostAnswer(visitId: string): Promise<void> {
    const sync = this.sync;
    if (!sync?.paired) return;
    const outcome = this.outcome;
    const still = () => this.isConnected && this.screen === 'outcome' && this.outcome === outcome;
    let waitingSince: number | undefined;
    while (still()) {
      await new Promise((resolve) => setTimeout(resolve, HOST_ANSWER_POLL_MS));
      if (!still()) return;
      const reply = await sync.hostAnswer(visitId);
      if (!still()) return;
      if (reply?.status === 'none' || reply?.status === 'expired') break;
      if (reply?.status === 'answered' && reply.answer) {
        this.hostAnswer = reply.answer;
        this.startOutcomeTimer();
        return;
      }
      if (reply?.status === 'waiting' && waitingSince === undefined) {
        waitingSince = Date.now();
        this.hostAnswer = 'waiting';
        this.startOutcomeTimer(HOST_ANSWER_WAIT_SECONDS);
      }
      if (waitingSince !== undefined && Date.now() - waitingSince >= HOST_ANSWER_WAIT_SECONDS * 1000) return;
    }
    // No link, or it ran out: the usual countdown, if the wait had replaced it.
    if (still() && waitingSince !== undefined) {
      this.hostAnswer = undefined;
      this.startOutcomeTimer();
    }
  }

  /** Pairs (`?pair=CODE`) and syncs when paired; standalone otherwise (kiosk/sync-bridge.ts). */
  private async startSync() {
    try {
      const { KioskSync } = await import('./sync-bridge.js');
      const sync = await KioskSync.start({
        dbName: this.dbName,
        hub: this.hub,
        onSyncState: (state) => this.handleSyncState(state),
        onHubSite: (site) => this.handleHubSite(site),
      });
      if (this.isConnected) this.sync = sync;
      else void sync.stop();
    } catch {
      void this.announceSyncState(); // the sync module failed to load: standalone, as before
    }
  }

  private handleSyncState(state: { pending: number; online: boolean; lastSyncAt: string | null; paired: boolean }) {
    const changed = state.pending !== this.pending || state.online !== this.syncOnline || state.lastSyncAt !== this.lastSyncAt || !this.syncAnnounced;
    this.pending = state.pending;
    this.syncOnline = state.online;
    this.lastSyncAt = state.lastSyncAt;
    this.syncPaired = state.paired;
    if (!changed) return;
    this.syncAnnounced = true;
    this.dispatchEvent(new SyncStateChangeEvent({ pending: state.pending, online: state.online, lastSyncAt: state.lastSyncAt }));
  }

  /** The hub's configuration for this kiosk's site: it wins over `config-src`, and waits for the welcome screen. */
  private handleHubSite(site: SiteConfig) {
    this.hubConfigured = true;
    this.siteConfig = site;
    if (this.screen === 'welcome') this.reset();
  }

  private async announceSyncState() {
    if (this.sync) {
      this.sync.wake();
      return;
    }
    try {
      const store = await visitStore(this.dbName);
      this.pending = await store.pendingCount();
    } catch {
      // The count is informative; a failing database shows up where it matters, on Submit.
    }
    this.dispatchEvent(new SyncStateChangeEvent({ pending: this.pending, online: navigator.onLine, lastSyncAt: null }));
  }

  private renderScreen(m: Messages) {
    const site = this.siteConfig;
    switch (this.screen) {
      case 'welcome':
        return html`<vk-welcome
          .messages=${m}
          .siteName=${site.name[this.locale]}
          .locale=${this.locale}
          .delivery=${site.lobby?.kioskLane !== false}
          @vk-welcome-action=${(e: LeafEvent<{ action: WelcomeAction }>) => void this.go(e.detail.action)}
          @vk-locale-select=${(e: LeafEvent<{ locale: LocaleTag }>) => this.setLanguage(e.detail.locale)}
        ></vk-welcome>`;
      case 'form':
        return html`<vk-walk-in-form
          .messages=${m}
          .site=${site}
          .locale=${this.locale}
          .input=${this.input}
          .message=${this.note}
          .fieldNonce=${this.fieldNonce}
          @vk-form-next=${this.handleFormNext}
          @vk-form-back=${() => void this.go('back')}
        ></vk-walk-in-form>`;
      case 'review':
        return this.draft
          ? html`<vk-review
              .messages=${m}
              .draft=${this.draft}
              .saving=${this.saving}
              .error=${this.saveError ? m.errors[this.saveError]({}) : ''}
              @vk-review-edit=${() => void this.go('edit')}
              @vk-review-submit=${this.handleSubmit}
            ></vk-review>`
          : nothing;
      case 'outcome':
        return html`<vk-outcome
          .messages=${m}
          .heading=${this.outcome?.kind === 'checked-out' ? m.checkOutHeading : m.formHeading}
          .message=${this.outcomeMessage(m)}
          .detail=${this.outcomeDetail(m)}
          .secondsLeft=${this.outcomeLeft}
          @vk-outcome-done=${() => void this.go('done')}
        ></vk-outcome>`;
      case 'scan':
        return html`<vk-info-screen
          .messages=${m}
          .heading=${m.scanHeading}
          .body=${site.keySet ? m.scanIntro : m.scanUnavailable}
          @vk-info-back=${() => void this.go('back')}
          @vk-info-register=${() => void this.go('check-in')}
        >
          ${site.keySet
            ? html`<vk-camera-view .messages=${m} @vk-code-read=${(e: LeafEvent<{ text: string }>) => void this.handleArrivalCode(e.detail.text)}></vk-camera-view>
                <vk-invitation-code
                  .messages=${m}
                  .label=${m.invitationCode}
                  @vk-invitation-code=${(e: LeafEvent<{ code: string }>) => void this.handleArrivalCode(e.detail.code)}
                ></vk-invitation-code>`
            : nothing}
        </vk-info-screen>`;
      case 'check-out':
        return html`<vk-info-screen
          .messages=${m}
          .heading=${m.checkOutHeading}
          .body=${m.checkOutScan}
          @vk-info-back=${() => void this.go('back')}
          @vk-info-register=${() => void this.go('check-in')}
        >
          <vk-camera-view .messages=${m} @vk-code-read=${(e: LeafEvent<{ text: string }>) => void this.handleBadgeCode(e.detail.text)}></vk-camera-view>
          <vk-invitation-code
            .messages=${m}
            .label=${m.badgeCode}
            @vk-invitation-code=${(e: LeafEvent<{ code: string }>) => void this.handleBadgeCode(e.detail.code)}
          ></vk-invitation-code>
          <p>${m.checkOutBody}</p>
        </vk-info-screen>`;
      case 'confirm': {
        const a = this.arrival;
        if (!a) return nothing;
        return html`<vk-invitation-confirm
          .messages=${m}
          .host=${a.draft.host.label}
          .validUntil=${formatDateTime(new Date(a.result.claims.exp * 1000), this.locale, site.timeZone)}
          .partySize=${a.draft.visitor.partySize}
          .pass=${a.result.kind === 'pass'}
          .busy=${this.saving}
          @vk-confirm=${this.handleConfirmArrival}
          @vk-info-back=${() => void this.go('back')}
        ></vk-invitation-confirm>`;
      }
      case 'refused':
        return html`<vk-info-screen
          .messages=${m}
          .heading=${m.tokenRefusedHeading}
          .body=${this.refusalMessage(m)}
          @vk-info-back=${() => void this.go('back')}
          @vk-info-register=${() => void this.go('check-in')}
        ></vk-info-screen>`;
      case 'feedback':
        return html`<h1 class="visually-hidden">${m.checkOutHeading}</h1>
          <vk-feedback
            .messages=${m}
            @vk-feedback=${(e: LeafEvent<{ rating: 'satisfied' | 'basically-satisfied' | 'dissatisfied'; reason: string }>) =>
              void this.handleFeedback(e.detail)}
            @vk-feedback-skip=${() => void this.handleFeedback(undefined)}
          ></vk-feedback>`;
      case 'delivery':
        return html`<vk-delivery-lane
          .site=${site}
          .locale=${this.locale}
          .dbName=${this.dbName}
          @vk-delivery-back=${() => void this.go('back')}
          @vk-delivery-done=${() => void this.go('done')}
        ></vk-delivery-lane>`;
    }
  }

  private outcomeMessage(m: Messages): string {
    const o = this.outcome;
    switch (o?.kind) {
      case 'message-left':
        return m.outcomeMessageLeft(o.host);
      case 'checked-in':
        return m.checkedInMessage(o.host);
      case 'checked-out':
        return o.feedback ? `${m.checkedOutMessage} ${m.feedbackThanks}` : m.checkedOutMessage;
      case 'registered': {
        // The host's words never say "not expected" to the visitor (src/i18n/host-answer.ts).
        const h = HOST_ANSWER_CATALOGUES[this.locale].kiosk;
        return this.hostAnswer === 'waiting' ? h.waiting : this.hostAnswer ? h.answers[this.hostAnswer] : m.outcomeRegistered(o.host);
      }
      default:
        return '';
    }
  }

  private outcomeDetail(m: Messages): string {
    const o = this.outcome;
    if (!o || o.kind === 'checked-out') return '';
    const time = m.registeredAt(formatDateTime(o.at, this.locale, this.siteConfig.timeZone));
    return o.kind === 'checked-in' && this.badge ? `${time} ${m.takeBadge}` : time;
  }

  private refusalMessage(m: Messages): string {
    const code = this.refusal;
    if (code === 'badge-unknown') return m.checkOutUnknown;
    if (code === 'badge-already-out') return m.checkOutAlready;
    if (code && code in m.errors) return m.errors[code as keyof Messages['errors']]({});
    return m.errors['invite-malformed']({});
  }

  /** For staff, discreetly: how many records wait on the device and, when paired, when the hub last answered. */
  private syncText(m: Messages): string {
    const parts: string[] = [];
    if (this.pending > 0) parts.push(m.savedOnDevice(this.pending));
    if (this.syncPaired) parts.push(this.lastSyncAt ? m.lastSynced(formatDateTime(new Date(this.lastSyncAt), this.locale, this.siteConfig.timeZone)) : m.notSyncedYet);
    return parts.join(' · ');
  }

  override render() {
    const m = messagesFor(this.locale);
    return html`<div class="kiosk" lang=${this.locale}>
      <div class="screen" part="screen">${this.renderScreen(m)}</div>
      ${this.idle.warning && this.screen !== 'welcome'
        ? html`<vk-idle-warning .messages=${m} .secondsLeft=${this.idle.remaining ?? 0} @vk-more-time=${() => this.idle.touch()}></vk-idle-warning>`
        : nothing}
      <vk-help .messages=${m} @vk-help-request=${() => this.handleHelpRequest()}></vk-help>
      ${this.badge
        ? html`<vk-badge
            .messages=${m}
            .format=${this.siteConfig.printer?.format ?? '62mm'}
            .name=${this.badge.name}
            .host=${this.badge.host}
            .validity=${this.badge.validity}
            .visitorType=${this.badge.visitorType}
            .noPhotography=${this.siteConfig.noPhotography}
            .qr=${this.badge.qr}
          ></vk-badge>`
        : nothing}
      <p class="pending" aria-live="polite">${this.screen === 'welcome' ? this.syncText(m) : nothing}</p>
    </div>`;
  }
}
