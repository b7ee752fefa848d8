/**
 * Queries of the audit log (migration 0007), reached as `repo.audit` inside a `HubStore` transaction so an
 * entry commits with the export, read or change it records — or neither does. Append and read only: the log
 * has no update or delete here on purpose (retention of the log itself is the lead's retention job to decide).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AuditRow {
  /** Insertion order: newest first is `seq` descending (the clock may be moved in tests; the sequence is not). */
  seq: number;
  siteId: string;
  at: string;
  actor: string;
  action: string;
  target?: string;
}

export class AuditRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: Omit<AuditRow, 'seq'>): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({ site_id: entry.siteId, at: entry.at, actor: entry.actor, action: entry.action, target: entry.target ?? null })
      .execute();
  }

  /** A site's entries with `from <= at < to`, newest first, `limit` of them, older than `beforeSeq` when given. */
  async page(siteId: string, range: { from?: string | undefined; to?: string | undefined; beforeSeq?: number | undefined }, limit: number): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_log').selectAll().where('site_id', '=', siteId);
    if (range.from !== undefined) q = q.where('at', '>=', range.from);
    if (range.to !== undefined) q = q.where('at', '<', range.to);
    if (range.beforeSeq !== undefined) q = q.where('seq', '<', range.beforeSeq);
    const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({ seq: Number(r.seq), siteId: r.site_id, at: r.at, actor: r.actor, action: r.action, ...(r.target !== null ? { target: r.target } : {}) }));
  }
}
