/**
 * Stage 4: from claims to what each value gets. Soft sides are settled between neighbours
 * (`<90%` excludes 90, so `90%>` includes it; both soft: the band nearer Green keeps it);
 * then the line is cut at every written point and each piece is owned by one band, by
 * none (a gap), by two (a conflict: no certain letter), or might be an unreadable cell's.
 * Flaws away from a value are warnings naming their cell.
 */
import { formatValue, msg, type GapEnd } from '../messages';
import type { Rag } from '../types';
import type { Claim, Ladder } from './ladder';
import type { Band, Bound, Conflict, Gap, ToleranceWarning } from './types';

/** Distance from Green: the nearer band keeps a cut point both sides leave soft. */
const NEARNESS: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

function sameCut(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

function settleSoft(claims: Claim[]): void {
  for (const a of claims) {
    for (const b of claims) {
      if (a === b || !a.upper || !b.lower || !sameCut(a.upper.value, b.lower.value)) continue;
      const up = a.upper;
      const low = b.lower;
      low.value = up.value; // one cut point, not two a float artefact apart
      if (up.soft && !low.soft) up.inclusive = !low.inclusive;
      else if (!up.soft && low.soft) low.inclusive = !up.inclusive;
      else if (up.soft && low.soft) {
        const lowerKeeps = NEARNESS[a.rag] < NEARNESS[b.rag];
        up.inclusive = lowerKeeps;
        low.inclusive = !lowerKeeps;
      } else continue;
      up.soft = false;
      low.soft = false;
    }
  }
  for (const c of claims) {
    if (c.lower?.soft) c.lower = { ...c.lower, inclusive: true, soft: false };
    if (c.upper?.soft) c.upper = { ...c.upper, inclusive: true, soft: false };
  }
}

function isEmpty(c: Claim): boolean {
  if (!c.lower || !c.upper) return false;
  return c.lower.value > c.upper.value || (c.lower.value === c.upper.value && !(c.lower.inclusive && c.upper.inclusive));
}

/** A piece of the line: a single point, or the open stretch between two cut points. */
type Piece = { point: number } | { from: number; to: number };

function covers(c: Claim, p: Piece): boolean {
  if ('point' in p) {
    const v = p.point;
    const lowOk = !c.lower || v > c.lower.value || (v === c.lower.value && c.lower.inclusive);
    const upOk = !c.upper || v < c.upper.value || (v === c.upper.value && c.upper.inclusive);
    return lowOk && upOk;
  }
  return (!c.lower || c.lower.value <= p.from) && (!c.upper || c.upper.value >= p.to);
}

type Owner = { kind: 'band'; claim: Claim } | { kind: 'gap' } | { kind: 'conflict'; a: Claim; b: Claim } | { kind: 'unknown'; claim: Claim };

function sameOwner(x: Owner, y: Owner): boolean {
  if (x.kind !== y.kind) return false;
  if (x.kind === 'band' && y.kind === 'band') return x.claim === y.claim;
  if (x.kind === 'conflict' && y.kind === 'conflict') return x.a === y.a && x.b === y.b;
  if (x.kind === 'unknown' && y.kind === 'unknown') return x.claim === y.claim;
  return true;
}

interface Region {
  owner: Owner;
  lower: Bound | null;
  upper: Bound | null;
}

function lowerOf(p: Piece): Bound | null {
  if ('point' in p) return { value: p.point, inclusive: true };
  return p.from === -Infinity ? null : { value: p.from, inclusive: false };
}

function upperOf(p: Piece): Bound | null {
  if ('point' in p) return { value: p.point, inclusive: true };
  return p.to === Infinity ? null : { value: p.to, inclusive: false };
}

function regions(claims: Claim[]): Region[] {
  const cuts = [...new Set(claims.flatMap((c) => [c.lower?.value, c.upper?.value]).filter((v): v is number => v !== undefined))].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let previous = -Infinity;
  for (const cut of cuts) {
    pieces.push({ from: previous, to: cut }, { point: cut });
    previous = cut;
  }
  pieces.push({ from: previous, to: Infinity });
  const out: Region[] = [];
  for (const p of pieces) {
    const known = claims.filter((c) => !c.unknown && covers(c, p));
    const unknown = claims.find((c) => c.unknown && covers(c, p));
    const owner: Owner =
      known.length >= 2 ? { kind: 'conflict', a: known[0], b: known[1] } : unknown ? { kind: 'unknown', claim: unknown } : known.length === 1 ? { kind: 'band', claim: known[0] } : { kind: 'gap' };
    const last = out[out.length - 1];
    if (last && sameOwner(last.owner, owner)) last.upper = upperOf(p);
    else out.push({ owner, lower: lowerOf(p), upper: upperOf(p) });
  }
  return out;
}

export interface Coverage {
  bands: Band[];
  gaps: Gap[];
  conflicts: Conflict[];
  warnings: ToleranceWarning[];
}

const bandOf = (c: Claim): Band => ({ rag: c.rag, lower: null, upper: null, source: c.source });

function span(lower: Bound | null, upper: Bound | null, percent: boolean): { from: string; to: string } {
  return { from: lower ? formatValue(lower.value, percent) : '-∞', to: upper ? formatValue(upper.value, percent) : '∞' };
}

/**
 * Bands, gaps, conflicts and warnings of a ladder.
 *
 * @example
 * cover(buildLadder(...'<=90%', '>=90% <95%', '>=95%'...), true).conflicts // 90% in both Red and Amber
 */
export function cover(ladder: Ladder, percent: boolean): Coverage {
  settleSoft(ladder.claims);
  const warnings: ToleranceWarning[] = [];
  for (const { band, by } of ladder.emptied) {
    if (isEmpty(band)) warnings.push({ kind: 'emptyBand', rag: band.rag, message: msg.emptyBand(band, by) });
  }
  const live = ladder.claims.filter((c) => !isEmpty(c));
  const rs = regions(live);
  const bands: Band[] = [];
  const gaps: Gap[] = [];
  const conflicts: Conflict[] = [];
  const bandAt = new Map<Region, Band>();
  for (const r of rs) {
    if (r.owner.kind !== 'band') continue;
    const b: Band = { ...bandOf(r.owner.claim), lower: r.lower, upper: r.upper };
    bands.push(b);
    bandAt.set(r, b);
  }
  rs.forEach((r, i) => {
    if (r.owner.kind === 'gap' || r.owner.kind === 'unknown') {
      const below = i > 0 ? (bandAt.get(rs[i - 1]) ?? null) : null;
      const above = i + 1 < rs.length ? (bandAt.get(rs[i + 1]) ?? null) : null;
      gaps.push({ lower: r.lower, upper: r.upper, below, above, ...(r.owner.kind === 'unknown' ? { unreadable: r.owner.claim.rag } : {}) });
      if (r.owner.kind === 'gap') {
        const end = (b: Bound | null): GapEnd | null => (b ? { text: formatValue(b.value, percent), inclusive: b.inclusive } : null);
        warnings.push({ kind: 'gap', rag: (below ?? above)?.rag ?? 'green', message: msg.gapWarning(below, above, end(r.lower), end(r.upper)) });
      }
    } else if (r.owner.kind === 'conflict') {
      const a = bandOf(r.owner.a);
      const b = bandOf(r.owner.b);
      conflicts.push({ lower: r.lower, upper: r.upper, bands: [a, b] });
      const { from, to } = span(r.lower, r.upper, percent);
      warnings.push({ kind: 'overlap', rag: b.rag, message: msg.toleranceOverlap(a, b, from, to) });
    }
  });
  return { bands, gaps, conflicts, warnings };
}
