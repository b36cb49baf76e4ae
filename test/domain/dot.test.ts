import fc from 'fast-check';
import { DOT_GLYPHS, evaluateDot, parseConvention, type DotInput } from '../../src/domain/dot';
import { msg } from '../../src/domain/messages';
import { parseTolerances, targetRange } from '../../src/domain/tolerance';
import type { DotState, Polarity, Rag } from '../../src/domain/types';
import { parseValue } from '../../src/domain/value';

const base: Omit<DotInput, 'current' | 'previous'> = {
  polarity: 'high',
  status: null,
  convention: 'performance',
  decimals: null,
};

function state(input: Partial<DotInput> & Pick<DotInput, 'current' | 'previous'>): DotState | null | string {
  const r = evaluateDot({ ...base, ...input });
  if (!r.ok) return r.error.code;
  return r.value.state;
}

describe('evaluateDot: performance convention', () => {
  it.each([
    // current, previous, polarity, status, expected
    [0.851, 0.889, 'high', 'green', 'declineWithinLimits'],
    [0.851, 0.889, 'high', 'amber', 'declineWithinLimits'],
    [0.851, 0.889, 'high', 'red', 'declineNotOnTarget'],
    [0.851, 0.889, 'high', null, 'declineNotOnTarget'],
    [0.889, 0.851, 'high', 'red', 'improvement'],
    [106.9, 108.0, 'low', 'red', 'improvement'],
    [0.041, 0.04, 'low', 'red', 'declineNotOnTarget'],
    [0.021, 0.025, 'low', 'green', 'improvement'],
    [822, 794, 'info', null, 'increase'],
    [218, 239, 'info', null, 'decrease'],
    [40, 40, 'info', null, 'stable'],
    [40, 40, 'high', 'red', 'stable'],
    [5, 4, null, null, 'increase'],
  ] as const)('%p after %p (%s, status %s) is %s', (current, previous, polarity, status, expected) => {
    expect(state({ current, previous, polarity: polarity as Polarity | null, status: status as Rag | null })).toBe(expected);
  });

  it('gives each state its glyph, tone and label', () => {
    const r = evaluateDot({ ...base, current: 0.851, previous: 0.889, status: 'green' });
    expect(r).toEqual({
      ok: true,
      value: { state: 'declineWithinLimits', glyph: DOT_GLYPHS.declineWithinLimits, tone: 'warning', label: msg.dotLabels.declineWithinLimits },
    });
    const bad = evaluateDot({ ...base, current: 0.851, previous: 0.889, status: 'red' });
    expect(bad.ok && bad.value.state !== null && bad.value.tone).toBe('bad');
  });

  it('never shows the two declines with the same arrow', () => {
    expect(DOT_GLYPHS.declineWithinLimits).not.toBe(DOT_GLYPHS.declineNotOnTarget);
    expect(new Set([DOT_GLYPHS.improvement, DOT_GLYPHS.stable, DOT_GLYPHS.declineWithinLimits, DOT_GLYPHS.declineNotOnTarget]).size).toBe(4);
  });

  it('tones Info arrows neutral', () => {
    const r = evaluateDot({ ...base, polarity: 'info', current: 2, previous: 1 });
    expect(r.ok && r.value.state !== null && r.value.tone).toBe('neutral');
  });
});

describe('evaluateDot: Within Limits', () => {
  const t = parseTolerances('1+ above range', '1 above range', '14-20', 'withinLimits');
  const range = t.ok ? targetRange(t.value) : null;

  it('reads the range from the tolerances', () => {
    expect(range).toEqual({ lower: 14, upper: 20 });
  });

  it.each([
    [19.7, 18.1, 'increase'], // seed 11.5 teams 1-3: both inside 14-20
    [14.8, 15.8, 'decrease'], // seed 11.5 teams 4-5
    [21, 23, 'improvement'], // closer to the range from above
    [15, 12, 'improvement'], // into the range from below
    [23, 21, 'declineNotOnTarget'],
    [12, 15, 'declineNotOnTarget'],
  ])('%p after %p is %s', (current, previous, expected) => {
    expect(state({ current, previous, polarity: 'withinLimits', range })).toBe(expected);
  });

  it('shows the numbers when no range is known', () => {
    expect(state({ current: 23, previous: 21, polarity: 'withinLimits' })).toBe('increase');
  });

  // `Within limits (lower is better)`: the bracket says which way is better inside the range.
  it.each([
    [19.7, 18.1, 'low', 'green', 'declineWithinLimits'], // rose inside 14-20, lower is better
    [14.8, 15.8, 'low', 'green', 'improvement'],
    [19.7, 18.1, 'high', 'green', 'improvement'],
    [14.8, 15.8, 'high', 'amber', 'declineWithinLimits'],
    [14.8, 15.8, 'high', null, 'declineNotOnTarget'],
    [12, 15, 'low', 'red', 'declineNotOnTarget'], // fell out of the range: nearer the range still comes first
    [21, 23, 'high', 'amber', 'improvement'], // back towards the range from above, though it fell
    [22, 12, 'low', 'red', 'declineNotOnTarget'], // as far out on the other side: the bracket decides
    [12, 22, 'low', 'red', 'improvement'],
  ] as const)('%p after %p leaning %s (status %s) is %s', (current, previous, lean, status, expected) => {
    expect(state({ current, previous, polarity: 'withinLimits', range, lean, status })).toBe(expected);
  });

  it('lets the bracket decide when no range is known', () => {
    expect(state({ current: 23, previous: 21, polarity: 'withinLimits', lean: 'low', status: 'red' })).toBe('declineNotOnTarget');
    expect(state({ current: 21, previous: 23, polarity: 'withinLimits', lean: 'low' })).toBe('improvement');
  });

  it('is stable for an equal pair whatever the bracket says', () => {
    expect(state({ current: 18.1, previous: 18.1, polarity: 'withinLimits', range, lean: 'low' })).toBe('stable');
  });

  it('tones the numeric arrow by the bracket inside the range', () => {
    const r = evaluateDot({ ...base, convention: 'numeric', polarity: 'withinLimits', range, lean: 'low', current: 19.7, previous: 18.1 });
    expect(r.ok && r.value.state !== null && [r.value.state, r.value.tone]).toEqual(['increase', 'bad']);
  });

  it.each(['high', 'low', 'info'] as const)('ignores a bracket on a %s measure', (polarity) => {
    expect(state({ current: 2, previous: 1, polarity, lean: 'low' })).toBe(state({ current: 2, previous: 1, polarity }));
  });
});

