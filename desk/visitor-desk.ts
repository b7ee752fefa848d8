import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../components/vk-alert-list/define.js';
import '../components/vk-arrivals/define.js';
import '../components/vk-evacuation-list/define.js';
import '../components/vk-fast-entry/define.js';
import '../components/vk-pin-signin/define.js';
import type { LeafEvent } from '../components/events.js';
import type { AlertView } from '../components/vk-alert-list/vk-alert-list.js';
import type { ArrivalActionDetail, ArrivalFilter, ArrivalRow } from '../components/vk-arrivals/vk-arrivals.js';
import type { EvacuationEntry } from '../components/vk-evacuation-list/vk-evacuation-list.js';
import type { FastEntryDetail } from '../components/vk-fast-entry/vk-fast-entry.js';
import { DEMO_SITE } from '../src/domain/demo-site.js';
import type { Alert, StaffMember } from '../src/domain/desk.js';
import { defaultRulesFor, type RulesConfig } from '../src/domain/rules/index.js';
import type { SiteConfig } from '../src/domain/site.js';
import { localDayKey } from '../src/domain/time.js';
import { DENY_REASONS, type Visit } from '../src/domain/visit.js';
import { resolveLocale, formatDateTime, type LocaleTag } from '../src/i18n/index.js';
import { deskMessagesFor, type DeskMessages } from '../src/i18n/desk/index.js';
import { AttentionController } from './attention.js';
import { signInWithPin } from './session.js';
import { DeskData, type DeskSnapshot } from './desk-data.js';
import { SyncStateChangeEvent, VisitCheckedInEvent, VisitCheckedOutEvent, VisitFlaggedEvent, VisitRegisteredEvent } from './events.js';
import { hostLinkAnswer, hubDbName, signInAtHub, type DeskHubLink, type HubView } from './hub-link.js';
import { HOST_ANSWER_CATALOGUES } from '../src/i18n/host-answer.js';
import type { IssueInvitationReply, IssueInvitationRequest, SiteHealthReply } from '../src/schemas/sync.js';
import { deskHubMessagesFor } from '../src/i18n/desk/hub.js';
import { loadSiteRules, type RulesInForce } from './rules-source.js';
import './define-idle.js';
import { purgeIncidentsAtSignIn } from './incidents/retention.js';
import { GuardStore } from '../src/storage/guard.js';
import { ExportPartsController } from '../components/controllers/export-parts-controller.js';
import { isolation, themes } from '../components/styles/themes.js';

/**
 * Why the panels are lazy: none of them is needed to sign in, and together (with signature_pad,
 * libphonenumber-js, the forms and their catalogues) they were most of the desk's download — a host page paid
 * ≈ 210 KB gzip before anyone could type a PIN (bench figure 19). The sign-in screen (PIN pad, header, idle)
 * needs only this module; the panels (desk/signed-in-panels.ts, one chunk) are fetched with dynamic `import()`
 * as soon as someone starts signing in (focus or touch on the PIN pad), and again at sign-in and on each refresh
 * until they have arrived. Their tags are in the signed-in template from the start and upgrade when their code
 * lands (Lit keeps the properties set before). A new panel goes in desk/signed-in-panels.ts — a static import
 * here would undo this.
 */
const loadPanels = (): Promise<unknown> => import('./signed-in-panels.js');
let panelsLoading: Promise<unknown> | undefined;
/** Starts loading the panels once; a failed load (offline, a chunk gone after a deploy) is tried again next time. */
function loadSignedInPanels(): void {
  panelsLoading ??= loadPanels().catch(() => {
    panelsLoading = undefined;
  });
}

/** A health alert's line on the desk: its cause, a silent kiosk by the end of its device id (as the Kiosks list shows it). */
const healthSummary = (m: DeskMessages, health: NonNullable<Alert['health']>): string =>
  health.cause === 'kiosk-silent' ? m.healthCause['kiosk-silent']((health.deviceId ?? '').slice(-6)) : m.healthCause[health.cause];

/** A desk left alone signs its user out: the console shows visitors' names and must not stay open to anyone. */
export const DESK_IDLE_SECONDS = 600;
/** How often the desk looks again when no other tab tells it anything: deadlines and other devices' writes. */
const POLL_MS = 5000;

const WAITING = new Set(['registered', 'awaiting-host', 'host-absent']);

