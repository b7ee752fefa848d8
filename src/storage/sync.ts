/**
 * What sync (src/sync) needs from the device's database: the hub link and the other sync facts in `meta`,
 * the outbox read together with the visits it points to, rows written from the hub WITHOUT outbox entries
 * (a hub-linked desk), and the privacy purge of acknowledged visits on a kiosk. No new stores: everything
 * lives in `visits`, `outbox`, `meta` and `alerts`, so no schema version was needed.
 */
import { KioskError } from '../domain/errors.js';
import type { Alert } from '../domain/desk.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../domain/uuid.js';
import type { Visit } from '../domain/visit.js';
import { alertSchema } from '../schemas/desk.js';
import { MAX_REVOKED_JTIS, type HubLink } from '../schemas/hub-link.js';
import type { LobbyRecord } from '../domain/lobby/record.js';
import { lobbyRecordSchema, recordOutboxEntrySchema } from '../schemas/lobby.js';
import { kioskMetaSchemas, outboxEntrySchema, visitSchema, type KioskMeta } from '../schemas/visit.js';
import { DB_NAME, kioskTransaction, withKioskDb, type MetaKey } from './db.js';
import { noteExternalWrite } from './day-cache.js';
import { STRICT, checkedRow, commit, describeIssues, keyOf } from './tx.js';
import { VisitStore } from './visits.js';

/**
 * One outbox entry ready to push: its sequence number and the CURRENT state of the visit (or, since v4, the
 * lobby record) it points to.
 */
export type OutboxChange = { seq: number; visit: Visit; record?: undefined } | { seq: number; record: LobbyRecord; visit?: undefined };

/** The oldest outbox entries, as `outboxBatch` read them. */
export interface OutboxBatch {
  /** Entries whose visit could be read, in ascending `seq`. */
  changes: OutboxChange[];
  /**
   * Entries that cannot be sent: the entry or its visit fails its schema, or the visit is missing. They are
   * never deleted (nothing leaves the outbox unacknowledged); the sync state reports how many there are.
   */
  stuck: { seq: number; issues: string[] }[];
}

/** When acknowledged visits leave the kiosk (see `purgeAcknowledged`). */
export interface PurgePolicy {
  /**
   * Oldest an acknowledged visit may get on the device, counted from its creation (so at most this long
   * after its acknowledgement, which always comes later). The promise is 24 h; the kiosk passes a little
   * less, so that a purge running every `interval` still keeps it.
   */
  maxAgeMs: number;
  /**
   * How long a checked-out visit stays after its check-out: the visitor is still at the kiosk answering the
   * satisfaction question, which is written to the same record.
   */
  checkedOutGraceMs: number;
}

/** What a purge did, without any personal data: how many visits were deleted. */
export interface PurgeResult {
  deleted: number;
}

type MetaValue<K extends MetaKey> = KioskMeta[K];

/** Parses a `meta` value read back; a bad value is reported, never silently replaced. */
function metaValue<K extends MetaKey>(key: K, raw: unknown): MetaValue<K> | undefined {
  if (raw === undefined) return undefined;
  const parsed = kioskMetaSchemas[key].safeParse(raw);
  if (!parsed.success) throw new KioskError('storage-row-invalid', { store: 'meta', key });
  return parsed.data as MetaValue<K>;
}

/** Whether `incoming` (from the hub) is newer than `stored`: the hub's own merge rule (docs/hub-api.md). */
export function isNewerVisit(incoming: Visit, stored: Visit): boolean {
  if (incoming.history.length !== stored.history.length) return incoming.history.length > stored.history.length;
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt);
}

/**
 * The sync layer's view of the database. Stateless apart from the database name, like `VisitStore`.
 */
export class SyncStore {
  readonly visits: VisitStore;

  constructor(readonly dbName: string = DB_NAME) {
    this.visits = new VisitStore(dbName);
  }

  // ----- meta -----

  /** The paired hub, or `undefined` on a standalone device. */
  link(): Promise<HubLink | undefined> {
    return this.getMeta('hub');
  }

