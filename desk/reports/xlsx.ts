/**
 * Tables as an XLSX workbook in the browser: exceljs loaded on first use (its own chunk; the desk never loads it
 * unless a manager asks for a workbook). The same layout as the hub's (hub/xlsx.ts): a sheet per table, a bold
 * frozen header, every text cell neutralised against formula injection.
 */
import { safeCell, type Table } from '../../src/domain/reports/cells.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function xlsxBlob(tables: readonly Table[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Visitor Kiosk desk';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow([...table.columns]);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(row.map(safeCell));
  }
  return new Blob([await workbook.xlsx.writeBuffer()], { type: XLSX_TYPE });
}
