/**
 * What a paired device keeps about its hub (the `meta` store's `hub` row) and the other sync facts the
 * `meta` store holds. Separate from src/schemas/sync.ts because `kioskMetaSchemas` (visit.ts) needs these
 * and sync.ts imports visit.ts: one module each way would be an import cycle.
 */
import { z } from 'zod/mini';
import { isUuid } from '../domain/uuid.js';

/**
 * A device token as the hub hands it out at pairing (`vkd_` and 256 random bits in base64url). Kept equal to
 * `BEARER_PATTERN` in src/schemas/sync.ts, restricted to the device kind: a staff session never lands here.
 */
export const DEVICE_TOKEN_PATTERN = /^vkd_[A-Za-z0-9_-]{43}$/;
/** Most revoked invitation and pass ids a kiosk keeps: years of revocations at one site, a few hundred KB. */
export const MAX_REVOKED_JTIS = 20_000;
/** Longest pull cursor the hub may send (src/schemas/sync.ts `pullReplySchema`). */
export const MAX_PULL_CURSOR = 64;
/** Longest revoked id the hub may send (src/schemas/sync.ts `pullReplySchema`). */
export const MAX_REVOKED_JTI = 32;

/**
 * The link to a hub, written once pairing succeeded. `token` is a secret: it lives only here, in IndexedDB
 * (never localStorage, events or logs), and leaves the device only in an `Authorization` header to `origin`.
 */
export const hubLinkSchema = z.strictObject({
  /**
   * The hub's base URL (`https://hub.example:8443`, or `https://portal.example/hub` behind a proxy): no
   * query, no fragment, no trailing slash. Every request goes to `${origin}/api/v1/…`.
   */
  origin: z.string().check(z.regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*[^/?#\s])?$/, 'not a base URL'), z.maxLength(256)),
  token: z.string().check(z.regex(DEVICE_TOKEN_PATTERN, 'not a device token')),
  siteId: z.string().check(z.minLength(1), z.maxLength(128)),
  deviceId: z.string().check(z.refine(isUuid, 'not a canonical UUID')),
  pairedAt: z.iso.datetime(),
});
export type HubLink = z.infer<typeof hubLinkSchema>;

/** Invitation and pass ids the hub revoked: `verifyArrival` refuses them. */
export const revokedJtisSchema = z.array(z.string().check(z.minLength(1), z.maxLength(MAX_REVOKED_JTI))).check(z.maxLength(MAX_REVOKED_JTIS));
