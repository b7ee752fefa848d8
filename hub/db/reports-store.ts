/**
 * The report aggregates (issue 8 item 6), reached as `repo.reports` inside a `HubStore` transaction: SQL
 * counts grouped by a key — never a visit's JSON, a name or a phone. Visits are counted by the generated column
 * `visitor_type` and the `visits_report` index of migration 0013 (site, day, type, registration time), so a
 * month's counts read the index only. Purged visits count through `visit_counts` (retention keeps their
 * type and day; their hour is gone).
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Alert } from '../../src/domain/desk.js';
import { UTC_BUCKET_CHARS } from '../../src/domain/reports/visits.js';
import type { Database } from './schema.js';

/** The alert kinds reports count as incidents (DOMAIN.md "Incidents"; watch-list matches are filed like them). */
const INCIDENT_KINDS = ['incident', 'watchlist'] as const;

const num = (n: string | number | bigint | null): number => Number(n ?? 0);

export class ReportsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** A site's visits registered on local days `from`…`to` (inclusive) by visitor type, purged ones included. */
  async visitsByType(siteId: string, from: string, to: string): Promise<{ visitorType: string; n: number }[]> {
    // SQLite's planner prefers `visits_site_day` here and then computes the VIRTUAL column from each row's JSON
    // (102 ms for a month of a site-year in a probe); named, `visits_report` answers from the index (2.7 ms).
    // PostgreSQL stores the column and plans well on its own.
    const live =
      this.db.getExecutor().adapter instanceof SqliteAdapter
        ? (await sql<{ type: string | null; n: number }>`select visitor_type as type, count(*) as n from visits indexed by visits_report where site_id = ${siteId} and day_key >= ${from} and day_key <= ${to} group by visitor_type`.execute(this.db)).rows
        : await this.db
            .selectFrom('visits')
            .select([sql<string | null>`visitor_type`.as('type'), (eb) => eb.fn.countAll<string | number>().as('n')])
            .where('site_id', '=', siteId)
            .where('day_key', '>=', from)
            .where('day_key', '<=', to)
            .groupBy(sql`visitor_type`)
            .execute();
    const kept = await this.db
      .selectFrom('visit_counts')
      .select(['visitor_type as type', (eb) => eb.fn.sum<string | number>('n').as('n')])
      .where('site_id', '=', siteId)
      .where('day_key', '>=', from)
      .where('day_key', '<=', to)
      .groupBy('visitor_type')
      .execute();
    return [...live, ...kept].map((r) => ({ visitorType: r.type ?? 'unknown', n: num(r.n) }));
  }

  /** The same visits by local day, purged ones included. */
  async visitsByDay(siteId: string, from: string, to: string): Promise<{ dayKey: string; n: number }[]> {
    const live = await this.db
      .selectFrom('visits')
      .select(['day_key', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('site_id', '=', siteId)
      .where('day_key', '>=', from)
      .where('day_key', '<=', to)
      .groupBy('day_key')
      .execute();
    const kept = await this.db
      .selectFrom('visit_counts')
      .select(['day_key', (eb) => eb.fn.sum<string | number>('n').as('n')])
      .where('site_id', '=', siteId)
      .where('day_key', '>=', from)
      .where('day_key', '<=', to)
      .groupBy('day_key')
      .execute();
    return [...live, ...kept].map((r) => ({ dayKey: r.day_key, n: num(r.n) }));
  }

  /**
   * The same (live) visits by UTC ten-minute bucket of their registration time: SQL knows no site zone, so
   * src/domain/reports/visits.ts moves the buckets to local hours.
   */
  async visitBuckets(siteId: string, from: string, to: string): Promise<{ bucket: string; n: number }[]> {
    const bucket = sql<string>`substr(created_at, 1, ${sql.lit(UTC_BUCKET_CHARS)})`;
    const rows = await this.db
      .selectFrom('visits')
      .select([bucket.as('bucket'), (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('site_id', '=', siteId)
      .where('day_key', '>=', from)
      .where('day_key', '<=', to)
      .groupBy(bucket)
      .execute();
    return rows.map((r) => ({ bucket: r.bucket, n: num(r.n) }));
  }

  /** A site's incident and watch-list alerts raised in `[start, end)` (ISO instants) by class. */
  async alertsByClass(siteId: string, start: string, end: string): Promise<{ cls: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select(['class', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('site_id', '=', siteId)
      .where('kind', 'in', [...INCIDENT_KINDS])
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .groupBy('class')
      .execute();
    return rows.map((r) => ({ cls: r.class, n: num(r.n) }));
  }

  /** The incident and watch-list alerts themselves, oldest first (the incidents export: no visitor's data). */
  async incidentAlerts(siteId: string, start: string, end: string): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select('data')
      .where('site_id', '=', siteId)
      .where('kind', 'in', [...INCIDENT_KINDS])
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.data) as Alert);
  }
}
