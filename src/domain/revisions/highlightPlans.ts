/**
 * The three highlight use cases as pure planners, one each, shared by the Excel adapter and
 * the xlsx/CLI adapter: highlight a sheet's revisions (`planHighlightPass`), clear its
 * highlights (`planClearPass`) and take last month's highlights off a new month's sheet
 * (`planHighlightUndo`, called by `planRollForward`). Each adapter reads the record sheet
 * and the cells named here, calls the planner, and applies the fills, notes and records it
 * returns; nothing is decided after the plan.
 */
import { err, ok, type Result } from '../result';
import type { CellInput } from '../types';
import { parseHighlightRows } from './highlightRows';
import { cellKey, planClearHighlights, planHighlights, splitRecords } from './highlights';
import { revisionMessages as msg } from './messages';
import type { CellFill, CellRef, FillChange, HighlightRecord, NoteChange, Revision } from './types';

/** The stored highlight records, split into the sheet worked on and every other sheet. */
export interface SheetHighlights {
  sheet: string;
  /** Records of `sheet`: the ones the operation may change. */
  mine: HighlightRecord[];
  /** Records of other sheets: kept as they are (their published look). */
  others: HighlightRecord[];
  /** Whether the workbook has a record sheet (it is rewritten even when it ends up empty). */
  stored: boolean;
}

/**
 * The highlight records of `sheet`, from the record sheet's values from A1 (`null`: the
 * workbook has no record sheet). The one decision on the record sheet, for every operation
 * (Highlight, Clear, New month, `format --previous`, `new-month`) and both adapters: a
 * user's sheet of that name (no header row) is `notOurSheet`; a row that cannot be read is a
 * `damagedRecord` error naming its cell; either way the operation changes nothing (a fill
 * restored from a wrong record would lose the user's own fill for good). An empty record
 * sheet (the add-in created it and a write failed) holds no record.
 *
 * @example readSheetHighlights(null, 'Dec-20') // { ok: true, value: { sheet: 'Dec-20', mine: [], others: [], stored: false } }
 */
export function readSheetHighlights(values: CellInput[][] | null, sheet: string): Result<SheetHighlights> {
  if (values === null) return ok({ sheet, mine: [], others: [], stored: false });
  const parsed = parseHighlightRows(values);
  if (!parsed.ok) return parsed.error.code === 'notOurSheet' ? parsed : err('damagedRecord', msg.highlightsDamaged(parsed.error.message));
  const { mine, others } = splitRecords(parsed.value, sheet);
  // Records written under another spelling of the sheet's name (`DEC-20`) are the sheet's: they
  // take its name as the workbook spells it, so cells read and written match them.
  return ok({ sheet, mine: mine.map((r) => ({ ...r, sheet })), others, stored: true });
}

function cellOf(r: Revision): CellRef {
  // The sheet-qualified address ends with the A1 part after the last `!`.
  return { sheet: r.sheetName, address: r.address.slice(r.address.lastIndexOf('!') + 1) };
}

function unique(cells: readonly CellRef[]): CellRef[] {
  return [...new Map(cells.map((c) => [cellKey(c.sheet, c.address), c])).values()];
}

/**
 * The cells whose fill and note an adapter reads before `planHighlightPass` (or, without
 * revisions, `planClearPass` and `planHighlightUndo`): each revised cell and each recorded
 * cell of the sheet, once.
 *
 * @example highlightCells(records, [rev]) // [{ sheet: 'Jan-21', address: 'H14' }, …]
 */
export function highlightCells(records: SheetHighlights, revisions: readonly Revision[] = []): CellRef[] {
  return unique([...revisions.map(cellOf), ...records.mine.map((r) => ({ sheet: r.sheet, address: r.address }))]);
}

/** What a highlight pass writes: fills, notes and the record table, in that order of safety. */
export interface HighlightPassPlan {
  /** Yellow on each revised cell, then the user's fill back on cells no longer revised. */
  fills: FillChange[];
  /** Notes to remove (released cells) and to add or replace (revised cells), in that order. */
  notes: NoteChange[];
  /** Every record to store (other sheets' and this pass's); null when the record sheet is left as it is. */
  records: HighlightRecord[] | null;
  /** Cells highlighted. */
  highlighted: number;
  /** What the plan left alone and why (a user's note, a fill changed since). */
  warnings: string[];
}

