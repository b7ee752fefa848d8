/**
 * The day-list cache: the visits of a local day, parsed once and kept in memory per database name, shared
 * by every `VisitStore` of the page (or worker). The desk lists today's visits over and over; with the
 * cache a repeated list costs one `get` of `meta.nextSeq` instead of an index scan plus a schema parse of
 * every row (≈ 274 rows a day: ≈ 10 ms of `getAll` and 4–10 ms of parsing on the build box).
 *
 * Why the rows returned are exactly what the database holds:
 * - Every write of a visit — `register`, `admitWithToken`, every status change, check-out and feedback, in
 *   this page, another tab, a worker or any build since version 1 — takes the next `meta.nextSeq` inside
 *   its own transaction (the outbox needs the number). So `nextSeq` counts the writes to `visits`: the
 *   cache remembers the value it was exact at (its *stamp*), and every cached list first reads `nextSeq` in
 *   a readonly transaction (which IndexedDB orders after every earlier readwrite transaction over `meta`, in
 *   any tab). Unchanged: nothing was written since, the cache is served. Changed: the day is read again in
 *   that same transaction, so rows and stamp come from one snapshot.
 * - This page's own writes update the cached days (only days already cached: a page that never lists — the
 *   kiosk — never keeps anyone's visit in memory) when their sequence number is exactly the stamp, which
 *   proves no other write came in between; any other number drops the cache.
 * - Other tabs and workers post on `BroadcastChannel('vk-storage:' + dbName)` after each write commits, and
 *   on `versionchange` / `close`: the cache is dropped at once, and a read already under way when the
 *   message arrives does not refill it. The message is only a hint (it may arrive after the writer's reply
 *   does); the stamp check is what makes a list exact.
 * - The cache belongs to one connection: a new one (after an upgrade, or a deletion and re-creation that
 *   restarts the sequence) starts empty.
 * - Writes that bypass this module (a raw IndexedDB `put` from the console or a test) consume no number.
 *   Each cached list also counts the day's index entries in the same transaction (no extra round trip), so
 *   a row added or deleted behind the module's back is seen; a row *rewritten in place* that way is not,
 *   until the cache is dropped (a reload, an upgrade, another tab's write): nothing in IndexedDB says so.
 * Rows are parsed with the visit schema when they enter the cache, as before; rows that fail stay reported
 * in `invalid` on every list, never served.
 */
import type { Visit, VisitStatus } from '../domain/visit.js';
import { kioskMetaSchemas, visitSchema } from '../schemas/visit.js';
import { withKioskDb, type KioskDatabase } from './db.js';
import { FIRST_SEQ, describeIssues, keyOf, type InvalidRow, type ReadResult } from './tx.js';

/** Local days kept per database: today and a few the desk may page back to; older ones are simply read again. */
export const MAX_CACHED_DAYS = 7;

/** Prefix of the channel every write is announced on (the database name follows). */
export const CHANNEL_PREFIX = 'vk-storage:';

/** What goes over the channel: never a visit, only that something changed. */
export type StorageMessage = { kind: 'write'; seq: number } | { kind: 'closed' } | { kind: 'external' };

/** A row that failed its schema, with its raw status when that is a string (which status index holds it). */
interface InvalidEntry {
  report: InvalidRow;
  status: string | undefined;
}

/** One local day as the `by-day` index holds it: parsed rows (deep-frozen) and failed ones, both in id order. */
interface CachedDay {
  rows: Visit[];
  invalid: InvalidEntry[];
}

interface DbCache {
  /** The connection the days were read on; another connection voids them. */
  connection: KioskDatabase | undefined;
  /** `meta.nextSeq` as it was when every cached day was exact. */
  stamp: number | undefined;
  /** Raised on every drop, so a read that began before a drop never refills the cache. */
  generation: number;
  /** Insertion order is recency: the first key is evicted first. */
  days: Map<string, CachedDay>;
}

const caches = new Map<string, DbCache>();
const channels = new Map<string, BroadcastChannel>();
const watched = new WeakSet<KioskDatabase>();

/** Empties the cache of `dbName` (this page only). */
function drop(cache: DbCache): void {
  cache.days.clear();
  cache.stamp = undefined;
  cache.connection = undefined;
  cache.generation++;
}

