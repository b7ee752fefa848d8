/**
 * A paired kiosk's sync: the outbox pusher, a pull on an interval (site configuration, revoked invitations,
 * a revoked device), the privacy purge of acknowledged visits, and the sync state the kiosk announces
 * (`vk-sync-state-change`: pending count, online, last sync). The kiosk element never sees a token: the
 * engine reads it from the stored hub link.
 */
import type { SiteConfig } from '../domain/site.js';
import { parseSiteConfig } from '../schemas/site.js';
import type { HubLink } from '../schemas/hub-link.js';
import { MAX_REPORTED_PENDING, MAX_REPORTED_STORAGE_BYTES, type PullReply, type PullReport } from '../schemas/sync.js';
import type { PurgePolicy, SyncStore } from '../storage/sync.js';
import type { BackoffOptions } from './backoff.js';
import { SyncError } from './errors.js';
import { namedLock, type Lock } from './lock.js';
import { OutboxPusher, type DrainResult } from './pusher.js';
import type { Transport } from './transport.js';

/** How often a paired kiosk asks the hub for news (configuration, revocations) when nothing else prompts it. */
export const PULL_INTERVAL_MS = 60_000;
/** Fewest milliseconds between two pulls, however often the kiosk is woken (every registration wakes it). */
export const MIN_PULL_GAP_MS = 5_000;
/**
 * Acknowledged personal data leaves the kiosk within 24 hours (issue 5). Visits are deleted once older
 * than this, counted from creation (acknowledgement always comes later) — 24 h less the purge interval and
 * a margin, so a purge that runs every `PURGE_INTERVAL_MS` keeps the promise even when one run is late.
 */
export const PERSONAL_DATA_MAX_AGE_MS = 24 * 3600_000;
/** How often the purge runs (and once at start and after every drain that acknowledged something). */
export const PURGE_INTERVAL_MS = 30 * 60_000;
/** Room for a late timer (a hidden or sleeping tablet) between two purges. */
const PURGE_MARGIN_MS = 30 * 60_000;
/** The satisfaction question follows check-out on the same screen; its answer is written to the visit. */
export const CHECKED_OUT_GRACE_MS = 10 * 60_000;
/** The kiosk's purge policy (src/storage `PurgePolicy`). */
export const KIOSK_PURGE_POLICY: PurgePolicy = {
  maxAgeMs: PERSONAL_DATA_MAX_AGE_MS - PURGE_INTERVAL_MS - PURGE_MARGIN_MS,
  checkedOutGraceMs: CHECKED_OUT_GRACE_MS,
};

/** What the kiosk announces (CONTRACT.md `vk-sync-state-change`) and a little more for staff. */
export interface SyncState {
  /** Outbox entries the hub has not acknowledged. */
  pending: number;
  /** The browser is online and the last request to the hub got an answer. */
  online: boolean;
  /** ISO-8601 UTC of the last push or pull that reached the hub; `null` before the first. */
  lastSyncAt: string | null;
  /** Entries that cannot be sent (unreadable) or were refused by the hub: kept, shown to staff. */
  stuck: number;
}

export interface SyncEngineOptions {
  store: SyncStore;
  transport: Transport;
  link: HubLink;
  /** Whether the browser thinks it is online (`navigator.onLine`). */
  isOnline?: () => boolean;
  now?: () => Date;
  backoff?: BackoffOptions;
  pullIntervalMs?: number;
  purgeIntervalMs?: number;
  purge?: PurgePolicy;
  lock?: Lock;
  /** Whenever pending, online or lastSyncAt (or stuck) change. */
  onState?: (state: SyncState) => void;
  /** A new site configuration from the hub that passed `parseSiteConfig`; a bad one is ignored. */
  onSite?: (site: SiteConfig) => void;
  /** The hub revoked this device (pull said so, or the token is refused): the link is already forgotten. */
  onUnpaired?: () => void;
  /** A configuration that failed validation (only the failing path — no content). */
  onSiteRefused?: (path: string) => void;
  /**
   * Bytes this origin's storage uses, reported with each pull for the desk's health view; default
   * `navigator.storage.estimate()`. Undefined when the browser cannot tell.
   */
  storageUsage?: () => Promise<number | undefined>;
}

