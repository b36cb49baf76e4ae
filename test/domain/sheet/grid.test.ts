import { a1, boxAddress, boxOfAddress, cellAt, cellText, columnIndex, columnLetters, parseA1, sameSheetName, type Grid } from '../../../src/domain/sheet/grid';

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

describe('parseA1 (the one A1 reference reader)', () => {
  it('reads back every address a1 writes, with or without $ and in either case', () => {
    for (const [row, col] of [[0, 0], [11, 1], [99, 25], [4, 26], [1_048_575, 16_383], [12_345, 701], [7, 702]]) {
      const address = a1(row, col);
      expect(parseA1(address)).toEqual({ row, col });
      expect(parseA1(address.toLowerCase())).toEqual({ row, col });
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      expect(parseA1(`$${m[1]}$${m[2]}`)).toEqual({ row, col });
      expect(columnIndex(m[1])).toBe(col);
    }
  });

  it.each(['', 'B', '12', 'B0', 'ABCD1', 'B12:C13', 'B 12', 'B12x', 'B12345678', '$$B1', 'Sheet1!B1'])('%p is not a cell reference', (ref) => {
    expect(parseA1(ref)).toBeNull();
  });
});

describe('cellAt and cellText (the one cell accessor)', () => {
  const grid: Grid = {
    sheetName: 'S',
    top: 3,
    left: 2,
    values: [[6.1, null, 'x'], [0.5, 'typed', true]],
    text: [['6.10', '', 'x'], ['', 'typed', 'TRUE']],
    numberFormats: [['0.00', 'General', '@'], ['General', 'General', 'General']],
  };

  it('reads by absolute row and column, text as displayed, else the value', () => {
    expect(cellAt(grid, 3, 2)).toEqual({ value: 6.1, text: '6.10' });
    expect(cellText(grid, 3, 2)).toBe('6.10');
    expect(cellText(grid, 4, 2)).toBe('0.5');
    expect(cellText(grid, 3, 3)).toBe('');
    expect(cellText(grid, 4, 4)).toBe('TRUE');
  });

  it('outside the grid there is nothing', () => {
    expect(cellAt(grid, 2, 2)).toEqual({ value: undefined, text: '' });
    expect(cellText(grid, 5, 2)).toBe('');
    expect(cellText(grid, 3, 1)).toBe('');
  });
});
