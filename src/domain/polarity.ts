import { err, ok, type Result } from './result';
import { msg } from './messages';
import type { CellInput, Polarity } from './types';

/** Which way a Within Limits measure leans inside its range, from a bracketed qualifier. */
export type Lean = 'high' | 'low';

export interface PolarityReading {
  polarity: Polarity;
  /** `Within limits (higher is better)`: the direction inside the range; null when not said. */
  lean: Lean | null;
}

// Words that name a direction; everything else must be one of the FILLER words. Maps, not
// object literals, so `constructor` or `__proto__` is never found through a prototype.
const WORDS = new Map<string, Polarity>([
  ['high', 'high'],
  ['higher', 'high'],
  ['highest', 'high'],
  ['up', 'high'],
  ['increase', 'high'],
  ['increasing', 'high'],
  ['more', 'high'],
  ['bigger', 'high'],
  ['larger', 'high'],
  ['greater', 'high'],
  ['maximise', 'high'],
  ['maximize', 'high'],
  ['low', 'low'],
  ['lower', 'low'],
  ['lowest', 'low'],
  ['down', 'low'],
  ['decrease', 'low'],
  ['decreasing', 'low'],
  ['less', 'low'],
  ['fewer', 'low'],
  ['smaller', 'low'],
  ['minimise', 'low'],
  ['minimize', 'low'],
  ['info', 'info'],
  ['information', 'info'],
  ['informational', 'info'],
  ['contextual', 'info'],
  ['context', 'info'],
  ['monitor', 'info'],
  ['monitoring', 'info'],
  ['withinlimits', 'withinLimits'],
  ['within', 'withinLimits'],
  ['limits', 'withinLimits'],
  ['limit', 'withinLimits'],
  ['range', 'withinLimits'],
  ['inrange', 'withinLimits'],
]);

const FILLER = new Set(['is', 'are', 'better', 'good', 'best', 'the', 'a', 'an', 'performance', 'perf', 'only', 'preferred', 'desirable', 'value', 'values', 'figure', 'number', 'in', 'of', 'for', 'purposes', 'measure', 'to', 'be', 'is', 'aim', 'want', 'we', 'stay', 'keep', 'tolerance', 'direction', 'should', 'target', 'or', 'and']);

/** The polarity the words name: one direction, none, or several (ambiguous). */
function classify(text: string): { found: Set<Polarity>; unknown: string | null } {
  const words = text
    .toLowerCase()
    .replace(/within[\s_-]*limits?/g, 'withinlimits')
    .replace(/\bin[\s_-]+range/g, 'inrange')
    .split(/[^a-z]+/)
    .filter((w) => w !== '');
  const found = new Set<Polarity>();
  let unknown: string | null = null;
  for (const w of words) {
    const p = WORDS.get(w);
    if (p) found.add(p);
    else if (!FILLER.has(w)) unknown ??= w;
  }
  return { found, unknown };
}

/**
 * Reads a GOOD PERF IS cell in any case, with extra words (`Higher is better`, `Low is
 * good`, `Information only`) and, for Within Limits, a bracketed qualifier giving the
 * direction inside the range (`Within limits (higher is better)`). Blank is `null` (not
 * stated); unknown or contradictory text an error quoting it.
 *
 * @example
 * readPolarity('Within limits (lower is better)') // ok({ polarity: 'withinLimits', lean: 'low' })
 * readPolarity('constructor')                     // err badPolarity
 */
export function readPolarity(input: CellInput): Result<PolarityReading | null> {
  if (input === null || input === undefined) return ok(null);
  const text = String(input).trim();
  if (text === '') return ok(null);
  if (typeof input !== 'string') return err('badPolarity', msg.badPolarity(text));
  const bracket = /\(([^()]*)\)|\[([^[\]]*)\]/.exec(text);
  const main = bracket ? text.replace(bracket[0], ' ') : text;
  const head = classify(main);
  if (head.unknown !== null || head.found.size === 0) return err('badPolarity', msg.badPolarity(text));
  const found = [...head.found];
  // `Within limits`, `range` and `target` together still name one polarity.
  const polarity = found.length === 1 ? found[0] : null;
  if (polarity === null) return err('badPolarity', msg.ambiguousPolarity(text));
  if (!bracket) return ok({ polarity, lean: null });
  const inner = classify(bracket[1] ?? bracket[2] ?? '');
  const direction = [...inner.found].filter((p): p is Lean => p === 'high' || p === 'low');
  if (polarity === 'withinLimits') {
    if (direction.length > 1) return err('badPolarity', msg.ambiguousPolarity(text));
    return ok({ polarity, lean: direction[0] ?? null });
  }
  // A note in brackets beside High or Low is kept out of the way, unless it says the opposite.
  if (direction.some((d) => d !== polarity) && (polarity === 'high' || polarity === 'low')) return err('badPolarity', msg.ambiguousPolarity(text));
  return ok({ polarity, lean: null });
}

/**
 * Reads a GOOD PERF IS cell (see `readPolarity` for the spellings). Blank is `null`.
 *
 * @example
 * parsePolarity(' within limits ')  // { ok: true, value: 'withinLimits' }
 * parsePolarity('Higher is better') // { ok: true, value: 'high' }
 * parsePolarity('')                 // { ok: true, value: null }
 * parsePolarity('Sideways')         // { ok: false, error: { code: 'badPolarity', ... } }
 */
export function parsePolarity(input: CellInput): Result<Polarity | null> {
  const r = readPolarity(input);
  if (!r.ok) return r;
  return ok(r.value === null ? null : r.value.polarity);
}
