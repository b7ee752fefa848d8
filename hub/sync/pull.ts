/**
 * GET /api/v1/sync/pull?since=CURSOR: what a kiosk needs from the hub, and nothing more — the site's public
 * configuration (with its key set) when it changed, invitation and pass ids revoked since, and whether this
 * device was revoked. Never visits, alerts or the watch list: a stolen tablet must not expose them.
 *
 * The cursor is the id of the newest event the kiosk has been told about (site changes and revocations are
 * events too). No cursor, or one the hub cannot read: everything, from the start.
 */
import type { PullReply } from '../../src/schemas/sync.js';
import type { HubStore } from '../db/index.js';
import type { Principal } from '../principal.js';
import { publicSiteConfig } from '../sites.js';

/** Kiosk-facing event types (never sent to desks' streams). */
export const KIOSK_EVENT_TYPES = ['site', 'revocation'] as const;
/** Most events one pull reads; a kiosk far behind gets the full picture instead (see below). */
const PULL_EVENT_LIMIT = 1000;

const parseCursor = (since: string | undefined): number | undefined => (since !== undefined && /^\d{1,15}$/.test(since) ? Number(since) : undefined);

export async function pull(store: HubStore, principal: Extract<Principal, { kind: 'device' }>, since: string | undefined, now: Date): Promise<PullReply> {
  const at = now.toISOString();
  if (principal.revoked) {
    return { cursor: since ?? '0', revokedJtis: [], deviceRevoked: true };
  }
  const reply = await store.read(async (repo) => {
    const last = await repo.lastEventId();
    const from = parseCursor(since);
    const events = from === undefined || from > last ? undefined : await repo.eventsAfter(from, PULL_EVENT_LIMIT + 1, principal.siteId, KIOSK_EVENT_TYPES);
    if (events === undefined || events.length > PULL_EVENT_LIMIT) {
      // First pull, an unreadable cursor, or too far behind: the whole current state.
      return { cursor: String(last), site: await publicSiteConfig(repo, principal.siteId), revokedJtis: await repo.revokedJtis(principal.siteId, at), deviceRevoked: false };
    }
    const siteChanged = events.some((e) => e.type === 'site');
    const revokedJtis = events.filter((e) => e.type === 'revocation').map((e) => (JSON.parse(e.data) as { jti: string }).jti);
    return {
      cursor: String(last),
      ...(siteChanged ? { site: await publicSiteConfig(repo, principal.siteId) } : {}),
      revokedJtis,
      deviceRevoked: false,
    };
  });
  await store.write((repo) => repo.touchDevice(principal.deviceId, at));
  return reply;
}
