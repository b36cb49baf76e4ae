/**
 * Formulas mode must show what static mode shows. Each seed grid is loaded into
 * HyperFormula with the PERF functions registered as a plugin (the same adapter as the
 * functions' own HyperFormula tests), the formulas plan is written into it, and every DOT
 * and RAG cell's computed value is compared with the static plan's write for that cell.
 * The seeds need no exception for display precision: every compared pair of months
 * differs (or is equal) alike at full and at shown precision.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { NO_ARROW_MARK } from '../../../src/domain/plan/key';
import { planFormat, type FormatOptions } from '../../../src/domain/plan/planFormat';
import type { FormatPlan } from '../../../src/domain/plan/types';
import type { Grid } from '../../../src/domain/sheet/grid';
import type { ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { registerPerf, setBlankArrival, unregisterPerf, type BlankArrival } from '../../functions/perfPlugin';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { seedGrid } from '../../fixtures/seedGrids';
import { byKey, seedTables, tablesOf, withCell } from '../sheet/helpers';
import { entered } from '../../fixtures/writes';

const STATIC: FormatOptions = { mode: 'static', convention: 'performance', palette: 'standard' };

beforeAll(registerPerf);
afterAll(unregisterPerf);

function plan(tables: ScorecardTable[], options: FormatOptions, grid: Grid): FormatPlan {
  const p = planFormat(tables, options, grid);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

/** The grid as a sheet HyperFormula can hold: text stays text (`'` forces it: `84.3%` typed as text is not a number). */
function sheetOf(grid: Grid): HyperFormula {
  const rows: Array<Array<string | number | boolean | null>> = [];
  grid.values.forEach((r, i) => {
    rows[grid.top + i] = [];
    r.forEach((v, j) => {
      rows[grid.top + i][grid.left + j] = typeof v === 'string' && v !== '' ? `'${v}` : v === '' ? null : (v ?? null);
    });
  });
  for (let i = 0; i < rows.length; i++) rows[i] = rows[i] ?? [];
  return HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3' });
}