/** The channel of `dbName`, opened on first use; `undefined` where BroadcastChannel does not exist. */
function channelOf(dbName: string): BroadcastChannel | undefined {
  let channel = channels.get(dbName);
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL_PREFIX + dbName);
    // Any message at all drops the cache: a malformed one is no reason to trust what we hold.
    channel.onmessage = () => {
      const cache = caches.get(dbName);
      if (cache) drop(cache);
    };
    channels.set(dbName, channel);
  }
  return channel;
}

function post(dbName: string, message: StorageMessage): void {
  try {
    channelOf(dbName)?.postMessage(message);
  } catch {
    // A closed channel cannot fail a write that is already on disk; the stamp check still holds.
  }
}

function cacheOf(dbName: string): DbCache {
  let cache = caches.get(dbName);
  if (!cache) {
    cache = { connection: undefined, stamp: undefined, generation: 0, days: new Map() };
    caches.set(dbName, cache);
    // Listen before the first read, so no write of another tab slips between the read and the listening.
    channelOf(dbName);
  }
  return cache;
}

/** Drops the cache when its connection is closed for an upgrade or by the browser, and tells the others. */
function watch(dbName: string, db: KioskDatabase): void {
  if (watched.has(db)) return;
  watched.add(db);
  const onEnd = (): void => {
    const cache = caches.get(dbName);
    if (cache?.connection === db) drop(cache);
    post(dbName, { kind: 'closed' });
  };
  db.addEventListener('versionchange', onEnd);
  db.addEventListener('close', onEnd);
}

