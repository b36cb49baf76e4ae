/**
 * Stage 2: which way the measure runs, from GOOD PERF IS when stated, else from the order
 * of the ladder as a whole: where Red sits against Green (Red at the top end means Low).
 * One cell's symbol never decides it: `21+` says where Red starts, not that higher is better.
 */
import { bandLabel, msg, polarityName } from '../messages';
import { err, ok, type Result } from '../result';
import type { Polarity, Rag } from '../types';
import type { ReadTerm, Term } from './terms';

export type Direction = 'high' | 'low' | 'withinLimits';

const RAGS: Rag[] = ['red', 'amber', 'green'];

/** Where a band sits on the line, and which way it runs when it names only one end. */
interface Place {
  at: number;
  runs: 'up' | 'down' | null;
}

function place(t: ReadTerm): Place | null {
  switch (t.kind) {
    case 'interval':
      if (t.lower && t.upper) return { at: (t.lower.value + t.upper.value) / 2, runs: null };
      return t.lower ? { at: t.lower.value, runs: 'up' } : { at: t.upper!.value, runs: 'down' };
    case 'bare':
      return { at: t.value, runs: null };
    case 'range':
      return { at: (t.lower + t.upper) / 2, runs: null };
    default:
      return null;
  }
}

function readable(t: Term): t is ReadTerm {
  return t.kind !== 'none' && t.kind !== 'unreadable';
}

const label = (rag: Rag, t: Term): { rag: Rag; source: string } => ({ rag, source: 'text' in t ? t.text : '' });

/** Worse below better (High), above (Low), or no order (null); an error when the two disagree with themselves. */
function order(worse: Place, better: Place): 'high' | 'low' | 'conflict' | null {
  if (worse.at < better.at) return 'high';
  if (worse.at > better.at) return 'low';
  // The same cut point: `<90%` against `90%`; only which way each runs can tell.
  const high = worse.runs === 'down' || better.runs === 'up';
  const low = worse.runs === 'up' || better.runs === 'down';
  if (high && low) return 'conflict';
  return high ? 'high' : low ? 'low' : null;
}

/** The order the ladder's cells describe, or null when they do not say (a lone bare target). */
export function inferDirection(terms: Record<Rag, Term>): Result<Direction | null> {
  if (RAGS.some((r) => terms[r].kind === 'relative' && (terms[r] as { anchor: string }).anchor === 'range')) return ok('withinLimits');
  const places = {} as Record<Rag, Place | null>;
  for (const r of RAGS) places[r] = readable(terms[r]) ? place(terms[r] as ReadTerm) : null;
  const green = terms.green;
  const greenTwoSided = green.kind === 'range' || (green.kind === 'interval' && green.lower !== null && green.upper !== null);
  if (greenTwoSided && places.green) {
    // A Green range with the other bands on both sides of it (or none) is Within Limits.
    const g = green.kind === 'range' ? { lo: green.lower, hi: green.upper } : { lo: green.kind === 'interval' ? green.lower!.value : 0, hi: green.kind === 'interval' ? green.upper!.value : 0 };
    const sides = new Set<string>();
    for (const r of ['red', 'amber'] as const) {
      const p = places[r];
      if (!p) continue;
      sides.add(p.at <= g.lo ? 'below' : p.at >= g.hi ? 'above' : 'inside');
    }
    if (green.kind === 'range' && (sides.size === 0 || (sides.has('below') && sides.has('above')))) return ok('withinLimits');
    if (sides.has('below') && sides.has('above')) return ok('withinLimits');
  }
  const pairs: Array<[Rag, Rag]> = [
    ['red', 'green'],
    ['red', 'amber'],
    ['amber', 'green'],
  ];
  for (const [worse, better] of pairs) {
    const w = places[worse];
    const b = places[better];
    if (!w || !b) continue;
    const o = order(w, b);
    if (o === 'conflict') return err('toleranceConflict', msg.toleranceDirections(label(better, terms[better]), label(worse, terms[worse])));
    if (o) return ok(o);
  }
  // One band alone: where it lies is the whole ladder (`85%>` Green alone is Green from 85% up).
  const alone = RAGS.filter((r) => places[r] !== null);
  if (alone.length === 1) {
    const p = places[alone[0]]!;
    if (p.runs) return ok((p.runs === 'up') === (alone[0] !== 'red') ? 'high' : 'low');
  }
  return ok(null);
}

/**
 * The polarity the ladder is read with: the stated one, checked against the order the
 * cells describe; else the inferred one.
 */
export function decideDirection(terms: Record<Rag, Term>, stated: Polarity | null): Result<Direction> {
  const inferred = inferDirection(terms);
  if (!inferred.ok) return inferred;
  if (stated && stated !== 'info' && inferred.value && stated !== inferred.value) {
    // A Green range read with High or Low is allowed when the other bands sit on one side of it.
    const evidence = RAGS.filter((r) => terms[r].kind !== 'none')
      .map((r) => bandLabel(label(r, terms[r])))
      .join(', ');
    return err('polarityConflict', msg.polarityConflict(polarityName(stated), polarityName(inferred.value), evidence));
  }
  const polarity = stated && stated !== 'info' ? stated : inferred.value;
  if (!polarity) {
    const first = RAGS.find((r) => readable(terms[r]))!;
    return err('badTolerance', msg.toleranceNeedsPolarity(first, label(first, terms[first]).source));
  }
  return ok(polarity);
}
