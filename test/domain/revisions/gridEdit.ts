/**
 * Test helpers that re-run a seed month the way an analyst does: roll the month columns
 * one to the left, type revised figures, insert, delete and move rows, rename the sheet.
 * Each edit returns a new Grid (inputs are never mutated) and cells are typed through
 * `excelCell`, so values, text and formats are what Excel would hold.
 */
import type { Grid } from '../../../src/domain/sheet/grid';
import type { CellInput } from '../../../src/domain/types';
import { excelCell, excelSerial, monthLabel, parseMonthLabel } from '../../fixtures/excelCell';

function clone(grid: Grid): Grid {
  return {
    ...grid,
    values: grid.values.map((r) => [...r]),
    text: grid.text.map((r) => [...r]),
    numberFormats: grid.numberFormats.map((r) => [...r]),
    merges: grid.merges?.map((m) => ({ ...m })),
  };
}

function width(grid: Grid): number {
  return Math.max(...grid.values.map((r) => r.length));
}

/** Type `typed` into a cell (0-based absolute row and column). */
export function typeCell(grid: Grid, row: number, col: number, typed: string): Grid {
  return typeCells(grid, [{ row, col, typed }]);
}

/** Type into many cells at once (one copy of the grid, however many cells). */
export function typeCells(grid: Grid, cells: ReadonlyArray<{ row: number; col: number; typed: string }>): Grid {
  const g = clone(grid);
  for (const { row, col, typed } of cells) typeInto(g, row, col, typed);
  return g;
}

function typeInto(g: Grid, row: number, col: number, typed: string): void {
  const c = excelCell(typed);
  const i = row - g.top;
  const j = col - g.left;
  while (g.values[i].length <= j) {
    g.values[i].push(null);
    g.text[i].push('');
    g.numberFormats[i].push('General');
  }
  g.values[i][j] = c.value;
  g.text[i][j] = c.text;
  g.numberFormats[i][j] = c.numberFormat;
}

/** The row (0-based absolute) whose cell in `col` shows `text`, searching from `from`. */
export function findRow(grid: Grid, col: number, text: string, from = 0): number {
  for (let i = Math.max(0, from - grid.top); i < grid.values.length; i++) {
    if ((grid.text[i][col - grid.left] ?? '').trim() === text) return grid.top + i;
  }
  throw new Error(`no row shows ${text} in column ${col}`);
}

/** Columns (0-based absolute) of the month header cells on `headerRow`, oldest first. */
export function monthColumns(grid: Grid, headerRow: number): number[] {
  const i = headerRow - grid.top;
  return grid.text[i].flatMap((t, j) => (parseMonthLabel(t) ? [grid.left + j] : []));
}

/**
 * Next month's layout of a table: the month headers move on one month and every body row's
 * figures move one column left (the oldest month drops off); the new month is blank.
 */
export function rollMonths(grid: Grid, headerRow: number, bodyTop: number, bodyBottom: number): Grid {
  const g = clone(grid);
  const cols = monthColumns(g, headerRow);
  const h = headerRow - g.top;
  for (const col of cols) {
    const j = col - g.left;
    const m = parseMonthLabel(g.text[h][j])!;
    const next = m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 };
    g.values[h][j] = excelSerial(next.year, next.month);
    g.text[h][j] = monthLabel(next.year, next.month);
  }
  for (let r = bodyTop; r <= bodyBottom; r++) {
    const i = r - g.top;
    for (let k = 0; k < cols.length; k++) {
      const j = cols[k] - g.left;
      const from = k + 1 < cols.length ? cols[k + 1] - g.left : -1;
      g.values[i][j] = from >= 0 ? (g.values[i][from] ?? null) : null;
      g.text[i][j] = from >= 0 ? (g.text[i][from] ?? '') : '';
      g.numberFormats[i][j] = from >= 0 ? (g.numberFormats[i][from] ?? 'General') : 'General';
    }
  }
  return g;
}

/** Insert a row of typed cells above `row`; rows below (and merges) move down. */
export function insertRow(grid: Grid, row: number, typed: string[]): Grid {
  const g = clone(grid);
  const i = row - g.top;
  const cells = Array.from({ length: width(g) }, (_, j) => excelCell(typed[j] ?? ''));
  g.values.splice(i, 0, cells.map((c) => c.value as CellInput));
  g.text.splice(i, 0, cells.map((c) => c.text));
  g.numberFormats.splice(i, 0, cells.map((c) => c.numberFormat));
  g.merges = g.merges?.map((m) => (m.top >= row ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
  return g;
}

/** Delete a row; rows below (and merges) move up. */
export function deleteRow(grid: Grid, row: number): Grid {
  const g = clone(grid);
  const i = row - g.top;
  g.values.splice(i, 1);
  g.text.splice(i, 1);
  g.numberFormats.splice(i, 1);
  g.merges = g.merges?.map((m) => (m.top > row ? { ...m, top: m.top - 1, bottom: m.bottom - 1 } : m));
  return g;
}

/** Move `count` rows starting at `from` so that they start at `to` (cut and insert). */
export function moveRows(grid: Grid, from: number, count: number, to: number): Grid {
  const g = clone(grid);
  const i = from - g.top;
  const cut = <T>(rows: T[][]): T[][] => rows.splice(i, count);
  const values = cut(g.values);
  const text = cut(g.text);
  const formats = cut(g.numberFormats);
  const at = to - g.top;
  g.values.splice(at, 0, ...values);
  g.text.splice(at, 0, ...text);
  g.numberFormats.splice(at, 0, ...formats);
  return g;
}

export function renameSheet(grid: Grid, sheetName: string): Grid {
  return { ...clone(grid), sheetName };
}
