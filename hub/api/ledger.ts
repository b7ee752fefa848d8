/**
 * The front-desk ledger's routes (issue 8), mounted by app.ts with one line:
 *
 *   POST /api/v1/ledger                       open an entry (the "log a call" form)            → 201 { entry, version }
 *   GET  /api/v1/ledger?from=&to=&active=1     entries received from..to (site-local days), and
 *                                              with active=1 every one not yet followed up      → { now, entries }
 *   GET  /api/v1/ledger/:id                    one entry                                        → { entry, version }
 *   POST /api/v1/ledger/:id/actions            { version, action }: assign, hand over, reply, resolve, follow up …
 *                                              → { entry, version }; 409 `ledger-conflict` with `current` when
 *                                              another desk changed it first (nothing written)
 *
 * Every staff role of a site may use it (the company role reads reports only). Transitions are the domain's
 * (src/domain/ledger): its refusals are answered with their own codes (`ledger-transition-invalid` as 409, the
 * rest as 400). A complaint about a department or a person is answered with the complainant `withheld` to every
 * role but customer service, and every read of a complaint — listed or opened, by anyone — appends an audit line
 * (`ledger-complaint-read`, the entry id) in the same transaction. There is no delete: complaint records are
 * removed by retention only. The hub's clock stamps every action, and list replies carry it (`now`) so desks
 * run their clocks on the hub's time. Each change is announced on the event stream as `{ type: 'ledger', id, number, version }`.
 */
import type { Context, Env, Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../src/domain/desk.js';
import {
  applyAction,
  createEntry,
  formNumber,
  formYear,
  LedgerError,
  redactFor,
  type ActionContext,
  type LedgerEntry,
} from '../../src/domain/ledger/index.js';
import { addDays, calendarFor, isDayKey, startOfLocalDay } from '../../src/domain/rules/calendar.js';
import { localDayKey } from '../../src/domain/time.js';
import { ledgerActionRequestSchema, MAX_LEDGER_PAGE, newEntryInputSchema, type LedgerListReply, type LedgerRecord } from '../../src/schemas/ledger.js';
import type { Clock } from '../clock.js';
import { recordAudit } from '../audit.js';
import type { HubStore, Repo } from '../db/index.js';
import type { LedgerRow } from '../db/ledger-store.js';
import { HubError } from '../errors.js';
import type { Principal } from '../principal.js';
import { loadSite } from '../sites.js';
import { readJson } from './body.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

export interface LedgerRoutesOptions<E extends Env> {
  store: HubStore;
  clock: Clock;
  /** app.ts's guard: a signed-in member of staff in one of `roles` (default: the site roles), or a 401/403. */
  staffOnly: (c: Context<E>, roles?: readonly StaffRole[]) => Promise<Staff>;
}

/** Who may record the manager's decision and sign-off (004: 由經理決定處理辦法和責任部門). */
const DECIDING_ROLES: readonly StaffRole[] = ['site-manager'];
/** Who may escalate a major complaint to the general manager or mark a complaint valid: the manager and customer service. */
const COMPLAINT_ROLES: readonly StaffRole[] = ['site-manager', 'customer-service'];
/** Days a list covers when the desk names none: the month behind it, plus everything still owed. */
const DEFAULT_LIST_DAYS = 31;

const ledgerError = (error: LedgerError): HubError =>
  new HubError(error.code === 'ledger-transition-invalid' ? 409 : 400, error.code, `refused: ${error.code}${Object.keys(error.details).length > 0 ? ` ${JSON.stringify(error.details)}` : ''}`, typeof error.details['field'] === 'string' ? error.details['field'] : undefined);

/** Runs the domain, turning its refusals into HTTP answers. */
function domain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof LedgerError) throw ledgerError(error);
    throw error;
  }
}

/** The entry as the reader may see it, with the audit line of a complaint's reading appended in `repo`'s transaction. */
async function readable(repo: Repo, row: LedgerRow, reader: Staff, at: Date): Promise<LedgerRecord> {
  if (row.entry.category === 'complaint') await recordAudit(repo, { siteId: reader.siteId, actor: reader.staffId, action: 'ledger-complaint-read', target: row.entry.id, at });
  return { entry: redactFor(row.entry, reader.role), version: row.version };
}

/** Tells the site's desks (the event stream) that an entry was opened or changed: id, number and version, nothing personal. */
export async function announce(repo: Repo, entry: LedgerEntry, version: number, at: Date): Promise<void> {
  await repo.emit(entry.siteId, 'ledger', { type: 'ledger', id: entry.id, number: entry.number, version }, at.toISOString());
}

