/**
 * Bench-only page entry (built by stored-visits.mjs with Vite's JS API, never shipped): puts the app's own
 * storage module and a raw-IndexedDB twin on `window.vkBench`, so the 100 000-visit benchmark times the
 * code the kiosk runs against the floor the browser gives.
 */
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import { PURPOSES, VISITOR_TYPES, type Locale } from '../../src/domain/codes.js';
import { localDayKey, localTime } from '../../src/domain/time.js';
import { uuidv7, UUIDV7_RANDOM_BYTES } from '../../src/domain/uuid.js';
import type { StatusChange, Visit, VisitStatus } from '../../src/domain/visit.js';
import { closeKioskDb, DB_NAME, openKioskDb, VisitStore } from '../../src/storage/index.js';

/** Store and index names of the kiosk's schema (src/storage). */
const VISITS = 'visits';
const BY_DAY = 'by-day';
/** Rows per setup transaction: large enough to run near IndexedDB's batched rate, small enough to keep memory flat. */
const FILL_BATCH = 5000;
const DAY_MS = 86_400_000;
/** Visits of the generated days start at 08:00 local. */
const OPENS_MS = 8 * 3_600_000;

const NAMES = ['陳大文', 'Chan Tai Man', '李小明', 'Wong Ka Yan', '張偉', 'Lee Siu Ming', '黄丽', 'Maria Santos', 'Cheung Wing Yee', '王芳'];
const ORGS = ['', '', 'ABC Plumbing Ltd', '順豐速運', 'Foodpanda', '美團外賣', 'Harbour Realty', ''];
const LOCALES: Locale[] = ['en', 'zh-Hant', 'zh-Hans'];
const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const iso = (ms: number): string => new Date(ms).toISOString();

/** A random UUIDv7 for `ms`. */
const idAt = (ms: number): string => uuidv7(ms, crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));

/** A plausible visit registered at `createdMs`: past days are closed, today's are at every stage. */
function makeVisit(i: number, createdMs: number, deviceId: string, today: boolean): Visit {
  const path: VisitStatus[] = today
    ? pick<VisitStatus[]>([['registered'], ['registered', 'awaiting-host'], ['registered', 'checked-in'], ['registered', 'checked-in', 'checked-out']], i)
    : i % 40 === 0
      ? ['registered', 'denied']
      : ['registered', 'checked-in', 'checked-out'];
  const history: StatusChange[] = path.map((status, k) => ({ status, at: iso(createdMs + k * 20 * 60_000) }));
  const last = history[history.length - 1] as StatusChange;
  const unit = pick(DEMO_SITE.directory.units, i);
  return {
    id: idAt(createdMs),
    siteId: DEMO_SITE.id,
    deviceId,
    seq: i + 1,
    dayKey: localDayKey(new Date(createdMs), DEMO_SITE.timeZone),
    createdAt: iso(createdMs),
    updatedAt: last.at,
    status: last.status,
    history,
    source: 'kiosk-walk-in',
    lang: pick(LOCALES, i),
    visitor: {
      fullName: pick(NAMES, i * 7),
      phone: i % 5 === 0 ? '' : `+8529${String(1_000_000 + ((i * 7919) % 8_999_999)).padStart(7, '0')}`,
      organisation: pick(ORGS, i * 3),
      partySize: 1 + (i % 7 === 0 ? 2 : 0),
    },
    visitorType: pick(VISITOR_TYPES, i * 5),
    purpose: pick(PURPOSES, i * 11),
    host: i % 3 === 0 ? { kind: 'free-text', label: `${1 + (i % 30)}${'ABCDEFGH'[i % 8]}` } : { kind: 'unit', id: unit.id, label: unit.label },
    hasAppointment: i % 4 === 0,
    identity: i % 6 === 0 ? { method: 'host-confirmation' } : { method: 'sighted' },
    consent: { noticeVersion: DEMO_SITE.privacy.noticeVersion, kind: 'read', at: iso(createdMs - 30_000) },
  };
}

/** Opens the kiosk's database as it stands (no version: no upgrade), raw. */
function rawOpen(): Promise<IDBDatabase> {
  return new Promise((ok, ko) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => ko(req.error);
  });
}

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((ok, ko) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => ko(tx.error);
    tx.onabort = () => ko(tx.error);
  });

const store = new VisitStore();
let raw: IDBDatabase | undefined;

const bench = {
  /** Today's day key at the demo site. */
  today: (): string => localDayKey(new Date(), DEMO_SITE.timeZone),

  /**
   * Setup, not measured: lets the app create its schema, then writes `total` visits spread evenly over
   * `days` local days ending today, in batched raw transactions. Resolves with today's row count.
   */
  async fill(total: number, days: number): Promise<number> {
    await openKioskDb();
    await closeKioskDb();
    const db = await rawOpen();
    const deviceId = crypto.randomUUID();
    const now = Date.now();
    // Local midnight today at the site, so every day gets its share whatever the hour the bench runs.
    const midnight = now - localTime(new Date(now), DEMO_SITE.timeZone).minutes * 60_000 - (now % 60_000);
    const today = bench.today();
    let todayRows = 0;
    for (let start = 0; start < total; start += FILL_BATCH) {
      const tx = db.transaction(VISITS, 'readwrite');
      const os = tx.objectStore(VISITS);
      for (let i = start; i < Math.min(total, start + FILL_BATCH); i++) {
        const dayAgo = i % days;
        // Spread each day's visits over 08:00–20:00 local; some of today's lie ahead, which no index minds.
        const ms = midnight - dayAgo * DAY_MS + OPENS_MS + ((i * 104_729) % (12 * 3_600_000));
        const visit = makeVisit(i, ms, deviceId, dayAgo === 0);
        if (visit.dayKey === today) todayRows++;
        os.put(visit);
      }
      await done(tx);
    }
    db.close();
    return todayRows;
  },

  /** The app's way: open the kiosk's connection (upgrade check, version-change wiring); resolves with ms. */
  async openOurs(): Promise<number> {
    const t0 = performance.now();
    await openKioskDb();
    return performance.now() - t0;
  },

  /**
   * The app's way: today's visits through `VisitStore.listByDay` (which parses every row with the visit
   * schema); resolves with [ms, rows]. Rows failing the schema would mean the fill is wrong: they throw.
   */
  async listOurs(dayKey: string): Promise<[number, number]> {
    const t0 = performance.now();
    const { rows, invalid } = await store.listByDay(dayKey);
    const took = performance.now() - t0;
    if (invalid.length > 0) throw new Error(`${invalid.length} generated rows fail the visit schema: ${invalid[0]?.issues.join('; ')}`);
    return [took, rows.length];
  },

  /** The floor: `indexedDB.open` of the same database. */
  async openRaw(): Promise<number> {
    const t0 = performance.now();
    raw = await rawOpen();
    return performance.now() - t0;
  },

  /** The floor: `getAll` on the day index; resolves with [ms, rows]. */
  async listRaw(dayKey: string): Promise<[number, number]> {
    if (!raw) throw new Error('openRaw first');
    const t0 = performance.now();
    const req = raw.transaction(VISITS).objectStore(VISITS).index(BY_DAY).getAll(IDBKeyRange.only(dayKey));
    const rows = await new Promise<unknown[]>((ok, ko) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    return [performance.now() - t0, rows.length];
  },
};

declare global {
  interface Window {
    vkBench: typeof bench;
  }
}
window.vkBench = bench;
