/** The desk's rules (issue 4): classification, routing, tours, the working-day clock and the watch list. */
export * from './codes.js';
export * from './config.js';
export * from './presets.js';
export * from './classify.js';
export * from './routing.js';
export * from './tours.js';
export * from './calendar.js';
export * from './watchlist.js';
export type { CalendarSource, HolidayEntry, Weekday, WorkingCalendar, WorkingDayEntry } from '../calendars/types.js';
export { HK_CALENDAR } from '../calendars/hk.js';
export { CN_CALENDAR } from '../calendars/cn.js';
