import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { KioskError } from '../domain/errors.js';
import type { Alert, AlertStatus, DeskTask, DeskTaskStatus, DevicePinState, ExpectedVisit, HostDecision, IncidentRecord, StaffMember, TourRequest, TourStatus, WatchEntry } from '../domain/desk.js';
import type { LastGoodRules } from '../domain/rules/config.js';
import type { LobbyRecord, RecordKind } from '../domain/lobby/record.js';
import type { Visit, VisitStatus } from '../domain/visit.js';
import type { RecordOutboxEntry } from '../schemas/lobby.js';
import type { DeviceKeyId, DeviceKeyRow, KioskMeta, OutboxEntry, UseRecord } from '../schemas/visit.js';
import { isDomException, toStorageError } from './errors.js';

/** The kiosk's database. One per origin; tests pass their own names. */
export const DB_NAME = 'visitor-kiosk';
/** Schema version. Raise it by one and add an `if (oldVersion < N)` step to `migrate`; never edit a shipped step. */
export const DB_VERSION = 4;
/**
 * How long an open may wait on an older connection that will not close before it gives up. Our own tabs
 * close at once on `versionchange`, so only a stuck or foreign connection waits this long; a kiosk that
 * hangs on its splash screen forever is worse than one that says storage is unavailable.
 */
export const BLOCKED_TIMEOUT_MS = 5000;

/** Keys of the device's key-value metadata store. */
export type MetaKey = keyof KioskMeta;

/**
 * Keys of the desk's key-value store (v3): the device-wide wrong-PIN count, and each site's last good rules
 * file (`rules:<siteId>`; out-of-line keys, so adding one needed no new schema version).
 */
export interface DeskMeta {
  'pin-failures': DevicePinState;
  /** When this device last purged incident records past retention (ISO time; see DeskStore.purgeIncidents). */
  'incident-purge': string;
  [key: `rules:${string}`]: LastGoodRules;
}
export type DeskMetaKey = keyof DeskMeta;

/** The typed shape of the kiosk's IndexedDB database. Values are what we write; reads are parsed all the same. */
export interface KioskDB extends DBSchema {
  visits: {
    key: string;
    value: Visit;
    indexes: {
      'by-day': string;
      'by-status': VisitStatus;
      'by-day-status': [string, VisitStatus];
    };
  };
  /** Changes waiting for the hub's acknowledgement, by per-device sequence number. Nothing expires by age. */
  outbox: {
    key: number;
    /** A visit's change, or (v4) a lobby record's (`op: 'upsert-record'`). */
    value: OutboxEntry | RecordOutboxEntry;
  };
  /** Device facts: `deviceId`, `nextSeq`, `persisted`. Out-of-line keys. */
  meta: {
    key: MetaKey;
    value: KioskMeta[MetaKey];
  };
  /** (v2) How often this device admitted each invitation or pass, by the token's `jti`. */
  uses: {
    key: string;
    value: UseRecord;
  };
  /** (v2) The device's own keys, by id (`badge`): non-extractable CryptoKeys, structured-cloned as they are. */
  keys: {
    key: DeviceKeyId;
    value: DeviceKeyRow;
  };
  /** (v3) The desk's alerts: open ones come from `by-status`, a visit's from `by-visit`. */
  alerts: {
    key: string;
    value: Alert;
    indexes: { 'by-status': AlertStatus; 'by-visit': string };
  };
  /** (v3) Incident records, one per alert (`by-alert` is unique). */
  incidents: {
    key: string;
    value: IncidentRecord;
    indexes: { 'by-alert': string };
  };
  /** (v3) Staff who sign in at the desk, by id; `by-site` for the PIN-only sign-in. */
  staff: {
    key: string;
    value: StaffMember;
    indexes: { 'by-site': string };
  };
  /** (v3) Desk tasks; open ones from `by-status`. */
  tasks: {
    key: string;
    value: DeskTask;
    indexes: { 'by-status': DeskTaskStatus };
  };
  /** (v3) Expected visits by the site's local day of their expected time. */
  expected: {
    key: string;
    value: ExpectedVisit;
    indexes: { 'by-day': string };
  };
  /** (v3) The host's answer for a visit, keyed by the visit's id. */
  'host-decisions': {
    key: string;
    value: HostDecision;
  };
  /** (v3) Tour requests by status. */
  tours: {
    key: string;
    value: TourRequest;
    indexes: { 'by-status': TourStatus };
  };
  /** (v3) The watch list: desk and hub only, never filled on a kiosk. */
  watchlist: {
    key: string;
    value: WatchEntry;
  };
  /** (v3) The desk's device facts (`pin-failures`). Out-of-line keys. */
  'desk-meta': {
    key: DeskMetaKey;
    value: DeskMeta[DeskMetaKey];
  };
  /**
   * (v4) Lobby records (src/domain/lobby): parcels, food deliveries and the other registers, one envelope.
   * `by-kind-state` lists what is still open of a kind; `by-kind-day` a kind's records of one local day.
   */
  records: {
    key: string;
    value: LobbyRecord;
    indexes: { 'by-kind-state': [RecordKind, string]; 'by-kind-day': [RecordKind, string] };
  };
}

