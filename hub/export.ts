/**
 * CSV export of visits (CLI `export` and GET /api/v1/export): a header row, then one row per visit with the
 * visitor's full name. Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) get a leading apostrophe — a visitor typing `=HYPERLINK(…)` as their name must not
 * become a live formula on a manager's PC (CSV injection). Cells are quoted as RFC 4180 requires.
 */
import { rangeTarget, recordAudit } from './audit.js';
import type { Visit } from '../src/domain/visit.js';
import type { HubStore } from './db/index.js';

export const CSV_COLUMNS = [
  'visit_id',
  'site_id',
  'day',
  'registered_at',
  'status',
  'checked_in_at',
  'checked_out_at',
  'full_name',
  'phone',
  'organisation',
  'party_size',
  'visitor_type',
  'purpose',
  'host',
  'has_appointment',
  'identity',
  'source',
  'invitation_kind',
  'badge_number',
  'feedback',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if a spreadsheet would read it as a formula, quoted if it holds , " or a line break. */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const firstAt = (visit: Visit, status: string): string | undefined => visit.history.find((h) => h.status === status)?.at;

/** A visit's cells in `CSV_COLUMNS` order, raw (the XLSX export neutralises them as src/domain/reports/cells.ts does). */
export function visitCells(visit: Visit): (string | number | boolean | undefined)[] {
  const identity = visit.identity.method === 'recorded' ? `${visit.identity.documentType} …${visit.identity.last4}` : visit.identity.method;
  const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | undefined> = {
    visit_id: visit.id,
    site_id: visit.siteId,
    day: visit.dayKey,
    registered_at: visit.createdAt,
    status: visit.status,
    checked_in_at: firstAt(visit, 'checked-in'),
    checked_out_at: firstAt(visit, 'checked-out'),
    full_name: visit.visitor.fullName,
    phone: visit.visitor.phone,
    organisation: visit.visitor.organisation,
    party_size: visit.visitor.partySize,
    visitor_type: visit.visitorType,
    purpose: visit.purpose,
    host: visit.host.label,
    has_appointment: visit.hasAppointment,
    identity,
    source: visit.source,
    invitation_kind: visit.invitation?.kind,
    badge_number: visit.badgeNumber,
    feedback: visit.feedback?.rating,
  };
  return CSV_COLUMNS.map((c) => cells[c]);
}

const row = (visit: Visit): string[] => visitCells(visit).map(csvCell);

/**
 * The CSV text of a site's visits between two day keys (inclusive; absent = unbounded). The export is audited
 * (hub/audit.ts) in the transaction that reads the visits: who (`by.actor`) exported which range.
 */
export async function exportCsv(store: HubStore, siteId: string, from: string | undefined, to: string | undefined, by: { actor: string; at: Date }): Promise<string> {
  const visits = await store.write(async (repo) => {
    await recordAudit(repo, { siteId, actor: by.actor, action: 'export', target: rangeTarget(from, to), at: by.at });
    return repo.visitsBetween(siteId, from, to);
  });
  return [CSV_COLUMNS.join(','), ...visits.map((v) => row(v).join(','))].join('\r\n') + '\r\n';
}
