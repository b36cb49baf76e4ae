import fc from 'fast-check';
import { comparePrecision, displayed, equalAtDisplay, formatShape, parseValue } from '../../src/domain/value';

describe('parseValue', () => {
  it.each([
    ['84.3%', 0.843, true, 1, null],
    ['85.80%', 0.858, true, 2, null],
    ['13.7% (HT1)', 0.137, true, 1, '(HT1)'],
    ['159 (Jan19 - Dec19)', 159, false, 0, '(Jan19 - Dec19)'],
    ['1,384', 1384, false, 0, null],
    ['0.16 (Oct19 - Sep20)', 0.16, false, 2, '(Oct19 - Sep20)'],
    ['90.2', 90.2, false, 1, null],
    ['-3.5', -3.5, false, 1, null],
    ['\u22123.5', -3.5, false, 1, null],
    ['  101.0%  ', 1.01, true, 1, null],
    ['.5', 0.5, false, 1, null],
    ['10.3% (Autumn/Spring 15/16)', 0.103, true, 1, '(Autumn/Spring 15/16)'],
  ])('reads the text %p as a number', (text, value, percent, decimals, annotation) => {
    const parsed = parseValue(text);
    expect(parsed.kind).toBe('number');
    if (parsed.kind !== 'number') return;
    expect(parsed.value).toBeCloseTo(value, 12);
    expect(parsed.percent).toBe(percent);
    expect(parsed.decimals).toBe(decimals);
    expect(parsed.annotation).toBe(annotation);
  });

  it('parses percent text exactly, without a float artefact', () => {
    const parsed = parseValue('84.3%');
    expect(parsed.kind === 'number' && parsed.value).toBe(0.843);
  });

  it.each(['TBC Feb 19', 'Data to be reported January', 'No audits undertaken', 'Annual Measure', '-', 'n/a', 'N/A', 'TBC'])(
    'returns missing for the placeholder %p, never 0',
    (text) => {
      expect(parseValue(text)).toEqual({ kind: 'missing', reason: 'placeholder', text });
    },
  );

  it.each([null, undefined, '', '   '])('returns missing (blank) for %p', (input) => {
    expect(parseValue(input)).toEqual({ kind: 'missing', reason: 'blank', text: '' });
  });

  it.each([
    [true, 'TRUE'],
    [false, 'FALSE'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    ['12abc', '12abc'],
    ['2019/20', '2019/20'],
  ])('returns invalid for %p', (input, text) => {
    expect(parseValue(input)).toEqual({ kind: 'invalid', text });
  });

  it('takes percent and decimals from the number format', () => {
    expect(parseValue(0.843, { numberFormat: '0.0%' })).toEqual({
      kind: 'number',
      value: 0.843,
      percent: true,
      decimals: 1,
      annotation: null,
    });
  });

  it('takes percent and decimals from the displayed text when the format is General', () => {
    const parsed = parseValue(0.8580000001, { numberFormat: 'General', text: '85.80%' });
    expect(parsed).toMatchObject({ kind: 'number', percent: true, decimals: 2 });
  });

  it('ignores displayed text that does not match the value', () => {
    const parsed = parseValue(0.5, { text: '84.3%' });
    expect(parsed).toMatchObject({ kind: 'number', value: 0.5, percent: false, decimals: null });
  });

  it('reads each cell by its own format and value, whatever was read before (readings are shared)', () => {
    const cells: Array<[number, string, boolean, number | null]> = [
      [0.843, '0.0%', true, 1],
      [0.843, '0.00%', true, 2],
      [0.843, '0.0', false, 1],
      [0.843, 'General', false, null],
      [0.843, '0.0%', true, 1],
      [0, '0.0', false, 1],
      [-0, '0.0', false, 1],
    ];
    for (const [value, numberFormat, percent, decimals] of cells) {
      const parsed = parseValue(value, { numberFormat });
      expect(parsed).toEqual({ kind: 'number', value, percent, decimals, annotation: null });
      // 0 and -0 are one key to a Map: the -0 cell must not read back as the 0 cell.
      expect(parsed.kind === 'number' && Object.is(parsed.value, value)).toBe(true);
    }
    expect(parseValue(0.843, { numberFormat: '0.0%' })).toBe(parseValue(0.843, { numberFormat: '0.0%' }));
  });

  it('keeps a plain number with unknown precision when there is no hint', () => {
    expect(parseValue(609)).toEqual({ kind: 'number', value: 609, percent: false, decimals: null, annotation: null });
  });
});

describe('formatShape', () => {
  it.each([
    ['0.0%', true, 1],
    ['0.00%', true, 2],
    ['0%', true, 0],
    ['#,##0', false, 0],
    ['#,##0.00;[Red]-#,##0.00', false, 2],
    ['General', false, null],
    ['"%"0.0', false, 1],
    ['mmm-yy', false, null],
  ])('reads %p', (format, percent, decimals) => {
    expect(formatShape(format)).toEqual({ percent, decimals });
  });
});

describe('display precision', () => {
  it('treats 84.30% and 84.3% as the same figure', () => {
    const a = parseValue('84.30%');
    const b = parseValue('84.3%');
    const decimals = comparePrecision(a, b);
    expect(decimals).toBe(2);
    expect(a.kind === 'number' && b.kind === 'number' && equalAtDisplay(a.value, b.value, decimals, true)).toBe(true);
  });

  it('tells 84.34% from 84.3% at two decimals', () => {
    expect(equalAtDisplay(0.8434, 0.843, 2, true)).toBe(false);
  });

  it('rounds as displayed, without float artefacts', () => {
    expect(displayed(1.005, 2, false)).toBeCloseTo(1.01, 10);
    expect(displayed(0.843, 1, true)).toBeCloseTo(84.3, 10);
  });

  it('compares exactly (up to float epsilon) when the precision is unknown', () => {
    expect(equalAtDisplay(0.1 + 0.2, 0.3, null, false)).toBe(true);
    expect(equalAtDisplay(0.843, 0.8431, null, false)).toBe(false);
  });

  it('returns null precision when neither value knows it', () => {
    expect(comparePrecision(parseValue(1), parseValue(2))).toBeNull();
  });
});

describe('parseValue: properties', () => {
  it('never throws and never yields a non-finite number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), (input) => {
        const v = parseValue(input);
        return v.kind !== 'number' || Number.isFinite(v.value);
      }),
    );
  });

  it('reads any finite number typed as text back to the same number', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const v = parseValue(String(n).includes('e') ? n.toFixed(6) : String(n));
        return v.kind === 'number' && Math.abs(v.value - n) <= 1e-6 * Math.max(1, Math.abs(n));
      }),
    );
  });
});

