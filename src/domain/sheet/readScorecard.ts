import { sheetMsg } from '../messages';
import { err, ok, type Result } from '../result';
import type { DotConvention } from '../types';
import { detectHeaders } from './detect';
import { evaluateRow } from './evaluate';
import type { Grid } from './grid';
import { LOOKED_FOR } from './headers';
import { bodyRows, readRows } from './rows';
import type { ScorecardTable } from './scorecard';

/**
 * Reads every scorecard table on a sheet: finds the headers, reads the indicator rows and
 * judges each with the engine (RAG on the right figure, DOT, problems naming cells).
 * An error only when no table is found; everything else the engine cannot evaluate is a
 * problem of its row, and the table is still returned.
 *
 * @example
 * const read = readScorecard(grid);
 * if (read.ok) read.value[0].reportingMonth.label // 'Dec-20'
 */
export function readScorecard(grid: Grid, options: { convention?: DotConvention } = {}): Result<ScorecardTable[]> {
  const convention = options.convention ?? 'performance';
  const headers = detectHeaders(grid);
  if (headers.length === 0) return err('badArgument', sheetMsg.noTable(grid.sheetName, LOOKED_FOR));
  const tables: ScorecardTable[] = [];
  headers.forEach((header, i) => {
    const next = headers[i + 1]?.headerBox.top ?? Number.POSITIVE_INFINITY;
    const rows = bodyRows(grid, header, next);
    const carried = tables[tables.length - 1]?.indicators.at(-1)?.section ?? '';
    const raw = readRows(grid, header, rows, carried);
    const indicators = raw.map((r) => evaluateRow(r, grid.sheetName, convention, header.columns.polarity));
    const bottom = rows.length > 0 ? rows[rows.length - 1] : header.headerBox.bottom;
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
  return ok(tables);
}
