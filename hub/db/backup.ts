/**
 * Backups of the embedded database (`npm run hub -- backup FILE` / `restore FILE`, hub/README.md "Backups").
 *
 * Backup is SQLite's online backup API (better-sqlite3 `db.backup`): a consistent copy taken page by page
 * while the hub keeps serving (WAL: the copy reads a snapshot, the hub's writes are not blocked). It is
 * written to `FILE.partial-PID`, switched to a single self-contained file (journal_mode=DELETE, no -wal to
 * forget), checked like a restore would check it, and only then renamed to FILE — a backup that fails half
 * way never leaves a file that looks like a backup.
 *
 * Restore refuses before touching anything: a live hub on the data directory, a backup that is not a whole
 * SQLite database of ours (integrity_check, our migrations table, no migration this hub does not know), or a
 * target that already holds data (unless forced). It then copies the backup next to the target, checks the
 * copy again, and renames it into place; a forced restore keeps the previous file as
 * `hub.sqlite.before-restore-TIMESTAMP`.
 */
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, fsyncSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { runningHubPid, RUN_LOCK_FILE } from '../run-lock.js';
import { sqliteAdapter } from './adapter.js';
import { migrationProvider } from './migrations.js';

/** The embedded database's file name inside DATA_DIR (as in index.ts; repeated to keep this module standalone). */
const SQLITE_FILE = 'hub.sqlite';
/** Kysely's migrations table: a hub database has it, a foreign SQLite file does not. */
const MIGRATION_TABLE = 'kysely_migration';
/** The first migration every hub database carries. */
const FIRST_MIGRATION = '0001-initial';
/**
 * Pages copied per step of the online backup (4 KiB pages: 64 MiB a step). Large steps matter: when the hub
 * commits between two steps, SQLite's backup restarts from the first page, so small steps on a busy hub
 * could never finish. Between steps the event loop runs.
 */
const BACKUP_PAGES_PER_STEP = 16_384;
/** How long the backup waits for the hub's short write lock (checkpoints), as the hub's own busy timeout. */
const BUSY_TIMEOUT_MS = 10_000;

export type BackupErrorCode = 'no-database' | 'backup-missing' | 'backup-unreadable' | 'backup-foreign' | 'backup-newer' | 'hub-running' | 'target-has-data';

/** A refused backup or restore: a stable code and a message for the person at the shell (no personal data). */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface BackupInfo {
  /** Migrations the backup carries, in order. */
  migrations: string[];
  sites: number;
  visits: number;
  bytes: number;
}

const knownMigrations = async (): Promise<string[]> => Object.keys(await migrationProvider(sqliteAdapter).getMigrations()).sort();

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that `file` is a whole hub database this hub can open: opened read-only, `PRAGMA integrity_check`,
 * our migrations table with the first migration and none unknown to this version. Throws BackupError.
 */
export async function verifyBackup(file: string): Promise<BackupInfo> {
  if (!existsSync(file)) throw new BackupError('backup-missing', `no backup file at ${file}`);
  const bytes = statSync(file).size;
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new BackupError('backup-unreadable', `${file} is damaged (integrity_check: ${problems.slice(0, 3).join('; ')}); nothing was changed`);
    const table = db.prepare(`select name from sqlite_master where type = 'table' and name = ?`).get(MIGRATION_TABLE);
    if (!table) throw new BackupError('backup-foreign', `${file} is an SQLite database but not a hub's (no ${MIGRATION_TABLE} table); nothing was changed`);
    const migrations = (db.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as { name: string }[]).map((r) => r.name);
    if (!migrations.includes(FIRST_MIGRATION)) throw new BackupError('backup-foreign', `${file} carries no ${FIRST_MIGRATION} migration: not a hub database; nothing was changed`);
    const known = await knownMigrations();
    const unknown = migrations.filter((m) => !known.includes(m));
    if (unknown.length) throw new BackupError('backup-newer', `${file} was made by a newer hub (migrations ${unknown.join(', ')}); upgrade this hub first; nothing was changed`);
    const count = (name: string) => Number((db?.prepare(`select count(*) as n from ${name}`).get() as { n: number }).n);
    return { migrations, sites: count('sites'), visits: count('visits'), bytes };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // SQLITE_NOTADB, SQLITE_CORRUPT, a short read: a truncated or foreign file.
    const code = (error as { code?: unknown }).code;
    throw new BackupError('backup-unreadable', `${file} is not a readable hub backup (${typeof code === 'string' ? code : 'unreadable'}); nothing was changed`);
  } finally {
    db?.close();
  }
}

/** Copies DATA_DIR's database to `target` while the hub may be running; returns what the backup holds. */
export async function backupSqlite(dataDir: string, target: string): Promise<BackupInfo> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new BackupError('no-database', `no hub database at ${source}`);
  const out = resolve(target);
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial-${process.pid}`;
  try {
    const db = new SQLite(source, { fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      await db.backup(partial, { progress: () => BACKUP_PAGES_PER_STEP });
    } finally {
      db.close();
    }
    // A single file: the copy keeps the hub's WAL mode in its header, which would want a -wal beside it.
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const info = await verifyBackup(partial);
    fsyncPath(partial);
    renameSync(partial, out);
    fsyncPath(dirname(out));
    return info;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Whether the database at `file` holds any site or visit (a data directory in use). */
function holdsData(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const has = (name: string) =>
      db.prepare(`select name from sqlite_master where type = 'table' and name = ?`).get(name) !== undefined && db.prepare(`select 1 from ${name} limit 1`).get() !== undefined;
    return has('sites') || has('visits');
  } finally {
    db.close();
  }
}

export interface RestoreResult extends BackupInfo {
  /** Where the database that was there before went (a forced restore over data). */
  previous?: string;
}

/** Puts the backup `file` in place as DATA_DIR's database. Refuses (BackupError) before changing anything. */
export async function restoreSqlite(file: string, dataDir: string, options: { force?: boolean; now?: Date } = {}): Promise<RestoreResult> {
  const pid = runningHubPid(dataDir);
  if (pid !== undefined) throw new BackupError('hub-running', `a hub (pid ${pid}) is serving ${dataDir}; stop it first (if none runs, delete ${join(dataDir, RUN_LOCK_FILE)})`);
  const info = await verifyBackup(file);
  const target = join(dataDir, SQLITE_FILE);
  if (!options.force && holdsData(target)) throw new BackupError('target-has-data', `${target} already holds data; restore into an empty DATA_DIR, or add --force to replace it (the old file is kept beside it)`);
  mkdirSync(dataDir, { recursive: true });
  const staging = `${target}.restoring-${process.pid}`;
  try {
    copyFileSync(file, staging);
    await verifyBackup(staging); // the copy, not only the source, is what goes in place
    fsyncPath(staging);
    let previous: string | undefined;
    if (existsSync(target)) {
      // Fold the old database's WAL into it, so the file kept aside is whole on its own.
      const old = new SQLite(target, { fileMustExist: true });
      try {
        old.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        old.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        old.close();
      }
      previous = `${target}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, previous);
    }
    // A -wal or -shm left from the old file would be replayed into the restored one.
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(staging, target);
    fsyncPath(dataDir);
    return { ...info, ...(previous ? { previous } : {}) };
  } finally {
    rmSync(staging, { force: true });
  }
}
