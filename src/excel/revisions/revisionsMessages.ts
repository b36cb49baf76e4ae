/**
 * What the pane shows when a revisions operation on the workbook cannot go ahead: the
 * problem and what to do next. Engine texts (notes, changes, damaged records) live in
 * src/domain/revisions/messages.ts; these are about the workbook the adapter finds.
 */
export const revisionsExcelMessages = {
  notOurSheet: (sheet: string): string =>
    `A sheet named '${sheet}' already exists and is not one the add-in keeps its records in.`,
  notOurSheetAction: (sheet: string): string => `Rename the sheet '${sheet}' so the add-in can create its own, then try again.`,
  damagedAction: (sheet: string): string =>
    `Unhide the sheet '${sheet}' (right-click a sheet tab > Unhide) to correct the cell, or delete that sheet to start its records again.`,
  noTable: (sheet: string, detail: string): string => `No scorecard table to compare on '${sheet}': ${detail}`,
  noTableAction: (): string => 'Select the month’s scorecard sheet and try again.',
  noBaselineAction: (): string => 'Pick last month’s published workbook in the Revisions view, or publish this month so that next month has a baseline.',
  nothingToPublish: (sheet: string): string => `There are no figures to publish on '${sheet}'.`,
  fileUnreadable: (detail: string): string => `The picked file could not be read: ${detail}`,
  fileUnreadableAction: (): string => 'Pick the .xlsx workbook that was published last month.',
  unknownRevisionAction: (): string => 'Open the Revisions view again to reload the list, then mark the revision.',
  baselineDamaged: (detail: string): string =>
    `The published figures stored in the workbook are damaged (${detail}); last month’s sheet was used instead.`,
  notesFailed: (detail: string): string =>
    `The revised cells are highlighted, but Excel refused some of the notes (${detail}). Each highlighted cell is still listed in the Revisions view.`,
  notesUnsupported: (): string =>
    'This version of Excel cannot add notes or comments from an add-in: the revised cells are highlighted without one.',
};
