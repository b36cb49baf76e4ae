/**
 * A tagged result, as zod's `safeParse`: the engine returns errors as values and
 * never throws for bad input.
 */
export type Result<T, E = EngineError> = { ok: true; value: T } | { ok: false; error: E };

/** An engine error: a stable code from the catalogue and a message for the analyst. */
export interface EngineError {
  /** Stable code; tests and adapters switch on it, never on the message text. */
  code: ErrorCode;
  /** Human-readable message naming the problem (and the cell, when one is known). */
  message: string;
}

/**
 * Every kind of error the engine can report. The Excel error each maps to is decided
 * once, in `src/functions/errors.ts`.
 */
export type ErrorCode =
  | 'badValue' // a value that is neither a number nor a recognised placeholder
  | 'missingValue' // a placeholder or blank where a number is required
  | 'badTolerance' // a Red/Amber/Green cell the parser cannot read
  | 'toleranceConflict' // bands that overlap or contradict each other
  | 'polarityConflict' // bands imply High but GOOD PERF IS says Low (or the reverse)
  | 'badPolarity' // a polarity text that is not High/Low/Info/Within Limits
  | 'valueInGap' // a value that no band covers
  | 'unitMismatch' // e.g. a count compared with a percentage target
  | 'notEnoughMonths' // rolling 12 months with fewer than 12 months of data
  | 'gapInWindow' // rolling 12 months with a missing month inside the window
  | 'divideByZero'
  | 'outOfRange' // a result beyond the largest number Excel holds (#NUM!)
  | 'planInvalid' // a format plan that writes or styles outside what it owns, or is malformed
  | 'noTable' // no scorecard table on the sheet (no header row, or a header with no rows under it)
  | 'noMonths' // a scorecard table with no month columns (nothing to roll forward from)
  | 'notNextMonth' // a new month that is not after the sheet's latest month
  | 'sheetExists' // the sheet a new month would create is already in the workbook
  | 'damagedRecord' // a row of the add-in's own record sheets that cannot be read back
  | 'notOurSheet' // a sheet with a record sheet's name that is not the add-in's (no header row): never read, never written
  | 'badArgument'; // an argument of the wrong shape (e.g. ranges of different sizes)

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string): { ok: false; error: EngineError } {
  return { ok: false, error: { code, message } };
}
