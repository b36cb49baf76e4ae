import fc from 'fast-check';
import { bandLabel, msg } from '../../../src/domain/messages';
import { evaluateRag } from '../../../src/domain/rag';
import {
  parseTolerances,
  resetToleranceCache,
  toleranceCacheStats,
  type Band,
  type Bound,
  type BandedTolerances,
  type Tolerances,
} from '../../../src/domain/tolerance';
import type { CellInput, Polarity } from '../../../src/domain/types';

function bands(red: CellInput, amber: CellInput, green: CellInput, polarity: Polarity | null): BandedTolerances {
  const result = parseTolerances(red, amber, green, polarity);
  if (!result.ok) throw new Error(`expected tolerances, got ${result.error.message}`);
  if (result.value.kind !== 'bands') throw new Error('expected bands');
  return result.value;
}

function band(t: Tolerances, rag: Band['rag']): Band {
  if (t.kind !== 'bands') throw new Error('no bands');
  const found = t.bands.find((b) => b.rag === rag);
  if (!found) throw new Error(`no ${rag} band`);
  return found;
}

describe('parseTolerances: seed notations', () => {
  it('reads <90% | 90%> | 95%+ (High): the soft 90%> includes the 90 that <90% excludes', () => {
    const t = bands('<90%', '90%>', '95%+', 'high');
    expect(band(t, 'red')).toEqual({ rag: 'red', lower: null, upper: { value: 0.9, inclusive: false }, source: '<90%' });
    expect(band(t, 'amber')).toEqual({
      rag: 'amber',
      lower: { value: 0.9, inclusive: true },
      upper: { value: 0.95, inclusive: false },
      source: '90%>',
    });
    expect(band(t, 'green').lower).toEqual({ value: 0.95, inclusive: true });
    expect(t.gaps).toEqual([]);
    expect(t.target).toBe(0.95);
    expect(t.percent).toBe(true);
  });

  it.each([
    ['<33%', '33%>', '35%+', 0.33, 0.35],
    ['<20%', '20%>', '22.7%+', 0.2, 0.227],
    ['<93%', '93%>', '95%+', 0.93, 0.95],
    ['<83%', '83%>', '85%+', 0.83, 0.85],
  ])('reads %s | %s | %s (High) with no gaps', (red, amber, green, cut1, cut2) => {
    const t = bands(red, amber, green, 'high');
    expect(band(t, 'amber').lower).toEqual({ value: cut1, inclusive: true });
    expect(band(t, 'amber').upper).toEqual({ value: cut2, inclusive: false });
    expect(t.gaps).toEqual([]);
  });

  it('reads <65% | >65% <75% | 75% and reports that exactly 65% is uncovered', () => {
    const t = bands('<65%', '>65% <75%', '75%', 'high');
    expect(band(t, 'green').lower).toEqual({ value: 0.75, inclusive: true });
    expect(t.gaps).toHaveLength(1);
    expect(t.gaps[0].lower).toEqual({ value: 0.65, inclusive: true });
    expect(t.gaps[0].upper).toEqual({ value: 0.65, inclusive: true });
    expect(t.gaps[0].below?.source).toBe('<65%');
    expect(t.gaps[0].above?.source).toBe('>65% <75%');
  });

  it('reads <90% | >90% <95% | >=95% with a point gap at 90%', () => {
    const t = bands('<90%', '>90% <95%', '>=95%', 'high');
    expect(t.gaps.map((g) => [g.lower?.value, g.upper?.value])).toEqual([[0.9, 0.9]]);
  });

  it('reads 13%+ | 13%< | 10.8%< (Low): Green keeps 10.8% when both sides are soft', () => {
    const t = bands('13%+', '13%<', '10.8%<', 'low');
    expect(band(t, 'red').lower).toEqual({ value: 0.13, inclusive: true });
    expect(band(t, 'amber')).toMatchObject({ lower: { value: 0.108, inclusive: false }, upper: { value: 0.13, inclusive: false } });
    expect(band(t, 'green')).toMatchObject({ lower: null, upper: { value: 0.108, inclusive: true } });
    expect(t.gaps).toEqual([]);
    expect(t.target).toBe(0.108);
  });

  it.each([
    ['511+', '511<', '487<', 487, 511],
    ['127+', '127<', '121<', 121, 127],
  ])('reads %s | %s | %s (Low, days)', (red, amber, green, g, r) => {
    const t = bands(red, amber, green, 'low');
    expect(band(t, 'green').upper).toEqual({ value: g, inclusive: true });
    expect(band(t, 'red').lower).toEqual({ value: r, inclusive: true });
    expect(t.gaps).toEqual([]);
    expect(t.percent).toBe(false);
  });

  it('reads 21+ | 20< | 18< (Low) and reports the uncovered (20, 21) between Amber and Red', () => {
    const t = bands('21+', '20<', '18<', 'low');
    expect(t.gaps).toHaveLength(1);
    const gap = t.gaps[0];
    expect(gap.lower).toEqual({ value: 20, inclusive: false });
    expect(gap.upper).toEqual({ value: 21, inclusive: false });
    expect(gap.below?.rag).toBe('amber');
    expect(gap.above?.rag).toBe('red');
  });

  it('reads 1+ above range | 1 above range | 14-20 (Within Limits) and reports below 14 as uncovered', () => {
    const t = bands('1+ above range', '1 above range', '14-20', 'withinLimits');
    expect(t.polarity).toBe('withinLimits');
    expect(band(t, 'green')).toMatchObject({ lower: { value: 14, inclusive: true }, upper: { value: 20, inclusive: true } });
    expect(band(t, 'amber')).toMatchObject({ lower: { value: 20, inclusive: false }, upper: { value: 21, inclusive: true } });
    expect(band(t, 'red')).toMatchObject({ lower: { value: 21, inclusive: false }, upper: null });
    expect(t.gaps).toHaveLength(1);
    expect(t.gaps[0]).toMatchObject({ lower: null, upper: { value: 14, inclusive: false }, below: null });
    expect(t.gaps[0].above?.rag).toBe('green');
    expect(t.target).toBeNull();
  });

  it.each([
    ['95%', 'high', 0.95, true],
    ['8.2%', 'low', 0.082, true],
    ['120', 'high', 120, false],
    ['2.5%', 'low', 0.025, true],
    ['99.1', 'low', 99.1, false],
    ['85%>', 'high', 0.85, true],
    ['96.0%', 'high', 0.96, true],
  ] as const)('reads the lone green target %p (%s): Green from the target, the rest Red', (green, polarity, target, percent) => {
    const t = bands(null, null, green, polarity);
    expect(t.loneTarget).toBe(true);
    expect(t.target).toBe(target);
    expect(t.percent).toBe(percent);
    expect(t.bands.map((b) => b.rag)).toEqual(polarity === 'high' ? ['red', 'green'] : ['green', 'red']);
    const g = band(t, 'green');
    expect(polarity === 'high' ? g.lower : g.upper).toEqual({ value: target, inclusive: true });
    expect(t.gaps).toEqual([]);
  });

  it.each([
    ['100% (of 720)', 1, '(of 720)'],
    ['38 (May to March)', 38, '(May to March)'],
  ])('keeps the note of %p and reads its target', (green, target, note) => {
    const t = bands('', '', green, 'high');
    expect(t.target).toBe(target);
    expect(t.notes).toEqual([note]);
  });

  it('reads number cells as Excel holds them (0.95 is 95%)', () => {
    const t = bands(0.9, 0.9, 0.95, 'high');
    expect(band(t, 'red').upper).toEqual({ value: 0.9, inclusive: false });
    expect(band(t, 'amber')).toMatchObject({ lower: { value: 0.9, inclusive: true }, upper: { value: 0.95, inclusive: false } });
    expect(band(t, 'green').lower).toEqual({ value: 0.95, inclusive: true });
  });

  it.each([
    [null, null, null, 'blank'],
    ['', '', '', 'blank'],
    ['', '', 'n/a', 'notApplicable'],
    ['', '', 'N/A', 'notApplicable'],
    ['-', '-', '-', 'notApplicable'],
  ])('returns none for %p | %p | %p', (red, amber, green, reason) => {
    expect(parseTolerances(red, amber, green, 'high')).toEqual({ ok: true, value: { kind: 'none', reason } });
  });

  it('returns none for an Info measure even when tolerances are written (seed 11.2)', () => {
    expect(parseTolerances('<90%', '>90% <95%', '>=95%', 'info')).toEqual({ ok: true, value: { kind: 'none', reason: 'info' } });
  });

  it.each([
    ['≥95%', 0.95, true],
    ['=>95%', 0.95, true],
    ['95% or more', 0.95, true],
  ])('reads the variant %p', (green, value, inclusive) => {
    expect(band(bands('<90%', '90%>', green, 'high'), 'green').lower).toEqual({ value, inclusive });
  });
});

