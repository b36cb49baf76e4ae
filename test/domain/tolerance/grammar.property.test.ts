/**
 * Grammar-based property test: a ground-truth ladder (polarity, cut points, which side owns
 * each cut) is written out as the three cells in one of many notation families, most of
 * them absent from the seeds, with random spacing and case; the engine must read back the
 * same ladder and give the right letter inside each band and on each cut point.
 */
import fc from 'fast-check';
import { evaluateRag } from '../../../src/domain/rag';
import { parseTolerances, type Bound } from '../../../src/domain/tolerance';
import type { Polarity, Rag } from '../../../src/domain/types';

interface TruthBand {
  rag: Rag;
  lower: Bound | null;
  upper: Bound | null;
}

interface Written {
  family: string;
  cells: [string, string, string];
  stated: Polarity | null;
  polarity: 'high' | 'low' | 'withinLimits';
  bands: TruthBand[];
  percent: boolean;
}

/** How a number is typed: plain, with thousands separators, as a percentage, with a Unicode minus. */
function typed(value: number, percent: boolean): string {
  const shown = percent ? value * 100 : value;
  const abs = Math.abs(shown);
  const digits = Number.isInteger(abs) && abs >= 1000 ? abs.toLocaleString('en-GB') : String(Number(abs.toPrecision(12)));
  return `${shown < 0 ? '\u2212' : ''}${digits}${percent ? '%' : ''}`;
}

const below = (c: number, inclusive: boolean): Bound => ({ value: c, inclusive });

// Words for each comparison, by whether the cut belongs to the band the word opens.
const UNDER: Record<'incl' | 'excl', Array<(n: string) => string>> = {
  excl: [(n) => `<${n}`, (n) => `< ${n}`, (n) => `under ${n}`, (n) => `below ${n}`, (n) => `less than ${n}`, (n) => `fewer than ${n}`, (n) => `＜${n}`],
  incl: [(n) => `<=${n}`, (n) => `≤ ${n}`, (n) => `=<${n}`, (n) => `no more than ${n}`, (n) => `at most ${n}`, (n) => `up to ${n}`, (n) => `maximum ${n}`, (n) => `${n} or less`, (n) => `${n} or below`, (n) => `${n} and under`, (n) => `${n} and below`],
};
const OVER: Record<'incl' | 'excl', Array<(n: string) => string>> = {
  excl: [(n) => `>${n}`, (n) => `> ${n}`, (n) => `over ${n}`, (n) => `above ${n}`, (n) => `more than ${n}`, (n) => `greater than ${n}`],
  incl: [(n) => `>=${n}`, (n) => `≥${n}`, (n) => `=> ${n}`, (n) => `${n}+`, (n) => `at least ${n}`, (n) => `minimum ${n}`, (n) => `${n} or more`, (n) => `${n} and above`, (n) => `${n} or above`, (n) => `${n} plus`],
};
const JOIN = [' ', ' and ', ', ', ' & ', '  AND  ', ' but '];

const pick = <T,>(list: T[], i: number): T => list[i % list.length];

/** Random spacing and letter case of a cell, as analysts type it. */
function style(text: string, upper: boolean, pad: number): string {
  const t = upper ? text.toUpperCase() : text;
  return `${' '.repeat(pad % 3)}${t}${' '.repeat((pad >> 2) % 2)}`;
}

interface Draw {
  c1: number;
  c2: number;
  percent: boolean;
  own1: boolean; // the cut c1 belongs to the band above it
  own2: boolean;
  w: number[]; // word choices
  stated: boolean;
}

const excl = (owned: boolean): 'incl' | 'excl' => (owned ? 'incl' : 'excl');

