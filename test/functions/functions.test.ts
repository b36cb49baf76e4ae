import fc from 'fast-check';
import { DOT_GLYPHS } from '../../src/domain/dot';
import { msg } from '../../src/domain/messages';
import { functions, isFunctionError, type FunctionError } from '../../src/functions';

const { RAG, DOT, ROLLING12, RATEPER10K } = functions;

function error(value: unknown): FunctionError {
  if (!isFunctionError(value)) throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  return value;
}

describe('RAG', () => {
  it('reads a formatted number data type cell by its basic value, should a host send the object', () => {
    const formatted = { type: 'Double', basicValue: 0.851, numberFormat: '0.0%' } as unknown as number;
    expect(RAG(formatted, '<65%', '>65% <75%', '75%', 'High')).toBe('G');
  });

  it.each([
    [0.851, '<65%', '>65% <75%', '75%', 'High', 'G'],
    ['85.1%', '<65%', '>65% <75%', '75%', 'High', 'G'],
    [0.7, '<65%', '>65% <75%', '75%', 'High', 'A'],
    [0.6, '<65%', '>65% <75%', '75%', 'High', 'R'],
    [0.021, null, null, '2.5%', 'Low', 'G'],
    [0.041, null, null, '3.3%', 'Low', 'R'],
    [0.92, '<90%', '90%>', '95%+', 'High', 'A'],
    [0.899, '<90%', '90%>', '95%+', null, 'R'],
    [19.7, '1+ above range', '1 above range', '14-20', 'Within Limits', 'G'],
    [408, '511+', '511<', '487<', 'Low', 'G'],
    ['13.7% (HT1)', null, null, '8.2%', 'Low', 'R'],
    [0.5, 0.3, 0.4, 0.45, 'High', 'G'],
  ])('RAG(%p, %p, %p, %p, %p) is %p', (value, red, amber, green, polarity, expected) => {
    expect(RAG(value, red, amber, green, polarity)).toBe(expected);
  });

  it.each([
    ['TBC Feb 19', '<90%', '90%>', '95%+', 'High'],
    [null, '<90%', '90%>', '95%+', 'High'],
    [1, '<90%', '>90% <95%', '>=95%', 'Info'],
    [0.44, null, null, 'N/A', 'High'],
    [0.44, null, null, null, 'High'],
  ])('returns "" (never null) for %p with %p | %p | %p (%p)', (value, red, amber, green, polarity) => {
    expect(RAG(value, red, amber, green, polarity)).toBe('');
  });

  it('works with the polarity argument omitted', () => {
    expect(RAG(0.96, '<90%', '90%>', '95%+')).toBe('G');
  });

  it.each([
    [0.5, 'lots', '90%>', '95%+', 'High', '#VALUE!', msg.badTolerance('red', 'lots')],
    [0.5, '<90%', '90%>', '95%+', 'Sideways', '#VALUE!', msg.badPolarity('Sideways')],
    [20.5, '21+', '20<', '18<', 'Low', '#N/A', msg.valueInGap('20.5', { rag: 'amber', source: '20<' }, { rag: 'red', source: '21+' })],
    [true, '<90%', '90%>', '95%+', 'High', '#VALUE!', msg.badValue('TRUE')],
    ['90.2', null, null, '98%', 'High', '#VALUE!', msg.unitMismatch('90.2', '98%')],
  ])('returns an Excel error with the message for RAG(%p, %p, %p, %p, %p)', (value, red, amber, green, polarity, code, message) => {
    expect(error(RAG(value, red, amber, green, polarity))).toEqual({ code, message });
  });

  it('asks for a polarity when the target is alone', () => {
    expect(error(RAG(0.5, null, null, '95%', null))).toEqual({ code: '#VALUE!', message: msg.toleranceNeedsPolarity('green', '95%') });
  });
});

