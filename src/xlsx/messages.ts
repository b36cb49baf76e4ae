import { describeLosses, type Loss } from './lossCheck';

/**
 * Every user-visible message of the xlsx adapter, in one place (as the engine's
 * src/domain/messages.ts): tests compare against these functions, never retyped text.
 */
export const xlsxMessages = {
  notXlsx: (name: string): string =>
    `${name} is not an .xlsx workbook (it is not a zip of Excel parts). Save it from Excel as "Excel Workbook (*.xlsx)" and try again.`,
  unreadable: (name: string, reason: string): string => `${name} could not be read as an .xlsx workbook: ${reason}.`,
  wouldLose: (name: string, losses: Loss[]): string =>
    `Refusing to write ${name}: it contains content the xlsx library cannot keep, and saving would lose it:\n` +
    describeLosses(losses)
      .map((l) => `  - ${l}`)
      .join('\n') +
    `\nNothing was written. Format this workbook in Excel with the add-in, or work on a copy without these items.`,
  sheetNotFound: (name: string, sheets: string[]): string =>
    `There is no sheet named "${name}". Sheets in the workbook: ${sheets.map((s) => `"${s}"`).join(', ') || '(none)'}.`,
  sheetExists: (name: string): string => `The workbook already has a sheet named "${name}"; nothing was changed.`,
  noSheets: (): string => 'The workbook has no worksheets.',
  planSheetMismatch: (planSheet: string, sheet: string): string =>
    `The format plan is for sheet "${planSheet}" but was given sheet "${sheet}"; nothing was changed.`,
  writeOutsidePlan: (address: string): string =>
    `The format plan writes ${address}, outside the table and key it owns; nothing was changed.`,
  keyAreaNotEmpty: (address: string): string =>
    `The key would overwrite ${address}, which is not empty; nothing was changed. Clear or move that content and try again.`,
};
