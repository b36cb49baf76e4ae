import { changeAmount, formatChange, isRevised } from '../../../src/domain/revisions/change';
import { revisionMessages as msg } from '../../../src/domain/revisions/messages';
import { sameAtShownPrecision, shownNumber } from '../../../src/domain/revisions/precision';

const side = (display: string, value: number | null) => ({ display, value });

describe('shownNumber', () => {
  it.each([
    ['84.3%', 0.843, 843, 3, true],
    ['84.30%', 0.843, 8430, 4, true],
    ['13.7% (HT1)', 0.137, 137, 3, true],
    ['159 (Jan19 - Dec19)', 159, 159, 0, false],
    ['1,616', 1616, 1616, 0, false],
    ['90.2', 90.2, 902, 1, false],
  ])('reads %s as shown, at the precision shown', (display, value, mantissa, exponent, percent) => {
    expect(shownNumber(display, value)).toEqual({ mantissa, exponent, percent });
  });

  it.each(['TBC', 'Data to be reported January', 'n/a', '-', ''])('returns null for the placeholder %p, never 0', (display) => {
    expect(shownNumber(display, null)).toBeNull();
  });

  it('falls back to the held value when the text is not a number (Excel shows #### in a narrow column)', () => {
    const n = shownNumber('####', 0.8431);
    expect(n).not.toBeNull();
    expect(sameAtShownPrecision(n!, shownNumber('84.3%', 0.843)!)).toBe(true);
    expect(sameAtShownPrecision(n!, shownNumber('84.4%', 0.844)!)).toBe(false);
  });
});

describe('isRevised', () => {
  it.each([
    ['84.30%', '84.3%', false, 0.843, 0.843],
    ['84.3%', '84.30%', false, 0.843, 0.843],
    ['84.3%', '84.4%', true, 0.843, 0.844],
    ['84.35%', '84.3%', true, 0.8435, 0.843], // 84.35 rounds half up to 84.4 at one decimal
    ['84.34%', '84.3%', false, 0.8434, 0.843],
    ['45', '45', false, 45, 45],
    ['45', '48', true, 45, 48],
    ['90.2', '90.2%', true, 90.2, 0.902], // a count typed where a % was is a different figure
    ['13.7% (HT1)', '13.7% (HT2)', false, 0.137, 0.137], // same figure, new annotation
    ['159 (Jan19 - Dec19)', '160 (Jan19 - Dec19)', true, 159, 160],
  ])('published %s, now %s: a revision is %p', (pd, cd, expected, pv, cv) => {
    expect(isRevised(side(pd, pv), side(cd, cv))).toBe(expected);
  });

  it.each([
    ['TBC', '95.0%', true, null, 0.95],
    ['95.0%', 'TBC', true, 0.95, null],
    ['26', 'Data to be reported January', true, 26, null],
    ['84.3%', '', true, 0.843, null],
    ['TBC', 'Data to be reported January', false, null, null],
    ['', '96.0%', false, null, 0.96],
    ['', '', false, null, null],
  ])('published %p, now %p: a revision is %p', (pd, cd, expected, pv, cv) => {
    expect(isRevised(side(pd, pv), side(cd, cv))).toBe(expected);
  });
});

describe('formatChange', () => {
  it.each([
    ['88.9%', '89.4%', msg.points('+0.5'), 0.889, 0.894],
    ['84.3%', '84.4%', msg.points('+0.1'), 0.843, 0.844],
    ['94.0%', '92.9%', msg.points('-1.1'), 0.94, 0.929],
    ['85.80%', '85.9%', msg.points('+0.1'), 0.858, 0.859],
    ['50%', '52%', msg.points('+2'), 0.5, 0.52],
    ['45', '48', '+3', 45, 48],
    ['1,339', '1,330', '-9', 1339, 1330],
    ['106.9', '108.0', '+1.1', 106.9, 108],
    ['0.16 (Oct19 - Sep20)', '0.15 (Oct19 - Sep20)', '-0.01', 0.16, 0.15],
  ])('published %s, now %s: the change reads %p', (pd, cd, expected, pv, cv) => {
    expect(formatChange(side(pd, pv), side(cd, cv))).toBe(expected);
  });

  it.each([
    ['TBC', '95.0%', msg.changeArrow('TBC', '95.0%'), null, 0.95],
    ['95.0%', 'TBC', msg.changeArrow('95.0%', 'TBC'), 0.95, null],
    ['84.3%', '', msg.changeArrow('84.3%', msg.blank()), 0.843, null],
    ['90.2', '90.2%', msg.changeArrow('90.2', '90.2%'), 90.2, 0.902],
  ])('published %p, now %p: the change is an arrow between the texts', (pd, cd, expected, pv, cv) => {
    expect(formatChange(side(pd, pv), side(cd, cv))).toBe(expected);
  });
});

describe('changeAmount', () => {
  it.each([
    ['88.5%', '88.9%', { amount: '0.4', unit: 'points' }, 0.885, 0.889],
    ['94.0%', '92.9%', { amount: '-1.1', unit: 'points' }, 0.94, 0.929],
    ['45', '42', { amount: '-3', unit: null }, 45, 42],
    ['1,335', '1339', { amount: '4', unit: null }, 1335, 1339],
    ['106.9', '108.0', { amount: '1.1', unit: null }, 106.9, 108],
    ['TBC', '15', null, null, 15],
    ['90.2', '90.2%', null, 90.2, 0.902],
  ])('published %p, now %p: the change is %p', (pd, cd, expected, pv, cv) => {
    expect(changeAmount(side(pd, pv), side(cd, cv))).toEqual(expected);
  });

  it.each([
    ['88.9%', '89.4%', 0.889, 0.894],
    ['1,339', '1,330', 1339, 1330],
    ['0.16 (Oct19 - Sep20)', '0.15 (Oct19 - Sep20)', 0.16, 0.15],
  ])('is the number formatChange writes (%p -> %p)', (pd, cd, pv, cv) => {
    const amount = changeAmount(side(pd, pv), side(cd, cv))!;
    expect(formatChange(side(pd, pv), side(cd, cv)).replace(/^\+/, '').replace(/ pts$/, '')).toBe(amount.amount);
  });
});
