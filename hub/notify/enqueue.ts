/**
 * Writing outbound notifications into the durable queue, INSIDE the transaction that raises, escalates or
 * acknowledges an alert (hub/alerts.ts): the alert and its notifications commit together, so a crash between
 * the two cannot lose one or send a notification about an alert that was rolled back. The worker
 * (worker.ts) sends them after the commit.
 *
 * Webhooks get ids, the class, the roles to notify and times (src/schemas/webhook.ts). E-mail goes to the
 * addresses configured for the notified roles, for class C, watch-list matches and escalations, rendered now in
 * each recipient's language with the visitor type, the unit and the time — nothing else about the visitor.
 */
import type { Alert } from '../../src/domain/desk.js';
import type { Visit } from '../../src/domain/visit.js';
import { CATALOGUES, formatDateTime, isLocaleTag, type LocaleTag } from '../../src/i18n/index.js';
import { NOTIFY_CATALOGUES } from '../../src/i18n/notify.js';
import { webhookPayloadSchema, type WebhookEvent, type WebhookPayload } from '../../src/schemas/webhook.js';
import type { Repo } from '../db/index.js';
import { newId } from '../ids.js';
import { loadSite } from '../sites.js';

/** The stored body of an e-mail delivery (the worker adds the relay's From). */
export interface EmailBody {
  to: string;
  locale: LocaleTag;
  subject: string;
  text: string;
}

/** What happened to the alert: the webhook event it becomes. */
export type AlertChange = 'raised' | 'escalated' | 'acknowledged';

function eventOf(alert: Alert, change: AlertChange): WebhookEvent {
  if (change === 'escalated') return 'escalation';
  if (change === 'acknowledged') return 'acknowledgement';
  return alert.kind === 'help' ? 'help' : 'alert';
}

/** The alert as a webhook carries it: ids, class, roles, times (schema-checked: a bad body is a bug). */
function payload(alert: Alert, type: WebhookEvent, at: string): WebhookPayload {
  return webhookPayloadSchema.parse({
    id: newId(new Date(at)),
    type,
    siteId: alert.siteId,
    at,
    alert: {
      id: alert.id,
      kind: alert.kind,
      ...(alert.incidentClass !== undefined ? { incidentClass: alert.incidentClass } : {}),
      ...(alert.visitId !== undefined ? { visitId: alert.visitId } : {}),
      status: alert.status,
      notify: alert.notify,
      escalationLevel: alert.escalationLevel,
      createdAt: alert.createdAt,
      escalateAt: alert.escalateAt,
      ...(alert.escalatedAt !== undefined ? { escalatedAt: alert.escalatedAt } : {}),
      ...(alert.acknowledgedAt !== undefined ? { acknowledgedAt: alert.acknowledgedAt } : {}),
      ...(alert.acknowledgedBy !== undefined ? { acknowledgedBy: alert.acknowledgedBy } : {}),
    },
  } satisfies WebhookPayload);
}

/** Whether this change of this alert is e-mailed: class C, a watch-list match, or any escalation of an incident, match or help call. */
function emailed(alert: Alert, change: AlertChange): boolean {
  if (change === 'acknowledged' || alert.kind === 'invite-reuse' || alert.kind === 'host-declined') return false;
  if (change === 'escalated') return true;
  return alert.kind === 'watchlist' || (alert.kind === 'incident' && alert.incidentClass === 'C');
}

const classKey = (alert: Alert): 'A' | 'B' | 'C' | 'watchlist' | 'help' | 'invite-reuse' | 'health' | 'host-declined' => (alert.kind === 'incident' ? (alert.incidentClass ?? 'C') : alert.kind);

/** A unit label or free text: a person's name (a `person` host) is not sent. */
const unitOf = (visit: Visit | undefined): string | undefined => (visit && visit.host.kind !== 'person' ? visit.host.label : undefined);

export function renderEmail(alert: Alert, change: AlertChange, locale: LocaleTag, context: { siteName: string; timeZone: string; visit?: Visit | undefined; at: Date }): { subject: string; text: string } {
  const m = NOTIFY_CATALOGUES[locale];
  const label = m.classLabel[classKey(alert)];
  const escalated = change === 'escalated';
  const unit = unitOf(context.visit);
  const lines = [
    escalated ? m.escalated(label, alert.escalationLevel) : m.raised(label),
    '',
    ...(context.visit ? [`${m.visitorType}: ${CATALOGUES[locale].visitorTypes[context.visit.visitorType]}`] : []),
    ...(unit !== undefined ? [`${m.unit}: ${unit}`] : []),
    `${m.time}: ${formatDateTime(new Date(alert.createdAt), locale, context.timeZone)}`,
    `${m.notified}: ${alert.notify.map((r) => m.roles[r] ?? r).join(', ')}`,
    '',
    m.action,
    '',
    '-- ',
    m.footer,
  ];
  return { subject: (escalated ? m.escalatedSubject : m.subject)(label, context.siteName), text: `${lines.join('\n')}\n` };
}

/**
 * Enqueues the notifications of one alert change: one delivery per subscribed webhook of the site, one per
 * e-mail recipient of the notified roles. Runs inside the caller's transaction; returns how many were queued.
 */
export async function enqueueAlertNotifications(repo: Repo, alert: Alert, change: AlertChange, at: string): Promise<number> {
  // A health alert stays on the desks: sent out, a failing webhook would report its own failure through itself.
  if (alert.kind === 'health') return 0;
  const type = eventOf(alert, change);
  const webhooks = (await repo.notify.activeWebhooks(alert.siteId)).filter((w) => w.events === undefined || w.events.includes(type));
  const rows: Parameters<Repo['notify']['enqueue']>[0][number][] = webhooks.map((w) => ({
    id: newId(new Date(at)),
    siteId: alert.siteId,
    channel: 'webhook',
    webhookId: w.id,
    event: type,
    // One body per webhook: each receiver gets its own notification id (dedupe is per receiver anyway).
    body: JSON.stringify(payload(alert, type, at)),
    nextAttemptAt: at,
    createdAt: at,
  }));
  if (emailed(alert, change)) {
    const recipients = await repo.notify.recipients(alert.siteId, alert.notify);
    if (recipients.length > 0) {
      const { site } = await loadSite(repo, alert.siteId);
      const visit = alert.visitId !== undefined ? await repo.visit(alert.siteId, alert.visitId) : undefined;
      // One mail per address even when it is listed under several notified roles.
      const seen = new Set<string>();
      for (const r of recipients) {
        const key = r.address.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const locale: LocaleTag = isLocaleTag(r.locale) ? r.locale : site.defaultLocale;
        const mail = renderEmail(alert, change, locale, { siteName: site.name[locale], timeZone: site.timeZone, visit, at: new Date(at) });
        const body: EmailBody = { to: r.address, locale, ...mail };
        rows.push({ id: newId(new Date(at)), siteId: alert.siteId, channel: 'email', event: type, body: JSON.stringify(body), nextAttemptAt: at, createdAt: at });
      }
    }
  }
  await repo.notify.enqueue(rows);
  return rows.length;
}
