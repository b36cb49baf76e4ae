import { sheetMsg } from '../../../src/domain/messages';
import { planFormat } from '../../../src/domain/plan/planFormat';
import { planRollForward } from '../../../src/domain/plan/rollForward';
import { boxAddress, type Grid } from '../../../src/domain/sheet/grid';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { seedTables } from './helpers';

/** A copy of the grid with rows `from`..`to` (0-based, inclusive) emptied. */
function blankRows(grid: Grid, from: number, to: number): Grid {
  const inside = (i: number): boolean => grid.top + i >= from && grid.top + i <= to;
  return {
    ...grid,
    values: grid.values.map((r, i) => (inside(i) ? r.map(() => null) : [...r])),
    text: grid.text.map((r, i) => (inside(i) ? r.map(() => '') : [...r])),
    numberFormats: grid.numberFormats.map((r, i) => (inside(i) ? r.map(() => 'General') : [...r])),
  };
}

describe('a table header with no indicator rows', () => {
  const { grid, tables } = seedTables('corporateParenting');
  const [first, second] = tables;

  it('is no table: the tables below are read and the empty header is a problem naming its cells', () => {
    const emptied = blankRows(grid, first.bodyBox.top, first.bodyBox.bottom);
    const read = readScorecard(emptied);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.map((t) => t.headerBox)).toEqual([second.headerBox]);
    for (const t of read.value) expect(t.bodyBox.top).toBeLessThanOrEqual(t.bodyBox.bottom);
    const address = boxAddress(first.headerBox);
    expect(read.value[0].problems).toContainEqual(expect.objectContaining({ address, code: 'noTable', message: sheetMsg.tableWithoutRows(grid.sheetName, address) }));
  });

  it('plans no write or format for the empty header', () => {
    const emptied = blankRows(grid, first.bodyBox.top, first.bodyBox.bottom);
    const read = readScorecard(emptied);
    if (!read.ok) throw new Error(read.error.message);
    const plan = planFormat(read.value, { mode: 'static', convention: 'performance', palette: 'standard' }, emptied);
    if (!plan.ok) throw new Error(plan.error.message);
    const inEmpty = (row: number): boolean => row >= first.headerBox.top && row <= first.bodyBox.bottom;
    expect(plan.value.writes.filter((w) => inEmpty(w.row))).toEqual([]);
    expect(plan.value.styles.flatMap((g) => g.boxes).filter((b) => inEmpty(b.top) || inEmpty(b.bottom))).toEqual([]);
    const rolled = planRollForward(read.value, emptied);
    if (!rolled.ok) throw new Error(rolled.error.message);
    for (const m of rolled.value.moves) expect(m.from.top).toBeLessThanOrEqual(m.from.bottom);
  });

  it('is an error naming the header when it is the only header on the sheet', () => {
    const only = blankRows(blankRows(grid, first.bodyBox.top, first.bodyBox.bottom), second.headerBox.top, second.bodyBox.bottom);
    const read = readScorecard(only);
    expect(read).toEqual({ ok: false, error: { code: 'noTable', message: sheetMsg.tableWithoutRows(grid.sheetName, boxAddress(first.headerBox)) } });
  });
});
