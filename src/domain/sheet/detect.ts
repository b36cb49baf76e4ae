import { cellText, type CellBox, type Grid } from './grid';
import { classifyHeader, isYearLabel, type ColumnRole } from './headers';
import { monthLabel, readMonthCell } from './months';
import type { MonthColumn, TableColumns } from './scorecard';

/** A table's header as found on a grid: boxes, column roles and month columns. */
export interface DetectedHeader {
  headerBox: CellBox;
  monthHeaderRow: number;
  bannerRow: number | null;
  columns: TableColumns;
  months: MonthColumn[];
}

function cellMonth(grid: Grid, row: number, col: number): MonthColumn | null {
  const i = row - grid.top;
  const j = col - grid.left;
  const m = readMonthCell(grid.values[i]?.[j], grid.text[i]?.[j] ?? '', grid.numberFormats[i]?.[j] ?? 'General');
  return m ? { ...m, col, label: monthLabel(m) } : null;
}

function rowRange(grid: Grid): { first: number; last: number } {
  return { first: grid.top, last: grid.top + grid.values.length - 1 };
}

function colRange(grid: Grid): { first: number; last: number } {
  return { first: grid.left, last: grid.left + (grid.values[0]?.length ?? 0) - 1 };
}

/** Months of a row: the longest run of consecutive months left to right (oldest first). */
function monthRun(grid: Grid, row: number): MonthColumn[] {
  const cols = colRange(grid);
  let best: MonthColumn[] = [];
  let run: MonthColumn[] = [];
  for (let c = cols.first; c <= cols.last; c++) {
    const m = cellMonth(grid, row, c);
    const prev = run[run.length - 1];
    if (m && (!prev || m.year * 12 + m.month === prev.year * 12 + prev.month + 1)) run.push(m);
    else run = m ? [m] : [];
    if (run.length > best.length) best = run;
  }
  return best;
}

