/**
 * The kiosk's door to its hub: pairing from `?pair=CODE`, then push, pull and the privacy purge
 * (src/sync `SyncEngine`) for as long as the device is paired — whether or not the page sets the `hub`
 * attribute (the stored link is what counts). An unpaired kiosk stays standalone: nothing leaves the device.
 * Loaded lazily (dynamic import) after the welcome screen, like storage-bridge.ts.
 *
 * The device token never leaves this module's closure and IndexedDB: not the element, not an event, not a log.
 */
import type { SiteConfig } from '../src/domain/site.js';
import type { HubLink } from '../src/schemas/hub-link.js';
import { CHANNEL_PREFIX } from '../src/storage/day-cache.js';
import { SyncStore, deviceBadgeKey } from '../src/storage/index.js';
import { alertReplySchema } from '../src/schemas/sync.js';
import { kioskHostAnswerReplySchema, type KioskHostAnswerReply } from '../src/schemas/host-answer.js';
import { FetchTransport, SyncEngine, backoffDelay, hubRequest, pairDevice, type SyncState } from '../src/sync/index.js';

/** The query parameter of a pairing link (CONTRACT.md: `http://host/?pair=CODE`). */
export const PAIR_PARAM = 'pair';
/** Where the hub's site configuration is kept for an offline start (public data: keys and unit labels). */
export const HUB_CONFIG_KEY = 'vk-site-config:hub';
/** Retries of a pairing the network interrupted, before the kiosk waits for the next page load. */
const PAIR_ATTEMPTS = 8;

/** What the kiosk element gives the bridge: callbacks only, no access to the token. */
export interface KioskSyncHost {
  readonly dbName: string;
  /** The `hub` attribute ('' when absent): where to pair when the page has `?pair=`. */
  readonly hub: string;
  /** Sync state changed (pending, online, last sync, stuck); `paired` says whether there is a hub at all. */
  onSyncState(state: SyncState & { paired: boolean }): void;
  /** The hub's configuration for this site (validated), or the copy kept from the last run. */
  onHubSite(site: SiteConfig): void;
}

