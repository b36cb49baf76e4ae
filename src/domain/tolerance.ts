/**
 * Reads the hand-written Red / Amber / Green cells into bands on the number line.
 *
 * Notations (all from the seed reports):
 * - prefix comparisons, hard: `<90%`, `>=95%`, `>65% <75%`
 * - postfix, soft: `90%>` (90% and above), `13%<` (13% and below); `95%+` is 95% or more (hard)
 * - a bare value, soft: `95%`, `8.2%`, `120`, or a number cell; direction from the polarity
 * - a range, hard: `14-20`; and relative to it: `1 above range`, `1+ above range`
 * - a note in brackets is kept, not read: `100% (of 720)`, `38 (May to March)`
 *
 * A soft side takes whatever its neighbour leaves: `<90%` excludes 90, so `90%>` includes
 * it. When both sides of a cut point are soft, the band nearer Green keeps the value.
 * Where nothing covers a value, the gap is recorded (and RAG reports it); overlaps and
 * contradictions are errors.
 */
import { bandLabel, formatValue, msg, polarityName } from './messages';
import { err, ok, type EngineError, type Result } from './result';
import type { CellInput, Polarity, Rag } from './types';

/** One end of a band. */
export interface Bound {
  value: number;
  inclusive: boolean;
}

/** The values one written colour covers; `null` bounds are unbounded. */
export interface Band {
  rag: Rag;
  lower: Bound | null;
  upper: Bound | null;
  /** The text as written (`<90%`); empty for the Red the engine adds around a lone target. */
  source: string;
}

/** Values no band covers, with the bands either side (null at either end of the line). */
export interface Gap {
  lower: Bound | null;
  upper: Bound | null;
  below: Band | null;
  above: Band | null;
}

export type Tolerances =
  | { kind: 'none'; reason: 'blank' | 'notApplicable' | 'info' }
  | {
      kind: 'bands';
      polarity: Exclude<Polarity, 'info'>;
      /** Sorted from the lowest values to the highest. */
      bands: Band[];
      gaps: Gap[];
      /** Green's cut point (High: its lower bound, Low: its upper), null for a range. */
      target: number | null;
      /** Written as percentages: values are fractions (95% is 0.95). */
      percent: boolean;
      /** Bracketed notes, e.g. `(of 720)`. */
      notes: string[];
      /**
       * True when only Green was written and the engine made the rest Red: a lone target
       * cannot tell Amber from Red, so such a measure is never Amber.
       */
      loneTarget: boolean;
    };

export type BandedTolerances = Extract<Tolerances, { kind: 'bands' }>;

// ---------------------------------------------------------------------------------
// Reading one cell

interface Side {
  value: number;
  inclusive: boolean;
  /** Inclusivity not stated: decided by the neighbouring band. */
  soft: boolean;
}

type Term =
  | { kind: 'none'; reason: 'blank' | 'notApplicable' }
  | { kind: 'interval'; lower: Side | null; upper: Side | null; percent: boolean; note: string | null; text: string }
  | { kind: 'bare'; value: number; percent: boolean; note: string | null; text: string; fromNumber: boolean }
  | { kind: 'range'; lower: number; upper: number; percent: boolean; note: string | null; text: string }
  | { kind: 'relative'; side: 'above' | 'below'; amount: number; plus: boolean; text: string };

const NUM = String.raw`(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+)\s*(%?)`;
const NOT_APPLICABLE = /^(?:n\/?a|-|none|no target|not applicable)$/i;
const RELATIVE = /^(\d+(?:\.\d+)?)\s*(\+?)\s*(above|below)\s+(?:the\s+)?range$/i;
const RANGE = new RegExp(String.raw`^${NUM}\s*(?:-|to)\s*${NUM}$`, 'i');
const BARE = new RegExp(String.raw`^${NUM}$`);
const POSTFIX = new RegExp(String.raw`^${NUM}\s*(\+|>=|=>|<=|=<|>|<|or more|or above|or less|or below)$`, 'i');
const PREFIX = new RegExp(String.raw`^(>=|=>|<=|=<|>|<)\s*${NUM}\s*(?:and|&|,)?\s*`);
const TRAILING_NOTE = /^(.*?\S)\s*(\([^()]*\))$/;