describe('DOT', () => {
  it.each([
    [0.851, 0.889, 'High', 'G', undefined, DOT_GLYPHS.declineWithinLimits],
    [0.851, 0.889, 'High', 'R', undefined, DOT_GLYPHS.declineNotOnTarget],
    [0.851, 0.889, 'High', null, undefined, DOT_GLYPHS.declineNotOnTarget],
    [106.9, 108.0, 'Low', null, undefined, DOT_GLYPHS.improvement],
    [822, 794, 'Info', null, undefined, DOT_GLYPHS.increase],
    [822, 794, null, null, undefined, DOT_GLYPHS.increase],
    [40, 40, 'Info', null, undefined, DOT_GLYPHS.stable],
    [106.9, 108.0, 'Low', null, 'numeric', DOT_GLYPHS.decrease],
    [19.7, 18.1, 'Within Limits', 'G', undefined, DOT_GLYPHS.increase],
    ['85.1%', '88.9%', 'High', 'G', 'Performance', DOT_GLYPHS.declineWithinLimits],
  ])('DOT(%p, %p, %p, %p, %p) is %p', (current, previous, polarity, status, convention, glyph) => {
    expect(DOT(current, previous, polarity, status, convention)).toBe(glyph);
  });

  it.each([
    [23, 21, DOT_GLYPHS.declineNotOnTarget, 'R'],
    [21, 23, DOT_GLYPHS.improvement, 'A'],
    [19.7, 18.1, DOT_GLYPHS.increase, 'G'],
  ])('reads a Within Limits range: DOT(%p, %p, "Within Limits", status, , "14-20") is %p', (current, previous, glyph, status) => {
    expect(DOT(current, previous, 'Within Limits', status, null, '14-20')).toBe(glyph);
  });

  it('shows the numbers for Within Limits without a range', () => {
    expect(DOT(23, 21, 'Within Limits', 'R')).toBe(DOT_GLYPHS.increase);
  });

  it.each([
    [19.7, 18.1, 'Within limits (lower is better)', 'G', '14-20', DOT_GLYPHS.declineWithinLimits],
    [14.8, 15.8, 'Within limits (lower is better)', 'G', '14-20', DOT_GLYPHS.improvement],
    [19.7, 18.1, 'WITHIN LIMITS [higher is better]', 'G', '14-20', DOT_GLYPHS.improvement],
    [12, 15, 'Within limits (lower is better)', 'R', '14-20', DOT_GLYPHS.declineNotOnTarget],
    [23, 21, 'Within limits (lower is better)', 'R', null, DOT_GLYPHS.declineNotOnTarget],
    [21, 23, 'Within limits (lower is better)', 'A', null, DOT_GLYPHS.improvement],
  ])('draws DOT(%p, %p, %p, %p, , %p) by the bracketed direction: %p', (current, previous, polarity, status, range, glyph) => {
    expect(DOT(current, previous, polarity, status, range === null ? null : 'performance', range)).toBe(glyph);
  });

  it.each([
    ['about 15', msg.badTolerance('green', 'about 15')],
    ['95%', msg.withinLimitsNeedsRange('95%')],
  ])('rejects the range %p with a message', (range, message) => {
    expect(error(DOT(23, 21, 'Within Limits', 'R', null, range))).toEqual({ code: '#VALUE!', message });
  });

  it.each([
    ['Data to be reported January', 26],
    [11, 'No audits undertaken'],
    [null, 5],
    [5, ''],
  ])('returns "" when a month is missing: DOT(%p, %p)', (current, previous) => {
    expect(DOT(current, previous, 'Info')).toBe('');
  });

  it.each([
    [1, 2, 'Sideways', null, null, msg.badPolarity('Sideways')],
    [1, 2, 'High', 'YTD', null, msg.badStatus('YTD')],
    [1, 2, 'High', null, 'arrows', msg.badConvention('arrows')],
  ])('rejects a bad argument: DOT(%p, %p, %p, %p, %p)', (current, previous, polarity, status, convention, message) => {
    expect(error(DOT(current, previous, polarity, status, convention))).toEqual({ code: '#VALUE!', message });
  });
});

describe('ROLLING12', () => {
  const row = [[5, 7, 6, 8, 9, 4, 6, 7, 5, 8, 6, 7, null, null]];

  it('sums the latest 12 months of a row', () => {
    expect(ROLLING12(row)).toBe(78);
  });

  it('sums a column the same way', () => {
    expect(ROLLING12(row[0].map((v) => [v]))).toBe(78);
  });

  it('divides by the denominators over the same months', () => {
    const dens = [[10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]];
    expect(ROLLING12(row, dens)).toBeCloseTo(78 / 120, 12);
  });

  it.each([
    [[[1, 2, 3]], '#N/A', msg.notEnoughMonths(3)],
    [[[1, 2, 3, 'TBC', 5, 6, 7, 8, 9, 10, 11, 12]], '#N/A', msg.gapInWindow(4, 'TBC')],
    [
      [
        [1, 2],
        [3, 4],
      ],
      '#VALUE!',
      msg.notALine(2, 2),
    ],
  ])('returns an Excel error for ROLLING12(%j)', (values, code, message) => {
    expect(error(ROLLING12(values))).toEqual({ code, message });
  });

  it('returns #DIV/0! when the denominators add up to 0', () => {
    expect(error(ROLLING12([[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]], [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]])).code).toBe('#DIV/0!');
  });

  it('accepts a single value as a one-cell range', () => {
    expect(error(ROLLING12(5 as unknown as number[][])).message).toBe(msg.notEnoughMonths(1));
  });
});

describe('RATEPER10K', () => {
  it('gives 609 of 56,970 as 106.9 per 10,000', () => {
    const r = RATEPER10K([[609]], 56970);
    expect(r[0][0]).toBeCloseTo(106.9, 1);
  });

  it('gives a range of rates for a range of counts, blank for a missing count', () => {
    const r = RATEPER10K([[622], [615], ['TBC'], [609]], 56970);
    expect(r).toHaveLength(4);
    expect(r[0][0]).toBeCloseTo(109.18, 2);
    expect(r[2][0]).toBe('');
    expect(r[3][0]).toBeCloseTo(106.9, 1);
  });

  it('returns #DIV/0! for a zero population, never Infinity', () => {
    expect(error(RATEPER10K([[609]], 0)[0][0])).toEqual({ code: '#DIV/0!', message: msg.zeroPopulation() });
  });

  it('marks an unreadable count in its own cell only', () => {
    const r = RATEPER10K([[609, true]], 56970);
    expect(typeof r[0][0]).toBe('number');
    expect(error(r[0][1])).toEqual({ code: '#VALUE!', message: msg.badValue('TRUE') });
  });
});