export function mountLedgerRoutes<E extends Env>(app: Hono<E>, options: LedgerRoutesOptions<E>): void {
  const { store, clock, staffOnly } = options;

  const context = async (repo: Repo, principal: Staff, at: Date): Promise<ActionContext> => {
    const { site } = await loadSite(repo, principal.siteId);
    return { at, by: principal.staffId, calendar: calendarFor(site.jurisdiction), timeZone: site.timeZone, newId: randomUUID };
  };

  app.post('/api/v1/ledger', async (c) => {
    const principal = await staffOnly(c);
    const body = await readJson(c.req.raw, newEntryInputSchema);
    const now = clock();
    const record = await store.write(async (repo) => {
      const ctx = await context(repo, principal, now);
      // Numbered by the year the contact was received in the site's calendar (a call at 00:30 on 1 January is the new year's).
      const received = body.receivedAt !== undefined ? new Date(body.receivedAt) : now;
      const year = formYear(received, ctx.timeZone);
      const number = formNumber(year, await repo.ledger.nextNumber(principal.siteId, year));
      const entry = domain(() => createEntry(body, { id: randomUUID(), siteId: principal.siteId, number }, ctx));
      await announce(repo, entry, 1, now);
      return readable(repo, await repo.ledger.insert(entry), principal, now);
    });
    return c.json(record, 201);
  });

  app.get('/api/v1/ledger', async (c) => {
    const principal = await staffOnly(c);
    const from = c.req.query('from');
    const to = c.req.query('to');
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (value !== undefined && !isDayKey(value)) throw new HubError(400, 'bad-request', 'a date is YYYY-MM-DD', name);
    }
    const active = c.req.query('active') === '1';
    const now = clock();
    // A write: the reads of complaints are audited in the same transaction as the answer.
    const reply = await store.write(async (repo): Promise<LedgerListReply> => {
      const { site } = await loadSite(repo, principal.siteId);
      const tz = site.timeZone;
      const fromDay = from ?? (to === undefined ? addDays(localDayKey(now, tz), -DEFAULT_LIST_DAYS) : undefined);
      const range = {
        from: fromDay !== undefined ? startOfLocalDay(fromDay, tz).toISOString() : undefined,
        to: to !== undefined ? startOfLocalDay(addDays(to, 1), tz).toISOString() : undefined,
        active,
      };
      const rows = await repo.ledger.list(principal.siteId, range, MAX_LEDGER_PAGE);
      const entries: LedgerRecord[] = [];
      for (const row of rows) entries.push(await readable(repo, row, principal, now));
      return { now: now.toISOString(), entries };
    });
    return c.json(reply);
  });

  app.get('/api/v1/ledger/:id', async (c) => {
    const principal = await staffOnly(c);
    const now = clock();
    const record = await store.write(async (repo) => {
      const row = await repo.ledger.get(principal.siteId, c.req.param('id'));
      if (!row) throw new HubError(404, 'not-found', 'no such ledger entry at this site');
      return readable(repo, row, principal, now);
    });
    return c.json(record);
  });

  app.post('/api/v1/ledger/:id/actions', async (c) => {
    const principal = await staffOnly(c);
    const body = await readJson(c.req.raw, ledgerActionRequestSchema);
    const { action } = body;
    if (action.type === 'decide' && !DECIDING_ROLES.includes(principal.role)) throw new HubError(403, 'forbidden', 'the decision and sign-off are the site manager’s');
    if ((action.type === 'escalate' || action.type === 'mark-valid') && !COMPLAINT_ROLES.includes(principal.role)) throw new HubError(403, 'forbidden', 'for the site manager or customer service');
    const now = clock();
    const outcome = await store.write(async (repo): Promise<{ ok: true; record: LedgerRecord } | { ok: false; current: LedgerRecord }> => {
      const row = await repo.ledger.get(principal.siteId, c.req.param('id'), true);
      if (!row) throw new HubError(404, 'not-found', 'no such ledger entry at this site');
      // Optimistic concurrency: the desk acted on what it last read. If another desk changed the entry since,
      // nothing is written and the later desk is shown the entry as it is now.
      if (row.version !== body.version) return { ok: false, current: await readable(repo, row, principal, now) };
      const ctx = await context(repo, principal, now);
      // The stored entry, never the redacted one, is what the action applies to: a reader who sees the complainant
      // withheld cannot overwrite them (and the request schema has no `withheld`).
      const next: LedgerEntry = domain(() => applyAction(row.entry, action, ctx));
      if (!(await repo.ledger.update(next, row.version))) return { ok: false, current: await readable(repo, (await repo.ledger.get(principal.siteId, next.id)) as LedgerRow, principal, now) };
      await announce(repo, next, row.version + 1, now);
      return { ok: true, record: await readable(repo, { entry: next, version: row.version + 1 }, principal, now) };
    });
    if (!outcome.ok) return c.json({ error: { code: 'ledger-conflict', message: 'another desk changed this entry first; here it is as it is now' }, current: outcome.current }, 409);
    return c.json(outcome.record);
  });
}
