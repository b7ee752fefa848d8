/**
 * The device's side of the wire protocol (src/schemas/sync.ts) behind one small interface, so the outbox
 * pusher and the puller can be tested with a scripted transport and the real one is plain `fetch`.
 */
import {
  pairReplySchema,
  pullReplySchema,
  pushReplySchema,
  type PairReply,
  type PairRequest,
  type PullReply,
  type PullReport,
  type PushReply,
  type PushRequest,
} from '../schemas/sync.js';
import { hubRequest, type FetchLike } from './http.js';

/** What sync needs from a hub. Every method rejects with `SyncError` only. */
export interface Transport {
  /** POST /sync/push: the oldest outbox entries, ascending `seq`, at most MAX_PUSH_CHANGES. */
  push(batch: PushRequest): Promise<PushReply>;
  /**
   * GET /sync/pull?since=cursor: configuration, revocations, erased visits and whether this device was
   * revoked; `report` (outbox count, storage use) goes along for the desk's health view.
   */
  pull(cursor: string | undefined, report?: PullReport): Promise<PullReply>;
  /** POST /pair: a one-time code for a device token. Needs no token. */
  pair(request: PairRequest): Promise<PairReply>;
}

export interface FetchTransportOptions {
  /** The hub's origin (or base URL). */
  origin: string;
  /**
   * The bearer token: a device token (kiosk) or a staff session token (desk). Read on every request, so a
   * desk that signs in again swaps it without a new transport. `undefined` sends no header.
   */
  token: () => string | undefined;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** The real transport: `fetch` to `${origin}/api/v1`. */
export class FetchTransport implements Transport {
  readonly origin: string;
  readonly #token: () => string | undefined;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number | undefined;

  constructor(options: FetchTransportOptions) {
    this.origin = options.origin;
    this.#token = options.token;
    // Bound: calling the global `fetch` as a method of another object throws "Illegal invocation".
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs;
  }

  push(batch: PushRequest): Promise<PushReply> {
    return hubRequest(this.#fetch, this.origin, { method: 'POST', path: '/sync/push', body: batch, reply: pushReplySchema, ...this.#auth() });
  }

  pull(cursor: string | undefined, report?: PullReport): Promise<PullReply> {
    const params = new URLSearchParams();
    if (cursor !== undefined) params.set('since', cursor);
    if (report?.pending !== undefined) params.set('pending', String(report.pending));
    if (report?.storageBytes !== undefined) params.set('storageBytes', String(report.storageBytes));
    const query = params.size === 0 ? '' : `?${params.toString()}`;
    return hubRequest(this.#fetch, this.origin, { method: 'GET', path: `/sync/pull${query}`, reply: pullReplySchema, ...this.#auth() });
  }

  pair(request: PairRequest): Promise<PairReply> {
    return hubRequest(this.#fetch, this.origin, {
      method: 'POST',
      path: '/pair',
      body: request,
      reply: pairReplySchema,
      ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }),
    });
  }

  #auth(): { token?: string; timeoutMs?: number } {
    const token = this.#token();
    return { ...(token === undefined ? {} : { token }), ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }) };
  }
}