export type KioskDatabase = IDBPDatabase<KioskDB>;

/**
 * The migration ladder. Each step runs once, in order, for every database older than it, inside the
 * upgrade transaction (so a failed step leaves the old version intact). Add version N as a new
 * `if (oldVersion < N)` block below the last one; a step may read and rewrite rows through `tx`.
 */
function migrate(db: KioskDatabase, oldVersion: number, _tx: IDBPTransaction<KioskDB, StoreNames<KioskDB>[], 'versionchange'>): void {
  if (oldVersion < 1) {
    const visits = db.createObjectStore('visits', { keyPath: 'id' });
    visits.createIndex('by-day', 'dayKey');
    visits.createIndex('by-status', 'status');
    visits.createIndex('by-day-status', ['dayKey', 'status']);
    db.createObjectStore('outbox', { keyPath: 'seq' });
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    // Invitations, passes and badges. New stores only: every v1 row stays as it is, and the new visit
    // fields (`invitation`, `badgeNumber`, `feedback`) are optional, so v1 rows still parse.
    db.createObjectStore('uses', { keyPath: 'jti' });
    db.createObjectStore('keys', { keyPath: 'id' });
  }
  if (oldVersion < 3) {
    // The receptionist desk. New stores only: no v1/v2 row is read or rewritten. Ids are UUIDv7, so no
    // counter is shared between desks (the hub merges records from several devices later).
    const alerts = db.createObjectStore('alerts', { keyPath: 'id' });
    alerts.createIndex('by-status', 'status');
    alerts.createIndex('by-visit', 'visitId');
    // Unique: two desks opening the record of one alert at once must end with one record.
    db.createObjectStore('incidents', { keyPath: 'id' }).createIndex('by-alert', 'alertId', { unique: true });
    db.createObjectStore('staff', { keyPath: 'id' }).createIndex('by-site', 'siteId');
    db.createObjectStore('tasks', { keyPath: 'id' }).createIndex('by-status', 'status');
    db.createObjectStore('expected', { keyPath: 'id' }).createIndex('by-day', 'dayKey');
    db.createObjectStore('host-decisions', { keyPath: 'visitId' });
    db.createObjectStore('tours', { keyPath: 'id' }).createIndex('by-status', 'status');
    db.createObjectStore('watchlist', { keyPath: 'id' });
    db.createObjectStore('desk-meta');
  }
  if (oldVersion < 4) {
    // Lobby records (issue 7). A new store only: no older row is read or rewritten. Their outbox entries share
    // `outbox` and `meta.nextSeq` with visits (op `upsert-record`), so the hub still sees one unbroken sequence.
    const records = db.createObjectStore('records', { keyPath: 'id' });
    records.createIndex('by-kind-state', ['kind', 'state']);
    records.createIndex('by-kind-day', ['kind', 'dayKey']);
  }
}

/** Options for `openKioskDb`; the application passes none. */
export interface OpenKioskDbOptions {
  /** Schema version to open; only tests of the upgrade path pass anything but `DB_VERSION`. */
  version?: number;
  /** Overrides `BLOCKED_TIMEOUT_MS`. */
  blockedTimeoutMs?: number;
}

