import type { Jurisdiction } from '../codes.js';
import { localDayKey } from '../time.js';
import { CN_CALENDAR } from '../calendars/cn.js';
import { HK_CALENDAR } from '../calendars/hk.js';
import type { Weekday, WorkingCalendar } from '../calendars/types.js';

/**
 * The working-day clock (DOMAIN.md "Clocks"): weekends, public holidays and mainland make-up working days
 * come from a `WorkingCalendar` (src/domain/calendars); days begin and end at the site's local midnight.
 *
 * **How a period is counted.** "Within two working days after closing" (000:34 "處理完畢后，在兩個工作日內")
 * is counted as both jurisdictions count periods in days: the day of the event is not counted, counting
 * starts the next day, and the period ends at the end (24:00) of its last day — PRC Civil Code arts. 201 and
 * 203; Hong Kong's Interpretation and General Clauses Ordinance (Cap. 1) s. 71. So an incident closed at any
 * time on Monday 3 August 2026 (Hong Kong) must be filed by the end of Wednesday 5 August; closed on a Friday,
 * by the end of Tuesday. `due` is the last millisecond of that day in the site's zone: a record filed at or
 * before `due` is on time (`isOverdue(due, now)` is `now > due`).
 */

/** Days in a record's filing period (000:34 "在兩個工作日內填報《突發事件處理記錄表》"). */
export const INCIDENT_RECORD_WORKING_DAYS = 2;
/** Longest period counted: the seeds' longest working-day clock is 3 days (letters); a year is ample. */
export const MAX_WORKING_DAYS = 366;
/** Days scanned before giving up: a calendar whose every day is off would otherwise never end. */
const MAX_SCAN_DAYS = 3 * 366;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a `YYYY-MM-DD` key; throws `RangeError` for a malformed or impossible date. */
function utcOf(dayKey: string): number {
  const m = DAY_KEY.exec(dayKey);
  if (!m) throw new RangeError(`not a day key: ${dayKey}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`no such date: ${dayKey}`);
  return t;
}

function keyOf(utc: number): string {
  const d = new Date(utc);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Whether `dayKey` is a real date written `YYYY-MM-DD`. */
export function isDayKey(dayKey: string): boolean {
  try {
    utcOf(dayKey);
    return true;
  } catch {
    return false;
  }
}

/** The day `days` after (or before, if negative) `dayKey`; calendar arithmetic, no time zone involved. */
export function addDays(dayKey: string, days: number): string {
  return keyOf(utcOf(dayKey) + days * MS_PER_DAY);
}

/** The weekday of a date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayKey: string): Weekday {
  return new Date(utcOf(dayKey)).getUTCDay() as Weekday;
}

interface CalendarIndex {
  off: ReadonlySet<string>;
  on: ReadonlySet<string>;
  weekend: ReadonlySet<number>;
}

// Calendars are data parsed once and never changed, so their lookup sets are built once per object.
const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function indexOf(calendar: WorkingCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (!index) {
    index = {
      off: new Set(calendar.holidays.map((h) => h.date)),
      on: new Set(calendar.workingDays.map((w) => w.date)),
      weekend: new Set(calendar.weekend),
    };
    indexes.set(calendar, index);
  }
  return index;
}

/**
 * Whether `dayKey` is a working day: a listed make-up working day always is (调休: a Saturday or Sunday
 * worked); otherwise a listed holiday or a weekend day is not, and every other day is.
 */
export function isWorkingDay(dayKey: string, calendar: WorkingCalendar): boolean {
  const index = indexOf(calendar);
  if (index.on.has(dayKey)) return true;
  if (index.off.has(dayKey)) return false;
  return !index.weekend.has(weekdayOf(dayKey));
}

/** The span of official data, and the last date of provisional data if there is any. */
export function calendarCoverage(calendar: WorkingCalendar): { from: string; to: string; provisionalTo?: string } {
  const { from, to } = calendar.coverage;
  return calendar.provisionalTo === undefined ? { from, to } : { from, to, provisionalTo: calendar.provisionalTo };
}

/**
 * A computation that looked at days the data do not settle: `calendar-data-provisional` when they are only
 * derived (e.g. 2027 before its list was published), `calendar-data-ended` when there are no data at all
 * (only weekends were counted).
 */
export type CalendarWarning = 'calendar-data-ended' | 'calendar-data-provisional';

/** How well the calendar knows `dayKey`. */
export function dataStatus(dayKey: string, calendar: WorkingCalendar): 'official' | 'provisional' | 'none' {
  const { from, to, provisionalTo } = calendarCoverage(calendar);
  if (dayKey < from) return 'none';
  if (dayKey <= to) return 'official';
  return provisionalTo !== undefined && dayKey <= provisionalTo ? 'provisional' : 'none';
}

/** The ship's calendar for a jurisdiction (Hong Kong general holidays, or the mainland's with 调休). */
export const calendarFor = (jurisdiction: Jurisdiction): WorkingCalendar => (jurisdiction === 'CN' ? CN_CALENDAR : HK_CALENDAR);

/**
 * The first instant of `dayKey` in `timeZone` (usually local midnight; later where a clock change skips
 * midnight). Found by bisection on the zone's own day keys, so it holds for any offset and any DST rule.
 */
export function startOfLocalDay(dayKey: string, timeZone: string): Date {
  const utcMidnight = utcOf(dayKey);
  // Zone offsets run from UTC−12 to UTC+14: local midnight lies within these bounds of UTC midnight.
  let lo = utcMidnight - 15 * MS_PER_HOUR; // still the day before everywhere
  let hi = utcMidnight + 13 * MS_PER_HOUR; // already this day everywhere
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayKey(new Date(mid), timeZone) >= dayKey) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The last millisecond of `dayKey` in `timeZone`. */
export function endOfLocalDay(dayKey: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(dayKey, 1), timeZone).getTime() - 1);
}

/** A due time on the working-day clock. */
export interface WorkingDayDue {
  /** The last millisecond of the last working day, in the site's zone. */
  due: Date;
  /** That day, `YYYY-MM-DD` in the site's zone — what the desk shows. */
  dayKey: string;
  /** Present when a day counted lies outside the calendar's official data. */
  warning?: CalendarWarning;
}

/**
 * The end of the `days`-th working day after the local day of `from` (that day itself not counted; see the
 * module comment). `days = 0` is the end of `from`'s own day. Throws `RangeError` for a count that is not an
 * integer in 0 … `MAX_WORKING_DAYS`, an unknown zone, or a calendar with no working day in sight.
 */
export function dueAfterWorkingDays(from: Date, days: number, calendar: WorkingCalendar, timeZone: string): WorkingDayDue {
  if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) throw new RangeError(`working days out of range: ${days}`);
  let key = localDayKey(from, timeZone);
  let worst: 'official' | 'provisional' | 'none' = 'official';
  for (let counted = 0, scanned = 0; counted < days; ) {
    if (++scanned > MAX_SCAN_DAYS) throw new RangeError('no working day within the scan limit');
    key = addDays(key, 1);
    const status = dataStatus(key, calendar);
    if (status === 'none' || (status === 'provisional' && worst === 'official')) worst = status;
    if (isWorkingDay(key, calendar)) counted++;
  }
  const result: WorkingDayDue = { due: endOfLocalDay(key, timeZone), dayKey: key };
  if (worst === 'none') result.warning = 'calendar-data-ended';
  else if (worst === 'provisional') result.warning = 'calendar-data-provisional';
  return result;
}

/** `dueAfterWorkingDays(…).due`: the end of the `days`-th working day after `closedAt`'s local day. */
export function addWorkingDays(closedAt: Date, days: number, calendar: WorkingCalendar, timeZone: string): Date {
  return dueAfterWorkingDays(closedAt, days, calendar, timeZone).due;
}

/**
 * When the incident record (《突發事件處理記錄表》) of an incident closed at `closedAt` is due: the end of the
 * second working day after the closing day, on the site's calendar and in its zone (000:34).
 */
export function incidentRecordDue(closedAt: Date, calendar: WorkingCalendar, timeZone: string): WorkingDayDue {
  return dueAfterWorkingDays(closedAt, INCIDENT_RECORD_WORKING_DAYS, calendar, timeZone);
}

/** Whether something due at `due` is overdue at `now` (filed at `due` exactly is still on time). */
export const isOverdue = (due: Date, now: Date): boolean => now.getTime() > due.getTime();
