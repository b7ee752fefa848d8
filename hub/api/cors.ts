/**
 * Strict CORS on `/api/v1` (issue 6 item 7). By default the hub sends no CORS header at all: only its own
 * pages (same origin) can read its answers. A site may list embedding origins (`SiteConfig.embedding`, e.g. the
 * company's intranet portal); exactly those get a preflight answer and `Access-Control-Allow-Origin`, and an
 * authenticated answer only when the token belongs to a site that lists the origin. Tokens travel in
 * `Authorization`, never in cookies, so credentials are never allowed.
 */
import type { Clock } from '../clock.js';
import type { HubStore } from '../db/index.js';
import { loadSite } from '../sites.js';

/** How long the origins read from the sites' configurations are trusted before being read again. */
export const ORIGINS_TTL_MS = 10_000;
/** How long a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_S = 600;

export const CORS_ALLOW_METHODS = 'GET, POST, DELETE';
export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Last-Event-ID';
/** Headers a page may read besides the simple ones: when to try again after 429. */
const CORS_EXPOSE_HEADERS = 'Retry-After';

export class EmbeddingOrigins {
  private cache: { at: number; sites: Map<string, Set<string>> } | undefined;
  private loading: Promise<Map<string, Set<string>>> | undefined;

  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
  ) {}

  /** The ids of the sites that list `origin` (undefined: none). */
  async sitesFor(origin: string): Promise<ReadonlySet<string> | undefined> {
    const now = this.clock().getTime();
    if (!this.cache || now - this.cache.at > ORIGINS_TTL_MS || now < this.cache.at) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      this.cache = { at: now, sites: await this.loading };
    }
    return this.cache.sites.get(origin);
  }

  private load(): Promise<Map<string, Set<string>>> {
    return this.store.read(async (repo) => {
      const map = new Map<string, Set<string>>();
      for (const id of await repo.siteIds()) {
        const { site } = await loadSite(repo, id);
        for (const origin of site.embedding?.origins ?? []) map.set(origin, (map.get(origin) ?? new Set()).add(id));
      }
      return map;
    });
  }
}

/** Headers of a preflight answer for an allowed origin. */
export const preflightHeaders = (origin: string): Record<string, string> => ({
  'Access-Control-Allow-Origin': origin,
  'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
  'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
  'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
  Vary: 'Origin',
});

/** Headers of an actual answer to an allowed origin. */
export const answerHeaders = (origin: string): Record<string, string> => ({
  'Access-Control-Allow-Origin': origin,
  'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS,
  Vary: 'Origin',
});
