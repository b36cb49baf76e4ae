import type { CellInput } from '../types';

/**
 * A rectangle of a worksheet as an adapter reads it: the values Excel holds (dates as
 * serial numbers, percentages as fractions), the text Excel displays and the number
 * formats. The Excel adapter fills it from `range.values`, `range.text` and
 * `range.numberFormat` of the used range (one round trip); the xlsx adapter from exceljs.
 *
 * Rows and columns are 0-based and absolute on the sheet: `values[i][j]` is the cell at
 * row `top + i`, column `left + j`.
 */
export interface Grid {
  sheetName: string;
  top: number;
  left: number;
  values: CellInput[][];
  /** Displayed text, same shape as `values`. */
  text: string[][];
  /** Excel number format codes (`General`, `0.0%`, `mmm-yy`), same shape as `values`. */
  numberFormats: string[][];
  /** Merged areas, if the adapter can read them; headers may be split across them. */
  merges?: CellBox[];
  /**
   * True when the workbook stores dates in the 1904 date system (src/domain/sheet/dateSystem.ts).
   * `values` hold 1900 serials either way; an adapter writing a date lowers it by 1,462 days.
   */
  date1904?: boolean;
}

/** A rectangle of cells, 0-based absolute, inclusive bounds. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// Letters of the columns asked for so far: every cell address of a plan spells one, and
// a sheet uses a few dozen columns.
const LETTERS: string[] = [];

/** Column letters for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  // Only Excel's 16,384 columns are kept (anything else is computed each time).
  if (Number.isInteger(col) && col >= 0 && col < 16_384) LETTERS[col] = s;
  return s;
}

/**
 * The 0-based column of column letters (either case): the inverse of `columnLetters`.
 * @example columnIndex('AA') // 26
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A 0-based cell from an A1 reference as files and formulas write it (`B12`, `$B$12`, either
 * case): one to three letters, one to seven digits; null for anything else.
 * @example parseA1('$B$12') // { row: 11, col: 1 }
 */
export function parseA1(ref: string): { row: number; col: number } | null {
  let i = 0;
  if (ref.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  let letters = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    letters++;
    i++;
  }
  if (letters === 0 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  while (i < ref.length) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
    digits++;
    i++;
  }
  if (digits === 0 || digits > 7 || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/**
 * A 0-based box from an A1 address, sheet name and `$` allowed (`Sheet1!$B$5:H9`, as
 * Office.js and the file formats write them); null for anything else (whole rows or columns,
 * names, several areas).
 * @example boxOfAddress("'Dec-20'!B5:H9") // { top: 4, left: 1, bottom: 8, right: 7 }
 */
export function boxOfAddress(address: string): CellBox | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').trim();
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(local);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

/**
 * A cell of a grid as the adapter read it: its value and displayed text (`''` when the
 * adapter gave none), by 0-based absolute row and column; outside the grid, nothing.
 * @example cellAt(grid, 4, 1) // { value: 6.1, text: '6.10' }
 */
export function cellAt(grid: Grid, row: number, col: number): { value: CellInput | undefined; text: string } {
  const i = row - grid.top;
  const j = col - grid.left;
  return { value: grid.values[i]?.[j], text: grid.text[i]?.[j] ?? '' };
}

/**
 * Text of a cell as displayed, falling back to its value when an adapter gave no text.
 * @example cellText(grid, 4, 1) // '6.10' (the number 6.1 shown with 0.00)
 */
export function cellText(grid: Grid, row: number, col: number): string {
  const i = row - grid.top;
  const j = col - grid.left;
  const text = grid.text[i]?.[j] ?? '';
  if (text !== '') return text;
  const value = grid.values[i]?.[j];
  return value === null || value === undefined ? '' : String(value);
}

/** A1 address for a 0-based absolute row and column: (4, 7) -> "H5". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address of a box: "B5:H9" (a single cell gives "B5"). */
export function boxAddress(box: CellBox): string {
  const start = a1(box.top, box.left);
  const end = a1(box.bottom, box.right);
  return start === end ? start : `${start}:${end}`;
}

/**
 * Whether two names name the same sheet. Excel compares sheet names without regard to case
 * (a workbook cannot hold both `Dec-20` and `DEC-20`), so every lookup of a sheet or of
 * records kept per sheet uses this, never `===`.
 * @example sameSheetName('Dec-20', 'DEC-20') // true
 */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/**
 * The key a sheet name is looked up by in a map, equal for names `sameSheetName` calls the same.
 * @example sheetNameKey('DEC-20') === sheetNameKey('dec-20') // true
 */
export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

/** Sheet-qualified address for messages: `'Dec-20'!H12`. Quotes are doubled as Excel does. */
export function qualified(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}
