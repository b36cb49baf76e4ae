import { symbolArrow } from '../../src/xlsx/package/symbols';

/** Issue 10: a DOT cell in any of the symbol fonts it names (Wingdings, Wingdings 3, Webdings, Symbol) reads as its arrow. */
describe('arrows typed in a symbol font', () => {
  it.each([
    ['5', 'Webdings', '↑'],
    ['6', 'Webdings', '↓'],
    ['3', 'webdings', '←'],
    ['4', 'Webdings', '→'],
    ['\uf035', 'Webdings', '↑'],
    ['7', 'Webdings', null],
    ['5', 'Arial', null],
    ['\u00e7', 'Wingdings', '←'],
    ['\u00ee', 'Wingdings', '↘'],
    ['m', 'Wingdings 3', '↘'],
    ['\u00af', 'Symbol', '↓'],
    ['\u00ad', 'Wingdings 2', null],
  ])('reads %j in %s as %p', (text, font, arrow) => {
    expect(symbolArrow(text, font)).toBe(arrow);
  });
});
