import { KioskError } from '../domain/errors.js';

/** The name of an error-like value (`DOMException`, `Error`), if it has one. */
function nameOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

function causeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
}

/**
 * Maps a failure of IndexedDB to a `KioskError`: `storage-quota` when the disk or the origin's quota is
 * full, else `storage-failed` with the DOMException's `name`. The real reason can sit in several places —
 * the request's error, the transaction's `error` (Chromium reports a full disk when the transaction
 * commits, so the request succeeded and only the transaction knows), or an `AbortError` that merely says
 * the transaction ended — so all of them are looked at and a bare `AbortError` loses to anything more
 * specific. The error that decided the code is kept as `cause`. A `KioskError` is returned unchanged.
 */
export function toStorageError(error: unknown, txError?: DOMException | null): KioskError {
  if (error instanceof KioskError) return error;
  const candidates = [txError, error, causeOf(error)].filter((e) => nameOf(e) !== undefined);
  const quota = candidates.find((e) => nameOf(e) === 'QuotaExceededError');
  if (quota !== undefined) return new KioskError('storage-quota', { name: 'QuotaExceededError' }, { cause: quota });
  const decisive = candidates.find((e) => nameOf(e) !== 'AbortError') ?? candidates[0] ?? error;
  return new KioskError('storage-failed', { name: nameOf(decisive) ?? 'UnknownError' }, { cause: decisive });
}

/** Whether `error` is a `DOMException` named `name` (IndexedDB reports everything as DOMExceptions). */
export function isDomException(error: unknown, name?: string): error is DOMException {
  return error instanceof DOMException && (name === undefined || error.name === name);
}
