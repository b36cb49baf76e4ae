import { a1 } from '../sheet/grid';
import type { IndicatorRow, ScorecardTable } from '../sheet/scorecard';
import type { DotConvention } from '../types';
import { dotMonths } from '../sheet/evaluate';

function ref(row: number, col: number | null): string {
  return col === null ? '""' : a1(row, col);
}

/**
 * The live RAG formula of a row, referencing its own cells: the figure RAG is judged on
 * (or the reporting month), the three tolerance cells and GOOD PERF IS. A row whose RAG
 * cell carries the `YTD` marker keeps it in front of the letter.
 *
 * @example ragFormula(table, row) // '=PERF.RAG(I13,N13,O13,P13,E13)'
 */
export function ragFormula(table: ScorecardTable, row: IndicatorRow): string {
  const c = table.columns;
  const valueCol = row.ragBasis?.col ?? table.reportingMonth.col;
  const call = `PERF.RAG(${a1(row.row, valueCol)},${ref(row.row, c.red)},${ref(row.row, c.amber)},${ref(row.row, c.green)},${a1(row.row, c.polarity)})`;
  return row.ragBasis?.kind === 'ytd' && row.ragBasis.marked ? `="YTD "&${call}` : `=${call}`;
}

/**
 * The live DOT formula of a row: the month compared and the one before, GOOD PERF IS and
 * the row's RAG cell as status (its last letter when it carries the `YTD` marker).
 * Null when the row has no previous month to compare with.
 *
 * @example dotFormula(table, row, 'performance') // '=PERF.DOT(I13,H13,E13,M13)'
 */
export function dotFormula(table: ScorecardTable, row: IndicatorRow, convention: DotConvention): string | null {
  const pair = dotMonths(row.months, row.ragBasis);
  if (!pair || !pair.previous) return null;
  const c = table.columns;
  const marked = row.ragBasis?.kind === 'ytd' && row.ragBasis.marked;
  const status = c.rag === null ? '""' : marked ? `RIGHT(${a1(row.row, c.rag)},1)` : a1(row.row, c.rag);
  const conv = convention === 'numeric' ? ',"numeric"' : '';
  return `=PERF.DOT(${pair.current.address},${pair.previous.address},${a1(row.row, c.polarity)},${status}${conv})`;
}
