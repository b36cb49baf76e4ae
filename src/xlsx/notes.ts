import type ExcelJS from 'exceljs';
import { sheetMsg } from '../domain/messages';
import type { FormatPlan } from '../domain/plan/types';
import type { CellBox } from '../domain/sheet/grid';
import { noteText } from './highlights';

export interface NotesApplied {
  written: number;
  removed: number;
  /** Cells where the user's own note was kept and the add-in's was not written. */
  keptUsers: number;
}

/** Whether a note is one the add-in wrote: they all start with the catalogue's fixed prefix. */
export function isOwnNote(text: string | null): boolean {
  return text !== null && text.startsWith(sheetMsg.noArrowNotePrefix);
}

/**
 * exceljs has no way to remove a note: `cell.note = undefined` writes an empty one
 * (doc/cell.js wraps any value in a Note). Its private `_comment` is what it saves.
 */
function removeNote(cell: ExcelJS.Cell): void {
  (cell as unknown as { _comment?: unknown })._comment = undefined;
}

/**
 * The plan's notes (why a DOT cell has no arrow), replacing only notes the add-in wrote:
 * its old notes in the plan's area that the plan no longer has are removed; a note the
 * user wrote is never changed (the add-in's note is then left out and counted).
 *
 * @example applyPlanNotes(ws, plan) // { written: 3, removed: 1, keptUsers: 0 }
 */
export function applyPlanNotes(ws: ExcelJS.Worksheet, plan: FormatPlan): NotesApplied {
  const wanted = new Map((plan.notes ?? []).map((n) => [`${n.row},${n.col}`, n.text]));
  const result: NotesApplied = { written: 0, removed: 0, keptUsers: 0 };
  for (const box of [plan.area, ...(plan.extraArea ? [plan.extraArea] : [])] as CellBox[]) {
    for (let r = box.top; r <= box.bottom; r++) {
      const row = ws.findRow(r + 1);
      if (!row) continue;
      for (let c = box.left; c <= box.right; c++) {
        const cell = row.findCell(c + 1);
        if (cell && !wanted.has(`${r},${c}`) && isOwnNote(noteText(cell))) {
          removeNote(cell);
          result.removed++;
        }
      }
    }
  }
  for (const [key, text] of wanted) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const cell = ws.getCell(r + 1, c + 1);
    const current = noteText(cell);
    if (current !== null && current !== '' && !isOwnNote(current)) {
      result.keptUsers++;
      continue;
    }
    if (current !== text) cell.note = text;
    result.written++;
  }
  return result;
}
