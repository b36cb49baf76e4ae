import { formatNumber, formatValue, msg } from './messages';
import { err, ok, type Result } from './result';
import type { Bound, Gap, Tolerances, Unreadable } from './tolerance';
import type { CellInput, Rag } from './types';
import type { ParsedValue } from './value';

// Excel computes 19/20 as 0.95 but 0.1*3 as 0.30000000000000004: a value within this
// relative distance of a cut point is on the cut point.
const EPSILON = 1e-9;

function compare(value: number, cut: number): -1 | 0 | 1 {
  if (Math.abs(value - cut) <= EPSILON * Math.max(1, Math.abs(cut))) return 0;
  return value < cut ? -1 : 1;
}

function aboveLower(value: number, lower: Bound | null): boolean {
  if (!lower) return true;
  const c = compare(value, lower.value);
  return c > 0 || (c === 0 && lower.inclusive);
}

function belowUpper(value: number, upper: Bound | null): boolean {
  if (!upper) return true;
  const c = compare(value, upper.value);
  return c < 0 || (c === 0 && upper.inclusive);
}

// The answers are shared, frozen results: evaluating a row allocates nothing.
const NO_STATUS: Result<Rag | null> = Object.freeze(ok(null));
const status = (rag: Rag): Result<Rag | null> => Object.freeze(ok(rag));
const STATUS: Readonly<Record<Rag, Result<Rag | null>>> = Object.freeze({ red: status('red'), amber: status('amber'), green: status('green') });

/**
 * The RAG status of a value: `null` when there are no tolerances (Info, n/a, blank);
 * an error naming the value and the bands around it when it falls in a gap.
 *
 * @example
 * evaluateRag(0.851, parseTolerances('<65%', '>65% <75%', '75%', 'high').value) // ok('green')
 * evaluateRag(20.5, parseTolerances('21+', '20<', '18<', 'low').value)
 * // err valueInGap: "20.5 falls between Amber (20<) and Red (21+) ..."
 */
export function evaluateRag(value: number, tol: Tolerances): Result<Rag | null> {
  if (tol.kind === 'none') return NO_STATUS;
  if (!Number.isFinite(value)) return err('badValue', msg.nonFiniteValue());
  const bands = tol.bands;
  for (let i = 0; i < bands.length; i += 1) {
    const band = bands[i];
    if (aboveLower(value, band.lower) && belowUpper(value, band.upper)) return STATUS[band.rag];
  }
  const shown = formatValue(value, tol.percent);
  const conflict = tol.conflicts.find((c) => aboveLower(value, c.lower) && belowUpper(value, c.upper));
  if (conflict) return err('toleranceConflict', msg.valueInConflict(shown, conflict.bands[0], conflict.bands[1]));
  // A value no readable band covers might be an unreadable cell's: that cell is the problem.
  const blamed = blamedUnreadable(value, tol);
  if (blamed) return err(blamed.code, blamed.message);
  const gap = gapOf(value, tol);
  return err('valueInGap', msg.valueInGap(shown, gap?.below ?? null, gap?.above ?? null));
}

function gapOf(value: number, tol: Tolerances & { kind: 'bands' }): Gap | undefined {
  return tol.gaps.find((g) => aboveLower(value, g.lower) && belowUpper(value, g.upper));
}

/**
 * The unreadable tolerance cell a figure that no readable band covers is blamed on: the one
 * whose stretch the figure lies in, else the first; null when every cell was read.
 * `evaluateRag`'s error for such a figure is this cell's; callers find the cell with this, never by message.
 */
export function blamedUnreadable(value: number, tol: Tolerances & { kind: 'bands' }): Unreadable | null {
  const gap = gapOf(value, tol);
  return tol.unreadable.find((u) => u.rag === gap?.unreadable) ?? tol.unreadable[0] ?? null;
}

/**
 * Catches a percentage typed as a whole number (`90.2` in a row whose tolerances are
 * `98%`): read as a fraction it would be 9020% and always Green. Only values that are
 * not known to be percentages, far above every cut point, are flagged.
 *
 * @example
 * checkUnits(parseValue('90.2'), parseTolerances('', '', '98%', 'high').value) // err unitMismatch
 * checkUnits(parseValue('90.2%'), ...)                                       // ok
 */
export function checkUnits(value: ParsedValue, tol: Tolerances): Result<void> {
  if (tol.kind === 'none' || !tol.percent || value.kind !== 'number' || value.percent) return ok(undefined);
  let largest = 1;
  for (const b of tol.bands) for (const bound of [b.lower, b.upper]) if (bound && Math.abs(bound.value) > largest) largest = Math.abs(bound.value);
  // 10x the largest cut (itself at least 100%) is beyond any plausible percentage.
  if (Math.abs(value.value) > 10 * largest) {
    const example = tol.bands.find((b) => b.source !== '')?.source ?? '';
    return err('unitMismatch', msg.unitMismatch(formatNumber(value.value), example));
  }
  return ok(undefined);
}

const LETTERS: Record<Rag, string> = { red: 'R', amber: 'A', green: 'G' };

/**
 * The letter the seeds write in the RAG column.
 *
 * @example
 * ragLetter('amber') // 'A'
 */
export function ragLetter(rag: Rag): string {
  return LETTERS[rag];
}

/**
 * Reads a RAG cell: `R`/`A`/`G` or `Red`/`Amber`/`Green` (any case); blank is null.
 *
 * @example
 * parseRag('g')   // ok('green')
 * parseRag('')    // ok(null)
 * parseRag('YTD') // err badValue
 */
export function parseRag(input: CellInput): Result<Rag | null> {
  if (input === null || input === undefined) return ok(null);
  const text = String(input).trim();
  if (text === '') return ok(null);
  switch (typeof input === 'string' ? text.toLowerCase() : '') {
    case 'r':
    case 'red':
      return ok('red');
    case 'a':
    case 'amber':
      return ok('amber');
    case 'g':
    case 'green':
      return ok('green');
    default:
      return err('badValue', msg.badStatus(text));
  }
}
