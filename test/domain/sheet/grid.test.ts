import { a1, boxAddress, boxOfAddress, columnIndex, columnLetters, sameSheetName } from '../../../src/domain/sheet/grid';

describe('the A1 toolkit (one for both adapters)', () => {
  it.each<[number, string]>([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column %i is %s and back', (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(letters.toLowerCase())).toBe(col);
  });

  it.each<[string, ReturnType<typeof boxOfAddress>]>([
    ['B5', { top: 4, left: 1, bottom: 4, right: 1 }],
    ['B5:H9', { top: 4, left: 1, bottom: 8, right: 7 }],
    ["'Dec-20'!$B$5:$H$9", { top: 4, left: 1, bottom: 8, right: 7 }],
    ["'It''s'!A1", { top: 0, left: 0, bottom: 0, right: 0 }],
    ['Sheet1!n12:n20', { top: 11, left: 13, bottom: 19, right: 13 }],
    ['N:N', null],
    ['1:3', null],
    ['A1,B2', null],
    ['Print_Area', null],
    ['', null],
  ])('boxOfAddress(%s)', (address, expected) => {
    expect(boxOfAddress(address)).toEqual(expected);
  });

  it('boxOfAddress reads back what boxAddress and a1 write', () => {
    const box = { top: 11, left: 27, bottom: 40, right: 30 };
    expect(boxOfAddress(boxAddress(box))).toEqual(box);
    expect(boxOfAddress(a1(1_048_575, 16_383))).toEqual({ top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 });
  });
});

describe('sameSheetName (the one sheet-name rule)', () => {
  it.each<[string, string, boolean]>([
    ['Dec-20', 'Dec-20', true],
    ['Dec-20', 'DEC-20', true],
    ['PERF Highlights', 'perf highlights', true],
    ['Dec-20', 'Dec-20 ', false],
    ['Dec-20', 'Nov-20', false],
  ])('%s and %s: %p', (a, b, expected) => {
    expect(sameSheetName(a, b)).toBe(expected);
  });
});
