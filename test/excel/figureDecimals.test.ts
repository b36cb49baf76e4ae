import { createExcelAddinApi } from '../../src/excel/addinApi';
import type { Grid } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { DEFAULT_SETTINGS } from '../../src/port/api';
import { fakeWorkbookFromGrids } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';

/** Early Help with one count row's latest figure typed as 316.3 and shown under General. */
function withDecimalCount(): { grid: Grid; row: number; col: number } {
  const grid = seedGrid('earlyHelp');
  const tables = readScorecard(grid);
  if (!tables.ok) throw new Error(tables.error.message);
  const table = tables.value[0]!;
  const row = table.indicators.find((r) => r.unit === 'count')!.row;
  const col = table.months[table.months.length - 1]!.col;
  const at = <T,>(rows: T[][], v: T): T[][] => rows.map((r, i) => (i === row - grid.top ? r.map((x, j) => (j === col - grid.left ? v : x)) : [...r]));
  return { grid: { ...grid, values: at(grid.values, 316.3), text: at(grid.text, '316.3'), numberFormats: at(grid.numberFormats, 'General') }, row, col };
}

describe('Format in Excel keeps the decimals a figure was shown with (the plan decides, plan/decimals.ts)', () => {
  it('a count row figure shown as 316.3 gets #,##0.0, not #,##0, and its neighbours the count format', async () => {
    const { grid, row, col } = withDecimalCount();
    const wb = fakeWorkbookFromGrids([grid]);
    const api = createExcelAddinApi({ run: (batch) => wb.run(batch) });
    const outcome = await api.format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal);
    expect(outcome.ok).toBe(true);
    const sheet = wb.sheet(grid.sheetName);
    expect(sheet.cellAt(row, col).numberFormat).toBe('#,##0.0');
    expect(sheet.cellAt(row, col).value).toBe(316.3);
    // The month before, a whole count, takes the plain count format.
    expect(sheet.cellAt(row, col - 1).numberFormat).toBe('#,##0');
  });
});
