/**
 * Stage 3: the cells as claims on one number line, with the polarity known.
 *
 * Each readable cell claims an interval (a Green range's distances claim one each side).
 * Where two bands run the same way and so overlap because each names only where it starts
 * (`21+` Red inside `18+` Amber of a Low measure), the one nested inside the other — the
 * more extreme, further from the middle — wins, and the other ends where it begins. An
 * unreadable cell claims, as `unknown`, the stretch its band could occupy between its
 * readable neighbours: values there have no certain letter.
 */
import { formatValue, msg } from '../messages';
import { err, ok, type Result } from '../result';
import type { Rag } from '../types';
import type { Direction } from './polarity';
import type { ReadTerm, Term } from './terms';
import type { Side } from './types';

export interface Claim {
  rag: Rag;
  lower: Side | null;
  upper: Side | null;
  source: string;
  /** True for the stretch an unreadable cell might cover. */
  unknown: boolean;
}

export interface Ladder {
  claims: Claim[];
  /** Bands emptied by a nested neighbour that starts at the same cut (`95%>` Amber, `95%+` Green). */
  emptied: Array<{ band: Claim; by: Claim }>;
}

/** Position along the line, lowest first. */
const LINE: Record<'high' | 'low', Rag[]> = { high: ['red', 'amber', 'green'], low: ['green', 'amber', 'red'] };
/** Distance from Green: the more extreme band wins where bands running the same way overlap. */
const EXTREMITY: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

const hard = (value: number, inclusive: boolean): Side => ({ value, inclusive, soft: false });
const text = (t: Term): string => ('text' in t ? t.text : '');

function fromTerm(rag: Rag, t: ReadTerm, direction: 'high' | 'low'): Claim | null {
  switch (t.kind) {
    case 'interval':
      return { rag, lower: t.lower && { ...t.lower }, upper: t.upper && { ...t.upper }, source: t.text, unknown: false };
    case 'range':
      return { rag, lower: hard(t.lower, true), upper: hard(t.upper, true), source: t.text, unknown: false };
    case 'bare': {
      // Red's bare value is its border with the better bands; Amber's and Green's their
      // border with the worse ones. High: better is above; Low: below.
      const side: Side = { value: t.value, inclusive: true, soft: true };
      const facesUp = rag === 'red' ? direction === 'high' : direction === 'low';
      return { rag, lower: facesUp ? null : side, upper: facesUp ? side : null, source: t.text, unknown: false };
    }
    default:
      return null;
  }
}

/** Which way a one-sided claim runs. */
function runs(c: Claim): 'up' | 'down' | null {
  if (c.lower && !c.upper) return 'up';
  if (c.upper && !c.lower) return 'down';
  return null;
}

function complement(side: Side): Side {
  return { value: side.value, inclusive: !side.inclusive, soft: side.soft };
}

/**
 * Nesting: `outer` and `inner` run the same way and `inner` should lie further out; `outer`
 * ends where `inner` begins. An error when `inner` begins on the wrong side of `outer`'s start.
 */
function nest(outer: Claim, inner: Claim, way: 'up' | 'down', emptied: Ladder['emptied'], percent: boolean): Result<void> {
  if (way === 'up') {
    const start = outer.lower!;
    const cut = inner.lower!;
    if (cut.value < start.value) return err('toleranceConflict', inverted(outer, start.value, cut.value, percent));
    if (cut.value === start.value && (cut.inclusive || !start.inclusive || cut.soft || start.soft)) emptied.push({ band: outer, by: inner });
    outer.upper = complement(cut);
  } else {
    const start = outer.upper!;
    const cut = inner.upper!;
    if (cut.value > start.value) return err('toleranceConflict', inverted(outer, start.value, cut.value, percent));
    if (cut.value === start.value && (cut.inclusive || !start.inclusive || cut.soft || start.soft)) emptied.push({ band: outer, by: inner });
    outer.lower = complement(cut);
  }
  return ok(undefined);
}

function inverted(band: Claim, from: number, to: number, percent: boolean): string {
  return msg.invertedBand(band, formatValue(from, percent), formatValue(to, percent));
}

/** A band that runs the wrong way for its place (Red `21%+` under a Green `95%+`). */
function checkRuns(claims: Claim[], direction: 'high' | 'low'): Result<void> {
  const line = LINE[direction];
  const top = line[2];
  const bottom = line[0];
  for (const c of claims) {
    const r = runs(c);
    const wrong = (c.rag === bottom && r === 'up') || (c.rag === top && r === 'down');
    if (!wrong) continue;
    const other = claims.find((o) => o.rag !== c.rag) ?? c;
    return err('toleranceConflict', msg.toleranceDirections(other, c));
  }
  return ok(undefined);
}

