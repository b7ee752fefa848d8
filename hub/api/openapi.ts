/**
 * GET /api/v1/openapi.json — the API described from the same zod schemas that validate it. zod 4's
 * `toJSONSchema` (zod/v4/core) reads zod/mini schemas too; refinements (`.check(z.refine(…))`) cannot be
 * expressed in JSON Schema and are left out, so the document states shapes, types, lengths and patterns,
 * not cross-field rules such as "seqs strictly ascend" (docs/hub-api.md says those in prose).
 */
import { toJSONSchema, type $ZodType } from 'zod/v4/core';
import {
  ackReplySchema,
  alertReplySchema,
  apiErrorSchema,
  deskStateReplySchema,
  devicesReplySchema,
  hubEventSchema,
  issueInvitationReplySchema,
  issueInvitationRequestSchema,
  pairReplySchema,
  pairRequestSchema,
  pullReplySchema,
  pushReplySchema,
  pushRequestSchema,
  raiseAlertRequestSchema,
  signInReplySchema,
  signInRequestSchema,
} from '../../src/schemas/sync.js';
import { siteConfigSchema } from '../../src/schemas/site.js';
import { hostAnswerReplySchema, hostAnswerRequestSchema, hostLinkRequestSchema, hostLinkViewSchema, kioskHostAnswerReplySchema } from '../../src/schemas/host-answer.js';
import { auditPageSchema } from '../../src/schemas/audit.js';
import { siteHealthReplySchema } from '../../src/schemas/sync.js';
import { reportReplySchema } from '../../src/schemas/reports.js';
import { addWatchEntryRequestSchema, watchEntryReplySchema, watchListReplySchema } from '../../src/schemas/site-admin.js';
import { ledgerActionRequestSchema, ledgerConflictReplySchema, ledgerListReplySchema, ledgerRecordSchema, newEntryInputSchema } from '../../src/schemas/ledger.js';

