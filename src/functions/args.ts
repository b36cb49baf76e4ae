/**
 * What Excel hands a custom function, reduced to the engine's CellInput: numbers,
 * strings, booleans, `null` for a blank cell or an omitted argument (`undefined` when a
 * trailing optional argument is left out), 2-D arrays for ranges.
 */
import { msg } from '../domain/messages';
import { err, ok, type Result } from '../domain/result';
import type { CellInput } from '../domain/types';
import { isFunctionError, type FunctionError } from './errors';

/** A single argument as Excel may pass it. */
export type ExcelScalar = number | string | boolean | null | undefined;

/** Anything a scalar argument may hold; a 1x1 range arrives as [[x]] from some hosts. */
export function scalar(input: unknown): CellInput {
  if (Array.isArray(input)) return scalar(input.length > 0 ? input[0] : null);
  if (input === null || input === undefined) return null;
  if (typeof input === 'number' || typeof input === 'string' || typeof input === 'boolean') return input;
  // A linked data type or formatted number, if a host sends the object despite
  // functions.json's allowCustomDataForDataTypeAny: false: its basic value is the figure.
  if (typeof input === 'object' && 'basicValue' in input) return scalar((input as { basicValue: unknown }).basicValue);
  return String(input);
}

/** A matrix argument; a single value (a one-cell argument) becomes [[value]]. */
export function matrix(input: unknown): CellInput[][] {
  if (!Array.isArray(input)) return [[scalar(input)]];
  return input.map((row: unknown) => (Array.isArray(row) ? row.map(scalar) : [scalar(row)]));
}

/** One row or one column of cells, in reading order; a block of several rows and columns is an error. */
export function line(input: unknown): Result<CellInput[]> {
  const m = matrix(input);
  const rows = m.length;
  // A loop, not Math.max(...lengths): spreading a whole column (1,048,576 rows) into one
  // call's arguments overflows the stack.
  let columns = 0;
  for (const r of m) if (r.length > columns) columns = r.length;
  if (rows > 1 && columns > 1) return err('badArgument', msg.notALine(rows, columns));
  return ok(m.flat());
}

/**
 * The first Excel error among the arguments (scalars or ranges). It is returned unchanged,
 * as Excel's own functions pass `#DIV/0!` through: read as text it would be a placeholder
 * and silently turn into a blank answer.
 */
export function firstError(...inputs: unknown[]): FunctionError | null {
  // Depth first in reading order, with an explicit stack: `firstError(...range)` on a whole
  // column would pass a million arguments to one call and overflow the stack.
  const stack: Array<{ list: readonly unknown[]; next: number }> = [{ list: inputs, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.list.length) {
      stack.pop();
      continue;
    }
    const input = top.list[top.next];
    top.next += 1;
    if (isFunctionError(input)) return input;
    if (Array.isArray(input)) stack.push({ list: input, next: 0 });
  }
  return null;
}

/** A matrix argument as given, cells untouched (errors stay errors). */
export function rawMatrix(input: unknown): unknown[][] {
  if (!Array.isArray(input)) return [[input]];
  return input.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}