function linear(terms: Record<Rag, Term>, direction: 'high' | 'low', percent: boolean): Result<Ladder> {
  const line = LINE[direction];
  const claims: Claim[] = [];
  for (const rag of line) {
    const t = terms[rag];
    if (t.kind === 'none' || t.kind === 'unreadable') continue;
    const c = fromTerm(rag, t, direction);
    if (!c) return err('badTolerance', t.kind === 'relative' ? msg.relativeNeedsRange(rag, t.text) : msg.badTolerance(rag, text(t)));
    claims.push(c);
  }
  const runsOk = checkRuns(claims, direction);
  if (!runsOk.ok) return runsOk;
  const emptied: Ladder['emptied'] = [];
  const pos = (c: Claim): number => line.indexOf(c.rag);
  // Same-way pairs: going up, the one placed higher is nested; going down, the one placed lower.
  for (const way of ['up', 'down'] as const) {
    const same = claims.filter((c) => runs(c) === way).sort((a, b) => (way === 'up' ? pos(a) - pos(b) : pos(b) - pos(a)));
    for (let i = 0; i + 1 < same.length; i += 1) {
      const done = nest(same[i], same[i + 1], way, emptied, percent);
      if (!done.ok) return done;
    }
  }
  // Written cut points out of order (Amber from 97% under a Green from 95%).
  for (let i = 0; i + 1 < claims.length; i += 1) {
    const a = claims[i];
    const b = claims[i + 1];
    if (a.lower && b.lower && a.lower.value > b.lower.value) return err('toleranceConflict', inverted(a, a.lower.value, b.lower.value, percent));
    if (a.upper && b.upper && a.upper.value > b.upper.value) return err('toleranceConflict', inverted(b, b.lower?.value ?? b.upper.value, a.upper.value, percent));
  }
  claims.push(...unknownStretches(terms, line, claims));
  return ok({ claims, emptied });
}

/** For each unreadable cell, the stretch between its readable neighbours' written extents. */
function unknownStretches(terms: Record<Rag, Term>, line: Rag[], claims: Claim[]): Claim[] {
  const out: Claim[] = [];
  line.forEach((rag, i) => {
    const t = terms[rag];
    if (t.kind !== 'unreadable') return;
    let from: number | null = null;
    let to: number | null = null;
    for (const c of claims) {
      const at = line.indexOf(c.rag);
      if (at < i) {
        const edge = c.upper ? c.upper.value : c.lower!.value;
        if (from === null || edge > from) from = edge;
      } else if (at > i) {
        const edge = c.lower ? c.lower.value : c.upper!.value;
        if (to === null || edge < to) to = edge;
      }
    }
    out.push({
      rag,
      lower: from === null ? null : hard(from, false),
      upper: to === null ? null : hard(to, false),
      source: t.text,
      unknown: true,
    });
  });
  return out;
}

function withinLimits(terms: Record<Rag, Term>, percent: boolean): Result<Ladder> {
  const green = terms.green;
  let lo: number;
  let hi: number;
  if (green.kind === 'range') {
    lo = green.lower;
    hi = green.upper;
  } else if (green.kind === 'interval' && green.lower && green.upper) {
    lo = green.lower.value;
    hi = green.upper.value;
  } else return err('badTolerance', msg.withinLimitsNeedsRange(text(green)));
  const claims: Claim[] = [
    {
      rag: 'green',
      lower: green.kind === 'interval' ? { ...green.lower! } : hard(lo, true),
      upper: green.kind === 'interval' ? { ...green.upper! } : hard(hi, true),
      source: green.text,
      unknown: false,
    },
  ];
  for (const rag of ['amber', 'red'] as const) {
    const t = terms[rag];
    if (t.kind === 'none' || t.kind === 'unreadable') continue;
    if (t.kind === 'interval') claims.push({ rag, lower: t.lower && { ...t.lower }, upper: t.upper && { ...t.upper }, source: t.text, unknown: false });
    else if (t.kind === 'range') claims.push({ rag, lower: hard(t.lower, true), upper: hard(t.upper, true), source: t.text, unknown: false });
    else if (t.kind === 'relative') {
      const amount = distance(t, rag, { lo, hi }, percent);
      if (!amount.ok) return amount;
      const sides = t.side === 'outside' ? (['above', 'below'] as const) : ([t.side] as const);
      for (const side of sides) {
        const edge = side === 'above' ? hi : lo;
        const far = side === 'above' ? hi + amount.value : lo - amount.value;
        const farSide: Side = { value: far, inclusive: t.far.inclusive, soft: t.far.soft };
        // `1 above range` runs from just past the range up to 1 above; `1+ above range` beyond that.
        if (t.reach === 'beyond') claims.push(side === 'above' ? { rag, lower: farSide, upper: null, source: t.text, unknown: false } : { rag, lower: null, upper: farSide, source: t.text, unknown: false });
        else {
          const near = hard(edge, false);
          claims.push(side === 'above' ? { rag, lower: near, upper: farSide, source: t.text, unknown: false } : { rag, lower: farSide, upper: near, source: t.text, unknown: false });
        }
      }
    } else return err('badTolerance', msg.toleranceNeedsPolarity(rag, t.text));
  }
  const emptied: Ladder['emptied'] = [];
  // Above the range Red is nested in Amber going up; below it, going down.
  for (const way of ['up', 'down'] as const) {
    const same = claims.filter((c) => runs(c) === way).sort((a, b) => EXTREMITY[a.rag] - EXTREMITY[b.rag]);
    for (let i = 0; i + 1 < same.length; i += 1) {
      const done = nest(same[i], same[i + 1], way, emptied, percent);
      if (!done.ok) return done;
    }
  }
  return ok({ claims, emptied });
}

