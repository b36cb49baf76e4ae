/**
 * Reads the hand-written Red / Amber / Green cells into bands on one number line, in
 * stages, one file each: `terms` (one cell), `polarity` (which way the ladder runs),
 * `ladder` (claims, nesting, unreadable stretches), `checks` (who owns each value, gaps,
 * conflicts, warnings); `units` is the one home for numbers, units and "no target" words.
 * The notation is described in docs/DOMAIN.md, "Reading tolerances".
 */
import { msg } from '../messages';
import { err, ok, type Result } from '../result';
import type { CellInput, Polarity, Rag } from '../types';
import { TripleCache } from './cache';
import { cover } from './checks';
import { buildLadder, type Claim } from './ladder';
import { decideDirection } from './polarity';
import { readTerm, type Term } from './terms';
import type { Tolerances, ToleranceWarning, Unreadable } from './types';

export type { Band, BandedTolerances, Bound, Conflict, Gap, Tolerances, ToleranceWarning, ToleranceWarningKind, Unreadable } from './types';
export { isNotApplicable } from './units';

const RAGS: Rag[] = ['red', 'amber', 'green'];

function percentOf(t: Term): boolean {
  return 'percent' in t && t.percent;
}

/** A typed `95` beside `90%` is a forgotten % sign (a number cell 0.95 is fine): that cell is unreadable. */
function markUnits(terms: Record<Rag, Term>): Set<Rag> {
  const marked = new Set<Rag>();
  const percentRag = RAGS.find((r) => percentOf(terms[r]));
  if (!percentRag) return marked;
  const other = terms[percentRag];
  for (const rag of RAGS) {
    const t = terms[rag];
    if (!('plain' in t) || percentOf(t) || !t.plain.some((v) => Math.abs(v) > 1)) continue;
    terms[rag] = { kind: 'unreadable', code: 'badTolerance', message: msg.mixedUnits(rag, t.text, 'text' in other ? other.text : ''), text: t.text };
    marked.add(rag);
  }
  return marked;
}

function parseUncached(red: CellInput, amber: CellInput, green: CellInput, stated: Polarity | null): Result<Tolerances> {
  const inputs: Record<Rag, CellInput> = { red, amber, green };
  const terms = {} as Record<Rag, Term>;
  for (const rag of RAGS) terms[rag] = readTerm(inputs[rag], rag);
  if (stated === 'info') return ok({ kind: 'none', reason: 'info' });
  const unitMarked = markUnits(terms);
  const unreadable: Unreadable[] = [];
  for (const rag of RAGS) {
    const t = terms[rag];
    if (t.kind === 'unreadable') unreadable.push({ rag, text: t.text, code: unitMarked.has(rag) ? 'unitMismatch' : 'badTolerance', message: t.message });
  }
  const readable = RAGS.filter((r) => terms[r].kind !== 'none' && terms[r].kind !== 'unreadable');
  if (readable.length === 0) {
    if (unreadable.length > 0) return err(unreadable[0].code, unreadable[0].message);
    const anyNa = RAGS.some((r) => {
      const t = terms[r];
      return t.kind === 'none' && t.reason === 'notApplicable';
    });
    return ok({ kind: 'none', reason: anyNa ? 'notApplicable' : 'blank' });
  }

  const direction = decideDirection(terms, stated);
  if (!direction.ok) return direction;
  const polarity = direction.value;
  const percent = RAGS.some((r) => percentOf(terms[r]));
  const built = buildLadder(terms, polarity, percent);
  if (!built.ok) return built;
  const ladder = built.value;

  // Only Green written: a lone target (or range) cannot tell Amber from Red, so the rest is Red.
  const loneTarget = readable.length === 1 && readable[0] === 'green' && unreadable.length === 0;
  if (loneTarget) ladder.claims.push(...restAsRed(ladder.claims[0]));

  const coverage = cover(ladder, percent);
  const warnings: ToleranceWarning[] = [...unreadable.map((u) => ({ kind: 'unreadable' as const, rag: u.rag, message: u.message })), ...coverage.warnings];
  const greenBand = coverage.bands.find((b) => b.rag === 'green') ?? null;
  const target =
    greenBand === null || polarity === 'withinLimits' ? null : polarity === 'high' ? (greenBand.lower?.value ?? null) : (greenBand.upper?.value ?? null);
  const notes = RAGS.map((r) => terms[r])
    .map((t) => ('note' in t ? t.note : null))
    .filter((n): n is string => n !== null);
  return ok({
    kind: 'bands',
    polarity,
    bands: coverage.bands,
    gaps: coverage.gaps,
    conflicts: coverage.conflicts,
    target,
    percent,
    notes,
    loneTarget,
    warnings,
    unreadable,
  });
}

