import ExcelJS from 'exceljs';
import type { FormatPlan } from '../../src/domain/plan/types';
import { formatDecimals, keptFormat, withDecimals } from '../../src/domain/plan/decimals';
import { applyFormatPlan } from '../../src/xlsx/applyPlan';
import { XlsxWorkbook } from '../../src/xlsx/package/workbook';
import { symbolArrow } from '../../src/xlsx/package/symbols';
import { gridOf } from '../../src/xlsx/read';
import { writeWorkbook } from '../helpers/exceljsWorkbook';
import { viaPackage } from '../helpers/viaPackage';
import { ownsWrites } from '../fixtures/writes';

function sheet(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dec-20');
  ws.getCell('B2').value = 'á';
  ws.getCell('B2').font = { name: 'Wingdings', size: 12, bold: false };
  ws.getCell('C2').value = 316.3;
  ws.getCell('D2').value = 149;
  ws.getCell('E2').value = 'note';
  ws.getCell('E2').font = { name: 'Arial', size: 9 };
  return wb;
}

function plan(): FormatPlan {
  return {
    sheetName: 'Dec-20',
    area: { top: 0, left: 0, bottom: 5, right: 5 },
    extraArea: null,
    writes: [{ kind: 'value', row: 1, col: 1, value: '↓' }],
    owns: ownsWrites([{ kind: 'value', row: 1, col: 1, value: '↓' }], null),
    styles: [
      // The planner keeps a figure's decimals (domain/plan/decimals.ts): 316.3 shown under General.
      { key: 'count1', style: { numberFormat: keptFormat('#,##0', 316.3, '316.3', 'General') }, boxes: [{ top: 1, left: 2, bottom: 1, right: 2 }] },
      { key: 'count', style: { numberFormat: '#,##0' }, boxes: [{ top: 1, left: 3, bottom: 1, right: 3 }] },
      { key: 'red', style: { fontColor: '#9C0006', bold: true }, boxes: [{ top: 1, left: 4, bottom: 1, right: 4 }] },
    ],
    columnWidths: [],
    freeze: null,
    print: null,
  };
}

describe('what the plan writes reads right', () => {
  it.each([
    ['á', 'Wingdings', '↑'],
    ['â', 'wingdings', '↓'],
    ['æ', 'Wingdings', '↘'],
    ['à', 'Wingdings', '→'],
    ['h', 'Wingdings 3', '↑'],
    ['\u00ad', 'Symbol', '↑'],
    ['á', 'Calibri', null],
    ['x', 'Wingdings', null],
  ])('reads %j in %s as %p', (text, font, arrow) => {
    expect(symbolArrow(text, font)).toBe(arrow);
  });

  it('reads a Wingdings DOT letter as last month’s arrow', async () => {
    const x = XlsxWorkbook.open(await writeWorkbook(sheet()));
    const grid = gridOf(x, 'Dec-20');
    if (!grid.ok) throw new Error(grid.error.message);
    expect(grid.value.values[1 - grid.value.top]![1 - grid.value.left]).toBe('↑');
  });

  it('gives a written arrow a text font, keeps a count figure’s decimal, and merges fonts', async () => {
    const { result, saved } = await viaPackage(sheet(), (x) => applyFormatPlan(x, plan()));
    expect(result.ok).toBe(true);
    const ws = saved.getWorksheet('Dec-20')!;
    expect(ws.getCell('B2').value).toBe('↓');
    expect(ws.getCell('B2').font.name).not.toBe('Wingdings');
    expect(ws.getCell('B2').font.size).toBe(12);
    // 316.3 was shown with one decimal under General: the plan's count format keeps it.
    expect(ws.getCell('C2').numFmt).toBe('#,##0.0');
    expect(ws.getCell('D2').numFmt).toBe('#,##0');
    // Colour and bold laid over the user's font: name and size kept.
    expect(ws.getCell('E2').font).toMatchObject({ name: 'Arial', size: 9, bold: true, color: { argb: 'FF9C0006' } });
  });

  it.each([
    ['#,##0', 1, '#,##0.0'],
    ['0%', 2, '0.00%'],
    ['0.0', 2, '0.00'],
    ['#,##0;(#,##0)', 1, '#,##0.0;(#,##0.0)'],
  ])('widens %s to %i decimals as %s', (format, decimals, wanted) => {
    expect(withDecimals(format, decimals)).toBe(wanted);
    expect(formatDecimals(wanted)).toBe(decimals);
  });
});
