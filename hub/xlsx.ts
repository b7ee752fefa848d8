/**
 * Tables as an XLSX workbook (exceljs — not the abandoned `xlsx` package): one sheet per table, a bold,
 * frozen header row, every text cell neutralised against formula injection (src/domain/reports/cells.ts) even
 * though exceljs writes text as text — a manager who saves the sheet as CSV must not arm it either.
 */
import ExcelJS from 'exceljs';
import { safeCell, type Table } from '../src/domain/reports/cells.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function xlsxOf(tables: readonly Table[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Visitor Kiosk hub';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow([...table.columns]);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(row.map(safeCell));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
