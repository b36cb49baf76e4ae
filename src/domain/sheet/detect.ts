import { cellText, type CellBox, type Grid } from './grid';
import { classifyHeader, isYearLabel, type ColumnRole } from './headers';
import { monthLabel, readMonthCell } from './months';
import type { MonthColumn, TableColumns } from './scorecard';

/** Whether `t` holds `tail` (lower-case ASCII) from `at`, in either case. */
function holdsAt(t: string, at: number, tail: string): boolean {
  if (at + tail.length > t.length) return false;
  for (let k = 0; k < tail.length; k++) if ((t.charCodeAt(at + k) | 0x20) !== tail.charCodeAt(k)) return false;
  return true;
}

/**
 * The cheap test before a header is classified, run on every text cell of the sheet:
 * `/perf|polarity/i` as a loop over the characters (in that expression's case folding, no
 * character outside ASCII matches an ASCII letter, so `| 0x20` on ASCII letters is all of it).
 */
function mayNamePolarity(t: string): boolean {
  for (let i = 0; i + 3 < t.length; i++) {
    if ((t.charCodeAt(i) | 0x20) !== 0x70 /* p */) continue;
    if (holdsAt(t, i + 1, 'erf') || holdsAt(t, i + 1, 'olarity')) return true;
  }
  return false;
}

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
    if (typeof value === 'string' && mayNamePolarity(value) && classifyHeader(value) === 'polarity') return c;
  }
  return null;
}

/** The month header row (the anchor row, the row below, two below under a spacer, or above) and its months. */
function findMonthRow(grid: Grid, anchorRow: number, rows: { first: number; last: number }): { row: number; months: MonthColumn[] } | null {
  for (const candidate of [anchorRow + 1, anchorRow, anchorRow + 2, anchorRow - 1]) {
    if (candidate < rows.first || candidate > rows.last) continue;
    const run = monthRun(grid, candidate);
    if (run.length > 0) return { row: candidate, months: run };
  }
  return null;
}

/** A banner (`2020/21`, `2019 / 20`) over the month columns, on a row of its own above (at most one above the header). */
function findBannerRow(grid: Grid, monthRow: number, top: number, months: MonthColumn[], merges: CellBox[], firstRow: number): number | null {
  for (let r = monthRow - 1; r >= Math.max(firstRow, top - 1); r--) {
    if (months.some((m) => isYearLabel(headerText(grid, r, m.col, merges)))) return r;
  }
  return null;
}

/** The header rows of a table, and where its months are. */
interface HeaderRows {
  top: number;
  bottom: number;
  monthRow: number;
  months: MonthColumn[];
}

/** A column's role from its header cells, bottom up; a year label counts only in the month row. */
function columnRole(grid: Grid, c: number, h: HeaderRows, merges: CellBox[]): { role: ColumnRole; text: string } | null {
  for (let r = h.bottom; r >= h.top; r--) {
    const text = headerText(grid, r, c, merges);
    const role = classifyHeader(text);
    if (role === null) continue;
    // A year label above the month row is a banner, in the month row a trend year.
    if ((role === 'year' && r !== h.monthRow) || role === 'banner') continue;
    return { role, text };
  }
  // A header typed over two cells (`Year To` above `Date 2020/21`) reads as one.
  const own: string[] = [];
  for (let r = h.top; r <= h.bottom; r++) own.push(cellText(grid, r, c).trim());
  const joined = classifyHeader(own.filter((t) => t !== '').join(' '));
  return joined !== null && joined !== 'banner' && joined !== 'year' ? { role: joined, text: '' } : null;
}

/** Every labelled column's role (month columns aside), and the trend years' labels. */
function columnRoles(grid: Grid, h: HeaderRows, merges: CellBox[], cols: { first: number; last: number }): { roles: Map<number, ColumnRole>; yearLabels: Map<number, string> } {
  const roles = new Map<number, ColumnRole>();
  const yearLabels = new Map<number, string>();
  for (let c = cols.first; c <= cols.last; c++) {
    if (h.months.some((m) => m.col === c)) continue;
    const found = columnRole(grid, c, h, merges);
    if (found === null) continue;
    roles.set(c, found.role);
    if (found.role === 'year') yearLabels.set(c, found.text);
  }
  return { roles, yearLabels };
}

