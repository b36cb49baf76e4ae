/**
 * Reading a fake sheet's state in assertions: addresses, what changed, record tables, and
 * the arrow shapes docs/DOMAIN.md describes (matched by shape, so ⬆ and ↑ both read as up).
 */
import type { SheetSnapshot } from '../fakes/fakeExcel';
import { tableBoxes } from './scenarios';

export const UP = /^[↑⬆]$/u;
/** Down, including the ↘ of a decline still within the target's limits. */
export const DOWN = /^[↓↘⬇]$/u;
export const STABLE = /^[→➡]$/u;

/** 0-based row/col of an A1 address. */
export function rc(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Whether a cell lies inside one of the seed tables (header rows to last indicator row). */
export function inTables(address: string): boolean {
  const { row, col } = rc(address);
  return tableBoxes().some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
}

/** Addresses whose cell (value, format, note) differs between two snapshots. */
export function changed(before: SheetSnapshot, after: SheetSnapshot): string[] {
  const keys = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
  return [...keys].filter((k) => JSON.stringify(before.cells[k] ?? null) !== JSON.stringify(after.cells[k] ?? null));
}

/** The rows of a sheet holding a header row at A1, as records keyed by that header. */
export function recordsOf<C extends string>(snap: SheetSnapshot, header: readonly C[]): Array<Record<C, string>> {
  const rows = new Map<number, Map<number, string>>();
  for (const [address, cell] of Object.entries(snap.cells)) {
    const { row, col } = rc(address);
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(col, String(cell.value));
  }
  const top = rows.get(0);
  expect(header.map((_, i) => top?.get(i))).toEqual([...header]);
  return [...rows.keys()]
    .filter((r) => r > 0)
    .sort((a, b) => a - b)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, rows.get(r)!.get(i) ?? ''])) as Record<C, string>);
}

