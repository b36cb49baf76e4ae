import { sheetMsg } from '../messages';
import { err, ok, type Result } from '../result';
import type { DotConvention } from '../types';
import { detectHeaders } from './detect';
import { evaluateRow } from './evaluate';
import { boxAddress, qualified, type Grid } from './grid';
import { LOOKED_FOR } from './headers';
import { bodyRows, eachRow } from './rows';
import type { IndicatorRow, Problem, ScorecardTable } from './scorecard';

/**
 * Reads every scorecard table on a sheet: finds the headers, reads the indicator rows and
 * judges each with the engine (RAG on the right figure, DOT, problems naming cells).
 * A header with no indicator rows under it is no table: it is listed as a problem (an
 * error when it is the only header). An error when no table is found; everything else the engine cannot evaluate is a
 * problem of its row, and the table is still returned.
 *
 * @example
 * const read = readScorecard(grid);
 * if (read.ok) read.value[0].reportingMonth.label // 'Dec-20'
 */
export function readScorecard(grid: Grid, options: { convention?: DotConvention } = {}): Result<ScorecardTable[]> {
  const convention = options.convention ?? 'performance';
  const headers = detectHeaders(grid);
  if (headers.length === 0) return err('noTable', sheetMsg.noTable(grid.sheetName, LOOKED_FOR));
  const tables: ScorecardTable[] = [];
  const empty: Array<{ problem: Problem; after: number }> = [];
  headers.forEach((header, i) => {
    const next = headers[i + 1]?.headerBox.top ?? Number.POSITIVE_INFINITY;
    const rows = bodyRows(grid, header, next);
    if (rows.length === 0) {
      // A header with nothing under it is no table: its body would start below its end, and
      // the plan would own (and format) nothing but a header. It is named as a problem instead.
      const address = boxAddress(header.headerBox);
      const message = sheetMsg.tableWithoutRows(grid.sheetName, address);
      empty.push({ problem: { address, qualifiedAddress: qualified(grid.sheetName, address), code: 'noTable', message }, after: tables.length });
      return;
    }
    const carried = tables[tables.length - 1]?.indicators.at(-1)?.section ?? '';
    const context = { grid, columns: header.columns, convention };
    // Each row is judged as it is read: no raw row outlives its judging.
    const indicators: IndicatorRow[] = [];
    eachRow(grid, header, rows, carried, (raw) => indicators.push(evaluateRow(raw, context)));
    const bottom = rows[rows.length - 1];
    tables.push({
      sheetName: grid.sheetName,
      headerBox: header.headerBox,
      bodyBox: { top: header.headerBox.bottom + 1, left: header.headerBox.left, bottom, right: header.headerBox.right },
      columns: header.columns,
      months: header.months,
      reportingMonth: header.months[header.months.length - 1],
      monthHeaderRow: header.monthHeaderRow,
      bannerRow: header.bannerRow,
      indicators,
      problems: indicators.flatMap((r) => r.problems),
    });
  });
  if (tables.length === 0) return err('noTable', empty[0]!.problem.message);
  // Listed with the table above it (or below, when it is the first), where the analyst looks.
  for (const { problem, after } of empty) tables[Math.max(0, after - 1)]!.problems.push(problem);
  return ok(tables);
}
