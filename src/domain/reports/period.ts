/**
 * Report periods — ISO week, calendar month, half-year and year — as ranges of the site's local days. A
 * period is named by a label whose shape says its kind (`2026-W48`, `2026-11`, `2026-H2`, `2026`), so a URL or
 * a CLI flag carries it as one string. Day boundaries are the site's local midnight (DOMAIN.md "Clocks"): the
 * instants a period covers come from `periodBounds` with the site's IANA zone, never from UTC days.
 */
import { addDays, isDayKey, startOfLocalDay, weekdayOf } from '../rules/calendar.js';
import { localDayKey } from '../time.js';

export const REPORT_PERIOD_KINDS = ['week', 'month', 'half-year', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export interface ReportPeriod {
  kind: ReportPeriodKind;
  /** `2026-W48`, `2026-11`, `2026-H2` or `2026`. */
  label: string;
  /** First local day, `YYYY-MM-DD`. */
  from: string;
  /** Last local day (inclusive). */
  to: string;
}

/** The earliest and latest years a period may name: far enough for archives, small enough to stay 4-digit. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2999;
const DAYS_PER_WEEK = 7;
/** ISO 8601: week 1 is the week holding the year's first Thursday (the week of 4 January). */
const ISO_WEEK_ANCHOR_DAY = 4;
const THURSDAY_OFFSET = 3;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The Monday of the ISO week holding `dayKey`. */
function mondayOf(dayKey: string): string {
  return addDays(dayKey, -((weekdayOf(dayKey) + 6) % DAYS_PER_WEEK));
}

/** The ISO week-numbering year and week of `dayKey`. */
function isoWeek(dayKey: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(dayKey), THURSDAY_OFFSET);
  const year = Number(thursday.slice(0, 4));
  const firstMonday = mondayOf(`${year}-01-${pad2(ISO_WEEK_ANCHOR_DAY)}`);
  const week = Math.round((Date.parse(`${mondayOf(dayKey)}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / (DAYS_PER_WEEK * 86_400_000)) + 1;
  return { year, week };
}

/** The period of `kind` that holds the local day `dayKey`. */
export function periodContaining(kind: ReportPeriodKind, dayKey: string): ReportPeriod {
  const year = Number(dayKey.slice(0, 4));
  const month = Number(dayKey.slice(5, 7));
  switch (kind) {
    case 'week': {
      const from = mondayOf(dayKey);
      const { year: wy, week } = isoWeek(dayKey);
      return { kind, label: `${wy}-W${pad2(week)}`, from, to: addDays(from, DAYS_PER_WEEK - 1) };
    }
    case 'month':
      return { kind, label: `${year}-${pad2(month)}`, from: `${year}-${pad2(month)}-01`, to: `${year}-${pad2(month)}-${pad2(lastDayOfMonth(year, month))}` };
    case 'half-year':
      return month <= 6 ? { kind, label: `${year}-H1`, from: `${year}-01-01`, to: `${year}-06-30` } : { kind, label: `${year}-H2`, from: `${year}-07-01`, to: `${year}-12-31` };
    case 'year':
      return { kind, label: String(year), from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** The period of `kind` holding the instant `at` in the site's zone (e.g. "this month" at the desk). */
export function periodAt(kind: ReportPeriodKind, at: Date, timeZone: string): ReportPeriod {
  return periodContaining(kind, localDayKey(at, timeZone));
}

/** The period a label names, or undefined when it names none (a malformed or out-of-range label). */
export function parsePeriod(label: string): ReportPeriod | undefined {
  const match = /^(\d{4})(?:-(?:(\d{2})|W(\d{2})|H([12])))?$/.exec(label);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? periodContaining('month', `${year}-${match[2]}-01`) : undefined;
  }
  if (match[3] !== undefined) {
    const week = Number(match[3]);
    const firstMonday = mondayOf(`${year}-01-${pad2(ISO_WEEK_ANCHOR_DAY)}`);
    const monday = addDays(firstMonday, (week - 1) * DAYS_PER_WEEK);
    const period = week >= 1 ? periodContaining('week', monday) : undefined;
    // Week 53 exists only in long ISO years: in other years it would be next year's week 1.
    return period && period.label === label ? period : undefined;
  }
  if (match[4] !== undefined) return periodContaining('half-year', `${year}-${match[4] === '1' ? '01' : '07'}-01`);
  return periodContaining('year', `${year}-01-01`);
}

/** The period just before `period`, of the same kind. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return periodContaining(period.kind, addDays(period.from, -1));
}

/** The period just after `period`, of the same kind. */
export function nextPeriod(period: ReportPeriod): ReportPeriod {
  return periodContaining(period.kind, addDays(period.to, 1));
}

/** The instants a period covers in the site's zone: `start <= t < end` (local midnight to local midnight). */
export function periodBounds(period: Pick<ReportPeriod, 'from' | 'to'>, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(period.from, timeZone), end: startOfLocalDay(addDays(period.to, 1), timeZone) };
}

/** A custom range of local days (exports): both ends real dates, `from <= to`. */
export function isDayRange(from: string, to: string): boolean {
  return isDayKey(from) && isDayKey(to) && from <= to;
}
