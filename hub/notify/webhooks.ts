/**
 * Administering a site's outbound notifications (CLI and API): webhooks with their secrets, and the e-mail
 * addresses per role. A secret is shown once, when made; lists never show it again.
 */
import { recordAudit } from '../audit.js';
import { randomBytes } from 'node:crypto';
import { ROLES } from '../../src/domain/rules/index.js';
import { isLocaleTag } from '../../src/i18n/index.js';
import { addWebhookRequestSchema, type AddWebhookRequest, type WebhookEvent } from '../../src/schemas/webhook.js';
import type { DeliveryRow, HubStore, WebhookRow } from '../db/index.js';
import { HubError } from '../errors.js';
import { newId } from '../ids.js';

/** How long the previous secret still signs after a rotation: a day to update every receiver. */
export const ROTATION_GRACE_HOURS = 24;
/** Random bytes of a webhook secret (256 bits, as the HMAC's own size). */
const SECRET_BYTES = 32;
/** Deliveries the site manager's list shows. */
export const DELIVERY_LOG_LIMIT = 100;
/** A plausible e-mail address: one @, no spaces or angle brackets (the relay has the last word). */
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

const newSecret = (): string => `whsec_${randomBytes(SECRET_BYTES).toString('base64url')}`;

/** A webhook as listed: everything but its secrets. */
export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[] | 'all';
  createdAt: string;
  disabledAt?: string;
  /** While a rotation's grace period lasts: the previous secret still signs until then. */
  previousSecretUntil?: string;
}

export const webhookView = (w: WebhookRow): WebhookView => ({
  id: w.id,
  url: w.url,
  events: (w.events as WebhookEvent[] | undefined) ?? 'all',
  createdAt: w.createdAt,
  ...(w.disabledAt !== undefined ? { disabledAt: w.disabledAt } : {}),
  ...(w.previousUntil !== undefined ? { previousSecretUntil: w.previousUntil } : {}),
});

/** Adds a webhook to a site; returns it with its secret (shown this once). */
export async function addWebhook(store: HubStore, siteId: string, request: AddWebhookRequest, now: Date, actor: string): Promise<{ webhook: WebhookView; secret: string }> {
  const parsed = addWebhookRequestSchema.safeParse(request);
  if (!parsed.success) throw new HubError(400, 'bad-request', parsed.error.issues[0]?.message ?? 'invalid webhook', parsed.error.issues[0]?.path.join('.'));
  const secret = newSecret();
  const row: WebhookRow = {
    id: newId(now),
    siteId,
    url: parsed.data.url,
    secret,
    ...(parsed.data.events ? { events: [...new Set(parsed.data.events)] } : {}),
    createdAt: now.toISOString(),
  };
  await store.write(async (repo) => {
    if (!(await repo.site(siteId))) throw new HubError(404, 'not-found', 'no such site');
    await repo.notify.insertWebhook(row);
    await recordAudit(repo, { siteId, actor, action: 'webhook-add', target: row.id, at: now });
  });
  return { webhook: webhookView(row), secret };
}

/** A new secret for a webhook of the site; the old one keeps signing (second v1=) for ROTATION_GRACE_HOURS. */
export async function rotateWebhookSecret(store: HubStore, siteId: string, id: string, now: Date, actor: string): Promise<{ secret: string; previousUntil: string }> {
  const secret = newSecret();
  const previousUntil = new Date(now.getTime() + ROTATION_GRACE_HOURS * 3_600_000).toISOString();
  const done = await store.write(async (repo) => {
    const hook = await repo.notify.webhook(id);
    if (!hook || hook.siteId !== siteId) return false;
    if (!(await repo.notify.rotateWebhookSecret(id, secret, previousUntil))) return false;
    await recordAudit(repo, { siteId, actor, action: 'webhook-rotate-secret', target: id, at: now });
    return true;
  });
  if (!done) throw new HubError(404, 'not-found', 'no such webhook at this site');
  return { secret, previousUntil };
}

export async function listWebhooks(store: HubStore, siteId: string): Promise<WebhookView[]> {
  return (await store.read((repo) => repo.notify.webhooks(siteId))).map(webhookView);
}

/** A delivery as the site manager's log shows it (the e-mail's recipient and text are not repeated). */
export const deliveryView = (d: DeliveryRow) => ({
  id: d.id,
  channel: d.channel,
  ...(d.webhookId !== undefined ? { webhookId: d.webhookId } : {}),
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt,
  ...(d.lastStatus !== undefined ? { lastStatus: d.lastStatus } : {}),
  ...(d.lastError !== undefined ? { lastError: d.lastError } : {}),
  createdAt: d.createdAt,
  ...(d.deliveredAt !== undefined ? { deliveredAt: d.deliveredAt } : {}),
});

/** Adds an address e-mailed when `role` is notified at the site, in `locale`. */
export async function addEmailRecipient(store: HubStore, siteId: string, input: { role: string; address: string; locale: string }, now: Date, actor: string): Promise<string> {
  if (!(ROLES as readonly string[]).includes(input.role)) throw new HubError(400, 'bad-request', `role must be one of: ${ROLES.join(', ')}`, 'role');
  if (!EMAIL.test(input.address) || input.address.length > 254) throw new HubError(400, 'bad-request', 'not an e-mail address', 'address');
  if (!isLocaleTag(input.locale)) throw new HubError(400, 'bad-request', 'locale must be en, zh-Hant or zh-Hans', 'locale');
  const id = newId(now);
  await store.write(async (repo) => {
    if (!(await repo.site(siteId))) throw new HubError(404, 'not-found', 'no such site');
    await repo.notify.insertRecipient({ id, siteId, role: input.role, address: input.address, locale: input.locale }, now.toISOString());
    // The recipient's id only: the address is personal data.
    await recordAudit(repo, { siteId, actor, action: 'email-recipient-add', target: id, at: now });
  });
  return id;
}
