import { parsePopulation } from '../../src/taskpane/population';

describe('parsePopulation', () => {
  it.each([
    ['56310', 56310],
    ['56,310', 56310],
    ['  1  ', 1],
    ['1,234,567', 1234567],
  ])('reads %p as %p', (text, expected) => {
    expect(parsePopulation(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '   '])('reads blank %p as not set, never 0', (text) => {
    expect(parsePopulation(text)).toEqual({ ok: true, value: null });
  });

  it.each(['0', '000', '-1', '12.5', '5,6310', '56 310', '1e5', 'TBC', '99999999999999999999'])(
    'rejects %p',
    (text) => {
      expect(parsePopulation(text)).toEqual({ ok: false });
    },
  );
});
