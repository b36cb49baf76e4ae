import { msg } from '../../src/domain/messages';
import { parsePolarity } from '../../src/domain/polarity';

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
  ])('reads %p as %p', (text, polarity) => {
    expect(parsePolarity(text)).toEqual({ ok: true, value: polarity });
  });

  it.each([null, undefined, '', '  '])('returns null (not stated) for blank %p', (input) => {
    expect(parsePolarity(input)).toEqual({ ok: true, value: null });
  });

  it.each(['Higher', 'Good', 'Number', '%'])('rejects %p with a message naming the text', (text) => {
    expect(parsePolarity(text)).toEqual({ ok: false, error: { code: 'badPolarity', message: msg.badPolarity(text) } });
  });

  it('rejects a number', () => {
    expect(parsePolarity(1)).toEqual({ ok: false, error: { code: 'badPolarity', message: msg.badPolarity('1') } });
  });
});
