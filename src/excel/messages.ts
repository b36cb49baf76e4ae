import type { EngineError } from '../domain/result';
import type { OutcomeCode, OutcomeError } from '../port/api';

/**
 * The catalogue of user-visible messages of the Excel adapter (what the pane shows when
 * the workbook refuses or fails), and the one table of "what to do" hints, picked by
 * `OutcomeCode`. The engine's own messages live in src/domain/messages.ts (and
 * src/domain/revisions/messages.ts); these are about Office and the workbook the adapter
 * finds (protection, edit mode, limits, its record sheets), so they stay with the adapter.
 * Tests compare with these builders, never with literal text.
 */

export const excelMessages = {
  noExcel: (): string => 'Excel is not available here. Open the add-in from Excel.',
  noExcelAction: (): string => 'Open the workbook in Excel (desktop or on the web) and start the add-in from the ribbon.',
  sheetMissing: (sheet: string): string => `The sheet '${sheet}' is no longer in the workbook.`,
  sheetMissingAction: (): string => 'Select the scorecard sheet and try again.',
  sheetProtected: (sheet: string): string => `The sheet '${sheet}' is protected, so the add-in cannot change it.`,
  sheetProtectedAction: (): string => 'Unprotect the sheet (Review > Unprotect Sheet) and try again.',
  editMode: (): string => 'Excel is busy: a cell is being edited.',
  editModeAction: (): string => 'Press Enter or Esc to finish editing the cell, then try again.',
  busy: (): string => 'Excel is busy and did not answer in time.',
  busyAction: (): string => 'Wait a moment and try again.',
  tooLarge: (): string => 'The change is too large for one request to Excel.',
  tooLargeAction: (): string => 'Try again; if it persists, format the sheet in parts or use the desktop app.',
  accessDenied: (): string => 'Excel refused the change: the workbook or sheet is protected or read-only.',
  accessDeniedAction: (): string => 'Check that the workbook is editable (not read-only, not protected) and try again.',
  notSupported: (): string => 'This version of Excel does not support what the add-in needs.',
  notSupportedAction: (): string => 'Update Excel, or use Excel on the web.',
  officeError: (code: string, detail: string): string => `Excel reported an error (${code}): ${detail}`,
  officeErrorAction: (): string => 'Try again. If it happens again, save the workbook, reopen it and retry.',
  keyAreaTakenAction: (): string => 'Clear or move that cell, or insert a column, and run Format again.',
  sheetChanged: (cell: string): string => `The sheet changed while the add-in was working (${cell} is different).`,
  sheetChangedAction: (): string => 'Run Format again.',
  changedWhileFormatting: (cell: string): string =>
    `Someone changed ${cell} while Format was writing, so the arrows and colours written could be out of date.`,
  unchanged: (reason: string): string => `${reason} Nothing on the sheet was changed.`,
  sheetGoneWhileFormatting: (sheet: string): string =>
    `The sheet '${sheet}' was deleted while Format was working, so nothing was formatted.`,
  backupGone: (reason: string, backup: string): string =>
    `${reason} Some cells may be partly formatted, and the hidden backup sheet '${backup}' the add-in would restore them from is no longer in the workbook (someone removed it).`,
  backupGoneAction: (): string => 'Run Format again to finish formatting the sheet, or undo the change in Excel (Ctrl+Z) if it is still offered.',
  badPlanAction: (): string => 'Please report this problem: the add-in made a plan it cannot apply.',
  cancelled: (): string => 'Format was cancelled; the sheet was not changed.',
  restored: (reason: string): string => `${reason} The add-in took back what it had written; nobody else's changes were undone.`,
  notRestored: (reason: string, backup: string): string =>
    `${reason} The add-in could not put every cell back; a copy of the sheet as it was is kept in the hidden sheet '${backup}'.`,
  notRestoredAction: (): string => 'Unhide the backup sheet (right-click a sheet tab > Unhide) to recover the original cells.',
  backupLeft: (reason: string, backup: string): string =>
    `The sheet was formatted, but the hidden backup sheet '${backup}' could not be removed (${reason}).`,
  backupLeftAction: (): string => 'Unhide and delete that sheet (right-click a sheet tab > Unhide), or leave it: it is a copy of the sheet before Format.',
  badAddress: (address: string): string => `'${address}' is not a cell address the add-in understands.`,
  noTable: (sheet: string): string => `No scorecard table was found on '${sheet}'.`,
  noTableAction: (): string => 'Check the header row has NO., INDICATOR, GOOD PERF IS and month columns such as Oct-20.',
  settingsDamaged: (): string => 'Some of the saved add-in settings could not be read; the defaults are used for those.',
  settingsDamagedAction: (): string => 'Check the Settings view and save, so the workbook stores readable settings again.',
  notAvailableYet: (feature: string): string => `${feature} is not available in this version of the add-in yet.`,
  partialCopyLeft: (reason: string): string => `${reason} A partly prepared copy of the sheet could not be removed.`,
  partialCopyLeftAction: (): string => 'Delete the new month sheet by hand (the original sheet is unchanged) and try again.',
  highlightNotesKept: (): string =>
    "Last month's revision comments were copied to the new sheet: this version of Excel has no notes the add-in can remove; delete them by hand if you wish.",
  revisionsLookupFailed: (detail: string): string =>
    `The sheet was formatted, but revised figures could not be counted (${detail}). Open Revisions and press Check again.`,
  planNotesSkipped: (count: number): string =>
    `${count === 1 ? 'One DOT cell shows' : `${count} DOT cells show`} no arrow without a note saying why: this version of Excel cannot add cell notes (ExcelApi 1.18). The key beside the table explains the mark; update Excel to get the notes.`,
  pageLayoutFailed: (detail: string): string =>
    `The sheet is formatted, but Excel refused part of its page layout (paper, margins, page header and footer, row heights or page breaks): ${detail}. Check Page Layout before printing.`,
  symbolFontsLeft: (cells: string, detail: string): string =>
    `The sheet is formatted, but ${cells} kept their symbol font (Wingdings or the like), so their new arrows may show as other symbols (${detail}). Run Format again, or set those cells' font to the table's.`,
  planNotesFailed: (detail: string): string =>
    `The sheet was formatted, but the notes saying why some cells have no arrow could not be written (${detail}). Run Format again to retry them.`,
  sheetExistsAction: (): string => 'Rename or delete that sheet, then roll forward again.',
  summaryStructureProtected: (): string => "The workbook's structure is protected, so the summary cannot be written to a new sheet. Nothing was changed.",
  summaryStructureProtectedAction: (): string => 'Copy the draft instead, or unprotect the workbook (Review > Protect Workbook) and write it again.',
  // Revisions: the record sheets, the compared file, highlights' notes.
  notOurSheetAction: (sheet: string): string => `Rename the sheet '${sheet}' so the add-in can create its own, then try again.`,
  damagedAction: (sheet: string): string =>
    `Unhide the sheet '${sheet}' (right-click a sheet tab > Unhide) to correct the cell, or delete that sheet to start its records again.`,
  noTableToCompare: (sheet: string, detail: string): string => `No scorecard table to compare on '${sheet}': ${detail}`,
  nothingToPublish: (sheet: string): string => `There are no figures to publish on '${sheet}'.`,
  nothingToPublishAction: (): string => 'Select the month’s scorecard sheet and try again.',
  fileUnreadable: (detail: string): string => `The picked file could not be read: ${detail}`,
  fileUnreadableAction: (): string => 'Pick the .xlsx workbook that was published last month.',
  unknownRevisionAction: (): string => 'Open the Revisions view again to reload the list, then mark the revision.',
  notesFailed: (detail: string): string =>
    `The revised cells are highlighted, but Excel refused some of the notes (${detail}). Each highlighted cell is still listed in the Revisions view.`,
  notesUnsupported: (): string =>
    'This version of Excel cannot add notes or comments from an add-in: the revised cells are highlighted without one.',
};

