/**
 * The delivery worker: sends what enqueue.ts queued — webhooks as signed POSTs, e-mail through the relay —
 * from the `webhook_deliveries` table, never from memory, so a restart loses nothing. It runs in every hub
 * process: a timer (deliveries queued by another process, retries coming due) and a wake-up after each commit
 * of this process that emitted events (every alert change queues its notifications in that same commit).
 *
 * Each attempt is logged (`delivery_attempts`). A failure (no answer within the timeout, a non-2xx reply, a
 * refused connection, an SMTP error) is retried with exponential backoff and jitter, capped; after
 * `maxAttempts` the delivery is `failed`. Receivers must expect a notification more than once in one case
 * only: the hub sent it, the receiver took it, and the reply was lost — the payload's `id` tells them apart.
 */
import { randomBytes } from 'node:crypto';
import { webhookSignatureHeader } from '../../src/invite/webhook.js';
import type { Clock } from '../clock.js';
import type { DeliveryRow, HubStore, WebhookRow } from '../db/index.js';
import { loadSite } from '../sites.js';
import { Mailer, relayFor, type SendOutcome, type SmtpSettings } from './email.js';
import type { EmailBody } from './enqueue.js';

/** How long a receiver or relay has to answer one attempt. */
export const DELIVERY_TIMEOUT_MS = 5000;
/** Attempts before a delivery is given up as failed (~1 + 2 + … + 60 min: about a day with the cap below). */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** The first retry's delay; each further retry doubles it. */
export const BACKOFF_BASE_MS = 2000;
/** No retry waits longer than an hour. */
export const BACKOFF_CAP_MS = 3_600_000;
/** How often the worker looks for deliveries due (other processes' and retries). */
export const DELIVERY_TICK_MS = 1000;
/** Deliveries one round claims; they are sent concurrently (one slow receiver must not hold up the others). */
const DELIVERY_BATCH = 20;
/** Longest error text kept per attempt (a code and a short reason, never a body). */
const MAX_ERROR_LENGTH = 200;
/** Header names of the signature scheme (docs/webhooks.md). */
export const TIMESTAMP_HEADER = 'X-VK-Timestamp';
export const SIGNATURE_HEADER = 'X-VK-Signature';

export interface DeliverySettings {
  /** The hub's relay: for sites that name none of their own (`site.smtp`). */
  smtp?: SmtpSettings | undefined;
  /** Where a site relay's `passwordEnv` is looked up (tests pass their own). */
  env?: NodeJS.ProcessEnv | undefined;
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  tickMs: number;
  batch: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  timeoutMs: DELIVERY_TIMEOUT_MS,
  maxAttempts: MAX_DELIVERY_ATTEMPTS,
  backoffBaseMs: BACKOFF_BASE_MS,
  backoffCapMs: BACKOFF_CAP_MS,
  tickMs: DELIVERY_TICK_MS,
  batch: DELIVERY_BATCH,
};

/**
 * The wait before retry number `attempt` (1 = after the first failure): base·2^(attempt−1), capped, with
 * "equal jitter" — between half and all of it — so receivers that come back are not hit by every hub at once.
 */
export function backoffMs(attempt: number, base: number, cap: number, random: () => number = Math.random): number {
  const full = Math.min(cap, base * 2 ** Math.min(attempt - 1, 30));
  return Math.round(full / 2 + random() * (full / 2));
}

/** The secrets a webhook signs with now: the current one, and the previous one while its grace period lasts. */
export function signingSecrets(webhook: WebhookRow, now: Date): string[] {
  return webhook.previousSecret !== undefined && webhook.previousUntil !== undefined && webhook.previousUntil > now.toISOString() ? [webhook.secret, webhook.previousSecret] : [webhook.secret];
}

const clip = (text: string): string => (text.length > MAX_ERROR_LENGTH ? text.slice(0, MAX_ERROR_LENGTH) : text);

/** A failed fetch's cause, as a short code (ECONNREFUSED, TimeoutError…): no URL, no body. */
function fetchError(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  return e.cause?.code ?? e.cause?.name ?? e.name ?? 'error';
}