describe('no input crashes a function or yields NaN/Infinity', () => {
  const cell = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.string(),
    fc.constantFrom('<90%', '90%>', '95%+', '13%+', '13%<', '1 above range', '14-20', 'n/a', 'TBC', 'High', 'Low', 'R', 'A', 'G', 'numeric'),
  );
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 3 });

  function sane(v: unknown): boolean {
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v === 'string') return true;
    if (Array.isArray(v)) return v.every((row) => Array.isArray(row) && row.every(sane));
    return isFunctionError(v);
  }

  it('RAG', () => {
    fc.assert(fc.property(cell, cell, cell, cell, cell, (a, b, c, d, e) => sane(RAG(a, b, c, d, e))));
  });

  it('DOT', () => {
    fc.assert(fc.property(cell, cell, cell, cell, cell, (a, b, c, d, e) => sane(DOT(a, b, c, d, e))));
  });

  it('ROLLING12', () => {
    fc.assert(fc.property(grid, fc.option(grid, { nil: undefined }), (v, d) => sane(ROLLING12(v, d))));
  });

  it('RATEPER10K', () => {
    fc.assert(fc.property(grid, cell, (c, p) => sane(RATEPER10K(c, p))));
  });
});

describe('errors in arguments', () => {
  const div0 = { code: '#DIV/0!' as const, message: 'from another cell' };

  it('passes an error value through RAG and DOT unchanged, never as a blank', () => {
    expect(RAG(div0 as never, '<90%', '90%>', '95%+', 'High')).toBe(div0);
    expect(RAG(0.5, div0 as never, '90%>', '95%+', 'High')).toBe(div0);
    expect(DOT(1, div0 as never, 'High')).toBe(div0);
  });

  it('passes an error inside a range through ROLLING12', () => {
    expect(ROLLING12([[1, 2, div0 as never, 4]])).toBe(div0);
  });

  it('keeps an error in a count in its own cell of RATEPER10K', () => {
    const r = RATEPER10K([[609], [div0 as never]], 56970);
    expect(typeof r[0][0]).toBe('number');
    expect(r[1][0]).toBe(div0);
  });

  it('returns an error population as the whole answer of RATEPER10K', () => {
    expect(RATEPER10K([[609]], div0 as never)).toEqual([[div0]]);
  });
});

describe('fuzz regressions', () => {
  it('ROLLING12 over a whole column (1,048,576 cells) sums the last 12 months without overflowing the stack', () => {
    const column: Array<Array<number | null>> = Array.from({ length: 1_048_576 }, (_, i) => [i < 12 ? i + 1 : null]);
    expect(ROLLING12(column)).toBe(78);
  });

  it('ROLLING12 finds an error at the very end of a whole column', () => {
    const div0 = { code: '#DIV/0!' as const, message: 'from another cell' };
    const column: unknown[][] = Array.from({ length: 1_048_576 }, () => [1]);
    column[column.length - 1] = [div0];
    expect(ROLLING12(column as never)).toBe(div0);
  });

  it('ROLLING12 with denominators so small that the ratio overflows gives #NUM!, never Infinity', () => {
    const ones = [Array.from({ length: 12 }, () => 1)];
    const tiny = [Array.from({ length: 12 }, () => 1e-320)];
    expect(error(ROLLING12(ones, tiny))).toEqual({ code: '#NUM!', message: msg.ratioOutOfRange() });
  });

  it('ROLLING12 of tiny numerators over tiny denominators is a finite ratio', () => {
    const tiny = [Array.from({ length: 12 }, () => 1e-320)];
    const r = ROLLING12(tiny, tiny);
    expect(typeof r).toBe('number');
    expect(r as number).toBeCloseTo(1, 6);
  });

  it('ROLLING12 of sums beyond the largest double gives #NUM!', () => {
    expect(error(ROLLING12([Array.from({ length: 12 }, () => 1e308)])).code).toBe('#NUM!');
  });

  it.each([
    ['0.' + '1'.repeat(400)],
    ['0.' + '3'.repeat(17) + '%'],
    ['123456789.123456789123'],
    [1e300],
    [5e-324],
    ['-0'],
  ])('DOT(t, t) is stable for t = %p', (t) => {
    expect(DOT(t, t, 'High')).toBe('→');
  });

  it('DOT(t, t) is stable (or an error, or blank) for any equal pair', () => {
    const text = fc.oneof(fc.double({ noNaN: true }), fc.stringMatching(/^-?\d{1,40}(\.\d{1,60})?%?$/));
    fc.assert(
      fc.property(text, fc.constantFrom('High', 'Low', 'Info'), (t, p) => {
        const r = DOT(t, t, p);
        return r === '→' || r === '' || isFunctionError(r);
      }),
      { numRuns: 500 },
    );
  });
});