describe('parseTolerances: polarity', () => {
  it.each([
    ['<90%', '90%>', '95%+', 'high'],
    ['13%+', '13%<', '10.8%<', 'low'],
    ['511+', '511<', '487<', 'low'],
    ['1+ above range', '1 above range', '14-20', 'withinLimits'],
    [null, null, '85%>', 'high'],
    ['<65%', '>65% <75%', null, 'high'],
    [0.9, 0.9, 0.95, 'high'],
    [0.15, 0.12, 0.1, 'low'],
  ])('infers the polarity of %p | %p | %p when none is stated', (red, amber, green, polarity) => {
    expect(bands(red, amber, green, null).polarity).toBe(polarity);
  });

  it('reports a polarity conflict when the bands say High and GOOD PERF IS says Low', () => {
    const r = parseTolerances('<90%', '90%>', '95%+', 'low');
    expect(r).toEqual({
      ok: false,
      error: { code: 'polarityConflict', message: msg.polarityConflict('Low', 'High', 'Red (<90%), Amber (90%>), Green (95%+)') },
    });
  });

  it('reports green below red for a High measure', () => {
    const r = parseTolerances('13%+', '13%<', '10.8%<', 'high');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('polarityConflict');
  });

  it('asks for a polarity when only a bare target is written', () => {
    expect(parseTolerances(null, null, '95%', null)).toEqual({
      ok: false,
      error: { code: 'badTolerance', message: msg.toleranceNeedsPolarity('green', '95%') },
    });
  });

  it('reports a Red that starts below Green but runs up into it', () => {
    const r = parseTolerances('21%+', '90%>', '95%+', null);
    expect(r).toEqual({
      ok: false,
      error: { code: 'toleranceConflict', message: msg.toleranceDirections({ rag: 'amber', source: '90%>' }, { rag: 'red', source: '21%+' }) },
    });
  });

  it('reads a Low measure written as a ladder of + thresholds (Red from 21 up, Amber from 18 up)', () => {
    const t = bands('21+', '18+', '<18', null);
    expect(t.polarity).toBe('low');
    expect(band(t, 'amber')).toMatchObject({ lower: { value: 18, inclusive: true }, upper: { value: 21, inclusive: false } });
    expect(t.warnings).toEqual([]);
  });

  it('rejects Within Limits without a range', () => {
    expect(parseTolerances('', '', '95%', 'withinLimits')).toEqual({
      ok: false,
      error: { code: 'badTolerance', message: msg.withinLimitsNeedsRange('95%') },
    });
  });
});

