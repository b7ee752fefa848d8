/**
 * The dialect adapter: the few places where SQLite and PostgreSQL differ, in one file. Everything else —
 * queries, upserts (`onConflict` is the same SQL on both), JSON as text, times as ISO text — is shared.
 *
 * - auto-increment ids (`integer primary key autoincrement` / `serial`);
 * - transactions: SQLite's `BEGIN IMMEDIATE` takes the write lock up front, so a transaction that reads then
 *   writes never fails half-way when another process (the CLI) wrote in between; PostgreSQL uses row locks
 *   (`FOR UPDATE`, a no-op on SQLite, where the whole database is locked anyway);
 * - event ordering: on PostgreSQL two transactions may take event ids 5 and 6 and commit 6 first, and a
 *   desk resuming after 6 would miss 5. An advisory lock held to commit makes id order commit order. SQLite
 *   has one writer at a time, so its ids are already in commit order.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { EVENTS_CHANNEL } from './pg-listen.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** Key of the PostgreSQL advisory lock that orders event ids (any constant; it only needs to be ours). */
const EVENTS_LOCK_KEY = 7_264_001;

export interface DialectAdapter {
  readonly name: DialectName;
  readonly autoIncrementType: 'integer' | 'serial';
  autoIncrementColumn(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Runs `fn` in a read-write transaction (the write lock taken at once on SQLite). */
  transaction<T>(db: Kysely<Database>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Runs `fn` in a read-only transaction that sees one consistent snapshot. */
  snapshot<T>(db: Kysely<Database>, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Locks the selected rows until commit (PostgreSQL); unchanged on SQLite. */
  forUpdate<O>(query: SelectQueryBuilder<Database, keyof Database, O>): SelectQueryBuilder<Database, keyof Database, O>;
  /** Called before inserting events, inside the transaction: makes event ids follow commit order. */
  lockEvents(tx: Kysely<Database>): Promise<void>;
  /**
   * Called once per site that got events in the transaction: tells other hub processes at commit
   * (PostgreSQL `pg_notify`, delivered only if the transaction commits; pg-listen.ts). SQLite: nothing.
   */
  announceEvents(tx: Kysely<Database>, siteId: string): Promise<void>;
}

async function sqliteTransaction<T>(db: Kysely<Database>, begin: string, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  // One connection, held for the whole transaction: Kysely's SQLite driver queues every other query behind it.
  return db.connection().execute(async (conn) => {
    await sql.raw(begin).execute(conn);
    try {
      const result = await fn(conn);
      await sql.raw('commit').execute(conn);
      return result;
    } catch (error) {
      await sql.raw('rollback').execute(conn);
      throw error;
    }
  });
}

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  autoIncrementType: 'integer',
  autoIncrementColumn: (c) => c.primaryKey().autoIncrement(),
  transaction: (db, fn) => sqliteTransaction(db, 'begin immediate', fn),
  snapshot: (db, fn) => sqliteTransaction(db, 'begin', fn),
  forUpdate: (query) => query,
  lockEvents: () => Promise.resolve(),
  announceEvents: () => Promise.resolve(),
};

export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  autoIncrementType: 'serial',
  autoIncrementColumn: (c) => c.primaryKey(),
  transaction: (db, fn) => db.transaction().setIsolationLevel('read committed').execute(fn),
  snapshot: (db, fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn),
  forUpdate: (query) => query.forUpdate(),
  async lockEvents(tx) {
    await sql`select pg_advisory_xact_lock(${EVENTS_LOCK_KEY})`.execute(tx);
  },
  async announceEvents(tx, siteId) {
    await sql`select pg_notify(${EVENTS_CHANNEL}, ${siteId})`.execute(tx);
  },
};
