/**
 * The only place engine errors become Excel errors. `CustomFunctions.Error` exists only
 * inside Office, so the error is built lazily: in Node (tests, the HyperFormula harness)
 * an object of the same shape stands in for it.
 */
import type { EngineError, ErrorCode } from '../domain/result';

/** The Excel error values: the engine's three, and any an argument passes through. */
export type ExcelErrorValue = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#NULL!' | '#NAME?' | '#REF!';

/** The shape of `CustomFunctions.Error`: an Excel error value and a message. */
export interface FunctionError {
  readonly code: ExcelErrorValue;
  readonly message?: string;
}

type ErrorCodeKey = keyof typeof CustomFunctions.ErrorCode;

const KEYS: Record<ExcelErrorValue, ErrorCodeKey> = {
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
  '#NULL!': 'nullReference',
  '#NAME?': 'invalidName',
  '#REF!': 'invalidReference',
};

/**
 * Which Excel error each engine error becomes: bad input is #VALUE!, a value the engine
 * cannot place (a gap, a missing month) is #N/A, a division by zero is #DIV/0!.
 */
export const EXCEL_ERRORS: Readonly<Record<ErrorCode, ExcelErrorValue>> = Object.freeze({
  badValue: '#VALUE!',
  missingValue: '#N/A',
  badTolerance: '#VALUE!',
  toleranceConflict: '#VALUE!',
  polarityConflict: '#VALUE!',
  badPolarity: '#VALUE!',
  valueInGap: '#N/A',
  unitMismatch: '#VALUE!',
  notEnoughMonths: '#N/A',
  gapInWindow: '#N/A',
  divideByZero: '#DIV/0!',
  outOfRange: '#NUM!',
  // Never from a custom function (plans are the pane's and the CLI's); listed for completeness.
  planInvalid: '#VALUE!',
  noTable: '#VALUE!',
  noMonths: '#VALUE!',
  notNextMonth: '#VALUE!',
  sheetExists: '#VALUE!',
  damagedRecord: '#VALUE!',
  notOurSheet: '#VALUE!',
  badArgument: '#VALUE!',
});

class StandInError implements FunctionError {
  constructor(
    readonly code: ExcelErrorValue,
    readonly message: string,
  ) {}
}

function officeRuntime(): typeof CustomFunctions | null {
  return typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.Error === 'function' ? CustomFunctions : null;
}

/** An Excel error value with the engine's message; `CustomFunctions.Error` inside Office. */
export function toFunctionError(error: EngineError): FunctionError {
  const code = EXCEL_ERRORS[error.code];
  const runtime = officeRuntime();
  if (runtime) {
    // Excel shows custom messages only on #VALUE! and #N/A; @types/custom-functions-runtime
    // says of #DIV/0! and #NUM! "A custom error message can't be used".
    const message = code === '#VALUE!' || code === '#N/A' ? error.message : undefined;
    return new runtime.Error(runtime.ErrorCode[KEYS[code]], message) as unknown as FunctionError;
  }
  return new StandInError(code, error.message);
}

/** Whether a value is an Excel error: one the functions return, or one Excel passed in. */
export function isFunctionError(value: unknown): value is FunctionError {
  if (value === null || typeof value !== 'object') return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && code in KEYS;
}

/**
 * Hands a single-cell result to Excel. Microsoft documents two ways for an error to reach
 * a cell: thrown, for a single-cell result, and as an element of a returned array. So
 * inside Office a scalar error is thrown as the `CustomFunctions.Error` it is (the
 * runtime catches it and shows the code and message in the cell); outside Office (Node,
 * HyperFormula) the stand-in is returned as a value, since nothing there would catch it.
 */
export function toCell<T>(result: T | FunctionError): T | FunctionError {
  const runtime = officeRuntime();
  if (runtime && result instanceof runtime.Error) throw result;
  return result;
}