describe('parseTolerances: gap warnings say which figures are left out', () => {
  it.each([
    ['<65%', '>65% <75%', '75%', 'high', 'No tolerance covers exactly 65%, between Red (<65%) and Amber (>65% <75%): such a figure would get no RAG.'],
    ['21+', '20<', '18<', 'low', 'No tolerance covers figures over 20 and under 21, between Amber (20<) and Red (21+): such a figure would get no RAG.'],
    ['<90%', '>=91% <95%', '>=95%', 'high', 'No tolerance covers figures of at least 90% and under 91%, between Red (<90%) and Amber (>=91% <95%): such a figure would get no RAG.'],
    ['<=89%', '>90% <95%', '>=95%', 'high', 'No tolerance covers figures over 89% and up to 90%, between Red (<=89%) and Amber (>90% <95%): such a figure would get no RAG.'],
    ['1+ above range', '1 above range', '14-20', 'withinLimits', 'No tolerance covers figures under 14, below Green (14-20): such a figure would get no RAG.'],
    ['', '<95%', '>=95% <=98%', 'high', 'No tolerance covers figures over 98%, above Green (>=95% <=98%): such a figure would get no RAG.'],
  ] as const)('%p | %p | %p (%s): %p', (red, amber, green, polarity, message) => {
    const t = bands(red, amber, green, polarity);
    expect(t.warnings.filter((w) => w.kind === 'gap').map((w) => w.message)).toEqual([message]);
  });
});

