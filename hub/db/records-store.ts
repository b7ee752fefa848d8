/**
 * Queries of lobby records (migration 0011-lobby-records; src/domain/lobby), reached as `repo.records` inside a
 * `HubStore` transaction, so a record, its `changes` row, its desk event and its notifications commit together.
 * The whole record is kept as JSON in `data`; `state`, `day_key`, `history_len` and `updated_at` sit beside it
 * for the desk's query and the merge rule.
 */
import type { Kysely } from 'kysely';
import { RECORD_KINDS, RECORD_MACHINES, type LobbyRecord } from '../../src/domain/lobby/record.js';
import type { DialectAdapter } from './adapter.js';
import type { Database } from './schema.js';

/** Ids per `IN (…)` list (as store.ts). */
const READ_CHUNK = 500;

/** A stored record with what the merge rule compares. */
export interface StoredRecord {
  siteId: string;
  record: LobbyRecord;
  historyLen: number;
  updatedAt: string;
}

/** Each kind's states from which something can still happen (the desk's "still waiting"). */
const OPEN_STATES: readonly (readonly [string, string[]])[] = RECORD_KINDS.map((k) => [k, Object.entries(RECORD_MACHINES[k].next).filter(([, next]) => next.length > 0).map(([s]) => s)] as const);

/** Each kind's closed states (nothing follows them): a collected parcel, a rider who left. */
const CLOSED_STATES: readonly (readonly [string, string[]])[] = RECORD_KINDS.map((k) => [k, Object.entries(RECORD_MACHINES[k].next).filter(([, next]) => next.length === 0).map(([s]) => s)] as const);

const row = (record: LobbyRecord, at: string) => ({
  id: record.id,
  site_id: record.siteId,
  kind: record.kind,
  state: record.state,
  day_key: record.dayKey,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
  history_len: record.history.length,
  data: JSON.stringify(record),
  received_at: at,
});

export class RecordsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
  ) {}

  /** The stored versions of `ids` (locked for this transaction on PostgreSQL), by id. */
  async forUpdate(ids: readonly string[]): Promise<Map<string, StoredRecord>> {
    const found = new Map<string, StoredRecord>();
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const rows = await this.adapter.forUpdate(this.db.selectFrom('lobby_records').selectAll().where('id', 'in', ids.slice(i, i + READ_CHUNK))).execute();
      for (const r of rows) found.set(r.id, { siteId: r.site_id, record: JSON.parse(r.data) as LobbyRecord, historyLen: r.history_len, updatedAt: r.updated_at });
    }
    return found;
  }

  /** Inserts a record first seen; false when another push inserted it first (merge against theirs then). */
  async insert(record: LobbyRecord, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('lobby_records')
      .values(row(record, at))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async replace(record: LobbyRecord, at: string): Promise<void> {
    const { id: _id, site_id: _site, ...rest } = row(record, at);
    await this.db.updateTable('lobby_records').set(rest).where('id', '=', record.id).execute();
  }

  /** Record `id` of the site, if any. */
  async get(siteId: string, id: string): Promise<LobbyRecord | undefined> {
    const r = await this.db.selectFrom('lobby_records').select('data').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    return r ? (JSON.parse(r.data) as LobbyRecord) : undefined;
  }

  /** What a desk starts from: every record still open (any age: a parcel waits for days) and the day's closed ones. */
  async forDesk(siteId: string, dayKey: string): Promise<LobbyRecord[]> {
    const rows = await this.db
      .selectFrom('lobby_records')
      .select('data')
      .where('site_id', '=', siteId)
      .where((eb) => eb.or([eb('day_key', '=', dayKey), ...OPEN_STATES.filter(([, states]) => states.length > 0).map(([kind, states]) => eb.and([eb('kind', '=', kind), eb('state', 'in', states)]))]))
      .orderBy('created_at')
      .execute();
    return rows.map((r) => JSON.parse(r.data) as LobbyRecord);
  }

  /**
   * Retention (hub/retention.ts): deletes up to `limit` closed records of the site last changed before `before`
   * (a collector's name and signature are personal data, kept like a visit log); open ones stay whatever their
   * age. Returns how many went.
   */
  async deleteClosedBefore(siteId: string, before: string, limit: number): Promise<number> {
    const rows = await this.db
      .selectFrom('lobby_records')
      .select('id')
      .where('site_id', '=', siteId)
      .where('updated_at', '<', before)
      .where((eb) => eb.or(CLOSED_STATES.filter(([, states]) => states.length > 0).map(([kind, states]) => eb.and([eb('kind', '=', kind), eb('state', 'in', states)]))))
      .limit(limit)
      .execute();
    if (rows.length === 0) return 0;
    await this.db.deleteFrom('lobby_records').where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.length;
  }

  /**
   * What a report of `[start, end)` needs (hub/reports.ts): records of `kinds` made before the end and either
   * changed since the start or still open (a card out for weeks is outstanding at the period's end). Parsed.
   */
  async forReport(siteId: string, kinds: readonly string[], start: string, end: string): Promise<LobbyRecord[]> {
    const open = OPEN_STATES.filter(([kind, states]) => kinds.includes(kind) && states.length > 0);
    const rows = await this.db
      .selectFrom('lobby_records')
      .select('data')
      .where('site_id', '=', siteId)
      .where('kind', 'in', kinds)
      .where('created_at', '<', end)
      .where((eb) => eb.or([eb('updated_at', '>=', start), ...open.map(([kind, states]) => eb.and([eb('kind', '=', kind), eb('state', 'in', states)]))]))
      .orderBy('created_at')
      .execute();
    return rows.map((r) => JSON.parse(r.data) as LobbyRecord);
  }

  /** Every record of the site of `kinds` (an erasure request looks for a name in them). */
  async ofKinds(siteId: string, kinds: readonly string[]): Promise<LobbyRecord[]> {
    const rows = await this.db.selectFrom('lobby_records').select('data').where('site_id', '=', siteId).where('kind', 'in', kinds).execute();
    return rows.map((r) => JSON.parse(r.data) as LobbyRecord);
  }

  /** Deletes the site's `record` events from before `before`: desks away longer reload their state. */
  async deleteEventsBefore(siteId: string, before: string): Promise<void> {
    await this.db.deleteFrom('events').where('site_id', '=', siteId).where('type', '=', 'record').where('at', '<', before).execute();
  }
}
