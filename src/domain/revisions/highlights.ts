import { qualified, sameSheetName, sheetNameKey } from '../sheet/grid';
import { revisionMessages as msg } from './messages';
import type { CellFill, FillChange, HighlightRecord, Revision } from './types';

/** The yellow of the seed reports' revised figures. */
export const HIGHLIGHT_FILL = '#FFFF00';

/** One cell to highlight: a fill, and a note unless the cell has a note of the user's. */
export interface HighlightWrite {
  sheet: string;
  address: string;
  fill: string;
  /** `add` a new note, `replace` the add-in's own earlier note, or `none` (a user's note is there). */
  note: { action: 'add' | 'replace'; text: string } | { action: 'none' };
}

export interface HighlightPlan {
  writes: HighlightWrite[];
  /** Every record to store after applying: the earlier ones still in use and the new ones. */
  records: HighlightRecord[];
  /** Earlier records of cells that are no longer revised: clear them (`planClearHighlights`). */
  release: HighlightRecord[];
  /** What the plan left alone and why (a user's note), for the pane. */
  warnings: string[];
}

/**
 * Whether two fills are the same: `#ffff00` and `#FFFF00` are one colour (Office returns
 * upper case); no fill (null) equals only no fill.
 *
 * @example sameFill('#ffff00', '#FFFF00') // true
 */
export function sameFill(a: string | null, b: string | null): boolean {
  return (a ?? '').toUpperCase() === (b ?? '').toUpperCase() && (a === null) === (b === null);
}

/**
 * A cell's key in a map, for every revisions planner and the Excel adapter's note and fill
 * maps: the sheet as Excel compares sheet names (`sheetNameKey`), the address in upper case.
 *
 * @example cellKey('DEC-20', 'h14') === cellKey('Dec-20', 'H14') // true
 */
export function cellKey(sheet: string, address: string): string {
  return `${sheetNameKey(sheet)}\u0000${address.toUpperCase()}`;
}

function addressOf(r: Revision): string {
  // The sheet-qualified address ends with the A1 part after the last `!`.
  return r.address.slice(r.address.lastIndexOf('!') + 1);
}

/**
 * The text of the note on a revised cell.
 *
 * @example highlightNote(rev) // 'Revised: Nov-20 published 88.9%, now 89.4%'
 */
export function highlightNote(r: Revision): string {
  return msg.note(r.month, r.published.display.trim() || msg.blank(), r.current.display.trim() || msg.blank());
}

/**
 * Plan the yellow highlights of `revisions`, recording each cell's fill beforehand so that
 * clearing restores exactly the user's own formatting. `fills` are the cells' fills (and
 * notes) as read now; `existing` are the records of an earlier highlight. A cell the add-in
 * already highlighted keeps its first record: its yellow now is the add-in's, not the user's.
 * A user's own yellow is recorded as such, and stays yellow when cleared.
 *
 * @example
 * planHighlights([rev], [{ sheet: 'Jan-21', address: 'H14', fill: null }]).records[0]
 * // { sheet: 'Jan-21', address: 'H14', previousFill: null, highlightFill: '#FFFF00', note: 'Revised: …', revisionId: … }
 */
export function planHighlights(
  revisions: readonly Revision[],
  fills: readonly CellFill[],
  existing: readonly HighlightRecord[] = [],
): HighlightPlan {
  const fillAt = new Map(fills.map((f) => [cellKey(f.sheet, f.address), f]));
  const earlier = new Map(existing.map((r) => [cellKey(r.sheet, r.address), r]));
  const writes: HighlightWrite[] = [];
  const records: HighlightRecord[] = [];
  const warnings: string[] = [];
  const used = new Set<string>();
  for (const rev of revisions) {
    const address = addressOf(rev);
    const id = cellKey(rev.sheetName, address);
    if (used.has(id)) continue;
    used.add(id);
    const now = fillAt.get(id);
    const before = earlier.get(id);
    const text = highlightNote(rev);
    const currentNote = now?.note ?? null;
    let note: HighlightWrite['note'];
    if (currentNote === null) note = { action: 'add', text };
    else if (before?.note != null && currentNote === before.note) note = { action: 'replace', text };
    else {
      note = { action: 'none' };
      warnings.push(msg.noteKept(qualified(rev.sheetName, address)));
    }
    // Still the add-in's yellow from last time: the user's fill is the one recorded then.
    const stillOurs = before !== undefined && sameFill(now?.fill ?? null, before.highlightFill);
    const previousFill = stillOurs ? before.previousFill : normalise(now?.fill ?? null);
    writes.push({ sheet: rev.sheetName, address, fill: HIGHLIGHT_FILL, note });
    records.push({
      sheet: rev.sheetName,
      address,
      previousFill,
      highlightFill: HIGHLIGHT_FILL,
      note: note.action === 'none' ? null : text,
      revisionId: rev.id,
    });
  }
  const release = existing.filter((r) => !used.has(cellKey(r.sheet, r.address)));
  return { writes, records, release, warnings };
}

