import type { HighlightWrite } from '../domain/revisions/highlights';
import type { CellFill } from '../domain/revisions/types';
import { parseRef } from './package/refs';
import { refOf } from './package/sheet';
import type { XlsxWorkbook } from './package/workbook';
import { sameSheetName } from '../domain/sheet/grid';

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
 * Applies the revisions planner's highlight writes: the fill (a new cell format per old
 * format, see package/styles.ts) and the note where the plan says so. A note of the
 * user's is never overwritten: the plan says `none` for those cells. Writes for another
 * sheet are ignored.
 */
export function applyHighlights(wb: XlsxWorkbook, sheetName: string, writes: readonly HighlightWrite[]): { highlighted: number } {
  const sheet = wb.sheet(sheetName);
  const notes = wb.notes(sheetName);
  let highlighted = 0;
  for (const write of writes) {
    if (!sameSheetName(write.sheet, sheetName)) continue;
    const ref = parseRef(write.address);
    if (!ref) continue;
    sheet.setStyle(ref.row, ref.col, wb.styles.derive(sheet.styleOf(ref.row, ref.col), `fill:${write.fill}`, { fill: write.fill }));
    if (write.note.action !== 'none' && notes.writable) notes.set(ref.row, ref.col, write.note.text);
    highlighted++;
  }
  return { highlighted };
}

/**
 * Puts recorded fills back (null removes the fill) and deletes the add-in's own notes, as
 * the revisions planner's `planClearHighlights` says; touches no other cell.
 */
export function restoreFills(
  wb: XlsxWorkbook,
  sheetName: string,
  restores: ReadonlyArray<{ sheet: string; address: string; fill: string | null }>,
  deleteNotes: ReadonlyArray<{ sheet: string; address: string }> = [],
): { restored: number } {
  const sheet = wb.sheet(sheetName);
  let restored = 0;
  for (const r of restores) {
    if (!sameSheetName(r.sheet, sheetName)) continue;
    const ref = parseRef(r.address);
    if (!ref) continue;
    const old = sheet.styleOf(ref.row, ref.col);
    sheet.setStyle(ref.row, ref.col, wb.styles.derive(old, `restore:${r.fill ?? 'none'}`, r.fill === null ? { noFill: true } : { fill: r.fill }));
    restored++;
  }
  const notes = wb.notes(sheetName);
  for (const n of deleteNotes) {
    if (!sameSheetName(n.sheet, sheetName)) continue;
    const ref = parseRef(n.address);
    if (ref && notes.writable) notes.set(ref.row, ref.col, null);
  }
  return { restored };
}

/**
 * A hidden record sheet's contents replaced by `rows` as text cells (`@`), as the Excel
 * adapter stores them; the sheet is added (hidden, last) when the workbook has none.
 */
export function writeRecordSheet(wb: XlsxWorkbook, name: string, rows: string[][]): void {
  const existing = wb.sheets.find((s) => s.name === name);
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
  const sheet = wb.sheet(name);
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
