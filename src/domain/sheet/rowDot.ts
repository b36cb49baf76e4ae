import { evaluateDot } from '../dot';
import { msg } from '../messages';
import type { Lean } from '../polarity';
import type { DotConvention, Polarity, Rag } from '../types';
import { comparePrecision } from '../value';
import type { DotMonths, RowDot } from './scorecard';

/**
 * The DOT of a row: the months it compares (see dotMonths: the month RAG is judged on, or
 * the newest with a figure, and the month before) at the precision the figures are shown.
 * No arrow, with the reason, when either is missing or set aside for a unit problem; null
 * when the row has no months to compare.
 *
 * @example rowDot(dotMonths(raw.months, basis, raw.frequency), 'low', 'red', 'performance', new Set()) // { state: 'improvement', glyph: '↑', ... } for 108.0 -> 106.9
 */
export function rowDot(
  pair: DotMonths | null,
  polarity: Polarity | null,
  status: Rag | null,
  convention: DotConvention,
  flagged: ReadonlySet<string>,
  range: { lower: number; upper: number } | null = null,
  lean: Lean | null = null,
): RowDot | null {
  if (!pair) return null;
  const { current, previous } = pair;
  if (!previous) return { state: null, reason: msg.dotMissing('previous', '') };
  if (flagged.has(current.address) || flagged.has(previous.address)) {
    return { state: null, reason: msg.dotMissing(flagged.has(current.address) ? 'current' : 'previous', (flagged.has(current.address) ? current : previous).text.trim()) };
  }
  const result = evaluateDot({
    current: current.value,
    previous: previous.value,
    polarity: polarity ?? 'info',
    status,
    convention,
    decimals: comparePrecision(current.value, previous.value),
    range,
    lean,
  });
  if (!result.ok) return { state: null, reason: result.error.message };
  return result.value;
}
