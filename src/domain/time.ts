import type { ReceptionHours } from './site.js';

/**
 * Local dates and times in a site's IANA zone. Day keys decide which visits are "today's", so they follow the
 * site's midnight, never UTC's and never the tablet's own zone setting.
 */

/** The site's local wall clock at an instant. */
export interface LocalTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** Minutes since local midnight, 0 … 1439. */
  minutes: number;
  /** Local date, `YYYY-MM-DD`. */
  dayKey: string;
}

const WEEKDAYS: Readonly<Record<string, LocalTime['weekday']>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building an Intl.DateTimeFormat costs far more than using one, and day keys are computed for every
// record stored and listed: one formatter per zone, kept for the life of the page.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      numberingSystem: 'latn',
      calendar: 'gregory',
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Calendar fields at `at` in `timeZone`. Throws `RangeError` for an unknown zone. */
function fields(at: Date, timeZone: string): { year: string; month: string; day: string; hour: number; minute: number; weekday: LocalTime['weekday'] } {
  const out = { year: '', month: '', day: '', hour: 0, minute: 0, weekday: 0 as LocalTime['weekday'] };
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    switch (part.type) {
      case 'year':
        out.year = part.value.padStart(4, '0');
        break;
      case 'month':
        out.month = part.value;
        break;
      case 'day':
        out.day = part.value;
        break;
      case 'hour':
        // Older engines print midnight as "24" even with h23; it is 0 of the same day.
        out.hour = Number(part.value) % 24;
        break;
      case 'minute':
        out.minute = Number(part.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS[part.value] ?? 0;
        break;
      default:
        break;
    }
  }
  return out;
}

/** The site's local date at `at`, `YYYY-MM-DD` (e.g. 2026-11-22T16:30Z is `2026-11-23` in Hong Kong). */
export function localDayKey(at: Date, timeZone: string): string {
  const f = fields(at, timeZone);
  return `${f.year}-${f.month}-${f.day}`;
}

/** The site's local weekday, minutes since midnight and date at `at`. Throws `RangeError` for an unknown zone. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const f = fields(at, timeZone);
  return { weekday: f.weekday, minutes: f.hour * 60 + f.minute, dayKey: `${f.year}-${f.month}-${f.day}` };
}

/** An IANA zone name such as `Asia/Hong_Kong` or `UTC`: letters first, so offsets like `+08:00` are refused. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
const zoneValidity = new Map<string, boolean>();

/** Whether `timeZone` is an IANA time zone this engine knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!ZONE_NAME.test(timeZone)) return false;
  let valid = zoneValidity.get(timeZone);
  if (valid === undefined) {
    try {
      formatterFor(timeZone);
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(timeZone, valid);
  }
  return valid;
}

/** Minutes since midnight of an `HH:MM` string (`24:00` is 1440, the end of the day). */
export function minutesOf(hhmm: string): number {
  const [h = '', m = ''] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * Whether reception is staffed at `at`: always for `always`; otherwise when the site's local weekday and time
 * fall in a period (open inclusive, close exclusive). Periods never run past midnight.
 */
export function isReceptionOpen(hours: ReceptionHours, at: Date, timeZone: string): boolean {
  if (hours.kind === 'always') return true;
  const now = localTime(at, timeZone);
  return hours.periods.some((p) => p.weekday === now.weekday && minutesOf(p.open) <= now.minutes && now.minutes < minutesOf(p.close));
}