describe('parseValue: plain figures read on the fast path', () => {
  // A leading space sends the same figure through the general reader (it trims first), so
  // the two readings can be compared for every plain figure a sheet holds.
  const digits = (min: number, max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
  const plain = fc
    .tuple(fc.constantFrom('', '-', '+'), digits(0, 9), fc.option(digits(1, 8), { nil: undefined }), fc.constantFrom('', '%'))
    .map(([sign, int, frac, pc]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}${pc}`);

  it('reads every plain figure exactly as the general reader does', () => {
    fc.assert(
      fc.property(plain, (text) => {
        expect(parseValue(text)).toEqual(parseValue(` ${text}`));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['84.3%', 0.843, true, 1],
    ['0.1', 0.1, false, 1],
    ['-0', 0, false, 0],
    ['-0.0%', 0, true, 1],
    ['+12', 12, false, 0],
    ['007', 7, false, 0],
    ['.5', 0.5, false, 1],
    ['99.99%', 0.9999, true, 2],
    ['123456789012345', 123456789012345, false, 0],
    ['1234567890123456', 1234567890123456, false, 0],
  ])('reads %p as %p', (text, value, percent, decimals) => {
    const v = parseValue(text);
    expect(v).toEqual({ kind: 'number', value, percent, decimals, annotation: null });
    expect(Object.is(v.kind === 'number' && v.value, -0)).toBe(false);
  });

  it.each(['5.', '-', '+', '%', '.', '1.2.3', '5%%', '12abc', '2019/20'])('leaves %p to the general reader, which does not call it a number', (text) => {
    expect(parseValue(text).kind).not.toBe('number');
  });
});
