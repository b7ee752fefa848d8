/**
 * The outbox pusher: sends the device's outbox to the hub, oldest first, in batches of at most
 * MAX_PUSH_CHANGES, and deletes exactly the entries the hub acknowledged. While the hub cannot be reached it
 * retries with exponential backoff and full jitter (backoff.ts); `wake()` cuts a wait short (the network came
 * back, a visitor registered, the page became visible). Nothing ever leaves the outbox unacknowledged — not
 * by age, not after a refusal, not when the device is unpaired.
 */
import { MAX_PUSH_CHANGES, type Change, type PushReply } from '../schemas/sync.js';
import type { OutboxBatch, OutboxChange } from '../storage/sync.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { SyncError } from './errors.js';
import type { Lock } from './lock.js';
import type { Transport } from './transport.js';

/**
 * How long an entry the hub refused (400 / 403 / 413 for that entry alone) waits before it is offered again.
 * A refusal means this build and the hub disagree about a record — a newer hub or kiosk build fixes that,
 * not a retry a second later; but it is never dropped.
 */
export const REFUSED_RETRY_MS = 60 * 60 * 1000;
/** With nothing to send, how often the pusher looks at the outbox anyway (a write another page did not announce). */
export const IDLE_CHECK_MS = 30_000;

/** What the pusher needs from storage (src/storage `SyncStore`). */
export interface PusherStore {
  outboxBatch(limit: number): Promise<OutboxBatch>;
  acknowledge(seqs: readonly number[]): Promise<void>;
}

/** The outcome of one `drain()`: what was acknowledged, and what could not be sent. */
export interface DrainResult {
  /** Seqs deleted from the outbox in this drain. */
  acked: number;
  /** Gaps the hub reported (a batch that started after a hole in this device's sequence). */
  gaps: NonNullable<PushReply['gap']>[];
  /** Entries that cannot be read (bad row, missing visit): kept, reported. */
  stuck: number;
  /** Entries the hub refused, waiting for `REFUSED_RETRY_MS`: kept, reported. */
  refused: number;
}

export interface OutboxPusherOptions {
  store: PusherStore;
  transport: Pick<Transport, 'push'>;
  /** The id this device pushes as (a kiosk's device id, or a hub-linked desk's own). */
  deviceId: string;
  /** Entries per request; at most MAX_PUSH_CHANGES. */
  batchSize?: number;
  /** Held around each read-push-acknowledge (lock.ts). */
  lock?: Lock;
  backoff?: BackoffOptions;
  idleCheckMs?: number;
  now?: () => number;
  /** After every drain that reached the hub. */
  onDrained?: (result: DrainResult) => void;
  /** After every failed try (the loop keeps going, except for `unauthorised`). */
  onFailure?: (error: SyncError, retryInMs: number) => void;
  /** The hub does not know the token (401): the loop stops; a kiosk unpairs, a desk asks for the PIN. */
  onUnauthorised?: (error: SyncError) => void;
}

/** Parses `changes.3.visit…` into 3: which change of the request the hub refused. */
function refusedIndex(error: SyncError): number | undefined {
  const match = /^changes\.(\d+)(\.|$)/.exec(error.details.path ?? '');
  return match ? Number(match[1]) : undefined;
}

const noLock: Lock = (task) => task();

export class OutboxPusher {
  readonly #store: PusherStore;
  readonly #transport: Pick<Transport, 'push'>;
  readonly #deviceId: string;
  readonly #lock: Lock;
  readonly #options: OutboxPusherOptions;
  /** Seq → time (ms) from which it may be offered again. In memory: a reload offers it at once. */
  readonly #refused = new Map<number, number>();
  #batchSize: number;
  #stuck = new Set<number>();
  #running = false;
  #attempt = 0;
  #wakeUp: (() => void) | undefined;
  #woken = false;
  #loop: Promise<void> | undefined;

  constructor(options: OutboxPusherOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#transport = options.transport;
    this.#deviceId = options.deviceId;
    this.#lock = options.lock ?? noLock;
    this.#batchSize = Math.max(1, Math.min(options.batchSize ?? MAX_PUSH_CHANGES, MAX_PUSH_CHANGES));
  }

  /** Failures in a row since the last drain that reached the hub. */
  get attempt(): number {
    return this.#attempt;
  }

