/**
 * The host's one-time answer link (issue 6, "the host's answer"): `/answer#<token>`, where the token is
 *
 *   h1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(key, "h1." + claims part))>
 *
 * signed by the hub with a per-site secret that never leaves it. The claims carry ids and an expiry only —
 * the site, the answer request, the visit, `exp` in unix seconds — never a name: the link travels through
 * e-mail and chat bridges. The hub alone signs and verifies (the answer page just hands the token back), so a
 * symmetric MAC is enough and keeps the token short. Whether the link was used already is the hub's record,
 * not the token's business.
 *
 * Verification order: length and shape, canonical base64url, the MAC (WebCrypto's HMAC verify, constant
 * time), and only then the claims' JSON and schema, then the expiry — nothing unsigned reaches the parser.
 */
import { z } from 'zod/mini';
import { decodeBase64url, encodeBase64url, encodeBase64urlText } from './base64url.js';
import { parseStrictJson } from './json.js';
import { MAX_HOST_LINK_LENGTH } from '../schemas/host-answer.js';

export { MAX_HOST_LINK_LENGTH };

/** The token's version prefix: a future format gets `h2.` and this one refuses it. */
export const HOST_LINK_VERSION = 'h1';
/** A SHA-256 MAC is 32 bytes: 43 base64url characters. */
const MAC_LENGTH = 43;
/** Shape check before any decoding: prefix, two base64url parts. */
const TOKEN_SHAPE = /^h1\.[A-Za-z0-9_-]{1,440}\.[A-Za-z0-9_-]{43}$/;
/** An id in the claims: what the hub's ids and site ids look like (no separators, no spaces). */
const CLAIM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** What a host link says. */
export const hostLinkClaimsSchema = z.strictObject({
  /** The site. */
  s: z.string().check(z.regex(CLAIM_ID)),
  /** The answer request (the hub's record of this link). */
  r: z.string().check(z.regex(CLAIM_ID)),
  /** The visit (UUID). */
  v: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
  /** Expiry, unix seconds. */
  x: z.int().check(z.minimum(0), z.maximum(2 ** 40)),
});
export type HostLinkClaims = z.infer<typeof hostLinkClaimsSchema>;

/** Why a link was refused: damaged or forged (`invalid`) or too late (`expired`). */
export type HostLinkRefusal = 'invalid' | 'expired';
/** An expired link's claims come back too: its MAC was right, and a link answered in time may still be shown. */
export type HostLinkResult = { ok: true; claims: HostLinkClaims } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'expired'; claims: HostLinkClaims };

const encoder = new TextEncoder();

/** A fresh secret for a site's host links: 256 random bits, base64url. */
export function newHostLinkSecret(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

function macKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  const raw = decodeBase64url(secret);
  if (!raw || raw.length < 32) throw new RangeError('a host link secret is at least 256 bits, base64url');
  return crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** Signs the claims with the site's secret. */
export async function signHostLink(secret: string, claims: HostLinkClaims): Promise<string> {
  const body = `${HOST_LINK_VERSION}.${encodeBase64urlText(JSON.stringify(hostLinkClaimsSchema.parse(claims)))}`;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await macKey(secret, 'sign'), encoder.encode(body)));
  return `${body}.${encodeBase64url(mac)}`;
}

/**
 * Verifies a token with the site's secret at `now`. `expired` only for a token whose MAC is right: a forged
 * token is `invalid` whatever its claims say.
 */
export async function verifyHostLink(secret: string, token: unknown, now: Date): Promise<HostLinkResult> {
  if (typeof token !== 'string' || token.length > MAX_HOST_LINK_LENGTH || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'invalid' };
  const cut = token.lastIndexOf('.');
  const body = token.slice(0, cut);
  const mac = decodeBase64url(token.slice(cut + 1));
  const claimsBytes = decodeBase64url(body.slice(HOST_LINK_VERSION.length + 1));
  if (!mac || mac.length !== 32 || token.length - cut - 1 !== MAC_LENGTH || !claimsBytes) return { ok: false, reason: 'invalid' };
  if (!(await crypto.subtle.verify('HMAC', await macKey(secret, 'verify'), new Uint8Array(mac), encoder.encode(body)))) return { ok: false, reason: 'invalid' };
  let json: unknown;
  try {
    json = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(claimsBytes));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const claims = hostLinkClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'invalid' };
  if (claims.data.x <= Math.floor(now.getTime() / 1000)) return { ok: false, reason: 'expired', claims: claims.data };
  return { ok: true, claims: claims.data };
}

/** The site a token names, read WITHOUT verifying (to pick the secret to verify with); undefined if unreadable. */
export function hostLinkSite(token: unknown): string | undefined {
  if (typeof token !== 'string' || token.length > MAX_HOST_LINK_LENGTH || !TOKEN_SHAPE.test(token)) return undefined;
  const bytes = decodeBase64url(token.split('.')[1] ?? '');
  if (!bytes) return undefined;
  try {
    const json = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as { s?: unknown };
    return typeof json.s === 'string' && CLAIM_ID.test(json.s) ? json.s : undefined;
  } catch {
    return undefined;
  }
}
