import { evaluateDot } from '../dot';
import { packMsg } from '../pack/messages';
import { checkUnits, evaluateRag } from '../rag';
import { targetRange } from '../tolerance';
import type { Tolerances } from '../tolerance';
import type { DotConvention, Polarity, Rag } from '../types';
import { comparePrecision } from '../value';
import { qualified, type Grid } from './grid';
import { readMonthValue, type RawRow } from './rows';
import type { Problem, ReadCell, RowDot, TableColumns, YearOnYear } from './scorecard';

/** Most rows set no cell aside: one empty set for them all (only ever read). */
const NONE_SET_ASIDE: ReadonlySet<string> = new Set();

/** What the year-on-year reading needs of a row being judged. */
type Judged = Pick<RawRow, 'row' | 'ref' | 'key' | 'lean' | 'ytd'>;

/** The year-end RAG: the outturn / YTD judged against the row's tolerances, as the monthly RAG is. */
function yearEndRag(ytd: ReadCell | null, tol: Tolerances | null, setAside: ReadonlySet<string>): { rag: Rag | null; problem: Omit<Problem, 'qualifiedAddress'> | null } {
  if (!tol || tol.kind !== 'bands' || !ytd || ytd.value.kind !== 'number' || setAside.has(ytd.address)) return NO_YEAR_END;
  const units = checkUnits(ytd.value, tol);
  if (!units.ok) return { rag: null, problem: { address: ytd.address, code: units.error.code, message: packMsg.yearEndInGap(units.error.message) } };
  const judged = evaluateRag(ytd.value.value, tol);
  if (!judged.ok) return { rag: null, problem: { address: ytd.address, code: judged.error.code, message: packMsg.yearEndInGap(judged.error.message) } };
  return { rag: judged.value, problem: null };
}

const NO_YEAR_END: { rag: null; problem: null } = Object.freeze({ rag: null, problem: null });

/** The year-on-year arrow, or why there is none; the same engine, precision and glyphs as the monthly DOT. */
function yoyDot(
  row: Judged,
  judged: { polarity: Polarity | null; tol: Tolerances | null; status: Rag | null },
  previous: YearOnYear['previousYear'],
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
  const result = evaluateDot({
    current: ytd.value,
    previous: previous.value,
    polarity: judged.polarity ?? 'info',
    status: judged.status,
    convention,
    decimals: comparePrecision(ytd.value, previous.value),
    range: judged.tol ? targetRange(judged.tol) : null,
    lean: row.lean ?? null,
  });
  if (!result.ok) return { state: null, reason: result.error.message };
  return result.value;
}

/** Cells the monthly reading set aside for a unit problem (90.2 in a % row): they stay aside here. */
function setAsideOf(problems: readonly Problem[]): ReadonlySet<string> {
  let aside: Set<string> | null = null;
  for (const p of problems) if (p.code === 'unitMismatch') (aside ??= new Set()).add(p.address);
  return aside ?? NONE_SET_ASIDE;
}

/**
 * The year-on-year reading of a row being judged: last year's outturn from the trend
 * column of the year before the reporting month's financial year, the year-end RAG (the
 * outturn / YTD against the tolerances) and the year-on-year DOT (the outturn / YTD against
 * last year's outturn, at the precision both are shown, the year-end RAG telling a decline
 * within limits from one not on target). The DOT is computed only when the table has a
 * year-on-year DOT column, and a year-end problem is added to `problems` only when it has a
 * year-end RAG column: a table without them reads as before.
 *
 * @example yearOnYearOf({ grid, columns, convention: 'performance' }, raw, 'high', tol, problems).dot // { state: 'improvement', glyph: '↑', … } for 6.8, 91.2% against 2018/19's 88.6%
 */
export function yearOnYearOf(
  context: { grid: Grid; columns: TableColumns; convention: DotConvention },
  row: Judged,
  polarity: Polarity | null,
  tol: Tolerances | null,
  problems: Problem[],
): YearOnYear {
  const { grid, columns } = context;
  const py = columns.previousYear;
  const previous = py ? readMonthValue(grid, row.row, py.col, py.label) : null;
  const setAside = setAsideOf(problems);
  const judged = yearEndRag(row.ytd, tol, setAside);
  if (columns.yearEndRag !== null && judged.problem) {
    problems.push({ ...judged.problem, qualifiedAddress: qualified(grid.sheetName, judged.problem.address), ref: row.ref, key: row.key });
  }
  const dot = columns.yoyDot === null || polarity === null ? null : yoyDot(row, { polarity, tol, status: judged.rag }, previous, context.convention, setAside);
  return { previousYear: previous, dot, rag: judged.rag };
}
