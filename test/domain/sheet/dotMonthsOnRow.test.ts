import { dotFormula } from '../../../src/domain/plan/formulas';
import { planFormat } from '../../../src/domain/plan/planFormat';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import type { ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { syntheticGrid } from '../../fixtures/seedGrids';
import { seedTables } from './helpers';

/** The rule written out: the month RAG is judged on, else (monthly) the reporting month, else the newest with a figure. */
function expectedIndex(row: ScorecardTable['indicators'][number]): number {
  const basis = row.ragBasis;
  if (basis && basis.kind === 'month') return row.months.findIndex((m) => m.col === basis.col);
  if (row.frequency === 'monthly') return row.months.length - 1;
  const last = row.months.map((m) => m.value.kind).lastIndexOf('number');
  return last >= 0 ? last : row.months.length - 1;
}

describe('the DOT month pair on each row', () => {
  const cases: Array<[string, ScorecardTable[]]> = [
    ['earlyHelp', seedTables('earlyHelp').tables],
    ['corporateParenting', seedTables('corporateParenting').tables],
  ];
  const synthetic = readScorecard(syntheticGrid(120, 3));
  if (synthetic.ok) cases.push(['synthetic', synthetic.value]);

  it.each(cases)('%s: is decided by the reader, from the row own month cells', (_name, tables) => {
    let rows = 0;
    for (const row of tables.flatMap((t) => t.indicators)) {
      rows++;
      const i = expectedIndex(row);
      expect(row.dotMonths).not.toBeNull();
      // The very cells of the row, not copies: consumers see what the engine compared.
      expect(row.dotMonths!.current).toBe(row.months[i]);
      expect(row.dotMonths!.previous).toBe(i > 0 ? row.months[i - 1] : null);
    }
    expect(rows).toBeGreaterThan(10);
  });

  it('is what the live DOT formula compares and what the no-arrow note names', () => {
    const { grid, tables } = seedTables('earlyHelp');
    const plan = planFormat(tables, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
    if (!plan.ok) throw new Error(plan.error.message);
    let formulas = 0;
    let notes = 0;
    for (const t of tables) {
      for (const row of t.indicators) {
        const pair = row.dotMonths!;
        const formula = dotFormula(t, row, 'performance');
        if (pair.previous === null) expect(formula).toBeNull();
        else {
          formulas++;
          expect(formula).toMatch(new RegExp(`^=PERF\\.DOT\\(IF\\(ISBLANK\\(${pair.current.address}\\),"",${pair.current.address}\\),IF\\(ISBLANK\\(${pair.previous.address}\\),`));
        }
        const note = (plan.value.notes ?? []).find((n) => n.row === row.row && n.col === t.columns.dot);
        const missing = [pair.current, pair.previous].find((m) => m !== null && m.value.kind === 'missing');
        if (note && missing) {
          notes++;
          expect(note.text).toContain(missing.label);
        }
      }
    }
    expect(formulas).toBeGreaterThan(10);
    expect(notes).toBeGreaterThan(0);
  });
});
