import { AA_TEXT, contrastRatio, readableOn, relativeLuminance } from '../../../src/domain/plan/contrast';
import { PALETTES, ragColours } from '../../../src/domain/plan/palette';
import type { Rag } from '../../../src/domain/types';

describe('contrast helper', () => {
  it.each([
    ['#000000', '#FFFFFF', 21],
    ['#FFFFFF', '#FFFFFF', 1],
    ['#777777', '#FFFFFF', 4.48],
    ['#FF0000', '#FFFFFF', 4.0],
  ])('gives %s on %s a ratio of %d', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 1);
  });

  it('is NaN for a string that is not a colour', () => {
    expect(relativeLuminance('red')).toBeNaN();
  });

  it.each([
    ['#FFC000', '#000000'],
    ['#C00000', '#FFFFFF'],
    ['#003300', '#FFFFFF'],
  ])('writes on %s in %s', (fill, letter) => {
    expect(readableOn(fill)).toBe(letter);
  });
});

describe.each(Object.keys(PALETTES) as Array<keyof typeof PALETTES>)('the %s palette', (name) => {
  const palette = PALETTES[name];

  it.each(['red', 'amber', 'green'] as Rag[])('gives the %s letter AA contrast on its fill', (rag) => {
    const { fill, font } = ragColours(palette, rag);
    expect(contrastRatio(fill, font)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(['good', 'warning', 'bad', 'neutral'] as const)('gives the %s arrow AA contrast on white', (tone) => {
    expect(contrastRatio(palette.dot[tone], '#FFFFFF')).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('gives header text AA contrast on the header fill', () => {
    expect(contrastRatio(palette.header.font, palette.header.fill)).toBeGreaterThanOrEqual(AA_TEXT);
  });
});
