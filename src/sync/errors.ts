/**
 * Typed failures of a request to the hub. They never reach a visitor (the kiosk only shows a pending count
 * to staff), so they have their own codes rather than entries in the localised ERROR_CODES; what the sync
 * loop does with each is decided by `kind`:
 * - `network` — no answer (offline, refused, DNS, timeout, a reply cut off): retry with backoff.
 * - `server` — 5xx, or a 2xx whose body fails its schema (a proxy's page, a half-deployed hub): retry.
 * - `unauthorised` — 401: the token is unknown or revoked. A kiosk unpairs; a desk asks for the PIN again.
 * - `forbidden` — 403: the token may not do this (another site, wrong role). Retrying the same thing fails again.
 * - `bad-request` — 400 / 413: the hub refused the body (`path` says where). Retrying the same body fails again.
 * - `not-found` / `gone` — 404 / 410: an unknown or used pairing code (`hubCode` says which), an unknown alert.
 */
export const SYNC_ERROR_KINDS = ['network', 'server', 'unauthorised', 'forbidden', 'bad-request', 'not-found', 'gone'] as const;
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly kind: SyncErrorKind,
    readonly details: {
      /** HTTP status, when the hub answered. */
      status?: number;
      /** The hub's error code (`pair-code-used`, `bad-request`, …) from its error body, when there was one. */
      hubCode?: string;
      /** Where in the request body the hub found the problem (`changes.3.visit.host.label`). */
      path?: string;
      /** True when the request was given up after its timeout. */
      timeout?: boolean;
    } = {},
    options?: { cause?: unknown },
  ) {
    // The message carries the kind and codes only: never a token, a URL with a query, or a body.
    super(`hub request failed: ${kind}${details.status ? ` ${details.status}` : ''}${details.hubCode ? ` (${details.hubCode})` : ''}`, options);
  }

  /** Whether trying the same request again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

/** The `kind` for an HTTP status the hub answered with. */
export function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthorised';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 410) return 'gone';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'bad-request';
  // 408 and 429 are "try again later"; everything else (5xx, a stray 3xx) is the server's problem.
  return 'server';
}