/**
 * Highlight the revisions of a sheet: yellow and a note on each revised cell (the user's
 * fill recorded first), and cells highlighted earlier that are no longer revised restored.
 * Other sheets' records stay. `fills` are the `highlightCells` as read now.
 *
 * @example planHighlightPass(records, [rev], fills).fills[0] // { sheet: 'Jan-21', address: 'H14', fill: '#FFFF00' }
 */
export function planHighlightPass(records: SheetHighlights, revisions: readonly Revision[], fills: readonly CellFill[]): HighlightPassPlan {
  const plan = planHighlights(revisions, fills, records.mine);
  const clear = planClearHighlights(plan.release, fills);
  const stored = [...records.others, ...plan.records];
  return {
    fills: [...plan.writes.map((w) => ({ sheet: w.sheet, address: w.address, fill: w.fill })), ...clear.restores],
    notes: [
      ...clear.deleteNotes.map((n): NoteChange => ({ kind: 'delete', ...n })),
      ...plan.writes.flatMap((w): NoteChange[] => (w.note.action === 'none' ? [] : [{ kind: w.note.action, sheet: w.sheet, address: w.address, text: w.note.text }])),
    ],
    records: stored.length > 0 || records.stored ? stored : null,
    highlighted: plan.writes.length,
    warnings: [...plan.warnings, ...clear.warnings],
  };
}

/** What clearing a sheet's highlights writes. */
export interface ClearPassPlan {
  /** Recorded fills put back where the cell still shows the add-in's yellow. */
  fills: FillChange[];
  /** The add-in's notes nobody edited since. */
  notes: NoteChange[];
  /** The records to store afterwards (other sheets'); null when there is nothing to clear. */
  records: HighlightRecord[] | null;
  cleared: number;
  warnings: string[];
}

/**
 * Clear a sheet's highlights: the user's fill back on each recorded cell that still shows
 * the add-in's yellow, its unedited notes removed, its records dropped; other sheets' kept.
 * `fills` are the `highlightCells(records)` as read now.
 *
 * @example planClearPass(records, fills).records // the other sheets' records
 */
export function planClearPass(records: SheetHighlights, fills: readonly CellFill[]): ClearPassPlan {
  if (records.mine.length === 0) return { fills: [], notes: [], records: null, cleared: 0, warnings: [] };
  const clear = planClearHighlights(records.mine, fills);
  return {
    fills: clear.restores,
    notes: clear.deleteNotes.map((n) => ({ kind: 'delete', ...n })),
    records: records.others,
    cleared: clear.restores.length,
    warnings: clear.warnings,
  };
}

/** Last month's highlights as the new month's sheet must lose them. */
export interface HighlightUndo {
  /** Fills put back, on the new sheet's cells. */
  fills: FillChange[];
  /** The add-in's unedited highlight notes, on the new sheet's cells. */
  deleteNotes: CellRef[];
  /** Highlight notes left on the new sheet because the host cannot remove them (`notes: 'kept'`). */
  notesKept: number;
  warnings: string[];
}

/**
 * Last month's highlights taken off the copy New month makes of `records.sheet`: the same
 * cells under `newSheet`, their recorded fills restored where the cell still shows the
 * add-in's yellow, its unedited notes deleted. `fills` are the source sheet's
 * `highlightCells(records)` as read now. `notes: 'kept'` when the host cannot delete a note
 * (comments only): they stay and are counted. The source sheet keeps its published look.
 *
 * @example planHighlightUndo(records, fills, 'Jan-21').fills[0].sheet // 'Jan-21'
 */
export function planHighlightUndo(records: SheetHighlights, fills: readonly CellFill[], newSheet: string, notes: 'delete' | 'kept' = 'delete'): HighlightUndo {
  if (records.mine.length === 0) return { fills: [], deleteNotes: [], notesKept: 0, warnings: [] };
  const clear = planClearHighlights(records.mine, fills);
  const onCopy = (c: CellRef): CellRef => ({ sheet: newSheet, address: c.address });
  const deleteNotes = notes === 'delete' ? clear.deleteNotes.map(onCopy) : [];
  return {
    fills: clear.restores.map((r) => ({ ...onCopy(r), fill: r.fill })),
    deleteNotes,
    notesKept: notes === 'kept' ? records.mine.filter((r) => r.note !== null).length : 0,
    warnings: clear.warnings,
  };
}
