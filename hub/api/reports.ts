/**
 * Report and export routes (issue 8 items 6 and 7), mounted by app.ts with one line:
 *
 *   GET /api/v1/reports/summary?period=2026-11[&format=json|csv|xlsx]   site manager (own site), company (its sites, anonymised)
 *   GET /api/v1/exports?what=visits|incidents|ledger&format=csv|xlsx[&from=YYYY-MM-DD][&to=YYYY-MM-DD]   site manager
 *
 * Queries are checked with the wire schemas (src/schemas/reports.ts); reads and exports are audited
 * (hub/reports.ts, hub/exports.ts). Numbers come from SQL aggregates (hub/db/reports-store.ts).
 */
import type { Context, Env, Hono } from 'hono';
import { parsePeriod } from '../../src/domain/reports/period.js';
import { isDayKey } from '../../src/domain/rules/calendar.js';
import { reportFlatTable, reportTables } from '../../src/domain/reports/tables.js';
import type { StaffRole } from '../../src/domain/desk.js';
import { exportQuerySchema, reportQuerySchema } from '../../src/schemas/reports.js';
import type { Clock } from '../clock.js';
import type { HubStore } from '../db/index.js';
import { HubError } from '../errors.js';
import { exportFile, fileOf, type ExportFile } from '../exports.js';
import type { Principal } from '../principal.js';
import { readReport } from '../reports.js';

export interface ReportRoutesOptions<E extends Env> {
  store: HubStore;
  clock: Clock;
  /** app.ts's guard: a signed-in member of staff in one of `roles`, or a 401/403. */
  staffOnly: (c: Context<E>, roles?: readonly StaffRole[]) => Promise<Extract<Principal, { kind: 'staff' }>>;
}

/** The query string through a schema: a 400 naming the first bad parameter. */
function query<T>(c: Context, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }): T {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.');
  throw new HubError(400, 'bad-request', `invalid query${path ? ` parameter ${path}` : ''}: ${issue?.message ?? ''}`, path || undefined);
}

const download = (c: Context, file: ExportFile): Response =>
  c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"` });

export function mountReportRoutes<E extends Env>(app: Hono<E>, options: ReportRoutesOptions<E>): void {
  const { store, clock, staffOnly } = options;

  app.get('/api/v1/reports/summary', async (c) => {
    const principal = await staffOnly(c, ['site-manager', 'company']);
    const q = query(c, reportQuerySchema);
    const period = parsePeriod(q.period);
    if (!period) throw new HubError(400, 'bad-request', 'period names no week, month, half-year or year', 'period');
    const reply = await readReport(store, principal, period, clock());
    if (q.format === undefined || q.format === 'json') return c.json(reply);
    // One sheet per section in a workbook; one long table (section, key, value) in a CSV.
    const tables = q.format === 'xlsx' ? reportTables(reply.report) : [reportFlatTable(reply.report)];
    return download(c, await fileOf(tables, q.format, `report-${period.label}`));
  });

  app.get('/api/v1/exports', async (c) => {
    const principal = await staffOnly(c, ['site-manager']);
    const q = query(c, exportQuerySchema);
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) throw new HubError(400, 'bad-request', 'from is after to', 'from');
    for (const [name, value] of [['from', q.from], ['to', q.to]] as const) {
      if (value !== undefined && !isDayKey(value)) throw new HubError(400, 'bad-request', 'a date is YYYY-MM-DD', name);
    }
    return download(c, await exportFile(store, principal.siteId, q, { actor: principal.staffId, at: clock() }));
  });
}
