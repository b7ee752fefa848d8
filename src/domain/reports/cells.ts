/**
 * Spreadsheet cells that cannot run. A spreadsheet reads a cell starting with `=`, `+`, `-` or `@` — and,
 * in some programs, a tab or carriage return first — as a formula: a visitor typing `=HYPERLINK(…)` as a name
 * must not become a live formula on a manager's PC (CSV/formula injection). Such text gets a leading
 * apostrophe, in CSV and in XLSX alike; numbers stay numbers. Tables (one header row, rows of cells) are
 * the common form both exports are written from.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export type CellValue = string | number | boolean | undefined | null;

/** The text of a cell with a formula start neutralised; numbers and booleans unchanged. */
export function safeCell(value: CellValue): string | number | boolean {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, then quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: CellValue): string {
  const text = String(safeCell(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface Table {
  /** Sheet name in a workbook (≤ 31 characters, no `[]:*?/\`). */
  name: string;
  columns: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

/** A table as CSV text: CRLF line ends and a final line end, as spreadsheets expect. */
export function tableCsv(table: Pick<Table, 'columns' | 'rows'>): string {
  return [table.columns.map(csvField).join(','), ...table.rows.map((row) => row.map(csvField).join(','))].join('\r\n') + '\r\n';
}
