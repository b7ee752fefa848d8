/**
 * Queries of outbound notifications (migration 0003): webhooks, e-mail recipients, and the durable delivery
 * queue with its attempt log. Reached as `repo.notify` inside a `HubStore` transaction, so a delivery is
 * enqueued in the same transaction as the alert it announces — both commit, or neither.
 *
 * Claiming is safe with several hub processes on one PostgreSQL: a claim moves `next_attempt_at` forward by a
 * lease and stamps a random `lease` token in one statement over rows picked `FOR UPDATE SKIP LOCKED`, so two
 * processes never take the same row, and a process that dies mid-send leaves the row to be taken again when
 * its lease runs out. Finishing an attempt is a compare-and-set on the token. SQLite has one writer at a time
 * (BEGIN IMMEDIATE), so the same UPDATE is already exclusive there.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from './adapter.js';
import type { Database } from './schema.js';

export type DeliveryChannel = 'webhook' | 'email';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookRow {
  id: string;
  siteId: string;
  url: string;
  secret: string;
  previousSecret?: string;
  previousUntil?: string;
  /** Undefined: every event. */
  events?: string[];
  createdAt: string;
  disabledAt?: string;
}

export interface RecipientRow {
  id: string;
  siteId: string;
  role: string;
  address: string;
  locale: string;
}

export interface DeliveryRow {
  id: string;
  siteId: string;
  channel: DeliveryChannel;
  webhookId?: string;
  event: string;
  body: string;
  attempts: number;
  nextAttemptAt: string;
  lease?: string;
  status: DeliveryStatus;
  lastStatus?: number;
  lastError?: string;
  createdAt: string;
  deliveredAt?: string;
}

export interface AttemptRow {
  deliveryId: string;
  attempt: number;
  at: string;
  durationMs: number;
  outcome: 'delivered' | 'retry' | 'failed';
  status?: number;
  error?: string;
}

const opt = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const webhook = (r: Database['webhooks']): WebhookRow => ({
  id: r.id,
  siteId: r.site_id,
  url: r.url,
  secret: r.secret,
  ...opt('previousSecret', r.previous_secret),
  ...opt('previousUntil', r.previous_until),
  ...opt('events', r.events === null ? null : (JSON.parse(r.events) as string[])),
  createdAt: r.created_at,
  ...opt('disabledAt', r.disabled_at),
});

const delivery = (r: Database['webhook_deliveries']): DeliveryRow => ({
  id: r.id,
  siteId: r.site_id,
  channel: r.channel,
  ...opt('webhookId', r.webhook_id),
  event: r.event,
  body: r.body,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  ...opt('lease', r.lease),
  status: r.status,
  ...opt('lastStatus', r.last_status),
  ...opt('lastError', r.last_error),
  createdAt: r.created_at,
  ...opt('deliveredAt', r.delivered_at),
});