/** A High ladder Red | Amber | Green, or its mirror (Low), in a linear family. */
function linear(d: Draw, family: number): Written {
  const n1 = typed(d.c1, d.percent);
  const n2 = typed(d.c2, d.percent);
  const low = family % 2 === 1;
  const kind = Math.floor(family / 2) % 4;
  // For High: Red below c1, Amber between, Green from c2. For Low, mirrored: Green below c1, Red above c2.
  const bottom: Rag = low ? 'green' : 'red';
  const top: Rag = low ? 'red' : 'green';
  const bottomCell = pick(UNDER[excl(!d.own1)], d.w[0])(n1);
  const topCell = pick(OVER[excl(d.own2)], d.w[1])(n2);
  let middle: string;
  let own1 = d.own1;
  let own2 = d.own2;
  if (kind === 0) {
    // Two comparisons: `>=90% <95%`, `at least 90% and under 95%`.
    middle = `${pick(OVER[excl(d.own1)], d.w[2])(n1)}${pick(JOIN, d.w[3])}${pick(UNDER[excl(!d.own2)], d.w[4])(n2)}`;
  } else if (kind === 1) {
    // Nested going up: the middle names only where it starts (`90%+`), the top band starts inside it.
    middle = pick(OVER[excl(d.own1)], d.w[2])(n1);
  } else if (kind === 2) {
    // Nested going down: `<95%` under which the bottom band `<90%` lies.
    middle = pick(UNDER[excl(!d.own2)], d.w[2])(n2);
  } else {
    // A range owns both its ends: the neighbours start just past them.
    middle = pick([`${n1}-${n2}`, `${n1} - ${n2}`, `${n1} to ${n2}`, `${n1}–${n2}`, `between ${n1} and ${n2}`, `from ${n1} to ${n2}`], d.w[2]);
    own1 = true;
    own2 = false;
    return finishLinear(d, low, bottom, top, pick(UNDER.excl, d.w[0])(n1), middle, pick(OVER.excl, d.w[1])(n2), own1, own2, 'range');
  }
  return finishLinear(d, low, bottom, top, bottomCell, middle, topCell, own1, own2, ['two comparisons', 'nested up', 'nested down'][kind]);
}

function finishLinear(d: Draw, low: boolean, bottom: Rag, top: Rag, b: string, m: string, t: string, own1: boolean, own2: boolean, family: string): Written {
  const cells: Record<Rag, string> = { red: '', amber: m, green: '' };
  cells[bottom] = b;
  cells[top] = t;
  const upper = d.w[5] % 2 === 0;
  return {
    family: `${low ? 'Low' : 'High'} ${family}`,
    cells: [style(cells.red, upper, d.w[6]), style(cells.amber, upper, d.w[7]), style(cells.green, upper, d.w[8])],
    stated: d.stated ? (low ? 'low' : 'high') : null,
    polarity: low ? 'low' : 'high',
    percent: d.percent,
    bands: [
      { rag: bottom, lower: null, upper: below(d.c1, !own1) },
      { rag: 'amber', lower: below(d.c1, own1), upper: below(d.c2, !own2) },
      { rag: top, lower: below(d.c2, own2), upper: null },
    ],
  };
}

/** Within Limits: a Green range, Amber up to a distance either side, Red beyond. */
function withinLimits(d: Draw): Written {
  const lo = d.c1;
  const hi = d.c2;
  const amount = Math.max(1, Math.round((hi - lo) / 4));
  const a = String(amount);
  const amber = pick([`within ${a} of range`, `up to ${a} outside the range`, `±${a} of range`, `no more than ${a} outside range`], d.w[0]);
  const red = pick([`more than ${a} outside range`, `over ${a} outside the range`, `outside range by more than ${a}`], d.w[1]);
  const green = pick([`${lo}-${hi}`, `${lo} to ${hi}`, `between ${lo} and ${hi}`, `${lo}–${hi}`], d.w[2]);
  const upper = d.w[5] % 2 === 0;
  return {
    family: 'Within Limits distances',
    cells: [style(red, upper, d.w[6]), style(amber, upper, d.w[7]), style(green, upper, d.w[8])],
    stated: d.stated ? 'withinLimits' : null,
    polarity: 'withinLimits',
    percent: false,
    bands: [
      { rag: 'red', lower: null, upper: below(lo - amount, false) },
      { rag: 'amber', lower: below(lo - amount, true), upper: below(lo, false) },
      { rag: 'green', lower: below(lo, true), upper: below(hi, true) },
      { rag: 'amber', lower: below(hi, false), upper: below(hi + amount, true) },
      { rag: 'red', lower: below(hi + amount, false), upper: null },
    ],
  };
}

