/**
 * GET /api/v1/sync/pull?since=CURSOR: what a kiosk needs from the hub, and nothing more — the site's public
 * configuration (with its key set) when it changed, invitation and pass ids revoked since, and whether this
 * device was revoked. Never visits, alerts or the watch list: a stolen tablet must not expose them.
 *
 * The cursor is the id of the newest event the kiosk has been told about (site changes and revocations are
 * events too). No cursor, or one the hub cannot read: everything, from the start.
 *
 * Erasures (hub/privacy.ts) since the cursor are listed too, so a kiosk deletes its copy of an erased visit at
 * once rather than at its daily purge. They are read apart from the kiosk events (desks receive `erasure`
 * events as well), also when the kiosk is too far behind for the event list. A first pull lists none: a kiosk
 * that never pulled was never told of anything, and keeps what it holds for a day at most (src/sync purge).
 *
 * The kiosk reports its outbox count and storage use with the pull (`report`); they are kept for the desk's
 * health view (hub/health.ts).
 */
import { MAX_PULL_ERASED_IDS, type PullReply, type PullReport } from '../../src/schemas/sync.js';
import type { HubStore, Repo } from '../db/index.js';
import type { Principal } from '../principal.js';
import { publicSiteConfig } from '../sites.js';

/** Kiosk-facing event types (never sent to desks' streams). */
export const KIOSK_EVENT_TYPES = ['site', 'revocation'] as const;
/** Most events one pull reads; a kiosk far behind gets the full picture instead (see below). */
const PULL_EVENT_LIMIT = 1000;

const parseCursor = (since: string | undefined): number | undefined => (since !== undefined && /^\d{1,15}$/.test(since) ? Number(since) : undefined);

/** Visit ids of the site's erasure events after `from`, at most MAX_PULL_ERASED_IDS (the newest are dropped: the next pull has them). */
async function erasedSince(repo: Repo, siteId: string, from: number): Promise<{ ids: string[]; complete: boolean; lastId: number | undefined }> {
  const rows = await repo.eventsAfter(from, PULL_EVENT_LIMIT, siteId, ['erasure']);
  const ids: string[] = [];
  let lastId: number | undefined;
  for (const row of rows) {
    const visitIds = (JSON.parse(row.data) as { visitIds?: unknown }).visitIds;
    const batch = Array.isArray(visitIds) ? visitIds.filter((v): v is string => typeof v === 'string') : [];
    if (ids.length + batch.length > MAX_PULL_ERASED_IDS) return { ids, complete: false, lastId };
    ids.push(...batch);
    lastId = row.id;
  }
  return { ids, complete: rows.length < PULL_EVENT_LIMIT, lastId };
}

export async function pull(store: HubStore, principal: Extract<Principal, { kind: 'device' }>, since: string | undefined, now: Date, report?: PullReport): Promise<PullReply> {
  const at = now.toISOString();
  if (principal.revoked) {
    return { cursor: since ?? '0', revokedJtis: [], deviceRevoked: true };
  }
  const reply = await store.read(async (repo) => {
    let last = await repo.lastEventId();
    const from = parseCursor(since);
    const events = from === undefined || from > last ? undefined : await repo.eventsAfter(from, PULL_EVENT_LIMIT + 1, principal.siteId, KIOSK_EVENT_TYPES);
    const erased = from === undefined || from > last ? undefined : await erasedSince(repo, principal.siteId, from);
    // More erasures than one reply holds (never in practice): the cursor stops after the last one listed, so
    // the next pull carries on from there (and repeats the kiosk events since, which are idempotent).
    if (erased && !erased.complete) last = erased.lastId ?? from ?? last;
    const erasedVisitIds = erased && erased.ids.length > 0 ? { erasedVisitIds: erased.ids } : {};
    if (events === undefined || events.length > PULL_EVENT_LIMIT) {
      // First pull, an unreadable cursor, or too far behind: the whole current state.
      return { cursor: String(last), site: await publicSiteConfig(repo, principal.siteId), revokedJtis: await repo.revokedJtis(principal.siteId, at), deviceRevoked: false, ...erasedVisitIds };
    }
    const siteChanged = events.some((e) => e.type === 'site');
    const revokedJtis = events.filter((e) => e.type === 'revocation').map((e) => (JSON.parse(e.data) as { jti: string }).jti);
    return {
      cursor: String(last),
      ...(siteChanged ? { site: await publicSiteConfig(repo, principal.siteId) } : {}),
      revokedJtis,
      deviceRevoked: false,
      ...erasedVisitIds,
    };
  });
  await store.write(async (repo) => {
    await repo.touchDevice(principal.deviceId, at);
    if (report && (report.pending !== undefined || report.storageBytes !== undefined)) await repo.deviceReports.save(principal.siteId, { deviceId: principal.deviceId, reportedAt: at, ...report });
  });
  return reply;
}
