/**
 * Shared set-up for the storage tests: a unique database per test (deleted after), a valid draft, and a
 * watch for unhandled promise rejections (an aborted transaction whose `done` nobody observed shows up there).
 */
import { deleteDB } from 'idb';
import type { VisitDraft } from '../../../src/domain/visit.js';
import { closeKioskDb } from '../../../src/storage/index.js';

/** The instant the brief names: 16:30 UTC on 22 November is 00:30 on the 23rd in Hong Kong. */
export const HK_EVENING_UTC = new Date('2026-11-22T16:30:00Z');
export const HK = { siteId: 'demo', timeZone: 'Asia/Hong_Kong' } as const;

let counter = 0;
/** A database name no other test uses. */
export const uniqueDbName = (): string => `vk-test-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

/** How long a deletion may wait: a connection still finishing its transactions closes well within this. */
const DELETE_TIMEOUT_MS = 5000;

/**
 * Closes the store's cached connection and deletes the database. A delete may be briefly "blocked" while
 * a closing connection finishes its transactions; one still blocked after DELETE_TIMEOUT_MS means a test
 * left a connection open, and fails loudly.
 */
export async function dropDb(name: string): Promise<void> {
  await closeKioskDb(name);
  await within(deleteDB(name), DELETE_TIMEOUT_MS, `deleting ${name} (a connection left open?)`);
}

/** A valid walk-in draft as the form would hand it to storage. */
export function makeDraft(overrides: Partial<VisitDraft> = {}): VisitDraft {
  return {
    visitor: { fullName: 'Chan Tai Man', phone: '+85291234567', organisation: 'ABC Plumbing Ltd', partySize: 1 },
    visitorType: 'contractor',
    purpose: 'repair',
    host: { kind: 'free-text', label: '12B' },
    hasAppointment: false,
    identity: { method: 'sighted' },
    consent: { noticeVersion: 'hk-2026-11', kind: 'read', at: '2026-11-22T16:29:30.000Z' },
    lang: 'en',
    ...overrides,
  };
}

/** Rejection reasons nobody handled since the last `takeUnhandled()`. */
const unhandled: unknown[] = [];
window.addEventListener('unhandledrejection', (event) => {
  unhandled.push(event.reason);
});
export function takeUnhandled(): unknown[] {
  return unhandled.splice(0);
}

/** Resolves with `promise`, or rejects if it takes longer than `ms` (a blocked open would hang forever). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms))]);
}

/** The rejection reason of `promise`; fails if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
