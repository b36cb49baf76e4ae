import { a1 } from '../sheet/grid';
import type { IndicatorRow, ScorecardTable } from '../sheet/scorecard';
import type { DotConvention, Polarity } from '../types';

/**
 * A cell reference as a PERF argument: `IF(ISBLANK(H12),"",H12)`. Desktop Excel passes a
 * blank cell to a custom function as 0, Excel on the web as null (OfficeDev/office-js#4702,
 * #5262, #1951), so a bare `H12` would rate an empty month as 0 (and read an empty Red cell
 * as a tolerance of 0) on desktop. ISBLANK is true only for an empty cell, so a real 0 still
 * arrives as 0 and an empty cell as "" on every host.
 *
 * @example cellArg('H12') // 'IF(ISBLANK(H12),"",H12)'
 */
export function cellArg(address: string): string {
  return `IF(ISBLANK(${address}),"",${address})`;
}

export function ref(row: number, col: number | null): string {
  return col === null ? '""' : cellArg(a1(row, col));
}

/** GOOD PERF IS as PERF.RAG/PERF.DOT read it, for a polarity no cell holds. */
const POLARITY_TEXT: Record<Polarity, string> = { high: 'High', low: 'Low', withinLimits: 'Within Limits', info: 'Info' };

/**
 * The polarity argument: the GOOD PERF IS cell the row's polarity really lives in. A sub-row
 * leaves its own cell blank and inherits the row above's (seed 9.1's monthly sub-row);
 * referencing the blank cell would make a bare target like 0.025 a #VALUE!.
 */
export function polarityArg(table: ScorecardTable, row: IndicatorRow): string {
  if (row.polarityRow !== undefined && row.polarityRow !== null) return ref(row.polarityRow, table.columns.polarity);
  if (row.polarityRow === undefined) return ref(row.row, table.columns.polarity);
  return row.polarity ? `"${POLARITY_TEXT[row.polarity]}"` : '""';
}

/**
 * Whether live formulas give what the engine gave. A row the engine flagged (a unit
 * mismatch, an Info row with tolerances, an unreadable target) is judged on what the
 * functions cannot see, so it keeps its static write; a missing figure is seen alike.
 *
 * @example judgedLive(byKey(tables, '11.5')) // false: a % target in a count row
 */
export function judgedLive(row: IndicatorRow): boolean {
  // A warning (a gap or an unreadable cell away from the figure) is seen alike by PERF.RAG.
  return row.problems.every((p) => p.code === 'missingValue' || p.severity === 'warning');
}

/**
 * The live RAG formula of a row, referencing its own cells: the figure RAG is judged on
 * (or the reporting month), the three tolerance cells and the GOOD PERF IS cell the
 * polarity lives in. A row whose RAG cell carries the `YTD` marker keeps it in front of
 * the letter (`YTD` alone when there is no letter, as static mode writes).
 *
 * Every reference is guarded with `cellArg`, so a blank is never rated as 0.
 *
 * @example ragFormula(table, row) // '=PERF.RAG(IF(ISBLANK(I13),"",I13),IF(ISBLANK(N13),"",N13),…)'
 */
export function ragFormula(table: ScorecardTable, row: IndicatorRow): string {
  const c = table.columns;
  const valueCol = row.ragBasis?.col ?? table.reportingMonth.col;
  const call = `PERF.RAG(${ref(row.row, valueCol)},${ref(row.row, c.red)},${ref(row.row, c.amber)},${ref(row.row, c.green)},${polarityArg(table, row)})`;
  return row.ragBasis?.kind === 'ytd' && row.ragBasis.marked ? `=TRIM("YTD "&${call})` : `=${call}`;
}

/**
 * The live DOT formula of a row: the month compared and the one before, GOOD PERF IS, the
 * row's RAG cell as status (without its `YTD` marker), and for Within Limits rows the
 * Green cell as the target range (moving towards `14-20` is an improvement).
 * Null when the row has no previous month to compare with.
 *
 * @example dotFormula(table, row, 'performance') // '=PERF.DOT(IF(ISBLANK(I13),"",I13),IF(ISBLANK(H13),"",H13),…)'
 */
export function dotFormula(table: ScorecardTable, row: IndicatorRow, convention: DotConvention): string | null {
  const pair = row.dotMonths;
  if (!pair || !pair.previous) return null;
  const c = table.columns;
  const marked = row.ragBasis?.kind === 'ytd' && row.ragBasis.marked;
  const status = c.rag === null ? '""' : marked ? `TRIM(SUBSTITUTE(${a1(row.row, c.rag)},"YTD",""))` : ref(row.row, c.rag);
  const range = row.polarity === 'withinLimits' && c.green !== null ? ref(row.row, c.green) : null;
  const conv = convention === 'numeric' ? '"numeric"' : '';
  // Never an empty argument (`,,`): desktop Excel may pass an omitted one as 0, like a blank.
  const tail = range !== null ? `,${conv || '"performance"'},${range}` : conv !== '' ? `,${conv}` : '';
  return `=PERF.DOT(${cellArg(pair.current.address)},${cellArg(pair.previous.address)},${polarityArg(table, row)},${status}${tail})`;
}
