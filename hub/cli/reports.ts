/**
 * The command line's reports and exports (issue 8), called from hub/cli/main.ts:
 *
 *   export --what visits|incidents|ledger --format csv|xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]
 *   report --period 2026-11|2026-W48|2026-H2|2026 [--format json|csv|xlsx] [--out FILE]
 *
 * Without `--out` the file goes to standard output (XLSX as bytes: redirect it). Audited as `cli`.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parsePeriod } from '../../src/domain/reports/period.js';
import { reportFlatTable, reportTables } from '../../src/domain/reports/tables.js';
import { isDayKey } from '../../src/domain/rules/calendar.js';
import { CLI_ACTOR } from '../../src/schemas/audit.js';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind } from '../../src/schemas/reports.js';
import type { HubStore } from '../db/index.js';
import { exportFile, fileOf, type ExportFile } from '../exports.js';
import { cliSiteReport } from '../reports.js';

/** A flag the command refuses (printed with the usage by main.ts). */
export class ReportUsageError extends Error {
  override readonly name = 'ReportUsageError';
}

interface Flags {
  what?: string | undefined;
  format?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  period?: string | undefined;
  out?: string | undefined;
}

/** Writes the file to `--out`, or to `sink` (standard output); returns the line to print, if any. */
async function deliver(file: ExportFile, flags: Flags, sink: (bytes: Uint8Array) => void): Promise<string | undefined> {
  if (flags.out === undefined) {
    sink(file.body);
    return undefined;
  }
  const path = resolve(flags.out);
  await writeFile(path, file.body);
  return `written: ${path} (${file.body.byteLength} bytes)`;
}

export async function exportCommand(store: HubStore, siteId: string, flags: Flags, now: Date, sink: (bytes: Uint8Array) => void): Promise<string | undefined> {
  const what = flags.what ?? 'visits';
  const format = flags.format ?? 'csv';
  if (!(EXPORT_KINDS as readonly string[]).includes(what)) throw new ReportUsageError(`--what is one of: ${EXPORT_KINDS.join(', ')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ReportUsageError(`--format is one of: ${EXPORT_FORMATS.join(', ')}`);
  for (const [flag, value] of [['from', flags.from], ['to', flags.to]] as const) if (value !== undefined && !isDayKey(value)) throw new ReportUsageError(`--${flag} is a date YYYY-MM-DD`);
  if (flags.from !== undefined && flags.to !== undefined && flags.from > flags.to) throw new ReportUsageError('--from is after --to');
  const file = await exportFile(store, siteId, { what: what as ExportKind, format: format as ExportFormat, from: flags.from, to: flags.to }, { actor: CLI_ACTOR, at: now });
  return deliver(file, flags, sink);
}

export async function reportCommand(store: HubStore, siteId: string, flags: Flags, now: Date, sink: (bytes: Uint8Array) => void): Promise<string | undefined> {
  const period = flags.period !== undefined ? parsePeriod(flags.period) : undefined;
  if (!period) throw new ReportUsageError('--period names a week, month, half-year or year: 2026-W48, 2026-11, 2026-H2, 2026');
  const format = flags.format ?? 'json';
  if (format !== 'json' && !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ReportUsageError('--format is one of: json, csv, xlsx');
  const report = await cliSiteReport(store, siteId, period, now);
  const file =
    format === 'json'
      ? { body: new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`), contentType: 'application/json', fileName: `report-${period.label}.json` }
      : await fileOf(format === 'xlsx' ? reportTables(report) : [reportFlatTable(report)], format as ExportFormat, `report-${period.label}`);
  return deliver(file, flags, sink);
}
