/**
 * Changes to a site's configuration and watch list made through the hub (issue 6 item 4: each one audited by
 * the caller in the same transaction). Reached as `repo.siteAdmin`. Reading the watch list and inserting an
 * entry stay in store.ts (`watchEntries`, `insertWatchEntry`), where push's classifier uses them.
 */
import type { Kysely } from 'kysely';
import type { WatchEntry } from '../../src/domain/desk.js';
import type { SiteConfig } from '../../src/domain/site.js';
import type { Database } from './schema.js';

export class SiteAdminRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replaces the stored configuration (without the published key set, as `insertSite` stores it). */
  async replaceConfig(config: SiteConfig): Promise<boolean> {
    const { keySet: _published, sealKey: _seal, ...stored } = config;
    const result = await this.db.updateTable('sites').set({ config: JSON.stringify(stored) }).where('id', '=', config.id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The site's watch list as the desk's schema describes it (with its site and creation time), soonest expiry first. */
  async watchList(siteId: string): Promise<WatchEntry[]> {
    const rows = await this.db.selectFrom('watch_entries').selectAll().where('site_id', '=', siteId).orderBy('expires_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, siteId: r.site_id, kind: r.kind, value: r.value, reason: r.reason, approvedBy: r.approved_by, createdAt: r.created_at, expiresAt: r.expires_at }));
  }

  /** Deletes one entry of the site's watch list; false when there is none with this id at the site. */
  async deleteWatchEntry(siteId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('watch_entries').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
