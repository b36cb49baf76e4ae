import { DOT_GLYPHS } from '../../../src/domain/dot';
import { msg } from '../../../src/domain/messages';
import { keyLines } from '../../../src/domain/plan/key';
import { planFormat, type FormatOptions } from '../../../src/domain/plan/planFormat';
import type { DotState } from '../../../src/domain/types';
import { seedTables } from '../sheet/helpers';

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
      expect(p.value.writes.find((w) => w.row === r.row && w.col === table.columns.dot)?.value).toBe(DOT_GLYPHS.declineWithinLimits);
    }
    const key = p.value.extraArea!;
    const labelRow = p.value.writes.find((w) => w.col === key.left + 1 && w.value === msg.dotLabels.declineWithinLimits)!;
    const symbol = p.value.writes.find((w) => w.row === labelRow.row && w.col === key.left)!;
    expect(symbol.value).toBe(DOT_GLYPHS.declineWithinLimits);
    expect(symbol.value).not.toBe(DOT_GLYPHS.declineNotOnTarget);
  });
});