/** Text of a header cell, or of the merged area that covers it (headers split across merges). */
function headerText(grid: Grid, row: number, col: number, merges: CellBox[]): string {
  const own = cellText(grid, row, col).trim();
  if (own !== '') return own;
  const m = merges.find((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  return m ? cellText(grid, m.top, m.left).trim() : '';
}

/**
 * Finds every scorecard table header on a grid: a row with GOOD PERF IS, next to a row of
 * month headers (dates or `Mmm-yy` text), possibly under a banner row (`2020/21`).
 * Tolerant of the seeds' variants: headers split over two rows or merged cells, any case.
 *
 * @example detectHeaders(grid).map((h) => h.headerBox.top) // [2, 40]
 */
export function detectHeaders(grid: Grid): DetectedHeader[] {
  const rows = rowRange(grid);
  const cols = colRange(grid);
  const merges = grid.merges ?? [];
  const found: DetectedHeader[] = [];
  let r = rows.first;
  while (r <= rows.last) {
    const anchor = findPolarityCol(grid, r, cols);
    if (anchor === null) {
      r++;
      continue;
    }
    const header = readHeader(grid, r, anchor, merges, cols, rows);
    if (header) {
      found.push(header);
      r = header.headerBox.bottom + 1;
    } else r++;
  }
  return found;
}

/** The GOOD PERF IS column of a row, if it has one: this runs on every cell of the sheet, row by row. */
function findPolarityCol(grid: Grid, row: number, cols: { first: number; last: number }): number | null {
  const texts = grid.text[row - grid.top];
  const values = grid.values[row - grid.top];
  for (let c = cols.first; c <= cols.last; c++) {
    const j = c - grid.left;
    const shown = texts?.[j] ?? '';
    // Only text can name the column (a number's or a boolean's digits never do).
    const value = shown === '' ? values?.[j] : shown;
    // Cheap test first.
    if (typeof value === 'string' && /perf|polarity/i.test(value) && classifyHeader(value) === 'polarity') return c;
  }
  return null;
}

function readHeader(
  grid: Grid,
  anchorRow: number,
  polarityCol: number,
  merges: CellBox[],
  cols: { first: number; last: number },
  rows: { first: number; last: number },
): DetectedHeader | null {
  // Month labels sit on the anchor row or the row below (or two below, under a spacer).
  let monthRow = -1;
  let months: MonthColumn[] = [];
  for (const candidate of [anchorRow + 1, anchorRow, anchorRow + 2, anchorRow - 1]) {
    if (candidate < rows.first || candidate > rows.last) continue;
    const run = monthRun(grid, candidate);
    if (run.length > 0) {
      monthRow = candidate;
      months = run;
      break;
    }
  }
  if (monthRow < 0) return null;
  let top = Math.min(anchorRow, monthRow);
  const bottom = Math.max(anchorRow, monthRow);
  // A banner (`2020/21`, `2019 / 20`) over the month columns, on a row of its own above.
  let bannerRow: number | null = null;
  for (let r = monthRow - 1; r >= Math.max(rows.first, top - 1); r--) {
    if (months.some((m) => isYearLabel(headerText(grid, r, m.col, merges)))) {
      bannerRow = r;
      top = Math.min(top, r);
      break;
    }
  }

  const roles = new Map<number, ColumnRole>();
  const yearLabels = new Map<number, string>();
  for (let c = cols.first; c <= cols.last; c++) {
    if (months.some((m) => m.col === c)) continue;
    for (let r = bottom; r >= top; r--) {
      const text = headerText(grid, r, c, merges);
      const role = classifyHeader(text);
      if (role === null) continue;
      // A year label above the month row is a banner, in the month row a trend year.
      if (role === 'year' && r !== monthRow) continue;
      if (role === 'banner') continue;
      roles.set(c, role);
      if (role === 'year') yearLabels.set(c, text);
      break;
    }
    if (!roles.has(c)) {
      // A header typed over two cells (`Year To` above `Date 2020/21`) reads as one.
      const own = [];
      for (let r = top; r <= bottom; r++) own.push(cellText(grid, r, c).trim());
      const joined = classifyHeader(own.filter((t) => t !== '').join(' '));
      if (joined !== null && joined !== 'banner' && joined !== 'year') roles.set(c, joined);
    }
  }
  const first = (role: ColumnRole): number | null => {
    for (const [c, r] of [...roles].sort((a, b) => a[0] - b[0])) if (r === role) return c;
    return null;
  };
  const all = (role: ColumnRole): number[] =>
    [...roles].filter(([, r]) => r === role).map(([c]) => c).sort((a, b) => a - b);

  const ref = first('ref');
  const indicator = first('indicator');
  if (ref === null && indicator === null) return null;
  const leftmost = Math.min(...[ref, indicator, polarityCol].filter((c): c is number => c !== null));
  // The section column is the unlabelled one left of NO. (labels there are only on the first row of a group).
  const section = leftmost > cols.first && !roles.has(leftmost - 1) ? leftmost - 1 : null;
  // An unlabelled column between INDICATOR and GOOD PERF IS carries sub-row labels
  // (`Number of families`, `Children`); a merged INDICATORS header may also cover it.
  const indicatorCols = all('indicator');
  let subLabel: number | null = null;
  if (indicator !== null) {
    for (let c = indicator + 1; c < polarityCol; c++) {
      const role = roles.get(c);
      if (role === undefined || (role === 'indicator' && indicatorCols.length > 1)) {
        subLabel = c;
        break;
      }
    }
  }
  const labelled = [...roles.keys(), ...months.map((m) => m.col)];
  const right = Math.max(...labelled);
  return {
    headerBox: { top, left: section ?? leftmost, bottom, right },
    monthHeaderRow: monthRow,
    bannerRow,
    months,
    columns: {
      section,
      ref,
      indicator,
      subLabel,
      polarity: polarityCol,
      unit: first('unit'),
      ytd: first('ytd'),
      dataNote: all('dataNote').find((c) => c > months[months.length - 1].col) ?? first('dataNote'),
      dot: first('dot'),
      rag: first('rag'),
      yoyDot: first('yoyDot'),
      yearEndRag: first('yearEndRag'),
      red: first('red'),
      amber: first('amber'),
      green: first('green'),
      years: all('year'),
      previousYear: previousYearColumn(yearLabels, months[months.length - 1]),
      benchmarks: all('benchmark'),
    },
  };
}

/**
 * The trend column of the year before the reporting month's financial year (April to
 * March): `2019/20` for Dec-20 and for Apr-20 alike, `2018/19` for Mar-20.
 *
 * @example previousYearColumn(new Map([[19, '2019/20']]), { year: 2020, month: 12, col: 7, label: 'Dec-20' }) // { col: 19, label: '2019/20' }
 */
export function previousYearColumn(labels: Map<number, string>, reporting: MonthColumn): { col: number; label: string } | null {
  const start = (reporting.month >= 4 ? reporting.year : reporting.year - 1) - 1;
  for (const [col, label] of labels) {
    if (Number(/\d{4}/.exec(label)?.[0]) === start) return { col, label: label.replace(/\s+/g, '') };
  }
  return null;
}
