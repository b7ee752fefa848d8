/**
 * Pairing: a kiosk exchanges a one-time code (from `?pair=CODE`) for a device token, registers its badge
 * key, and stores the link. A device that is already paired does not even ask: a used link opened again on
 * a paired kiosk must not unpair it or show anyone an error (CONTRACT.md).
 */
import type { PublicJwk } from '../schemas/invite.js';
import { PAIR_CODE_PATTERN } from '../schemas/sync.js';
import type { HubLink } from '../schemas/hub-link.js';
import type { SyncStore } from '../storage/sync.js';
import { SyncError } from './errors.js';
import type { Transport } from './transport.js';

export type PairOutcome =
  | { status: 'paired'; link: HubLink }
  | { status: 'already-paired'; link: HubLink }
  /** Why not, as a code only: `pair-code-used`, `pair-code-invalid`, `malformed-code`, a `SyncError` kind. */
  | { status: 'failed'; reason: string; retryable: boolean };

export interface PairOptions {
  store: SyncStore;
  transport: Pick<Transport, 'pair'>;
  /** The hub's origin, stored with the link. */
  origin: string;
  code: string;
  /** The device's badge-signing public key (src/storage `deviceBadgeKey`). */
  badgeKey: () => Promise<{ kid: string; publicJwk: PublicJwk }>;
  now?: Date;
}

export async function pairDevice(options: PairOptions): Promise<PairOutcome> {
  const existing = await options.store.link();
  if (existing) return { status: 'already-paired', link: existing };
  if (!PAIR_CODE_PATTERN.test(options.code)) return { status: 'failed', reason: 'malformed-code', retryable: false };
  const now = options.now ?? new Date();
  const deviceId = await options.store.deviceId(now);
  const key = await options.badgeKey();
  try {
    const reply = await options.transport.pair({ code: options.code, deviceId, badgeKey: { kid: key.kid, publicJwk: key.publicJwk } });
    // The hub names the device we asked for; anything else would file our outbox under a stranger's id.
    if (reply.deviceId !== deviceId) return { status: 'failed', reason: 'device-mismatch', retryable: false };
    const link: HubLink = { origin: options.origin, token: reply.token, siteId: reply.siteId, deviceId, pairedAt: now.toISOString() };
    await options.store.setLink(link);
    return { status: 'paired', link };
  } catch (error) {
    if (error instanceof SyncError) return { status: 'failed', reason: error.details.hubCode ?? error.kind, retryable: error.retryable };
    throw error;
  }
}