// One connection per database name for the whole page: opening is slow (≈ 70 ms with 100 000 visits) and
// IndexedDB connections are meant to be shared.
const connections = new Map<string, Promise<KioskDatabase>>();

/** Drops `name` from the cache if it still holds `opening` (a newer open may already have replaced it). */
function forget(name: string, opening: Promise<KioskDatabase>): void {
  if (connections.get(name) === opening) connections.delete(name);
}

/**
 * The cached connection to the kiosk database, opened (and upgraded) on first use. When a newer version
 * is opened elsewhere (another tab, a new service-worker build) this connection closes itself and is
 * dropped, so an old tab never blocks an upgrade; the next call opens afresh. Rejects with
 * `KioskError('storage-blocked')` when an older connection holds the upgrade back for longer than
 * `BLOCKED_TIMEOUT_MS`, and with `storage-failed` (e.g. `{ name: 'VersionError' }` when the database on
 * disk is newer than this build: the page must reload) or `storage-quota` when opening fails.
 */
export function openKioskDb(name: string = DB_NAME, options: OpenKioskDbOptions = {}): Promise<KioskDatabase> {
  const cached = connections.get(name);
  if (cached) return cached;
  const opening = open(name, options, () => opening);
  connections.set(name, opening);
  opening.catch(() => forget(name, opening));
  return opening;
}

function open(name: string, options: OpenKioskDbOptions, self: () => Promise<KioskDatabase>): Promise<KioskDatabase> {
  const { version = DB_VERSION, blockedTimeoutMs = BLOCKED_TIMEOUT_MS } = options;
  return new Promise<KioskDatabase>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gaveUp = false;
    let db: KioskDatabase | undefined;
    openDB<KioskDB>(name, version, {
      upgrade: (database, oldVersion, _newVersion, tx) => migrate(database, oldVersion, tx),
      blocked: (currentVersion) => {
        timer ??= setTimeout(() => {
          gaveUp = true;
          reject(new KioskError('storage-blocked', { currentVersion, version }));
        }, blockedTimeoutMs);
      },
      blocking: () => {
        // Another connection wants a newer version (or to delete the database): step aside at once.
        forget(name, self());
        db?.close();
      },
      terminated: () => forget(name, self()),
    }).then(
      (database) => {
        clearTimeout(timer);
        // The caller was already told storage is blocked; a connection nobody holds must not linger.
        if (gaveUp) database.close();
        else resolve((db = database));
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(toStorageError(error));
      },
    );
  });
}

/** Closes and forgets the cached connection to `name`, if any (tests, and before deleting a database). */
export async function closeKioskDb(name: string = DB_NAME): Promise<void> {
  const opening = connections.get(name);
  if (!opening) return;
  connections.delete(name);
  try {
    (await opening).close();
  } catch {
    // It never opened: nothing to close.
  }
}

/**
 * Runs `op` on the cached connection. If that connection was closed under us (closed for an upgrade or
 * terminated by the browser between our open and this call), IndexedDB throws `InvalidStateError`: the
 * connection is dropped and `op` retried once on a fresh one. Other failures are mapped with `toStorageError`.
 */
export async function withKioskDb<T>(name: string, op: (db: KioskDatabase) => T | Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const opening = openKioskDb(name);
    const db = await opening;
    try {
      return await op(db);
    } catch (error) {
      if (attempt === 0 && isDomException(error, 'InvalidStateError')) {
        forget(name, opening);
        continue;
      }
      throw toStorageError(error);
    }
  }
}

/** Starts a transaction on the cached connection (see `withKioskDb` for the retry and the errors). */
export function kioskTransaction<Names extends ArrayLike<StoreNames<KioskDB>>, Mode extends IDBTransactionMode>(
  name: string,
  stores: Names,
  mode: Mode,
  options?: IDBTransactionOptions,
): Promise<IDBPTransaction<KioskDB, Names, Mode>> {
  return withKioskDb(name, (db) => db.transaction(stores, mode, options));
}