export class NotifyRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
  ) {}

  // ----- webhooks -----

  async insertWebhook(row: WebhookRow): Promise<void> {
    await this.db
      .insertInto('webhooks')
      .values({
        id: row.id,
        site_id: row.siteId,
        url: row.url,
        secret: row.secret,
        previous_secret: null,
        previous_until: null,
        events: row.events ? JSON.stringify(row.events) : null,
        created_at: row.createdAt,
        disabled_at: null,
      })
      .execute();
  }

  async webhooks(siteId?: string): Promise<WebhookRow[]> {
    let q = this.db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id');
    if (siteId !== undefined) q = q.where('site_id', '=', siteId);
    return (await q.execute()).map(webhook);
  }

  async webhook(id: string): Promise<WebhookRow | undefined> {
    const r = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return r && webhook(r);
  }

  /** The site's webhooks not disabled (enqueueing reads them). */
  async activeWebhooks(siteId: string): Promise<WebhookRow[]> {
    const rows = await this.db.selectFrom('webhooks').selectAll().where('site_id', '=', siteId).where('disabled_at', 'is', null).orderBy('created_at').execute();
    return rows.map(webhook);
  }

  /** Installs a new secret; the old one keeps signing until `previousUntil`. False: no such webhook. */
  async rotateWebhookSecret(id: string, secret: string, previousUntil: string): Promise<boolean> {
    const current = await this.adapter.forUpdate(this.db.selectFrom('webhooks').select('secret').where('id', '=', id)).executeTakeFirst();
    if (!current) return false;
    await this.db.updateTable('webhooks').set({ secret, previous_secret: current.secret, previous_until: previousUntil }).where('id', '=', id).execute();
    return true;
  }

  async disableWebhook(siteId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('webhooks').set({ disabled_at: at }).where('site_id', '=', siteId).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // ----- e-mail recipients -----

  async insertRecipient(row: RecipientRow, at: string): Promise<void> {
    await this.db.insertInto('notify_recipients').values({ id: row.id, site_id: row.siteId, role: row.role, address: row.address, locale: row.locale, created_at: at }).execute();
  }

  async recipients(siteId: string, roles?: readonly string[]): Promise<RecipientRow[]> {
    if (roles !== undefined && roles.length === 0) return [];
    let q = this.db.selectFrom('notify_recipients').selectAll().where('site_id', '=', siteId);
    if (roles !== undefined) q = q.where('role', 'in', [...roles]);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, siteId: r.site_id, role: r.role, address: r.address, locale: r.locale }));
  }

  // ----- the delivery queue -----

  async enqueue(rows: readonly Omit<DeliveryRow, 'attempts' | 'status' | 'lease' | 'lastStatus' | 'lastError' | 'deliveredAt'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('webhook_deliveries')
      .values(
        rows.map((r) => ({
          id: r.id,
          site_id: r.siteId,
          channel: r.channel,
          webhook_id: r.webhookId ?? null,
          event: r.event,
          body: r.body,
          attempts: 0,
          next_attempt_at: r.nextAttemptAt,
          lease: null,
          status: 'pending' as const,
          last_status: null,
          last_error: null,
          created_at: r.createdAt,
          delivered_at: null,
        })),
      )
      .execute();
  }

  /**
   * Takes up to `limit` pending deliveries due at `now` for this process: each gets `lease` and its next
   * attempt moved to `leaseUntil` (another process may take it after that, if this one never finishes).
   * Returns them with the lease set.
   */
  async claim(now: string, leaseUntil: string, lease: string, limit: number): Promise<DeliveryRow[]> {
    let pick = this.db.selectFrom('webhook_deliveries').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit);
    // SKIP LOCKED: a second process passes over rows the first is claiming instead of waiting for them. Two
    // statements, not UPDATE … WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED): PostgreSQL may run such a
    // subquery more than once and update more than `limit` rows. The rows stay locked until this commit.
    if (this.adapter.name === 'postgres') pick = pick.forUpdate().skipLocked();
    const ids = (await pick.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('webhook_deliveries')
      .set({ lease, next_attempt_at: leaseUntil })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .returningAll()
      .execute();
    return rows.map(delivery).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  /**
   * Records an attempt's outcome iff this process still holds the lease (compare-and-set), and logs the
   * attempt. False: the lease ran out and another process took the row (its outcome stands, this one is dropped).
   */
  async finishAttempt(
    id: string,
    lease: string,
    outcome: { status: DeliveryStatus; nextAttemptAt: string; lastStatus?: number; lastError?: string; deliveredAt?: string },
    attempt: AttemptRow & { siteId: string },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status: outcome.status,
        next_attempt_at: outcome.nextAttemptAt,
        lease: null,
        last_status: outcome.lastStatus ?? null,
        last_error: outcome.lastError ?? null,
        delivered_at: outcome.deliveredAt ?? null,
      }))
      .where('id', '=', id)
      .where('lease', '=', lease)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.db
      .insertInto('delivery_attempts')
      .values({
        delivery_id: attempt.deliveryId,
        site_id: attempt.siteId,
        attempt: attempt.attempt,
        at: attempt.at,
        duration_ms: attempt.durationMs,
        outcome: attempt.outcome,
        status: attempt.status ?? null,
        error: attempt.error ?? null,
      })
      .execute();
    return true;
  }

  async delivery(id: string): Promise<DeliveryRow | undefined> {
    const r = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return r && delivery(r);
  }

  /** A site's deliveries, newest first (the site manager's log). */
  async deliveries(siteId: string, limit: number, webhookId?: string): Promise<DeliveryRow[]> {
    let q = this.db.selectFrom('webhook_deliveries').selectAll().where('site_id', '=', siteId);
    if (webhookId !== undefined) q = q.where('webhook_id', '=', webhookId);
    return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(delivery);
  }

  async attempts(deliveryId: string): Promise<AttemptRow[]> {
    const rows = await this.db.selectFrom('delivery_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('attempt').execute();
    return rows.map((r) => ({ deliveryId: r.delivery_id, attempt: r.attempt, at: r.at, durationMs: r.duration_ms, outcome: r.outcome, ...opt('status', r.status), ...opt('error', r.error) }));
  }

  /**
   * The first delivery of a site that failed after its last delivered one, if any: the start of the current
   * failing episode (health alerts key on it, so one episode raises once and a success ends it).
   */
  async firstFailureSinceSuccess(siteId: string): Promise<DeliveryRow | undefined> {
    const ok = await this.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.max('created_at').as('at')).where('site_id', '=', siteId).where('status', '=', 'delivered').executeTakeFirst();
    const lastOk = (ok?.at as string | null | undefined) ?? undefined;
    let q = this.db.selectFrom('webhook_deliveries').selectAll().where('site_id', '=', siteId).where('status', '=', 'failed');
    if (lastOk !== undefined) q = q.where('created_at', '>', lastOk);
    const r = await q.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    return r && delivery(r);
  }

  /** Pending deliveries (all sites): what health reporting and tests look at. */
  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The earliest next attempt among pending deliveries, if any (the worker sleeps until then). */
  async nextDue(): Promise<string | undefined> {
    const row = await this.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('status', '=', 'pending').executeTakeFirst();
    return (row?.at as string | null | undefined) ?? undefined;
  }
}
