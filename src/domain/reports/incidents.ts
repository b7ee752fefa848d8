/**
 * Incident figures: incidents by class (the hub's alerts carry the class; the desk's too), and how many
 * incident records (《突發事件處理記錄表》) were signed off by their due time — two working days after the
 * incident closed (DOMAIN.md "Incidents", rules/calendar.ts `incidentRecordDue`).
 */
import { INCIDENT_RECORD_CLASSES, type Alert, type IncidentRecord } from '../desk.js';
import { countsSection, rateSection, tally, type CountsSection, type RateSection } from './report.js';

export const INCIDENTS_BY_CLASS = 'incidents-by-class';
export const INCIDENT_RECORDS = 'incident-records';
export const INCIDENT_RECORDS_ON_TIME = 'incident-records-on-time';

/** How an incident record due in the period stands. */
export const RECORD_STANDINGS = ['on-time', 'late', 'overdue', 'pending'] as const;
export type RecordStanding = (typeof RECORD_STANDINGS)[number];

/** The class an alert counts under, or undefined for alerts that are not incidents (help calls, health…). */
export function incidentClassOf(alert: Pick<Alert, 'kind' | 'incidentClass'>): string | undefined {
  if (alert.kind === 'incident') return alert.incidentClass;
  return alert.kind === 'watchlist' ? 'watchlist' : undefined;
}

/** Incidents by class from `{cls, n}` rows (the hub's SQL) — A, B, C and watch-list matches. */
export function incidentsByClass(rows: Iterable<{ cls: string; n: number }>): CountsSection {
  const known = [...rows].filter((r) => (INCIDENT_RECORD_CLASSES as readonly string[]).includes(r.cls));
  return countsSection(INCIDENTS_BY_CLASS, INCIDENT_RECORD_CLASSES, tally(known.map((r) => ({ key: r.cls, n: r.n }))));
}

/** Incidents by class from alerts raised within `[start, end)`. */
export function incidentsByClassFromAlerts(alerts: Iterable<Pick<Alert, 'kind' | 'incidentClass' | 'createdAt'>>, bounds: { start: Date; end: Date }): CountsSection {
  const rows: { cls: string; n: number }[] = [];
  for (const alert of alerts) {
    const at = Date.parse(alert.createdAt);
    const cls = incidentClassOf(alert);
    if (cls !== undefined && at >= bounds.start.getTime() && at < bounds.end.getTime()) rows.push({ cls, n: 1 });
  }
  return incidentsByClass(rows);
}

/** A record's standing at `now`; undefined while it has no due time (the incident is not closed). */
export function recordStanding(record: Pick<IncidentRecord, 'dueAt' | 'signedOffAt'>, now: Date): RecordStanding | undefined {
  if (record.dueAt === undefined) return undefined;
  const due = Date.parse(record.dueAt);
  if (record.signedOffAt !== undefined) return Date.parse(record.signedOffAt) <= due ? 'on-time' : 'late';
  return now.getTime() > due ? 'overdue' : 'pending';
}

/**
 * The records whose due time falls in `[start, end)`, by standing at `now`, and the on-time rate: signed off
 * by the due time, out of those already decided (on time, late, or overdue) — a record still within its two
 * working days counts for neither side.
 */
export function incidentRecordSections(records: Iterable<Pick<IncidentRecord, 'dueAt' | 'signedOffAt'>>, bounds: { start: Date; end: Date }, now: Date): [CountsSection, RateSection] {
  const counts: Record<string, number> = {};
  for (const record of records) {
    if (record.dueAt === undefined) continue;
    const due = Date.parse(record.dueAt);
    if (due < bounds.start.getTime() || due >= bounds.end.getTime()) continue;
    const standing = recordStanding(record, now);
    if (standing) counts[standing] = (counts[standing] ?? 0) + 1;
  }
  const onTime = counts['on-time'] ?? 0;
  const decided = onTime + (counts['late'] ?? 0) + (counts['overdue'] ?? 0);
  return [countsSection(INCIDENT_RECORDS, RECORD_STANDINGS, counts), rateSection(INCIDENT_RECORDS_ON_TIME, onTime, decided)];
}
