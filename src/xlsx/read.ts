import { ok } from '../domain/result';
import type { CellBox, Grid } from '../domain/sheet/grid';
import type { CellInput } from '../domain/types';
import { xlsxMessages } from './messages';
import { formatterOf } from './numberFormat';
import { packageErrorOf, XlsxWorkbook } from './package/workbook';
import type { CellRec, SheetPart } from './package/sheet';
import { symbolArrow } from './package/symbols';
import type { ZipCodec } from './package/zip';
import { xlsxError, type XlsxResult } from './result';
import { DAYS_1904_AFTER_1900, dateFromSerial, serialFromUtc } from '../domain/excelDate';
import { isDateFormat } from '../domain/sheet/months';

/**
 * The one reader of .xlsx files, for the CLI and the pane alike: opens the package
 * (src/xlsx/package) and turns a worksheet into the Grid the engine reads, from the cells
 * the file actually holds.
 */

/**
 * Opens bytes as a workbook; every failure is a message naming the file. `codec` does the
 * zip's deflate work (the CLI passes Node's zlib; the pane uses the built-in fflate).
 */
export function openWorkbook(data: ArrayBuffer | Uint8Array, name = 'The file', codec?: ZipCodec): XlsxResult<XlsxWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return ok(XlsxWorkbook.open(bytes, undefined, codec));
  } catch (e) {
    return failure(e, name);
  }
}

/** A thrown package or parser error as an error value with the file's name; rethrows bugs. */
export function failure(e: unknown, name: string): { ok: false; error: { code: import('./result').XlsxErrorCode; message: string } } {
  const p = packageErrorOf(e);
  if (!p) throw e;
  switch (p.code) {
    case 'notXlsx':
      return xlsxError('notXlsx', xlsxMessages.notXlsx(name));
    case 'oldXls':
      return xlsxError('notXlsx', xlsxMessages.oldXls(name));
    case 'encrypted':
      return xlsxError('encrypted', xlsxMessages.encrypted(name));
    case 'strict':
      return xlsxError('strict', xlsxMessages.strict(name));
    case 'tooLarge':
      return xlsxError('tooLarge', xlsxMessages.tooLarge(name, p.detail));
    case 'damaged':
      return xlsxError('damaged', xlsxMessages.damaged(name, p.detail));
    case 'unsafeXml':
      return xlsxError('unsafeXml', xlsxMessages.unsafeXml(name, p.detail));
    default:
      return xlsxError('unreadable', xlsxMessages.unreadable(name, p.detail));
  }
}

/** Figures further apart than this (empty rows or columns between) are not one table's. */
export const ROW_GAP = 500;
export const COL_GAP = 100;
/** The most cells a Grid may span; a sheet whose figures spread wider is refused. */
export const MAX_GRID_CELLS = 8_000_000;

/** The cell's value as Excel's `range.values` gives it (formulas as their cached result). */
export function cellInput(wb: XlsxWorkbook, c: CellRec): CellInput {
  const t = c.t;
  switch (t) {
    case 's': {
      // The index read from the file's text when it is plain digits (no string made for it).
      const k = c.plainNumber();
      const s = !Number.isNaN(k) ? wb.sharedStrings()[k] : c.v === null ? undefined : wb.sharedStrings()[Number(c.v)];
      return s === undefined || s === '' ? null : s;
    }
    case 'inlineStr':
      return c.is === null || c.is === '' ? null : c.is;
    case 'str':
    case 'e':
      return c.v === null || c.v === '' ? null : c.v;
    case 'b':
      return c.v === null ? null : c.v === '1' || c.v === 'true';
    case 'd': {
      if (c.v === null) return null;
      const ms = Date.parse(c.v.endsWith('Z') || /[+-]\d\d:\d\d$/.test(c.v) ? c.v : `${c.v}Z`);
      return Number.isNaN(ms) ? c.v : serialFromUtc(ms);
    }
    default: {
      // A figure written as plain digits is read as Number reads it, from the file's text.
      const plain = c.plainNumber();
      if (!Number.isNaN(plain)) return plain;
      if (c.v === null || c.v.trim() === '') return c.is !== null && c.is !== '' ? c.is : null;
      const n = Number(c.v);
      return Number.isFinite(n) ? n : c.v;
    }
  }
}

/**
 * How many figures each row or column holds. Columns (at most 16,384 in Excel) are counted
 * in a typed array; a column past that, which only an odd file writes, in a map.
 */
class Counts {
  private readonly dense = new Int32Array(COUNTED_COLUMNS);
  private denseMax = -1;
  private sparse: Map<number, number> | null = null;

  add(index: number, n: number): void {
    if (index < COUNTED_COLUMNS) {
      this.dense[index]! += n;
      if (index > this.denseMax) this.denseMax = index;
    } else {
      const sparse = (this.sparse ??= new Map());
      sparse.set(index, (sparse.get(index) ?? 0) + n);
    }
  }

