/**
 * One JSON request to the hub: the bearer token in the `Authorization` header (never in the URL), a timeout
 * with `AbortSignal.timeout`, the reply parsed with its schema, and every failure a typed `SyncError`.
 */
import { apiErrorSchema } from '../schemas/sync.js';
import { SyncError, kindOfStatus } from './errors.js';

/** The API's base path on a hub (docs/hub-api.md). */
export const API_BASE = '/api/v1';
/**
 * How long one request may take before it is given up. A push of 500 visits is ≈ 500 KB and one SQLite
 * transaction: seconds on a slow lobby network, never tens of seconds. A hung request must not stall the
 * outbox: after the timeout it is retried with backoff like any network failure.
 */
export const REQUEST_TIMEOUT_MS = 20_000;

/** A schema the reply is parsed with (zod/mini's `safeParse`). */
export interface ReplySchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

export interface HubRequest<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below `API_BASE`, e.g. `/sync/push` (a query string is allowed; it never carries a token). */
  path: string;
  token?: string;
  body?: unknown;
  reply: ReplySchema<T>;
  timeoutMs?: number;
  /** Aborts the request (e.g. the desk signs out); an abort rejects with `network`. */
  signal?: AbortSignal;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Joins an origin (or a base URL) and an API path. */
export function apiUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${API_BASE}${path}`;
}

/** Sends one request and parses the reply; rejects with `SyncError` only. */
export async function hubRequest<T>(fetchImpl: FetchLike, origin: string, request: HubRequest<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.token) headers['Authorization'] = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const timeout = AbortSignal.timeout(request.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(apiUrl(origin, request.path), {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      // The token travels in the header only; no cookies, and no referrer for a cross-origin hub.
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
    // Read inside the try: a reply cut off half-way is a network failure, and the timeout covers it too.
    text = await response.text();
  } catch (error) {
    throw new SyncError('network', { timeout: timeout.aborted }, { cause: error });
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const body = apiErrorSchema.safeParse(json);
    throw new SyncError(kindOfStatus(response.status), {
      status: response.status,
      ...(body.success ? { hubCode: body.data.error.code, ...(body.data.error.path === undefined ? {} : { path: body.data.error.path }) } : {}),
    });
  }
  const parsed = request.reply.safeParse(json);
  // A 2xx that is not what the protocol says (a captive portal's page, a proxy, a hub of another version):
  // the server's problem, retried later — never taken as an acknowledgement.
  if (!parsed.success) throw new SyncError('server', { status: response.status, hubCode: 'bad-reply', path: parsed.error.issues[0]?.path.map(String).join('.') ?? '' });
  return parsed.data;
}
