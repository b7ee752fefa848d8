/**
 * Exports for a date range (issue 8 item 7): visits, incidents (the hub's incident and watch-list alerts) and
 * — once a table builder for it is added to `EXPORT_TABLES` — the ledger, as CSV or XLSX, from the API
 * (`GET /api/v1/exports`, site manager) and the CLI (`npm run hub -- export --what … --format …`). Every cell is
 * neutralised against formula injection (src/domain/reports/cells.ts), and every export is audited
 * (`export`, with the kind and the range) in the transaction that reads the rows.
 *
 * Nothing here deletes: complaint and incident records leave the hub only by retention (hub/retention.ts).
 */
import { redactFor } from '../src/domain/ledger/view.js';
import type { ParcelData } from '../src/domain/lobby/parcel.js';
import { enteredAt } from '../src/domain/lobby/record.js';
import { addDays, startOfLocalDay } from '../src/domain/rules/calendar.js';
import { tableCsv, type Table } from '../src/domain/reports/cells.js';
import type { ExportFormat, ExportKind } from '../src/schemas/reports.js';
import { rangeTarget, recordAudit } from './audit.js';
import type { HubStore, Repo } from './db/index.js';
import { CSV_COLUMNS, visitCells } from './export.js';
import { HubError } from './errors.js';
import { loadSite } from './sites.js';
import { xlsxOf, XLSX_TYPE } from './xlsx.js';

/** A range of local days (either end open) and, from the site's zone, its instants. */
export interface ExportRange {
  from?: string | undefined;
  to?: string | undefined;
  /** ISO instants: `start <= t < end` (open ends: the earliest and latest ISO text). */
  start: string;
  end: string;
}

export type TableBuilder = (repo: Repo, siteId: string, range: ExportRange) => Promise<Table>;

export const INCIDENT_COLUMNS = ['alert_id', 'kind', 'class', 'created_at', 'acknowledged_at', 'escalated_at', 'escalation_level', 'media_present', 'status', 'closed_at', 'notify', 'visit_id'] as const;

const visitsTable: TableBuilder = async (repo, siteId, range) => ({
  name: 'visits',
  columns: CSV_COLUMNS,
  rows: (await repo.visitsBetween(siteId, range.from, range.to)).map(visitCells),
});

const incidentsTable: TableBuilder = async (repo, siteId, range) => ({
  name: 'incidents',
  columns: INCIDENT_COLUMNS,
  rows: (await repo.reports.incidentAlerts(siteId, range.start, range.end)).map((a) => [
    a.id,
    a.kind,
    a.incidentClass ?? (a.kind === 'watchlist' ? 'watchlist' : ''),
    a.createdAt,
    a.acknowledgedAt,
    a.escalatedAt,
    a.escalationLevel,
    a.mediaPresent,
    a.status,
    a.closedAt,
    a.notify.join(' '),
    a.visitId,
  ]),
});

export const LEDGER_COLUMNS = [
  'number', 'received_at', 'channel', 'category', 'subject', 'important', 'who', 'unit', 'name', 'phone', 'organisation', 'about',
  'description', 'first_contact_by', 'owner', 'department', 'assignee', 'promised_at', 'due_kind', 'due_at', 'stopped_at', 'status',
  'reply', 'replied_at', 'resolution', 'resolved_at', 'valid', 'decision', 'escalated_at', 'follow_ups_done', 'last_satisfaction',
  'repair_size', 'repair_completed_at', 'visit_id',
] as const;

/** Most ledger entries one export holds (a busy site's several years). */
export const MAX_EXPORT_LEDGER_ENTRIES = 200_000;

/**
 * The ledger, oldest first. Exports are for the site manager and the operator, neither of whom is customer
 * service: a protected complainant is withheld (src/domain/ledger/view.ts `redactFor`), as on every other read.
 */
