import fc from 'fast-check';
import { msg } from '../../src/domain/messages';
import { rolling12 } from '../../src/domain/rolling';
import type { CellInput } from '../../src/domain/types';
import { parseValue } from '../../src/domain/value';

// Early help contacts 1.1, Apr-20..Dec-20, and the months before (made up for the window).
const months: number[] = [301, 288, 276, 240, 293, 282, 312, 231, 273, 325, 353, 311];

describe('rolling12', () => {
  it('sums the latest 12 months', () => {
    const r = rolling12(months);
    expect(r.ok && r.value).toBe(months.reduce((a, b) => a + b, 0));
  });

  it('uses only the latest 12 of a longer row', () => {
    const r = rolling12([999, 888, ...months]);
    expect(r.ok && r.value).toBe(months.reduce((a, b) => a + b, 0));
  });

  it('drops blank future months at the end of the row', () => {
    const r = rolling12([...months, null, '', undefined]);
    expect(r.ok && r.value).toBe(months.reduce((a, b) => a + b, 0));
  });

  it('accepts parsed values and percent text', () => {
    const r = rolling12(months.map((m) => parseValue(String(m))));
    expect(r.ok && r.value).toBe(months.reduce((a, b) => a + b, 0));
  });

  it.each([
    [5, null, ''],
    [9, 'TBC Feb 19', 'TBC Feb 19'],
    [12, 'Data to be reported January', 'Data to be reported January'],
  ])('reports a gap at item %p (%p) inside the window, never a smaller sum', (position, hole, text) => {
    const row: CellInput[] = [...months];
    row[position - 1] = hole;
    expect(rolling12(row)).toEqual({ ok: false, error: { code: 'gapInWindow', message: msg.gapInWindow(position, text) } });
  });

  it.each([0, 1, 11])('needs 12 months: %p is not enough', (n) => {
    expect(rolling12([...months.slice(0, n), null])).toEqual({ ok: false, error: { code: 'notEnoughMonths', message: msg.notEnoughMonths(n) } });
  });

  it('ignores gaps older than the window', () => {
    const r = rolling12(['TBC', null, ...months]);
    expect(r.ok).toBe(true);
  });

  it('names an unreadable item', () => {
    const row: CellInput[] = [...months];
    row[2] = true;
    expect(rolling12(row)).toEqual({ ok: false, error: { code: 'badValue', message: msg.badItem('Rolling 12 months', 3, 'TRUE') } });
  });

  describe('with denominators', () => {
    const num = [12, 10, 11, 9, 13, 12, 10, 11, 12, 14, 13, 11];
    const den = [100, 95, 99, 98, 101, 97, 96, 100, 102, 99, 98, 97];

    it('divides the two sums over the same 12 positions', () => {
      const r = rolling12([...num, null], [...den, 120]);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toBeCloseTo(num.reduce((a, b) => a + b, 0) / den.reduce((a, b) => a + b, 0), 12);
    });

    it('rejects ranges of different length', () => {
      expect(rolling12(num, den.slice(1))).toEqual({ ok: false, error: { code: 'badArgument', message: msg.rangeLengths(12, 11) } });
    });

    it('reports a divide by zero when the denominators add up to 0', () => {
      expect(rolling12(num, den.map(() => 0))).toEqual({ ok: false, error: { code: 'divideByZero', message: msg.zeroDenominator() } });
    });

    it('reports a gap in the denominators', () => {
      const d: CellInput[] = [...den];
      d[3] = 'n/a';
      expect(rolling12(num, d)).toEqual({ ok: false, error: { code: 'gapInWindow', message: msg.gapInWindow(4, 'n/a') } });
    });
  });

  it('never throws and never yields NaN or Infinity', () => {
    const cell = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), fc.option(fc.array(cell, { maxLength: 20 }), { nil: undefined }), (vals, dens) => {
        const r = rolling12(vals, dens);
        return !r.ok || Number.isFinite(r.value);
      }),
    );
  });
});

describe('rolling12 inputs', () => {
  it('does not mutate the ranges it is given', () => {
    const values: CellInput[] = [...months, null];
    const dens: CellInput[] = [...months.map(() => 10), null];
    const before = [JSON.stringify(values), JSON.stringify(dens)];
    rolling12(values, dens);
    expect([JSON.stringify(values), JSON.stringify(dens)]).toEqual(before);
  });
});