export class DeliveryWorker {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  /** One transport per relay in use (the hub's, each site's), keyed by its settings: a changed relay gets a new one. */
  private readonly mailers = new Map<string, Mailer>();
  private unsubscribe: (() => void) | undefined;
  private readonly settings: DeliverySettings;
  /** This process's lease prefix (each claim adds its own random part). */
  private readonly owner = randomBytes(6).toString('hex');

  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
    settings: Partial<DeliverySettings> = {},
  ) {
    this.settings = { ...DEFAULT_DELIVERY_SETTINGS, ...settings };
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.settings.tickMs);
    this.timer.unref();
    // Every alert change emits an event in the commit that queued its notifications: send them at once.
    this.unsubscribe = this.store.onEvents(() => this.wake());
    this.wake();
  }

  /** Runs a round now, or right after the one in progress. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runOnce();
  }

  /** One round: claims due deliveries, sends them, records the outcomes. Returns how many were attempted. */
  runOnce(): Promise<number> {
    this.running ??= this.round()
      .catch(() => 0) // a busy or restarting database: the next tick tries again
      .finally(() => {
        this.running = undefined;
        if (this.again && this.timer) {
          this.again = false;
          this.wake();
        }
      });
    return this.running;
  }

  private async round(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock();
      // A read first: an idle hub must not take SQLite's write lock every tick (the CLI and pushes wait on it).
      const due = await this.store.read((repo) => repo.notify.nextDue());
      if (due === undefined || due > now.toISOString()) return total;
      const lease = `${this.owner}.${randomBytes(6).toString('hex')}`;
      // The lease outlasts one attempt with room to spare: only a process that died leaves it to run out.
      const leaseUntil = new Date(now.getTime() + this.settings.timeoutMs * 4 + 10_000).toISOString();
      const claimed = await this.store.write((repo) => repo.notify.claim(now.toISOString(), leaseUntil, lease, this.settings.batch));
      if (claimed.length === 0) return total;
      await Promise.all(claimed.map((d) => this.attempt(d, lease)));
      total += claimed.length;
      if (claimed.length < this.settings.batch) return total;
    }
  }

  private async attempt(delivery: DeliveryRow, lease: string): Promise<void> {
    const startedAt = this.clock();
    const started = performance.now();
    let outcome: SendOutcome;
    try {
      outcome = delivery.channel === 'webhook' ? await this.sendWebhook(delivery) : await this.sendEmail(delivery);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.name : 'error' };
    }
    const durationMs = Math.round(performance.now() - started);
    const attempt = delivery.attempts + 1;
    const finishedAt = this.clock();
    const giveUp = !outcome.ok && attempt >= this.settings.maxAttempts;
    const next = outcome.ok || giveUp ? finishedAt : new Date(finishedAt.getTime() + backoffMs(attempt, this.settings.backoffBaseMs, this.settings.backoffCapMs));
    const error = outcome.ok ? undefined : clip(outcome.error);
    await this.store.write((repo) =>
      repo.notify.finishAttempt(
        delivery.id,
        lease,
        {
          status: outcome.ok ? 'delivered' : giveUp ? 'failed' : 'pending',
          nextAttemptAt: next.toISOString(),
          ...(outcome.status !== undefined ? { lastStatus: outcome.status } : {}),
          ...(error !== undefined ? { lastError: error } : {}),
          ...(outcome.ok ? { deliveredAt: finishedAt.toISOString() } : {}),
        },
        {
          deliveryId: delivery.id,
          siteId: delivery.siteId,
          attempt,
          at: startedAt.toISOString(),
          durationMs,
          outcome: outcome.ok ? 'delivered' : giveUp ? 'failed' : 'retry',
          ...(outcome.status !== undefined ? { status: outcome.status } : {}),
          ...(error !== undefined ? { error } : {}),
        },
      ),
    );
    // A delivery given up is worth a line for the operator: ids and the last error only.
    if (giveUp) console.error(`hub: ${delivery.channel} delivery ${delivery.id} failed after ${attempt} attempts (${error ?? ''})`);
  }

  private async sendWebhook(delivery: DeliveryRow): Promise<SendOutcome> {
    const webhook = delivery.webhookId !== undefined ? await this.store.read((repo) => repo.notify.webhook(delivery.webhookId ?? '')) : undefined;
    if (!webhook) return { ok: false, error: 'webhook removed' };
    if (webhook.disabledAt !== undefined) return { ok: false, error: 'webhook disabled' };
    const now = this.clock();
    // Signed at each attempt, with the secrets and clock of that moment: a retry an hour later is still
    // inside the receiver's replay window, and a rotation in between is honoured.
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = await webhookSignatureHeader(signingSecrets(webhook, now), timestamp, delivery.body);
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'visitor-kiosk-hub', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature },
        body: delivery.body,
        // A redirect would re-send a signed body somewhere nobody configured: a 3xx counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // The reply body is not needed; reading it (bounded by the same timeout) frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300 ? { ok: true, status: response.status } : { ok: false, status: response.status, error: `http ${response.status}` };
    } catch (error) {
      return { ok: false, error: fetchError(error) };
    }
  }

  private async sendEmail(delivery: DeliveryRow): Promise<SendOutcome> {
    // The relay of the notification's site, read at each attempt: a relay changed between retries is used.
    const { site } = await this.store.read((repo) => loadSite(repo, delivery.siteId));
    const relay = relayFor(site, this.settings.smtp, this.settings.env);
    if (!relay) return { ok: false, error: 'no SMTP relay configured (site smtp or VK_SMTP_HOST)' };
    if ('error' in relay) return { ok: false, error: relay.error };
    const key = JSON.stringify(relay);
    let mailer = this.mailers.get(key);
    if (!mailer) this.mailers.set(key, (mailer = new Mailer(relay, this.settings.timeoutMs)));
    return mailer.send(JSON.parse(delivery.body) as EmailBody);
  }

  /** Stops the timer and waits for the round in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    await this.running;
    for (const mailer of this.mailers.values()) mailer.close();
    this.mailers.clear();
  }
}
