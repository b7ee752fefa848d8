/**
 * Visit figures: by visitor type, by local hour of registration, by local day. The hub counts in SQL by UTC
 * ten-minute bucket (`UTC_BUCKET_CHARS` characters of the ISO time), because SQL does not know the site's
 * zone; the buckets are moved to local hours here. A ten-minute bucket lies inside one local hour in every
 * zone whose offset is a multiple of ten minutes — all but Nepal (+05:45) and the Chatham Islands (+12:45),
 * where a visit within five minutes of the hour may count in the neighbouring hour.
 */
import { VISITOR_TYPES } from '../codes.js';
import { addDays } from '../rules/calendar.js';
import { localTime } from '../time.js';
import type { ReportPeriod } from './period.js';
import { countsSection, tally, type CountsSection } from './report.js';

export const VISITS_BY_TYPE = 'visits-by-type';
export const VISITS_BY_HOUR = 'visits-by-hour';
export const VISITS_BY_DAY = 'visits-by-day';

/** `YYYY-MM-DDTHH:M` — a UTC ISO time cut to ten minutes. */
export const UTC_BUCKET_CHARS = 15;
const HOURS_PER_DAY = 24;
const MINUTES_PER_HOUR = 60;

/** `00` … `23`. */
export const HOUR_KEYS: readonly string[] = Array.from({ length: HOURS_PER_DAY }, (_, h) => String(h).padStart(2, '0'));

/** The local days of a period, in order (the keys of `visits-by-day`). */
export function periodDays(period: Pick<ReportPeriod, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Visits by visitor type; kept anonymised counts of purged visits are simply more rows. */
export function visitsByType(rows: Iterable<{ visitorType: string; n: number }>): CountsSection {
  return countsSection(VISITS_BY_TYPE, VISITOR_TYPES, tally([...rows].map((r) => ({ key: r.visitorType, n: r.n }))));
}

/** The first instant of a UTC bucket (`YYYY-MM-DDTHH` or `YYYY-MM-DDTHH:M`). */
export function bucketStart(bucket: string): Date {
  const full = bucket.length === 13 ? `${bucket}:00:00.000Z` : `${bucket}0:00.000Z`;
  return new Date(full);
}

/** Visits by the site's local hour, from UTC buckets. */
export function visitsByHour(buckets: Iterable<{ bucket: string; n: number }>, timeZone: string): CountsSection {
  const rows: { key: string; n: number }[] = [];
  for (const { bucket, n } of buckets) {
    const hour = Math.floor(localTime(bucketStart(bucket), timeZone).minutes / MINUTES_PER_HOUR);
    rows.push({ key: HOUR_KEYS[hour] ?? '00', n });
  }
  return countsSection(VISITS_BY_HOUR, HOUR_KEYS, tally(rows));
}

/** Visits by local day of the period (day keys outside the period are ignored). */
export function visitsByDay(rows: Iterable<{ dayKey: string; n: number }>, period: Pick<ReportPeriod, 'from' | 'to'>): CountsSection {
  const days = periodDays(period);
  const inside = [...rows].filter((r) => r.dayKey >= period.from && r.dayKey <= period.to);
  // Per-day keys are the period's own dates: meaningful across sites of one period too.
  return countsSection(VISITS_BY_DAY, days, tally(inside.map((r) => ({ key: r.dayKey, n: r.n }))));
}

/**
 * The three visit sections from visit records themselves (the desk's own IndexedDB): the same arithmetic as
 * the hub's, fed with one row per visit. Visits outside the period's days are left out.
 */
export function visitSections(visits: Iterable<{ dayKey: string; createdAt: string; visitorType: string }>, period: Pick<ReportPeriod, 'from' | 'to'>, timeZone: string): CountsSection[] {
  const inside = [...visits].filter((v) => v.dayKey >= period.from && v.dayKey <= period.to);
  return [
    visitsByType(inside.map((v) => ({ visitorType: v.visitorType, n: 1 }))),
    visitsByHour(inside.map((v) => ({ bucket: v.createdAt.slice(0, UTC_BUCKET_CHARS), n: 1 })), timeZone),
    visitsByDay(inside.map((v) => ({ dayKey: v.dayKey, n: 1 })), period),
  ];
}