const ledgerTable: TableBuilder = async (repo, siteId, range) => {
  const rows = await repo.ledger.list(siteId, { from: range.start, to: range.end }, MAX_EXPORT_LEDGER_ENTRIES);
  const entries = rows.map((r) => redactFor(r.entry, 'site-manager')).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return {
    name: 'ledger',
    columns: LEDGER_COLUMNS,
    rows: entries.map((e) => {
      const who = e.who;
      const done = e.followUps.filter((f) => f.doneAt !== undefined);
      return [
        e.number, e.receivedAt, e.channel, e.category, e.subject, e.important, who.kind,
        who.kind === 'resident' ? who.unit : undefined,
        who.kind === 'resident' || who.kind === 'other' ? who.name : undefined,
        who.kind === 'resident' || who.kind === 'other' ? who.phone : undefined,
        who.kind === 'other' ? who.organisation : undefined,
        e.about ? [e.about.kind, e.about.department, e.about.person].filter(Boolean).join(': ') : undefined,
        e.description, e.firstContactBy, e.ownerId, e.department, e.assignee, e.promisedAt, e.dueKind, e.dueAt, e.stoppedAt, e.status,
        e.reply, e.repliedAt, e.resolution, e.resolvedAt, e.valid, e.decision?.text, e.escalation?.at, done.length, done.at(-1)?.satisfaction,
        e.repair?.size, e.repair?.completedAt, e.visitId,
      ];
    }),
  };
};

/** What can be exported; a feature adds its kind's builder here. */
export const PARCEL_COLUMNS = ['record_id', 'received_at', 'carrier', 'unit', 'count', 'source', 'notify', 'state', 'notified_at', 'collected_at', 'collector_name', 'on_behalf_of', 'collected_by_staff', 'minutes_to_collection'] as const;

/**
 * Parcels received in the range, oldest first (the custody log, issue 7 item 2): who collected each, for whom
 * and when — an erased person reads `(erased)`. The drawn signature and the label photo stay out (images).
 */
const parcelsTable: TableBuilder = async (repo, siteId, range) => {
  const records = (await repo.records.forReport(siteId, ['parcel'], range.start, range.end)).filter((r) => r.createdAt >= range.start);
  return {
    name: 'parcels',
    columns: PARCEL_COLUMNS,
    rows: records.map((r) => {
      const data = r.data as Partial<ParcelData>;
      const collected = enteredAt(r, 'collected')?.at;
      return [
        r.id,
        r.createdAt,
        data.carrier,
        data.unit,
        data.count,
        data.source,
        data.notify,
        r.state,
        enteredAt(r, 'notified')?.at,
        collected,
        data.collection?.collectorName,
        data.collection?.onBehalfOf,
        data.collection?.staffId,
        collected === undefined ? undefined : Math.round((Date.parse(collected) - Date.parse(r.createdAt)) / 60_000),
      ];
    }),
  };
};

export const EXPORT_TABLES: Partial<Record<ExportKind, TableBuilder>> = { visits: visitsTable, incidents: incidentsTable, ledger: ledgerTable, parcels: parcelsTable };

/** The earliest and latest ISO texts: an open end of a range. */
const OPEN_START = '0000';
const OPEN_END = '9999';

export interface ExportFile {
  body: Uint8Array;
  contentType: string;
  fileName: string;
}

/** A table as a file of `format`. */
export async function fileOf(tables: readonly Table[], format: ExportFormat, baseName: string): Promise<ExportFile> {
  if (format === 'xlsx') return { body: await xlsxOf(tables), contentType: XLSX_TYPE, fileName: `${baseName}.xlsx` };
  const text = tables.map((t) => tableCsv(t)).join('\r\n');
  return { body: new TextEncoder().encode(text), contentType: 'text/csv; charset=utf-8', fileName: `${baseName}.csv` };
}

/** Exports `what` of a site for local days `from`…`to` (inclusive; either may be absent), audited as `actor`. */
export async function exportFile(store: HubStore, siteId: string, request: { what: ExportKind; format: ExportFormat; from?: string | undefined; to?: string | undefined }, by: { actor: string; at: Date }): Promise<ExportFile> {
  const build = EXPORT_TABLES[request.what];
  if (!build) throw new HubError(404, 'not-found', `no ${request.what} export on this hub yet`);
  const table = await store.write(async (repo) => {
    const { site } = await loadSite(repo, siteId);
    const range: ExportRange = {
      from: request.from,
      to: request.to,
      start: request.from !== undefined ? startOfLocalDay(request.from, site.timeZone).toISOString() : OPEN_START,
      end: request.to !== undefined ? startOfLocalDay(addDays(request.to, 1), site.timeZone).toISOString() : OPEN_END,
    };
    await recordAudit(repo, { siteId, actor: by.actor, action: 'export', target: `${request.what} ${rangeTarget(request.from, request.to) ?? 'all'}`, at: by.at });
    return build(repo, siteId, range);
  });
  const name = [request.what, request.from, request.to].filter((p) => p !== undefined).join('_');
  return fileOf([table], request.format, name);
}
