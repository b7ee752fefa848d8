/**
 * Queries of the front-desk ledger (migration 0012-ledger), reached as `repo.ledger` inside a `HubStore`
 * transaction, so a form number, an entry and the audit line of its reading commit together. Insert, read and
 * a versioned update only: there is no delete (complaint records are removed by retention, never by staff).
 */
import type { Kysely } from 'kysely';
import type { LedgerEntry } from '../../src/domain/ledger/index.js';
import type { DialectAdapter } from './adapter.js';
import type { Database } from './schema.js';

export interface LedgerRow {
  entry: LedgerEntry;
  version: number;
}

const columns = (entry: LedgerEntry) => ({
  number: entry.number,
  category: entry.category,
  channel: entry.channel,
  status: entry.status,
  received_at: entry.receivedAt,
  due_at: entry.dueAt ?? null,
  stopped_at: entry.stoppedAt ?? null,
  updated_at: entry.updatedAt,
  data: JSON.stringify(entry),
});

const toRow = (r: { data: string; version: number | string }): LedgerRow => ({ entry: JSON.parse(r.data) as LedgerEntry, version: Number(r.version) });

export class LedgerRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
  ) {}

  /** The next form sequence of `siteId` in `year` (1, 2, …): the counter row is locked until commit. */
  async nextNumber(siteId: string, year: number): Promise<number> {
    await this.db.insertInto('ledger_counters').values({ site_id: siteId, year, last: 0 }).onConflict((oc) => oc.columns(['site_id', 'year']).doNothing()).execute();
    const row = await this.adapter
      .forUpdate(this.db.selectFrom('ledger_counters').select('last').where('site_id', '=', siteId).where('year', '=', year))
      .executeTakeFirstOrThrow();
    const next = Number(row.last) + 1;
    await this.db.updateTable('ledger_counters').set({ last: next }).where('site_id', '=', siteId).where('year', '=', year).execute();
    return next;
  }

  async insert(entry: LedgerEntry): Promise<LedgerRow> {
    await this.db.insertInto('ledger_entries').values({ id: entry.id, site_id: entry.siteId, version: 1, ...columns(entry) }).execute();
    return { entry, version: 1 };
  }

  /** The entry, locked until commit when `lock` (PostgreSQL; SQLite's write transaction locks everything). */
  async get(siteId: string, id: string, lock = false): Promise<LedgerRow | undefined> {
    const q = this.db.selectFrom('ledger_entries').select(['data', 'version']).where('site_id', '=', siteId).where('id', '=', id);
    const r = await (lock ? this.adapter.forUpdate(q) : q).executeTakeFirst();
    return r && toRow(r);
  }

  /** Writes `entry` over version `expected`; false (nothing written) when another change came first. */
  async update(entry: LedgerEntry, expected: number): Promise<boolean> {
    const result = await this.db
      .updateTable('ledger_entries')
      .set({ ...columns(entry), version: expected + 1 })
      .where('site_id', '=', entry.siteId)
      .where('id', '=', entry.id)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * A site's entries received in `[from, to)` (ISO instants; either open) plus, with `active`, every entry not
   * yet followed up whenever received — the desk's worklist. Newest first, at most `limit`.
   */
  async list(siteId: string, range: { from?: string | undefined; to?: string | undefined; active?: boolean }, limit: number): Promise<LedgerRow[]> {
    let q = this.db.selectFrom('ledger_entries').select(['data', 'version']).where('site_id', '=', siteId);
    const { from, to, active } = range;
    if (from !== undefined || to !== undefined || active) {
      q = q.where((eb) => {
        const inRange = [];
        if (from !== undefined) inRange.push(eb('received_at', '>=', from));
        if (to !== undefined) inRange.push(eb('received_at', '<', to));
        // Still owed work: everything not followed up (a resolved entry still owes its follow-up).
        const owed = eb('status', '!=', 'followed-up');
        if (inRange.length === 0) return owed;
        return active ? eb.or([eb.and(inRange), owed]) : eb.and(inRange);
      });
    }
    const rows = await q.orderBy('received_at', 'desc').limit(limit).execute();
    return rows.map(toRow);
  }
}
