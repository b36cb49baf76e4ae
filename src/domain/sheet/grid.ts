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
}

/** A rectangle of cells, 0-based absolute, inclusive bounds. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column letters for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
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

/** Sheet-qualified address for messages: `'Dec-20'!H12`. Quotes are doubled as Excel does. */
export function qualified(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}
