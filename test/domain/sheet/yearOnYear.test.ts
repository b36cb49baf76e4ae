import { DOT_GLYPHS } from '../../../src/domain/dot';
import { packMsg } from '../../../src/domain/messages';
import { classifyHeader } from '../../../src/domain/sheet/headers';
import { previousYearColumn } from '../../../src/domain/sheet/detect';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import type { IndicatorRow, ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { CORPORATE_ORDER, OTHER_ORDER, PACK_ROWS, colOf, packGrid, type PackColumn, type PackRow } from '../../fixtures/packGrids';
import { seedTables } from './helpers';

function read(columns: PackColumn[], rows: PackRow[], convention: 'performance' | 'numeric' = 'performance'): ScorecardTable {
  const r = readScorecard(packGrid(columns, rows), { convention });
  if (!r.ok) throw new Error(r.error.message);
  return r.value[0];
}

function row(table: ScorecardTable, key: string): IndicatorRow {
  const found = table.indicators.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

const ALL = Object.values(PACK_ROWS);

describe('classifyHeader: the year-on-year columns', () => {
  it.each([
    ['DOT (Yr on Yr)', 'yoyDot'],
    ['DOT (Year on Year)', 'yoyDot'],
    ['dot (year-on-year)', 'yoyDot'],
    ['Year-on-Year DOT', 'yoyDot'],
    ['YoY DOT', 'yoyDot'],
    ['Direction of Travel (Yr on Yr)', 'yoyDot'],
    ['RAG (Yr End)', 'yearEndRag'],
    ['RAG (Year End)', 'yearEndRag'],
    ['Year End RAG', 'yearEndRag'],
    ['RAG (Year-End)', 'yearEndRag'],
    ['DOT (Month on Month)', 'dot'],
    ['RAG (in month)', 'rag'],
    ['YR ON YR TREND', 'banner'],
    ['Year End Outturn', 'ytd'],
    ['RAG (Year on Year)', 'other'],
  ])('reads %s as %s', (text, role) => {
    expect(classifyHeader(text)).toBe(role);
  });
});

describe('previousYearColumn', () => {
  const labels = new Map([[20, '2018/19'], [21, '2019 / 20'], [22, '2020/21']]);
  it.each([
    [2020, 12, '2019/20'],
    [2020, 4, '2019/20'],
    [2020, 3, '2018/19'],
    [2021, 1, '2019/20'],
  ])('for %i-%i is the trend column of %s (financial years run April to March)', (year, month, label) => {
    expect(previousYearColumn(labels, { year, month, col: 7, label: '' })?.label).toBe(label);
  });

  it('is null when the trend columns stop before last year', () => {
    expect(previousYearColumn(new Map([[20, '2016/17']]), { year: 2020, month: 12, col: 7, label: '' })).toBeNull();
  });
});

describe.each([
  ['the corporate order', CORPORATE_ORDER],
  ['another order and spelling', OTHER_ORDER],
])('the year-on-year reading in %s', (_name, columns) => {
  const table = read(columns, ALL);

  it('finds both columns and last year’s trend column (2018/19 for Dec-19)', () => {
    expect(table.columns.yoyDot).toBe(colOf(columns, 'yoyDot'));
    expect(table.columns.yearEndRag).toBe(colOf(columns, 'yearEndRag'));
    expect(table.columns.dot).toBe(colOf(columns, 'dot'));
    expect(table.columns.rag).toBe(colOf(columns, 'rag'));
    expect(table.columns.previousYear).toEqual({ col: colOf(columns, 'y1819'), label: '2018/19' });
  });

  it.each([
    // ref, YTD vs 2018/19, expected year-end RAG, expected arrow
    ['6.8', 'amber', 'improvement'], // 91.2% vs 88.6%, 90%> <95%
    ['6.5', 'green', 'improvement'], // 37.0% vs 31.5%, 35%+
    ['10.3', 'red', 'declineNotOnTarget'], // 32.0% vs 34.4%, <83%
    ['6.4', null, 'declineNotOnTarget'], // 204 vs 254, no target
    ['6.3', null, 'decrease'], // Info: 170 vs 271
  ] as const)('judges %s: year-end %s, %s', (ref, rag, state) => {
    const r = row(table, ref);
    expect(r.yearOnYear?.rag).toBe(rag);
    expect(r.yearOnYear?.dot).toMatchObject({ state, glyph: DOT_GLYPHS[state] });
  });

  it('gives no arrow, with the reason, where the outturn is a placeholder (6.1, 10.4: "-")', () => {
    for (const ref of ['6.1', '10.4']) {
      expect(row(table, ref).yearOnYear?.dot).toEqual({ state: null, reason: packMsg.yoyMissing(packMsg.ytdFigure, '-') });
      expect(row(table, ref).yearOnYear?.rag).toBeNull();
    }
  });

  it('keeps last year’s outturn as shown for the summary (6.8: 88.6%)', () => {
    const prev = row(table, '6.8').yearOnYear?.previousYear;
    expect(prev?.label).toBe('2018/19');
    expect(prev?.text).toBe('88.6%');
    expect(prev?.value).toMatchObject({ kind: 'number', percent: true });
  });
});

describe('year-on-year edge cases', () => {
  it('follows the numeric convention like the monthly DOT (10.3 falls: ↓ decrease, bad)', () => {
    const table = read(CORPORATE_ORDER, ALL, 'numeric');
    expect(row(table, '10.3').yearOnYear?.dot).toMatchObject({ state: 'decrease', tone: 'bad' });
    expect(row(table, '6.8').yearOnYear?.dot).toMatchObject({ state: 'increase', tone: 'good' });
  });

  it('gives no arrow when last year’s outturn is missing, naming the year', () => {
    const table = read(CORPORATE_ORDER, [{ ...PACK_ROWS['10.1'], y1819: '' }, { ...PACK_ROWS['6.8'], y1819: 'TBC' }]);
    expect(row(table, '10.1').yearOnYear?.dot).toEqual({ state: null, reason: packMsg.yoyMissing(packMsg.previousYearFigure('2018/19'), '') });
    expect(row(table, '6.8').yearOnYear?.dot).toEqual({ state: null, reason: packMsg.yoyMissing(packMsg.previousYearFigure('2018/19'), 'TBC') });
    // The year-end RAG needs only the outturn.
    expect(row(table, '6.8').yearOnYear?.rag).toBe('amber');
  });

  it('does not compare a percentage with a count', () => {
    const table = read(CORPORATE_ORDER, [{ ...PACK_ROWS['6.8'], y1819: '14' }]);
    expect(row(table, '6.8').yearOnYear?.dot).toEqual({ state: null, reason: packMsg.yoyNotComparable('91.2%', '14', '2018/19') });
  });

  it('calls equal what is shown equal (88.6% vs 88.60%: stable)', () => {
    const table = read(CORPORATE_ORDER, [{ ...PACK_ROWS['6.8'], ytd: '88.6%', y1819: '88.60%' }]);
    expect(row(table, '6.8').yearOnYear?.dot).toMatchObject({ state: 'stable', glyph: DOT_GLYPHS.stable });
  });

  it('tells a decline within limits from one not on target by the year-end RAG', () => {
    // 91.2% (Amber) against 93.0% last year: still within limits.
    const table = read(CORPORATE_ORDER, [{ ...PACK_ROWS['6.8'], y1819: '93.0%' }]);
    expect(row(table, '6.8').yearOnYear?.dot).toMatchObject({ state: 'declineWithinLimits', glyph: DOT_GLYPHS.declineWithinLimits });
  });

  it('reports an outturn no tolerance covers as a problem of the year-end RAG cell', () => {
    // `21+` | `20<` leave 20.5 uncovered (the README's example).
    const table = read(CORPORATE_ORDER, [{ ref: '11.4', name: 'Maximum caseload', polarity: 'Low', unit: 'Average count', oct: '29', nov: '29', dec: '29', ytd: '20.5', red: '21+', amber: '20<', green: '18<', y1819: '23.0' }]);
    const r = row(table, '11.4');
    expect(r.yearOnYear?.rag).toBeNull();
    const problem = r.problems.find((p) => p.address === `${String.fromCharCode(65 + colOf(CORPORATE_ORDER, 'ytd'))}5`);
    expect(problem?.message.startsWith('Year-end RAG: 20.5 falls between')).toBe(true);
  });

  it.each([
    ['Within limits (lower is better)', 'declineWithinLimits'],
    ['Within limits (higher is better)', 'improvement'],
    ['Within Limits', 'increase'],
  ] as const)('draws a Within Limits outturn inside its range by the bracketed direction (%s: 19.4 after 18.0 is %s)', (polarity, state) => {
    const caseload = { ref: '11.5', name: 'Average caseload', polarity, unit: 'Average count', oct: '18.1', nov: '18.1', dec: '19.7', ytd: '19.4', red: '1+ above range', amber: '1 above range', green: '14-20', y1819: '18.0' };
    const r = row(read(CORPORATE_ORDER, [caseload]), '11.5');
    expect(r.yearOnYear?.rag).toBe('green');
    expect(r.yearOnYear?.dot).toMatchObject({ state, glyph: DOT_GLYPHS[state] });
  });

  it('leaves a table without the columns as it was read before: no year-on-year arrow, no year-end problem', () => {
    const { tables } = seedTables('corporateParenting');
    expect(tables.every((t) => t.columns.yoyDot === null && t.columns.yearEndRag === null)).toBe(true);
    expect(tables[0].columns.previousYear?.label).toBe('2018/19');
    expect(tables.flatMap((t) => t.indicators).every((r) => r.yearOnYear?.dot === null)).toBe(true);
    expect(tables.flatMap((t) => t.problems).some((p) => p.message.startsWith('Year-end RAG'))).toBe(false);
  });
});
