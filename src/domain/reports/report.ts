/**
 * The report's shape and its arithmetic, pure: a report is a list of SECTIONS, each either counts by key
 * (visits by type, incidents by class…) or a rate (records on time / records due). Every section is built by
 * a data provider from counts it already aggregated (the hub with SQL, the desk from IndexedDB): a new
 * feature (parcels, cards, goods passes) adds its own provider and section ids without touching these.
 *
 * Sections hold numbers only — no name, no id of a person, no free text — so any of them may leave the site.
 * `crossSite: false` marks a section whose keys only mean something at one site (a site's own subject
 * taxonomy): it is dropped when sites are added together (`mergeReports`).
 */
import type { ReportPeriod } from './period.js';

export interface CountsSection {
  kind: 'counts';
  /** Stable id (`visits-by-type`); the desk's wording is looked up by it. */
  id: string;
  /** Every key in display order, each present in `counts` (zero when nothing happened). */
  keys: string[];
  counts: Record<string, number>;
  total: number;
  crossSite: boolean;
}

export interface RateSection {
  kind: 'rate';
  id: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when nothing was due (an empty month is "no data", not 0 % or 100 %). */
  rate: number | null;
  crossSite: boolean;
}

export type ReportSection = CountsSection | RateSection;

export interface Report {
  period: ReportPeriod;
  /** How many sites the figures cover (1 for a site's own report). */
  sites: number;
  sections: ReportSection[];
}

/** A counts section over `keys` (in that order); keys seen in `counts` but not listed are appended, sorted. */
export function countsSection(id: string, keys: readonly string[], counts: Readonly<Record<string, number>>, crossSite = true): CountsSection {
  const extra = Object.keys(counts).filter((k) => !keys.includes(k)).sort();
  const all = [...keys, ...extra];
  const out: Record<string, number> = {};
  let total = 0;
  for (const key of all) {
    const n = counts[key] ?? 0;
    out[key] = n;
    total += n;
  }
  return { kind: 'counts', id, keys: all, counts: out, total, crossSite };
}

/** A rate section: null when the denominator is 0. */
export function rateSection(id: string, numerator: number, denominator: number, crossSite = true): RateSection {
  return { kind: 'rate', id, numerator, denominator, rate: denominator === 0 ? null : numerator / denominator, crossSite };
}

/** Adds `{key, n}` rows into a record (rows may repeat a key: they are summed). */
export function tally(rows: Iterable<{ key: string; n: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { key, n } of rows) out[key] = (out[key] ?? 0) + n;
  return out;
}

/**
 * Several sites' reports of one period added together: counts and rate terms summed per section id; sections
 * that are not `crossSite` are left out, and so is anything not a number. The result names no site.
 */
export function mergeReports(period: ReportPeriod, reports: readonly Report[]): Report {
  const merged = new Map<string, ReportSection>();
  for (const report of reports) {
    for (const section of report.sections) {
      if (!section.crossSite) continue;
      const seen = merged.get(section.id);
      if (!seen) {
        merged.set(section.id, section.kind === 'counts' ? countsSection(section.id, section.keys, section.counts) : rateSection(section.id, section.numerator, section.denominator));
      } else if (seen.kind === 'counts' && section.kind === 'counts') {
        const sum = { ...seen.counts };
        for (const key of section.keys) sum[key] = (sum[key] ?? 0) + (section.counts[key] ?? 0);
        merged.set(section.id, countsSection(section.id, seen.keys, sum));
      } else if (seen.kind === 'rate' && section.kind === 'rate') {
        merged.set(section.id, rateSection(section.id, seen.numerator + section.numerator, seen.denominator + section.denominator));
      }
    }
  }
  return { period, sites: reports.reduce((n, r) => n + r.sites, 0), sections: [...merged.values()] };
}

/** A section by id, for tests and views. */
export function sectionById<K extends ReportSection['kind']>(report: Report, id: string, kind: K): Extract<ReportSection, { kind: K }> | undefined {
  const section = report.sections.find((s) => s.id === id);
  return section?.kind === kind ? (section as Extract<ReportSection, { kind: K }>) : undefined;
}