describe('parseTolerances: conflicts and unreadable text', () => {
  function rag(value: number, red: CellInput, amber: CellInput, green: CellInput, polarity: Polarity | null): ReturnType<typeof evaluateRag> {
    const t = parseTolerances(red, amber, green, polarity);
    if (!t.ok) throw new Error(t.error.message);
    return evaluateRag(value, t.value);
  }

  it('names the overlapping bands and values as a warning, and judges values outside the overlap', () => {
    const t = bands('<90%', '>85% <95%', '95%+', 'high');
    const red = { rag: 'red' as const, source: '<90%' };
    const amber = { rag: 'amber' as const, source: '>85% <95%' };
    expect(t.warnings).toContainEqual({ kind: 'overlap', rag: 'amber', message: msg.toleranceOverlap(red, amber, '85%', '90%') });
    expect(rag(0.8, '<90%', '>85% <95%', '95%+', 'high')).toEqual({ ok: true, value: 'red' });
    expect(rag(0.92, '<90%', '>85% <95%', '95%+', 'high')).toEqual({ ok: true, value: 'amber' });
    expect(rag(0.87, '<90%', '>85% <95%', '95%+', 'high')).toEqual({ ok: false, error: { code: 'toleranceConflict', message: msg.valueInConflict('87%', red, amber) } });
  });

  it('warns of bands touching at a single point and refuses only that point', () => {
    const t = bands('<=90%', '>=90% <95%', '>=95%', 'high');
    const red = { rag: 'red' as const, source: '<=90%' };
    const amber = { rag: 'amber' as const, source: '>=90% <95%' };
    expect(t.warnings).toEqual([{ kind: 'overlap', rag: 'amber', message: msg.toleranceOverlap(red, amber, '90%', '90%') }]);
    expect(rag(0.9, '<=90%', '>=90% <95%', '>=95%', 'high')).toEqual({ ok: false, error: { code: 'toleranceConflict', message: msg.valueInConflict('90%', red, amber) } });
    expect(rag(0.9001, '<=90%', '>=90% <95%', '>=95%', 'high')).toEqual({ ok: true, value: 'amber' });
  });

  it('reports Amber beyond Green, naming the band and its cut points', () => {
    expect(parseTolerances('<90%', '97%>', '95%+', 'high')).toEqual({
      ok: false,
      error: { code: 'toleranceConflict', message: msg.invertedBand({ rag: 'amber', source: '97%>' }, '97%', '95%') },
    });
  });

  it('warns of an empty Amber when Amber and Green start at the same cut, and still judges', () => {
    const t = bands('<90%', '95%>', '95%+', 'high');
    expect(t.warnings[0]).toEqual({ kind: 'emptyBand', rag: 'amber', message: msg.emptyBand({ rag: 'amber', source: '95%>' }, { rag: 'green', source: '95%+' }) });
    expect(t.bands.map((b) => b.rag)).toEqual(['red', 'green']);
    expect(rag(0.97, '<90%', '95%>', '95%+', 'high')).toEqual({ ok: true, value: 'green' });
    expect(rag(0.8, '<90%', '95%>', '95%+', 'high')).toEqual({ ok: true, value: 'red' });
  });

  it.each([
    ['amber', '<90%', 'lots', '95%+', 'lots', 0.92, 0.97],
    ['green', '<90%', '90%>', '95%++', '95%++', 0.92, 0.5],
    ['green', '<90%', '90%>', '>95% <90% <80%', '>95% <90% <80%', 0.97, 0.5],
    ['amber', '<90%', '>96% <92%', '95%+', '>96% <92%', 0.92, 0.97],
    ['red', 'about ninety', '90%>', '95%+', 'about ninety', 0.5, 0.92],
  ] as const)('names the %s cell and its text when it cannot be read, and judges values its band cannot hold', (which, red, amber, green, text, uncertain, certain) => {
    const t = bands(red, amber, green, 'high');
    expect(t.warnings).toContainEqual({ kind: 'unreadable', rag: which, message: msg.badTolerance(which, text) });
    expect(rag(uncertain, red, amber, green, 'high')).toEqual({ ok: false, error: { code: 'badTolerance', message: msg.badTolerance(which, text) } });
    expect(rag(certain, red, amber, green, 'high').ok).toBe(true);
  });

  it('is an error when no cell can be read', () => {
    expect(parseTolerances('lots', 'many', '', 'high')).toEqual({ ok: false, error: { code: 'badTolerance', message: msg.badTolerance('red', 'lots') } });
  });

  it('reads a boolean in a tolerance cell as unreadable', () => {
    const t = bands(true, '90%>', '95%+', 'high');
    expect(t.unreadable.map((u) => u.rag)).toEqual(['red']);
  });

  it('reports a missing % sign beside percentages for values that cell might hold', () => {
    const t = bands('<90%', '90%>', '95', 'high');
    expect(t.unreadable).toEqual([{ rag: 'green', text: '95', code: 'unitMismatch', message: msg.mixedUnits('green', '95', '<90%') }]);
    expect(rag(0.97, '<90%', '90%>', '95', 'high')).toEqual({ ok: false, error: { code: 'unitMismatch', message: msg.mixedUnits('green', '95', '<90%') } });
    expect(rag(0.5, '<90%', '90%>', '95', 'high')).toEqual({ ok: true, value: 'red' });
  });

  it('reads Red and Amber that both run downwards as nested: Red wins below 90%', () => {
    const t = bands('<90%', '<95%', '95%+', null);
    expect(t.polarity).toBe('high');
    expect(band(t, 'amber')).toMatchObject({ lower: { value: 0.9, inclusive: true }, upper: { value: 0.95, inclusive: false } });
  });

  it('reports Red that runs up into Green', () => {
    const r = parseTolerances('21%+', '90%>', '95%+', 'high');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('toleranceConflict');
  });

  it('labels the added red of a lone target as the rest', () => {
    const t = bands(null, null, '95%', 'high');
    expect(bandLabel(band(t, 'red'))).toBe('Red (the rest)');
  });
});

