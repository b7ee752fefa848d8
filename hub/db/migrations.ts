/**
 * The hub's migrations: ONE list for SQLite and PostgreSQL, applied at start by Kysely's Migrator from this
 * in-code provider (no migration files to ship or find at run time). A migration is never edited once
 * released; a change is a new entry. The few dialect differences go through `DialectAdapter`.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectAdapter } from './adapter.js';

// Migrations run against a database whose shape is still being built: Kysely's own examples type it `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const migrations = (adapter: DialectAdapter): Record<string, Migration> => ({
  '0001-initial': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('sites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('rules', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('badge_kid', 'text')
        .addColumn('badge_jwk', 'text')
        .addColumn('label', 'text')
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('gaps', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('last_sync_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('devices_site').on('devices').columns(['site_id']).execute();

      await db.schema
        .createTable('pair_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('device_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('staff')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('pin_hash', 'text', (c) => c.notNull())
        .addColumn('pin_salt', 'text', (c) => c.notNull())
        .addColumn('iterations', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('staff_site').on('staff').columns(['site_id']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sign_in_failures')
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('client', 'text', (c) => c.notNull())
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addPrimaryKeyConstraint('sign_in_failures_pk', ['site_id', 'client'])
        .execute();

      await db.schema
        .createTable('changes')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('visit_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('changes_pk', ['site_id', 'device_id', 'seq'])
        .execute();

      await db.schema
        .createTable('visits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('day_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('history_len', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('classified_at', 'text')
        .execute();
      await db.schema.createIndex('visits_site_day').on('visits').columns(['site_id', 'day_key']).execute();
      await db.schema.createIndex('visits_site_status').on('visits').columns(['site_id', 'status']).execute();

      await db.schema
        .createTable('quarantine')
        .addColumn('id', adapter.autoIncrementType, (c) => adapter.autoIncrementColumn(c))
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('visit_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('class', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('escalate_at', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alerts_dedupe').on('alerts').columns(['site_id', 'dedupe_key']).unique().execute();
      await db.schema.createIndex('alerts_status_escalate').on('alerts').columns(['status', 'escalate_at']).execute();
      await db.schema.createIndex('alerts_site_visit').on('alerts').columns(['site_id', 'visit_id']).execute();

      await db.schema
        .createTable('invitations')
        .addColumn('jti', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('visitor_type', 'text', (c) => c.notNull())
        .addColumn('party_size', 'integer', (c) => c.notNull())
        .addColumn('names', 'text')
        .addColumn('uses_allowed', 'integer')
        .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revoked_at', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('invitation_uses')
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('jti', 'text', (c) => c.notNull())
        .addColumn('visit_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('invitation_uses_pk', ['site_id', 'jti', 'visit_id'])
        .execute();

      await db.schema
        .createTable('signing_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('private_jwk', 'text', (c) => c.notNull())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('watch_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('approved_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('id', adapter.autoIncrementType, (c) => adapter.autoIncrementColumn(c))
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_site_id').on('events').columns(['site_id', 'id']).execute();
      // Kysely's query builder has no portable "analyze"; both engines accept this statement.
      await sql`analyze`.execute(db);
    },
  },
  '0002-identity-sealing': {
    // Issue 5 item 6: kiosks seal recorded identity numbers to a per-site key; the hub keeps a keyed hash.
    async up(db: AnyDb) {
      await db.schema
        .createTable('site_secrets')
        .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
        .addColumn('seal_kid', 'text', (c) => c.notNull())
        .addColumn('seal_private_jwk', 'text', (c) => c.notNull())
        .addColumn('seal_public_jwk', 'text', (c) => c.notNull())
        .addColumn('id_hash_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('visits').addColumn('id_hash', 'text').execute();
      await db.schema.createIndex('visits_site_id_hash').on('visits').columns(['site_id', 'id_hash']).execute();
    },
  },
  '0003-webhooks': {
    // Issue 6 item 1: outbound notifications. Webhooks per site and ONE durable queue for webhook and e-mail
    // deliveries, written in the transaction that raises the alert; every attempt is logged.
    async up(db: AnyDb) {
      await db.schema
        .createTable('webhooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('previous_secret', 'text')
        .addColumn('previous_until', 'text')
        .addColumn('events', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema.createIndex('webhooks_site').on('webhooks').columns(['site_id']).execute();
      await db.schema
        .createTable('notify_recipients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notify_recipients_site_role').on('notify_recipients').columns(['site_id', 'role']).execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('webhook_id', 'text')
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('lease', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('webhook_deliveries_site').on('webhook_deliveries').columns(['site_id', 'created_at']).execute();
      await db.schema
        .createTable('delivery_attempts')
        .addColumn('id', adapter.autoIncrementType, (c) => adapter.autoIncrementColumn(c))
        .addColumn('delivery_id', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('delivery_attempts_delivery').on('delivery_attempts').columns(['delivery_id', 'attempt']).execute();
    },
  },
  '0005-company-staff': {
    // Issue 5 item 5: the company role reads reports of several sites; its staff row names one, this the rest.
    async up(db: AnyDb) {
      await db.schema
        .createTable('staff_sites')
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addPrimaryKeyConstraint('staff_sites_pk', ['staff_id', 'site_id'])
        .execute();
    },
  },
  '0006-retention': {
    // Issue 6 item 3 (purge): what is left of a visit after its retention: anonymised counts per day and type.
    async up(db: AnyDb) {
      await db.schema
        .createTable('visit_counts')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('day_key', 'text', (c) => c.notNull())
        .addColumn('visitor_type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('visit_counts_pk', ['site_id', 'day_key', 'visitor_type', 'status'])
        .execute();
    },
  },
  '0007-audit': {
    // Issue 6 item 4: who exported, read reports or changed configuration, when. Rows are only ever inserted.
    async up(db: AnyDb) {
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', adapter.autoIncrementType, (c) => adapter.autoIncrementColumn(c))
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .execute();
      await db.schema.createIndex('audit_log_site_at').on('audit_log').columns(['site_id', 'at']).execute();
    },
  },
  '0009-device-reports': {
    // Issue 6 item 6: what each kiosk last reported with its pull (outbox pending count, browser storage use),
    // one row per device, replaced on every report: the desk's health view shows it.
    async up(db: AnyDb) {
      await db.schema
        .createTable('device_reports')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('pending', 'bigint')
        .addColumn('storage_bytes', 'bigint')
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0013-reports': {
    // Issue 8 item 6: reports count visits by type in SQL. The type lives in the visit's JSON, so a generated
    // column exposes it (computed by the database on every write: no code that writes visits changes), and one
    // index covers the month's counts by type, day and registration time without reading the JSON at all.
    async up(db: AnyDb) {
      const expression = adapter.name === 'postgres' ? sql`(data::jsonb ->> 'visitorType')` : sql`(json_extract(data, '$.visitorType'))`;
      // SQLite adds generated columns only as VIRTUAL; PostgreSQL only as STORED.
      await db.schema
        .alterTable('visits')
        .addColumn('visitor_type', 'text', (c) => (adapter.name === 'postgres' ? c.generatedAlwaysAs(expression).stored() : c.generatedAlwaysAs(expression)))
        .execute();
      await db.schema.createIndex('visits_report').on('visits').columns(['site_id', 'day_key', 'visitor_type', 'created_at']).execute();
      await db.schema.createIndex('alerts_site_created').on('alerts').columns(['site_id', 'created_at']).execute();
    },
  },
  '0008-host-answers': {
    // Issue 6 item 1: the host's one-time answer link — a signing secret per site, one answer record per visit.
    async up(db: AnyDb) {
      await db.schema
        .createTable('host_link_keys')
        .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('host_answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('visit_id', 'text', (c) => c.notNull().unique())
        .addColumn('host_kind', 'text', (c) => c.notNull())
        .addColumn('host_id', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'text')
        .execute();
      await db.schema.createIndex('host_answers_site_created').on('host_answers').columns(['site_id', 'created_at']).execute();
    },
  },
  '0012-ledger': {
    // Issue 8: the front-desk ledger. Entries as JSON with the columns lists filter on; form numbers per site-year.
    async up(db: AnyDb) {
      await db.schema
        .createTable('ledger_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text')
        .addColumn('stopped_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addUniqueConstraint('ledger_entries_number', ['site_id', 'number'])
        .execute();
      await db.schema.createIndex('ledger_entries_received').on('ledger_entries').columns(['site_id', 'received_at']).execute();
      await db.schema.createIndex('ledger_entries_status').on('ledger_entries').columns(['site_id', 'status']).execute();
      await db.schema
        .createTable('ledger_counters')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('ledger_counters_pk', ['site_id', 'year'])
        .execute();
    },
  },
  '0011-lobby-records': {
    // Issue 7: lobby records (parcels, food deliveries, the guard's registers) — one envelope, merged like visits.
    async up(db: AnyDb) {
      await db.schema
        .createTable('lobby_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('day_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('history_len', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lobby_records_open').on('lobby_records').columns(['site_id', 'kind', 'state']).execute();
      await db.schema.createIndex('lobby_records_day').on('lobby_records').columns(['site_id', 'day_key']).execute();
    },
  },
  '0014-ops2': {
    // Issue 6 item 7: rate-limit counters shared by every hub process on one PostgreSQL (hub/limits.ts
    // SharedRateLimiter). Created on SQLite too (one schema), where it stays empty: one process, buckets in memory.
    async up(db: AnyDb) {
      await db.schema
        .createTable('rate_counters')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_counters_pk', ['key', 'window_start'])
        .execute();
    },
  },
  '0015-changes-by-visit': {
    // Push asks whether this device changed a visit before that the hub no longer holds (purged or erased:
    // RecordRetentionRepo.previouslyChanged). Without this index that question scanned every change the device
    // ever sent, for every batch: a 10 000-visit sync on PostgreSQL went from 2.3 s to 28 s.
    async up(db: AnyDb) {
      await db.schema.createIndex('changes_device_visit').on('changes').columns(['site_id', 'device_id', 'visit_id']).execute();
    },
  },
});

/** The provider the Migrator reads: the list above, in name order. */
export function migrationProvider(adapter: DialectAdapter): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(adapter)) };
}
