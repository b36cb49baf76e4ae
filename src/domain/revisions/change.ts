import { revisionMessages as msg } from './messages';
import { roundTo, sameAtShownPrecision, shownNumber, type ShownNumber } from './precision';
import type { RevisionSide } from './types';

/**
 * Whether the current figure differs from the published one as a reader sees it: two
 * numbers at the coarser of their shown precisions; a placeholder on one side and a
 * number on the other (`TBC` → `95.0%`, or back); a published number now blank.
 * Not a revision: a placeholder that stays without a number, whatever its wording; and a
 * month published BLANK that now has a figure: that is a first report (7.2's "one month
 * in arrears" fills December in January), not a change to anything published.
 *
 * @example
 * isRevised({ display: '84.30%', value: 0.843 }, { display: '84.3%', value: 0.843 }) // false
 * isRevised({ display: 'TBC', value: null }, { display: '95.0%', value: 0.95 })      // true
 */
export function isRevised(published: RevisionSide, current: RevisionSide): boolean {
  if (published.display.trim() === '' && published.value === null) return false;
  const a = shownNumber(published.display, published.value);
  const b = shownNumber(current.display, current.value);
  if (a === null && b === null) return false;
  if (a === null || b === null) return true;
  return !sameAtShownPrecision(a, b);
}

/**
 * The change from published to current as a reviewer reads it: percentage points for two
 * percentages (`+0.4 pts`), a plain difference for other numbers (`+3`, `-1.5`), at the
 * coarser of the two shown precisions; `TBC → 95.0%` when either side is not a number.
 *
 * @example
 * formatChange({ display: '88.9%', value: 0.889 }, { display: '89.4%', value: 0.894 }) // '+0.5 pts'
 * formatChange({ display: '45', value: 45 }, { display: '48', value: 48 })             // '+3'
 */
export function formatChange(published: RevisionSide, current: RevisionSide): string {
  const a = shownNumber(published.display, published.value);
  const b = shownNumber(current.display, current.value);
  if (a === null || b === null || a.percent !== b.percent) {
    return msg.changeArrow(shownText(published.display), shownText(current.display));
  }
  const text = signedDifference(a, b);
  return a.percent ? msg.points(text) : text;
}

/**
 * The change as a number in the units the figures are shown in (percentage points for two
 * percentages), at the coarser of the two shown precisions: the figure `formatChange`
 * writes, for output that wants a value rather than a text (CSV). Null when either side is
 * not a number, or one is a percentage and the other not.
 *
 * @example
 * changeAmount({ display: '88.5%', value: 0.885 }, { display: '88.9%', value: 0.889 }) // { amount: '0.4', unit: 'points' }
 * changeAmount({ display: '45', value: 45 }, { display: '42', value: 42 })             // { amount: '-3', unit: null }
 */
export function changeAmount(published: RevisionSide, current: RevisionSide): { amount: string; unit: 'points' | null } | null {
  const a = shownNumber(published.display, published.value);
  const b = shownNumber(current.display, current.value);
  if (a === null || b === null || a.percent !== b.percent) return null;
  // Written as decimal text, never through a float: `0.4`, not 0.40000000000000036.
  return { amount: signedDifference(a, b).replace(/^\+/, ''), unit: a.percent ? 'points' : null };
}

function shownText(display: string): string {
  return display.trim() === '' ? msg.blank() : display.trim();
}

/** b − a at the coarser precision, in shown units (points for percentages), with a sign. */
function signedDifference(a: ShownNumber, b: ShownNumber): string {
  const e = Math.min(a.exponent, b.exponent);
  const diff = roundTo(b, e) - roundTo(a, e);
  // Shown units: a percentage's exponent counts the two digits of ×100.
  const decimals = a.percent ? e - 2 : e;
  const magnitude = formatScaled(Math.abs(diff), Math.max(decimals, 0), decimals < 0 ? -decimals : 0);
  if (diff > 0) return `+${magnitude}`;
  if (diff < 0) return `-${magnitude}`;
  return magnitude;
}

/** An integer `n × 10^-decimals` (or `× 10^extraZeros`) as text, without float artefacts. */
function formatScaled(n: number, decimals: number, extraZeros: number): string {
  if (extraZeros > 0) return `${n}${'0'.repeat(extraZeros)}`;
  if (decimals === 0) return String(n);
  const digits = String(n).padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
