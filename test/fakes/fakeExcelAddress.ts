import type { CellBox } from '../../src/domain/sheet/grid';
import { boxAddress } from '../../src/domain/sheet/grid';

/** Excel's sheet size: rows and columns an A1 address may name. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Excel rejects an address longer than this (the 8,192-character formula/address limit). */
export const MAX_ADDRESS_LENGTH = 8_192;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Splits `'Dec-20'!A1:B2` into the sheet name (unquoted) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/**
 * Parses one rectangular A1 address (`H12`, `A1:C3`, `C:E`, `2:4`, `$A$1`) into a 0-based
 * box, or null when it is not one.
 */
export function parseBox(local: string): CellBox | null {
  const parts = local.split(':');
  if (parts.length === 1 || parts.length === 2) {
    const a = CELL.exec(parts[0]);
    const b = parts.length === 2 ? CELL.exec(parts[1]) : a;
    if (a && b) {
      const r1 = Number(a[2]) - 1;
      const r2 = Number(b[2]) - 1;
      const c1 = columnIndex(a[1]);
      const c2 = columnIndex(b[1]);
      if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS) return null;
      return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
    }
  }
  const cols = COLS.exec(local);
  if (cols) {
    const c1 = columnIndex(cols[1]);
    const c2 = columnIndex(cols[2]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  const rows = ROWS.exec(local);
  if (rows) {
    const r1 = Number(rows[1]) - 1;
    const r2 = Number(rows[2]) - 1;
    if (r1 < 0 || r2 < 0) return null;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLUMNS - 1 };
  }
  return null;
}

/** A list of addresses separated by commas (Excel also accepts semicolons). */
export function parseBoxList(address: string): { sheet: string | null; boxes: CellBox[] } | null {
  const boxes: CellBox[] = [];
  let sheet: string | null = null;
  for (const piece of address.split(/[,;]/)) {
    const split = splitSheet(piece);
    if (split.sheet !== null) sheet = split.sheet;
    const box = parseBox(split.local);
    if (!box) return null;
    boxes.push(box);
  }
  return boxes.length > 0 ? { sheet, boxes } : null;
}

/** The sheet name as Excel writes it in an address: quoted unless it is a plain word. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** `Sheet1!A1:B2` as `range.address` returns it (absolute markers dropped, as Excel on the web shows). */
export function fullAddress(sheet: string, box: CellBox): string {
  return `${sheetPrefix(sheet)}${boxAddress(box)}`;
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function boxesIntersect(a: CellBox, b: CellBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