  /** The used indexes, ascending, with their counts. */
  used(): { keys: number[]; counts: number[] } {
    const keys: number[] = [];
    const counts: number[] = [];
    for (let k = 0; k <= this.denseMax; k++) {
      const n = this.dense[k]!;
      if (n > 0) {
        keys.push(k);
        counts.push(n);
      }
    }
    if (this.sparse) {
      for (const k of [...this.sparse.keys()].sort((a, b) => a - b)) {
        keys.push(k);
        counts.push(this.sparse.get(k)!);
      }
    }
    return { keys, counts };
  }
}

const COUNTED_COLUMNS = 18_278; // ZZZ, the furthest column a reference can name

/** `Counts.used` of a map (rows: a sheet has a row count far beyond what it uses). */
export function usedOf(counts: Map<number, number>): { keys: number[]; counts: number[] } {
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return { keys, counts: keys.map((k) => counts.get(k)!) };
}

/** One-dimensional clusters of used indexes; the one holding most cells is the table's. */
export function densest({ keys, counts }: { keys: number[]; counts: number[] }, gap: number): { from: number; to: number } | null {
  if (keys.length === 0) return null;
  let bestFrom = keys[0]!;
  let bestTo = bestFrom;
  let bestN = 0;
  let from = bestFrom;
  let to = bestFrom;
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k - to > gap) {
      if (n > bestN) {
        bestFrom = from;
        bestTo = to;
        bestN = n;
      }
      from = k;
      n = 0;
    }
    to = k;
    n += counts[i]!;
  }
  if (n > bestN) return { from, to };
  return { from: bestFrom, to: bestTo };
}

/** A cell format's number format code and the text a value shows with it. */
interface Shown {
  format: string;
  render: (value: CellInput) => string;
  date: boolean;
}

/** Texts of numbers remembered per format: a column of figures repeats the same few. */
const REMEMBERED_TEXTS = 4096;

/**
 * The renderer of a number format, remembering the text of each number it shows (a sheet
 * of percentages at one decimal has at most a thousand distinct texts over its hundreds of
 * thousands of cells; each was a few new strings).
 */
export function rememberingRender(format: string): (value: CellInput) => string {
  const render = formatterOf(format);
  const texts = new Map<number, string>();
  return (value) => {
    // 0 and -0 are one key in a map; neither is remembered.
    if (typeof value !== 'number' || value === 0) return render(value);
    let text = texts.get(value);
    if (text === undefined) {
      text = render(value);
      if (texts.size < REMEMBERED_TEXTS) texts.set(value, text);
    }
    return text;
  };
}

/**
 * A worksheet as the engine reads it: values as Excel holds them, the text Excel would
 * display, the number formats and the merges. The grid spans the cells that hold
 * something (a formatted blank or a far merge does not widen it); a stray figure far from
 * the rest (hundreds of empty rows or columns away) is left out of it, so a cell written
 * at XFD1048576 costs one record, not a billion. A DOT arrow typed as a letter in a symbol
 * font (Wingdings `á`) reads as the arrow the reader of the sheet sees; a date in a
 * workbook of the 1904 date system reads as its 1900 serial, as every date in a Grid is.
 */
