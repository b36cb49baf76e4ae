import fc from 'fast-check';
import { displayed } from '../../src/domain/value';

/** What displayed() computed before its fast path: always through toPrecision(15). */
function reference(value: number, decimals: number | null, percent: boolean): number {
  const shown = percent ? value * 100 : value;
  if (decimals === null) return shown;
  const f = 10 ** Math.min(decimals, 15);
  const scaled = shown * f;
  if (!Number.isFinite(scaled)) return shown;
  return Math.round(Number(scaled.toPrecision(15))) / f;
}

describe('displayed without a string round trip', () => {
  it('agrees with rounding through toPrecision(15) for any figure and precision', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), fc.boolean(), (value, decimals, percent) => {
        expect(Object.is(displayed(value, decimals, percent), reference(value, decimals, percent))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [1.005, 2, false, 1.01],
    [0.8435, 1, true, 84.4],
    [2.675, 2, false, 2.68],
    [-1.005, 2, false, -1],
    [84.25, 1, false, 84.3],
  ])('rounds %p at %p decimals (percent %p) to %p as Excel shows it', (value, decimals, percent, expected) => {
    expect(displayed(value, decimals, percent)).toBe(expected);
  });

  it('agrees on figures with few decimals, where halves are common', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (n, scale, decimals, percent) => {
        const value = n / 10 ** scale;
        expect(Object.is(displayed(value, decimals, percent), reference(value, decimals, percent))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
