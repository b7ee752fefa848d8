/**
 * The host's answer (issue 6, item 1): the wire formats of the one-time link's page, the kiosk's question
 * "has the host answered?", the webhook that hands the link to a company's chat bridge, and the desk's event.
 * zod/mini: the answer page and the kiosk load this module. docs/hub-api.md describes the endpoints.
 */
import { z } from 'zod/mini';
import { VISITOR_TYPES } from '../domain/codes.js';
import { isUuid } from '../domain/uuid.js';
import { localeSchema } from './locale.js';
import { MAX_STORED_TEXT } from './visit.js';

/** Longest answer-link token read (src/invite/host-link.ts): ids of at most 64 characters and a MAC fit well inside. */
export const MAX_HOST_LINK_LENGTH = 512;

/** What a host can answer, in the order the page offers it. */
export const HOST_ANSWERS = ['coming-down', 'let-up', 'not-expected'] as const;
export type HostAnswer = (typeof HOST_ANSWERS)[number];

const isoUtc = z.iso.datetime();
const uuid = z.string().check(z.refine(isUuid, 'not a canonical UUID'));
const token = z.string().check(z.minLength(1), z.maxLength(MAX_HOST_LINK_LENGTH));

/** POST /api/v1/host-answer/view — the page shows what the link is about (no answer recorded by this). */
export const hostLinkRequestSchema = z.strictObject({ token });
export type HostLinkRequest = z.infer<typeof hostLinkRequestSchema>;

/**
 * The page's view of a link. `open`: the visitor, the time and the site, for the host to decide. `answered`:
 * the answer recorded and when — and nothing about the visitor any more (the link has done its job).
 */
export const hostLinkViewSchema = z.discriminatedUnion('state', [
  z.strictObject({
    state: z.literal('open'),
    locale: localeSchema,
    siteName: z.string().check(z.maxLength(MAX_STORED_TEXT)),
    timeZone: z.string().check(z.maxLength(64)),
    /** The unit visited (a person host sees no label: it is their own name). */
    unit: z.optional(z.string().check(z.maxLength(MAX_STORED_TEXT))),
    /** The name the visitor gave to be announced to this host (see docs/hub-api.md, privacy). */
    visitorName: z.string().check(z.maxLength(MAX_STORED_TEXT)),
    visitorType: z.enum(VISITOR_TYPES),
    partySize: z.int().check(z.minimum(1)),
    registeredAt: isoUtc,
    expiresAt: isoUtc,
  }),
  z.strictObject({
    state: z.literal('answered'),
    locale: localeSchema,
    siteName: z.string().check(z.maxLength(MAX_STORED_TEXT)),
    timeZone: z.string().check(z.maxLength(64)),
    answer: z.enum(HOST_ANSWERS),
    answeredAt: isoUtc,
  }),
]);
export type HostLinkView = z.infer<typeof hostLinkViewSchema>;

/** POST /api/v1/host-answer — the host's tap. The first answer is recorded; a later one gets it back. */
export const hostAnswerRequestSchema = z.strictObject({ token, answer: z.enum(HOST_ANSWERS) });
export type HostAnswerRequest = z.infer<typeof hostAnswerRequestSchema>;

export const hostAnswerReplySchema = z.strictObject({
  /** False when the link had been answered already: `answer` is the one recorded then. */
  recorded: z.boolean(),
  answer: z.enum(HOST_ANSWERS),
  answeredAt: isoUtc,
});
export type HostAnswerReply = z.infer<typeof hostAnswerReplySchema>;

/**
 * GET /api/v1/host-answers/:visitId — a kiosk asks about its own visit. `unknown`: the hub has not received
 * the visit yet; `none`: no host is asked (no contact, or the desk handles this arrival); `waiting`: the link
 * is out; `answered` with the answer; `expired`: the link ran out unanswered.
 */
export const kioskHostAnswerReplySchema = z.strictObject({
  status: z.enum(['unknown', 'none', 'waiting', 'answered', 'expired']),
  answer: z.optional(z.enum(HOST_ANSWERS)),
});
export type KioskHostAnswerReply = z.infer<typeof kioskHostAnswerReplySchema>;

/** The desk's event and its sign-in state: which visit, which answer, when — ids and codes only. */
export const hostAnswerEventSchema = z.strictObject({
  type: z.literal('host-answer'),
  visitId: uuid,
  answer: z.enum(HOST_ANSWERS),
  at: isoUtc,
});
export type HostAnswerEvent = z.infer<typeof hostAnswerEventSchema>;

/** The webhook event a company's bridge subscribes to (explicitly: webhooks without `events` do not get it). */
export const HOST_ANSWER_WEBHOOK_EVENT = 'host.answer-requested';

/**
 * The body of a `host.answer-requested` webhook: the link and whom it is for, by directory id — never a name.
 * The bridge maps the id to a person (WeCom, Teams) and forwards the link.
 */
export const hostAnswerWebhookSchema = z.strictObject({
  id: z.string(),
  type: z.literal(HOST_ANSWER_WEBHOOK_EVENT),
  siteId: z.string(),
  at: isoUtc,
  hostAnswer: z.strictObject({
    requestId: z.string(),
    visitId: uuid,
    host: z.strictObject({ kind: z.enum(['unit', 'person']), id: z.string() }),
    locale: localeSchema,
    link: z.url({ protocol: /^https?$/ }),
    expiresAt: isoUtc,
  }),
});
export type HostAnswerWebhook = z.infer<typeof hostAnswerWebhookSchema>;