const SCHEMAS: Record<string, $ZodType> = {
  ApiError: apiErrorSchema,
  PairRequest: pairRequestSchema,
  PairReply: pairReplySchema,
  PushRequest: pushRequestSchema,
  PushReply: pushReplySchema,
  PullReply: pullReplySchema,
  SignInRequest: signInRequestSchema,
  SignInReply: signInReplySchema,
  DeskStateReply: deskStateReplySchema,
  HubEvent: hubEventSchema,
  AckReply: ackReplySchema,
  RaiseAlertRequest: raiseAlertRequestSchema,
  AlertReply: alertReplySchema,
  DevicesReply: devicesReplySchema,
  IssueInvitationRequest: issueInvitationRequestSchema,
  IssueInvitationReply: issueInvitationReplySchema,
  SiteConfig: siteConfigSchema,
  AuditPage: auditPageSchema,
  SiteHealthReply: siteHealthReplySchema,
  AddWatchEntryRequest: addWatchEntryRequestSchema,
  WatchListReply: watchListReplySchema,
  WatchEntryReply: watchEntryReplySchema,
  HostLinkRequest: hostLinkRequestSchema,
  HostLinkView: hostLinkViewSchema,
  HostAnswerRequest: hostAnswerRequestSchema,
  HostAnswerReply: hostAnswerReplySchema,
  KioskHostAnswerReply: kioskHostAnswerReplySchema,
  ReportReply: reportReplySchema,
  NewLedgerEntry: newEntryInputSchema,
  LedgerRecord: ledgerRecordSchema,
  LedgerListReply: ledgerListReplySchema,
  LedgerActionRequest: ledgerActionRequestSchema,
  LedgerConflictReply: ledgerConflictReplySchema,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const errors = {
  '400': { description: '`bad-json` or `bad-request` (with `path`)', ...json('ApiError') },
  '401': { description: '`unauthorised`: missing, unknown or expired token', ...json('ApiError') },
  '403': { description: '`forbidden` (wrong role or site) or `device-revoked`', ...json('ApiError') },
  '413': { description: '`payload-too-large`', ...json('ApiError') },
  '415': { description: '`unsupported-media-type`: not JSON', ...json('ApiError') },
};
const bearer = [{ bearer: [] }];

type Op = { summary: string; body?: string; reply?: string; auth?: boolean; extra?: Record<string, unknown> };
const op = ({ summary, body, reply, auth = true, extra = {} }: Op) => ({
  summary,
  ...(auth ? { security: bearer } : {}),
  ...(body ? { requestBody: { required: true, ...json(body) } } : {}),
  responses: { '200': reply ? { description: 'OK', ...json(reply) } : { description: 'OK' }, ...errors },
  ...extra,
});

let cached: unknown;

/** The OpenAPI 3.1 document (built once). */
export function openApiDocument(): unknown {
  if (cached) return cached;
  const components: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    // `unrepresentable: 'any'`: a custom check becomes `{}` instead of failing the whole document.
    const { $schema: _draft, ...rest } = toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
    components[name] = rest;
  }
  cached = {
    openapi: '3.1.0',
    info: { title: 'Visitor Kiosk hub', version: '1', description: 'See docs/hub-api.md for the protocol in prose: sync guarantees, the merge rule, errors.' },
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '`vkd_…` device token (pairing) or `vks_…` staff session' } } },
    paths: {
      '/api/v1/pair': { post: op({ summary: 'Pair a kiosk with a one-time code', body: 'PairRequest', reply: 'PairReply', auth: false }) },
      '/api/v1/sync/push': { post: op({ summary: 'Push outbox changes (one transaction per batch, idempotent)', body: 'PushRequest', reply: 'PushReply' }) },
      '/api/v1/sync/pull': {
        get: op({
          summary: 'What a kiosk needs: site configuration, revocations, erased visit ids; it reports its outbox count and storage use',
          reply: 'PullReply',
          extra: {
            parameters: [
              { name: 'since', in: 'query', schema: { type: 'string' } },
              { name: 'pending', in: 'query', schema: { type: 'integer', minimum: 0 } },
              { name: 'storageBytes', in: 'query', schema: { type: 'integer', minimum: 0 } },
            ],
          },
        }),
      },
      '/api/v1/sessions': { post: op({ summary: 'Staff sign-in with a PIN', body: 'SignInRequest', reply: 'SignInReply', auth: false }) },
      '/api/v1/sessions/current': { delete: op({ summary: 'Sign out' }) },
      '/api/v1/desk/state': { get: op({ summary: "The desk's starting point", reply: 'DeskStateReply' }) },
      '/api/v1/events': {
        get: op({
          summary: 'Server-sent events (text/event-stream); each data line is a HubEvent; honours Last-Event-ID',
          extra: { responses: { '200': { description: 'text/event-stream of HubEvent', content: { 'text/event-stream': { schema: ref('HubEvent') } } } } },
        }),
      },
      '/api/v1/alerts': { post: op({ summary: 'Raise A, B or C by hand', body: 'RaiseAlertRequest', reply: 'AlertReply' }) },
      '/api/v1/alerts/{id}/ack': { post: op({ summary: 'Acknowledge (the first wins)', reply: 'AckReply' }) },
      '/api/v1/alerts/{id}/escalate': { post: op({ summary: 'Escalate now', reply: 'AlertReply' }) },
      '/api/v1/invitations': { post: op({ summary: 'Issue an invitation, group invitation or pass', body: 'IssueInvitationRequest', reply: 'IssueInvitationReply' }) },
      '/api/v1/invitations/{jti}/revoke': { post: op({ summary: 'Revoke an invitation or pass (site manager)' }) },
      '/api/v1/devices': { get: op({ summary: "The site's devices (site manager)", reply: 'DevicesReply' }) },
      '/api/v1/devices/{id}/revoke': { post: op({ summary: "Revoke a device's token (site manager)" }) },
      '/api/v1/export': {
        get: op({
          summary: 'CSV of visits (site manager)',
          extra: { parameters: [{ name: 'from', in: 'query', schema: { type: 'string', format: 'date' } }, { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } }] },
        }),
      },
      '/api/v1/reports/summary': {
        get: op({
          summary: "A week's, month's, half-year's or year's report in the site's zone: counts and rates only (site manager: their site; company: anonymised sums of its sites); format=csv|xlsx for a file. Audited",
          reply: 'ReportReply',
          extra: {
            parameters: [
              { name: 'period', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}(?:-(?:\\d{2}|W\\d{2}|H[12]))?$' } },
              { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv', 'xlsx'] } },
            ],
          },
        }),
      },
      '/api/v1/exports': {
        get: op({
          summary: 'Visits, incidents or the ledger of site-local days from..to as CSV or XLSX, formula cells neutralised (site manager). Audited',
          extra: {
            parameters: [
              { name: 'what', in: 'query', required: true, schema: { type: 'string', enum: ['visits', 'incidents', 'ledger'] } },
              { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['csv', 'xlsx'] } },
              { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
              { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
            ],
          },
        }),
      },
      '/api/v1/health/site': { get: op({ summary: "The hub's health and each kiosk's last contact and report (staff)", reply: 'SiteHealthReply' }) },
      '/api/v1/site/config': {
        get: op({ summary: "The site's stored configuration (site manager)", reply: 'SiteConfig' }),
        put: op({ summary: "Replace the site's configuration (site manager; audited; kiosks pull it)", body: 'SiteConfig' }),
      },
      '/api/v1/watchlist': {
        get: op({ summary: "The site's watch list (site manager, guard)", reply: 'WatchListReply' }),
        post: op({ summary: 'Add a watch-list entry (site manager, guard; audited by id)', body: 'AddWatchEntryRequest', reply: 'WatchEntryReply' }),
      },
      '/api/v1/watchlist/{id}': { delete: op({ summary: 'Remove a watch-list entry (site manager, guard; audited by id)' }) },
      '/api/v1/host-answer/view': { post: op({ summary: "The host's answer page: what a one-time link is about (400 host-link-invalid, 410 host-link-expired)", body: 'HostLinkRequest', reply: 'HostLinkView', auth: false }) },
      '/api/v1/host-answer': { post: op({ summary: "The host's answer (the first one is recorded; later ones get it back)", body: 'HostAnswerRequest', reply: 'HostAnswerReply', auth: false }) },
      '/api/v1/host-answers/{visitId}': { get: op({ summary: "Whether the host of this kiosk's visit was asked, and the answer (kiosk)", reply: 'KioskHostAnswerReply' }) },
      '/api/v1/ledger': {
        post: op({ summary: 'Open a ledger entry (numbered per site-year; due time from the clocks) — 201', body: 'NewLedgerEntry', reply: 'LedgerRecord' }),
        get: op({
          summary: "The ledger: entries received on the site-local days from..to (default the last 31) and, with active=1, every one not yet followed up; with the hub's now",
          reply: 'LedgerListReply',
          extra: {
            parameters: [
              { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
              { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
              { name: 'active', in: 'query', schema: { type: 'string', enum: ['1'] } },
            ],
          },
        }),
      },
      '/api/v1/ledger/{id}': { get: op({ summary: 'One ledger entry (a protected complainant withheld but for customer service; a complaint read is audited)', reply: 'LedgerRecord' }) },
      '/api/v1/ledger/{id}/actions': {
        post: op({
          summary: 'Act on the version read (assign, hand over, reply, resolve, follow up, reopen, escalate, decide, repair orders …)',
          body: 'LedgerActionRequest',
          reply: 'LedgerRecord',
          extra: { responses: { '200': { description: 'OK', ...json('LedgerRecord') }, '409': { description: '`ledger-conflict` with the entry as it is now, or `ledger-transition-invalid`', ...json('LedgerConflictReply') }, ...errors } },
        }),
      },
      '/api/v1/audit': {
        get: op({
          summary: 'The audit log, newest first, paged (site manager)',
          reply: 'AuditPage',
          extra: {
            parameters: [
              { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
              { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
              { name: 'before', in: 'query', schema: { type: 'integer', minimum: 1 } },
              { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
            ],
          },
        }),
      },
    },
  };
  return cached;
}