export function gridOf(wb: XlsxWorkbook, sheetName: string, fileName = 'The file'): XlsxResult<Grid> {
  let sheet: SheetPart;
  try {
    sheet = wb.sheet(sheetName);
  } catch (e) {
    return failure(e, fileName);
  }
  const styles = wb.styles;
  const date1904 = wb.date1904;
  const merges = sheet.merges();
  const covered = coverage(merges);
  const cells = sheet.cells();
  const count = cells.length;
  // Each cell's value, read once (index loops: this runs once per sheet, mostly before the
  // code is optimised, where a for-of makes an iterator result per cell).
  const inputs: CellInput[] = new Array<CellInput>(count);
  const rowCounts = new Map<number, number>();
  const colCounts = new Counts();
  // Cells come row by row: a row's figures are added to its count once.
  let countedRow = -1;
  let inRow = 0;
  for (let k = 0; k < count; k++) {
    const c = cells[k]!;
    const value = cellInput(wb, c);
    inputs[k] = value;
    if (value === null) continue;
    if (c.row !== countedRow) {
      if (inRow > 0) rowCounts.set(countedRow, (rowCounts.get(countedRow) ?? 0) + inRow);
      countedRow = c.row;
      inRow = 0;
    }
    inRow++;
    colCounts.add(c.col, 1);
  }
  if (inRow > 0) rowCounts.set(countedRow, (rowCounts.get(countedRow) ?? 0) + inRow);
  const rows = densest(usedOf(rowCounts), ROW_GAP);
  const cols = densest(colCounts.used(), COL_GAP);
  if (!rows || !cols) return ok({ sheetName, top: 0, left: 0, values: [], text: [], numberFormats: [], merges: clip(merges, null) });
  const box: CellBox = { top: rows.from, left: cols.from, bottom: rows.to, right: cols.to };
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  if (height * width > MAX_GRID_CELLS) return xlsxError('tooLarge', xlsxMessages.sheetTooSpread(fileName, sheetName, MAX_GRID_CELLS));
  // A sheet's cells share a handful of cell formats: each one's code and renderer is found once.
  const formats: Shown[] = [];
  const formatOf = (xf: number): Shown => {
    let known = formats[xf];
    if (known === undefined) {
      const format = styles.numberFormat(xf);
      known = { format, render: rememberingRender(format), date: isDateFormat(format) };
      formats[xf] = known;
    }
    return known;
  };
  const values: CellInput[][] = new Array<CellInput[]>(height);
  const text: string[][] = new Array<string[]>(height);
  const numberFormats: string[][] = new Array<string[]>(height);
  for (let i = 0; i < height; i++) {
    values[i] = new Array<CellInput>(width).fill(null);
    text[i] = new Array<string>(width).fill('');
    numberFormats[i] = new Array<string>(width).fill('General');
  }
  const { top, left, bottom, right } = box;
  for (let k = 0; k < count; k++) {
    const c = cells[k]!;
    const row = c.row;
    const col = c.col;
    if (row < top || row > bottom || col < left || col > right) continue;
    const value = inputs[k]!;
    const i = row - top;
    const j = col - left;
    if (value === null || covered(row, col)) {
      // A blank cell keeps its own number format (the engine reads a blank `0.0%` cell as a
      // % row), unless a figure was read at its place (a cell written twice).
      if (c.hasStyle && values[i]![j] === null) numberFormats[i]![j] = formatOf(c.style).format;
      continue;
    }
    const xf = c.style;
    const shown = formatOf(xf);
    let v = value;
    // A 1904 workbook's date, as the 1900 serial the engine reads (an ISO `t="d"` cell already is one).
    if (date1904 && shown.date && typeof v === 'number' && c.t !== 'd') v += DAYS_1904_AFTER_1900;
    if (typeof v === 'string' && v.length <= 2) {
      const arrow = symbolArrow(v, styles.fontName(xf));
      if (arrow) v = arrow;
    }
    values[i]![j] = v;
    text[i]![j] = shown.render(v);
    numberFormats[i]![j] = shown.format;
  }
  return ok({ sheetName, top, left, values, text, numberFormats, merges: clip(merges, box), ...(date1904 ? { date1904: true } : {}) });
}

/**
 * Whether a cell is covered by a merge and is not its top-left cell (Excel shows such
 * cells blank). Merges up to 1,000 rows tall are indexed by row; taller ones (a whole
 * column or sheet merged) are few and checked one by one.
 */
export function coverage(merges: readonly CellBox[]): (row: number, col: number) => boolean {
  // Asked for every figure of the sheet: no closure or iterator is made per question.
  if (merges.length === 0) return () => false;
  const byRow = new Map<number, CellBox[]>();
  const tall: CellBox[] = [];
  for (const m of merges) {
    if (m.bottom - m.top > 1000) tall.push(m);
    else for (let r = m.top; r <= m.bottom; r++) (byRow.get(r) ?? byRow.set(r, []).get(r)!).push(m);
  }
  return (row, col) => {
    const inRow = byRow.get(row);
    if (inRow !== undefined) for (let k = 0; k < inRow.length; k++) if (hides(inRow[k]!, row, col)) return true;
    for (let k = 0; k < tall.length; k++) if (hides(tall[k]!, row, col)) return true;
    return false;
  };
}

/** Whether the merge covers the cell and the cell is not its top-left one. */
function hides(m: CellBox, row: number, col: number): boolean {
  return row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left);
}

/** Merges that touch the grid, cut to it (a whole-sheet merge becomes the grid's box). */
export function clip(merges: CellBox[], box: CellBox | null): CellBox[] {
  if (!box) return [];
  const out: CellBox[] = [];
  for (const m of merges) {
    if (m.bottom < box.top || m.top > box.bottom || m.right < box.left || m.left > box.right) continue;
    // Only the merge's own top-left cell shows a value; a merge starting outside the grid is dropped.
    if (m.top < box.top || m.left < box.left) continue;
    out.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, box.bottom), right: Math.min(m.right, box.right) });
  }
  return out;
}

/**
 * Every worksheet of an .xlsx as a Grid: what the pane uses for a picked baseline file
 * (read locally; nothing is uploaded) and the CLI for its inputs.
 *
 * @example
 * const grids = await readGrids(await file.arrayBuffer(), file.name);
 * if (grids.ok) grids.value.map((g) => g.sheetName) // ['Nov-20', ...]
 */
export async function readGrids(data: ArrayBuffer | Uint8Array, name = 'The file'): Promise<XlsxResult<Grid[]>> {
  const opened = openWorkbook(data, name);
  if (!opened.ok) return opened;
  const grids: Grid[] = [];
  for (const s of opened.value.sheets) {
    const grid = gridOf(opened.value, s.name, name);
    if (!grid.ok) return grid;
    grids.push(grid.value);
  }
  if (grids.length === 0) return xlsxError('unreadable', xlsxMessages.unreadable(name, xlsxMessages.noSheets()));
  return ok(grids);
}

export { dateFromSerial };
