/**
 * Every query the hub makes, behind typed methods: the rest of the hub never sees SQL, Kysely or a driver.
 * `HubStore.write(fn)` runs `fn` with a `Repo` inside ONE transaction (all or nothing), `read(fn)` inside one
 * consistent snapshot. Events inserted during a write are announced to `onEvents` listeners after the commit,
 * so the in-memory fan-out never tells a desk about something that was rolled back.
 */
import { sql, type Kysely } from 'kysely';
import type { Alert, StaffRole } from '../../src/domain/desk.js';
import type { RulesConfig } from '../../src/domain/rules/index.js';
import type { SiteConfig } from '../../src/domain/site.js';
import type { Visit } from '../../src/domain/visit.js';
import type { KeySet, PublicJwk } from '../../src/schemas/invite.js';
import type { DialectAdapter, DialectName } from './adapter.js';
import type { Database } from './schema.js';
import { AuditRepo } from './audit-store.js';
import { RecordsRepo } from './records-store.js';
import { LedgerRepo } from './ledger-store.js';
import { HostAnswerRepo } from './host-answer-store.js';
import { RateCounterRepo } from './rate-counter-store.js';
import { ReportsRepo } from './reports-store.js';
import { DeviceReportRepo } from './device-report-store.js';
import { SiteAdminRepo } from './site-admin-store.js';
import { RecordRetentionRepo } from './record-retention-store.js';
import { NotifyRepo } from './notify-store.js';
import { PgEventListener } from './pg-listen.js';

/** A device as the hub stores it. */
/**
 * Rows per multi-row INSERT: 11 columns × 200 stays far below SQLite's and PostgreSQL's limits on bound
 * parameters (32 766 and 65 535) and keeps one statement's text small.
 */
const WRITE_CHUNK = 200;
/** Where a visit event's JSON text has the visit's id (1-based, as SQL's `substr` counts): after `{"type":"visit","visit":{"id":"`. */
const VISIT_EVENT_ID_AT = '{"type":"visit","visit":{"id":"'.length + 1;
/** Ids per event-deleting statement: each is one scan of the events, so as many as the engines bind (≤ 32 766). */
const EVENT_ID_CHUNK = 10_000;
/** Ids per `IN (…)` list. */
const READ_CHUNK = 500;

/** A site's hub-only secrets (table `site_secrets`). */
export interface SiteSecretsRow {
  sealKid: string;
  sealPrivateJwk: JsonWebKey;
  sealPublicJwk: PublicJwk;
  /** base64url of 32 random bytes. */
  idHashKey: string;
}

export interface DeviceRow {
  id: string;
  siteId: string;
  role: 'kiosk' | 'desk';
  label?: string;
  lastSeq: number;
  gaps: [number, number][];
  lastSyncAt?: string;
  revokedAt?: string;
  badgeKid?: string;
}

/** A staff member as the hub stores it (a PIN hash, never a PIN). */
export interface StaffRow {
  id: string;
  siteId: string;
  name: string;
  role: StaffRole;
  pinHash: string;
  pinSalt: string;
  iterations: number;
}

export interface SessionRow {
  staffId: string;
  siteId: string;
  expiresAt: string;
}

export interface SigningKeyRow {
  kid: string;
  siteId: string;
  privateJwk: JsonWebKey;
  publicJwk: PublicJwk;
  status: 'current' | 'previous' | 'revoked';
}

export interface StoredVisit {
  visit: Visit;
  historyLen: number;
  updatedAt: string;
  classifiedAt?: string;
}

export interface InvitationRow {
  jti: string;
  siteId: string;
  kind: 'invitation' | 'pass';
  host: string;
  visitorType: string;
  partySize: number;
  names?: string[];
  usesAllowed?: number;
  uses: number;
  revokedAt?: string;
  expiresAt: string;
}

/** One row of the events table, its data still JSON text. */
export interface EventRow {
  id: number;
  siteId: string;
  type: string;
  data: string;
  at: string;
}

export interface WatchEntryRow {
  id: string;
  kind: 'name' | 'phone' | 'id-hash';
  value: string;
  reason: string;
  approvedBy: string;
  expiresAt: string;
}