function normalise(fill: string | null): string | null {
  return fill === null ? null : fill.toUpperCase();
}

export interface ClearPlan {
  restores: FillChange[];
  /** Notes the add-in added and nobody has edited since. */
  deleteNotes: Array<{ sheet: string; address: string }>;
  /** Cells left as they are, and why (the user changed the fill or the note since). */
  warnings: string[];
}

/**
 * Plan the clearing of highlights: restore the recorded fill only where the cell still has
 * the add-in's highlight; a fill the user changed since is theirs now and is left, with a
 * warning. Notes are removed only if still exactly the add-in's text. Cells without a
 * record are never touched. Afterwards no record remains (the caller stores an empty list).
 *
 * @example
 * planClearHighlights([{ …, previousFill: '#FFFF00', highlightFill: '#FFFF00' }], [{ …, fill: '#FFFF00' }])
 * // restores '#FFFF00': the user's own yellow stays
 */
export function planClearHighlights(records: readonly HighlightRecord[], fills: readonly CellFill[]): ClearPlan {
  const fillAt = new Map(fills.map((f) => [cellKey(f.sheet, f.address), f]));
  const restores: FillChange[] = [];
  const deleteNotes: ClearPlan['deleteNotes'] = [];
  const warnings: string[] = [];
  const goneSheets = new Set<string>();
  for (const r of records) {
    const now = fillAt.get(cellKey(r.sheet, r.address));
    if (!now) {
      // The adapter reads every recorded cell; none read back means the sheet is gone.
      if (!goneSheets.has(r.sheet)) warnings.push(msg.sheetGone(r.sheet));
      goneSheets.add(r.sheet);
      continue;
    }
    const where = qualified(r.sheet, r.address);
    if (sameFill(now.fill, r.highlightFill)) restores.push({ sheet: r.sheet, address: r.address, fill: r.previousFill });
    // Already the user's fill (a highlight whose write did not land, or a restore that did):
    // nothing to put back and nothing to warn about.
    else if (!sameFill(now.fill, r.previousFill)) warnings.push(msg.fillChanged(where));
    if (r.note !== null) {
      if ((now.note ?? null) === r.note) deleteNotes.push({ sheet: r.sheet, address: r.address });
      else if ((now.note ?? null) !== null) warnings.push(msg.noteChanged(where));
    }
  }
  return { restores, deleteNotes, warnings };
}

/**
 * The records of one sheet and those of every other sheet: highlighting and clearing work
 * on the sheet under review and leave other months' sheets (their published look) alone.
 *
 * @example splitRecords(records, 'Jan-21').mine.every((r) => r.sheet === 'Jan-21') // true
 */
export function splitRecords(records: readonly HighlightRecord[], sheet: string): { mine: HighlightRecord[]; others: HighlightRecord[] } {
  return {
    mine: records.filter((r) => sameSheetName(r.sheet, sheet)),
    others: records.filter((r) => !sameSheetName(r.sheet, sheet)),
  };
}

/**
 * The records of a sheet as they apply to a copy of it (roll-forward copies last month's
 * sheet, yellow fills included): same cells, the copy's name. Clearing them on the copy
 * with `planClearHighlights` drops last month's highlights there and restores the user's
 * fills, while the original keeps its published look.
 *
 * @example recordsForCopy(records, 'Dec-20', 'Jan-21')[0].sheet // 'Jan-21'
 */
export function recordsForCopy(records: readonly HighlightRecord[], from: string, to: string): HighlightRecord[] {
  return splitRecords(records, from).mine.map((r) => ({ ...r, sheet: to }));
}