/** The complement of a lone Green as Red (the engine's own band: no source text). */
function restAsRed(green: Claim): Claim[] {
  const out: Claim[] = [];
  if (green.lower) out.push({ rag: 'red', lower: null, upper: { value: green.lower.value, inclusive: !green.lower.inclusive, soft: green.lower.soft }, source: '', unknown: false });
  if (green.upper) out.push({ rag: 'red', lower: { value: green.upper.value, inclusive: !green.upper.inclusive, soft: green.upper.soft }, upper: null, source: '', unknown: false });
  return out;
}

// ---------------------------------------------------------------------------------
// Parse cache

/** Far more distinct triples than any workbook holds, small enough to bound memory. */
export const TOLERANCE_CACHE_LIMIT = 4096;
const cache = new TripleCache<Result<Tolerances>>(TOLERANCE_CACHE_LIMIT);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * Reads the Red, Amber and Green cells of one indicator into bands, gaps and a target.
 * Flaws that leave some values certain (an empty band, a gap, an overlap, an unreadable
 * cell) are `warnings`; only a ladder that contradicts itself or the stated polarity is an
 * error. Results are cached (and frozen, since they are shared) by the three cells and the
 * stated polarity.
 *
 * @example
 * parseTolerances('<90%', '90%>', '95%+', 'high')
 * // ok: bands Red (-∞, 0.9), Amber [0.9, 0.95), Green [0.95, ∞); no gaps; target 0.95
 * parseTolerances('21+', '18+', '<18', null)
 * // ok: Low; Green (-∞, 18), Amber [18, 21), Red [21, ∞)
 * parseTolerances('', '', 'n/a', 'high') // ok: { kind: 'none', reason: 'notApplicable' }
 */
export function parseTolerances(red: CellInput, amber: CellInput, green: CellInput, stated: Polarity | null): Result<Tolerances> {
  const cached = cache.get(stated, red, amber, green);
  if (cached !== undefined) return cached;
  const result = deepFreeze(parseUncached(red, amber, green, stated));
  cache.set(stated, red, amber, green, result);
  return result;
}

/**
 * Hits and misses of the tolerance parse cache since the last reset (for the bench).
 *
 * @example
 * toleranceCacheStats() // { hits: 199984, misses: 16, size: 16 }
 */
export function toleranceCacheStats(): { hits: number; misses: number; size: number } {
  return { hits: cache.hits, misses: cache.misses, size: cache.size };
}

/**
 * Empties the tolerance parse cache and its counters.
 *
 * @example
 * resetToleranceCache(); toleranceCacheStats() // { hits: 0, misses: 0, size: 0 }
 */
export function resetToleranceCache(): void {
  cache.clear();
}

/**
 * The target range of a Within Limits measure (Green's bounds), for DOT; null otherwise.
 *
 * @example
 * targetRange(parseTolerances('1+ above range', '1 above range', '14-20', 'withinLimits').value)
 * // { lower: 14, upper: 20 }
 */
export function targetRange(tol: Tolerances | null): { lower: number; upper: number } | null {
  if (!tol || tol.kind !== 'bands' || tol.polarity !== 'withinLimits') return null;
  const greens = tol.bands.filter((b) => b.rag === 'green');
  const lower = greens[0]?.lower;
  const upper = greens[greens.length - 1]?.upper;
  return lower && upper ? { lower: lower.value, upper: upper.value } : null;
}
