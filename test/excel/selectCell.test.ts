import { selectCell, splitQualified } from '../../src/excel/io/selectCell';
import { excelMessages as m } from '../../src/excel/messages';
import { FakeWorkbook } from '../fakes/fakeExcel';

describe('splitQualified', () => {
  it.each([
    ["'Dec-20'!M14", { sheet: 'Dec-20', cell: 'M14' }],
    ["'O''Brien data'!$a$1", { sheet: "O'Brien data", cell: 'A1' }],
    ['Sheet1!B2:C3', { sheet: 'Sheet1', cell: 'B2:C3' }],
    ['M14', null],
    ["'Dec-20'!", null],
  ])('splits %s', (address, expected) => {
    expect(splitQualified(address)).toEqual(expected);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one round trip', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Nov-20');
    wb.addSheet('Dec-20');
    const outcome = await wb.run((ctx) => selectCell(ctx, "'Dec-20'!H12"));
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(wb.selection).toEqual({ sheet: 'Dec-20', address: 'H12' });
    expect(wb.activeSheet().name).toBe('Dec-20');
    expect(wb.stats.syncs).toBe(1);
  });

  it('says which sheet is gone when it no longer exists', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Nov-20');
    const outcome = await wb.run((ctx) => selectCell(ctx, "'Dec-20'!H12"));
    expect(outcome).toEqual({ ok: false, error: { code: 'sheetMissing', message: m.sheetMissing('Dec-20'), action: m.sheetMissingAction() } });
  });
});
