import { evaluateDot } from '../dot';
import { packMsg } from '../pack/messages';
import { checkUnits, evaluateRag } from '../rag';
import { targetRange } from '../tolerance';
import type { DotConvention, Rag } from '../types';
import { comparePrecision } from '../value';
import { qualified, type Grid } from './grid';
import { readMonthValue } from './rows';
import type { IndicatorRow, Problem, ReadCell, RowDot, TableColumns, YearOnYear } from './scorecard';

/** Most rows set no cell aside: one empty set for them all (only ever read). */
const NONE_SET_ASIDE: ReadonlySet<string> = new Set();

/** The year-end RAG: the outturn / YTD judged against the row's tolerances, as the monthly RAG is. */
function yearEndRag(row: IndicatorRow, setAside: ReadonlySet<string>): { rag: Rag | null; problem: Omit<Problem, 'qualifiedAddress'> | null } {
  const tol = row.tolerances.parsed;
  const ytd = row.ytd;
  if (!tol || tol.kind !== 'bands' || !ytd || ytd.value.kind !== 'number' || setAside.has(ytd.address)) return { rag: null, problem: null };
  const units = checkUnits(ytd.value, tol);
  if (!units.ok) return { rag: null, problem: { address: ytd.address, code: units.error.code, message: packMsg.yearEndInGap(units.error.message) } };
  const judged = evaluateRag(ytd.value.value, tol);
  if (!judged.ok) return { rag: null, problem: { address: ytd.address, code: judged.error.code, message: packMsg.yearEndInGap(judged.error.message) } };
  return { rag: judged.value, problem: null };
}

/** The year-on-year arrow, or why there is none; the same engine, precision and glyphs as the monthly DOT. */
function yoyDot(
  row: IndicatorRow,
  previous: YearOnYear['previousYear'],
  status: Rag | null,
  convention: DotConvention,
  setAside: ReadonlySet<string>,
): RowDot {
  const ytd: ReadCell | null = row.ytd;
  if (!ytd || ytd.value.kind !== 'number') return { state: null, reason: packMsg.yoyMissing(packMsg.ytdFigure, ytd?.text ?? '') };
  if (setAside.has(ytd.address)) return { state: null, reason: packMsg.yoySetAside(ytd.text) };
  if (!previous) return { state: null, reason: packMsg.yoyNoTrendColumn() };
  if (previous.value.kind !== 'number') return { state: null, reason: packMsg.yoyMissing(packMsg.previousYearFigure(previous.label), previous.text) };
  // A count against a percentage (a whole-number 90.2 beside 90.2%) says nothing about direction.
  if (previous.value.percent !== ytd.value.percent) {
    return { state: null, reason: packMsg.yoyNotComparable(ytd.text.trim(), previous.text.trim(), previous.label) };
  }
  const tol = row.tolerances.parsed;
  const result = evaluateDot({
    current: ytd.value,
    previous: previous.value,
    polarity: row.polarity ?? 'info',
    status,
    convention,
    decimals: comparePrecision(ytd.value, previous.value),
    range: tol ? targetRange(tol) : null,
    lean: row.lean ?? null,
  });
  if (!result.ok) return { state: null, reason: result.error.message };
  return result.value;
}

/**
 * Adds the year-on-year reading to a judged row: last year's outturn from the trend
 * column of the year before the reporting month's financial year, the year-end RAG (the
 * outturn / YTD against the tolerances) and the year-on-year DOT (the outturn / YTD against
 * last year's outturn, at the precision both are shown, the year-end RAG telling a decline
 * within limits from one not on target). The DOT is computed only when the table has a
 * year-on-year DOT column, and year-end problems are reported only when it has a year-end
 * RAG column: a table without them reads as before.
 *
 * @example withYearOnYear(grid, row, columns, 'performance').yearOnYear?.dot // { state: 'improvement', glyph: '↑', … } for 6.8, 91.2% against 2018/19's 88.6%
 */
export function withYearOnYear(grid: Grid, row: IndicatorRow, columns: TableColumns, convention: DotConvention): IndicatorRow {
  const py = columns.previousYear;
  const previous = py ? readMonthValue(grid, row.row, py.col, py.label) : null;
  // Cells the monthly reading set aside for a unit problem (90.2 in a % row) stay aside here.
  const setAside = row.problems.some((p) => p.code === 'unitMismatch')
    ? new Set(row.problems.filter((p) => p.code === 'unitMismatch').map((p) => p.address))
    : NONE_SET_ASIDE;
  const judged = yearEndRag(row, setAside);
  let problems = row.problems;
  if (columns.yearEndRag !== null && judged.problem) {
    problems = [...row.problems, { ...judged.problem, qualifiedAddress: qualified(grid.sheetName, judged.problem.address), ref: row.ref, key: row.key }];
  }
  const dot = columns.yoyDot === null || row.polarity === null ? null : yoyDot(row, previous, judged.rag, convention, setAside);
  return { ...row, yearOnYear: { previousYear: previous, dot, rag: judged.rag }, problems };
}
