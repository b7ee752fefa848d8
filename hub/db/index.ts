/**
 * Opening the hub's database: SQLite through better-sqlite3 in `${DATA_DIR}/hub.sqlite` by default, PostgreSQL
 * through `pg` when DATABASE_URL is set; migrations applied on open. hub/db is the only user of kysely and the
 * drivers (lint zone): the rest of the hub works through `HubStore` (store.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { postgresAdapter, sqliteAdapter, type DialectAdapter } from './adapter.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';
import { HubStore } from './store.js';

export type { DialectName } from './adapter.js';
export * from './store.js';
export type { HostAnswerCode, HostAnswerRow } from './host-answer-store.js';
export type { AttemptRow, DeliveryChannel, DeliveryRow, DeliveryStatus, RecipientRow, WebhookRow } from './notify-store.js';

/** The embedded database's file name inside DATA_DIR. */
export const SQLITE_FILE = 'hub.sqlite';
/**
 * How long SQLite waits for another process's write lock (the CLI while the hub runs, or the reverse)
 * before failing: far longer than any of our transactions holds it.
 */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** PostgreSQL connections per hub process: a handful covers a site's kiosks and desks. */
const PG_POOL_SIZE = 10;

export interface OpenOptions {
  /** Directory of the SQLite file (created if missing). */
  dataDir: string;
  /** `postgres://…`: use this PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
}

/** Prepared statements kept per SQL text: the hub's queries are a few dozen shapes, repeated for every row. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing cost more than running (a profile of a
 * 10 000-visit sync: 1.0 s preparing against 0.9 s executing). better-sqlite3 statements are reusable and the
 * driver runs one query at a time, so the same statement object can serve every later query with that text.
 * Least recently used statements are dropped beyond `STATEMENT_CACHE_SIZE` (a batch insert's text varies with
 * its row count). SQLite re-prepares a cached statement by itself when the schema changes.
 */
function withStatementCache(file: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = file.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/** Opens (and migrates) the database the options name. */
export async function openStore(options: OpenOptions): Promise<HubStore> {
  let db: Kysely<Database>;
  let adapter: DialectAdapter;
  if (options.databaseUrl) {
    adapter = postgresAdapter;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: PG_POOL_SIZE });
    // An idle client's error (the server restarted) must not crash the hub; the next query reconnects.
    pool.on('error', () => undefined);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    adapter = sqliteAdapter;
    mkdirSync(options.dataDir, { recursive: true });
    const file = new SQLite(join(options.dataDir, SQLITE_FILE));
    // WAL: readers never block the writer, and a second process (the CLI) can use the file while the hub runs.
    file.pragma('journal_mode = WAL');
    // FULL: fsync at every commit, so an acknowledged record survives a power loss, not only a crash.
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    file.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  }
  try {
    // Unordered: every migration only adds tables or columns, and migrations made on branches at the same time
    // (0006 and 0007 here) may reach a database in either order; each still runs exactly once.
    const { error, results } = await new Migrator({ db, provider: migrationProvider(adapter), allowUnorderedMigrations: true }).migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) throw new Error(`hub database migration failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new HubStore(db, adapter, options.databaseUrl || undefined);
}