function shown(hf: HyperFormula, row: number, col: number): string {
  const v = hf.getCellValue({ sheet: 0, row, col });
  if (v instanceof DetailedCellError) return `${v.value} ${v.message}`;
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Writes the formulas plan into HyperFormula and compares every DOT and RAG cell's computed
 * value with the static plan's write: the cells compared, the cells expected, the differences.
 */
function liveAgainstStatic(grid: Grid, convention: 'performance' | 'numeric'): { compared: number; expected: number; mismatches: string[] } {
  const read = readScorecard(grid, { convention });
  if (!read.ok) throw new Error(read.error.message);
  const tables = read.value;
  const options: FormatOptions = { ...STATIC, convention };
  const expected = plan(tables, options, grid);
  const live = plan(tables, { ...options, mode: 'formulas' }, grid);
  const hf = sheetOf(grid);
  for (const w of live.writes) hf.setCellContents({ sheet: 0, row: w.row, col: w.col }, entered(w) === '' ? null : entered(w));
  const mismatches: string[] = [];
  let compared = 0;
  for (const t of tables) {
    for (const r of t.indicators) {
      for (const col of [t.columns.dot, t.columns.rag]) {
        if (col === null) continue;
        // The one documented difference: where there is no arrow, static mode writes an en
        // dash with a note saying why; a live PERF.DOT shows a blank cell (a note would go
        // stale when the figure arrives). Both mean "no arrow".
        const noArrow = (v: string): string => (col === t.columns.dot && v === NO_ARROW_MARK ? '' : v);
        const want = noArrow(String(entered(expected.writes.find((w) => w.row === r.row && w.col === col)) ?? ''));
        const got = noArrow(shown(hf, r.row, col));
        compared++;
        if (got !== want) mismatches.push(`${r.key} ${col === t.columns.dot ? 'DOT' : 'RAG'}: formula ${JSON.stringify(got)}, static ${JSON.stringify(want)}`);
      }
    }
  }
  return { compared, expected: tables.reduce((n, t) => n + t.indicators.length * ((t.columns.dot === null ? 0 : 1) + (t.columns.rag === null ? 0 : 1)), 0), mismatches };
}

const reports = ['earlyHelp', 'corporateParenting'] as const;

// Blank cells arrive as null (Excel on the web) or 0 (desktop Excel): the formulas must give
// the same answer either way, so every blank reference is guarded (cellArg).
describe.each(reports.flatMap((r) => (['null', 'zero'] as BlankArrival[]).map((b) => [r, b] as const)))('formulas mode on the %s seed, blanks arriving as %s', (report, blanks) => {
  beforeAll(() => setBlankArrival(blanks));
  afterAll(() => setBlankArrival('null'));
  it.each(['performance', 'numeric'] as const)('computes on every indicator row the DOT and RAG static mode writes (%s convention)', (convention) => {
    const { compared, expected: cells, mismatches } = liveAgainstStatic(seedGrid(report), convention);
    expect(compared).toBe(cells);
    expect(mismatches).toEqual([]);
  });
});

describe('formulas of rows that inherit or cannot be judged live', () => {
  it('references the GOOD PERF IS cell a sub-row inherits, never its own blank one', () => {
    const { grid, tables } = seedTables('earlyHelp');
    const live = plan(tables, { ...STATIC, mode: 'formulas' }, grid);
    const subRows = tables.flatMap((t) => t.indicators.map((r) => ({ t, r }))).filter(({ r }) => r.subRow && r.polarity !== null);
    expect(subRows.length).toBeGreaterThan(0);
    for (const { t, r } of subRows) {
      const rag = String(entered(live.writes.find((w) => w.row === r.row && w.col === t.columns.rag)) ?? '');
      if (!rag.startsWith('=')) continue;
      const polarityRef = /,([A-Z]+\d+|"[^"]*")\)$/.exec(rag)?.[1] ?? '';
      const ownCell = `${String.fromCharCode(65 + t.columns.polarity)}${r.row + 1}`;
      const own = grid.text[r.row - grid.top]?.[t.columns.polarity - grid.left] ?? '';
      if (own.trim() === '') expect(polarityRef).not.toBe(ownCell);
    }
  });

  it('passes the Within Limits green range to PERF.DOT', () => {
    const { grid, tables } = seedTables('corporateParenting');
    const live = plan(tables, { ...STATIC, mode: 'formulas' }, grid);
    const rows = tables.flatMap((t) => t.indicators.map((r) => ({ t, r }))).filter(({ r }) => r.polarity === 'withinLimits');
    expect(rows.length).toBeGreaterThan(0);
    for (const { t, r } of rows) {
      const dot = String(entered(live.writes.find((w) => w.row === r.row && w.col === t.columns.dot)) ?? '');
      if (dot.startsWith('=')) expect(dot).toContain(`${String.fromCharCode(65 + t.columns.green!)}${r.row + 1})`);
    }
  });

  it('writes the static letter, not a confident formula, for a row whose target the engine flagged (11.5: a % target in a count row)', () => {
    const { grid, tables } = seedTables('earlyHelp');
    const live = plan(tables, { ...STATIC, mode: 'formulas' }, grid);
    const row = byKey(tables, '11.5');
    expect(row.problems.length).toBeGreaterThan(0);
    const t = tables.find((x) => x.indicators.includes(row))!;
    expect(entered(live.writes.find((w) => w.row === row.row && w.col === t.columns.rag))).toBe('');
  });
});

describe('a Within Limits row whose GOOD PERF IS says which way is better inside the range', () => {
  // Corporate Parenting 11.5 (D50): teams 1-3 go 18.1 -> 19.7, the teams 4-5 sub-row 15.8 -> 14.8, both inside
  // 14-20. The sub-row's own GOOD PERF IS (D51) is blanked, so it inherits the polarity and its bracket.
  it.each([
    ['Within limits (lower is better)', 'declineWithinLimits', 'improvement'],
    ['Within limits (higher is better)', 'improvement', 'declineWithinLimits'],
    ['Within Limits', 'increase', 'decrease'],
  ] as const)('%p: static mode draws %s and %s, and formulas mode computes the same', (polarity, first, second) => {
    const grid = withCell(withCell(seedGrid('corporateParenting'), 49, 3, polarity, polarity), 50, 3, null, '');
    const tables = tablesOf(grid);
    const rows = tables.flatMap((t) => t.indicators).filter((r) => r.ref === '11.5');
    expect(rows.map((r) => r.dot?.state ?? null)).toEqual([first, second]);
    for (const convention of ['performance', 'numeric'] as const) {
      const { compared, expected: cells, mismatches } = liveAgainstStatic(grid, convention);
      expect(compared).toBe(cells);
      expect(mismatches).toEqual([]);
    }
  });
});
