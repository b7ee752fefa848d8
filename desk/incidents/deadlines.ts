/**
 * The desk's small clocks for tasks and the end of the day: when a host's message must be passed on, and when
 * a visitor has been on site too long. Pure functions over the site's zone and reception hours.
 */
import { addDays, startOfLocalDay, weekdayOf } from '../../src/domain/rules/index.js';
import type { ReceptionHours } from '../../src/domain/site.js';
import { localDayKey, minutesOf } from '../../src/domain/time.js';
import type { Visit } from '../../src/domain/visit.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/**
 * A desk that never closes has no "end of the reception day": four hours is half a shift, so the call-back
 * is owed by the shift that took the message, not handed over unnoticed.
 */
export const HOST_MESSAGE_ALWAYS_OPEN_HOURS = 4;

/** A week: every weekday recurs in it, so if no period closes within it, none ever will. */
const RECEPTION_SCAN_DAYS = 8;

/**
 * Visitors on site longer than this are shown as an overstay: a working day. Nobody is checked out for it;
 * the desk only looks.
 */
export const OVERSTAY_HOURS = 8;

/**
 * Days back the desk looks for messages left for absent hosts: a desk closed over a long weekend or a
 * holiday still finds the messages left meanwhile.
 */
export const HOST_MESSAGE_LOOKBACK_DAYS = 7;

/**
 * When a host's message left at `leftAt` must be passed on: the end of the reception day it was left on (the
 * last closing time of that local day, if still ahead), else the next reception day's end; a site open
 * around the clock — or one without any period — gets `HOST_MESSAGE_ALWAYS_OPEN_HOURS`. Closing times are
 * added to the local midnight, which is exact in zones without a clock change that day (Hong Kong, China).
 */
export function hostMessageDue(leftAt: Date, hours: ReceptionHours, timeZone: string): Date {
  const fallback = new Date(leftAt.getTime() + HOST_MESSAGE_ALWAYS_OPEN_HOURS * MS_PER_HOUR);
  if (hours.kind === 'always') return fallback;
  const first = localDayKey(leftAt, timeZone);
  for (let i = 0; i < RECEPTION_SCAN_DAYS; i++) {
    const day = addDays(first, i);
    const weekday = weekdayOf(day);
    const closes = hours.periods.filter((p) => p.weekday === weekday).map((p) => minutesOf(p.close));
    if (closes.length === 0) continue;
    const end = new Date(startOfLocalDay(day, timeZone).getTime() + Math.max(...closes) * MS_PER_MINUTE);
    if (end.getTime() > leftAt.getTime()) return end;
  }
  return fallback;
}

/** When the visitor last entered `status` (the life-cycle history), else when the visit was made. */
export function enteredStatusAt(visit: Pick<Visit, 'history' | 'createdAt'>, status: Visit['status']): Date {
  const change = [...visit.history].reverse().find((h) => h.status === status);
  return new Date(change?.at ?? visit.createdAt);
}

/** Whether a visitor checked in at `since` has been on site longer than `hours` at `now`. */
export const isOverstay = (since: Date, now: Date, hours: number = OVERSTAY_HOURS): boolean => now.getTime() - since.getTime() > hours * MS_PER_HOUR;
