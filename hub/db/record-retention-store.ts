/**
 * Retention of the records kept longer than visits (issue 6 item 3): closed ledger entries — complaints,
 * enquiries, repair reports (migration 0012) — past the site's `retention.recordDays`. Reached as
 * `repo.recordRetention` in a `HubStore` transaction; used by hub/retention.ts (staff have no delete path),
 * and by push to keep purged and erased visits from coming back (`previouslyChanged`).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Ledger statuses after which nothing more happens to an entry (src/domain/ledger/view.ts `isActive`). */
export const CLOSED_LEDGER_STATUSES = ['resolved', 'followed-up'] as const;

export class RecordRetentionRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Ids of the site's closed entries last changed before `before`, at most `limit`. */
  async closedLedgerBefore(siteId: string, before: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('ledger_entries')
      .select('id')
      .where('site_id', '=', siteId)
      .where('status', 'in', [...CLOSED_LEDGER_STATUSES])
      .where('updated_at', '<', before)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async deleteLedgerEntries(siteId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('ledger_entries').where('site_id', '=', siteId).where('id', 'in', [...ids]).execute();
  }

  /**
   * Of `visitIds`, those `deviceId` sent changes of before, outside `exceptSeqs` (this push's own changes): a
   * visit the hub had and no longer has was purged or erased. Reads the device's rows by the primary key's
   * prefix (site, device): no index on visit ids needed.
   */
  async previouslyChanged(siteId: string, deviceId: string, visitIds: readonly string[], exceptSeqs: readonly number[]): Promise<Set<string>> {
    if (visitIds.length === 0) return new Set();
    let q = this.db.selectFrom('changes').select('visit_id').where('site_id', '=', siteId).where('device_id', '=', deviceId).where('visit_id', 'in', [...visitIds]);
    if (exceptSeqs.length > 0) q = q.where('seq', 'not in', [...exceptSeqs]);
    return new Set((await q.execute()).map((r) => r.visit_id));
  }
}
