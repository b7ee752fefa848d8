/**
 * A report as tables (the CSV/XLSX downloads of a report and the accessible alternative of every chart): one
 * table per section — key and count, or numerator, denominator and rate.
 */
import type { Report } from './report.js';
import type { Table } from './cells.js';

/** Decimal places of a rate in a table (a percentage with one decimal: 0.9512 → 95.1). */
const RATE_DECIMALS = 1;

/** A rate as a percentage number rounded for a table, or undefined when nothing was due. */
export const percent = (rate: number | null): number | undefined => (rate === null ? undefined : Number((rate * 100).toFixed(RATE_DECIMALS)));

/** Excel's limit on a sheet name. */
const SHEET_NAME_MAX = 31;

/** The report's sections as tables, keyed by section id (the sheet name is the id, cut to Excel's limit). */
export function reportTables(report: Report): Table[] {
  return report.sections.map((section) =>
    section.kind === 'counts'
      ? { name: section.id.slice(0, SHEET_NAME_MAX), columns: ['key', 'count'], rows: [...section.keys.map((k) => [k, section.counts[k] ?? 0]), ['total', section.total]] }
      : { name: section.id.slice(0, SHEET_NAME_MAX), columns: ['numerator', 'denominator', 'percent'], rows: [[section.numerator, section.denominator, percent(section.rate)]] },
  );
}

/** The whole report as one long table (one CSV file): section, key, value. */
export function reportFlatTable(report: Report): Table {
  const rows: (string | number | undefined)[][] = [];
  for (const section of report.sections) {
    if (section.kind === 'counts') {
      for (const key of section.keys) rows.push([section.id, key, section.counts[key] ?? 0]);
      rows.push([section.id, 'total', section.total]);
    } else {
      rows.push([section.id, 'numerator', section.numerator], [section.id, 'denominator', section.denominator], [section.id, 'percent', percent(section.rate)]);
    }
  }
  return { name: `report ${report.period.label}`.slice(0, SHEET_NAME_MAX), columns: ['section', 'key', 'value'], rows };
}
