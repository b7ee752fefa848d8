/**
 * Retention of the desk's incident records (issue 6 item 3): pure, no clock of its own. The desk alone holds
 * incident records (src/storage/desk.ts), so the desk purges them — the hub's retention never sees them.
 */
import type { DeskTask, IncidentRecord } from './desk.js';
import { DEFAULT_RECORD_DAYS } from './site.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How often a desk purges at most: retention is counted in days, so a purge at every sign-in of a busy
 * desk would only re-read the same records for nothing.
 */
export const INCIDENT_PURGE_INTERVAL_MS = DAY_MS;

/** The fields the decision reads (the store passes whole rows). */
export type RetainedIncident = Pick<IncidentRecord, 'id' | 'siteId' | 'visitId' | 'closedAt' | 'signedOffAt' | 'updatedAt' | 'heldUntil'>;
export type RetainedTask = Pick<DeskTask, 'id' | 'siteId' | 'visitId' | 'status' | 'doneAt' | 'createdAt'>;

/** What a purge deletes: ids only. */
export interface IncidentPurgePlan {
  incidentIds: string[];
  taskIds: string[];
}

/** Whether a hold for evidence still stands at `now` (a hold lapses at its `heldUntil`). */
export const isIncidentHeld = (record: Pick<IncidentRecord, 'heldUntil'>, now: Date): boolean =>
  record.heldUntil !== undefined && Date.parse(record.heldUntil) > now.getTime();

/**
 * Whether an incident record is past retention at `now`: closed AND signed off (the written record exists —
 * an unwritten one is still owed, never lost), not held for evidence, and its last change (`updatedAt`) more
 * than `recordDays` ago. An open incident is never past retention, however old.
 */
export function isIncidentPastRetention(record: RetainedIncident, now: Date, recordDays: number = DEFAULT_RECORD_DAYS): boolean {
  if (record.closedAt === undefined || record.signedOffAt === undefined) return false;
  if (isIncidentHeld(record, now)) return false;
  const last = Date.parse(record.updatedAt);
  return Number.isFinite(last) && now.getTime() - last > recordDays * DAY_MS;
}

/**
 * The incident records of `siteId` past retention at `now`, and the finished tasks that went with them: a
 * done task about the same visit, itself finished more than `recordDays` ago, and about no visit whose
 * incident record is kept (an open task, or one still backing a kept record, stays). Records of other
 * sites are left to their own site's rules.
 */
export function planIncidentPurge(
  siteId: string,
  incidents: readonly RetainedIncident[],
  tasks: readonly RetainedTask[],
  now: Date,
  recordDays: number = DEFAULT_RECORD_DAYS,
): IncidentPurgePlan {
  const incidentIds: string[] = [];
  const purgedVisits = new Set<string>();
  const keptVisits = new Set<string>();
  for (const record of incidents) {
    if (record.siteId !== siteId) continue;
    if (isIncidentPastRetention(record, now, recordDays)) {
      incidentIds.push(record.id);
      if (record.visitId !== undefined) purgedVisits.add(record.visitId);
    } else if (record.visitId !== undefined) keptVisits.add(record.visitId);
  }
  const taskIds = tasks
    .filter(
      (t) =>
        t.siteId === siteId &&
        t.status === 'done' &&
        t.visitId !== undefined &&
        purgedVisits.has(t.visitId) &&
        !keptVisits.has(t.visitId) &&
        t.doneAt !== undefined &&
        now.getTime() - Date.parse(t.doneAt) > recordDays * DAY_MS,
    )
    .map((t) => t.id);
  return { incidentIds, taskIds };
}

/** Whether a purge is due at `now`, given when this device last ran one (ISO time, or none yet). */
export const isIncidentPurgeDue = (lastRunAt: string | undefined, now: Date): boolean => {
  if (lastRunAt === undefined) return true;
  const last = Date.parse(lastRunAt);
  // A clock set back (last run "in the future") must not stop purging for good.
  return !Number.isFinite(last) || last > now.getTime() || now.getTime() - last >= INCIDENT_PURGE_INTERVAL_MS;
};
