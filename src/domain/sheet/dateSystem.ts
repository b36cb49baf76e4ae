/**
 * Workbooks of the 1904 date system. Excel for Mac saved workbooks counting days from 1
 * January 1904 until 2011, and every Excel since keeps a file in the system it was saved
 * in (File > Options > Advanced, "Use 1904 date system"). Such a workbook stores each
 * date 1,462 days lower than the 1900 system does; Excel shows the same date either way.
 * The engine speaks 1900 serials only: a Grid's dates are converted on the way in, and
 * the adapters take the difference off again when they write a date.
 *
 * The xlsx adapter reads the system from the workbook part (`workbookPr/@date1904`).
 * Office.js has no property for it (none in @types/office-js), so the Excel adapter reads
 * it from what Excel shows: a month header's displayed text (`Dec-20`) against its value.
 */
import { DAYS_1904_AFTER_1900 } from '../excelDate';
import type { RollForwardWrite } from '../plan/types';
import type { Grid } from './grid';
import { isDateFormat, readMonthCell, serialMonth } from './months';

/** `isDateFormat`, each code tested once (a sheet has a handful of formats over its cells). */
function dateFormats(): (format: string) => boolean {
  const known = new Map<string, boolean>();
  return (format) => {
    let isDate = known.get(format);
    if (isDate === undefined) known.set(format, (isDate = isDateFormat(format)));
    return isDate;
  };
}

/**
 * Whether the cells' dates are shown as the 1904 date system shows them: among numbers
 * under a date format whose displayed text names a month (`Dec-20`, `December 2020`),
 * more read right counted from 1904 than from 1900. No such cell: false (the 1900 system,
 * Excel's default), so nothing is shifted on a guess.
 *
 * @example shows1904Dates([[42704]], [['Dec-20']], [['mmm-yy']]) // true
 * @example shows1904Dates([[44166]], [['Dec-20']], [['mmm-yy']]) // false
 */
export function shows1904Dates(values: readonly (readonly unknown[])[], text: readonly (readonly string[])[], numberFormats: readonly (readonly string[])[]): boolean {
  const isDate = dateFormats();
  let from1900 = 0;
  let from1904 = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'number') continue;
      if (!isDate(numberFormats[r]?.[c] ?? 'General')) continue;
      const shown = readMonthCell(text[r]?.[c] ?? '', text[r]?.[c] ?? '', 'General');
      if (!shown) continue;
      const same = (m: { year: number; month: number }): boolean => m.year === shown.year && m.month === shown.month;
      if (same(serialMonth(v))) from1900++;
      else if (same(serialMonth(v + DAYS_1904_AFTER_1900))) from1904++;
    }
  }
  return from1904 > from1900;
}

/**
 * The grid with its dates as 1900 serials: every number under a date format raised by
 * 1,462 days, and `date1904` set so a writer knows to lower the dates it writes.
 *
 * @example in1900Serials(grid).values // Dec-20's header 42704 -> 44166
 */
export function in1900Serials(grid: Grid): Grid {
  const isDate = dateFormats();
  const values = grid.values.map((row, r) => row.map((v, c) => (typeof v === 'number' && isDate(grid.numberFormats[r]?.[c] ?? 'General') ? v + DAYS_1904_AFTER_1900 : v)));
  return { ...grid, values, date1904: true };
}

/**
 * A date serial (1900 system) as a workbook of the grid's date system stores it.
 *
 * @example storedSerial(44197, { date1904: true }) // 42735 (Jan-21)
 */
export function storedSerial(serial: number, grid: Pick<Grid, 'date1904'>): number {
  return grid.date1904 ? serial - DAYS_1904_AFTER_1900 : serial;
}

/**
 * What a roll-forward write puts in its cell in the grid's workbook: a month header (a
 * number under a date format) as that workbook stores the date, anything else as planned.
 *
 * @example storedWriteValue({ row: 3, col: 8, value: 44197, numberFormat: 'mmm-yy' }, { date1904: true }) // 42735
 */
export function storedWriteValue(write: RollForwardWrite, grid: Pick<Grid, 'date1904'>): string | number {
  const dated = typeof write.value === 'number' && write.numberFormat !== undefined && isDateFormat(write.numberFormat);
  return dated ? storedSerial(write.value as number, grid) : write.value;
}