const m = excelMessages;

/**
 * The "what to do" hint for each code (`subject`: the sheet it is about, where the hint
 * names one); `null` where there is nothing for the analyst to do.
 */
const HINTS: { readonly [C in OutcomeCode]: ((subject: string) => string) | null } = {
  noExcel: m.noExcelAction,
  notSupported: m.notSupportedAction,
  editMode: m.editModeAction,
  sheetProtected: m.sheetProtectedAction,
  readOnly: m.accessDeniedAction,
  tooLarge: m.tooLargeAction,
  busy: m.busyAction,
  sheetMissing: m.sheetMissingAction,
  officeError: m.officeErrorAction,
  unexpected: m.officeErrorAction,
  cancelled: null,
  notAvailable: null,
  badAddress: null,
  noTable: m.noTableAction,
  planInvalid: m.badPlanAction,
  keyAreaTaken: m.keyAreaTakenAction,
  sheetChanged: m.sheetChangedAction,
  notRestored: m.notRestoredAction,
  backupGone: m.backupGoneAction,
  backupLeft: m.backupLeftAction,
  notNextMonth: null,
  sheetExists: m.sheetExistsAction,
  partialCopyLeft: m.partialCopyLeftAction,
  damagedRecord: m.damagedAction,
  notOurSheet: m.notOurSheetAction,
  nothingToPublish: m.nothingToPublishAction,
  unknownRevision: m.unknownRevisionAction,
  fileUnreadable: m.fileUnreadableAction,
  summaryStructureProtected: m.summaryStructureProtectedAction,
  settingsDamaged: m.settingsDamagedAction,
};

/**
 * An `OutcomeError` with the hint its code calls for: the only place an action is chosen.
 *
 * @example
 * outcomeError('sheetExists', "A sheet named 'Jan-21' already exists.").action
 * // 'Rename or delete that sheet, then roll forward again.'
 */
export function outcomeError(code: OutcomeCode, message: string, subject = ''): OutcomeError {
  const hint = HINTS[code];
  return hint ? { code, message, action: hint(subject) } : { code, message };
}

/** Which outcome an engine refusal is (planners and record parsers); anything else from a plan is a plan fault. */
const FROM_ENGINE: Partial<Record<EngineError['code'], OutcomeCode>> = {
  noTable: 'noTable',
  noMonths: 'noTable',
  notNextMonth: 'notNextMonth',
  sheetExists: 'sheetExists',
  damagedRecord: 'damagedRecord',
  notOurSheet: 'notOurSheet',
};

/**
 * An engine error as the pane shows it, hint by its code (`subject`: the record sheet, for a
 * damaged record).
 *
 * @example
 * fromEngineError({ code: 'planInvalid', message: '…' }).code // 'planInvalid' (not the "no table" hint)
 */
export function fromEngineError(error: EngineError, subject = ''): OutcomeError {
  return outcomeError(FROM_ENGINE[error.code] ?? 'planInvalid', error.message, subject);
}