/** `navigator.storage.estimate()`'s usage, or undefined (no Storage API, or it failed). */
export async function estimateStorageUsage(): Promise<number | undefined> {
  try {
    const usage = (await globalThis.navigator?.storage?.estimate?.())?.usage;
    return typeof usage === 'number' && Number.isFinite(usage) ? usage : undefined;
  } catch {
    return undefined;
  }
}

/** The report a pull carries, within the protocol's bounds (a number outside them is left out, not sent to be refused). */
function pullReport(pending: number, storageBytes: number | undefined): PullReport {
  const within = (n: number | undefined, max: number) => n !== undefined && Number.isInteger(n) && n >= 0 && n <= max;
  const bytes = storageBytes === undefined ? undefined : Math.round(storageBytes);
  return { ...(within(pending, MAX_REPORTED_PENDING) ? { pending } : {}), ...(within(bytes, MAX_REPORTED_STORAGE_BYTES) ? { storageBytes: bytes } : {}) };
}

export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #pusher: OutboxPusher;
  #state: SyncState = { pending: 0, online: true, lastSyncAt: null, stuck: 0 };
  #reachable = true;
  #running = false;
  #pullTimer: ReturnType<typeof setTimeout> | undefined;
  #purgeTimer: ReturnType<typeof setInterval> | undefined;
  #lastPullAt = 0;
  #pulling: Promise<void> | undefined;
  /** Whether a state was announced yet (the first is announced even if it equals the initial one). */
  #announced = false;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#pusher = new OutboxPusher({
      store: options.store,
      transport: options.transport,
      deviceId: options.link.deviceId,
      lock: options.lock ?? namedLock(`vk-sync:${options.store.dbName}`),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.now ? { now: () => (options.now as () => Date)().getTime() } : {}),
      onDrained: (result) => void this.#afterDrain(result),
      onFailure: (error) => void this.#afterFailure(error),
      onUnauthorised: () => void this.#unpair(),
    });
  }

  /** The last state announced. */
  get state(): SyncState {
    return this.#state;
  }

  /** Starts pushing, pulling and purging. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.refreshState();
    this.#pusher.start();
    void this.pull();
    void this.purge();
    this.#purgeTimer = setInterval(() => void this.purge(), this.#o.purgeIntervalMs ?? PURGE_INTERVAL_MS);
  }

  /** Stops everything; resolves when the pusher has stopped. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#pullTimer);
    clearInterval(this.#purgeTimer);
    await this.#pusher.stop();
    await this.#pulling;
  }

  /**
   * Something happened that makes a try worthwhile now: a visit was stored, the network came back, the
   * page became visible. Pushes at once (ending any backoff wait) and pulls if the last pull is not recent.
   */
  wake(): void {
    if (!this.#running) return;
    this.#pusher.wake();
    if (this.#now().getTime() - this.#lastPullAt >= MIN_PULL_GAP_MS) void this.pull();
    void this.refreshState();
  }

  /** Reads the pending count again and announces the state if anything changed. */
  async refreshState(): Promise<SyncState> {
    let pending = this.#state.pending;
    let lastSyncAt = this.#state.lastSyncAt;
    try {
      [pending, lastSyncAt] = await Promise.all([this.#o.store.pendingCount(), this.#o.store.lastSyncAt().then((v) => v ?? null)]);
    } catch {
      // The count is informative; a failing database shows up where it matters, on Submit.
    }
    this.#announce({ pending, lastSyncAt });
    return this.#state;
  }

  /** One pull: apply what the hub says, then keep its cursor (after applying, so a crash only repeats it). */
  pull(): Promise<void> {
    if (this.#pulling) return this.#pulling;
    this.#lastPullAt = this.#now().getTime();
    clearTimeout(this.#pullTimer);
    this.#pulling = this.#pull().finally(() => {
      this.#pulling = undefined;
      if (this.#running) this.#pullTimer = setTimeout(() => void this.pull(), this.#o.pullIntervalMs ?? PULL_INTERVAL_MS);
    });
    return this.#pulling;
  }

  /** Deletes acknowledged visits whose time on the kiosk is over (src/storage `purgeAcknowledged`). */
  async purge(): Promise<number> {
    try {
      const { deleted } = await this.#o.store.purgeAcknowledged(this.#o.link.deviceId, this.#now(), this.#o.purge ?? KIOSK_PURGE_POLICY);
      return deleted;
    } catch {
      return 0; // tried again on the next interval
    }
  }

  /** What the kiosk tells the hub about itself with a pull; a failing count leaves it out. */
  async #report(): Promise<PullReport> {
    const [pending, storageBytes] = await Promise.all([this.#o.store.pendingCount().catch(() => -1), (this.#o.storageUsage ?? estimateStorageUsage)().catch(() => undefined)]);
    return pullReport(pending, storageBytes);
  }

  async #pull(): Promise<void> {
    let reply: PullReply;
    try {
      reply = await this.#o.transport.pull(await this.#o.store.pullCursor(), await this.#report());
    } catch (error) {
      if (error instanceof SyncError && error.kind === 'unauthorised') await this.#unpair();
      else this.#setReachable(false);
      return;
    }
    try {
      if (reply.deviceRevoked) {
        await this.#unpair();
        return;
      }
      if (reply.site !== undefined) {
        const parsed = parseSiteConfig(reply.site);
        // A configuration that does not parse is refused; the one in force stays.
        if (parsed.ok) this.#o.onSite?.(parsed.value);
        else this.#o.onSiteRefused?.(String(parsed.details?.['path'] ?? ''));
      }
      await this.#o.store.addRevokedJtis(reply.revokedJtis);
      // Erased on a person's request: this kiosk's copies go now, not at the daily purge.
      if (reply.erasedVisitIds !== undefined) await this.#o.store.deleteVisitsFromHub(reply.erasedVisitIds);
      await this.#o.store.setPullCursor(reply.cursor);
      await this.#synced();
    } catch {
      // Storage failed: the cursor was not kept, so the next pull brings the same news again.
    }
  }

  async #afterDrain(result: DrainResult): Promise<void> {
    if (result.acked > 0) {
      await this.#synced();
      await this.purge();
    }
    this.#announce({ stuck: result.stuck + result.refused });
    await this.refreshState();
  }

  async #afterFailure(_error: SyncError): Promise<void> {
    this.#setReachable(false);
    await this.refreshState();
  }

  async #synced(): Promise<void> {
    const now = this.#now();
    this.#reachable = true;
    try {
      await this.#o.store.setLastSyncAt(now);
    } catch {
      // Only the indicator is behind.
    }
    this.#announce({ lastSyncAt: now.toISOString() });
  }

  async #unpair(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    clearTimeout(this.#pullTimer);
    clearInterval(this.#purgeTimer);
    void this.#pusher.stop();
    try {
      await this.#o.store.clearLink();
    } catch {
      // The link stays; the hub refuses it again next start, and unpairing is tried again.
    }
    // What was acknowledged goes now; the rest stays in the outbox for a new pairing.
    await this.purge();
    this.#o.onUnpaired?.();
  }

  #setReachable(reachable: boolean): void {
    this.#reachable = reachable;
    this.#announce({});
  }

  #announce(change: Partial<SyncState>): void {
    const online = (this.#o.isOnline?.() ?? true) && this.#reachable;
    const next = { ...this.#state, ...change, online };
    const s = this.#state;
    if (next.pending === s.pending && next.online === s.online && next.lastSyncAt === s.lastSyncAt && next.stuck === s.stuck && this.#announced) return;
    this.#announced = true;
    this.#state = next;
    this.#o.onState?.(next);
  }

  #now(): Date {
    return this.#o.now?.() ?? new Date();
  }
}