/**
 * @tagname visitor-desk
 * @summary `<visitor-desk>`: the receptionist's and the guard's console — sign in with a PIN, today's
 * arrivals with Confirm check-in / Check out / Print badge, alerts that are never missed, the evacuation
 * list and the guard's fast entry. Works on a PC and on a phone.
 * @fires vk-visit-flagged - `{ visitId, incidentClass, at }` when an arrival is classified as an incident.
 * @fires vk-visit-registered - `{ visitId, at, visitorType }` when the guard's fast entry stores a visit.
 * @fires vk-visit-checked-in - `{ visitId, at }` when staff confirm a check-in (or fast entry lets someone in).
 * @fires vk-visit-checked-out - `{ visitId, at }` when staff check a visitor out.
 * @fires vk-sync-state-change - `{ pending, online, lastSyncAt }` in hub mode, when the desk's own link changes.
 * @cssproperty --vk-color-accent - buttons and focus accents (and the other colour tokens of docs/theming.md).
 * @cssproperty --vk-color-danger-surface - background of a flagged row or an alert.
 * @cssproperty --vk-font-family - the font stack; unset, the host's is inherited.
 * @cssproperty --vk-font-size - the base type size (default 16 px).
 * @cssproperty --vk-desk-font-size - the lists' and fast entry's type size (default 16 px).
 * @cssproperty --vk-focus-ring - the focus outline (default `3px solid #ffbf47`).
 * @csspart field - the PIN field.
 * @csspart button - Sign in, Acknowledge and the fast entry's Add (with `primary-button`).
 * @csspart primary-button - Sign in, an alert's Acknowledge, the fast entry's Add.
 */
export class VisitorDesk extends LitElement {
  static override styles = [
    themes,
    isolation,
    css`
    :host {
      display: block;
      /* Inherited unless the token is set: the host's font stack (components/styles/themes.ts). */
      font-family: var(--vk-font-family);
      color: var(--vk-color-text, #1a1a1a);
      background: var(--vk-color-background, #ffffff);
      --vk-font-size: 16px;
      /* The size container of the panels: a guard's phone gets the compact sizes (components/styles/shared.ts). */
      container-type: inline-size;
    }
    .desk {
      max-width: 90rem;
      margin: 0 auto;
      padding: 12px;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      justify-content: space-between;
    }
    h1 {
      font-size: 1.5em;
      margin: 0;
    }
    h2 {
      font-size: 1.2em;
      margin: 1.25em 0 0.5em;
    }
    button {
      font: inherit;
      min-height: 48px;
      padding: 0 1em;
      border-radius: 8px;
      border: 2px solid var(--vk-color-accent, #0b5cad);
      background: var(--vk-color-background, #fff);
      color: var(--vk-color-accent, #0b5cad);
      cursor: pointer;
    }
    .who {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .note {
      color: var(--vk-color-muted, #4a4a4a);
    }
    .warning {
      border-inline-start: 4px solid var(--vk-color-danger, #b00020);
      padding-inline-start: 0.5em;
      overflow-wrap: anywhere;
    }
    @media print {
      header,
      .screen-only {
        display: none;
      }
    }
  `,
  ];

  private readonly attention = new AttentionController(this);
  /** Forwards the leaves' public parts (docs/theming.md) so `visitor-desk::part(…)` reaches them. */
  protected readonly parts = new ExportPartsController(this);

  /** `en`, `zh-Hant` or `zh-Hans`; default from the page, then the browser. */
  @property({ reflect: false }) override lang = '';
  /** Base URL of a hub (the hub issue); absent = this device only. */
  @property() hub = '';
  /** Hub mode: the site to sign in at (absent: the hub's only or default site). */
  @property() site = '';
  /** `light` (default), `dark`, `high-contrast` or `auto` (dark when the device prefers it): docs/theming.md. */
  @property({ reflect: true }) theme: '' | 'light' | 'dark' | 'high-contrast' | 'auto' = '';
  /** URL of the site configuration (as the kiosk's). */
  @property({ attribute: 'config-src' }) configSrc = '';
  /**
   * URL of the site's own rules file (src/domain/rules `RulesConfig` as JSON); absent: the presets for the
   * site's kind. A file that does not parse is refused — staff see the exact path of its first error — and
   * the rules in force stay (the last good file, kept on the device, or the presets).
   */
  @property({ attribute: 'rules-src' }) rulesSrc = '';
  /** URL of the staff list (PIN hashes only) until the hub provides sign-in. */
  @property({ attribute: 'staff-src' }) staffSrc = '';
  /** IndexedDB database name (shared with the kiosk on the same device). */
  @property({ attribute: false }) dbName = 'visitor-kiosk';

