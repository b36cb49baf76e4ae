import { msg } from './messages';
import { err, ok, type Result } from './result';
import type { CellInput } from './types';
import { toParsed, type ParsedValue } from './value';

const WINDOW = 12;

/**
 * The latest 12 months of a row (oldest to newest): the sum, or with `denominators` the
 * ratio Σnumerators / Σdenominators over the same 12 positions (rolling percentages and
 * averages). Blank months at the end are future months and are dropped; any other gap
 * inside the window is an error, never a smaller sum.
 *
 * @example
 * rolling12([5, 7, 6, 8, 9, 4, 6, 7, 5, 8, 6, 7, null, null]) // ok(78)
 * rolling12([...eleven numbers, 'TBC'])                         // err gapInWindow (item 12)
 * rolling12(counts, populations)                               // ok(Σcounts / Σpopulations)
 */
export function rolling12(
  values: ReadonlyArray<CellInput | ParsedValue>,
  denominators?: ReadonlyArray<CellInput | ParsedValue>,
): Result<number> {
  if (denominators && denominators.length !== values.length) {
    return err('badArgument', msg.rangeLengths(values.length, denominators.length));
  }
  const parsed = values.map(toParsed);
  let end = parsed.length;
  // Only true blanks are future months: a trailing `Data to be reported January` is the
  // reporting month missing, and dropping it would silently shift the window.
  while (end > 0) {
    const last = parsed[end - 1];
    if (last.kind !== 'missing' || last.reason !== 'blank') break;
    end -= 1;
  }
  const start = end - WINDOW;
  for (let i = Math.max(0, start); i < end; i += 1) {
    const v = parsed[i];
    if (v.kind === 'invalid') return err('badValue', msg.badItem('Rolling 12 months', i + 1, v.text));
  }
  if (start < 0) return err('notEnoughMonths', msg.notEnoughMonths(countNumbers(parsed.slice(0, end))));
  const numerator = sum(parsed, start, end, 'Rolling 12 months');
  if (!numerator.ok) return numerator;
  if (!denominators) return numerator;
  const denominator = sum(denominators.map(toParsed), start, end, 'Rolling 12 months (denominators)');
  if (!denominator.ok) return denominator;
  if (denominator.value === 0) return err('divideByZero', msg.zeroDenominator());
  const ratio = numerator.value / denominator.value;
  // Denominators like 1e-320 add up to a subnormal that is not 0, yet the quotient overflows:
  // a result beyond the largest number is #NUM! (CustomFunctions.ErrorCode.invalidNumber,
  // "a problem with a number in the function"), never Infinity.
  return Number.isFinite(ratio) ? ok(ratio) : err('outOfRange', msg.ratioOutOfRange());
}

function countNumbers(values: ParsedValue[]): number {
  return values.filter((v) => v.kind === 'number').length;
}

function sum(values: ParsedValue[], start: number, end: number, what: string): Result<number> {
  let total = 0;
  for (let i = start; i < end; i += 1) {
    const v = values[i];
    if (v.kind === 'invalid') return err('badValue', msg.badItem(what, i + 1, v.text));
    if (v.kind === 'missing') return err('gapInWindow', msg.gapInWindow(i + 1, v.text));
    total += v.value;
  }
  return Number.isFinite(total) ? ok(total) : err('outOfRange', msg.sumOutOfRange(what));
}
