/**
 * Ledger figures (issue 8 item 6) over the contacts RECEIVED in the period: a month's figures follow that
 * month's contacts, so they can still change while those cases are answered, resolved and followed up.
 *
 * - contacts by channel, by category, by subject (the site's own taxonomy: not added across sites);
 * - answered within the deadline: the clock stopped (first reply or resolution) by the due time, out of the
 *   clocks already decided — stopped, or past due at `now`; a clock still running counts for neither side;
 * - resolution rate: resolved (or resolved and followed up) out of all contacts;
 * - follow-up coverage: resolved cases with a follow-up done, out of resolved cases (回訪率);
 * - follow-up-feedback handling: feedback raised in follow-ups that was handled, out of feedback raised (回訪處理率);
 * - satisfaction: the done follow-ups by level;
 * - valid complaints per household: complaints marked valid out of the site's households (有效投訴率), no rate
 *   without a household count. Counts only: nothing here names a person or quotes a description.
 */
import { LEDGER_CATEGORIES, LEDGER_CHANNELS, SATISFACTION_LEVELS } from '../ledger/codes.js';
import type { LedgerEntry } from '../ledger/entry.js';
import { countsSection, rateSection, tally, type ReportSection } from './report.js';

export const CONTACTS_BY_CHANNEL = 'contacts-by-channel';
export const CONTACTS_BY_CATEGORY = 'contacts-by-category';
export const CONTACTS_BY_SUBJECT = 'contacts-by-subject';
export const ANSWERED_WITHIN_DEADLINE = 'answered-within-deadline';
export const RESOLUTION_RATE = 'resolution-rate';
export const FOLLOW_UP_COVERAGE = 'follow-up-coverage';
export const FEEDBACK_HANDLED = 'follow-up-feedback-handled';
export const SATISFACTION = 'satisfaction';
export const VALID_COMPLAINTS_PER_HOUSEHOLD = 'valid-complaints-per-household';

type ReportEntry = Pick<LedgerEntry, 'channel' | 'category' | 'subject' | 'receivedAt' | 'dueAt' | 'stoppedAt' | 'resolvedAt' | 'status' | 'followUps' | 'valid'>;

const isResolved = (e: ReportEntry): boolean => e.resolvedAt !== undefined || e.status === 'resolved' || e.status === 'followed-up';

/** The ledger's sections for the entries received in `[start, end)`; `households` from the site (absent: no rate). */
export function ledgerSections(entries: Iterable<ReportEntry>, bounds: { start: Date; end: Date }, now: Date, households?: number): ReportSection[] {
  const inside = [...entries].filter((e) => {
    const at = Date.parse(e.receivedAt);
    return at >= bounds.start.getTime() && at < bounds.end.getTime();
  });
  const by = (key: (e: ReportEntry) => string) => tally(inside.map((e) => ({ key: key(e), n: 1 })));

  let metDeadline = 0;
  let decided = 0;
  for (const e of inside) {
    if (e.dueAt === undefined) continue;
    const due = Date.parse(e.dueAt);
    if (e.stoppedAt !== undefined) {
      decided += 1;
      if (Date.parse(e.stoppedAt) <= due) metDeadline += 1;
    } else if (now.getTime() > due) {
      decided += 1;
    }
  }

  const resolved = inside.filter(isResolved);
  const followedUp = resolved.filter((e) => e.followUps.some((f) => f.doneAt !== undefined)).length;
  const done = inside.flatMap((e) => e.followUps.filter((f) => f.doneAt !== undefined));
  const withFeedback = done.filter((f) => f.feedback !== undefined && f.feedback.trim() !== '');
  const handled = withFeedback.filter((f) => f.feedbackHandledAt !== undefined).length;
  const validComplaints = inside.filter((e) => e.category === 'complaint' && e.valid === true).length;

  return [
    countsSection(CONTACTS_BY_CHANNEL, LEDGER_CHANNELS, by((e) => e.channel)),
    countsSection(CONTACTS_BY_CATEGORY, LEDGER_CATEGORIES, by((e) => e.category)),
    countsSection(CONTACTS_BY_SUBJECT, [], by((e) => e.subject), false),
    rateSection(ANSWERED_WITHIN_DEADLINE, metDeadline, decided),
    rateSection(RESOLUTION_RATE, resolved.length, inside.length),
    rateSection(FOLLOW_UP_COVERAGE, followedUp, resolved.length),
    rateSection(FEEDBACK_HANDLED, handled, withFeedback.length),
    countsSection(SATISFACTION, SATISFACTION_LEVELS, tally(done.filter((f) => f.satisfaction !== undefined).map((f) => ({ key: f.satisfaction as string, n: 1 })))),
    rateSection(VALID_COMPLAINTS_PER_HOUSEHOLD, validComplaints, households ?? 0),
  ];
}
