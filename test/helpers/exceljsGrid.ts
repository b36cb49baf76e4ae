/** Test-only: an exceljs worksheet as a Grid (to build expectations independently of the package reader). */
import type ExcelJS from 'exceljs';
import type { CellBox, Grid } from '../../src/domain/sheet/grid';
import type { CellInput } from '../../src/domain/types';
import { formatValue } from '../../src/xlsx/numberFormat';
import { serialFromDate } from '../../src/domain/excelDate';

/**
 * A worksheet as the engine reads it: the used range's values as Excel holds them (dates
 * as serial numbers, percentages as fractions, formulas as their cached results), the
 * text Excel would display under each cell's number format, the formats and the merges.
 * The same Grid the Excel adapter builds from `range.values/text/numberFormat`.
 *
 * @example
 * const grid = gridFromWorksheet(workbook.getWorksheet('Dec-20')!);
 * grid.text[4][6] // 'Oct-20' where values[4][6] is 44105
 */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  // One pass over the stored cells (exceljs keeps rows sparse); blanks are filled in after.
  const found: Array<{ row: number; col: number; value: CellInput; format: string }> = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cellValue(cell);
      if (value === null) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      found.push({ row: r, col: c, value, format: cell.numFmt || 'General' });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const merges = readMerges(ws);
  // Excel's used range covers merged areas too (a banner merged across blank cells).
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return { sheetName: ws.name, top: 0, left: 0, values: [], text: [], numberFormats: [], merges };

  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellInput[][] = Array.from({ length: height }, () => new Array<CellInput>(width).fill(null));
  const text: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(''));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill('General'));
  for (const f of found) {
    values[f.row - top]![f.col - left] = f.value;
    text[f.row - top]![f.col - left] = formatValue(f.value, f.format);
    numberFormats[f.row - top]![f.col - left] = f.format;
  }
  // A blank cell keeps its own number format (the engine reads a blank `0.0%` cell as a % row).
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1 - top;
    if (r < 0 || r >= height) return;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = colNumber - 1 - left;
      if (c >= 0 && c < width && values[r]![c] === null && cell.numFmt) numberFormats[r]![c] = cell.numFmt;
    });
  });
  return { sheetName: ws.name, top, left, values, text, numberFormats, merges };
}

/**
 * The value Excel's `range.values` would give for a cell. Merged cells other than the
 * top-left one are blank in Excel, though exceljs reports the master's value for them.
 */
export function cellValue(cell: ExcelJS.Cell): CellInput {
  if (cell.type === 1 /* ValueType.Merge */ && cell.master !== cell) return null;
  return plainValue(cell.value);
}

function plainValue(value: ExcelJS.CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (value instanceof Date) return serialFromDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return 'error' in result ? result.error : null;
    return plainValue(result as ExcelJS.CellValue);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJS.CellValue);
  return null;
}

function readMerges(ws: ExcelJS.Worksheet): CellBox[] {
  const ranges: string[] = ws.model.merges ?? [];
  const boxes: CellBox[] = [];
  for (const range of ranges) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (!m) continue;
    boxes.push({ top: Number(m[2]) - 1, left: columnIndex(m[1]!), bottom: Number(m[4]) - 1, right: columnIndex(m[3]!) });
  }
  return boxes;
}

/** 0-based column index for column letters: A -> 0, AA -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

