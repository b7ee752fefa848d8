/**
 * Retry delays while the hub cannot be reached: exponential backoff with "full jitter" (a random delay
 * between 0 and the exponential bound). Dozens of kiosks that lost the same network come back at random
 * moments instead of all at once, and one kiosk's retries thin out to one every few minutes.
 */

/** First retry bound: a hub restarting answers within a second or two. */
export const BACKOFF_BASE_MS = 1000;
/**
 * Longest wait between tries: records queued during an outage reach the hub at most this long after it is
 * back, even if no `online` event or new registration wakes the kiosk sooner.
 */
export const BACKOFF_CAP_MS = 5 * 60 * 1000;

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** A number in [0, 1); `Math.random` by default (tests pass a fixed one). */
  random?: () => number;
}

/**
 * The delay before try number `attempt + 1`, after `attempt` failures in a row (1 for the first failure):
 * uniformly random in [0, min(cap, base · 2^(attempt − 1))).
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const cap = options.capMs ?? BACKOFF_CAP_MS;
  const random = options.random ?? Math.random;
  // The exponent stops growing long before the cap would overflow a double.
  const bound = Math.min(cap, base * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.floor(random() * bound);
}
