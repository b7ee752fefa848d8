/**
 * Signing and verifying the hub's outbound webhooks (docs/webhooks.md). Isomorphic: WebCrypto only, so the
 * hub (Node) signs with it and a receiver — in Node, a browser, an edge worker — verifies with the same code.
 *
 *   X-VK-Timestamp: <unix seconds>
 *   X-VK-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>[, v1=<hex with the previous secret>]
 *
 * During a secret rotation the hub signs with both the new and the previous secret, so a receiver still
 * holding the old one keeps accepting until it is updated. The timestamp is inside the signed text, and a
 * receiver refuses one older or newer than the replay window: a captured request cannot be replayed later.
 */

/** How far a webhook's timestamp may be from the receiver's clock, either way (replays, skewed clocks). */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;
/** The signature scheme's version prefix: a future scheme gets v2= and receivers ignore what they do not know. */
export const WEBHOOK_SIGNATURE_VERSION = 'v1';
/** Longest signature header a verifier reads (two v1 values and spaces fit easily): bounds the work per request. */
const MAX_SIGNATURE_HEADER = 1024;
/** Most v1 values compared per request (current + previous secret, with room for one more). */
const MAX_SIGNATURES = 4;
/** A SHA-256 HMAC in lowercase hex. */
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;
/** Unix seconds, as the hub sends them: digits only, no sign, no fraction, no leading zero games beyond 12 digits. */
const TIMESTAMP = /^\d{1,12}$/;

export type WebhookVerifyResult = { ok: true } | { ok: false; reason: 'bad-timestamp' | 'stale' | 'bad-header' | 'mismatch' };

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A receiver verifies with one or two secrets; the cache stays tiny, but bound it anyway.
    if (keyCache.size > 16) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

const toHex = (bytes: ArrayBuffer): string => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** The hex HMAC-SHA256 of `timestamp.body` with `secret`. */
export async function signWebhook(secret: string, timestamp: string, body: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(`${timestamp}.${body}`)));
}

/** The X-VK-Signature value: one `v1=` per secret (current first, then the previous one during a rotation). */
export async function webhookSignatureHeader(secrets: readonly string[], timestamp: string, body: string): Promise<string> {
  const values = await Promise.all(secrets.map(async (s) => `${WEBHOOK_SIGNATURE_VERSION}=${await signWebhook(s, timestamp, body)}`));
  return values.join(', ');
}

/**
 * Compares two strings of equal length in time that does not depend on where they differ (a timing
 * side channel would let an attacker find a valid signature byte by byte).
 */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Verifies a webhook as received: `secrets` are the receiver's current secret (and, while it rotates, the
 * previous one); `timestamp` and `signatureHeader` are the X-VK-Timestamp and X-VK-Signature headers;
 * `body` is the raw body text exactly as received (parse it only after this returns ok); `now` the receiver's clock.
 */
export async function verifyWebhook(
  secrets: string | readonly string[],
  timestamp: string | null | undefined,
  body: string,
  signatureHeader: string | null | undefined,
  now: Date = new Date(),
): Promise<WebhookVerifyResult> {
  const keys = (typeof secrets === 'string' ? [secrets] : secrets).filter((s) => s.length > 0);
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > WEBHOOK_REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  if (typeof signatureHeader !== 'string' || signatureHeader.length > MAX_SIGNATURE_HEADER) return { ok: false, reason: 'bad-header' };
  const offered = signatureHeader
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${WEBHOOK_SIGNATURE_VERSION}=`))
    .map((part) => part.slice(WEBHOOK_SIGNATURE_VERSION.length + 1))
    .filter((hex) => HEX_SIGNATURE.test(hex))
    .slice(0, MAX_SIGNATURES);
  if (offered.length === 0 || keys.length === 0) return { ok: false, reason: 'bad-header' };
  let match = false;
  // Every pair is compared (no early exit): the time taken does not tell which secret or value matched.
  for (const key of keys) {
    const expected = await signWebhook(key, timestamp, body);
    for (const hex of offered) match = constantTimeEqual(expected, hex) || match;
  }
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
