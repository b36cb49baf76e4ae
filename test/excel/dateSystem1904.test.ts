/**
 * A workbook of the 1904 date system in Excel: `Range.values` gives each date 1,462 lower
 * than the 1900 system, while Excel shows the same month. Office.js has no property for
 * the system (@types/office-js), so the adapter tells it from month headers' text against
 * their values. The fake shows dates as Excel does in such a workbook (FakeWorkbookOptions).
 */
import { DAYS_1904_AFTER_1900 } from '../../src/domain/excelDate';
import { in1900Serials, shows1904Dates, storedSerial } from '../../src/domain/sheet/dateSystem';
import type { Grid } from '../../src/domain/sheet/grid';
import { isDateFormat, monthSerial } from '../../src/domain/sheet/months';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { readGrid } from '../../src/excel/io/readGrid';
import { rollForward } from '../../src/excel/newMonth/rollForward';
import { fakeWorkbookFromGrids } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';

/** The grid as a 1904 workbook stores it: every date 1,462 days lower, the text unchanged. */
function stored1904(grid: Grid): Grid {
  const values = grid.values.map((row, r) => row.map((v, c) => (typeof v === 'number' && isDateFormat(grid.numberFormats[r]![c]!) ? v - DAYS_1904_AFTER_1900 : v)));
  return { ...grid, values };
}

describe('telling the date system from what a sheet shows', () => {
  const grid = seedGrid('earlyHelp');

  it('a 1900 sheet (Dec-20 header holding 44166) is not 1904', () => {
    expect(shows1904Dates(grid.values, grid.text, grid.numberFormats)).toBe(false);
  });

  it('the same sheet stored in 1904 (Dec-20 header holding 42704) is, and reads back to the 1900 serials', () => {
    const mac = stored1904(grid);
    expect(mac.values.flat()).toContain(42704);
    expect(shows1904Dates(mac.values, mac.text, mac.numberFormats)).toBe(true);
    const back = in1900Serials(mac);
    expect(back.values).toEqual(grid.values);
    expect(back.date1904).toBe(true);
  });

  it('headers typed as text, or numbers under no date format, say nothing: 1900 is kept', () => {
    expect(shows1904Dates([[42704, 'Dec-20']], [['42704', 'Dec-20']], [['0', 'General']])).toBe(false);
    expect(shows1904Dates([], [], [])).toBe(false);
  });

  it('a date is stored as the grid\'s workbook stores it', () => {
    expect(storedSerial(monthSerial({ year: 2021, month: 1 }), { date1904: true })).toBe(44197 - 1462);
    expect(storedSerial(44197, {})).toBe(44197);
  });
});

describe('the Excel adapter on a 1904 workbook', () => {
  const grid = seedGrid('earlyHelp');

  it('reads the sheet as the engine reads the 1900 one: Dec-20 is the reporting month', async () => {
    const wb = fakeWorkbookFromGrids([stored1904(grid)], { date1904: true });
    const read = await wb.run((ctx) => readGrid(ctx));
    expect(read.values).toEqual(grid.values);
    const tables = readScorecard(read);
    if (!tables.ok) throw new Error(tables.error.message);
    const plain = readScorecard(grid);
    if (!plain.ok) throw new Error(plain.error.message);
    expect(tables.value.map((t) => t.months.map((m) => `${m.year}-${m.month}`))).toEqual(plain.value.map((t) => t.months.map((m) => `${m.year}-${m.month}`)));
  });

  it('new month writes Jan-21 as the 1904 system stores it, and Excel shows Nov-20, Dec-20, Jan-21', async () => {
    const wb = fakeWorkbookFromGrids([stored1904(grid)], { date1904: true });
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome).toMatchObject({ ok: true, value: { sheetName: 'Jan-21' } });
    const next = wb.sheet('Jan-21');
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    for (const table of tables.value) {
      const cols = table.months.map((m) => m.col);
      expect(cols.map((c) => next.textAt(table.monthHeaderRow, c))).toEqual(['Nov-20', 'Dec-20', 'Jan-21']);
      expect(next.cellAt(table.monthHeaderRow, cols[2]!).value).toBe(monthSerial({ year: 2021, month: 1 }) - DAYS_1904_AFTER_1900);
    }
  });
});
