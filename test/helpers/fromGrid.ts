import type ExcelJS from 'exceljs';
import type { Grid } from '../../src/domain/sheet/grid';

/**
 * Writes a Grid's values, number formats and merges into a worksheet, as Excel would hold
 * them (a date is its serial number under a date format). Used to build sample workbooks
 * and test files from the seed grids; the displayed `text` follows from value and format.
 *
 * @example
 * writeGrid(workbook.addWorksheet(grid.sheetName), grid);
 */
export function writeGrid(ws: ExcelJS.Worksheet, grid: Grid): void {
  grid.values.forEach((rowValues, i) => {
    const row = ws.getRow(grid.top + i + 1);
    rowValues.forEach((value, j) => {
      const format = grid.numberFormats[i]?.[j];
      if (value === null || value === undefined || value === '') {
        if (format && format !== 'General') row.getCell(grid.left + j + 1).numFmt = format;
        return;
      }
      const cell = row.getCell(grid.left + j + 1);
      cell.value = value;
      if (format && format !== 'General') cell.numFmt = format;
    });
  });
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}