function toNumber(digits: string, percent: boolean): number {
  const plain = digits.replace(/,/g, '');
  // `e-2` keeps 95% exactly 0.95 (95 / 100 would be too, but 14.2 / 100 is not 0.142).
  return Number(percent ? `${plain}e-2` : plain);
}

function normalise(text: string): string {
  return text
    .replace(/\u2265/g, '>=')
    .replace(/\u2264/g, '<=')
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function readTerm(input: CellInput): Term | null {
  if (input === null || input === undefined) return { kind: 'none', reason: 'blank' };
  if (typeof input === 'boolean') return null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    // A number cell is a bare value as Excel holds it (95% is 0.95), never "percent text".
    return { kind: 'bare', value: input, percent: false, note: null, text: String(input), fromNumber: true };
  }
  const text = normalise(input);
  if (text === '') return { kind: 'none', reason: 'blank' };
  if (NOT_APPLICABLE.test(text)) return { kind: 'none', reason: 'notApplicable' };

  const rel = RELATIVE.exec(text);
  if (rel) {
    return { kind: 'relative', side: rel[3].toLowerCase() as 'above' | 'below', amount: Number(rel[1]), plus: rel[2] === '+', text };
  }

  const noted = TRAILING_NOTE.exec(text);
  const body = noted ? noted[1] : text;
  const note = noted ? noted[2] : null;

  const bare = BARE.exec(body);
  if (bare) {
    const percent = bare[2] === '%';
    return { kind: 'bare', value: toNumber(bare[1], percent), percent, note, text, fromNumber: false };
  }
  const range = RANGE.exec(body);
  if (range) {
    const percent = range[2] === '%' || range[4] === '%';
    const lower = toNumber(range[1], percent);
    const upper = toNumber(range[3], percent);
    if (lower > upper) return null;
    return { kind: 'range', lower, upper, percent, note, text };
  }
  const post = POSTFIX.exec(body);
  if (post) {
    const percent = post[2] === '%';
    const value = toNumber(post[1], percent);
    const op = post[3].toLowerCase();
    const interval = (lower: Side | null, upper: Side | null): Term => ({ kind: 'interval', lower, upper, percent, note, text });
    switch (op) {
      case '+':
      case '>=':
      case '=>':
      case 'or more':
      case 'or above':
        return interval({ value, inclusive: true, soft: false }, null);
      case '<=':
      case '=<':
      case 'or less':
      case 'or below':
        return interval(null, { value, inclusive: true, soft: false });
      case '>':
        return interval({ value, inclusive: true, soft: true }, null);
      default: // '<'
        return interval(null, { value, inclusive: true, soft: true });
    }
  }
  return readComparisons(body, note, text);
}

function readComparisons(body: string, note: string | null, text: string): Term | null {
  let rest = body;
  let lower: Side | null = null;
  let upper: Side | null = null;
  let percent = false;
  let count = 0;
  while (rest !== '') {
    const m = PREFIX.exec(rest);
    if (!m || count === 2) return null;
    count += 1;
    const op = m[1].replace('=>', '>=').replace('=<', '<=');
    const isPercent = m[3] === '%';
    percent = percent || isPercent;
    const side: Side = { value: toNumber(m[2], isPercent), inclusive: op.length === 2, soft: false };
    if (op.startsWith('>')) {
      if (lower) return null;
      lower = side;
    } else {
      if (upper) return null;
      upper = side;
    }
    rest = rest.slice(m[0].length);
  }
  if (count === 0) return null;
  if (lower && upper && lower.value > upper.value) return null;
  return { kind: 'interval', lower, upper, percent, note, text };
}

// ---------------------------------------------------------------------------------
// From terms to bands

interface Proto {
  rag: Rag;
  lower: Side | null;
  upper: Side | null;
  source: string;
}

const RAGS: Rag[] = ['red', 'amber', 'green'];
/** Distance from Green: the nearer band keeps a cut point both sides leave soft. */
const NEARNESS: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

function labelOf(rag: Rag, term: Term): { rag: Rag; source: string } {
  return { rag, source: 'text' in term ? term.text : '' };
}

/** Which way a written band points: a one-sided band extends up or down the line. */
function extent(term: Term): 'up' | 'down' | null {
  if (term.kind !== 'interval') return null;
  if (term.lower && !term.upper) return 'up';
  if (term.upper && !term.lower) return 'down';
  return null;
}

