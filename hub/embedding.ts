/**
 * Frame mode (issue 9 item 1): the hub serves `/embed/kiosk` and `/embed/desk` for host portals that must not
 * see visitor data. Only the origins a site lists in `embedding.origins` may frame them (CSP `frame-ancestors`)
 * and exchange messages with them (the frame reads the same list from `/site.json`: kiosk/frame-bridge.ts).
 * The operator edits the list with `npm run hub -- embed-origins --add URL | --remove URL` (audited).
 */
import { parseSiteConfig } from '../src/schemas/site.js';
import { recordAudit } from './audit.js';
import type { HubStore, Repo } from './db/index.js';
import { HubError } from './errors.js';
import { loadSite } from './sites.js';

/** The pages of frame mode (hub/static.ts maps them to the built files). */
export const EMBED_PAGES = ['/embed/kiosk', '/embed/desk'] as const;

/** Whether a path is one of the frame-mode pages (with or without a trailing slash). */
export const isEmbedPage = (path: string): boolean => (EMBED_PAGES as readonly string[]).includes(path.replace(/\/$/, ''));

/**
 * `frame-ancestors` for the frame pages: the hub itself (its own `/demo`) and the site's embedding origins —
 * read at each request, so a new origin works at once (these pages are loaded once per frame, not per tap).
 */
export function frameAncestors(origins: readonly string[]): string {
  return ["'self'", ...origins].join(' ');
}

/** The embedding origins of a site (none when it lists none). */
export async function embeddingOrigins(repo: Repo, siteId: string): Promise<string[]> {
  const { site } = await loadSite(repo, siteId);
  return site.embedding?.origins ?? [];
}

/** Adds and removes embedding origins of a site, validated as the configuration is, audited; returns the new list. */
export async function changeEmbeddingOrigins(store: HubStore, siteId: string, change: { add: readonly string[]; remove: readonly string[] }, at: Date, actor: string): Promise<string[]> {
  return store.write(async (repo) => {
    const { site } = await loadSite(repo, siteId);
    const kept = (site.embedding?.origins ?? []).filter((o) => !change.remove.includes(o));
    const origins = [...kept, ...change.add.filter((o) => !kept.includes(o))];
    const parsed = parseSiteConfig({ ...site, embedding: { origins } });
    if (!parsed.ok) throw new HubError(400, 'bad-request', 'not an origin (https://host[:port], lower case, no path; http://localhost[:port] for development)', String(parsed.details?.['path'] ?? ''));
    await repo.siteAdmin.replaceConfig(parsed.value);
    await recordAudit(repo, { siteId, actor, action: 'site-config-change', target: 'embedding.origins', at });
    return origins;
  });
}
