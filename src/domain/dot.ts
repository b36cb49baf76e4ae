import { msg } from './messages';
import { err, ok, type Result } from './result';
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
}

function numberOf(v: ParsedValue | number): ParsedValue {
  return typeof v === 'number' ? { kind: 'number', value: v, percent: false, decimals: null, annotation: null } : v;
}

function result(state: DotState, tone: DotTone): DotResult {
  return { state, glyph: DOT_GLYPHS[state], tone, label: msg.dotLabels[state] };
}

/** +1 when `current` is better than `previous`, -1 when worse, 0 when neither can be said. */
function better(cur: number, prev: number, polarity: Polarity | null, range: DotInput['range']): -1 | 0 | 1 {
  if (polarity === 'high') return cur > prev ? 1 : -1;
  if (polarity === 'low') return cur < prev ? 1 : -1;
  if (polarity === 'withinLimits' && range) {
    const distance = (v: number): number => Math.max(range.lower - v, v - range.upper, 0);
    const dc = distance(cur);
    const dp = distance(prev);
    // Inside the range both months are on target: the arrow just shows the numbers.
    if (dc === dp) return 0;
    return dc < dp ? 1 : -1;
  }
  return 0;
}

/**
 * Direction of travel from the previous month to the reporting month.
 *
 * Performance convention: improvement ↑ (good), stable →, decline still within limits ↘
 * (status Green or Amber), decline not on target ↓ (status Red or unknown); Info shows
 * increase ↑ / stable → / decrease ↓ in a neutral tone. Numeric convention: the arrow
 * follows the number, the tone says whether that was good. Stable means equal as shown.
 *
 * @example
 * evaluateDot({ current: 1.069, previous: 1.08, polarity: 'low', status: 'red', convention: 'performance', decimals: null })
 * // ok({ state: 'improvement', glyph: '↑', tone: 'good', label: 'Improvement' })
 * evaluateDot({ current: parseValue('Data to be reported January'), previous: 26, ... })
 * // ok({ state: null, reason: 'No arrow: the current month is "Data to be reported January", not a number.' })
 */
export function evaluateDot(input: DotInput): Result<DotResult> {
  const cur = numberOf(input.current);
  const prev = numberOf(input.previous);
  for (const [which, v] of [
    ['current', cur],
    ['previous', prev],
  ] as const) {
    if (v.kind === 'invalid') return err('badValue', msg.badValue(v.text));
    if (v.kind === 'missing') return ok({ state: null, reason: msg.dotMissing(which, v.text) });
    if (!Number.isFinite(v.value)) return err('badValue', msg.nonFiniteValue());
  }
  if (cur.kind !== 'number' || prev.kind !== 'number') return ok({ state: null, reason: msg.dotMissing('current', '') });

  const decimals = input.decimals ?? comparePrecision(cur, prev);
  const percent = cur.percent || prev.percent;
  if (equalAtDisplay(cur.value, prev.value, decimals, percent)) return ok(result('stable', 'neutral'));

  const up = cur.value > prev.value;
  const verdict = better(cur.value, prev.value, input.polarity, input.range ?? null);
  if (input.convention === 'numeric') {
    const tone: DotTone = verdict === 0 ? 'neutral' : verdict > 0 ? 'good' : 'bad';
    return ok(result(up ? 'increase' : 'decrease', tone));
  }
  if (verdict === 0) return ok(result(up ? 'increase' : 'decrease', 'neutral'));
  if (verdict > 0) return ok(result('improvement', 'good'));
  const withinLimits = input.status === 'green' || input.status === 'amber';
  return ok(withinLimits ? result('declineWithinLimits', 'warning') : result('declineNotOnTarget', 'bad'));
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
