/**
 * The audit log as `GET /api/v1/audit` returns it (issue 6 item 4): who (a staff id, or `cli`), when, what
 * action, on what (ids only). zod/mini, as the other wire schemas, so a desk can read it too.
 */
import { z } from 'zod/mini';

/** What the hub records. Watch-list and site-configuration changes are listed for the paths that will write them. */
export const AUDIT_ACTIONS = [
  'export',
  'report-read',
  'watchlist-change',
  'site-config-change',
  'rules-change',
  'webhook-add',
  'webhook-rotate-secret',
  'email-recipient-add',
  'device-revoke',
  'staff-add',
  /** A ledger complaint was read (listed or opened) by a member of staff (issue 8: every read is audited). */
  'ledger-complaint-read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The actor of the operator's command line (`npm run hub -- …`), which has no staff id. */
export const CLI_ACTOR = 'cli';

/** Most entries one page of the audit log returns (and the default). */
export const MAX_AUDIT_PAGE = 200;

const MAX_AUDIT_ID = 200;

export const auditEntrySchema = z.strictObject({
  seq: z.int().check(z.minimum(1)),
  at: z.iso.datetime(),
  actor: z.string().check(z.minLength(1), z.maxLength(MAX_AUDIT_ID)),
  action: z.enum(AUDIT_ACTIONS),
  target: z.optional(z.string().check(z.maxLength(MAX_AUDIT_ID))),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A page, newest first; `next` is the `before` of the following (older) page, absent on the last. */
export const auditPageSchema = z.strictObject({
  entries: z.array(auditEntrySchema).check(z.maxLength(MAX_AUDIT_PAGE)),
  next: z.optional(z.int().check(z.minimum(1))),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