/** The amount of a distance from the range in the range's own unit; an ambiguous `%` is an error. */
function distance(t: Extract<ReadTerm, { kind: 'relative' }>, rag: Rag, range: { lo: number; hi: number }, percent: boolean): Result<number> {
  if (t.unit === 'points') {
    if (!percent) return err('unitMismatch', msg.pointsBesideCount(rag, t.text));
    return ok(t.amount);
  }
  if (t.unit === 'percent') {
    // `5% above range` of a % range: 5 percentage points, or 5% of the range's edge? Not guessed.
    if (percent) return err('badTolerance', msg.ambiguousDistance(rag, t.text));
    // Of a count range only one reading exists: a share of the edge (10% above 20 is 22).
    return ok(t.amount * (t.side === 'below' ? range.lo : range.hi));
  }
  if (percent && t.amount !== 0) return err('badTolerance', msg.ambiguousDistance(rag, t.text));
  return ok(t.amount);
}

/** Distances from the target of a High or Low measure (`within 5pp of target`), as intervals. */
function fromTarget(terms: Record<Rag, Term>, direction: 'high' | 'low', percent: boolean): Result<Record<Rag, Term>> {
  const out = { ...terms };
  const green = terms.green;
  let target: number | null = null;
  if (green.kind === 'bare') target = green.value;
  else if (green.kind === 'interval') target = direction === 'high' ? (green.lower?.value ?? null) : (green.upper?.value ?? null);
  for (const rag of ['red', 'amber'] as const) {
    const t = terms[rag];
    if (t.kind !== 'relative' || t.anchor !== 'target') continue;
    if (target === null) return err('badTolerance', msg.relativeNeedsTarget(rag, t.text));
    let amount = t.amount;
    if (t.unit === 'points') {
      if (!percent) return err('unitMismatch', msg.pointsBesideCount(rag, t.text));
    } else if (t.unit === 'percent') {
      if (percent) return err('badTolerance', msg.ambiguousDistance(rag, t.text));
      amount = t.amount * Math.abs(target);
    } else if (percent && amount !== 0) return err('badTolerance', msg.ambiguousDistance(rag, t.text));
    // The worse side of the target: below it for High, above it for Low.
    const worseSide = direction === 'high' ? 'below' : 'above';
    if (t.side !== 'outside' && t.side !== worseSide) return err('toleranceConflict', msg.relativeOnBetterSide(rag, t.text));
    const far = direction === 'high' ? target - amount : target + amount;
    const farSide: Side = { value: far, inclusive: t.far.inclusive, soft: t.far.soft };
    const near: Side = { value: target, inclusive: false, soft: true };
    const interval =
      t.reach === 'beyond'
        ? direction === 'high'
          ? { lower: null, upper: farSide }
          : { lower: farSide, upper: null }
        : direction === 'high'
          ? { lower: farSide, upper: near }
          : { lower: near, upper: farSide };
    out[rag] = { kind: 'interval', ...interval, percent, plain: [], note: t.note, text: t.text };
  }
  return ok(out);
}

/**
 * The claims of the three cells for a known polarity.
 *
 * @example
 * buildLadder({ red: <21+>, amber: <18+>, green: <<18> }, 'low', false)
 * // Green (-∞, 18), Amber [18, 21), Red [21, ∞)
 */
export function buildLadder(terms: Record<Rag, Term>, direction: Direction, percent: boolean): Result<Ladder> {
  if (direction === 'withinLimits') return withinLimits(terms, percent);
  const resolved = fromTarget(terms, direction, percent);
  if (!resolved.ok) return resolved;
  return linear(resolved.value, direction, percent);
}
