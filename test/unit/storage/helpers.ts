/**
 * Shared set-up for the storage tests: a unique database per test (deleted after), a valid draft, and a
 * watch for unhandled promise rejections (an aborted transaction whose `done` nobody observed shows up there).
 */
import { deleteDB, openDB } from 'idb';
import type { VisitDraft } from '../../../src/domain/visit.js';
import { closeKioskDb } from '../../../src/storage/index.js';
import type { SecondTabReply, SecondTabRequest } from './second-tab.worker.js';

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

/**
 * What the kiosk hands storage for a visitor admitted by an invitation: the token carries no name, phone
 * or organisation, so those are empty (the badge shows the host unit instead).
 */
export function makeInvitedDraft(overrides: Partial<VisitDraft> = {}): VisitDraft {
  return makeDraft({
    visitor: { fullName: '', phone: '', organisation: '', partySize: 1 },
    visitorType: 'business',
    purpose: 'meeting',
    host: { kind: 'unit', id: 'unit-12b', label: '12B' },
    hasAppointment: true,
    ...overrides,
  });
}

/** Every row of `store` as it is on disk, through a connection of its own (bypassing storage and its schemas). */
export async function rawRows(name: string, store: string): Promise<unknown[]> {
  const db = await openDB(name);
  try {
    return await db.getAll(store);
  } finally {
    db.close();
  }
}

/** One row of `store` as it is on disk (see `rawRows`). */
export async function rawRow(name: string, store: string, key: IDBValidKey): Promise<unknown> {
  const db = await openDB(name);
  try {
    return await db.get(store, key);
  } finally {
    db.close();
  }
}

/** Writes `value` straight into `store`, as a bug, an old build or a tampering script might. */
export async function rawPut(name: string, store: string, value: unknown, key?: IDBValidKey): Promise<void> {
  const db = await openDB(name);
  try {
    await db.put(store, value, key);
  } finally {
    db.close();
  }
}

/** Another connection to the same databases, in a module worker (see `second-tab.worker.ts`). */
export class SecondTab {
  readonly #worker = new Worker(new URL('./second-tab.worker.ts', import.meta.url), { type: 'module' });
  #queue: Promise<unknown> = Promise.resolve();

  /** Sends one request and resolves with its reply; requests are answered one at a time, in order. */
  ask(request: SecondTabRequest): Promise<SecondTabReply> {
    const reply = this.#queue.then(
      () =>
        new Promise<SecondTabReply>((resolve, reject) => {
          const onMessage = (event: MessageEvent<SecondTabReply>): void => {
            this.#worker.removeEventListener('message', onMessage);
            resolve(event.data);
          };
          this.#worker.addEventListener('message', onMessage);
          this.#worker.addEventListener('error', (event) => reject(new Error(`second tab failed: ${event.message}`)), { once: true });
          this.#worker.postMessage(request);
        }),
    );
    this.#queue = reply.catch(() => undefined);
    return reply;
  }

  /** Closes the worker's connection to `dbName` (so the database can be deleted) and ends the worker. */
  async close(dbName: string): Promise<void> {
    await this.ask({ op: 'close', dbName });
    this.#worker.terminate();
  }
}
