/**
 * Rate limits at the hub's front door (issue 6 item 7): token buckets in memory, per key, against the hub's
 * clock (tests move it). A refused request gets 429 `rate-limited` with `Retry-After` in seconds; nothing of
 * it is written, so a flood costs no disk. Buckets live in one process; on PostgreSQL, where several hub
 * processes may share one database, `SharedRateLimiter` also counts pairing, sign-in and answer-link requests
 * in the database, so N processes together allow the limit once, not N times (hub/README.md "Limits").
 */
import { createHash } from 'node:crypto';
import type { Clock } from './clock.js';
import type { HubStore } from './db/index.js';
import { HubError } from './errors.js';

export interface BucketSpec {
  /** Most units taken at once (a full bucket). */
  burst: number;
  /** Units the bucket regains per minute. */
  perMinute: number;
}

export interface HubLimits {
  /** Pairing requests per client address: codes are 128-bit, so this only keeps a flood off the database. */
  pair: BucketSpec;
  /** Sign-in attempts per client address, before any PIN is checked (the wrong-PIN lock comes on top). */
  signInPerClient: BucketSpec;
  /** Sign-in attempts per site from all clients together: guessing from many addresses at once. */
  signInPerSite: BucketSpec;
  /**
   * Changes pushed per device. The burst takes a kiosk's whole offline backlog (10 000 visits, issue 5) in
   * batches at full speed; after that a device may add a change every few seconds on average — far above a
   * lobby's pace, far below what would fill a disk.
   */
  pushChanges: BucketSpec;
}

export const DEFAULT_LIMITS: HubLimits = {
  pair: { burst: 10, perMinute: 10 },
  signInPerClient: { burst: 20, perMinute: 20 },
  signInPerSite: { burst: 60, perMinute: 60 },
  pushChanges: { burst: 20_000, perMinute: 1_000 },
};

/** Keys held per limiter; beyond it full buckets (idle clients) are forgotten first, then the oldest. */
const MAX_KEYS = 10_000;

/** `VK_HUB_PUSH_CHANGES_PER_MINUTE` and `VK_HUB_PUSH_BURST` override the push limit (benchmarks of bulk loads). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): HubLimits {
  const number = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
    return value;
  };
  return {
    ...DEFAULT_LIMITS,
    pushChanges: { burst: number('VK_HUB_PUSH_BURST', DEFAULT_LIMITS.pushChanges.burst), perMinute: number('VK_HUB_PUSH_CHANGES_PER_MINUTE', DEFAULT_LIMITS.pushChanges.perMinute) },
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly spec: BucketSpec,
    private readonly clock: Clock,
    private readonly what: string,
  ) {}

  /** Takes `units` for `key`, or throws 429 `rate-limited` with the seconds until they would be there. */
  take(key: string, units = 1): void {
    const now = this.clock().getTime();
    const rate = this.spec.perMinute / 60_000;
    const held = this.buckets.get(key);
    const tokens = held ? Math.min(this.spec.burst, held.tokens + Math.max(0, now - held.at) * rate) : this.spec.burst;
    if (tokens < units) {
      this.buckets.set(key, { tokens, at: now });
      const wait = Math.max(1, Math.ceil((Math.min(units, this.spec.burst) - tokens) / rate / 1000));
      throw new HubError(429, 'rate-limited', `too many ${this.what}; try again in ${wait} s`, undefined, { 'Retry-After': String(wait) });
    }
    this.buckets.delete(key); // re-inserted last: the Map's order is least recently used first
    this.buckets.set(key, { tokens: tokens - units, at: now });
    if (this.buckets.size > MAX_KEYS) this.sweep(now, rate);
  }

  private sweep(now: number, rate: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * rate >= this.spec.burst) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_KEYS) break;
      this.buckets.delete(key);
    }
  }
}

/** The window shared counters are kept in: one minute (every shared limit's burst equals its per-minute rate). */
const SHARED_WINDOW_MS = 60_000;

/**
 * A limit counted across hub processes. On PostgreSQL every request that passes this process's own bucket
 * (the first line: a flood at one process never reaches the database) is counted in `rate_counters` — one
 * UPSERT in its own short transaction — per key and minute; beyond `burst` in the minute → 429 until the
 * minute ends. Fixed windows: at a minute's turn a client may get up to twice the burst in a moment, never
 * more on average. On SQLite (one process by design) only the in-memory bucket counts.
 * For front-door requests only (pairing, sign-in, answer links): the sync path keeps its in-memory bucket.
 */
export class SharedRateLimiter {
  private readonly local: RateLimiter;
  private readonly shared: boolean;
  private prunedWindow = 0;

  constructor(
    private readonly spec: BucketSpec,
    private readonly clock: Clock,
    private readonly what: string,
    private readonly store: HubStore,
  ) {
    this.local = new RateLimiter(spec, clock, what);
    this.shared = store.dialect === 'postgres';
  }

  async take(key: string): Promise<void> {
    this.local.take(key);
    if (!this.shared) return;
    const now = this.clock().getTime();
    const window = Math.floor(now / SHARED_WINDOW_MS);
    // A hash of the limiter and key: the table never holds a client address.
    const hashed = createHash('sha256').update(`${this.what}\0${key}`).digest('base64url').slice(0, 32);
    const prune = window > this.prunedWindow;
    this.prunedWindow = window;
    const n = await this.store.write(async (repo) => {
      if (prune) await repo.rateCounters.prune(window - 1);
      return repo.rateCounters.hit(hashed, window, 1);
    });
    if (n > this.spec.burst) {
      const wait = Math.max(1, Math.ceil(((window + 1) * SHARED_WINDOW_MS - now) / 1000));
      throw new HubError(429, 'rate-limited', `too many ${this.what}; try again in ${wait} s`, undefined, { 'Retry-After': String(wait) });
    }
  }
}
