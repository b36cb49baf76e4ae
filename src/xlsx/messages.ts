/**
 * Every user-visible message of the xlsx adapter, in one place (as the engine's
 * src/domain/messages.ts): tests compare against these functions, never retyped text.
 */
export const xlsxMessages = {
  notXlsx: (name: string): string =>
    `${name} is not an .xlsx workbook (it is not a zip of Excel parts). Save it from Excel as "Excel Workbook (*.xlsx)" and try again.`,
  oldXls: (name: string): string =>
    `${name} is an Excel 97-2003 workbook (.xls), which this tool does not edit. Open it in Excel and save it as "Excel Workbook (*.xlsx)" (File > Save As), then try again.`,
  unreadable: (name: string, reason: string): string => `${name} could not be read as an .xlsx workbook: ${reason}.`,
  damaged: (name: string, reason: string): string => `${name} is damaged or incomplete (${reason}). Nothing was changed; save the workbook again, or copy it again if it was downloaded.`,
  encrypted: (name: string): string =>
    `${name} is protected with a password to open (encrypted), so it cannot be read without Excel. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save, and try again.`,
  strict: (name: string): string =>
    `${name} is saved as "Strict Open XML Spreadsheet", which this tool does not edit. Save it from Excel as "Excel Workbook (*.xlsx)" and try again.`,
  tooLarge: (name: string, detail: string): string =>
    `Refusing to read ${name}: it unpacks to far more than a workbook of its size should (${detail}); it may be a zip bomb. Nothing was read further.`,
  unsafeXml: (name: string, detail: string): string => `Refusing to read ${name}: ${detail}. Workbook parts never need one; the file may be crafted.`,
  sheetTooSpread: (name: string, sheet: string, cells: number): string =>
    `Sheet "${sheet}" of ${name} has figures spread over more than ${cells.toLocaleString('en-GB')} cells; it is too large to read as a scorecard.`,
  protectedSheet: (sheet: string): string =>
    `Sheet "${sheet}" is protected, and formatting it would change locked cells. Unprotect it in Excel (Review > Unprotect Sheet), save, and try again; nothing was changed.`,
  protectedStructure: (name: string): string =>
    `${name} has its structure protected (sheets cannot be added). Unprotect it in Excel (Review > Protect Workbook), save, and try again; nothing was changed.`,
  sheetNotFound: (name: string, sheets: string[]): string =>
    `There is no sheet named "${name}". Sheets in the workbook: ${sheets.map((s) => `"${s}"`).join(', ') || '(none)'}.`,
  noSheets: (): string => 'The workbook has no worksheets.',
  planSheetMismatch: (planSheet: string, sheet: string): string =>
    `The format plan is for sheet "${planSheet}" but was given sheet "${sheet}"; nothing was changed.`,
  /** What to do after the engine's `keyAreaTaken` (the file is left as it was). */
  keyAreaTakenAction: (): string => 'Nothing was changed. Clear or move that content and try again.',
  notesUnreadable: (sheet: string): string =>
    `The notes drawing of sheet "${sheet}" cannot be read, so the add-in's notes were not written (the cells were formatted).`,
};
