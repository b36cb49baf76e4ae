/**
 * The plan fills the year-on-year DOT and year-end RAG columns in both write modes, and the
 * live formulas compute what static mode writes (HyperFormula with the PERF functions, as in
 * formulas.test.ts).
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { packMsg } from '../../../src/domain/messages';
import { keyLines, NO_ARROW_MARK } from '../../../src/domain/plan/key';
import { planFormat, type FormatOptions } from '../../../src/domain/plan/planFormat';
import type { FormatPlan } from '../../../src/domain/plan/types';
import { a1, type Grid } from '../../../src/domain/sheet/grid';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import type { ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { HIGHLIGHT_FILL } from '../../../src/domain/revisions/highlights';
import { registerPerf, unregisterPerf } from '../../functions/perfPlugin';
import { CORPORATE_ORDER, OTHER_ORDER, PACK_ROWS, colOf, packGrid, type PackColumn, type PackRow } from '../../fixtures/packGrids';
import { entered } from '../../fixtures/writes';

const STATIC: FormatOptions = { mode: 'static', convention: 'performance', palette: 'standard' };

beforeAll(registerPerf);
afterAll(unregisterPerf);

function setup(columns: PackColumn[], rows: PackRow[], options: FormatOptions): { grid: Grid; tables: ScorecardTable[]; plan: FormatPlan } {
  const grid = packGrid(columns, rows);
  const read = readScorecard(grid, { convention: options.convention });
  if (!read.ok) throw new Error(read.error.message);
  const plan = planFormat(read.value, options, grid);
  if (!plan.ok) throw new Error(plan.error.message);
  return { grid, tables: read.value, plan: plan.value };
}

function written(plan: FormatPlan, row: number, col: number): string | number | undefined {
  return entered(plan.writes.find((w) => w.row === row && w.col === col));
}

const ALL = Object.values(PACK_ROWS);

describe.each([
  ['the corporate order', CORPORATE_ORDER],
  ['another order', OTHER_ORDER],
])('static mode in %s', (_name, columns) => {
  const { tables, plan } = setup(columns, ALL, STATIC);
  const t = tables[0];
  const yoy = colOf(columns, 'yoyDot');
  const ye = colOf(columns, 'yearEndRag');
  const at = (ref: string): number => t.indicators.find((r) => r.ref === ref)!.row;

  it('writes the year-on-year arrow and the year-end letter of each row', () => {
    expect([written(plan, at('6.8'), yoy), written(plan, at('6.8'), ye)]).toEqual(['↑', 'A']);
    expect([written(plan, at('6.5'), yoy), written(plan, at('6.5'), ye)]).toEqual(['↑', 'G']);
    expect([written(plan, at('10.3'), yoy), written(plan, at('10.3'), ye)]).toEqual(['↓', 'R']);
    expect([written(plan, at('6.3'), yoy), written(plan, at('6.3'), ye)]).toEqual(['↓', '']);
  });

  it('writes the dash with a note saying why where there is no arrow', () => {
    expect(written(plan, at('6.1'), yoy)).toBe(NO_ARROW_MARK);
    expect(plan.notes).toContainEqual({ row: at('6.1'), col: yoy, text: packMsg.yoyMissing(packMsg.ytdFigure, '-') });
  });

  it('colours them as the monthly columns: the letter’s fill, the arrow’s tone', () => {
    const styleAt = (row: number, col: number) => plan.styles.filter((g) => g.boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right)).map((g) => g.style);
    expect(styleAt(at('6.5'), ye)).toContainEqual(expect.objectContaining({ fill: '#00B050' }));
    expect(styleAt(at('10.3'), yoy)).toContainEqual(expect.objectContaining({ fontColor: '#C00000' }));
  });

  it('explains the columns and the revised fill in the key', () => {
    const labels = plan.writes.filter((w) => plan.extraArea && w.row >= plan.extraArea.top && w.col === plan.extraArea.left + 1).map((w) => entered(w));
    expect(labels).toEqual(expect.arrayContaining([packMsg.keyYoy, packMsg.keyYearEnd, packMsg.keyRevised]));
    const revisedRow = plan.extraArea!.top + keyLines('performance', 'static', { yearOnYear: true, yearEnd: true }).findIndex((l) => l.fill);
    expect(plan.styles.some((g) => g.style.fill === HIGHLIGHT_FILL && g.boxes.some((b) => b.top === revisedRow && b.left === plan.extraArea!.left))).toBe(true);
  });
});

describe('formulas mode', () => {
  it('writes PERF.DOT on the outturn and last year’s outturn, PERF.RAG on the outturn', () => {
    const { tables, plan } = setup(CORPORATE_ORDER, [PACK_ROWS['6.8']], { ...STATIC, mode: 'formulas' });
    const r = tables[0].indicators[0].row;
    const cell = (f: Parameters<typeof colOf>[1]) => a1(r, colOf(CORPORATE_ORDER, f));
    expect(written(plan, r, colOf(CORPORATE_ORDER, 'yoyDot'))).toBe(`=PERF.DOT(IF(ISBLANK(${cell('ytd')}),"",${cell('ytd')}),IF(ISBLANK(${cell('y1819')}),"",${cell('y1819')}),IF(ISBLANK(${cell('polarity')}),"",${cell('polarity')}),IF(ISBLANK(${cell('yearEndRag')}),"",${cell('yearEndRag')}))`);
    expect(written(plan, r, colOf(CORPORATE_ORDER, 'yearEndRag'))).toBe(`=PERF.RAG(IF(ISBLANK(${cell('ytd')}),"",${cell('ytd')}),IF(ISBLANK(${cell('red')}),"",${cell('red')}),IF(ISBLANK(${cell('amber')}),"",${cell('amber')}),IF(ISBLANK(${cell('green')}),"",${cell('green')}),IF(ISBLANK(${cell('polarity')}),"",${cell('polarity')}))`);
  });

  it('keeps a static dash, not a formula, where the functions cannot see that a percentage meets a count', () => {
    const { tables, plan } = setup(CORPORATE_ORDER, [{ ...PACK_ROWS['6.8'], y1819: '14' }], { ...STATIC, mode: 'formulas' });
    expect(written(plan, tables[0].indicators[0].row, colOf(CORPORATE_ORDER, 'yoyDot'))).toBe(NO_ARROW_MARK);
  });

  function sheetOf(grid: Grid): HyperFormula {
    const rows = grid.values.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v === '' || v === undefined ? null : v)));
    return HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3' });
  }

  it.each([
    ['performance', CORPORATE_ORDER],
    ['numeric', CORPORATE_ORDER],
    ['performance', OTHER_ORDER],
    ['numeric', OTHER_ORDER],
  ] as const)('computes what static mode writes on every row (%s convention)', (convention, columns) => {
    const options: FormatOptions = { ...STATIC, convention };
    const expected = setup(columns, ALL, options);
    const live = setup(columns, ALL, { ...options, mode: 'formulas' });
    const hf = sheetOf(expected.grid);
    for (const w of live.plan.writes) hf.setCellContents({ sheet: 0, row: w.row, col: w.col }, entered(w) === '' ? null : entered(w));
    const mismatches: string[] = [];
    let formulas = 0;
    for (const r of expected.tables[0].indicators) {
      for (const col of [colOf(columns, 'yoyDot'), colOf(columns, 'yearEndRag')]) {
        if (String(written(live.plan, r.row, col)).startsWith('=')) formulas++;
        const v = hf.getCellValue({ sheet: 0, row: r.row, col });
        const got = v instanceof DetailedCellError ? v.value : v === null ? '' : String(v);
        const raw = String(written(expected.plan, r.row, col) ?? '');
        const want = raw === NO_ARROW_MARK ? '' : raw;
        if (got !== want) mismatches.push(`${r.key} col ${col}: formula ${got}, static ${want}`);
      }
    }
    expect(formulas).toBe(ALL.length * 2);
    expect(mismatches).toEqual([]);
  });
});
