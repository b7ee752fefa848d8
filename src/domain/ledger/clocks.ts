/**
 * The ledger's clocks (DOMAIN.md "Clocks"; seeds 001, 002, 000 篇3), pure: every function takes the instant it
 * reasons about, so the browser and the hub inject the same `Clock` (a function returning "now") and tests
 * move time by hand.
 *
 * - Complaint: answered **or** resolved within 24 clock hours (002:21 "24小時內予以解決或答復"); either stops it.
 * - Calls: ordinary within 24 hours, important ones the same day (001:142 "一般來電應在24小時內做出答復,重要來電應當天內").
 * - Letters (and faxes, written like letters — 004 lists 信函、傳真 together): 3 working days (000 篇3 "三個工作日內"),
 *   on the site's calendar (weekends, public holidays, mainland make-up working days) and in its zone.
 * - Repairs: small ones the same day, larger ones within a week (001:399); a follow-up within 24 hours of
 *   completion (001:400). The same 24 hours apply to the follow-up of every handled case.
 * Where several clocks apply (an important call that is a complaint), the earliest due time wins.
 * "Same day" ends at the site's local midnight; "within a week" at the end of the seventh day after the order
 * (the day of the event is not counted, as src/domain/rules/calendar.ts explains for working days).
 */
import type { WorkingCalendar } from '../calendars/types.js';
import { addDays, dueAfterWorkingDays, endOfLocalDay, type CalendarWarning } from '../rules/calendar.js';
import { localDayKey } from '../time.js';
import type { ClockKind, LedgerCategory, LedgerChannel, RepairSize } from './codes.js';

/** What "now" is, injected: `() => new Date()` in production, a moved clock in tests and on a hub-linked desk. */
export type Clock = () => Date;
/** The system's clock. */
export const systemClock: Clock = () => new Date();
/** A clock `offsetMs` ahead of the system's: a desk follows its hub's time (the hub's reply carries its `now`). */
export const offsetClock =
  (offsetMs: number): Clock =>
  () =>
    new Date(Date.now() + offsetMs);

const HOUR_MS = 3_600_000;
/** A complaint is answered or resolved within 24 clock hours (002:21). */
export const COMPLAINT_HOURS = 24;
/** An ordinary call is answered within 24 hours (001:142). */
export const CALL_HOURS = 24;
/** A letter is answered within 3 working days (000 篇3). */
export const LETTER_WORKING_DAYS = 3;
/** A larger repair is done within a week (001:399 "一星期內"): seven days after the order's day. */
export const LARGE_REPAIR_DAYS = 7;
/** A handled case is followed up within 24 hours (001:400 "須在24小時內做好回訪"). */
export const FOLLOW_UP_HOURS = 24;
/** How long before its due time a running clock shows as "due soon" on the desk: two hours, time to act. */
export const DUE_SOON_MS = 2 * HOUR_MS;

/** What decides the entry's clock. */
export interface ClockInput {
  channel: LedgerChannel;
  category: LedgerCategory;
  /** The receptionist marked the call important (the seeds' 重要來電). */
  important: boolean;
}

/** An entry's due time and the clock that set it; `due` absent for `none`. */
export interface EntryDue {
  kind: ClockKind;
  due?: Date;
  /** The working-day clock counted days its calendar does not settle (e.g. 2027 before its list is published). */
  warning?: CalendarWarning;
}

/** The site facts the clocks need. */
export interface ClockSite {
  calendar: WorkingCalendar;
  timeZone: string;
}

/** Each clock that applies to the input, with its due time from `receivedAt`. */
function candidates(input: ClockInput, receivedAt: Date, site: ClockSite): EntryDue[] {
  const out: EntryDue[] = [];
  if (input.category === 'complaint') out.push({ kind: 'complaint-24h', due: new Date(receivedAt.getTime() + COMPLAINT_HOURS * HOUR_MS) });
  if (input.channel === 'call') {
    out.push(
      input.important
        ? { kind: 'important-call-same-day', due: endOfLocalDay(localDayKey(receivedAt, site.timeZone), site.timeZone) }
        : { kind: 'call-24h', due: new Date(receivedAt.getTime() + CALL_HOURS * HOUR_MS) },
    );
  }
  if (input.channel === 'letter' || input.channel === 'fax') {
    const d = dueAfterWorkingDays(receivedAt, LETTER_WORKING_DAYS, site.calendar, site.timeZone);
    out.push(d.warning ? { kind: 'letter-3-working-days', due: d.due, warning: d.warning } : { kind: 'letter-3-working-days', due: d.due });
  }
  return out;
}

/** The entry's due time: the earliest clock that applies, or `none` (a visit that is not a complaint). */
export function entryDue(input: ClockInput, receivedAt: Date, site: ClockSite): EntryDue {
  let best: EntryDue = { kind: 'none' };
  for (const c of candidates(input, receivedAt, site)) if (best.due === undefined || (c.due && c.due.getTime() < best.due.getTime())) best = c;
  return best;
}

/** A repair order's due time: the end of the order's local day (small) or of the seventh day after it (large). */
export function repairDue(size: RepairSize, orderedAt: Date, timeZone: string): { kind: ClockKind; due: Date } {
  const day = localDayKey(orderedAt, timeZone);
  return size === 'small'
    ? { kind: 'repair-same-day', due: endOfLocalDay(day, timeZone) }
    : { kind: 'repair-one-week', due: endOfLocalDay(addDays(day, LARGE_REPAIR_DAYS), timeZone) };
}

/** When the follow-up of a case handled (resolved, or its repair completed) at `handledAt` is due. */
export const followUpDue = (handledAt: Date): Date => new Date(handledAt.getTime() + FOLLOW_UP_HOURS * HOUR_MS);

/**
 * A clock as the desk shows it: `met` / `late` once stopped (on or before / after its due time), `overdue`
 * while running past it, `due-soon` within `DUE_SOON_MS` of it, `running` before that, `none` without a clock.
 */
export type ClockState = 'none' | 'running' | 'due-soon' | 'overdue' | 'met' | 'late';

export function clockState(dueAt: string | undefined, stoppedAt: string | undefined, now: Date): ClockState {
  if (dueAt === undefined) return 'none';
  const due = Date.parse(dueAt);
  if (stoppedAt !== undefined) return Date.parse(stoppedAt) <= due ? 'met' : 'late';
  const t = now.getTime();
  if (t > due) return 'overdue';
  return due - t <= DUE_SOON_MS ? 'due-soon' : 'running';
}
