import type { HighlightWrite } from '../domain/revisions/highlights';
import type { CellFill, CellRef, FillChange, NoteChange } from '../domain/revisions/types';
import { parseRef } from './package/refs';
import { refOf } from './package/sheet';
import type { XlsxWorkbook } from './package/workbook';
import { sameSheetName } from '../domain/sheet/grid';
import type { CellInput } from '../domain/types';
import { ok } from '../domain/result';
import { gridOf } from './read';
import type { XlsxResult } from './result';

/**
 * The fills and notes of the given cells, as the revisions planner wants them
 * (`planHighlights(revisions, fills)`): it records each user's fill before the add-in
 * paints it yellow. Reading never creates cells.
 *
 * @example
 * readFills(wb, 'Dec-20', ['H14']) // [{ sheet: 'Dec-20', address: 'H14', fill: null, note: null }]
 */
export function readFills(wb: XlsxWorkbook, sheetName: string, addresses: readonly string[]): CellFill[] {
  const sheet = wb.sheet(sheetName);
  const notes = wb.notes(sheetName);
  return addresses.map((address) => {
    const ref = parseRef(address);
    if (!ref) return { sheet: sheetName, address, fill: null, note: null };
    return { sheet: sheetName, address, fill: wb.styles.fill(sheet.styleOf(ref.row, ref.col)), note: notes.text(ref.row, ref.col) };
  });
}

/**
 * The values of one of the add-in's record sheets from A1, as the domain's record readers
 * want them (`readSheetHighlights`, `storedBaseline`); null when the workbook has no sheet
 * of that name (compared as Excel compares sheet names).
 *
 * @example recordSheetValues(wb, 'PERF Highlights') // { ok: true, value: [['version', 'sheet', …], …] }
 */
export function recordSheetValues(wb: XlsxWorkbook, name: string): XlsxResult<CellInput[][] | null> {
  const found = wb.sheets.find((s) => sameSheetName(s.name, name));
  if (!found) return ok(null);
  const grid = gridOf(wb, found.name);
  if (!grid.ok) return grid;
  const { top, left, values } = grid.value;
  return ok([...Array.from({ length: top }, (): CellInput[] => []), ...values.map((row) => [...Array<CellInput>(left).fill(null), ...row])]);
}

/**
 * Applies a highlight planner's fill changes (`planHighlightPass`, `planClearPass`, a
 * roll-forward's `restoreFills`): each cell gets the fill (a new cell format per old format,
 * see package/styles.ts), or loses its fill for null. Changes for another sheet are ignored;
 * no other cell is touched.
 */
export function applyFillChanges(wb: XlsxWorkbook, sheetName: string, changes: readonly FillChange[]): { changed: number } {
  const sheet = wb.sheet(sheetName);
  let changed = 0;
  for (const c of changes) {
    if (!sameSheetName(c.sheet, sheetName)) continue;
    const ref = parseRef(c.address);
    if (!ref) continue;
    const old = sheet.styleOf(ref.row, ref.col);
    sheet.setStyle(ref.row, ref.col, wb.styles.derive(old, `fill:${c.fill ?? 'none'}`, c.fill === null ? { noFill: true } : { fill: c.fill }));
    changed++;
  }
  return { changed };
}

/** Applies a highlight planner's note changes (add, replace its own, delete its own) on `sheetName`; others are ignored. */
export function applyNoteChanges(wb: XlsxWorkbook, sheetName: string, changes: readonly NoteChange[]): void {
  const notes = wb.notes(sheetName);
  if (!notes.writable) return;
  for (const c of changes) {
    if (!sameSheetName(c.sheet, sheetName)) continue;
    const ref = parseRef(c.address);
    if (ref) notes.set(ref.row, ref.col, c.kind === 'delete' ? null : c.text);
  }
}

/**
 * Applies the revisions planner's highlight writes: the fill and the note where the plan
 * says so. A note of the user's is never overwritten: the plan says `none` for those cells.
 */
export function applyHighlights(wb: XlsxWorkbook, sheetName: string, writes: readonly HighlightWrite[]): { highlighted: number } {
  const { changed } = applyFillChanges(wb, sheetName, writes);
  applyNoteChanges(wb, sheetName, writes.flatMap((w): NoteChange[] => (w.note.action === 'none' ? [] : [{ kind: w.note.action, sheet: w.sheet, address: w.address, text: w.note.text }])));
  return { highlighted: changed };
}

/** Puts recorded fills back (null removes the fill) and deletes the add-in's own notes, as `planClearHighlights` says. */
export function restoreFills(wb: XlsxWorkbook, sheetName: string, restores: readonly FillChange[], deleteNotes: readonly CellRef[] = []): { restored: number } {
  const { changed } = applyFillChanges(wb, sheetName, restores);
  applyNoteChanges(wb, sheetName, deleteNotes.map((n) => ({ kind: 'delete', ...n })));
  return { restored: changed };
}

/**
 * A hidden record sheet's contents replaced by `rows` as text cells (`@`), as the Excel
 * adapter stores them; the sheet is added (hidden, last) when the workbook has none.
 */
export function writeRecordSheet(wb: XlsxWorkbook, name: string, rows: string[][]): void {
  // A sheet of that name in another case is the same sheet to Excel: a second one would make the file unreadable.
  const existing = wb.sheets.find((s) => sameSheetName(s.name, name));
  const textXf = wb.styles.derive(0, 'records:@', { numberFormat: '@' });
  const data = rows
    .map((values, r) => {
      const cells = values
        .map((v, c) => (v === '' ? '' : `<c r="${refOf(r, c)}" s="${textXf}" t="inlineStr"><is><t xml:space="preserve">${escape(v)}</t></is></c>`))
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  if (!existing) {
    wb.addSheet(
      name,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`,
      { state: 'hidden' },
    );
    return;
  }
  const sheet = wb.sheet(existing.name);
  const node = sheet.sheetData;
  if (node) sheet.replaceTop(node, `<${node.name}>${sheet.p ? data.replace(/<(\/?)(row|c|is|t)\b/g, `<$1${sheet.p}$2`) : data}</${node.name}>`);
  else sheet.insertTop('sheetData', `<${sheet.el('sheetData')}>${data}</${sheet.el('sheetData')}>`);
  const dim = sheet.top('dimension');
  if (dim) sheet.replaceTop(dim, '');
}

function escape(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
