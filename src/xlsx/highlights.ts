import type ExcelJS from 'exceljs';
import type { HighlightWrite } from '../domain/revisions/highlights';
import type { CellFill } from '../domain/revisions/types';
import { mergeStyle, cellFill, StyleCache } from './styles';

/**
 * The fills and notes of the given cells, as the revisions planner wants them
 * (`planHighlights(revisions, fills)`): it records each user's fill before the add-in
 * paints it yellow. Reading never creates cells.
 *
 * @example
 * readFills(ws, ['H14']) // [{ sheet: 'Dec-20', address: 'H14', fill: null, note: null }]
 */
export function readFills(ws: ExcelJS.Worksheet, addresses: readonly string[]): CellFill[] {
  return addresses.map((address) => {
    const cell = findCell(ws, address);
    return { sheet: ws.name, address, fill: cell ? cellFill(cell) : null, note: cell ? noteText(cell) : null };
  });
}

function findCell(ws: ExcelJS.Worksheet, address: string): ExcelJS.Cell | undefined {
  const m = /^([A-Z]+)(\d+)$/i.exec(address);
  if (!m) return undefined;
  return ws.findRow(Number(m[2]))?.findCell(ws.getColumn(m[1]!.toUpperCase()).number);
}

export function noteText(cell: ExcelJS.Cell): string | null {
  const note = cell.note;
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/**
 * Applies the revisions planner's highlight writes to a worksheet: the fill (a new style
 * object per change, see styles.ts) and the note where the plan says so. A note of the
 * user's is never overwritten: the plan says `none` for those cells. Writes for another
 * sheet are ignored and counted out.
 *
 * @example
 * applyHighlights(ws, planHighlights(revisions, readFills(ws, cells)).writes) // { highlighted: 3 }
 */
export function applyHighlights(ws: ExcelJS.Worksheet, writes: readonly HighlightWrite[]): { highlighted: number } {
  const cache = new StyleCache();
  let highlighted = 0;
  for (const write of writes) {
    if (write.sheet !== ws.name) continue;
    const cell = ws.getCell(write.address);
    cache.apply(cell, `fill:${write.fill}`, (old) => mergeStyle(old, { fill: write.fill }));
    if (write.note.action !== 'none') cell.note = write.note.text;
    highlighted++;
  }
  return { highlighted };
}

/**
 * Puts recorded fills back (null removes the fill) and deletes the add-in's own notes, as
 * the revisions planner's `planClearHighlights` says; touches no other cell.
 *
 * @example
 * restoreFills(ws, clear.restores, clear.deleteNotes) // { restored: 2 }
 */
export function restoreFills(
  ws: ExcelJS.Worksheet,
  restores: ReadonlyArray<{ sheet: string; address: string; fill: string | null }>,
  deleteNotes: ReadonlyArray<{ sheet: string; address: string }> = [],
): { restored: number } {
  const cache = new StyleCache();
  let restored = 0;
  for (const r of restores) {
    if (r.sheet !== ws.name) continue;
    const cell = ws.getCell(r.address);
    cache.apply(cell, `restore:${r.fill ?? 'none'}`, (old) => {
      if (r.fill !== null) return mergeStyle(old, { fill: r.fill });
      const next = { ...old };
      delete next.fill;
      return next;
    });
    restored++;
  }
  for (const n of deleteNotes) {
    if (n.sheet !== ws.name) continue;
    const cell = findCell(ws, n.address);
    // exceljs has no way to remove a note: `cell.note = undefined` writes an empty one
    // (doc/cell.js wraps any value in a Note). Its private `_comment` is what it saves.
    if (cell) (cell as unknown as { _comment?: unknown })._comment = undefined;
  }
  return { restored };
}
