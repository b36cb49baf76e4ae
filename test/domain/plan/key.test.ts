import { DOT_GLYPHS } from '../../../src/domain/dot';
import { msg } from '../../../src/domain/messages';
import { isKeyText, keyLines } from '../../../src/domain/plan/key';
import type { Grid } from '../../../src/domain/sheet/grid';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { seedGrid } from '../../fixtures/seedGrids';
import { planFormat, type FormatOptions } from '../../../src/domain/plan/planFormat';
import type { DotState } from '../../../src/domain/types';
import { seedTables } from '../sheet/helpers';
import type { CellWrite } from '../../../src/domain/plan/types';
import { entered } from '../../fixtures/writes';

const STATIC: FormatOptions = { mode: 'static', convention: 'performance', palette: 'standard' };

describe('the key and the sheet show one glyph per DOT state', () => {
  it.each([
    ['declineWithinLimits', 'performance'],
    ['declineNotOnTarget', 'performance'],
    ['improvement', 'performance'],
    ['stable', 'performance'],
    ['increase', 'numeric'],
    ['decrease', 'numeric'],
  ] as Array<[DotState, 'performance' | 'numeric']>)('shows %s in the %s key with the domain glyph and its label', (state, convention) => {
    const line = keyLines(convention).find((l) => l.label.startsWith(msg.dotLabels[state]));
    expect(line?.symbol).toBe(DOT_GLYPHS[state]);
  });

  it('writes in the key the very glyph Format writes for a decline within limits (corporate 6.8: ↘, never ↓)', () => {
    const { grid, tables } = seedTables('corporateParenting');
    const p = planFormat(tables, STATIC, grid);
    if (!p.ok) throw new Error(p.error.message);
    const declines = tables.flatMap((x) => x.indicators).filter((r) => r.dot?.state === 'declineWithinLimits');
    expect(declines.length).toBeGreaterThan(0);
    for (const r of declines) {
      const table = tables.find((x) => x.indicators.includes(r))!;
      expect(entered(p.value.writes.find((w) => w.row === r.row && w.col === table.columns.dot))).toBe(DOT_GLYPHS.declineWithinLimits);
    }
    const key = p.value.extraArea!;
    const labelRow = p.value.writes.find((w) => w.col === key.left + 1 && entered(w) === msg.dotLabels.declineWithinLimits)!;
    const symbol = p.value.writes.find((w) => w.row === labelRow.row && w.col === key.left)!;
    expect(entered(symbol)).toBe(DOT_GLYPHS.declineWithinLimits);
    expect(entered(symbol)).not.toBe(DOT_GLYPHS.declineNotOnTarget);
  });
});

describe('formatting again replaces the key, never adds a second one', () => {
  function planned(grid: Grid, convention: FormatOptions['convention']) {
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const plan = planFormat(tables.value, { ...STATIC, convention }, grid);
    if (!plan.ok) throw new Error(plan.error.message);
    return plan.value;
  }
  /** The grid as it is after the plan's writes land. */
  function written(grid: Grid, writes: readonly CellWrite[]): Grid {
    const next: Grid = { ...grid, values: grid.values.map((r) => [...r]), text: grid.text.map((r) => [...r]), numberFormats: grid.numberFormats.map((r) => [...r]) };
    for (const w of writes) {
      const i = w.row - next.top;
      const j = w.col - next.left;
      while (next.values.length <= i) {
        next.values.push([]);
        next.text.push([]);
        next.numberFormats.push([]);
      }
      next.values[i][j] = entered(w);
      next.text[i][j] = String(entered(w));
    }
    return next;
  }

  it('puts the numeric key where the performance key was and empties its extra lines', () => {
    const first = planned(seedGrid('earlyHelp'), 'performance');
    const second = planned(written(seedGrid('earlyHelp'), first.writes), 'numeric');
    expect(second.extraArea).toEqual(first.extraArea);
    const box = second.extraArea!;
    const lines = keyLines('numeric').length;
    expect(box.bottom - box.top + 1).toBe(keyLines('performance').length);
    const cleared = second.writes.filter((w) => w.row >= box.top + lines && w.row <= box.bottom);
    expect(cleared.length).toBe(2 * (box.bottom - box.top + 1 - lines));
    expect(cleared.every((w) => entered(w) === '')).toBe(true);
  });

  it('keeps RAG lines on the same rows in both conventions, so no fill is left behind', () => {
    const rows = (c: FormatOptions['convention']) => keyLines(c).flatMap((l, i) => (l.rag ? [i] : []));
    expect(rows('numeric')).toEqual(rows('performance'));
  });

  it('never takes a user\'s own "R" below the table for an old key', () => {
    const grid = seedGrid('earlyHelp');
    const first = planned(grid, 'performance');
    const box = first.extraArea!;
    // The user typed a lone R where the key would go (no key title above it): not a key.
    const withUserText = written(grid, [{ kind: 'value', row: box.top + 1, col: box.left, value: 'R' }]);
    const again = planned(withUserText, 'performance');
    expect(again.extraArea).not.toEqual(box);
    expect(isKeyText('R')).toBe(true);
  });
});