  /** Stores the hub link (pairing succeeded); a new pairing starts with a fresh pull cursor. */
  async setLink(link: HubLink): Promise<void> {
    const checked = checkedRow(kioskMetaSchemas.hub, link, 'meta', 'hub');
    const tx = await kioskTransaction(this.dbName, ['meta'], 'readwrite', STRICT);
    await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      await Promise.all([meta.put(checked, 'hub'), meta.delete('pullCursor')]);
    });
  }

  /**
   * Forgets the hub (the device was revoked): the token and the cursor go; the outbox and the visits stay,
   * so nothing unacknowledged is lost and a new pairing sends it all.
   */
  async clearLink(): Promise<void> {
    const tx = await kioskTransaction(this.dbName, ['meta'], 'readwrite', STRICT);
    await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      await Promise.all([meta.delete('hub'), meta.delete('pullCursor')]);
    });
  }

  /**
   * This device's id, created (UUIDv7) and stored if it has none yet — a kiosk pairs, and a desk pushes,
   * before it has ever registered a visit. One readwrite transaction, so two callers get the same id.
   */
  async deviceId(now: Date = new Date()): Promise<string> {
    const tx = await kioskTransaction(this.dbName, ['meta'], 'readwrite', STRICT);
    return commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const stored = metaValue('deviceId', await meta.get('deviceId'));
      if (stored !== undefined) return stored;
      const id = uuidv7(now.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
      await meta.put(id, 'deviceId');
      return id;
    });
  }

  pullCursor(): Promise<string | undefined> {
    return this.getMeta('pullCursor');
  }

  setPullCursor(cursor: string): Promise<void> {
    return this.putMeta('pullCursor', cursor);
  }

  /** When a push or pull last reached the hub. */
  lastSyncAt(): Promise<string | undefined> {
    return this.getMeta('lastSyncAt');
  }

  setLastSyncAt(at: Date): Promise<void> {
    return this.putMeta('lastSyncAt', at.toISOString());
  }

  /**
   * Adds ids the hub revoked. Kept in one `meta` row: a site revokes a handful a month, and a lookup per
   * scan is one read. Past `MAX_REVOKED_JTIS` the oldest go first (long expired by then).
   */
  async addRevokedJtis(jtis: readonly string[]): Promise<void> {
    if (jtis.length === 0) return;
    const tx = await kioskTransaction(this.dbName, ['meta'], 'readwrite', STRICT);
    await commit(tx, async () => {
      const meta = tx.objectStore('meta');
      const current = metaValue('revokedJtis', await meta.get('revokedJtis')) ?? [];
      const merged = [...new Set([...current, ...jtis])].slice(-MAX_REVOKED_JTIS);
      await meta.put(checkedRow(kioskMetaSchemas.revokedJtis, merged, 'meta', 'revokedJtis'), 'revokedJtis');
    });
  }

  /** Whether the hub revoked invitation or pass `jti`. */
  async isRevoked(jti: string): Promise<boolean> {
    return ((await this.getMeta('revokedJtis')) ?? []).includes(jti);
  }

  // ----- outbox -----

  /** How many changes wait for the hub's acknowledgement. */
  pendingCount(): Promise<number> {
    return this.visits.pendingCount();
  }

  /**
   * The oldest `limit` outbox entries in ascending `seq`, each with the current state of its visit, read in
   * ONE readonly transaction (a snapshot: a change committed meanwhile is in the next batch).
   */
  async outboxBatch(limit: number): Promise<OutboxBatch> {
    return withKioskDb(this.dbName, async (db) => {
      const tx = db.transaction(['outbox', 'visits', 'records'], 'readonly');
      tx.done.catch(() => undefined);
      const entries: unknown[] = await tx.objectStore('outbox').getAll(undefined, limit);
      const visits = tx.objectStore('visits');
      const records = tx.objectStore('records');
      const batch: OutboxBatch = { changes: [], stuck: [] };
      const parsed = entries.map((raw) => ({ raw, entry: outboxEntrySchema.safeParse(raw), recordEntry: recordOutboxEntrySchema.safeParse(raw) }));
      // Every row read goes out at once: one round trip for the batch, not one per entry.
      const rows = await Promise.all(
        parsed.map(({ entry, recordEntry }) => (entry.success ? visits.get(entry.data.visitId) : recordEntry.success ? records.get(recordEntry.data.recordId) : Promise.resolve(undefined))),
      );
      parsed.forEach(({ raw, entry, recordEntry }, i) => {
        const seq = Number(keyOf(raw, 'seq'));
        if (recordEntry.success) {
          // A lobby record's change (v4): the record's current state, like a visit's.
          const row: unknown = rows[i];
          const record = row === undefined ? undefined : lobbyRecordSchema.safeParse(row);
          if (!record) batch.stuck.push({ seq, issues: ['record: missing'] });
          else if (record.success) batch.changes.push({ seq: recordEntry.data.seq, record: record.data as LobbyRecord });
          else batch.stuck.push({ seq, issues: describeIssues(record.error.issues).map((issue) => `record.${issue}`) });
          return;
        }
        if (!entry.success) {
          batch.stuck.push({ seq, issues: describeIssues(entry.error.issues) });
          return;
        }
        const row: unknown = rows[i];
        if (row === undefined) {
          batch.stuck.push({ seq, issues: ['visit: missing'] });
          return;
        }
        const visit = visitSchema.safeParse(row);
        if (visit.success) batch.changes.push({ seq: entry.data.seq, visit: visit.data });
        else batch.stuck.push({ seq, issues: describeIssues(visit.error.issues).map((issue) => `visit.${issue}`) });
      });
      return batch;
    });
  }

  /** Deletes exactly the acknowledged entries (see `VisitStore.acknowledge`). */
  acknowledge(seqs: readonly number[]): Promise<void> {
    return this.visits.acknowledge(seqs);
  }

  // ----- privacy -----

  /**
   * Deletes acknowledged visits of device `deviceId` from this device, so personal data the hub holds
   * leaves the kiosk within a day (issue 5). A visit goes when NO outbox entry points to it any more (every
   * change is acknowledged) and either
   * - it was created more than `maxAgeMs` ago, whatever its status; or
   * - its status is not one the kiosk still acts on: only `checked-in` (the badge check-out on this kiosk
   *   during the visit day needs the record) and a `checked-out` less than `checkedOutGraceMs` old (the
   *   satisfaction answer is written to it) stay.
   * Deleted, not stripped: a stripped record would have to be pushed again by a later change and the hub
   * would take the blanks as the newer state. One readwrite transaction over `visits` and `outbox`, so a
   * change committed at the same time either keeps its visit (its entry is seen) or comes after (and then
   * fails as for any unknown visit — which cannot happen for the statuses kept). Visits of other devices
   * (rows a hub-linked desk wrote) are never touched.
   */
  async purgeAcknowledged(deviceId: string, now: Date, policy: PurgePolicy): Promise<PurgeResult> {
    const tx = await kioskTransaction(this.dbName, ['visits', 'outbox'], 'readwrite');
    const deleted = await commit(tx, async () => {
      const outbox = tx.objectStore('outbox');
      const visits = tx.objectStore('visits');
      const [entries, rows] = await Promise.all([outbox.getAll(), visits.getAll()]);
      const waiting = new Set(entries.map((e: unknown) => keyOf(e, 'visitId')));
      const nowMs = now.getTime();
      const doomed: string[] = [];
      for (const raw of rows as unknown[]) {
        const parsed = visitSchema.safeParse(raw);
        // A row that fails its schema is never deleted (storage's rule): someone must look at it.
        if (!parsed.success) continue;
        const v = parsed.data;
        if (v.deviceId !== deviceId || waiting.has(v.id)) continue;
        const old = nowMs - Date.parse(v.createdAt) >= policy.maxAgeMs;
        const keep = v.status === 'checked-in' || (v.status === 'checked-out' && nowMs - Date.parse(v.updatedAt) < policy.checkedOutGraceMs);
        if (old || !keep) doomed.push(v.id);
      }
      await Promise.all(doomed.map((id) => visits.delete(id)));
      return doomed.length;
    });
    if (deleted > 0) noteExternalWrite(this.dbName);
    return { deleted };
  }

  // ----- rows from the hub (a hub-linked desk) -----

  /**
   * Writes visits the hub sent, WITHOUT outbox entries or sequence numbers (they are the hub's, not this
   * device's changes). A stored row is replaced only by a newer one (`isNewerVisit`), so a desk's own edit
   * not yet pushed is not undone by an older event. Returns how many rows changed. Rows are checked first:
   * one bad visit writes nothing (`storage-row-invalid`).
   */
  async putVisitsFromHub(incoming: readonly Visit[]): Promise<number> {
    if (incoming.length === 0) return 0;
    const checked = incoming.map((v) => checkedRow(visitSchema, v, 'visits', v.id));
    const tx = await kioskTransaction(this.dbName, ['visits'], 'readwrite', STRICT);
    const changed = await commit(tx, async () => {
      const visits = tx.objectStore('visits');
      const stored: unknown[] = await Promise.all(checked.map((v) => visits.get(v.id)));
      const writes: Promise<unknown>[] = [];
      checked.forEach((visit, i) => {
        const current = visitSchema.safeParse(stored[i]);
        if (stored[i] === undefined || !current.success || isNewerVisit(visit, current.data)) writes.push(visits.put(visit));
      });
      await Promise.all(writes);
      return writes.length;
    });
    if (changed > 0) noteExternalWrite(this.dbName);
    return changed;
  }

  /**
   * Deletes visits the hub erased on a person's request (an `erasure` event on a desk, `erasedVisitIds` in a
   * kiosk's pull), with the host's answers kept for them; returns how many this device held. Alerts stay:
   * they carry ids and classes, no personal data. Outbox entries still pointing to an erased visit go too: its
   * record is gone, so they could never be sent, and a later change pushed would bring the person back to the
   * hub (the hub then notes the skipped sequence numbers as a gap).
   */
  async deleteVisitsFromHub(visitIds: readonly string[]): Promise<number> {
    if (visitIds.length === 0) return 0;
    const tx = await kioskTransaction(this.dbName, ['visits', 'host-decisions', 'outbox'], 'readwrite', STRICT);
    const deleted = await commit(tx, async () => {
      const visits = tx.objectStore('visits');
      const outbox = tx.objectStore('outbox');
      const erased = new Set(visitIds);
      // The outbox has no index by visit; an erasure is rare and the outbox of a connected device short.
      const waiting = ((await outbox.getAll()) as unknown[]).filter((e) => erased.has(keyOf(e, 'visitId'))).map((e) => Number(keyOf(e, 'seq')));
      const held = await Promise.all(visitIds.map((id) => visits.count(id)));
      await Promise.all([...visitIds.flatMap((id) => [visits.delete(id), tx.objectStore('host-decisions').delete(id)]), ...waiting.map((seq) => outbox.delete(seq))]);
      return held.reduce((a, b) => a + b, 0);
    });
    if (deleted > 0) noteExternalWrite(this.dbName);
    return deleted;
  }

  /**
   * Writes alerts the hub sent (the hub owns them in hub mode: classification, escalation and the first
   * acknowledgement are decided there), replacing the stored copies. Checked first: one bad alert writes nothing.
   */
  async putAlertsFromHub(incoming: readonly Alert[]): Promise<void> {
    if (incoming.length === 0) return;
    const checked = incoming.map((a) => checkedRow(alertSchema, a, 'alerts', a.id));
    const tx = await kioskTransaction(this.dbName, ['alerts'], 'readwrite', STRICT);
    await commit(tx, async () => {
      const alerts = tx.objectStore('alerts');
      await Promise.all(checked.map((a) => alerts.put(a)));
    });
  }

  // ----- helpers -----

  private async getMeta<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
    const raw: unknown = await withKioskDb(this.dbName, (db) => db.get('meta', key));
    return metaValue(key, raw);
  }

  private async putMeta<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
    // A bad value is a bug upstream and must not reach the disk.
    const parsed = kioskMetaSchemas[key].safeParse(value);
    if (!parsed.success) throw new KioskError('storage-row-invalid', { store: 'meta', key, issues: describeIssues(parsed.error.issues).join('; ') });
    const checked = parsed.data as MetaValue<K>;
    const tx = await kioskTransaction(this.dbName, ['meta'], 'readwrite', STRICT);
    await commit(tx, () => tx.objectStore('meta').put(checked, key));
  }
}
