/**
 * User-visible texts of the revisions engine. Re-exported by the one catalogue,
 * `src/domain/messages.ts`; tests compare against these functions, never literal text.
 */
export const revisionMessages = {
  /** How an empty published or current cell reads in a change (`84.3% → blank`). */
  blank: (): string => 'blank',
  /** A change between two texts (a placeholder on either side, or a format of another kind). */
  changeArrow: (from: string, to: string): string => `${from} → ${to}`,
  /** A change in percentage points (`+0.4 pts`). */
  points: (signed: string): string => `${signed} pts`,
  /** The note on a highlighted cell. */
  note: (month: string, published: string, current: string): string =>
    `Revised: ${month} published ${published}, now ${current}`,
  recordVersion: (address: string, version: string): string =>
    `${address}: record version '${version}' is not one this add-in can read. Update the add-in, or publish again to rebuild the records.`,
  snapshotField: (address: string, field: string, problem: string): string =>
    `${address}: ${field} ${problem}. The published figures are damaged; publish again to rebuild them.`,
  snapshotMixed: (address: string, field: string): string =>
    `${address}: ${field} differs from the rows above within one published snapshot. The published figures are damaged; publish again to rebuild them.`,
  /** A sheet with a record sheet's name whose first row is not the records' header: a user's sheet (or one whose header was edited). */
  notOurSheet: (sheet: string): string =>
    `A sheet named '${sheet}' already exists and is not one the add-in keeps its records in (its first row is not the add-in's header), so the add-in neither reads nor writes it.`,
  recordField: (address: string, field: string, problem: string): string => `${address}: ${field} ${problem}.`,
  /** Damaged highlight records refuse every highlight operation: a fill restored from a wrong record would be lost for good. */
  highlightsDamaged: (detail: string): string =>
    `${detail} The add-in's highlight records are damaged, so it changed no highlight (restoring a fill from a wrong record would lose the user's own).`,
  fillChanged: (address: string): string =>
    `${address}: the fill was changed since the add-in highlighted it; left as it is.`,
  noteKept: (address: string): string =>
    `${address}: the cell already has a note; the add-in left it and did not add its own.`,
  noteChanged: (address: string): string =>
    `${address}: the note was edited since the add-in added it; left as it is.`,
  sheetGone: (sheet: string): string => `The sheet '${sheet}' no longer exists; its highlight records were dropped.`,
  /** The review decisions cannot be read (`detail` says where): revisions show as pending, marking one is refused. */
  reviewsDamaged: (detail: string): string =>
    `${detail} The reviewers' decisions stored in the workbook cannot be read, so every revision shows as pending, and marking one is refused until that sheet is corrected.`,
  /** The stored published figures cannot be read (`detail` says where): the comparison falls back to the sheets. */
  baselineDamaged: (detail: string): string =>
    `The published figures stored in the workbook cannot be read (${detail}); the previous month’s sheet is compared instead.`,
  noMonthInFile: (fileName: string): string =>
    `No scorecard with a month before this one was found in ${fileName}. Pick the workbook published last month.`,
  unknownRevision: (id: string): string => `No revision ${id} on this sheet. Reload the revisions and try again.`,
} as const;