/** Distances from a target in percentage points: `within 5pp of target`, `more than 5pp below target`. */
function fromTarget(d: Draw): Written {
  const t = Math.round(d.c2 * 100) / 100;
  const pp = Math.max(1, Math.round((d.c2 - d.c1) * 100));
  const target = typed(t, true);
  const amber = pick([`within ${pp}pp of target`, `up to ${pp} pts below target`, `no more than ${pp} percentage points below target`], d.w[0]);
  const red = pick([`more than ${pp}pp below target`, `over ${pp} pts below the target`], d.w[1]);
  const green = pick([target, `>=${target}`, `at least ${target}`], d.w[2]);
  const far = Number((t - pp / 100).toPrecision(12));
  return {
    family: 'High distances from target',
    cells: [red, amber, green],
    stated: 'high',
    polarity: 'high',
    percent: true,
    bands: [
      { rag: 'red', lower: null, upper: below(far, false) },
      { rag: 'amber', lower: below(far, true), upper: below(t, false) },
      { rag: 'green', lower: below(t, true), upper: null },
    ],
  };
}

const draw: fc.Arbitrary<Draw> = fc
  .record({
    a: fc.integer({ min: -2000, max: 150000 }),
    gap: fc.integer({ min: 1, max: 5000 }),
    scale: fc.constantFrom(1, 10, 100),
    percent: fc.boolean(),
    own1: fc.boolean(),
    own2: fc.boolean(),
    w: fc.array(fc.nat(1000), { minLength: 9, maxLength: 9 }),
    stated: fc.boolean(),
  })
  .map(({ a, gap, scale, percent, own1, own2, w, stated }) => {
    // Percentages to one decimal (12.5%), counts to the scale's decimals.
    const c1 = percent ? Math.round(a / 100) / 1000 : a / scale;
    const c2 = percent ? Math.round(a / 100 + gap) / 1000 : (a + gap) / scale;
    return { c1: Number(c1.toPrecision(12)), c2: Number(c2.toPrecision(12)), percent, own1, own2, w, stated };
  });

const written: fc.Arbitrary<Written> = fc.tuple(draw, fc.nat(10)).map(([d, f]) => {
  if (f < 8) return linear(d, f);
  if (f === 8) return withinLimits({ ...d, c1: Math.round(d.c1), c2: Math.round(d.c1) + Math.max(2, Math.round(Math.abs(d.c2 - d.c1))) });
  return fromTarget({ ...d, c1: Math.min(d.c1, 0.9), c2: Math.min(Math.max(d.c2, d.c1 + 0.01), 0.99) });
});

/** Values to probe: each cut point, and a point strictly inside every band. */
function probes(bands: TruthBand[]): Array<{ value: number; rag: Rag }> {
  const out: Array<{ value: number; rag: Rag }> = [];
  for (const b of bands) {
    if (b.lower && b.upper) out.push({ value: (b.lower.value + b.upper.value) / 2, rag: b.rag });
    else if (b.lower) out.push({ value: b.lower.value + Math.max(1, Math.abs(b.lower.value)), rag: b.rag });
    else if (b.upper) out.push({ value: b.upper.value - Math.max(1, Math.abs(b.upper.value)), rag: b.rag });
    if (b.lower?.inclusive) out.push({ value: b.lower.value, rag: b.rag });
    if (b.upper?.inclusive) out.push({ value: b.upper.value, rag: b.rag });
  }
  return out;
}

describe('tolerance grammar: ground truth ladders written in many notations', () => {
  it('reads back the ladder and gives the right letter inside each band and on each cut point', () => {
    fc.assert(
      fc.property(written, (w) => {
        const parsed = parseTolerances(w.cells[0], w.cells[1], w.cells[2], w.stated);
        if (!parsed.ok) throw new Error(`${w.family} ${JSON.stringify(w.cells)}: ${parsed.error.message}`);
        const t = parsed.value;
        if (t.kind !== 'bands') throw new Error(`${w.family}: no bands`);
        expect(t.polarity).toBe(w.polarity);
        expect(t.percent).toBe(w.percent);
        expect(t.bands.map((b) => b.rag)).toEqual(w.bands.map((b) => b.rag));
        t.bands.forEach((b, i) => {
          const truth = w.bands[i];
          for (const [got, want] of [
            [b.lower, truth.lower],
            [b.upper, truth.upper],
          ] as const) {
            if (want === null) expect(got).toBeNull();
            else {
              expect(got).not.toBeNull();
              expect(got!.value).toBeCloseTo(want.value, 9);
              expect(got!.inclusive).toBe(want.inclusive);
            }
          }
        });
        expect(t.gaps).toEqual([]);
        expect(t.warnings).toEqual([]);
        for (const p of probes(w.bands)) expect([w.family, w.cells, p.value, evaluateRag(p.value, t)]).toEqual([w.family, w.cells, p.value, { ok: true, value: p.rag }]);
      }),
      { numRuns: 1500 },
    );
  });
});
