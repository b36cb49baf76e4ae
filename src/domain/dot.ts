import { msg } from './messages';
import { err, ok, type Result } from './result';
import type { Lean } from './polarity';
import type { DotConvention, DotState, DotTone, Polarity, Rag } from './types';
import { comparePrecision, equalAtDisplay, type ParsedValue } from './value';

/**
 * The arrow of each state, written once. The two declines have different shapes (↘ vs
 * ↓) so the state never rests on colour alone (print is often black and white).
 */
export const DOT_GLYPHS: Readonly<Record<DotState, string>> = Object.freeze({
  improvement: '↑',
  stable: '→',
  declineWithinLimits: '↘',
  declineNotOnTarget: '↓',
  increase: '↑',
  decrease: '↓',
});

export type DotResult =
  | { state: DotState; glyph: string; tone: DotTone; /** Screen-reader text, e.g. `Improvement`. */ label: string }
  | { state: null; /** Why there is no arrow, to show beside the empty cell. */ reason: string };

export interface DotInput {
  /** The reporting month. */
  current: ParsedValue | number;
  /** The month before. */
  previous: ParsedValue | number;
  polarity: Polarity | null;
  /** RAG of the reporting month: tells a decline within limits from one not on target. */
  status: Rag | null;
  convention: DotConvention;
  /** Decimals shown; null compares exactly (up to a float epsilon) unless the parsed values know. */
  decimals: number | null;
  /** Within Limits only: the target range (e.g. 14-20). Without it the arrow shows the numbers. */
  range?: { lower: number; upper: number } | null;
  /** Within Limits only: which way is better inside the range (`Within limits (lower is better)`). */
  lean?: Lean | null;
}

// Every arrow is one of a few shared, frozen answers: evaluating a row allocates none for it.
function answer(state: DotState, tone: DotTone): Result<DotResult> {
  return Object.freeze(ok(Object.freeze({ state, glyph: DOT_GLYPHS[state], tone, label: msg.dotLabels[state] })));
}

const STABLE = answer('stable', 'neutral');
const IMPROVEMENT = answer('improvement', 'good');
const DECLINE_WITHIN_LIMITS = answer('declineWithinLimits', 'warning');
const DECLINE_NOT_ON_TARGET = answer('declineNotOnTarget', 'bad');
/** The numbers' own direction, by verdict (-1 worse, 0 neither, +1 better): its tone. */
const MOVED: Readonly<Record<'up' | 'down', readonly [Result<DotResult>, Result<DotResult>, Result<DotResult>]>> = {
  up: [answer('increase', 'bad'), answer('increase', 'neutral'), answer('increase', 'good')],
  down: [answer('decrease', 'bad'), answer('decrease', 'neutral'), answer('decrease', 'good')],
};

function numberOf(v: ParsedValue | number): ParsedValue {
  return typeof v === 'number' ? { kind: 'number', value: v, percent: false, decimals: null, annotation: null } : v;
}

/** Why an operand gives no arrow (or an error), or null when it is a finite number. */
function unusable(which: 'current' | 'previous', v: ParsedValue): Result<DotResult> | null {
  if (v.kind === 'invalid') return err('badValue', msg.badValue(v.text));
  if (v.kind === 'missing') return ok({ state: null, reason: msg.dotMissing(which, v.text) });
  if (!Number.isFinite(v.value)) return err('badValue', msg.nonFiniteValue());
  return null;
}

/**
 * +1 when `current` is better than `previous`, -1 when worse, 0 when neither can be said.
 * Within Limits: nearer the range is better; equally near (both months inside it) the
 * bracketed direction decides, as it does when the range is not known.
 */
function better(cur: number, prev: number, polarity: Polarity | null, range: DotInput['range'], lean: Lean | null): -1 | 0 | 1 {
  if (polarity === 'high') return cur > prev ? 1 : -1;
  if (polarity === 'low') return cur < prev ? 1 : -1;
  if (polarity !== 'withinLimits') return 0;
  if (range) {
    const dc = Math.max(range.lower - cur, cur - range.upper, 0);
    const dp = Math.max(range.lower - prev, prev - range.upper, 0);
    if (dc !== dp) return dc < dp ? 1 : -1;
  }
  // Without a direction, inside the range both months are on target: the arrow just shows the numbers.
  if (lean === 'high') return cur > prev ? 1 : -1;
  if (lean === 'low') return cur < prev ? 1 : -1;
  return 0;
}

/**
 * Direction of travel from the previous month to the reporting month.
 *
 * Performance convention: improvement ↑ (good), stable →, decline still within limits ↘
 * (status Green or Amber), decline not on target ↓ (status Red or unknown); Info shows
 * increase ↑ / stable → / decrease ↓ in a neutral tone. Numeric convention: the arrow
 * follows the number, the tone says whether that was good. Stable means equal as shown.
 * Within Limits: a move towards the range improves, away from it declines; inside it the
 * bracketed direction (`lean`) says which way is better, else the arrow shows the numbers.
 *
 * @example
 * evaluateDot({ current: 1.069, previous: 1.08, polarity: 'low', status: 'red', convention: 'performance', decimals: null })
 * // ok({ state: 'improvement', glyph: '↑', tone: 'good', label: 'Improvement' })
 * evaluateDot({ current: 15, previous: 17, polarity: 'withinLimits', lean: 'low', range: { lower: 14, upper: 20 }, status: 'green', convention: 'performance', decimals: null })
 * // ok({ state: 'improvement', ... }): both inside 14-20, and lower is better
 * evaluateDot({ current: parseValue('Data to be reported January'), previous: 26, ... })
 * // ok({ state: null, reason: 'No arrow: the current month is "Data to be reported January", not a number.' })
 */
export function evaluateDot(input: DotInput): Result<DotResult> {
  const cur = numberOf(input.current);
  const prev = numberOf(input.previous);
  const stop = unusable('current', cur) ?? unusable('previous', prev);
  if (stop) return stop;
  if (cur.kind !== 'number' || prev.kind !== 'number') return ok({ state: null, reason: msg.dotMissing('current', '') });

  const decimals = input.decimals ?? comparePrecision(cur, prev);
  const percent = cur.percent || prev.percent;
  if (equalAtDisplay(cur.value, prev.value, decimals, percent)) return STABLE;

  const moved = MOVED[cur.value > prev.value ? 'up' : 'down'];
  const verdict = better(cur.value, prev.value, input.polarity, input.range ?? null, input.lean ?? null);
  if (input.convention === 'numeric') return moved[verdict + 1];
  if (verdict === 0) return moved[1];
  if (verdict > 0) return IMPROVEMENT;
  const withinLimits = input.status === 'green' || input.status === 'amber';
  return withinLimits ? DECLINE_WITHIN_LIMITS : DECLINE_NOT_ON_TARGET;
}

/**
 * Reads the DOT convention argument: blank is the default `performance`.
 *
 * @example
 * parseConvention('Numeric') // ok('numeric')
 */
export function parseConvention(input: string | number | boolean | null | undefined): Result<DotConvention> {
  const text = input === null || input === undefined ? '' : String(input).trim();
  const key = text.toLowerCase();
  if (key === '' || key === 'performance') return ok('performance');
  if (key === 'numeric') return ok('numeric');
  return err('badArgument', msg.badConvention(text));
}
