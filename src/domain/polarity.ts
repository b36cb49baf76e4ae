import { err, ok, type Result } from './result';
import { msg } from './messages';
import type { CellInput, Polarity } from './types';

// Keys are the text with case, spaces, hyphens and underscores removed, so
// `Within Limits`, `within-limits` and `WITHINLIMITS` all read the same.
const POLARITIES: Record<string, Polarity> = {
  high: 'high',
  low: 'low',
  info: 'info',
  information: 'info',
  withinlimits: 'withinLimits',
};

/**
 * Reads a GOOD PERF IS cell. Blank is `null` (not stated), anything unknown an error.
 *
 * @example
 * parsePolarity(' within limits ') // { ok: true, value: 'withinLimits' }
 * parsePolarity('')                // { ok: true, value: null }
 * parsePolarity('Higher')          // { ok: false, error: { code: 'badPolarity', ... } }
 */
export function parsePolarity(input: CellInput): Result<Polarity | null> {
  if (input === null || input === undefined) return ok(null);
  const text = String(input).trim();
  if (text === '') return ok(null);
  const key = text.toLowerCase().replace(/[\s_-]+/g, '');
  const polarity = typeof input === 'string' ? POLARITIES[key] : undefined;
  return polarity ? ok(polarity) : err('badPolarity', msg.badPolarity(text));
}
