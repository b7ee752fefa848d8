/**
 * Working-day calendars as data. The product ships Hong Kong and mainland calendars (`hk.ts`, `cn.ts`); a hub
 * or a configuration file may deliver newer ones (validated by `src/schemas/rules.ts`), so nothing here is
 * computed: every holiday and every make-up working day is listed, with where it came from.
 */

/** 0 = Sunday … 6 = Saturday, as in `OpeningPeriod.weekday`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A day off (public holiday, or a day off of a mainland 放假调休 block). */
export interface HolidayEntry {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** What the day is, in the source's words (English, then Chinese), for the configuration screen and audits. */
  name: string;
  /**
   * The day is derived (from the ordinance's rules or the statutory days) rather than taken from a published
   * list. Set on every entry past `coverage.to`.
   */
  provisional?: boolean;
}

/** A make-up working day (mainland 调休: a Saturday or Sunday worked in exchange for a longer holiday). */
export interface WorkingDayEntry {
  date: string;
  name: string;
}

/** Where a span of the data comes from: a published list, or a derivation still to be checked against one. */
export interface CalendarSource {
  /** The span described, e.g. `2026` or `2027-01-01..2027-12-31`. */
  covers: string;
  status: 'official' | 'derived';
  /** The document: its title, issuer, date, and an address where it is published. */
  reference: string;
}

export interface WorkingCalendar {
  /** `HK`, `CN`, or a site's own id for a custom calendar. */
  id: string;
  /** Days of the week that are not working days (a 5-day week: Saturday and Sunday). */
  weekend: Weekday[];
  /**
   * The dates for which the data are complete and taken from published lists. A computation that touches a
   * day outside this span carries a warning.
   */
  coverage: { from: string; to: string };
  /**
   * The last date for which provisional entries exist (derived, not yet checked against a published list).
   * Absent: no provisional data. Days after it have no data at all.
   */
  provisionalTo?: string;
  holidays: HolidayEntry[];
  workingDays: WorkingDayEntry[];
  sources: CalendarSource[];
}
