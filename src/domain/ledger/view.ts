/**
 * How the desk reads the ledger: who may see a complainant (redaction by role), the order of urgency, and the
 * follow-up worklist. Pure; `now` comes from the injected clock.
 */
import type { StaffRole } from '../desk.js';
import { clockState, type ClockState } from './clocks.js';
import { pendingFollowUp, type FollowUp, type LedgerEntry } from './entry.js';

/**
 * The role that may see a protected complainant's identity: customer service, who handle complaints
 * (000 篇2 六: 不得進行打擊報復; 003 篇2 第十條: 為投訴人保密). Nobody else — not the department complained
 * about, and not the site manager, who may be the one complained about.
 */
export const COMPLAINANT_READER_ROLE: StaffRole = 'customer-service';

/** A complaint about a department or a person: its complainant is protected. */
export const isProtectedComplaint = (entry: Pick<LedgerEntry, 'category' | 'about'>): boolean => entry.category === 'complaint' && entry.about !== undefined;

/** The entry as `role` may read it: a protected complainant becomes `withheld` for every role but customer service. */
export function redactFor(entry: LedgerEntry, role: StaffRole): LedgerEntry {
  if (!isProtectedComplaint(entry) || role === COMPLAINANT_READER_ROLE) return entry;
  return { ...entry, who: { kind: 'withheld' } };
}

/** Whether an entry still needs work (not resolved nor followed up). */
export const isActive = (entry: Pick<LedgerEntry, 'status'>): boolean => entry.status !== 'resolved' && entry.status !== 'followed-up';

/** The earliest time the desk owes something on an active entry: its clock, the time promised, an open repair. */
export function effectiveDue(entry: LedgerEntry): string | undefined {
  const times: string[] = [];
  if (entry.dueAt !== undefined && entry.stoppedAt === undefined) times.push(entry.dueAt);
  if (entry.promisedAt !== undefined && isActive(entry)) times.push(entry.promisedAt);
  if (entry.repair && entry.repair.completedAt === undefined) times.push(entry.repair.dueAt);
  return times.length === 0 ? undefined : times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

/** The entry's clock as the desk shows it at `now`. */
export const entryClock = (entry: LedgerEntry, now: Date): ClockState => clockState(entry.dueAt, entry.stoppedAt, now);

/**
 * Sorted by urgency at `now`: active entries with a due time first (overdue ones, most overdue first, then the
 * soonest due), then active ones without one (oldest first), then handled ones (most recently changed first).
 */
export function byUrgency(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const keyed = entries.map((e) => {
    const due = isActive(e) ? effectiveDue(e) : undefined;
    const group = !isActive(e) ? 2 : due !== undefined ? 0 : 1;
    const t = group === 0 ? Date.parse(due as string) : group === 1 ? Date.parse(e.receivedAt) : -Date.parse(e.updatedAt);
    return { e, group, t };
  });
  keyed.sort((a, b) => a.group - b.group || a.t - b.t || a.e.number.localeCompare(b.e.number));
  return keyed.map((k) => k.e);
}

/** One line of the follow-up worklist: a follow-up owed, or feedback from one still to handle. */
export interface FollowUpTask {
  entry: LedgerEntry;
  kind: 'follow-up' | 'feedback';
  followUp: FollowUp;
  /** When it is due (feedback: the follow-up's time; it is owed at once). */
  dueAt: string;
  overdue: boolean;
}

/** The follow-up worklist at `now`, soonest due first. */
export function followUpWorklist(entries: readonly LedgerEntry[], now: Date): FollowUpTask[] {
  const tasks: FollowUpTask[] = [];
  for (const entry of entries) {
    const due = entry.status === 'resolved' ? pendingFollowUp(entry) : undefined;
    if (due) tasks.push({ entry, kind: 'follow-up', followUp: due, dueAt: due.dueAt, overdue: now.getTime() > Date.parse(due.dueAt) });
    for (const f of entry.followUps) {
      if (f.feedback !== undefined && f.feedbackHandledAt === undefined && f.doneAt !== undefined) {
        tasks.push({ entry, kind: 'feedback', followUp: f, dueAt: f.doneAt, overdue: false });
      }
    }
  }
  return tasks.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
