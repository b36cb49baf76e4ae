import fc from 'fast-check';
import { msg } from '../../src/domain/messages';
import { ratePer } from '../../src/domain/rate';
import { parseValue } from '../../src/domain/value';

describe('ratePer', () => {
  it('gives 609 looked-after children of 56,970 as about 106.9 per 10,000 (seed 6.2)', () => {
    const r = ratePer(609, 56970);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(106.9, 1);
  });

  it.each([
    [16, 10000, 100, 0.16],
    [159, 100000, 100000, 159],
    [1, 4, 10000, 2500],
  ])('gives %p of %p per %p as %p', (count, population, per, expected) => {
    const r = ratePer(count, population, per);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(expected, 10);
  });

  it('reads counts written as text with separators', () => {
    const r = ratePer('1,384', '56,970');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo((1384 / 56970) * 10000, 10);
  });

  it.each([null, '', 'TBC Feb 19', '-'])('returns null (a blank answer, never 0) for the missing count %p', (count) => {
    expect(ratePer(count, 56970)).toEqual({ ok: true, value: null });
  });

  it('reports a zero population as a division by zero', () => {
    expect(ratePer(609, 0)).toEqual({ ok: false, error: { code: 'divideByZero', message: msg.zeroPopulation() } });
  });

  it.each([
    [-5, 'badArgument', msg.badPopulation('-5')],
    [null, 'missingValue', msg.missingValue('The population', '')],
    ['TBC', 'missingValue', msg.missingValue('The population', 'TBC')],
    [true, 'badArgument', msg.badPopulation('TRUE')],
  ])('rejects the population %p', (population, code, message) => {
    expect(ratePer(609, population)).toEqual({ ok: false, error: { code, message } });
  });

  it('rejects a non-positive per', () => {
    expect(ratePer(609, 56970, 0)).toEqual({ ok: false, error: { code: 'badArgument', message: msg.badPer(0) } });
  });

  it('rejects an unreadable count', () => {
    expect(ratePer(parseValue(false), 56970)).toEqual({ ok: false, error: { code: 'badValue', message: msg.badValue('FALSE') } });
  });

  it('never throws and never yields NaN or Infinity', () => {
    const cell = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(cell, cell, fc.double(), (c, p, per) => {
        const r = ratePer(c, p, per);
        return !r.ok || r.value === null || Number.isFinite(r.value);
      }),
    );
  });
});
