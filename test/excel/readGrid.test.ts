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