/** `meta.nextSeq` as a stamp: absent means the first number is next; a value failing its schema means "do not cache". */
function stampOf(raw: unknown): number | undefined {
  if (raw === undefined) return FIRST_SEQ;
  const parsed = kioskMetaSchemas.nextSeq.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Parses raw rows of one index range, in the order read. */
function parseDay(raw: readonly unknown[]): CachedDay {
  const day: CachedDay = { rows: [], invalid: [] };
  for (const row of raw) {
    const parsed = visitSchema.safeParse(row);
    if (parsed.success) {
      day.rows.push(deepFreeze(parsed.data));
    } else {
      const status = typeof row === 'object' && row !== null && 'status' in row && typeof row.status === 'string' ? row.status : undefined;
      day.invalid.push({ report: deepFreeze({ key: keyOf(row, 'id'), issues: describeIssues(parsed.error.issues) }), status });
    }
  }
  return day;
}

/**
 * What a list returns from a day: fresh arrays (a caller may sort them) of frozen rows. With `status`, only
 * the rows the `by-day-status` index would give — a failed row is in it when its raw status is that string.
 */
function view(day: CachedDay, status: VisitStatus | undefined): ReadResult<Visit> {
  if (status === undefined) return { rows: day.rows.slice(), invalid: day.invalid.map((e) => e.report) };
  return { rows: day.rows.filter((v) => v.status === status), invalid: day.invalid.filter((e) => e.status === status).map((e) => e.report) };
}

/** Keeps a freshly read day if it is exactly as current as the cache (or newer), and nothing was dropped meanwhile. */
function keep(dbName: string, cache: DbCache, generation: number, db: KioskDatabase, stamp: number | undefined, dayKey: string, day: CachedDay): void {
  if (stamp === undefined || cache.generation !== generation) return;
  if (cache.connection !== db || cache.stamp === undefined || stamp > cache.stamp) {
    // Newer than the other days: they may be stale now, so they go.
    drop(cache);
    cache.connection = db;
    cache.stamp = stamp;
    watch(dbName, db);
  } else if (stamp < cache.stamp) {
    return; // read before a write the cache already holds
  }
  cache.days.delete(dayKey);
  cache.days.set(dayKey, day);
  for (const oldest of cache.days.keys()) {
    if (cache.days.size <= MAX_CACHED_DAYS) break;
    cache.days.delete(oldest);
  }
}

type DayRead = { db: KioskDatabase; hit: CachedDay } | { db: KioskDatabase; stamp: number | undefined; raw: unknown[] };

/**
 * The visits of `dayKey` (with `status`, of that status only), in index order, bad rows reported apart —
 * from the cache when `meta.nextSeq` shows nothing was written since it was filled, else read and parsed.
 * Only an unfiltered read fills the cache; a filtered one is answered from a cached day or from its index.
 */
export async function readDay(dbName: string, dayKey: string, status?: VisitStatus): Promise<ReadResult<Visit>> {
  const cache = cacheOf(dbName);
  const generation = cache.generation;
  const read = await withKioskDb(dbName, async (db): Promise<DayRead> => {
    const tx = db.transaction(['visits', 'meta'], 'readonly');
    // A failed request rejects its own promise below; the transaction's abort must not surface twice.
    tx.done.catch(() => undefined);
    const rowsOf = (): Promise<unknown[]> =>
      status === undefined ? tx.objectStore('visits').index('by-day').getAll(dayKey) : tx.objectStore('visits').index('by-day-status').getAll([dayKey, status]);
    const meta = tx.objectStore('meta');
    if (cache.connection === db && cache.days.has(dayKey)) {
      // The count travels with the stamp read (no extra round trip; ≈ 1–2 ms of index walk measured) and
      // catches rows added or deleted behind the module's back, which take no sequence number.
      const [rawStamp, count] = await Promise.all([meta.get('nextSeq'), tx.objectStore('visits').index('by-day').count(dayKey)]);
      const stamp = stampOf(rawStamp);
      // Decided in the requests' own callback: no message or write of this page can have run in between.
      const day = cache.days.get(dayKey);
      if (day && stamp !== undefined && stamp === cache.stamp && cache.connection === db && count === day.rows.length + day.invalid.length) return { db, hit: day };
      // Still inside the same transaction: the rows read now belong to the stamp just read.
      return { db, stamp, raw: await rowsOf() };
    }
    const [rawStamp, raw] = await Promise.all([meta.get('nextSeq'), rowsOf()]);
    return { db, stamp: stampOf(rawStamp), raw };
  });
  if ('hit' in read) {
    cache.days.delete(dayKey);
    cache.days.set(dayKey, read.hit);
    return view(read.hit, status);
  }
  const day = parseDay(read.raw);
  if (status === undefined) keep(dbName, cache, generation, read.db, read.stamp, dayKey, day);
  return view(day, status);
}

/** Index of the first row whose id is not below `id` (rows are in id order, as IndexedDB orders keys). */
function positionOf(rows: readonly Visit[], id: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as Visit).id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Called once a write of `visit` with sequence number `seq` has committed on connection `db`: tells other
 * tabs and workers, and updates the days this page has cached. `previousDayKey` is the day the row was
 * filed under before (a change never moves it today, but the cache must not rely on that). Never throws:
 * the write is on disk whatever happens here.
 */
export function noteVisitWrite(dbName: string, db: KioskDatabase, seq: number, visit: Visit, previousDayKey: string = visit.dayKey): void {
  post(dbName, { kind: 'write', seq });
  const cache = caches.get(dbName);
  if (!cache || cache.stamp === undefined) return;
  try {
    if (cache.connection !== db || seq > cache.stamp) {
      drop(cache); // another connection, or a write we did not see came in between
      return;
    }
    if (seq < cache.stamp) return; // the cache was read after this write committed: it holds it already
    cache.stamp = seq + 1;
    let copy: Visit | undefined;
    for (const key of new Set([previousDayKey, visit.dayKey])) {
      const day = cache.days.get(key);
      if (!day) continue;
      if (day.invalid.some((e) => e.report.key === visit.id)) {
        // A bad row cannot be changed through this module; if it was, trust nothing.
        drop(cache);
        return;
      }
      const at = day.rows.findIndex((v) => v.id === visit.id);
      if (at >= 0) day.rows.splice(at, 1);
      if (key === visit.dayKey) {
        // What IndexedDB stored is a structured clone of the row written: the cache holds the same.
        copy ??= deepFreeze(structuredClone(visit));
        day.rows.splice(positionOf(day.rows, visit.id), 0, copy);
      }
    }
  } catch {
    drop(cache);
  }
}

/**
 * Called once a write that takes NO sequence number has committed — rows the hub sent to a linked desk, or
 * the kiosk's privacy purge (src/storage/sync.ts): the stamp cannot see those, so this page's cache is
 * dropped and the other tabs are told to drop theirs. A list another tab starts before the message arrives
 * may still serve the old rows once; the next list after the message reads afresh. Never throws.
 */
export function noteExternalWrite(dbName: string): void {
  const cache = caches.get(dbName);
  if (cache) drop(cache);
  post(dbName, { kind: 'external' });
}

/** Forgets what this page cached for `dbName` (other pages keep theirs). */
export function dropDayCache(dbName: string): void {
  const cache = caches.get(dbName);
  if (cache) drop(cache);
}

/** The local days this page holds in memory for `dbName`, oldest first (for tests: the kiosk must hold none). */
export function cachedDayKeys(dbName: string): string[] {
  return [...(caches.get(dbName)?.days.keys() ?? [])];
}
