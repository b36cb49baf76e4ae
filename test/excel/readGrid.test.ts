import { boxOfAddress, readGrid, readGridAndFormulas } from '../../src/excel/io/readGrid';
import { FakeWorkbook, fakeWorkbookFromGrids, installFakeOffice } from '../fakes/fakeExcel';
import { seedGrid, syntheticGrid } from '../fixtures/seedGrids';

describe('readGrid', () => {
  it('reads the seed sheet back as the grid it was built from, in one round trip', async () => {
    const grid = seedGrid('corporateParenting');
    const wb = fakeWorkbookFromGrids([grid]);
    const read = await wb.run((ctx) => readGrid(ctx));
    expect(wb.stats.syncs).toBe(1);
    expect(read.sheetName).toBe(grid.sheetName);
    expect(read.values).toEqual(grid.values.map((row) => row.map((v) => (v === undefined ? null : v))));
    expect(read.text).toEqual(grid.text);
    expect(read.numberFormats).toEqual(grid.numberFormats);
  });

  it('reads merged header cells where the host supports them', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const read = await wb.run((ctx) => readGrid(ctx));
      expect(read.merges).toEqual(grid.merges);
      expect(read.merges?.length).toBeGreaterThan(0);
    } finally {
      uninstall();
    }
  });

  it('starts the grid at the first used cell, not at A1', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('S');
    sheet.setValue('C4', 'NO.');
    sheet.setValue('D6', 5);
    sheet.setFill('A1', '#FF0000'); // formatting alone does not stretch the grid
    const read = await wb.run((ctx) => readGrid(ctx));
    expect(read).toMatchObject({ top: 3, left: 2, values: [['NO.', null], [null, null], [null, 5]] });
  });

  it('reads a sheet too large for one response in row bands, with the same result', async () => {
    const grid = syntheticGrid(2000);
    const whole = fakeWorkbookFromGrids([grid]);
    const expected = await whole.run((ctx) => readGrid(ctx));
    const wb = fakeWorkbookFromGrids([grid], { responseLimitBytes: 300_000 });
    const read = await wb.run((ctx) => readGrid(ctx));
    expect(read).toEqual(expected);
    expect(wb.stats.syncs).toBeGreaterThan(2);
    expect(wb.stats.maxResponseBytes).toBeGreaterThan(300_000); // the refused first attempt
  });

  it('reads text and number formats only for the cells holding a number: the grid the engine needs, in a smaller response', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('S');
    sheet.setValue('A1', 'Oct-20', '@'); // a text label in a Text-formatted cell
    sheet.setValue('B1', 44105, 'mmm-yy'); // a date: its format makes it a month
    sheet.setValue('A2', 0.8434, '0.0%');
    sheet.setValue('B2', 12.5); // General: the displayed text tells the decimals
    sheet.setValue('C2', true);
    sheet.update(2, 0, (c) => {
      c.formula = '=A2*2';
      c.value = 1.6868;
      c.numberFormat = '0.0%';
    });
    const read = await wb.run((ctx) => readGrid(ctx));
    expect(read.values).toEqual([
      ['Oct-20', 44105, null],
      [0.8434, 12.5, true],
      [1.6868, null, null],
    ]);
    expect(read.text).toEqual([
      ['Oct-20', 'Oct-20', ''],
      ['84.3%', '12.5', 'TRUE'],
      ['168.7%', '', ''],
    ]);
    // Numbers (constants and formula results) keep their formats; the rest read as General, which the engine never looks at.
    expect(read.numberFormats).toEqual([
      ['General', 'mmm-yy', 'General'],
      ['0.0%', 'General', 'General'],
      ['0.0%', 'General', 'General'],
    ]);
  });

  it('gives the engine the same grid as reading every cell, for about three quarters of the response', async () => {
    const grid = syntheticGrid(500, 24);
    const lean = fakeWorkbookFromGrids([grid]);
    const leanRead = await lean.run((ctx) => readGrid(ctx));
    // An ExcelApi 1.8 host has no getSpecialCells: it reads every cell's text and format.
    const full = fakeWorkbookFromGrids([grid]);
    full.excelApiMinor = 8;
    const uninstall = installFakeOffice(globalThis, full);
    let fullRead;
    try {
      fullRead = await full.run((ctx) => readGrid(ctx));
    } finally {
      uninstall();
    }
    expect(leanRead.values).toEqual(fullRead.values);
    expect(leanRead.text).toEqual(fullRead.text);
    leanRead.values.forEach((row, i) => row.forEach((v, j) => {
      if (typeof v === 'number') expect(leanRead.numberFormats[i][j]).toBe(fullRead.numberFormats[i][j]);
    }));
    expect(lean.stats.syncs).toBe(1);
    expect(lean.stats.maxResponseBytes).toBeLessThan(0.8 * full.stats.maxResponseBytes);
  });

  it('passes on any other Office error', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    wb.editMode = true;
    await expect(wb.run((ctx) => readGrid(ctx))).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('gives an empty grid for an empty sheet', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Empty');
    expect(await wb.run((ctx) => readGrid(ctx))).toEqual({ sheetName: 'Empty', top: 0, left: 0, values: [], text: [], numberFormats: [], merges: [] });
  });

  it('reads a named sheet and its formulas', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Active');
    wb.addSheet('Data').update(0, 0, (c) => {
      c.formula = '=SUM(B1:B3)';
      c.value = 6;
    });
    const read = await wb.run((ctx) => readGridAndFormulas(ctx, { kind: 'name', name: 'Data' }));
    expect(read.grid.values).toEqual([[6]]);
    expect(read.formulas).toEqual([['=SUM(B1:B3)']]);
  });
});

describe('boxOfAddress', () => {
  it.each([
    ["'Dec-20'!B5:H9", { top: 4, left: 1, bottom: 8, right: 7 }],
    ['Sheet1!$M$14', { top: 13, left: 12, bottom: 13, right: 12 }],
    ['AA1', { top: 0, left: 26, bottom: 0, right: 26 }],
    ['not an address', null],
  ])('reads %s', (address, expected) => {
    expect(boxOfAddress(address)).toEqual(expected);
  });
});
