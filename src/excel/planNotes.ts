import { sheetMsg } from '../domain/messages';

/**
 * The plan's notes (why a DOT cell has no arrow): the add-in's notes all start with the
 * catalogue's fixed prefix (`No arrow: `), so only those are replaced or removed; a user's
 * note is never changed (the add-in's note is then left out). applyFormatPlan.ts decides
 * the changes from where the sheet's notes are (located in the write batch) and makes them
 * in the clean-up trip. Notes need ExcelApi 1.18; an older host gets none, and says so.
 */

/** Whether a note is one the add-in wrote for a plan. */
export function isPlanNote(text: string | null): boolean {
  return text !== null && text.startsWith(sheetMsg.noArrowNotePrefix);
}
