/**
 * A site's configuration and watch list changed at the hub (issue 6 item 4), through the API (site manager;
 * the watch list also the guard) or the CLI. Each change is appended to the audit log in the SAME transaction
 * (hub/audit.ts) with who, when and what — ids and key names only: a watch-list entry by its id, never the
 * name or phone it holds; a configuration change by the top-level keys that changed, never their values.
 *
 * A configuration change reaches the kiosks through their pull (a `site` event: hub/sync/pull.ts); the watch
 * list never leaves the hub and the desks (hub/sync/classify.ts matches arrivals against it).
 */
import type { WatchEntry } from '../src/domain/desk.js';
import type { SiteConfig } from '../src/domain/site.js';
import { watchEntrySchema } from '../src/schemas/desk.js';
import { DEFAULT_WATCH_DAYS, MAX_WATCH_DAYS, type AddWatchEntryRequest } from '../src/schemas/site-admin.js';
import { parseSiteConfig } from '../src/schemas/site.js';
import { recordAudit } from './audit.js';
import type { HubStore } from './db/index.js';
import { HubError } from './errors.js';
import { newId } from './ids.js';
import { loadSite } from './sites.js';

/** Longest audit target (src/schemas/audit.ts allows 200 characters). */
const MAX_TARGET = 200;
const DAY_MS = 86_400_000;

/** The site's stored configuration (without the published key set and sealing key, which the hub adds). */
export async function siteConfigOf(store: HubStore, siteId: string): Promise<SiteConfig> {
  return (await store.read((repo) => loadSite(repo, siteId))).site;
}

/** The top-level keys whose values differ: what the audit says changed. */
function changedKeys(before: SiteConfig, after: SiteConfig): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify((before as unknown as Record<string, unknown>)[k]) !== JSON.stringify((after as unknown as Record<string, unknown>)[k])).sort();
}

/**
 * Replaces the site's configuration with `input` after `parseSiteConfig`; its `id` must be the site's. Returns
 * the keys that changed (none: nothing written, nothing audited). Kiosks receive it with their next pull.
 */
export async function setSiteConfig(store: HubStore, siteId: string, input: unknown, actor: string, now: Date): Promise<{ config: SiteConfig; changed: string[] }> {
  const parsed = parseSiteConfig(input);
  if (!parsed.ok) {
    const path = String(parsed.details?.['path'] ?? '');
    throw new HubError(400, 'bad-request', `invalid site configuration at ${path || '(top)'}: ${String(parsed.details?.['message'] ?? 'invalid')}`, path);
  }
  const { keySet: _k, sealKey: _s, ...config } = parsed.value;
  if (config.id !== siteId) throw new HubError(400, 'bad-request', 'the configuration is of another site', 'id');
  return store.write(async (repo) => {
    const before = (await loadSite(repo, siteId)).site;
    const changed = changedKeys(before, config);
    if (changed.length === 0) return { config: before, changed };
    await repo.siteAdmin.replaceConfig(config);
    let target = changed.join(',');
    if (target.length > MAX_TARGET) target = `${target.slice(0, MAX_TARGET - 1)}…`;
    await recordAudit(repo, { siteId, actor, action: 'site-config-change', target, at: now });
    // No data in the event: a kiosk's pull sends the whole public configuration when it sees one.
    await repo.emit(siteId, 'site', { type: 'site' }, now.toISOString());
    return { config, changed };
  });
}

export async function watchList(store: HubStore, siteId: string): Promise<WatchEntry[]> {
  return store.read(async (repo) => {
    await loadSite(repo, siteId); // not-found for an unknown site
    return repo.siteAdmin.watchList(siteId);
  });
}

/** Adds an entry (approved by `request.approvedBy`, or `approver`), audited as `add:<id>`. */
export async function addWatchEntry(store: HubStore, siteId: string, request: AddWatchEntryRequest, who: { actor: string; approver: string }, now: Date): Promise<WatchEntry> {
  const id = newId(now);
  const expiresAt = request.expiresAt !== undefined ? Date.parse(request.expiresAt) : now.getTime() + (request.days ?? DEFAULT_WATCH_DAYS) * DAY_MS;
  if (expiresAt <= now.getTime() || expiresAt > now.getTime() + MAX_WATCH_DAYS * DAY_MS) throw new HubError(400, 'bad-request', `an entry expires within ${MAX_WATCH_DAYS} days from now`, 'expiresAt');
  const entry = watchEntrySchema.safeParse({
    id,
    siteId,
    kind: request.kind,
    value: request.value.trim(),
    reason: request.reason.trim(),
    approvedBy: (request.approvedBy ?? who.approver).trim(),
    createdAt: now.toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
  } satisfies WatchEntry);
  if (!entry.success) throw new HubError(400, 'bad-request', 'invalid watch-list entry', entry.error.issues[0]?.path.map(String).join('.'));
  const e = entry.data;
  await store.write(async (repo) => {
    await loadSite(repo, siteId);
    await repo.insertWatchEntry(siteId, { id: e.id, kind: e.kind, value: e.value, reason: e.reason, approvedBy: e.approvedBy, expiresAt: e.expiresAt }, e.createdAt);
    await recordAudit(repo, { siteId, actor: who.actor, action: 'watchlist-change', target: `add:${e.id}`, at: now });
  });
  return e;
}

/** Removes an entry, audited as `remove:<id>`; false when the site has none with this id. */
export async function removeWatchEntry(store: HubStore, siteId: string, id: string, actor: string, now: Date): Promise<boolean> {
  return store.write(async (repo) => {
    if (!(await repo.siteAdmin.deleteWatchEntry(siteId, id))) return false;
    await recordAudit(repo, { siteId, actor, action: 'watchlist-change', target: `remove:${id}`, at: now });
    return true;
  });
}
