import { msg } from '../../src/domain/messages';
import { parsePolarity, readPolarity } from '../../src/domain/polarity';

describe('parsePolarity', () => {
  it.each([
    ['High', 'high'],
    ['HIGH', 'high'],
    [' low ', 'low'],
    ['Info', 'info'],
    ['Within Limits', 'withinLimits'],
    ['within  limits', 'withinLimits'],
    ['WithinLimits', 'withinLimits'],
    ['within-limits', 'withinLimits'],
    ['within_limits', 'withinLimits'],
    ['Higher', 'high'],
    ['Higher is better', 'high'],
    ['HIGHER IS BETTER', 'high'],
    ['high is good', 'high'],
    ['More is better', 'high'],
    ['Low is good', 'low'],
    ['Lower is better', 'low'],
    ['lower = better', 'low'],
    ['Fewer is better', 'low'],
    ['Information only', 'info'],
    ['For information', 'info'],
    ['info.', 'info'],
    ['Within limit', 'withinLimits'],
    ['Within range', 'withinLimits'],
    ['In range', 'withinLimits'],
    ['Within target range', 'withinLimits'],
    ['High (%)', 'high'],
  ])('reads %p as %p', (text, polarity) => {
    expect(parsePolarity(text)).toEqual({ ok: true, value: polarity });
  });

  it.each([
    ['Within limits (higher is better)', 'high'],
    ['Within Limits (low)', 'low'],
    ['within limits [lower is better]', 'low'],
    ['Within limits', null],
  ] as const)('reads the bracketed direction of a Within Limits measure: %p', (text, lean) => {
    expect(readPolarity(text)).toEqual({ ok: true, value: { polarity: 'withinLimits', lean } });
  });

  it.each([null, undefined, '', '  '])('returns null (not stated) for blank %p', (input) => {
    expect(parsePolarity(input)).toEqual({ ok: true, value: null });
  });

  it.each(['Sideways', 'Good', 'Number', '%', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'not high'])(
    'rejects %p with a message naming the text, never through a prototype',
    (text) => {
      expect(parsePolarity(text)).toEqual({ ok: false, error: { code: 'badPolarity', message: msg.badPolarity(text) } });
    },
  );

  it.each(['High or low', 'Higher (lower is better)', 'Within limits (higher or lower)'])('says %p is ambiguous instead of guessing', (text) => {
    expect(parsePolarity(text)).toEqual({ ok: false, error: { code: 'badPolarity', message: msg.ambiguousPolarity(text) } });
  });

  it('rejects a number', () => {
    expect(parsePolarity(1)).toEqual({ ok: false, error: { code: 'badPolarity', message: msg.badPolarity('1') } });
  });
});
