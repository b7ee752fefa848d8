/** The desk's rules (issue 4): classification, routing, tours, the working-day clock and the watch list. */
export * from './codes.js';
export * from './config.js';
export * from './presets.js';
export * from './classify.js';
export * from './routing.js';
export * from './tours.js';
export * from './calendar.js';
// Types only: the matcher carries opencc-js's dictionaries (≈ 50 KB gzip), so code that matches imports
// './watchlist.js' itself (the desk fetches it lazily, only when it has a watch list) — never through here.
export type { MatchStrength, WatchListEntry, WatchListMatch, WatchListSubject } from './watchlist.js';
export type { CalendarSource, HolidayEntry, Weekday, WorkingCalendar, WorkingDayEntry } from '../calendars/types.js';
export { HK_CALENDAR } from '../calendars/hk.js';
export { CN_CALENDAR } from '../calendars/cn.js';
