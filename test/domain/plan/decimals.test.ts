import { figureStyles, keptFormat, shownDecimals } from '../../../src/domain/plan/decimals';
import { planFormat } from '../../../src/domain/plan/planFormat';
import type { Grid } from '../../../src/domain/sheet/grid';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { seedGrid } from '../../fixtures/seedGrids';

describe('never fewer decimals than the figure was shown with', () => {
  it.each([
    // planned, value, shown, current format, kept
    ['#,##0', 316.3, '316.3', 'General', '#,##0.0'],
    ['#,##0', 149.5, '149.5', 'General', '#,##0.0'],
    ['#,##0', 1384, '1,384', '#,##0', '#,##0'],
    ['#,##0', 212.26, '212.3', '0.0', '#,##0.0'],
    ['0.0%', 0.843, '84.30%', '0.00%', '0.00%'],
    ['0.0%', 0.508, '0.508', 'General', '0.0%'],
    ['0.0', 12.25, '12.25', 'General', '0.00'],
    ['#,##0', 1 / 3, '0.333333333', 'General', '#,##0.000000000'],
    ['#,##0', 316.3, '#####', '0.00', '#,##0.00'],
    ['#,##0', 316.3, '#####', 'General', '#,##0'],
    ['#,##0', 'TBC', 'TBC', 'General', '#,##0'],
  ])('%s for %p shown %j under %s is %s', (planned, value, shown, current, kept) => {
    expect(keptFormat(planned, value, shown, current)).toBe(kept);
  });

  it('counts the digits after the point only', () => {
    expect(shownDecimals('1,234.50 pts')).toBe(2);
    expect(shownDecimals('12')).toBe(0);
    expect(shownDecimals('12.')).toBe(0);
  });

  it('shares one style object per kept format, so cells still group into boxes', () => {
    const grid: Grid = { sheetName: 'S', top: 0, left: 0, values: [[316.3, 149.5, 12]], text: [['316.3', '149.5', '12']], numberFormats: [['General', 'General', 'General']] };
    const count = { numberFormat: '#,##0' };
    const style = figureStyles(grid);
    expect(style(count, 0, 0)).toBe(style(count, 0, 1));
    expect(style(count, 0, 0).numberFormat).toBe('#,##0.0');
    expect(style(count, 0, 2)).toBe(count);
    expect(figureStyles(undefined)(count, 0, 0)).toBe(count);
  });

  it('the planner gives a count row figure shown with a decimal a format that shows it (both adapters apply this plan)', () => {
    const grid = seedGrid('earlyHelp');
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    // A count row's latest figure, as the analyst typed it with a decimal.
    const row = tables.value[0]!.indicators.find((r) => r.unit === 'count' && r.months.some((m) => typeof m.value === 'object'))!;
    const month = tables.value[0]!.months[tables.value[0]!.months.length - 1]!;
    const i = row.row - grid.top;
    const j = month.col - grid.left;
    const values = grid.values.map((r) => [...r]);
    const text = grid.text.map((r) => [...r]);
    const formats = grid.numberFormats.map((r) => [...r]);
    values[i]![j] = 316.3;
    text[i]![j] = '316.3';
    formats[i]![j] = 'General';
    const edited: Grid = { ...grid, values, text, numberFormats: formats };
    const again = readScorecard(edited);
    if (!again.ok) throw new Error(again.error.message);
    const plan = planFormat(again.value, { mode: 'static', convention: 'performance', palette: 'standard' }, edited);
    if (!plan.ok) throw new Error(plan.error.message);
    const formatOf = (r: number, c: number): string | undefined =>
      plan.value.styles.find((g) => g.style.numberFormat !== undefined && g.boxes.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right))?.style.numberFormat;
    expect(formatOf(row.row, month.col)).toBe('#,##0.0');
    // Without the displayed text (no grid) the unit's format stands.
    const bare = planFormat(again.value, { mode: 'static', convention: 'performance', palette: 'standard' });
    if (!bare.ok) throw new Error(bare.error.message);
    expect(bare.value.styles.find((g) => g.style.numberFormat !== undefined && g.boxes.some((b) => row.row >= b.top && row.row <= b.bottom && month.col >= b.left && month.col <= b.right))?.style.numberFormat).toBe('#,##0');
  });
});
