/**
 * Notes on revised cells. A note (the classic yellow sticky note, ExcelApi 1.18) is what a
 * reviewer hovers to see "published 88.9%, now 89.4%" and it prints with the sheet; hosts
 * before 1.18 get a threaded comment instead (ExcelApi 1.10); older ones get no note, and
 * the pane says so. Reads and writes are batched: one round trip to read notes (two for
 * comments, whose cells are only known through `getLocation`), none of their own to write.
 */
import type { CellRef, NoteChange } from '../../domain/revisions/types';
import { cellKey } from '../../domain/revisions/highlights';

/** How this host can annotate a cell. */
export type NoteKind = 'note' | 'comment' | 'none';

/** What is on a cell now: the text of its note (or comment), and a comment's id. */
export interface NoteState {
  text: string | null;
  commentId?: string;
}

/** A note write, as the planners hand it over (`NoteChange`, src/domain/revisions/types.ts). */
export type NoteOp = NoteChange;

/** The cell key used by every map here: the domain's (sheet names compared as Excel compares them, upper-case A1 address). */
export { cellKey };

/** Notes need ExcelApi 1.18, threaded comments 1.10 (checked, not assumed: Office 2019 has neither). */
export function noteKind(): NoteKind {
  const req = typeof Office === 'undefined' ? undefined : Office.context?.requirements;
  if (req?.isSetSupported('ExcelApi', '1.18')) return 'note';
  if (req?.isSetSupported('ExcelApi', '1.10')) return 'comment';
  return 'none';
}

function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
}

/** The note (or comment) on each cell; cells without one read `{ text: null }`. */
export async function readNotes(context: Excel.RequestContext, kind: NoteKind, cells: readonly CellRef[]): Promise<Map<string, NoteState>> {
  const out = new Map<string, NoteState>();
  if (cells.length === 0 || kind === 'none') {
    for (const c of cells) out.set(cellKey(c.sheet, c.address), { text: null });
    return out;
  }
  if (kind === 'note') {
    const pending = cells.map((c) => {
      const note = context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(c.address);
      note.load('content');
      return [c, note] as const;
    });
    await context.sync();
    for (const [c, note] of pending) out.set(cellKey(c.sheet, c.address), { text: note.isNullObject ? null : note.content });
    return out;
  }
  // Comments: load every comment of the sheets concerned, then where each one sits.
  const sheets = [...new Set(cells.map((c) => c.sheet))];
  const collections = sheets.map((s) => {
    const comments = context.workbook.worksheets.getItem(s).comments;
    comments.load('items/id,items/content');
    return [s, comments] as const;
  });
  await context.sync();
  const located = collections.flatMap(([sheet, comments]) =>
    comments.items.map((item) => {
      const where = item.getLocation();
      where.load('address');
      return { sheet, item, where };
    }),
  );
  if (located.length > 0) await context.sync();
  const bySheetCell = new Map<string, NoteState>();
  for (const { sheet, item, where } of located) {
    bySheetCell.set(cellKey(sheet, localAddress(where.address)), { text: item.content, commentId: item.id });
  }
  for (const c of cells) out.set(cellKey(c.sheet, c.address), bySheetCell.get(cellKey(c.sheet, c.address)) ?? { text: null });
  return out;
}

/** Queue note writes (no sync). `current` is what `readNotes` returned, for comment ids. */
export function queueNoteOps(context: Excel.RequestContext, kind: NoteKind, ops: readonly NoteOp[], current: Map<string, NoteState>): void {
  if (kind === 'none') return;
  for (const op of ops) {
    const ws = context.workbook.worksheets.getItem(op.sheet);
    if (kind === 'note') {
      // A Range, not a string: a string address must then carry its sheet (as the docs require for comments).
      if (op.kind === 'add') ws.notes.add(ws.getRange(op.address), op.text);
      else if (op.kind === 'replace') ws.notes.getItem(op.address).content = op.text;
      else ws.notes.getItem(op.address).delete();
      continue;
    }
    const id = current.get(cellKey(op.sheet, op.address))?.commentId;
    if (op.kind === 'add') ws.comments.add(ws.getRange(op.address), op.text);
    else if (id !== undefined && op.kind === 'replace') context.workbook.comments.getItem(id).content = op.text;
    else if (id !== undefined && op.kind === 'delete') context.workbook.comments.getItem(id).delete();
  }
}
