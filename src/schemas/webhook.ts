/**
 * The hub's outbound webhooks: the body a receiver gets (validate it after `verifyWebhook`, src/invite/webhook.ts)
 * and the site manager's request to add one (POST /api/v1/webhooks). A body carries ids, the class, the roles
 * to notify and times — never a visitor's name, phone or identity number: the receiver looks a visit up at the
 * hub (or the desk) if it needs more, under the hub's own access rules.
 */
import { z } from 'zod/mini';
import { ALERT_INCIDENT_CLASSES, ALERT_KINDS, ALERT_STATUSES } from '../domain/desk.js';

/**
 * What a webhook can subscribe to: alerts raised, escalations, acknowledgements, kiosks' help calls, and the
 * host's answer link (`host.answer-requested`, src/schemas/host-answer.ts: sent only to webhooks that list it),
 * and a parcel or food delivery for a unit (`lobby.delivery`, src/schemas/lobby.ts: likewise only when listed).
 */
export const WEBHOOK_EVENTS = ['alert', 'escalation', 'acknowledgement', 'help', 'host.answer-requested', 'lobby.delivery'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Longest webhook URL accepted (a receiver's URL, not a data carrier). */
export const MAX_WEBHOOK_URL = 2048;

const iso = z.iso.datetime();

export const webhookAlertSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  incidentClass: z.optional(z.enum(ALERT_INCIDENT_CLASSES)),
  visitId: z.optional(z.string()),
  status: z.enum(ALERT_STATUSES),
  notify: z.array(z.string()),
  escalationLevel: z.int().check(z.minimum(0)),
  createdAt: iso,
  escalateAt: iso,
  escalatedAt: z.optional(iso),
  acknowledgedAt: z.optional(iso),
  /** A staff id (never a name). */
  acknowledgedBy: z.optional(z.string()),
});

export const webhookPayloadSchema = z.strictObject({
  /** Unique per notification: a receiver that sees an id twice (a retry after a lost reply) ignores the second. */
  id: z.string(),
  type: z.enum(WEBHOOK_EVENTS),
  siteId: z.string(),
  at: iso,
  alert: webhookAlertSchema,
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export const addWebhookRequestSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(MAX_WEBHOOK_URL)),
  /** Absent: every event. */
  events: z.optional(z.array(z.enum(WEBHOOK_EVENTS)).check(z.minLength(1))),
});
export type AddWebhookRequest = z.infer<typeof addWebhookRequestSchema>;