const opt = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** Queries inside one transaction (or snapshot). Obtained from `HubStore.write` / `HubStore.read` only. */
export class Repo {
  /** Whether this transaction inserted events (announced after commit). */
  emitted = false;
  private eventsLocked = false;
  /** Sites already announced to other hub processes in this transaction (adapter `announceEvents`). */
  private readonly announced = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
  ) {}

  /** Outbound notifications (webhooks, e-mail, the delivery queue) in this same transaction: notify-store.ts. */
  get notify(): NotifyRepo {
    return (this.notifyRepo ??= new NotifyRepo(this.db, this.adapter));
  }
  private notifyRepo: NotifyRepo | undefined;

  /** Lobby records (parcels, food deliveries, the guard's registers) in this same transaction: records-store.ts. */
  get records(): RecordsRepo {
    return (this.recordsRepo ??= new RecordsRepo(this.db, this.adapter));
  }
  private recordsRepo: RecordsRepo | undefined;

  /** The audit log (append and read only) in this same transaction: audit-store.ts. */
  get audit(): AuditRepo {
    return (this.auditRepo ??= new AuditRepo(this.db));
  }
  private auditRepo: AuditRepo | undefined;

  /** The front-desk ledger (entries, form numbers) in this same transaction: ledger-store.ts. */
  get ledger(): LedgerRepo {
    return (this.ledgerRepo ??= new LedgerRepo(this.db, this.adapter));
  }
  private ledgerRepo: LedgerRepo | undefined;
  /** The host's answer links (secrets, one record per visit) in this same transaction: host-answer-store.ts. */
  get hostAnswers(): HostAnswerRepo {
    return (this.hostAnswerRepo ??= new HostAnswerRepo(this.db));
  }
  private hostAnswerRepo: HostAnswerRepo | undefined;

  /** Rate-limit counters shared by hub processes (PostgreSQL): rate-counter-store.ts. */
  get rateCounters(): RateCounterRepo {
    return (this.rateCounterRepo ??= new RateCounterRepo(this.db));
  }
  private rateCounterRepo: RateCounterRepo | undefined;


  /** Report aggregates (SQL counts, never rows of personal data) in this same transaction: reports-store.ts. */
  get reports(): ReportsRepo {
    return (this.reportsRepo ??= new ReportsRepo(this.db));
  }
  private reportsRepo: ReportsRepo | undefined;

  /** Kiosks' self-reports (pending count, storage use) in this same transaction: device-report-store.ts. */
  get deviceReports(): DeviceReportRepo {
    return (this.deviceReportRepo ??= new DeviceReportRepo(this.db));
  }
  private deviceReportRepo: DeviceReportRepo | undefined;

  /** Site configuration and watch-list changes in this same transaction: site-admin-store.ts. */
  get siteAdmin(): SiteAdminRepo {
    return (this.siteAdminRepo ??= new SiteAdminRepo(this.db));
  }
  private siteAdminRepo: SiteAdminRepo | undefined;

  /** Retention of closed ledger entries (complaints) in this same transaction: record-retention-store.ts. */
  get recordRetention(): RecordRetentionRepo {
    return (this.recordRetentionRepo ??= new RecordRetentionRepo(this.db));
  }
  private recordRetentionRepo: RecordRetentionRepo | undefined;

  // ----- sites and keys -----

  async siteCount(): Promise<number> {
    const row = await this.db.selectFrom('sites').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertSite(config: SiteConfig, rules: RulesConfig | undefined, at: string): Promise<void> {
    const { keySet: _published, ...stored } = config;
    await this.db.insertInto('sites').values({ id: config.id, config: JSON.stringify(stored), rules: rules ? JSON.stringify(rules) : null, created_at: at }).execute();
  }

  /** The site's stored configuration (without key set) and rules JSON, or undefined. */
  async site(id: string): Promise<{ config: unknown; rules: unknown } | undefined> {
    const row = await this.db.selectFrom('sites').select(['config', 'rules']).where('id', '=', id).executeTakeFirst();
    return row ? { config: JSON.parse(row.config) as unknown, rules: row.rules === null ? undefined : (JSON.parse(row.rules) as unknown) } : undefined;
  }

  async siteIds(): Promise<string[]> {
    return (await this.db.selectFrom('sites').select('id').orderBy('created_at').orderBy('id').execute()).map((r) => r.id);
  }

  async insertSigningKey(key: SigningKeyRow, at: string): Promise<void> {
    await this.db
      .insertInto('signing_keys')
      .values({ kid: key.kid, site_id: key.siteId, private_jwk: JSON.stringify(key.privateJwk), public_jwk: JSON.stringify(key.publicJwk), status: key.status, created_at: at })
      .execute();
  }

  async signingKeys(siteId: string): Promise<SigningKeyRow[]> {
    const rows = await this.db.selectFrom('signing_keys').selectAll().where('site_id', '=', siteId).orderBy('created_at').execute();
    return rows.map((r) => ({
      kid: r.kid,
      siteId: r.site_id,
      privateJwk: JSON.parse(r.private_jwk) as JsonWebKey,
      publicJwk: JSON.parse(r.public_jwk) as PublicJwk,
      status: r.status,
    }));
  }

  /** The site's sealing key and identity-hash key, if made (sites.ts `siteSecrets` makes them on first use). */
  async siteSecrets(siteId: string): Promise<SiteSecretsRow | undefined> {
    const r = await this.db.selectFrom('site_secrets').selectAll().where('site_id', '=', siteId).executeTakeFirst();
    return (
      r && {
        sealKid: r.seal_kid,
        sealPrivateJwk: JSON.parse(r.seal_private_jwk) as JsonWebKey,
        sealPublicJwk: JSON.parse(r.seal_public_jwk) as PublicJwk,
        idHashKey: r.id_hash_key,
      }
    );
  }

  /** Stores a site's secrets once; false when another process stored them first (theirs stand). */
  async insertSiteSecrets(siteId: string, secrets: SiteSecretsRow, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('site_secrets')
      .values({
        site_id: siteId,
        seal_kid: secrets.sealKid,
        seal_private_jwk: JSON.stringify(secrets.sealPrivateJwk),
        seal_public_jwk: JSON.stringify(secrets.sealPublicJwk),
        id_hash_key: secrets.idHashKey,
        created_at: at,
      })
      .onConflict((oc) => oc.column('site_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Records the keyed identity hash of a visit (the number it came from is already gone). */
  async setVisitIdHash(visitId: string, idHash: string): Promise<void> {
    await this.db.updateTable('visits').set({ id_hash: idHash }).where('id', '=', visitId).execute();
  }

  /** The keyed identity hash kept for a visit, if its number was recorded. */
  async visitIdHash(siteId: string, visitId: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('visits').select('id_hash').where('site_id', '=', siteId).where('id', '=', visitId).executeTakeFirst();
    return r?.id_hash ?? undefined;
  }

  /** The public key set of a site: every key with its status (revoked ones too, so kiosks refuse them). */
  async keySet(siteId: string): Promise<KeySet> {
    return { keys: (await this.signingKeys(siteId)).map((k) => ({ kid: k.kid, jwk: k.publicJwk, status: k.status })) };
  }

  // ----- staff and sessions -----

  async insertStaff(staff: StaffRow, at: string): Promise<void> {
    await this.db
      .insertInto('staff')
      .values({ id: staff.id, site_id: staff.siteId, name: staff.name, role: staff.role, pin_hash: staff.pinHash, pin_salt: staff.pinSalt, iterations: staff.iterations, created_at: at })
      .execute();
  }

  async staff(siteId?: string): Promise<StaffRow[]> {
    let q = this.db.selectFrom('staff').selectAll().orderBy('id');
    if (siteId !== undefined) q = q.where('site_id', '=', siteId);
    return (await q.execute()).map((r) => ({ id: r.id, siteId: r.site_id, name: r.name, role: r.role, pinHash: r.pin_hash, pinSalt: r.pin_salt, iterations: r.iterations }));
  }

  /** The sites a staff member reads: their own, and for the company role those listed in `staff_sites`. */
  async staffSiteIds(staff: Pick<StaffRow, 'id' | 'siteId' | 'role'>): Promise<string[]> {
    if (staff.role !== 'company') return [staff.siteId];
    const rows = await this.db.selectFrom('staff_sites').select('site_id').where('staff_id', '=', staff.id).orderBy('site_id').execute();
    return [...new Set([staff.siteId, ...rows.map((r) => r.site_id)])];
  }

  /** Gives a company member further sites (ignores ones already given). */
  async addStaffSites(staffId: string, siteIds: readonly string[]): Promise<void> {
    if (siteIds.length === 0) return;
    await this.db
      .insertInto('staff_sites')
      .values(siteIds.map((siteId) => ({ staff_id: staffId, site_id: siteId })))
      .onConflict((oc) => oc.columns(['staff_id', 'site_id']).doNothing())
      .execute();
  }

  /**
   * Anonymised counts of one site's visits registered from `from` to `to` (day keys, inclusive) and of its
   * alerts raised in those days: no name, phone or identity — what a company's report across sites may hold.
   */
  async visitCounts(siteId: string, from: string, to: string): Promise<{ byType: Record<string, number>; byStatus: Record<string, number>; alerts: Record<string, number> }> {
    // The visitor type lives in the visit's JSON: read the day range and count here (one site-month is small).
    const visits = await this.db.selectFrom('visits').select(['data']).where('site_id', '=', siteId).where('day_key', '>=', from).where('day_key', '<=', to).execute();
    const byType: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const row of visits) {
      const visit = JSON.parse(row.data) as Visit;
      byType[visit.visitorType] = (byType[visit.visitorType] ?? 0) + 1;
      byStatus[visit.status] = (byStatus[visit.status] ?? 0) + 1;
    }
    const alertRows = await this.db
      .selectFrom('alerts')
      .select(['class', (eb) => eb.fn.countAll<number>().as('n')])
      .where('site_id', '=', siteId)
      .where('created_at', '>=', `${from}T00:00:00.000Z`)
      .where('created_at', '<', `${to}T23:59:59.999Z`)
      .groupBy('class')
      .execute();
    const alerts: Record<string, number> = {};
    for (const r of alertRows) alerts[r.class] = Number(r.n);
    return { byType, byStatus, alerts };
  }

  /**
   * Retention (hub/retention.ts): the site's visits registered before `beforeDay` (a day key), oldest first, at
   * most `limit` — ids, day, type and status only; and which of them an alert still open holds as evidence.
   */
  async visitsBefore(siteId: string, beforeDay: string, limit: number): Promise<{ id: string; dayKey: string; visitorType: string; status: string; receivedAt: string }[]> {
    const rows = await this.db.selectFrom('visits').select(['id', 'day_key', 'status', 'data', 'received_at']).where('site_id', '=', siteId).where('day_key', '<', beforeDay).orderBy('day_key').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, dayKey: r.day_key, status: r.status, receivedAt: r.received_at, visitorType: (JSON.parse(r.data) as Visit).visitorType }));
  }

  /**
   * Deletes the `visit` events of these visits (their JSON holds the visitor's details). Only for visits the
   * hub received recently — older events go by age (`deletePersonalRecordsBefore`) — so the text match runs
   * for the few visits that synced long after they were registered.
   */
  async deleteVisitEvents(siteId: string, visitIds: readonly string[]): Promise<void> {
    // A visit event's text is `{"type":"visit","visit":{"id":"<uuid>",…` (push.ts emits it so, and the visit
    // schema puts `id` first): the id sits at a fixed place, so one scan per chunk compares it with a set —
    // a LIKE per id scanned the table once per visit (82 s for 10 000 visits synced the same day).
    for (let i = 0; i < visitIds.length; i += EVENT_ID_CHUNK) {
      await this.db
        .deleteFrom('events')
        .where('site_id', '=', siteId)
        .where('type', '=', 'visit')
        .where(sql<string>`substr(data, ${VISIT_EVENT_ID_AT}, 36)`, 'in', visitIds.slice(i, i + EVENT_ID_CHUNK))
        .execute();
    }
  }

  /** Of `visitIds`, those with an alert that is not closed: held past retention while it is open. */
  async heldVisitIds(siteId: string, visitIds: readonly string[]): Promise<Set<string>> {
    const held = new Set<string>();
    for (let i = 0; i < visitIds.length; i += READ_CHUNK) {
      const rows = await this.db
        .selectFrom('alerts')
        .select('visit_id')
        .where('site_id', '=', siteId)
        .where('status', '!=', 'closed')
        .where('visit_id', 'in', visitIds.slice(i, i + READ_CHUNK))
        .execute();
      for (const r of rows) if (r.visit_id) held.add(r.visit_id);
    }
    return held;
  }

  /** Adds purged visits to the anonymised counts (site, day, type, status). */
  async addVisitCounts(siteId: string, counts: ReadonlyMap<string, number>): Promise<void> {
    for (const [key, n] of counts) {
      const [dayKey = '', visitorType = '', status = ''] = key.split('|');
      await this.db
        .insertInto('visit_counts')
        .values({ site_id: siteId, day_key: dayKey, visitor_type: visitorType, status, n })
        .onConflict((oc) => oc.columns(['site_id', 'day_key', 'visitor_type', 'status']).doUpdateSet((eb) => ({ n: eb('visit_counts.n', '+', n) })))
        .execute();
    }
  }

  /** Deletes visits by id (their `changes` rows stay: a late replay of a purged visit is acknowledged, not revived). */
  async deleteVisits(siteId: string, visitIds: readonly string[]): Promise<void> {
    for (let i = 0; i < visitIds.length; i += READ_CHUNK) {
      await this.db.deleteFrom('visits').where('site_id', '=', siteId).where('id', 'in', visitIds.slice(i, i + READ_CHUNK)).execute();
    }
  }

  /** Deletes the site's `visit` events from before `eventsBefore` and quarantined raw changes from before `quarantineBefore`: both hold visitors' details. */
  async deletePersonalRecordsBefore(siteId: string, eventsBefore: string, quarantineBefore: string): Promise<void> {
    await this.db.deleteFrom('events').where('site_id', '=', siteId).where('type', '=', 'visit').where('at', '<', eventsBefore).execute();
    await this.db.deleteFrom('quarantine').where('site_id', '=', siteId).where('received_at', '<', quarantineBefore).execute();
  }

  /** The anonymised counts kept for a site, for reports and tests. */
  async visitCountsKept(siteId: string): Promise<{ dayKey: string; visitorType: string; status: string; n: number }[]> {
    const rows = await this.db.selectFrom('visit_counts').selectAll().where('site_id', '=', siteId).orderBy('day_key').execute();
    return rows.map((r) => ({ dayKey: r.day_key, visitorType: r.visitor_type, status: r.status, n: Number(r.n) }));
  }

  /** Replaces a staff member's PIN hash; false when there is no such member at the site. */
  async setStaffPin(siteId: string, id: string, hash: { pinHash: string; pinSalt: string; iterations: number }, _at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('staff')
      .set({ pin_hash: hash.pinHash, pin_salt: hash.pinSalt, iterations: hash.iterations })
      .where('site_id', '=', siteId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async staffById(id: string): Promise<StaffRow | undefined> {
    const r = await this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, siteId: r.site_id, name: r.name, role: r.role, pinHash: r.pin_hash, pinSalt: r.pin_salt, iterations: r.iterations };
  }

  async insertSession(tokenHash: string, session: SessionRow, at: string): Promise<void> {
    await this.db.insertInto('sessions').values({ token_hash: tokenHash, staff_id: session.staffId, site_id: session.siteId, expires_at: session.expiresAt, created_at: at }).execute();
  }

  async session(tokenHash: string): Promise<SessionRow | undefined> {
    const r = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r && { staffId: r.staff_id, siteId: r.site_id, expiresAt: r.expires_at };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Drops sessions that ended before `now` (housekeeping; an expired session is refused anyway). */
  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  async signInFailures(siteId: string, client: string): Promise<{ failedAttempts: number; lockedUntil?: string }> {
    const r = await this.adapter
      .forUpdate(this.db.selectFrom('sign_in_failures').select(['failed_attempts', 'locked_until']).where('site_id', '=', siteId).where('client', '=', client))
      .executeTakeFirst();
    return r ? { failedAttempts: r.failed_attempts, ...opt('lockedUntil', r.locked_until) } : { failedAttempts: 0 };
  }

  async setSignInFailures(siteId: string, client: string, failedAttempts: number, lockedUntil: string | undefined): Promise<void> {
    await this.db
      .insertInto('sign_in_failures')
      .values({ site_id: siteId, client, failed_attempts: failedAttempts, locked_until: lockedUntil ?? null })
      .onConflict((oc) => oc.columns(['site_id', 'client']).doUpdateSet({ failed_attempts: failedAttempts, locked_until: lockedUntil ?? null }))
      .execute();
  }

  // ----- devices and pairing -----

  async insertPairCode(codeHash: string, siteId: string, expiresAt: string, at: string): Promise<void> {
    await this.db.insertInto('pair_codes').values({ code_hash: codeHash, site_id: siteId, expires_at: expiresAt, used_at: null, device_id: null, created_at: at }).execute();
  }

  async pairCodeForUpdate(codeHash: string): Promise<{ siteId: string; expiresAt: string; usedAt?: string } | undefined> {
    const r = await this.adapter.forUpdate(this.db.selectFrom('pair_codes').selectAll().where('code_hash', '=', codeHash)).executeTakeFirst();
    return r && { siteId: r.site_id, expiresAt: r.expires_at, ...opt('usedAt', r.used_at) };
  }

  /** Marks a code used; false when another request used it first (nothing changed). */
  async usePairCode(codeHash: string, deviceId: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('pair_codes').set({ used_at: at, device_id: deviceId }).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private static device(r: Database['devices']): DeviceRow {
    return {
      id: r.id,
      siteId: r.site_id,
      role: r.role,
      ...opt('label', r.label),
      lastSeq: r.last_seq,
      gaps: JSON.parse(r.gaps) as [number, number][],
      ...opt('lastSyncAt', r.last_sync_at),
      ...opt('revokedAt', r.revoked_at),
      ...opt('badgeKid', r.badge_kid),
    };
  }

  async device(id: string, lock = false): Promise<DeviceRow | undefined> {
    const q = this.db.selectFrom('devices').selectAll().where('id', '=', id);
    const r = await (lock ? this.adapter.forUpdate(q) : q).executeTakeFirst();
    return r && Repo.device(r);
  }

  async deviceByTokenHash(tokenHash: string): Promise<DeviceRow | undefined> {
    const r = await this.db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r && Repo.device(r);
  }

  async devices(siteId: string): Promise<DeviceRow[]> {
    return (await this.db.selectFrom('devices').selectAll().where('site_id', '=', siteId).orderBy('created_at').orderBy('id').execute()).map(Repo.device);
  }

  /** Creates or re-pairs a kiosk: a new token; its sequence state is kept (a re-paired tablet continues its seqs). */
  async pairKiosk(input: { id: string; siteId: string; tokenHash: string; badgeKid: string; badgeJwk: PublicJwk }, at: string): Promise<void> {
    await this.db
      .insertInto('devices')
      .values({
        id: input.id,
        site_id: input.siteId,
        role: 'kiosk',
        token_hash: input.tokenHash,
        badge_kid: input.badgeKid,
        badge_jwk: JSON.stringify(input.badgeJwk),
        label: null,
        last_seq: 0,
        gaps: '[]',
        last_sync_at: null,
        revoked_at: null,
        created_at: at,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ token_hash: input.tokenHash, badge_kid: input.badgeKid, badge_jwk: JSON.stringify(input.badgeJwk), revoked_at: null }),
      )
      .execute();
  }

  /** Registers a desk's device id on its first push (desks push under a staff session, without a token). */
  async insertDeskDevice(id: string, siteId: string, at: string): Promise<void> {
    await this.db
      .insertInto('devices')
      .values({ id, site_id: siteId, role: 'desk', token_hash: null, badge_kid: null, badge_jwk: null, label: null, last_seq: 0, gaps: '[]', last_sync_at: null, revoked_at: null, created_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async updateDeviceSync(id: string, lastSeq: number, gaps: [number, number][], at: string): Promise<void> {
    await this.db.updateTable('devices').set({ last_seq: lastSeq, gaps: JSON.stringify(gaps), last_sync_at: at }).where('id', '=', id).execute();
  }

  async touchDevice(id: string, at: string): Promise<void> {
    await this.db.updateTable('devices').set({ last_sync_at: at }).where('id', '=', id).execute();
  }

  /** Revokes a device's token; false when it was already revoked or does not exist at the site. */
  async revokeDevice(siteId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('devices').set({ revoked_at: at }).where('id', '=', id).where('site_id', '=', siteId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // ----- changes, visits, quarantine -----

  /** Records a received change; false when (site, device, seq) was already held (an idempotent replay). */
  async insertChange(siteId: string, deviceId: string, seq: number, visitId: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('changes')
      .values({ site_id: siteId, device_id: deviceId, seq, visit_id: visitId, received_at: at })
      .onConflict((oc) => oc.columns(['site_id', 'device_id', 'seq']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /**
   * Records a batch of a device's changes in one statement per `WRITE_CHUNK` rows; resolves with the seqs that
   * were new (a replayed seq is already held and left out). One round trip instead of one per change matters
   * on PostgreSQL, where each statement is a network exchange.
   */
  async insertChanges(siteId: string, deviceId: string, rows: readonly { seq: number; visitId: string }[], at: string): Promise<Set<number>> {
    const fresh = new Set<number>();
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      const inserted = await this.db
        .insertInto('changes')
        .values(rows.slice(i, i + WRITE_CHUNK).map((r) => ({ site_id: siteId, device_id: deviceId, seq: r.seq, visit_id: r.visitId, received_at: at })))
        .onConflict((oc) => oc.columns(['site_id', 'device_id', 'seq']).doNothing())
        .returning('seq')
        .execute();
      for (const r of inserted) fresh.add(Number(r.seq));
    }
    return fresh;
  }

  /** The stored versions of `ids` (locked for this transaction on PostgreSQL), by id. */
  async visitsForUpdate(ids: readonly string[]): Promise<Map<string, StoredVisit & { siteId: string }>> {
    const found = new Map<string, StoredVisit & { siteId: string }>();
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const rows = await this.adapter.forUpdate(this.db.selectFrom('visits').selectAll().where('id', 'in', ids.slice(i, i + READ_CHUNK))).execute();
      for (const r of rows) found.set(r.id, { siteId: r.site_id, visit: JSON.parse(r.data) as Visit, historyLen: r.history_len, updatedAt: r.updated_at, ...opt('classifiedAt', r.classified_at) });
    }
    return found;
  }

  /** Inserts visits first seen, in chunks; resolves with the ids inserted (one a concurrent push inserted first is left out). */
  async insertVisits(visits: readonly Visit[], at: string): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (let i = 0; i < visits.length; i += WRITE_CHUNK) {
      const rows = await this.db
        .insertInto('visits')
        .values(
          visits.slice(i, i + WRITE_CHUNK).map((visit) => ({
            id: visit.id,
            site_id: visit.siteId,
            day_key: visit.dayKey,
            status: visit.status,
            data: JSON.stringify(visit),
            updated_at: visit.updatedAt,
            history_len: visit.history.length,
            created_at: visit.createdAt,
            received_at: at,
            classified_at: null,
            id_hash: null,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      for (const r of rows) inserted.add(r.id);
    }
    return inserted;
  }

  /** Marks visits classified (once, on first sight), in chunks. */
  async markClassifiedMany(visitIds: readonly string[], at: string): Promise<void> {
    for (let i = 0; i < visitIds.length; i += READ_CHUNK) {
      await this.db.updateTable('visits').set({ classified_at: at }).where('id', 'in', visitIds.slice(i, i + READ_CHUNK)).execute();
    }
  }

  async changeCount(siteId: string): Promise<number> {
    const row = await this.db.selectFrom('changes').select((eb) => eb.fn.countAll().as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async visitForUpdate(id: string): Promise<(StoredVisit & { siteId: string }) | undefined> {
    const r = await this.adapter.forUpdate(this.db.selectFrom('visits').selectAll().where('id', '=', id)).executeTakeFirst();
    return r && { siteId: r.site_id, visit: JSON.parse(r.data) as Visit, historyLen: r.history_len, updatedAt: r.updated_at, ...opt('classifiedAt', r.classified_at) };
  }

  /** Inserts a visit first seen; false when a concurrent transaction inserted it first. */
  async insertVisit(visit: Visit, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('visits')
      .values({
        id: visit.id,
        site_id: visit.siteId,
        day_key: visit.dayKey,
        status: visit.status,
        data: JSON.stringify(visit),
        updated_at: visit.updatedAt,
        history_len: visit.history.length,
        created_at: visit.createdAt,
        received_at: at,
        classified_at: null,
        id_hash: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async replaceVisit(visit: Visit, at: string): Promise<void> {
    await this.db
      .updateTable('visits')
      .set({ day_key: visit.dayKey, status: visit.status, data: JSON.stringify(visit), updated_at: visit.updatedAt, history_len: visit.history.length, received_at: at })
      .where('id', '=', visit.id)
      .execute();
  }

  async markClassified(visitId: string, at: string): Promise<void> {
    await this.db.updateTable('visits').set({ classified_at: at }).where('id', '=', visitId).execute();
  }

  async visit(siteId: string, id: string): Promise<Visit | undefined> {
    const r = await this.db.selectFrom('visits').select('data').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    return r && (JSON.parse(r.data) as Visit);
  }

  /** The day's visits and every visit still checked in from earlier days. */
  async deskVisits(siteId: string, dayKey: string): Promise<Visit[]> {
    const rows = await this.db
      .selectFrom('visits')
      .select('data')
      .where('site_id', '=', siteId)
      .where((eb) => eb.or([eb('day_key', '=', dayKey), eb('status', '=', 'checked-in')]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.data) as Visit);
  }

  /** Visits between two day keys (inclusive; either may be absent), oldest first. */
  async visitsBetween(siteId: string, from: string | undefined, to: string | undefined): Promise<Visit[]> {
    let q = this.db.selectFrom('visits').select('data').where('site_id', '=', siteId);
    if (from !== undefined) q = q.where('day_key', '>=', from);
    if (to !== undefined) q = q.where('day_key', '<=', to);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => JSON.parse(r.data) as Visit);
  }

  async visitCount(siteId: string): Promise<number> {
    const row = await this.db.selectFrom('visits').select((eb) => eb.fn.countAll().as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async quarantine(siteId: string, deviceId: string, seq: number, reason: string, raw: unknown, at: string): Promise<void> {
    await this.db.insertInto('quarantine').values({ site_id: siteId, device_id: deviceId, seq, reason, raw: JSON.stringify(raw), received_at: at }).execute();
  }

  async quarantineCount(siteId: string): Promise<number> {
    const row = await this.db.selectFrom('quarantine').select((eb) => eb.fn.countAll().as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // ----- alerts -----

  /** Inserts an alert; with a dedupe key, false when the same key exists (nothing written). */
  async insertAlert(alert: Alert, dedupeKey: string | undefined): Promise<boolean> {
    const result = await this.db
      .insertInto('alerts')
      .values({
        id: alert.id,
        site_id: alert.siteId,
        visit_id: alert.visitId ?? null,
        kind: alert.kind,
        class: alert.incidentClass ?? alert.kind,
        status: alert.status,
        escalate_at: alert.escalateAt,
        dedupe_key: dedupeKey ?? null,
        data: JSON.stringify(alert),
        created_at: alert.createdAt,
        updated_at: alert.createdAt,
      })
      .onConflict((oc) => oc.columns(['site_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** The kiosk's help call still open (not yet acknowledged), if any (`raiseHelpCall` keys them `help:device:id`). */
  async openHelpCall(siteId: string, deviceId: string): Promise<Alert | undefined> {
    const r = await this.db
      .selectFrom('alerts')
      .select('data')
      .where('site_id', '=', siteId)
      .where('kind', '=', 'help')
      .where('status', '=', 'open')
      .where('dedupe_key', 'like', `help:${deviceId}:%`)
      .executeTakeFirst();
    return r && (JSON.parse(r.data) as Alert);
  }

  async alert(siteId: string, id: string, lock = false): Promise<Alert | undefined> {
    const q = this.db.selectFrom('alerts').select('data').where('site_id', '=', siteId).where('id', '=', id);
    const r = await (lock ? this.adapter.forUpdate(q) : q).executeTakeFirst();
    return r && (JSON.parse(r.data) as Alert);
  }

  /** An alert of the visit with this kind and class that is not closed (a manual raise returns it). */
  async openAlertFor(siteId: string, visitId: string, kind: string, cls: string): Promise<Alert | undefined> {
    const r = await this.db
      .selectFrom('alerts')
      .select('data')
      .where('site_id', '=', siteId)
      .where('visit_id', '=', visitId)
      .where('kind', '=', kind)
      .where('class', '=', cls)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    return r && (JSON.parse(r.data) as Alert);
  }

  /**
   * Writes `next` over the alert iff its stored status and escalation time are still `expected`'s: the
   * compare-and-set that makes the first acknowledgement win and one deadline escalate once, across desks and
   * hub processes. False when someone else changed it first.
   */
  async updateAlertIf(expected: Pick<Alert, 'id' | 'siteId' | 'status' | 'escalateAt'>, next: Alert, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('alerts')
      .set({ status: next.status, escalate_at: next.escalateAt, data: JSON.stringify(next), updated_at: at })
      .where('id', '=', expected.id)
      .where('site_id', '=', expected.siteId)
      .where('status', '=', expected.status)
      .where('escalate_at', '=', expected.escalateAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Open and acknowledged alerts, and those closed since `closedSince`. */
  async deskAlerts(siteId: string, closedSince: string): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select('data')
      .where('site_id', '=', siteId)
      .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('updated_at', '>=', closedSince)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.data) as Alert);
  }

  /** Open alerts (all sites) whose escalation time is at or before `now`, earliest first. */
  async dueAlerts(now: string, limit: number): Promise<Alert[]> {
    const rows = await this.db.selectFrom('alerts').select('data').where('status', '=', 'open').where('escalate_at', '<=', now).orderBy('escalate_at').limit(limit).execute();
    return rows.map((r) => JSON.parse(r.data) as Alert);
  }

  async alertsForVisit(siteId: string, visitId: string): Promise<Alert[]> {
    const rows = await this.db.selectFrom('alerts').select('data').where('site_id', '=', siteId).where('visit_id', '=', visitId).orderBy('created_at').execute();
    return rows.map((r) => JSON.parse(r.data) as Alert);
  }

  // ----- invitations -----

  async insertInvitation(row: InvitationRow, at: string): Promise<void> {
    await this.db
      .insertInto('invitations')
      .values({
        jti: row.jti,
        site_id: row.siteId,
        kind: row.kind,
        host: row.host,
        visitor_type: row.visitorType,
        party_size: row.partySize,
        names: row.names ? JSON.stringify(row.names) : null,
        uses_allowed: row.usesAllowed ?? null, uses: 0, revoked_at: null, expires_at: row.expiresAt, created_at: at })
      .execute();
  }

  async invitation(siteId: string, jti: string): Promise<InvitationRow | undefined> {
    const r = await this.db.selectFrom('invitations').selectAll().where('site_id', '=', siteId).where('jti', '=', jti).executeTakeFirst();
    return (
      r && {
        jti: r.jti,
        siteId: r.site_id,
        kind: r.kind,
        host: r.host,
        visitorType: r.visitor_type,
        partySize: r.party_size,
        ...opt('names', r.names === null ? null : (JSON.parse(r.names) as string[])),
        ...opt('usesAllowed', r.uses_allowed), uses: r.uses, ...opt('revokedAt', r.revoked_at), expiresAt: r.expires_at }
    );
  }

  /**
   * Counts one admission of `visitId` with `jti` (once per visit, however often it is pushed) and returns
   * the invitation's total across devices, or undefined when the hub did not issue that token.
   */
  async recordInvitationUse(siteId: string, jti: string, visitId: string, at: string): Promise<{ uses: number; usesAllowed?: number } | undefined> {
    const inserted = await this.db
      .insertInto('invitation_uses')
      .values({ site_id: siteId, jti, visit_id: visitId, at })
      .onConflict((oc) => oc.columns(['site_id', 'jti', 'visit_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
      await this.db
        .updateTable('invitations')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('site_id', '=', siteId)
        .where('jti', '=', jti)
        .execute();
    }
    const row = await this.invitation(siteId, jti);
    return row && { uses: row.uses, ...opt('usesAllowed', row.usesAllowed) };
  }

  async revokeInvitation(siteId: string, jti: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('invitations').set({ revoked_at: at }).where('site_id', '=', siteId).where('jti', '=', jti).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Revoked tokens that have not expired yet (a kiosk needs no word about a token it would refuse anyway). */
  async revokedJtis(siteId: string, now: string): Promise<string[]> {
    const rows = await this.db.selectFrom('invitations').select('jti').where('site_id', '=', siteId).where('revoked_at', 'is not', null).where('expires_at', '>', now).execute();
    return rows.map((r) => r.jti);
  }

  // ----- watch list -----

  async watchEntries(siteId: string): Promise<WatchEntryRow[]> {
    const rows = await this.db.selectFrom('watch_entries').selectAll().where('site_id', '=', siteId).execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, reason: r.reason, approvedBy: r.approved_by, expiresAt: r.expires_at }));
  }

  async insertWatchEntry(siteId: string, entry: WatchEntryRow, at: string): Promise<void> {
    await this.db
      .insertInto('watch_entries')
      .values({ id: entry.id, site_id: siteId, kind: entry.kind, value: entry.value, reason: entry.reason, approved_by: entry.approvedBy, created_at: at, expires_at: entry.expiresAt })
      .execute();
  }

  // ----- events -----

  /** Appends an event (announced to listeners after the commit). */
  async emit(siteId: string, type: string, data: unknown, at: string): Promise<void> {
    if (!this.eventsLocked) {
      await this.adapter.lockEvents(this.db);
      this.eventsLocked = true;
    }
    await this.db.insertInto('events').values({ site_id: siteId, type, data: JSON.stringify(data), at }).execute();
    await this.announce(siteId);
    this.emitted = true;
  }

  /** Several events of one site in one statement per chunk, in the order given (their ids follow it). */
  async emitMany(siteId: string, events: readonly { type: string; data: unknown }[], at: string): Promise<void> {
    if (events.length === 0) return;
    if (!this.eventsLocked) {
      await this.adapter.lockEvents(this.db);
      this.eventsLocked = true;
    }
    for (let i = 0; i < events.length; i += WRITE_CHUNK) {
      await this.db
        .insertInto('events')
        .values(events.slice(i, i + WRITE_CHUNK).map((e) => ({ site_id: siteId, type: e.type, data: JSON.stringify(e.data), at })))
        .execute();
    }
    await this.announce(siteId);
    this.emitted = true;
  }

  private async announce(siteId: string): Promise<void> {
    if (this.announced.has(siteId)) return;
    await this.adapter.announceEvents(this.db, siteId);
    this.announced.add(siteId);
  }

  /** Events after `afterId` (all sites, or one), oldest first, at most `limit`. */
  async eventsAfter(afterId: number, limit: number, siteId?: string, types?: readonly string[]): Promise<EventRow[]> {
    let q = this.db.selectFrom('events').selectAll().where('id', '>', afterId);
    if (siteId !== undefined) q = q.where('site_id', '=', siteId);
    if (types !== undefined) q = q.where('type', 'in', [...types]);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, siteId: r.site_id, type: r.type, data: r.data, at: r.at }));
  }

  /** The newest event id (0 when there is none). */
  async lastEventId(): Promise<number> {
    const row = await this.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  }
}

/** The hub's database: transactions over a `Repo`, and the commit hook the event fan-out listens on. */
export class HubStore {
  private readonly listeners = new Set<() => void>();
  /** PostgreSQL: the LISTEN client that hears other processes' commits, while anyone listens (pg-listen.ts). */
  private remote: PgEventListener | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
    /** PostgreSQL's connection string: other hub processes' events are heard through LISTEN/NOTIFY. */
    private readonly listenUrl?: string,
  ) {}

  /** Whether other processes' events arrive through `onEvents` at once (else only the fan-out's poll sees them). */
  get hearsOtherProcesses(): boolean {
    return this.listenUrl !== undefined;
  }

  get dialect(): DialectName {
    return this.adapter.name;
  }

  /** Runs `fn` in ONE read-write transaction: everything it writes commits together or not at all. */
  async write<T>(fn: (repo: Repo) => Promise<T>): Promise<T> {
    let repo: Repo | undefined;
    const result = await this.adapter.transaction(this.db, (tx) => {
      repo = new Repo(tx, this.adapter);
      return fn(repo);
    });
    if (repo?.emitted) for (const listener of this.listeners) listener();
    return result;
  }

  /** Runs `fn` in a read-only transaction that sees one consistent snapshot. */
  read<T>(fn: (repo: Repo) => Promise<T>): Promise<T> {
    return this.adapter.snapshot(this.db, (tx) => fn(new Repo(tx, this.adapter)));
  }

  /** Called after every commit that inserted events (the in-memory fan-out reads them then). */
  onEvents(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.listenUrl !== undefined && !this.remote) {
      this.remote = new PgEventListener(this.listenUrl, () => {
        for (const l of this.listeners) l();
      });
      this.remote.start();
    }
    return () => {
      this.listeners.delete(listener);
      // Nobody to wake: release the dedicated connection (a CLI or a closed fan-out must not hold one).
      if (this.listeners.size === 0 && this.remote) {
        void this.remote.stop();
        this.remote = undefined;
      }
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.remote?.stop();
    this.remote = undefined;
    await this.db.destroy();
  }
}
