/**
 * The audit log (issue 6 item 4): every CSV export (API and CLI), every read of the visit reports, every
 * webhook or e-mail recipient change, device revocation and staff added — and the watch-list, site
 * configuration and rules changes once the hub has paths that make them — is appended in the SAME transaction
 * as the act, so an export that happened is always in the log. Entries carry ids only (a staff id or `cli`, a
 * device or webhook id, a date range): never a name, an address, a URL or a visitor's data. There is no
 * update or delete path; the site manager reads it, newest first, in pages.
 */
import { auditPageSchema, MAX_AUDIT_PAGE, type AuditAction, type AuditPage } from '../src/schemas/audit.js';
import type { HubStore, Repo } from './db/index.js';
import { HubError } from './errors.js';

/** Appends one entry in the caller's transaction. */
export async function recordAudit(repo: Repo, entry: { siteId: string; actor: string; action: AuditAction; target?: string | undefined; at: Date }): Promise<void> {
  await repo.audit.append({ siteId: entry.siteId, at: entry.at.toISOString(), actor: entry.actor, action: entry.action, ...(entry.target !== undefined ? { target: entry.target } : {}) });
}

/** A date range's target: `from..to` (either side may be open). */
export const rangeTarget = (from: string | undefined, to: string | undefined): string | undefined => (from === undefined && to === undefined ? undefined : `${from ?? ''}..${to ?? ''}`);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * One page of a site's log. `from`/`to` are UTC dates (YYYY-MM-DD, both days included); `before` continues
 * from a page's `next`; `limit` is at most MAX_AUDIT_PAGE.
 */
export async function auditPage(store: HubStore, siteId: string, query: { from?: string | undefined; to?: string | undefined; before?: string | undefined; limit?: string | undefined }): Promise<AuditPage> {
  for (const [name, value] of [['from', query.from], ['to', query.to]] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) throw new HubError(400, 'bad-request', 'a date is YYYY-MM-DD', name);
  }
  const number = (name: string, value: string | undefined, max: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^\d{1,15}$/.test(value) || n < 1 || n > max) throw new HubError(400, 'bad-request', `${name} is a whole number from 1 to ${max}`, name);
    return n;
  };
  const limit = number('limit', query.limit, MAX_AUDIT_PAGE) ?? MAX_AUDIT_PAGE;
  const beforeSeq = number('before', query.before, Number.MAX_SAFE_INTEGER);
  const from = query.from !== undefined ? new Date(`${query.from}T00:00:00Z`).toISOString() : undefined;
  const to = query.to !== undefined ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS).toISOString() : undefined;
  // One more than asked: whether an older page exists.
  const rows = await store.read((repo) => repo.audit.page(siteId, { from, to, beforeSeq }, limit + 1));
  const entries = rows.slice(0, limit).map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, ...(r.target !== undefined ? { target: r.target } : {}) }));
  const last = entries.at(-1);
  return auditPageSchema.parse({ entries, ...(rows.length > limit && last ? { next: last.seq } : {}) });
}