  /** Starts the loop (drain, then wait for `wake()` or the idle check; on failure back off). Idempotent. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Stops the loop after the current request; resolves when it has stopped. */
  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#loop;
  }

  /** Ends the current wait at once (a backoff delay too): try now. */
  wake(): void {
    this.#woken = true;
    this.#wakeUp?.();
  }

  /**
   * Pushes until the outbox holds nothing that can be sent now. Acknowledged entries are deleted after each
   * batch, so a failure half-way keeps what was already acknowledged deleted. Rejects with `SyncError` when a
   * request fails for a reason other than a refused entry.
   */
  async drain(): Promise<DrainResult> {
    const result: DrainResult = { acked: 0, gaps: [], stuck: 0, refused: 0 };
    for (;;) {
      const step = await this.#lock(() => this.#pushOnce(result));
      if (!step) break;
    }
    const now = this.#now();
    for (const [seq, until] of this.#refused) if (until <= now) this.#refused.delete(seq);
    result.stuck = this.#stuck.size;
    result.refused = this.#refused.size;
    return result;
  }

  /** One read-push-acknowledge. Resolves `true` when there may be more to send. */
  async #pushOnce(result: DrainResult): Promise<boolean> {
    const now = this.#now();
    const skip = (seq: number) => this.#stuck.has(seq) || (this.#refused.get(seq) ?? 0) > now;
    // Read past the entries we skip, so a refused entry at the head never blocks the ones behind it.
    const skipped = this.#stuck.size + this.#refused.size;
    const batch = await this.#store.outboxBatch(this.#batchSize + skipped);
    this.#stuck = new Set(batch.stuck.map((s) => s.seq));
    const changes = contiguousRun(batch, skip, this.#batchSize);
    if (changes.length === 0) return false;
    let reply: PushReply;
    try {
      reply = await this.#transport.push({ deviceId: this.#deviceId, changes: changes.map(toChange) });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      // The hub revoked this device: as good as an unknown token (the kiosk unpairs; nothing is deleted).
      if (error.details.hubCode === 'device-revoked') throw new SyncError('unauthorised', error.details, { cause: error });
      if (error.kind !== 'bad-request' && error.kind !== 'forbidden') throw error;
      // A refusal of the request as a whole (`deviceId`, the token's role): no entry is at fault; retry later.
      if (error.details.path !== undefined && refusedIndex(error) === undefined) throw error;
      this.#isolate(error, changes);
      return true;
    }
    const sent = new Set(changes.map((c) => c.seq));
    // Only what we sent: a hub that acknowledged anything else must not make us delete an unsent entry.
    const acked = [...new Set(reply.acked)].filter((seq) => sent.has(seq));
    await this.#store.acknowledge(acked);
    for (const seq of acked) this.#refused.delete(seq);
    result.acked += acked.length;
    if (reply.gap) result.gaps.push(reply.gap);
    // A hub that acknowledged nothing of a valid batch would have us send it forever: stop and retry later.
    if (acked.length === 0) throw new SyncError('server', { hubCode: 'nothing-acknowledged' });
    return true;
  }

  /**
   * The hub refused the batch. Narrow it down to the entry at fault: the one the error's `path` names, or
   * else by halving the batch; a lone entry refused is set aside for `REFUSED_RETRY_MS`. A 413 halves the
   * batch for good (the hub's size limit is lower than ours).
   */
  #isolate(error: SyncError, changes: readonly OutboxChange[]): void {
    const index = refusedIndex(error);
    const named = index === undefined ? undefined : changes[index];
    if (named) {
      this.#refused.set(named.seq, this.#now() + REFUSED_RETRY_MS);
      return;
    }
    if (changes.length > 1) {
      this.#batchSize = Math.max(1, Math.floor(changes.length / 2));
      return;
    }
    const only = changes[0];
    if (only) this.#refused.set(only.seq, this.#now() + REFUSED_RETRY_MS);
    // Back to full batches once the culprit is set aside (unless the hub said the body was too large).
    if (error.details.status !== 413) this.#batchSize = Math.max(1, Math.min(this.#options.batchSize ?? MAX_PUSH_CHANGES, MAX_PUSH_CHANGES));
  }

  async #run(): Promise<void> {
    while (this.#running) {
      this.#woken = false;
      let wait: number;
      try {
        const result = await this.drain();
        this.#attempt = 0;
        this.#options.onDrained?.(result);
        wait = this.#options.idleCheckMs ?? IDLE_CHECK_MS;
      } catch (error) {
        const failure = error instanceof SyncError ? error : new SyncError('server', {}, { cause: error });
        if (failure.kind === 'unauthorised') {
          this.#running = false;
          this.#options.onUnauthorised?.(failure);
          return;
        }
        this.#attempt++;
        wait = backoffDelay(this.#attempt, this.#options.backoff);
        this.#options.onFailure?.(failure, wait);
      }
      // A wake during the drain (a registration while a batch was in flight) means: go again at once.
      if (this.#running && !this.#woken) await this.#sleep(wait);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wakeUp = done;
    });
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }
}

/**
 * The batch to send: up to `size` entries in seq order, skipping those set aside at the head, and ending
 * BEFORE the first one set aside after it. A batch never carries a hole inside it: the hub checks a batch's
 * first seq against what it holds, so the entries after a hole go in the next batch, whose start then shows
 * the hole (`gap`) to the desk.
 */
function contiguousRun(batch: OutboxBatch, skip: (seq: number) => boolean, size: number): OutboxChange[] {
  const bySeq = new Map(batch.changes.map((c) => [c.seq, c] as const));
  const seqs = [...bySeq.keys(), ...batch.stuck.map((s) => s.seq)].sort((a, b) => a - b);
  const run: OutboxChange[] = [];
  for (const seq of seqs) {
    const change = bySeq.get(seq);
    if (!change || skip(seq)) {
      if (run.length > 0) break;
      continue;
    }
    run.push(change);
    if (run.length >= size) break;
  }
  return run;
}

const toChange = (c: OutboxChange): Change => (c.record ? { seq: c.seq, type: 'record', record: c.record } : { seq: c.seq, type: 'visit', visit: c.visit });
