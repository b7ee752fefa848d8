import { localTime } from '../../src/domain/time.js';

/**
 * Wall-clock input in the site's zone. Staff type "15:00" meaning 3 pm at the site, whatever zone the PC or
 * phone is set to, so `<input type="date">` / `type="time"` values are read here and never through `Date`'s
 * own local-time parsing.
 */

const MS_PER_MINUTE = 60_000;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/;

/** The zone's offset from UTC at `at`, in milliseconds (whole minutes: seconds never differ between zones now in use). */
function offsetAt(at: number, timeZone: string): number {
  const local = localTime(new Date(at), timeZone);
  const [y, m, d] = local.dayKey.split('-').map(Number);
  const localMs = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) + local.minutes * MS_PER_MINUTE;
  return localMs - Math.floor(at / MS_PER_MINUTE) * MS_PER_MINUTE;
}

/**
 * The instant at which the site's clock shows `hhmm` on `dayKey` (both as `<input>` elements give them), or
 * `undefined` when either is not a valid value. In a time skipped by a clock change the later offset applies;
 * Hong Kong and the mainland have no clock changes.
 */
export function localInstant(dayKey: string, hhmm: string, timeZone: string): Date | undefined {
  const day = DAY_KEY.exec(dayKey);
  const time = HH_MM.exec(hhmm);
  if (!day || !time) return undefined;
  const naive = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(time[1]), Number(time[2]));
  const check = new Date(naive);
  // Rejects 31 February and the like (Date rolls them over) and years below 100 (Date.UTC maps them to 19xx).
  if (check.getUTCFullYear() !== Number(day[1]) || check.getUTCMonth() !== Number(day[2]) - 1 || check.getUTCDate() !== Number(day[3])) return undefined;
  // Two passes: the offset at the naive instant, then at the corrected one (differs only near a clock change).
  const first = naive - offsetAt(naive, timeZone);
  return new Date(naive - offsetAt(first, timeZone));
}