describe('parseTolerances: cache', () => {
  beforeEach(() => resetToleranceCache());

  it('parses a repeated triple once', () => {
    parseTolerances('<90%', '90%>', '95%+', 'high');
    parseTolerances('<90%', '90%>', '95%+', 'high');
    parseTolerances('<90%', '90%>', '95%+', 'high');
    expect(toleranceCacheStats()).toMatchObject({ hits: 2, misses: 1 });
  });

  it('keeps the number 0.95 and the text "0.95" apart, and polarity in the key', () => {
    parseTolerances(null, null, 0.95, 'high');
    parseTolerances(null, null, '0.95', 'high');
    parseTolerances(null, null, 0.95, 'low');
    expect(toleranceCacheStats()).toMatchObject({ hits: 0, misses: 3 });
  });

  it('returns frozen results so a caller cannot corrupt the shared entry', () => {
    const t = bands('<90%', '90%>', '95%+', 'high');
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.bands[0])).toBe(true);
  });
});

describe('parseTolerances: properties', () => {
  // Strings built from the notation's own alphabet reach far more parser paths than random text.
  const piece = fc.constantFrom('<', '>', '<=', '>=', '+', '%', '-', ' ', '90', '95', '13', '10.8', '1,000', '(of 720)', 'above range', 'n/a', '1', '14-20', 'to');
  // Number cells as analysts type them (hundredths); the engine's float epsilon is for artefacts, not for cut points 1e-300 apart.
  const cellNumber = fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100);
  const notation = fc.oneof(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), fc.string(), cellNumber, fc.constant(null), fc.boolean());
  const polarity = fc.constantFrom<Polarity | null>('high', 'low', 'info', 'withinLimits', null);

  it('never throws, and bands it returns are sorted and never overlap', () => {
    fc.assert(
      fc.property(notation, notation, notation, polarity, (red, amber, green, p) => {
        const r = parseTolerances(red, amber, green, p);
        if (!r.ok || r.value.kind === 'none') return true;
        const b = r.value.bands;
        for (let i = 0; i + 1 < b.length; i += 1) {
          const upper = b[i].upper;
          const lower = b[i + 1].lower;
          if (!upper || !lower) return false;
          if (upper.value > lower.value) return false;
          if (upper.value === lower.value && upper.inclusive && lower.inclusive) return false;
        }
        return [...b.flatMap((x) => [x.lower?.value, x.upper?.value])].every((v) => v === undefined || Number.isFinite(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('places every value in exactly one of: a band, a recorded gap, a recorded conflict', () => {
    const inside = (v: number, lower: Bound | null, upper: Bound | null): boolean =>
      (!lower || v > lower.value || (v === lower.value && lower.inclusive)) && (!upper || v < upper.value || (v === upper.value && upper.inclusive));
    fc.assert(
      fc.property(notation, notation, notation, polarity, fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 10000), (red, amber, green, p, raw) => {
        const r = parseTolerances(red, amber, green, p);
        if (!r.ok || r.value.kind === 'none') return true;
        // Probe the cut points themselves as well as arbitrary values.
        const cuts = r.value.bands.flatMap((b) => [b.lower?.value, b.upper?.value]).filter((v): v is number => v !== undefined);
        return [raw, ...cuts].every((v) => {
          const bands = r.value.kind === 'bands' ? r.value.bands.filter((b) => inside(v, b.lower, b.upper)).length : 0;
          const gaps = r.value.kind === 'bands' ? r.value.gaps.filter((g) => inside(v, g.lower, g.upper)).length : 0;
          const conflicts = r.value.kind === 'bands' ? r.value.conflicts.filter((c) => inside(v, c.lower, c.upper)).length : 0;
          const rag = evaluateRag(v, r.value);
          return bands + gaps + conflicts === 1 && rag.ok === (bands === 1);
        });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a range with one % sign reads its plain end once, from its digits', () => {
  function greenRange(text: string): { lower: number; upper: number } {
    const tol = parseTolerances('', '', text, 'withinLimits');
    if (!tol.ok || tol.value.kind !== 'bands') throw new Error(`not read: ${text}`);
    const green = tol.value.bands.filter((b) => b.rag === 'green');
    return { lower: green[0].lower!.value, upper: green[green.length - 1].upper!.value };
  }

  it('keeps every digit typed (no 12-digit print in between)', () => {
    expect(greenRange('90.1234567891234-95%')).toEqual({ lower: 0.901234567891234, upper: 0.95 });
  });

  it('scales a tiny plain end as a percentage too', () => {
    expect(greenRange('0.0000001-5%')).toEqual({ lower: 1e-9, upper: 0.05 });
  });

  it('reads the everyday ranges as before', () => {
    expect(greenRange('90-95%')).toEqual({ lower: 0.9, upper: 0.95 });
    expect(greenRange('14.5 - 20.25%')).toEqual({ lower: 0.145, upper: 0.2025 });
  });
});
