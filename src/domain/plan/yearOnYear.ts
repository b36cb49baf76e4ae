import { a1 } from '../sheet/grid';
import type { IndicatorRow, ScorecardTable } from '../sheet/scorecard';
import type { DotConvention } from '../types';
import { cellArg, judgedLive, polarityArg, ref } from './formulas';
import { NO_ARROW_MARK } from './key';
import { RAG_LETTER } from './palette';
import type { CellNote, CellWrite } from './types';


/**
 * Whether the functions see what the engine saw: PERF.DOT cannot see number formats, so a
 * percentage against a count (which the engine refuses to compare) stays static.
 */
function comparableLive(row: IndicatorRow): boolean {
  const ytd = row.ytd?.value;
  const previous = row.yearOnYear?.previousYear?.value;
  return !(ytd?.kind === 'number' && previous?.kind === 'number' && ytd.percent !== previous.percent);
}

/**
 * The live year-end RAG: `PERF.RAG` on the outturn / YTD cell with the row's tolerances.
 * @example yearEndRagFormula(table, row) // '=PERF.RAG(IF(ISBLANK(I13),"",I13),…)' (every reference guarded, see cellArg)
 */
export function yearEndRagFormula(table: ScorecardTable, row: IndicatorRow): string | null {
  const c = table.columns;
  if (c.ytd === null) return null;
  return `=PERF.RAG(${ref(row.row, c.ytd)},${ref(row.row, c.red)},${ref(row.row, c.amber)},${ref(row.row, c.green)},${polarityArg(table, row)})`;
}

/**
 * The live year-on-year DOT: `PERF.DOT` on the outturn / YTD and last year's outturn, with
 * the year-end RAG cell (when the table has one) as status and, for Within Limits rows, the
 * Green range. Null when the table has no YTD or no trend column for last year.
 *
 * @example yoyDotFormula(table, row, 'performance') // '=PERF.DOT(IF(ISBLANK(I13),"",I13),…)'
 */
export function yoyDotFormula(table: ScorecardTable, row: IndicatorRow, convention: DotConvention): string | null {
  const c = table.columns;
  if (c.ytd === null || c.previousYear === null) return null;
  const status = c.yearEndRag === null ? '""' : ref(row.row, c.yearEndRag);
  const range = row.polarity === 'withinLimits' && c.green !== null ? ref(row.row, c.green) : null;
  const conv = convention === 'numeric' ? '"numeric"' : '';
  // Never an empty argument (`,,`): desktop Excel may pass an omitted one as 0, like a blank.
  const tail = range !== null ? `,${conv || '"performance"'},${range}` : conv !== '' ? `,${conv}` : '';
  return `=PERF.DOT(${ref(row.row, c.ytd)},${cellArg(a1(row.row, c.previousYear.col))},${polarityArg(table, row)},${status}${tail})`;
}

/**
 * The year-on-year DOT and year-end RAG writes of a row (none when the table has neither
 * column): arrows and letters in static mode, with the dash and a note saying why where
 * there is no arrow; `=PERF.` formulas in formulas mode where the functions see what the
 * engine saw.
 *
 * @example yearOnYearWrites(table, row, { mode: 'static', convention: 'performance' }, notes) // [{ row: 12, col: 11, value: '↑' }, { row: 12, col: 12, value: 'A' }]
 */
export function yearOnYearWrites(
  table: ScorecardTable,
  row: IndicatorRow,
  options: { mode: 'static' | 'formulas'; convention: DotConvention },
  notes: CellNote[],
): CellWrite[] {
  const c = table.columns;
  const yoy = row.yearOnYear;
  const writes: CellWrite[] = [];
  const live = options.mode === 'formulas' && judgedLive(row) && comparableLive(row);
  if (c.yoyDot !== null) {
    const formula = live ? yoyDotFormula(table, row, options.convention) : null;
    const dot = yoy?.dot ?? null;
    let value = '';
    if (formula !== null) value = formula;
    else if (dot && dot.state !== null) value = dot.glyph;
    else if (dot) {
      // As the monthly DOT: no arrow, and the reason is visible.
      value = NO_ARROW_MARK;
      notes.push({ row: row.row, col: c.yoyDot, text: dot.reason });
    }
    // A live cell shows, until recalculated, what static mode writes (its cached result).
    const shown = dot && dot.state !== null ? dot.glyph : dot ? NO_ARROW_MARK : '';
    writes.push(formula !== null ? { kind: 'formula', row: row.row, col: c.yoyDot, formula, result: shown } : { kind: 'value', row: row.row, col: c.yoyDot, value });
  }
  if (c.yearEndRag !== null) {
    const formula = live ? yearEndRagFormula(table, row) : null;
    const letter = yoy?.rag ? RAG_LETTER[yoy.rag] : '';
    writes.push(formula !== null ? { kind: 'formula', row: row.row, col: c.yearEndRag, formula, result: letter } : { kind: 'value', row: row.row, col: c.yearEndRag, value: letter });
  }
  return writes;
}
