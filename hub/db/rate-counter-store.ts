/**
 * Rate-limit counters shared by every hub process on one PostgreSQL (migration 0014-ops2), reached as
 * `repo.rateCounters` in a `HubStore` transaction; used by hub/limits.ts `SharedRateLimiter`. One row per
 * limiter key and one-minute window, counted with a single UPSERT (atomic under READ COMMITTED: two processes
 * counting at once both see their own increment). Keys are hashes: no client address is stored.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class RateCounterRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Counts one more request for `key` in `window` (a minute number); returns the window's count including it. */
  async hit(key: string, window: number, units: number): Promise<number> {
    const row = await this.db
      .insertInto('rate_counters')
      .values({ key, window_start: window, n: units })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ n: eb('rate_counters.n', '+', units) })))
      .returning('n')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Deletes windows before `window`: only the current one is ever read. */
  async prune(window: number): Promise<void> {
    await this.db.deleteFrom('rate_counters').where('window_start', '<', window).execute();
  }

  /** The keys counted in `window` (tests and operators: hashes, never an address). */
  async keysIn(window: number): Promise<string[]> {
    return (await this.db.selectFrom('rate_counters').select('key').where('window_start', '=', window).execute()).map((r) => r.key);
  }
}