describe('evaluateDot: numeric convention', () => {
  it.each([
    [2, 1, 'high', 'increase', 'good'],
    [1, 2, 'high', 'decrease', 'bad'],
    [106.9, 108.0, 'low', 'decrease', 'good'],
    [2, 1, 'low', 'increase', 'bad'],
    [2, 1, 'info', 'increase', 'neutral'],
    [1, 1, 'high', 'stable', 'neutral'],
  ] as const)('%p after %p (%s) is %s, %s', (current, previous, polarity, expected, tone) => {
    const r = evaluateDot({ ...base, convention: 'numeric', polarity, current, previous });
    expect(r.ok && r.value.state).toBe(expected);
    expect(r.ok && r.value.state !== null && r.value.tone).toBe(tone);
  });
});

describe('evaluateDot: precision and missing values', () => {
  it('treats 84.30% and 84.3% as stable', () => {
    expect(state({ current: parseValue('84.30%'), previous: parseValue('84.3%') })).toBe('stable');
  });

  it('treats 84.34% after 84.3% as a change', () => {
    expect(state({ current: parseValue('84.34%'), previous: parseValue('84.3%') })).toBe('improvement');
  });

  it.each([
    [0.8434, 0.843, 1, 'stable'],
    [0.8434, 0.843, 2, 'improvement'],
    [0.8434, 0.843, null, 'stable'], // null: the format's one decimal decides
  ])('with decimals, %p after %p at %p decimals is %s', (current, previous, decimals, expected) => {
    expect(state({ current: parseValue(current, { numberFormat: '0.0%' }), previous: parseValue(previous, { numberFormat: '0.0%' }), decimals })).toBe(
      expected,
    );
  });

  it('compares numbers exactly (with a float epsilon) when the precision is unknown', () => {
    expect(state({ current: 0.1 + 0.2, previous: 0.3 })).toBe('stable');
  });

  it.each([
    ['Data to be reported January', 26, msg.dotMissing('current', 'Data to be reported January')],
    [11, 'No audits undertaken', msg.dotMissing('previous', 'No audits undertaken')],
    [null, 5, msg.dotMissing('current', '')],
  ])('gives no arrow and a visible reason for %p after %p', (current, previous, reason) => {
    expect(evaluateDot({ ...base, current: parseValue(current), previous: parseValue(previous) })).toEqual({ ok: true, value: { state: null, reason } });
  });

  it('rejects a boolean value', () => {
    expect(evaluateDot({ ...base, current: parseValue(true), previous: 1 })).toEqual({ ok: false, error: { code: 'badValue', message: msg.badValue('TRUE') } });
  });

  it('never throws and never answers a state without a glyph', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.constant(NaN)),
        fc.double(),
        fc.constantFrom<Polarity | null>('high', 'low', 'info', 'withinLimits', null),
        fc.constantFrom<Rag | null>('red', 'amber', 'green', null),
        fc.constantFrom('performance' as const, 'numeric' as const),
        (current, previous, polarity, status, convention) => {
          const r = evaluateDot({ current, previous, polarity, status, convention, decimals: null });
          if (!Number.isFinite(current) || !Number.isFinite(previous)) return !r.ok;
          return r.ok && r.value.state !== null && r.value.glyph === DOT_GLYPHS[r.value.state];
        },
      ),
    );
  });
});

describe('parseConvention', () => {
  it.each([
    [null, 'performance'],
    ['', 'performance'],
    ['Performance', 'performance'],
    [' numeric ', 'numeric'],
  ])('reads %p as %p', (input, expected) => {
    expect(parseConvention(input)).toEqual({ ok: true, value: expected });
  });

  it('rejects anything else with a message', () => {
    expect(parseConvention('arrows')).toEqual({ ok: false, error: { code: 'badArgument', message: msg.badConvention('arrows') } });
  });
});