/** Columns of one role, left to right. */
function columnsOf(roles: Map<number, ColumnRole>, role: ColumnRole): number[] {
  const out: number[] = [];
  for (const [c, r] of roles) if (r === role) out.push(c);
  return out.sort((a, b) => a - b);
}

/**
 * An unlabelled column between INDICATOR and GOOD PERF IS carries sub-row labels
 * (`Number of families`, `Children`); a merged INDICATORS header may also cover it.
 */
function subLabelColumn(roles: Map<number, ColumnRole>, indicator: number | null, polarityCol: number): number | null {
  if (indicator === null) return null;
  const indicatorCols = columnsOf(roles, 'indicator');
  for (let c = indicator + 1; c < polarityCol; c++) {
    const role = roles.get(c);
    if (role === undefined || (role === 'indicator' && indicatorCols.length > 1)) return c;
  }
  return null;
}

/** What each column of a table means, from the roles its headers name. */
function tableColumns(roles: Map<number, ColumnRole>, yearLabels: Map<number, string>, months: MonthColumn[], polarityCol: number, section: number | null): TableColumns {
  const first = (role: ColumnRole): number | null => columnsOf(roles, role)[0] ?? null;
  const indicator = first('indicator');
  return {
    section,
    ref: first('ref'),
    indicator,
    subLabel: subLabelColumn(roles, indicator, polarityCol),
    polarity: polarityCol,
    unit: first('unit'),
    ytd: first('ytd'),
    dataNote: columnsOf(roles, 'dataNote').find((c) => c > months[months.length - 1].col) ?? first('dataNote'),
    dot: first('dot'),
    rag: first('rag'),
    yoyDot: first('yoyDot'),
    yearEndRag: first('yearEndRag'),
    red: first('red'),
    amber: first('amber'),
    green: first('green'),
    years: columnsOf(roles, 'year'),
    previousYear: previousYearColumn(yearLabels, months[months.length - 1]),
    benchmarks: columnsOf(roles, 'benchmark'),
  };
}

/** The header anchored on a GOOD PERF IS cell, or null when no month row or no NO. / INDICATOR column goes with it. */
function readHeader(
  grid: Grid,
  anchorRow: number,
  polarityCol: number,
  merges: CellBox[],
  cols: { first: number; last: number },
  rows: { first: number; last: number },
): DetectedHeader | null {
  const monthRow = findMonthRow(grid, anchorRow, rows);
  if (monthRow === null) return null;
  const months = monthRow.months;
  const bottom = Math.max(anchorRow, monthRow.row);
  const top0 = Math.min(anchorRow, monthRow.row);
  const bannerRow = findBannerRow(grid, monthRow.row, top0, months, merges, rows.first);
  const top = bannerRow === null ? top0 : Math.min(top0, bannerRow);
  const { roles, yearLabels } = columnRoles(grid, { top, bottom, monthRow: monthRow.row, months }, merges, cols);
  const ref = columnsOf(roles, 'ref')[0] ?? null;
  const indicator = columnsOf(roles, 'indicator')[0] ?? null;
  if (ref === null && indicator === null) return null;
  const leftmost = Math.min(...[ref, indicator, polarityCol].filter((c): c is number => c !== null));
  // The section column is the unlabelled one left of NO. (labels there are only on the first row of a group).
  const section = leftmost > cols.first && !roles.has(leftmost - 1) ? leftmost - 1 : null;
  const right = Math.max(...roles.keys(), ...months.map((m) => m.col));
  return {
    headerBox: { top, left: section ?? leftmost, bottom, right },
    monthHeaderRow: monthRow.row,
    bannerRow,
    months,
    columns: tableColumns(roles, yearLabels, months, polarityCol, section),
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