function inferPolarity(terms: Record<Rag, Term>): Result<Polarity | null> {
  if (terms.green.kind === 'range' || RAGS.some((r) => terms[r].kind === 'relative')) return ok('withinLimits');
  const high: Rag[] = [];
  const low: Rag[] = [];
  for (const rag of RAGS) {
    const e = extent(terms[rag]);
    if (e === null) continue;
    // Green and Amber extend towards better values, Red towards worse.
    const up = rag === 'red' ? e === 'down' : e === 'up';
    (up ? high : low).push(rag);
  }
  if (high.length > 0 && low.length > 0) {
    return err('toleranceConflict', msg.toleranceDirections(labelOf(high[0], terms[high[0]]), labelOf(low[0], terms[low[0]])));
  }
  if (high.length > 0) return ok('high');
  if (low.length > 0) return ok('low');
  // Two-sided bands or bare values only (number cells 0.9 | 0.9 | 0.95): compare where
  // Red and Green sit.
  const mid = (t: Term): number | null =>
    t.kind === 'interval' && t.lower && t.upper ? (t.lower.value + t.upper.value) / 2 : t.kind === 'bare' ? t.value : null;
  const red = mid(terms.red);
  const green = mid(terms.green);
  if (red !== null && green !== null && red !== green) return ok(green > red ? 'high' : 'low');
  return ok(null);
}

function evidenceFor(terms: Record<Rag, Term>): string {
  return RAGS.filter((r) => terms[r].kind !== 'none')
    .map((r) => bandLabel(labelOf(r, terms[r])))
    .join(', ');
}

function protoFromTerm(rag: Rag, term: Term, polarity: 'high' | 'low'): Result<Proto> {
  switch (term.kind) {
    case 'interval':
      return ok({ rag, lower: term.lower, upper: term.upper, source: term.text });
    case 'range':
      return ok({
        rag,
        lower: { value: term.lower, inclusive: true, soft: false },
        upper: { value: term.upper, inclusive: true, soft: false },
        source: term.text,
      });
    case 'bare': {
      // Red's bare value is its border with the better bands; Amber's and Green's their
      // border with the worse ones. High: better is above; Low: below.
      const side: Side = { value: term.value, inclusive: true, soft: true };
      const facesUp = rag === 'red' ? polarity === 'high' : polarity === 'low';
      return ok({ rag, lower: facesUp ? null : side, upper: facesUp ? side : null, source: term.text });
    }
    case 'relative':
      return err('badTolerance', msg.relativeNeedsRange(rag, term.text));
    default:
      return err('badTolerance', msg.badTolerance(rag, ''));
  }
}

