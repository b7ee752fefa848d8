/** Transaction and row helpers shared by the repositories in this folder (not exported from the package). */
import type { IDBPTransaction, StoreNames } from 'idb';
import { KioskError } from '../domain/errors.js';
import type { KioskDB } from './db.js';
import { toStorageError } from './errors.js';

/**
 * Every write that creates or changes a visit, a use or a key waits for the disk: the kiosk says "saved"
 * only after `tx.done`, and with the default (relaxed) durability Chromium may report done before the
 * data is flushed, so a power cut right after "saved" could lose the record.
 */
export const STRICT: IDBTransactionOptions = { durability: 'strict' };

/** The first sequence number a device hands out (`meta.nextSeq` is absent until the first write). */
export const FIRST_SEQ = 1;

/** A row that failed its schema: kept in the database, left out of the result, and reported here. */
export interface InvalidRow {
  /** The row's primary key (a visit id or an outbox seq): never personal data. */
  key: string;
  /** Where the row is wrong, e.g. `visitor.phone` — paths and zod issue codes only, never the values. */
  issues: string[];
}

/** Rows read back: those that parsed, and those that did not (which are not deleted). */
export interface ReadResult<T> {
  rows: T[];
  invalid: InvalidRow[];
}

type Issue = { path: readonly PropertyKey[]; code: string };
type SafeParser<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } } };

/** Paths and issue codes of a failed parse — never the values, which may be personal data. */
export const describeIssues = (issues: readonly Issue[]): string[] =>
  issues.map((issue) => `${issue.path.map(String).join('.') || '(row)'}: ${issue.code}`);

/** The primary key of a raw row as text, for reports; `(unknown)` when the row has none. */
export const keyOf = (row: unknown, field: string): string =>
  typeof row === 'object' && row !== null && field in row ? String((row as Record<string, unknown>)[field]) : '(unknown)';

/** Parses rows with `schema`, separating the ones that fail. */
export function parseRows<T>(rows: readonly unknown[], schema: SafeParser<T>, key: string): ReadResult<T> {
  const result: ReadResult<T> = { rows: [], invalid: [] };
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) result.rows.push(parsed.data);
    else result.invalid.push({ key: keyOf(row, key), issues: describeIssues(parsed.error.issues) });
  }
  return result;
}

/**
 * Parses one row. Used both for a row read back (a failure means the row on disk is bad: it is left alone)
 * and for a row about to be written (a failure is a bug upstream and must not reach the disk); either way
 * the caller gets `storage-row-invalid` with the store, the key and the failing paths.
 */
export function checkedRow<T>(schema: SafeParser<T>, row: unknown, store: string, key: string): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  throw new KioskError('storage-row-invalid', { store, key, issues: describeIssues(parsed.error.issues).join('; ') });
}

/**
 * Ends the body of a write once its LAST request has been issued: `commit()` tells IndexedDB that nothing
 * follows, so the browser starts writing to disk at once instead of waiting for the page to receive every
 * request's result first (one round trip fewer; with strict durability `done` still waits for the disk).
 * A request that fails still aborts the whole transaction. Call it only when no code that may throw runs
 * between the first write and here — once committing, a thrown error can no longer roll the writes back.
 */
export async function commitNow(_tx: { commit(): void }, requests: readonly Promise<unknown>[]): Promise<void> {
  // The explicit `tx.commit()` was dropped: with it, a write refused for quota at commit time left the
  // caller waiting forever in Chromium 156 (the kiosk's quota end-to-end test caught it). Auto-commit after
  // the last request costs one round trip and always settles.
  await Promise.all(requests);
}

/**
 * Runs `body` in `tx` and resolves only after the transaction has committed. On any failure the
 * transaction is aborted (nothing half-written) and IndexedDB's errors become `KioskError`s; errors that
 * are not IndexedDB's (a refused life-cycle step, a `KioskError`) pass through unchanged. `body` must only
 * await requests of `tx`: any other await lets IndexedDB commit the transaction under it.
 */
export async function commit<T, Names extends ArrayLike<StoreNames<KioskDB>>>(tx: IDBPTransaction<KioskDB, Names, 'readwrite'>, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborting: IndexedDB has rolled it back by itself.
    }
    // `done` rejects after an abort; it was observed here, so it must not surface as an unhandled rejection.
    tx.done.catch(() => undefined);
    if (error instanceof KioskError) throw error;
    if (error instanceof DOMException || tx.error) throw toStorageError(error, tx.error);
    throw error;
  }
}