  @state() private staff: StaffMember | undefined;
  @state() private signInError = '';
  @state() private busy = false;
  @state() private snapshot: DeskSnapshot | undefined;
  @state() private filter: ArrivalFilter = 'all';
  @state() private query = '';
  @state() private siteConfig: SiteConfig = DEMO_SITE;
  @state() private rulesInForce: RulesInForce | undefined;

  private data: DeskData | undefined;
  /** Hub mode (desk/hub-link.ts): set while signed in at the hub named by `hub`. */
  private hubLink: DeskHubLink | undefined;
  /** Hub mode: invitations are signed at the hub (desk/invitations); a standalone desk cannot issue them. */
  private readonly hubIssuer = (body: IssueInvitationRequest): Promise<IssueInvitationReply> => {
    if (!this.hubLink) return Promise.reject(new Error('not linked to a hub'));
    return this.hubLink.issueInvitation(body);
  };
  /** Hub mode, site manager only: revoke a kiosk's token (a lost or stolen tablet). */
  private readonly hubRevoke = (deviceId: string): Promise<void> => (this.hubLink ? this.hubLink.revokeDevice(deviceId) : Promise.resolve());
  /** Hub mode: an incident raised from the guard's occurrence log (desk/guard) is raised at the hub, like the rows' Raise buttons. */
  private readonly hubRaise = (incidentClass: 'A' | 'B' | 'C'): Promise<Alert> =>
    this.hubLink ? this.hubLink.raise(incidentClass, undefined) : Promise.reject(new Error('not linked to a hub'));
  private readonly hubHealth = (): Promise<SiteHealthReply> => (this.hubLink ? this.hubLink.siteHealth() : Promise.reject(new Error('not linked to a hub')));
  @state() private hubView: HubView | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private channels: BroadcastChannel[] = [];
  /** The `vk-desk:` channel this desk listens on; it also announces on it, so it never wakes itself. */
  private deskChannel: BroadcastChannel | undefined;
  /** Bumped by every rules load: a slower, older one never replaces a newer one. */
  private rulesLoad = 0;
  /** Rows of the last render, by visit, reused while nothing about the visit changed (see `rows`). */
  private rowCache = new Map<string, { key: string; row: ArrivalRow }>();
  private readonly onWake = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  private get locale(): LocaleTag {
    return resolveLocale([this.lang, document.documentElement.lang, ...navigator.languages]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onWake);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onWake);
    this.stopLive();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('configSrc') && this.configSrc) void this.loadConfig(this.configSrc);
    else if (changed.has('rulesSrc') || changed.has('dbName')) void this.loadRules();
  }

  /** The rules in force: the site's own file once loaded, the presets for its kind until then. */
  private get rules(): RulesConfig {
    return this.rulesInForce?.rules ?? defaultRulesFor(this.siteConfig.kind);
  }

  /**
   * Signs out when left idle (nothing of the visitors stays on an unattended screen).
   * @internal
   */
  handleIdle(): void {
    this.signOut();
  }

  /** Back to the sign-in screen with no filter or search: what a host page calls when its own user signs out. */
  reset(): void {
    this.signOut();
    this.filter = 'all';
    this.query = '';
  }

  /** Switches the console's language (`en`, `zh-Hant` or `zh-Hans`), as setting the `lang` attribute does. */
  setLanguage(locale: LocaleTag): void {
    this.lang = locale;
  }

  /** Signs the current staff member out. */
  signOut(): void {
    void this.hubLink?.stop(true);
    this.hubLink = undefined;
    this.hubView = undefined;
    this.staff = undefined;
    this.snapshot = undefined;
    this.stopLive();
  }

  private async loadConfig(src: string) {
    try {
      const response = await fetch(src, { credentials: 'same-origin', cache: 'no-cache' });
      if (!response.ok) return;
      const { parseSiteConfig } = await import('../src/schemas/site.js');
      const parsed = parseSiteConfig(await response.json());
      if (parsed.ok) {
        this.siteConfig = parsed.value;
        this.data?.configure(parsed.value, this.rules);
      }
    } catch {
      // offline: the built-in configuration stays
    }
    // The site decides the presets and where the last good rules are kept.
    await this.loadRules();
  }

  /** Loads the rules for the current site and `rules-src` (see `rules-source.ts`); never rejects. */
  private async loadRules() {
    const generation = ++this.rulesLoad;
    const site = this.siteConfig;
    const loaded = await loadSiteRules({ src: this.rulesSrc, site, dbName: this.dbName, now: new Date(), ...(this.rulesInForce ? { current: this.rulesInForce } : {}) });
    if (generation !== this.rulesLoad || site !== this.siteConfig) return;
    this.rulesInForce = loaded;
    if (this.data && this.data.currentRules !== loaded.rules) {
      this.data.configure(site, loaded.rules);
      void this.refresh();
    }
  }

  private async handleSignIn(e: LeafEvent<{ pin: string }>) {
    const m = this.messages;
    this.busy = true;
    try {
      if (this.hub) return await this.signInHub(e.detail.pin);
      const result = await signInWithPin(this.dbName, this.siteConfig.id, this.staffSrc, e.detail.pin, new Date());
      if (!result.ok) {
        this.signInError = result.code === 'pin-locked' ? m.pinLocked(result.minutes ?? 5) : m.pinWrong;
        return;
      }
      this.signInError = '';
      this.staff = result.staff;
      this.startLive();
    } finally {
      this.busy = false;
    }
  }

  /** Hub mode: the PIN is checked at the hub, and the desk follows the hub's records (desk/hub-link.ts). */
  private async signInHub(pin: string) {
    const m = this.messages;
    this.dbName = hubDbName(this.dbName);
    const result = await signInAtHub(
      {
        hub: this.hub,
        dbName: this.dbName,
        onChanged: () => void this.refresh(),
        onNewAlert: (alert) => {
          if (alert.visitId && (alert.kind === 'incident' || alert.kind === 'watchlist')) {
            this.dispatchEvent(new VisitFlaggedEvent({ visitId: alert.visitId, incidentClass: alert.kind === 'watchlist' ? 'watchlist' : (alert.incidentClass ?? 'C'), at: alert.createdAt }));
          }
        },
        onView: (view) => {
          const before = this.hubView;
          this.hubView = view;
          if (!before || before.pending !== view.pending || before.online !== view.online || before.lastSyncAt !== view.lastSyncAt) {
            this.dispatchEvent(new SyncStateChangeEvent({ pending: view.pending, online: view.online, lastSyncAt: view.lastSyncAt }));
          }
        },
        onSignedOut: () => this.signOut(),
      },
      pin,
      this.site || undefined,
    );
    if (!result.ok) {
      this.signInError = result.code === 'pin-locked' ? m.pinLocked(result.minutes ?? 5) : result.code === 'hub-unreachable' ? deskHubMessagesFor(this.locale).hubUnreachable : m.pinWrong;
      return;
    }
    this.signInError = '';
    this.hubLink = result.link;
    this.staff = result.staff;
    this.startLive();
  }

  private startLive() {
    loadSignedInPanels();
    this.data = new DeskData(this.dbName, this.siteConfig, this.rules);
    this.data.hubLinked = this.hubLink !== undefined;
    // Other tabs (a kiosk, another desk) announce their writes; the poll catches deadlines and everything else.
    for (const name of [`vk-storage:${this.dbName}`, `vk-desk:${this.dbName}`]) {
      const channel = new BroadcastChannel(name);
      channel.onmessage = () => void this.refresh();
      this.channels.push(channel);
      if (name.startsWith('vk-desk:')) this.deskChannel = channel;
    }
    this.poll = setInterval(() => void this.refresh(), POLL_MS);
    void this.refresh();
    // Incident records past the site's retention go (at most once a day; see desk/incidents/retention.ts).
    void purgeIncidentsAtSignIn(this.dbName, this.siteConfig, new Date());
  }

  private stopLive() {
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
    for (const c of this.channels) c.close();
    this.channels = [];
    this.deskChannel = undefined;
    this.data = undefined;
    this.rowCache.clear();
  }

  /**
   * Tells the other desks of this device that something changed (they refresh at once). Posted on the
   * channel this desk listens on: a BroadcastChannel never delivers to itself, so the desk does not refresh
   * a second time for its own write (it refreshes after the write anyway).
   */
  private announce() {
    this.deskChannel?.postMessage({ type: 'changed' });
  }

  private refreshing: Promise<void> | undefined;
  /** A refresh waiting for the running one: later requests join it (a burst of writes costs one more, not one each). */
  private queued: Promise<void> | undefined;

  private refresh(): Promise<void> {
    // One refresh at a time; requests during one run once more afterwards, together.
    if (this.queued) return this.queued;
    const run = async () => {
      this.queued = undefined;
      const data = this.data;
      if (!data || !this.staff) return;
      loadSignedInPanels(); // a no-op once they are loaded or loading
      const now = new Date();
      // A hub owns escalation deadlines: a linked desk only shows what the hub escalated.
      const escalated = this.hubLink ? [] : await data.escalateDue(now);
      const snapshot = await data.snapshot(now, (visit, alert) => {
        this.dispatchEvent(new VisitFlaggedEvent({ visitId: visit.id, incidentClass: alert.incidentClass ?? 'watchlist', at: alert.createdAt }));
        this.announce();
      });
      if (escalated.length > 0) this.announce();
      if (this.data !== data) return;
      const before = new Set(this.snapshot?.alerts.map((a) => a.id));
      this.snapshot = snapshot;
      const fresh = snapshot.alerts.filter((a) => a.status === 'open' && !before.has(a.id));
      const first = fresh[0] ?? escalated[0];
      // The notification names what it is (a help call is not "Class C"); other kinds say "Needs attention now".
      const m = this.messages;
      if (first) this.attention.alert(first.kind === 'incident' ? m.classLabel[first.incidentClass ?? 'C'] : m.classLabel[first.kind]);
      this.attention.setPending(snapshot.alerts.some((a) => a.status === 'open'));
    };
    const next = (this.refreshing ?? Promise.resolve()).then(run, run);
    this.refreshing = next;
    this.queued = next;
    return next;
  }

  private get messages(): DeskMessages {
    return deskMessagesFor(this.locale);
  }

  private visit(id: string): Visit | undefined {
    return this.snapshot?.visits.find((v) => v.id === id);
  }

  private async handleAction(e: LeafEvent<ArrivalActionDetail>) {
    const data = this.data;
    const staff = this.staff;
    const visit = this.visit(e.detail.visitId);
    if (!data || !staff || !visit) return;
    const now = new Date();
    switch (e.detail.action) {
      case 'confirm': {
        const v = await data.visits.checkIn(visit.id, now, e.detail.badgeNumber ? { badgeNumber: e.detail.badgeNumber } : {});
        this.dispatchEvent(new VisitCheckedInEvent({ visitId: v.id, at: v.updatedAt }));
        break;
      }
      case 'check-out': {
        // Asked on the row when the visitor holds a numbered badge: handed back or not, for the guard's card register.
        if (e.detail.cardReturned !== undefined) await new GuardStore(this.dbName, this.siteConfig).settleVisitCard(visit, e.detail.cardReturned, staff.id, now);
        const v = await data.visits.checkOut(visit.id, now);
        this.dispatchEvent(new VisitCheckedOutEvent({ visitId: v.id, at: v.updatedAt }));
        break;
      }
      case 'deny': {
        const reason = e.detail.denial;
        if (!reason) return;
        await data.visits.deny(visit.id, now, { reason: reason.reason, ...(reason.note ? { note: reason.note } : {}), staffId: staff.id });
        break;
      }
      case 'host-confirmed':
      case 'host-declined':
        await data.desk.recordHostDecision(
          { visitId: visit.id, decision: e.detail.action === 'host-confirmed' ? 'confirmed' : 'declined', by: visit.host.label, staffId: staff.id },
          now,
        );
        break;
      case 'print':
        window.print();
        break;
      case 'raise-A':
      case 'raise-B':
      case 'raise-C': {
        const cls = e.detail.action.slice(-1) as 'A' | 'B' | 'C';
        const alert = this.hubLink ? await this.hubLink.raise(cls, visit.id) : await data.raise(visit, cls, now);
        this.dispatchEvent(new VisitFlaggedEvent({ visitId: visit.id, incidentClass: cls, at: alert.createdAt }));
        break;
      }
    }
    this.announce();
    await this.refresh();
  }

  private async handleAlert(type: 'ack' | 'escalate' | 'media', id: string) {
    const data = this.data;
    const staff = this.staff;
    const alert = this.snapshot?.alerts.find((a) => a.id === id);
    if (!data || !staff || !alert) return;
    const now = new Date();
    if (this.hubLink && type !== 'media') await (type === 'ack' ? this.hubLink.acknowledge(id) : this.hubLink.escalate(id));
    else if (type === 'ack') await data.desk.acknowledge(id, staff.id, now);
    else if (type === 'escalate') await data.escalateNow(alert, now);
    else await data.desk.markMediaPresent(id, now, ['pr']);
    this.announce();
    await this.refresh();
  }

  private async handleFastEntry(e: LeafEvent<FastEntryDetail>) {
    const data = this.data;
    if (!data) return;
    const d = e.detail;
    const now = new Date();
    const unit = this.siteConfig.directory.units.find((u) => u.label.toLowerCase() === d.unit.toLowerCase());
    const visit = await data.visits.register(
      {
        visitor: { fullName: d.surname, phone: '', organisation: '', partySize: d.partySize },
        visitorType: d.visitorType,
        purpose: d.visitorType === 'courier' || d.visitorType === 'food-delivery' ? 'delivery' : 'other',
        host: unit ? { kind: 'unit', id: unit.id, label: unit.label } : { kind: 'free-text', label: d.unit },
        hasAppointment: false,
        identity: d.idSighted ? { method: 'sighted' } : { method: 'host-confirmation' },
        consent: { noticeVersion: this.siteConfig.privacy.noticeVersion, kind: this.siteConfig.jurisdiction === 'HK' ? 'read' : 'consented', at: now.toISOString() },
        lang: this.locale,
      },
      { siteId: this.siteConfig.id, timeZone: this.siteConfig.timeZone, now, source: 'desk' },
    );
    this.dispatchEvent(new VisitRegisteredEvent({ visitId: visit.id, at: visit.createdAt, visitorType: visit.visitorType }));
    // The guard let them in: fast entry is a check-in, not a queue.
    const checkedIn = await data.visits.updateStatus(visit.id, 'checked-in', new Date());
    this.dispatchEvent(new VisitCheckedInEvent({ visitId: visit.id, at: checkedIn.updatedAt }));
    this.announce();
    await this.refresh();
  }

  private readonly memos = new Map<string, { deps: readonly unknown[]; value: unknown }>();

  /**
   * `compute()` again only when one of `deps` changed (by identity): a desk render that is not about the
   * visits (sound on, a rules warning) hands the lists the same arrays, and they do not render again.
   */
  private memo<T>(name: string, deps: readonly unknown[], compute: () => T): T {
    const last = this.memos.get(name);
    if (last && last.deps.length === deps.length && last.deps.every((d, i) => d === deps[i])) return last.value as T;
    const value = compute();
    this.memos.set(name, { deps, value });
    return value;
  }

  private rows(m: DeskMessages): ArrivalRow[] {
    const s = this.snapshot;
    if (!s) return [];
    const tz = this.siteConfig.timeZone;
    const flags = new Map<string, 'A' | 'B' | 'C' | 'watchlist'>();
    // Rows are flagged by incidents and watch-list matches only: a help call or a reused invitation is not a class.
    for (const a of s.alerts) if (a.visitId && (a.kind === 'incident' || a.kind === 'watchlist')) flags.set(a.visitId, a.kind === 'watchlist' ? 'watchlist' : (a.incidentClass ?? 'C'));
    const q = this.query.trim().toLowerCase();
    const seen = new Map<string, { key: string; row: ArrivalRow }>();
    const rows = s.visits
      .filter((v) => {
        switch (this.filter) {
          case 'waiting':
            return WAITING.has(v.status);
          case 'on-site':
            return v.status === 'checked-in';
          case 'left':
            return v.status === 'checked-out';
          case 'flagged':
            return flags.has(v.id) || s.suggestions.has(v.id);
          default:
            return true;
        }
      })
      .filter((v) => !q || `${v.visitor.fullName} ${v.visitor.organisation} ${v.host.label}`.toLowerCase().includes(q))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((visit) => {
        const decision = s.decisions.get(visit.id);
        const flag = flags.get(visit.id);
        const suggestion = s.suggestions.get(visit.id);
        // The same row object while nothing about the visit changed: the list skips rows it has rendered.
        const key = `${visit.updatedAt}|${decision ? `${decision.decision}@${decision.at}` : ''}|${flag ?? ''}|${suggestion ?? ''}|${this.locale}`;
        const cached = this.rowCache.get(visit.id);
        if (cached && cached.key === key && cached.row.visit.id === visit.id) {
          seen.set(visit.id, cached);
          return cached.row;
        }
        const unit = this.siteConfig.directory.units.find((u) => u.id === visit.host.id);
        const person = this.siteConfig.directory.people.find((p) => p.id === visit.host.id);
        const phone = unit?.phone ?? person?.phone;
        const time = (at: string) => formatDateTime(new Date(at), this.locale, tz);
        const row: ArrivalRow = {
          visit,
          time: time(visit.createdAt),
          ...(flag ? { flag } : {}),
          ...(suggestion ? { suggestion } : {}),
          ...(phone ? { hostPhone: phone } : {}),
          ...(decision
            ? { hostDecision: withHostLinkAnswer(decision.decision === 'confirmed' ? m.confirmedBy(decision.by, time(decision.at)) : m.declinedBy(decision.by, time(decision.at)), decision.staffId, this.locale) }
            : {}),
        };
        seen.set(visit.id, { key, row });
        return row;
      });
    // Only this list's rows are kept: a filtered-out row is made again when it comes back.
    for (const [id, entry] of seen) this.rowCache.set(id, entry);
    return rows;
  }

  private alertViews(m: DeskMessages): AlertView[] {
    const s = this.snapshot;
    if (!s) return [];
    return s.alerts
      .filter((a: Alert) => a.status !== 'closed')
      .map((a) => {
        const visit = a.visitId ? this.visit(a.visitId) : undefined;
        const label = a.kind === 'incident' ? (a.incidentClass ?? 'C') : a.kind;
        const summary = visit ? `${m.typeLabels[visit.visitorType]}, ${visit.host.label}` : a.kind === 'help' ? m.helpCall : a.health ? healthSummary(m, a.health) : '';
        return {
          id: a.id,
          label,
          notify: a.notify,
          summary,
          createdAt: a.createdAt,
          escalationLevel: a.escalationLevel,
          mediaPresent: a.mediaPresent,
          acknowledged:
            a.acknowledgedAt && a.acknowledgedBy
              ? m.acknowledgedBy(s.staffNames.get(a.acknowledgedBy) ?? a.acknowledgedBy, formatDateTime(new Date(a.acknowledgedAt), this.locale, this.siteConfig.timeZone))
              : '',
        };
      });
  }

  private evacuation(): EvacuationEntry[] {
    const s = this.snapshot;
    if (!s) return [];
    return s.visits
      .filter((v) => v.status === 'checked-in')
      .map((v) => ({
        name: v.visitor.fullName || this.messages.noName,
        organisation: v.visitor.organisation,
        host: v.host.label,
        partySize: v.visitor.partySize,
        since: formatDateTime(new Date(v.updatedAt), this.locale, this.siteConfig.timeZone),
      }));
  }

  override render() {
    const m = this.messages;
    const signedIn = this.staff !== undefined;
    return html`<div class="desk" lang=${this.locale}>
      <header>
        <h1>${m.heading} — ${this.siteConfig.name[this.locale]}</h1>
        ${signedIn
          ? html`<div class="who">
              <span>${m.signedInAs(this.staff?.name ?? '')}</span>
              <button @click=${() => this.attention.enableSound()}>${this.attention.soundOn ? m.soundOn : m.enableSound}</button>
              <button @click=${() => this.signOut()}>${m.signOut}</button>
            </div>`
          : nothing}
      </header>
      <vk-desk-idle .messages=${m} .seconds=${DESK_IDLE_SECONDS} .active=${signedIn} @vk-desk-idle=${() => this.handleIdle()}></vk-desk-idle>
      ${signedIn ? this.renderDesk(m) : this.renderSignIn(m)}
    </div>`;
  }

  /** Why the site's rules file is not in force, with the exact path of its first error (staff only). */
  private renderRulesProblem(m: DeskMessages) {
    const problem = this.rulesInForce?.problem;
    if (!problem) return nothing;
    const text = problem.kind === 'refused' ? m.rulesRefused(problem.src, problem.path, problem.message) : m.rulesUnreadable(problem.src);
    return html`<p class="warning screen-only" role="status">${text}</p>`;
  }

  private renderSignIn(m: DeskMessages) {
    return html`<h2>${m.signInHeading}</h2>
      <p class="note">${m.signInIntro}</p>
      <vk-pin-signin
        .messages=${m}
        .error=${this.signInError}
        .busy=${this.busy}
        @vk-signin=${this.handleSignIn}
        @focusin=${loadSignedInPanels}
        @pointerdown=${loadSignedInPanels}
      ></vk-pin-signin>`;
  }

  private renderDesk(m: DeskMessages) {
    const alerts = this.alertViews(m);
    return html`
      ${this.renderRulesProblem(m)}
      <section class="screen-only" aria-labelledby="alerts-h">
        <h2 id="alerts-h">${m.alertsHeading}</h2>
        ${alerts.length === 0 ? html`<p class="note">${m.noAlerts}</p>` : nothing}
        <vk-alert-list
          .messages=${m}
          .alerts=${alerts}
          @vk-alert-ack=${(e: LeafEvent<{ id: string }>) => void this.handleAlert('ack', e.detail.id)}
          @vk-alert-escalate=${(e: LeafEvent<{ id: string }>) => void this.handleAlert('escalate', e.detail.id)}
          @vk-alert-media=${(e: LeafEvent<{ id: string }>) => void this.handleAlert('media', e.detail.id)}
        ></vk-alert-list>
      </section>
      ${this.hubLink
        ? html`<vk-hub-devices
            class="screen-only"
            .messages=${deskHubMessagesFor(this.locale)}
            .view=${this.hubView}
            .now=${new Date()}
            .locale=${this.locale}
            .timeZone=${this.siteConfig.timeZone}
            .revoke=${this.staff?.role === 'site-manager' ? this.hubRevoke : undefined}
            .loadHealth=${this.hubHealth}
          ></vk-hub-devices>`
        : nothing}
      <section class="screen-only" aria-labelledby="fast-h">
        <h2 id="fast-h">${m.fastEntryHeading}</h2>
        <vk-fast-entry .messages=${m} @vk-fast-entry=${this.handleFastEntry}></vk-fast-entry>
      </section>
      <section class="screen-only" aria-labelledby="arrivals-h">
        <h2 id="arrivals-h">${m.arrivalsHeading}</h2>
        <vk-arrivals
          .messages=${m}
          .rows=${this.memo('rows', [this.snapshot, this.filter, this.query, this.locale, this.siteConfig], () => this.rows(m))}
          .filter=${this.filter}
          .query=${this.query}
          .numberedBadges=${this.siteConfig.desk?.numberedBadges ?? false}
          .denyReasons=${this.siteConfig.desk?.denyReasons ?? DENY_REASONS}
          @vk-arrival-action=${this.handleAction}
          @vk-arrival-filter=${(e: LeafEvent<{ filter: ArrivalFilter }>) => (this.filter = e.detail.filter)}
          @vk-arrival-search=${(e: LeafEvent<{ query: string }>) => (this.query = e.detail.query)}
        ></vk-arrivals>
      </section>
      <!-- Paperwork and planning load once the visitors are on screen: they must not delay the first paint. -->
      <vk-desk-incidents class="screen-only" .messages=${m} .site=${this.siteConfig} .staff=${this.snapshot ? this.staff : undefined} .dbName=${this.dbName} .locale=${this.locale}></vk-desk-incidents>
      <vk-desk-planning
        class="screen-only"
        .messages=${m}
        .site=${this.siteConfig}
        .rules=${this.rules}
        .issuer=${this.hubLink ? this.hubIssuer : undefined}
        .hubWatch=${this.hubLink?.watchList}
        .staff=${this.snapshot ? this.staff : undefined}
        .dbName=${this.dbName}
        .locale=${this.locale}
      ></vk-desk-planning>
      <vk-desk-invitations
        class="screen-only"
        .messages=${m}
        .site=${this.siteConfig}
        .staff=${this.snapshot ? this.staff : undefined}
        .issuer=${this.hubLink ? this.hubIssuer : undefined}
      ></vk-desk-invitations>
      <vk-desk-parcels class="screen-only" .messages=${m} .site=${this.siteConfig} .staff=${this.snapshot ? this.staff : undefined} .dbName=${this.dbName} .locale=${this.locale}></vk-desk-parcels>
      <vk-desk-ledger class="screen-only" .locale=${this.locale} .site=${this.siteConfig} .staff=${this.snapshot ? this.staff : undefined} .client=${this.hubLink?.ledger} .dbName=${this.dbName}></vk-desk-ledger>
      <vk-desk-reports class="screen-only" .messages=${m} .site=${this.siteConfig} .staff=${this.snapshot ? this.staff : undefined} .dbName=${this.dbName} .locale=${this.locale} .client=${this.hubLink?.reports}></vk-desk-reports>
      <vk-desk-guard class="screen-only" .messages=${m} .site=${this.siteConfig} .rules=${this.rules} .raiseIncident=${this.hubLink ? this.hubRaise : undefined} .staff=${this.snapshot ? this.staff : undefined} .dbName=${this.dbName} .locale=${this.locale}></vk-desk-guard>
      <section aria-labelledby="evac-h">
        <h2 id="evac-h">${m.evacuationHeading}</h2>
        <vk-evacuation-list .messages=${m} .entries=${this.memo('evacuation', [this.snapshot, this.locale, this.siteConfig], () => this.evacuation())}></vk-evacuation-list>
      </section>
    `;
  }
}

/** "Confirmed by 12B at 14:02 — Coming down": the host's own words when they answered the one-time link. */
function withHostLinkAnswer(text: string, staffId: string | undefined, locale: LocaleTag): string {
  const answer = hostLinkAnswer(staffId);
  return answer ? `${text} — ${HOST_ANSWER_CATALOGUES[locale].page.answers[answer]}` : text;
}

export const todayKey = (site: SiteConfig, now = new Date()): string => localDayKey(now, site.timeZone);