function sameCut(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Settles soft sides between neighbours (sorted low to high), then defaults the rest to inclusive. */
function resolveSoft(seq: Proto[]): void {
  for (let i = 0; i + 1 < seq.length; i += 1) {
    const a = seq[i].upper;
    const b = seq[i + 1].lower;
    if (!a || !b || !sameCut(a.value, b.value)) continue;
    b.value = a.value; // one cut point, not two a float artefact apart
    if (a.soft && !b.soft) a.inclusive = !b.inclusive;
    else if (!a.soft && b.soft) b.inclusive = !a.inclusive;
    else if (a.soft && b.soft) {
      const lowerKeeps = NEARNESS[seq[i].rag] < NEARNESS[seq[i + 1].rag];
      a.inclusive = lowerKeeps;
      b.inclusive = !lowerKeeps;
    }
    a.soft = false;
    b.soft = false;
  }
  for (const p of seq) {
    if (p.lower?.soft) p.lower = { ...p.lower, inclusive: true, soft: false };
    if (p.upper?.soft) p.upper = { ...p.upper, inclusive: true, soft: false };
  }
}

function lowerKey(p: { lower: { value: number } | null }): number {
  return p.lower ? p.lower.value : -Infinity;
}

function linearBands(terms: Record<Rag, Term>, polarity: 'high' | 'low'): Result<Proto[]> {
  const order: Rag[] = polarity === 'high' ? ['red', 'amber', 'green'] : ['green', 'amber', 'red'];
  const seq: Proto[] = [];
  for (const rag of order) {
    if (terms[rag].kind === 'none') continue;
    const proto = protoFromTerm(rag, terms[rag], polarity);
    if (!proto.ok) return proto;
    seq.push(proto.value);
  }
  // A one-sided band ends where its neighbour begins (`90%>` runs up to `95%+`).
  const written = seq.map((p) => ({ lower: p.lower, upper: p.upper }));
  for (let i = 0; i < seq.length; i += 1) {
    if (!seq[i].lower && i > 0) {
      const below = written[i - 1].upper;
      if (!below) return err('badTolerance', msg.missingCutPoint(seq[i - 1], seq[i]));
      seq[i].lower = { value: below.value, inclusive: false, soft: true };
    }
    if (!seq[i].upper && i + 1 < seq.length) {
      const above = written[i + 1].lower;
      if (!above) return err('badTolerance', msg.missingCutPoint(seq[i], seq[i + 1]));
      seq[i].upper = { value: above.value, inclusive: false, soft: true };
    }
  }
  resolveSoft(seq);
  return ok(seq);
}

function withinLimitsBands(terms: Record<Rag, Term>): Result<Proto[]> {
  const green = terms.green;
  if (green.kind !== 'range') {
    return err('badTolerance', msg.withinLimitsNeedsRange('text' in green ? green.text : ''));
  }
  const { lower: lo, upper: hi } = green;
  const seq: Proto[] = [
    {
      rag: 'green',
      lower: { value: lo, inclusive: true, soft: false },
      upper: { value: hi, inclusive: true, soft: false },
      source: green.text,
    },
  ];
  for (const rag of ['amber', 'red'] as const) {
    const t = terms[rag];
    if (t.kind === 'none') continue;
    if (t.kind === 'interval') {
      seq.push({ rag, lower: t.lower, upper: t.upper, source: t.text });
    } else if (t.kind === 'range') {
      seq.push({
        rag,
        lower: { value: t.lower, inclusive: true, soft: false },
        upper: { value: t.upper, inclusive: true, soft: false },
        source: t.text,
      });
    } else if (t.kind === 'relative') {
      // `1 above range` is up to 1 above (20 < v <= 21 for 14-20); `1+ above range` beyond.
      const edge = t.side === 'above' ? hi : lo;
      const far = t.side === 'above' ? hi + t.amount : lo - t.amount;
      const near: Side = { value: edge, inclusive: false, soft: false };
      const cut: Side = { value: far, inclusive: true, soft: true };
      if (t.plus) {
        seq.push(t.side === 'above' ? { rag, lower: cut, upper: null, source: t.text } : { rag, lower: null, upper: cut, source: t.text });
      } else {
        seq.push(t.side === 'above' ? { rag, lower: near, upper: cut, source: t.text } : { rag, lower: cut, upper: near, source: t.text });
      }
    } else {
      return err('badTolerance', msg.toleranceNeedsPolarity(rag, t.text));
    }
  }
  seq.sort((a, b) => lowerKey(a) - lowerKey(b));
  resolveSoft(seq);
  return ok(seq);
}

function finish(protos: Proto[]): Band[] {
  return protos.map((p) => ({
    rag: p.rag,
    lower: p.lower ? { value: p.lower.value, inclusive: p.lower.inclusive } : null,
    upper: p.upper ? { value: p.upper.value, inclusive: p.upper.inclusive } : null,
    source: p.source,
  }));
}

/** The complement of the written bands as Red, for a lone Green target. */
function addRestAsRed(bands: Band[]): Band[] {
  const out: Band[] = [];
  const green = bands[0];
  if (green.lower) out.push({ rag: 'red', lower: null, upper: { value: green.lower.value, inclusive: !green.lower.inclusive }, source: '' });
  out.push(green);
  if (green.upper) out.push({ rag: 'red', lower: { value: green.upper.value, inclusive: !green.upper.inclusive }, upper: null, source: '' });
  return out;
}

function checkShape(bands: Band[], percent: boolean): EngineError | null {
  const show = (v: number): string => formatValue(v, percent);
  for (const b of bands) {
    if (b.lower && b.upper) {
      const empty = b.lower.value > b.upper.value || (b.lower.value === b.upper.value && !(b.lower.inclusive && b.upper.inclusive));
      if (empty) return { code: 'toleranceConflict', message: msg.invertedBand(b, show(b.lower.value), show(b.upper.value)) };
    }
  }
  for (let i = 0; i < bands.length; i += 1) {
    for (let j = i + 1; j < bands.length; j += 1) {
      const a = bands[i];
      const b = bands[j];
      const lo = maxLower(a.lower, b.lower);
      const hi = minUpper(a.upper, b.upper);
      const overlaps =
        lo === null || hi === null || lo.value < hi.value || (lo.value === hi.value && lo.inclusive && hi.inclusive);
      if (overlaps) {
        const from = lo ? show(lo.value) : '-∞';
        const to = hi ? show(hi.value) : '∞';
        return { code: 'toleranceConflict', message: msg.toleranceOverlap(a, b, from, to) };
      }
    }
  }
  return null;
}

function maxLower(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return a.value > b.value ? a : b;
  return { value: a.value, inclusive: a.inclusive && b.inclusive };
}

function minUpper(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return a.value < b.value ? a : b;
  return { value: a.value, inclusive: a.inclusive && b.inclusive };
}

function findGaps(bands: Band[]): Gap[] {
  const gaps: Gap[] = [];
  let cursor: Bound | null = null; // null before the first band: -∞
  let previous: Band | null = null;
  for (const band of bands) {
    if (previous === null) {
      if (band.lower) gaps.push({ lower: null, upper: { value: band.lower.value, inclusive: !band.lower.inclusive }, below: null, above: band });
    } else if (cursor && band.lower) {
      const open = cursor.value < band.lower.value || (cursor.value === band.lower.value && !cursor.inclusive && !band.lower.inclusive);
      if (open) {
        gaps.push({
          lower: { value: cursor.value, inclusive: !cursor.inclusive },
          upper: { value: band.lower.value, inclusive: !band.lower.inclusive },
          below: previous,
          above: band,
        });
      }
    }
    previous = band;
    cursor = band.upper;
    if (!cursor) return gaps; // the band runs to +∞
  }
  if (previous && cursor) gaps.push({ lower: { value: cursor.value, inclusive: !cursor.inclusive }, upper: null, below: previous, above: null });
  return gaps;
}

function hasPercent(t: Term): boolean {
  return 'percent' in t && t.percent;
}

function checkUnits(terms: Record<Rag, Term>): EngineError | null {
  const percentTerm = RAGS.find((r) => hasPercent(terms[r]));
  if (!percentTerm) return null;
  for (const rag of RAGS) {
    const t = terms[rag];
    // A typed `95` beside `90%` is a forgotten % sign; a number cell (0.95) is fine.
    const plainText = (t.kind === 'bare' && !t.fromNumber) || t.kind === 'interval' || t.kind === 'range';
    if (plainText && !hasPercent(t)) {
      const values =
        t.kind === 'bare' ? [t.value] : t.kind === 'range' ? [t.lower, t.upper] : t.kind === 'interval' ? [t.lower?.value ?? 0, t.upper?.value ?? 0] : [];
      if (values.some((v) => Math.abs(v) > 1)) {
        const other = terms[percentTerm];
        return { code: 'unitMismatch', message: msg.mixedUnits(rag, 'text' in t ? t.text : '', 'text' in other ? other.text : '') };
      }
    }
  }
  return null;
}

function parseUncached(red: CellInput, amber: CellInput, green: CellInput, stated: Polarity | null): Result<Tolerances> {
  const inputs: Record<Rag, CellInput> = { red, amber, green };
  const terms = {} as Record<Rag, Term>;
  for (const rag of RAGS) {
    const term = readTerm(inputs[rag]);
    if (!term) return err('badTolerance', msg.badTolerance(rag, String(inputs[rag]).trim()));
    terms[rag] = term;
  }
  if (stated === 'info') return ok({ kind: 'none', reason: 'info' });
  const written = RAGS.filter((r) => terms[r].kind !== 'none');
  if (written.length === 0) {
    const anyNa = RAGS.some((r) => {
      const t = terms[r];
      return t.kind === 'none' && t.reason === 'notApplicable';
    });
    return ok({ kind: 'none', reason: anyNa ? 'notApplicable' : 'blank' });
  }
  const units = checkUnits(terms);
  if (units) return { ok: false, error: units };

  const inferred = inferPolarity(terms);
  if (!inferred.ok) return inferred;
  if (stated && inferred.value && stated !== inferred.value) {
    return err('polarityConflict', msg.polarityConflict(polarityName(stated), polarityName(inferred.value), evidenceFor(terms)));
  }
  const polarity = stated ?? inferred.value;
  if (!polarity || polarity === 'info') {
    const first = written[0];
    const t = terms[first];
    return err('badTolerance', msg.toleranceNeedsPolarity(first, 'text' in t ? t.text : ''));
  }

  const protos = polarity === 'withinLimits' ? withinLimitsBands(terms) : linearBands(terms, polarity);
  if (!protos.ok) return protos;
  let bands = finish(protos.value).sort((a, b) => lowerKey(a) - lowerKey(b));
  const loneTarget = written.length === 1 && written[0] === 'green';
  if (loneTarget) bands = addRestAsRed(bands);

  const percent = RAGS.some((r) => hasPercent(terms[r]));
  const problem = checkShape(bands, percent);
  if (problem) return { ok: false, error: problem };

  const greenBand = bands.find((b) => b.rag === 'green') ?? null;
  const target =
    greenBand === null || polarity === 'withinLimits'
      ? null
      : polarity === 'high'
        ? (greenBand.lower?.value ?? null)
        : (greenBand.upper?.value ?? null);
  const notes = RAGS.map((r) => terms[r])
    .map((t) => ('note' in t ? t.note : null))
    .filter((n): n is string => n !== null);

  return ok({ kind: 'bands', polarity, bands, gaps: findGaps(bands), target, percent, notes, loneTarget });
}

// ---------------------------------------------------------------------------------
// Parse cache: a sheet has thousands of rows but only a few distinct tolerance triples.

const CACHE_LIMIT = 2048;
const cache = new Map<string, Result<Tolerances>>();
const stats = { hits: 0, misses: 0 };

function keyPart(v: CellInput): string {
  // Type-tagged so the number 0.95 and the text "0.95" never share an entry.
  return v === null || v === undefined ? 'b:' : `${typeof v === 'number' ? 'n' : typeof v === 'string' ? 's' : 'x'}:${String(v)}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * Reads the Red, Amber and Green cells of one indicator into bands, gaps and a target.
 * Results are cached (and frozen, since they are shared) by the three cells and the
 * stated polarity.
 *
 * @example
 * parseTolerances('<90%', '90%>', '95%+', 'high')
 * // ok: bands Red (-∞, 0.9), Amber [0.9, 0.95), Green [0.95, ∞); no gaps; target 0.95
 * parseTolerances('21+', '20<', '18<', 'low')
 * // ok: Green (-∞, 18], Amber (18, 20], Red [21, ∞); gap (20, 21) between Amber and Red
 * parseTolerances('', '', 'n/a', 'high') // ok: { kind: 'none', reason: 'notApplicable' }
 */
export function parseTolerances(red: CellInput, amber: CellInput, green: CellInput, stated: Polarity | null): Result<Tolerances> {
  const key = `${keyPart(red)}\u0000${keyPart(amber)}\u0000${keyPart(green)}\u0000${stated ?? ''}`;
  const cached = cache.get(key);
  if (cached) {
    stats.hits += 1;
    return cached;
  }
  stats.misses += 1;
  const result = deepFreeze(parseUncached(red, amber, green, stated));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * Hits and misses of the tolerance parse cache since the last reset (for the bench).
 *
 * @example
 * toleranceCacheStats() // { hits: 199984, misses: 16, size: 16 }
 */
export function toleranceCacheStats(): { hits: number; misses: number; size: number } {
  return { hits: stats.hits, misses: stats.misses, size: cache.size };
}

/**
 * Empties the tolerance parse cache and its counters.
 *
 * @example
 * resetToleranceCache(); toleranceCacheStats() // { hits: 0, misses: 0, size: 0 }
 */
export function resetToleranceCache(): void {
  cache.clear();
  stats.hits = 0;
  stats.misses = 0;
}

/**
 * The target range of a Within Limits measure (Green's bounds), for DOT; null otherwise.
 *
 * @example
 * targetRange(parseTolerances('1+ above range', '1 above range', '14-20', 'withinLimits').value)
 * // { lower: 14, upper: 20 }
 */
export function targetRange(tol: Tolerances): { lower: number; upper: number } | null {
  if (tol.kind !== 'bands' || tol.polarity !== 'withinLimits') return null;
  const green = tol.bands.find((b) => b.rag === 'green');
  return green?.lower && green.upper ? { lower: green.lower.value, upper: green.upper.value } : null;
}
