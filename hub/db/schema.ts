/**
 * The hub's tables as Kysely sees them. One schema for SQLite and PostgreSQL: text for JSON (parsed with the
 * zod schemas on the way out), ISO-8601 UTC text for times (fixed width from `toISOString()`, so text order is
 * time order), integers for counters, nullable columns for "not yet". `site_id` is in every table.
 */
import type { Generated } from 'kysely';
import type { LedgerCountersTable, LedgerEntriesTable } from './ledger-tables.js';

export interface SitesTable {
  id: string;
  /** SiteConfig without its key set (the key set comes from `signing_keys`), JSON. */
  config: string;
  /** RulesConfig JSON; null: the defaults for the site's kind. */
  rules: string | null;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  site_id: string;
  role: 'kiosk' | 'desk';
  /** SHA-256 (hex) of the device token; null for desks, which push under a staff session. */
  token_hash: string | null;
  badge_kid: string | null;
  badge_jwk: string | null;
  label: string | null;
  /** Highest seq received from the device. */
  last_seq: number;
  /** JSON `[from, to][]`: seqs never received. */
  gaps: string;
  last_sync_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface PairCodesTable {
  code_hash: string;
  site_id: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
  created_at: string;
}

export interface StaffTable {
  id: string;
  site_id: string;
  name: string;
  /** A staff role (src/domain/desk.ts STAFF_ROLES); `company` staff also have rows in `staff_sites`. */
  role: 'receptionist' | 'guard' | 'site-manager' | 'company' | 'customer-service';
  pin_hash: string;
  pin_salt: string;
  iterations: number;
  created_at: string;
}

/** (0006) Anonymised counts of purged visits: all that retention leaves of them. */
export interface VisitCountsTable {
  site_id: string;
  day_key: string;
  visitor_type: string;
  status: string;
  n: number;
}

/** (0005) The further sites a `company` member reads reports of, besides the site of their staff row. */
/** Append-only audit log (migration 0007): ids only, never a name, an address or a visitor's data. */
export interface AuditLogTable {
  seq: Generated<number>;
  site_id: string;
  at: string;
  /** A staff id, or 'cli' for the operator's command line. */
  actor: string;
  action: string;
  /** What was acted on, by id or range (a device id, a webhook id, `2026-11-01..2026-11-30`); null: the site. */
  target: string | null;
}

export interface StaffSitesTable {
  staff_id: string;
  site_id: string;
}

export interface SessionsTable {
  token_hash: string;
  staff_id: string;
  site_id: string;
  expires_at: string;
  created_at: string;
}

export interface SignInFailuresTable {
  site_id: string;
  /** Who is guessing: the client address (a desk PC, a phone). */
  client: string;
  failed_attempts: number;
  locked_until: string | null;
}

export interface ChangesTable {
  site_id: string;
  device_id: string;
  seq: number;
  visit_id: string;
  received_at: string;
}

export interface VisitsTable {
  id: string;
  site_id: string;
  day_key: string;
  status: string;
  /** The Visit, JSON. */
  data: string;
  updated_at: string;
  history_len: number;
  created_at: string;
  received_at: string;
  /** When the hub classified the visit (once, on first sight). */
  classified_at: string | null;
  /** (0002) Keyed hash of a recorded identity number (src/invite/seal.ts identityHash); the number itself is never kept. */
  id_hash: string | null;
}

/** (0002) Secrets only the hub holds, one row per site: the sealing key pair and the identity-hash key. */
export interface SiteSecretsTable {
  site_id: string;
  seal_kid: string;
  /** The private sealing JWK, JSON. Like the signing keys, it rests in the hub's database only. */
  seal_private_jwk: string;
  seal_public_jwk: string;
  /** 32 random bytes, base64url: the HMAC key of identity hashes. */
  id_hash_key: string;
  created_at: string;
}

export interface QuarantineTable {
  id: Generated<number>;
  site_id: string;
  device_id: string;
  seq: number;
  reason: string;
  /** The change exactly as received, JSON: kept, never lost, for a person to look at. */
  raw: string;
  received_at: string;
}

export interface AlertsTable {
  id: string;
  site_id: string;
  visit_id: string | null;
  kind: string;
  /** The incident class, or the kind for alerts without one: what "one alert per visit and class" counts. */
  class: string;
  status: string;
  escalate_at: string;
  /** Set for automatic alerts (`visitId:class`), unique per site: one alert per arrival whoever classifies it. */
  dedupe_key: string | null;
  /** The Alert, JSON (src/domain/desk.ts, validated with alertSchema). */
  data: string;
  created_at: string;
  updated_at: string;
}

export interface InvitationsTable {
  jti: string;
  site_id: string;
  kind: 'invitation' | 'pass';
  /** A unit label or directory id, as in the token. */
  host: string;
  visitor_type: string;
  party_size: number;
  /** A group's name list, JSON (kept here for the desk; never in the token). */
  names: string | null;
  /** Admissions allowed across all devices; null: unlimited within the validity. */
  uses_allowed: number | null;
  uses: number;
  revoked_at: string | null;
  expires_at: string;
  created_at: string;
}

export interface InvitationUsesTable {
  site_id: string;
  jti: string;
  visit_id: string;
  at: string;
}

export interface SigningKeysTable {
  kid: string;
  site_id: string;
  private_jwk: string;
  public_jwk: string;
  status: 'current' | 'previous' | 'revoked';
  created_at: string;
}

export interface WatchEntriesTable {
  id: string;
  site_id: string;
  kind: 'name' | 'phone' | 'id-hash';
  value: string;
  reason: string;
  approved_by: string;
  created_at: string;
  expires_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  site_id: string;
  /** `visit`, `alert`, `device` (sent to desks), `site`, `revocation` (read by kiosks' pull). */
  type: string;
  data: string;
  at: string;
}

/** (0003) A site's webhook receiver. Its secrets sign, so the hub needs them in clear (like its signing keys). */
export interface WebhooksTable {
  id: string;
  site_id: string;
  url: string;
  secret: string;
  /** The secret before the last rotation: still signed with until `previous_until`. */
  previous_secret: string | null;
  previous_until: string | null;
  /** JSON array of WebhookEvent; null: every event. */
  events: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** (0003) Who is e-mailed for a role at a site, and in which language. */
export interface NotifyRecipientsTable {
  id: string;
  site_id: string;
  role: string;
  address: string;
  locale: string;
  created_at: string;
}

/** (0003) The durable outbound queue: one row per webhook call or e-mail, kept after delivery as its log. */
export interface WebhookDeliveriesTable {
  id: string;
  site_id: string;
  channel: 'webhook' | 'email';
  /** The webhook for `webhook` rows; null for e-mail. */
  webhook_id: string | null;
  event: string;
  /** The webhook body, or the e-mail {to, locale, subject, text}, JSON. */
  body: string;
  attempts: number;
  next_attempt_at: string;
  /** Random token of the process holding the row while it sends (null when nobody does). */
  lease: string | null;
  status: 'pending' | 'delivered' | 'failed';
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** (0003) One row per attempt of a delivery: when, how long, what came back. */
export interface DeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  site_id: string;
  attempt: number;
  at: string;
  duration_ms: number;
  outcome: 'delivered' | 'retry' | 'failed';
  status: number | null;
  error: string | null;
}

/** (0008) Each site's secret for signing host answer links (src/invite/host-link.ts); never leaves the hub. */
export interface HostLinkKeysTable {
  site_id: string;
  /** base64url of 32 random bytes. */
  secret: string;
  created_at: string;
}

/** (0008) One answer link per visit: sent to the host, answered at most once. Ids and codes only. */
export interface HostAnswersTable {
  /** The link's request id (the token's `r`). */
  id: string;
  site_id: string;
  visit_id: string;
  host_kind: 'unit' | 'person';
  host_id: string;
  /** The host's language (the page and the mail). */
  locale: string;
  created_at: string;
  expires_at: string;
  answer: 'coming-down' | 'let-up' | 'not-expected' | null;
  answered_at: string | null;
}

export interface Database {
  ledger_entries: LedgerEntriesTable;
  ledger_counters: LedgerCountersTable;
  sites: SitesTable;
  devices: DevicesTable;
  pair_codes: PairCodesTable;
  staff: StaffTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  changes: ChangesTable;
  visits: VisitsTable;
  quarantine: QuarantineTable;
  alerts: AlertsTable;
  invitations: InvitationsTable;
  invitation_uses: InvitationUsesTable;
  signing_keys: SigningKeysTable;
  watch_entries: WatchEntriesTable;
  events: EventsTable;
  site_secrets: SiteSecretsTable;
  staff_sites: StaffSitesTable;
  visit_counts: VisitCountsTable;
  webhooks: WebhooksTable;
  notify_recipients: NotifyRecipientsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  audit_log: AuditLogTable;
  host_link_keys: HostLinkKeysTable;
  host_answers: HostAnswersTable;
  device_reports: DeviceReportsTable;
  lobby_records: LobbyRecordsTable;
  rate_counters: RateCountersTable;
}

/** Migration 0014-ops2: rate-limit counters shared by hub processes on PostgreSQL (hub/db/rate-counter-store.ts). */
export interface RateCountersTable {
  /** A hash of the limiter and its key (a client address is never stored). */
  key: string;
  /** The minute (ms since the epoch / 60 000). */
  window_start: number;
  n: number;
}

/** Migration 0009: a kiosk's last self-report (hub/db/device-report-store.ts). */
export interface DeviceReportsTable {
  device_id: string;
  site_id: string;
  /** bigint: PostgreSQL's driver returns it as a string; read through Number(). */
  pending: number | string | null;
  storage_bytes: number | string | null;
  reported_at: string;
}

/**
 * (0011) Lobby records (src/domain/lobby): parcels, food deliveries and the other registers, one envelope.
 * `data` is the whole record as JSON; the columns beside it are what queries filter and the merge compares.
 */
export interface LobbyRecordsTable {
  id: string;
  site_id: string;
  kind: string;
  state: string;
  day_key: string;
  created_at: string;
  updated_at: string;
  history_len: number;
  data: string;
  received_at: string;
}
