import { sheetMsg } from '../domain/messages';
import type { FormatPlan } from '../domain/plan/types';
import { a1 } from '../domain/sheet/grid';
import { boxOfAddress } from './readGrid';
import { cellKey, noteKind, readNotes, type NoteKind, type NoteOp, type NoteState } from './revisionsNotes';

/**
 * The plan's notes (why a DOT cell has no arrow) on Excel, through the revisions adapter's
 * note helpers. The add-in's notes all start with the catalogue's fixed prefix
 * (`No arrow: `): only those are replaced or removed; a user's note is never changed (the
 * add-in's note is then left out). Notes need ExcelApi 1.18; an older host gets none, and
 * the caller says so.
 */

/** Whether a note is one the add-in wrote for a plan. */
export function isPlanNote(text: string | null): boolean {
  return text !== null && text.startsWith(sheetMsg.noArrowNotePrefix);
}

/** What was read in the first read round trip: the sheet's notes, to find the add-in's. */
export interface NotesRead {
  kind: NoteKind;
  collection: Excel.NoteCollection | null;
}

/** Queues the read of the sheet's notes (no sync); nothing on a host without notes. */
export function queueReadNotes(ws: Excel.Worksheet): NotesRead {
  const kind = noteKind();
  if (kind !== 'note') return { kind, collection: null };
  const collection = ws.notes;
  collection.load('items/content');
  return { kind, collection };
}

/**
 * The note changes the plan needs, decided from what is on the sheet. Queues loads for the
 * places of the add-in's notes and syncs once with the read of the planned cells
 * (`readNotes`), so re-formatting costs the same round trips however many notes there are.
 *
 * @example
 * const { ops } = await planNoteOps(context, plan, read); // [{ kind: 'add', sheet: 'Dec-20', address: 'L29', text: 'No arrow: …' }]
 */
export async function planNoteOps(context: Excel.RequestContext, plan: FormatPlan, read: NotesRead): Promise<{ ops: NoteOp[]; synced: boolean }> {
  if (read.kind !== 'note' || !read.collection) return { ops: [], synced: false };
  const sheet = plan.sheetName;
  const wanted = new Map((plan.notes ?? []).map((n) => [a1(n.row, n.col), n.text]));
  const located = read.collection.items
    .filter((note) => isPlanNote(note.content))
    .map((note) => {
      const where = note.getLocation();
      where.load('address');
      return where;
    });
  const cells = [...wanted.keys()].map((address) => ({ sheet, address }));
  // readNotes syncs (taking the locations with it) unless there is no planned cell to read.
  const current: Map<string, NoteState> = cells.length > 0 ? await readNotes(context, 'note', cells) : new Map();
  if (cells.length === 0 && located.length > 0) await context.sync();
  const synced = cells.length > 0 || located.length > 0;

  const ops: NoteOp[] = [];
  const { area } = plan;
  for (const where of located) {
    const box = boxOfAddress(where.address);
    if (!box || box.top < area.top || box.top > area.bottom || box.left < area.left || box.left > area.right) continue;
    const address = a1(box.top, box.left);
    // An add-in note the plan no longer has (the cell has an arrow now, or is no longer a DOT cell).
    if (!wanted.has(address)) ops.push({ kind: 'delete', sheet, address });
  }
  for (const [address, text] of wanted) {
    const now = current.get(cellKey(sheet, address))?.text ?? null;
    if (now === null) ops.push({ kind: 'add', sheet, address, text });
    else if (isPlanNote(now) && now !== text) ops.push({ kind: 'replace', sheet, address, text });
    // A user's note (or ours, unchanged) stays as it is.
  }
  return { ops, synced };
}