/** The base URL to pair with: the `hub` attribute resolved against the page, else the page's own origin. */
export function hubBase(hubAttribute: string, page: Location = window.location): string {
  const url = hubAttribute ? new URL(hubAttribute, page.href) : new URL(page.origin);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The page's address without `?pair=` (CONTRACT.md: after pairing the kiosk shows `/`, not the code). */
function dropPairParam(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete(PAIR_PARAM);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

const sameSite = (site: SiteConfig, link: HubLink): boolean => site.id === link.siteId;

export class KioskSync {
  readonly #host: KioskSyncHost;
  readonly #store: SyncStore;
  #engine: SyncEngine | undefined;
  #link: HubLink | undefined;
  #channel: BroadcastChannel | undefined;
  #stopped = false;
  readonly #onOnline = () => this.wake();
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.wake();
  };

  private constructor(host: KioskSyncHost) {
    this.#host = host;
    this.#store = new SyncStore(host.dbName);
  }

  /** Pairs if the page asks to, then syncs if the device is paired. Never rejects. */
  static async start(host: KioskSyncHost): Promise<KioskSync> {
    const sync = new KioskSync(host);
    await sync.#begin().catch(() => undefined);
    return sync;
  }

  /** Whether the device is paired with a hub. */
  get paired(): boolean {
    return this.#link !== undefined;
  }

  /** Try now: a visit was stored or changed, the network came back, the page became visible. */
  wake(): void {
    if (this.#engine) this.#engine.wake();
    else void this.#announceStandalone();
  }

  /**
   * "Ask staff for help" on a paired kiosk: the call goes to the hub, which rings every desk of the site and
   * escalates it while nobody answers. Resolves false when there is no hub or it cannot be reached (the
   * local desk of this device still hears it through storage). Nothing about the visitor is sent.
   */
  async callForHelp(): Promise<boolean> {
    const link = this.#link;
    if (!link) return false;
    try {
      await hubRequest((input, init) => fetch(input, init), link.origin, { method: 'POST', path: '/help', reply: alertReplySchema, token: link.token });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Whether the host of visit `visitId` was sent a one-time answer link and what they answered
   * (hub/notify/host-answers.ts). Undefined when there is no hub or it cannot be reached right now.
   */
  async hostAnswer(visitId: string): Promise<KioskHostAnswerReply | undefined> {
    const link = this.#link;
    if (!link) return undefined;
    try {
      return await hubRequest((input, init) => fetch(input, init), link.origin, { method: 'GET', path: `/host-answers/${encodeURIComponent(visitId)}`, reply: kioskHostAnswerReplySchema, token: link.token });
    } catch {
      return undefined;
    }
  }

  /** Whether the hub revoked invitation or pass `jti` (refused at the scan). */
  isRevoked(jti: string): Promise<boolean> {
    return this.#store.isRevoked(jti);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOnline);
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#channel?.close();
    await this.#engine?.stop();
    this.#engine = undefined;
  }

  async #begin(): Promise<void> {
    const code = new URLSearchParams(window.location.search).get(PAIR_PARAM);
    if (code !== null) {
      // Off the address bar at once: a visitor must not see or copy the code, whatever happens next.
      dropPairParam();
      await this.#pair(code);
    }
    this.#link = await this.#store.link();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOnline);
    document.addEventListener('visibilitychange', this.#onVisible);
    if (!this.#link || this.#stopped) {
      await this.#announceStandalone();
      return;
    }
    this.#startEngine(this.#link);
  }

  /** Pairs, retrying while the hub cannot be reached; a refused code is given up quietly (no visitor sees it). */
  async #pair(code: string): Promise<void> {
    const origin = hubBase(this.#host.hub);
    const transport = new FetchTransport({ origin, token: () => undefined });
    for (let attempt = 1; attempt <= PAIR_ATTEMPTS && !this.#stopped; attempt++) {
      const outcome = await pairDevice({ store: this.#store, transport, origin, code, badgeKey: () => deviceBadgeKey(this.#host.dbName) });
      if (outcome.status !== 'failed') return;
      if (!outcome.retryable) {
        // For whoever set the tablet up (the console, not the screen): the reason code, never the code itself.
        console.warn(`<visitor-kiosk>: pairing refused (${outcome.reason})`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)));
    }
  }

  #startEngine(link: HubLink): void {
    // The configuration kept from the last pull: a paired kiosk that starts with no network still serves its site.
    const kept = localStorage.getItem(HUB_CONFIG_KEY);
    if (kept) {
      void import('../src/schemas/site.js').then(({ parseSiteConfig }) => {
        try {
          const parsed = parseSiteConfig(JSON.parse(kept));
          if (parsed.ok && sameSite(parsed.value, link)) this.#host.onHubSite(parsed.value);
        } catch {
          // A damaged copy: the next pull brings a fresh one.
        }
      });
    }
    this.#engine = new SyncEngine({
      store: this.#store,
      transport: new FetchTransport({ origin: link.origin, token: () => link.token }),
      link,
      isOnline: () => navigator.onLine,
      onState: (state) => this.#host.onSyncState({ ...state, paired: true }),
      onSite: (site) => {
        if (!sameSite(site, link)) return;
        localStorage.setItem(HUB_CONFIG_KEY, JSON.stringify(site));
        this.#host.onHubSite(site);
      },
      onSiteRefused: (path) => console.warn(`<visitor-kiosk>: the hub's site configuration was refused at ${path}`),
      onUnpaired: () => {
        this.#engine = undefined;
        this.#link = undefined;
        localStorage.removeItem(HUB_CONFIG_KEY);
        void this.#announceStandalone();
      },
    });
    // Other tabs' writes (a desk in another window of this browser) wake the pusher too.
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL_PREFIX + this.#host.dbName);
      this.#channel.onmessage = () => this.#engine?.wake();
    }
    this.#engine.start();
  }

  async #announceStandalone(): Promise<void> {
    let pending = 0;
    try {
      pending = await this.#store.pendingCount();
    } catch {
      // The count is informative; a failing database shows up where it matters, on Submit.
    }
    this.#host.onSyncState({ pending, online: navigator.onLine, lastSyncAt: null, stuck: 0, paired: false });
  }
}
