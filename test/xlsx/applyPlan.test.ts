import ExcelJS from 'exceljs';
import { seedGrid } from '../fixtures/seedGrids';
import { applyFormatPlan, charactersFromPoints } from '../../src/xlsx/applyPlan';
import { writeGrid } from '../helpers/fromGrid';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { viaPackage } from '../helpers/viaPackage';
import { XlsxWorkbook } from '../../src/xlsx/package/workbook';
import { xlsxMessages } from '../../src/xlsx/messages';
import { cellFill } from '../helpers/exceljsStyles';
import type { CellWrite, FormatPlan } from '../../src/domain/plan/types';
import { sheetMsg } from '../../src/domain/messages';
import { ownsWrites } from '../fixtures/writes';

/** Every cell of a sheet as comparable text: value, formula, note and the whole style. */
function snapshot(ws: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.set(cell.address, JSON.stringify({ v: cell.value, s: cell.style, n: cell.note ?? null }));
    }),
  );
  return cells;
}

async function seedWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dec-20');
  writeGrid(ws, seedGrid('earlyHelp'));
  // A user's own formatting that shares one style object across cells once loaded.
  for (const address of ['C5', 'C6', 'C7', 'Z40']) {
    ws.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEEFF' } };
  }
  const other = wb.addWorksheet('Population');
  other.getCell('A1').value = 'Population 0-17';
  other.getCell('B1').value = 56970;
  // Reload so cells share style objects as they do in a real file.
  const loaded = await readWorkbook(await writeWorkbook(wb), 'seed.xlsx');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.workbook;
}

// Rows/cols are 0-based. The early-help grid has its first table header on rows 2-3 and
// body from row 4; DOT is column P (15) and RAG column Q (16) in that layout.
const WRITES: CellWrite[] = [
      { kind: 'value', row: 13, col: 16, value: 'G' },
      { kind: 'value', row: 13, col: 15, value: '↘' },
      { kind: 'formula', row: 14, col: 16, formula: '=PERF.RAG(I15,R15,S15,T15,F15)', result: '' },
      { kind: 'value', row: 32, col: 30, value: 'Key' },
      { kind: 'value', row: 33, col: 30, value: '↑' },
      { kind: 'value', row: 33, col: 31, value: 'Improvement' },
    ];

function plan(): FormatPlan {
  return {
    sheetName: 'Dec-20',
    area: { top: 2, left: 0, bottom: 30, right: 28 },
    extraArea: { top: 32, left: 30, bottom: 34, right: 31 },
    writes: WRITES,
    owns: ownsWrites(WRITES, { top: 32, left: 30, bottom: 34, right: 31 }),
    styles: [
      { key: 'rag-green', style: { fill: '#C6EFCE', fontColor: '#006100', bold: true, horizontalAlignment: 'center' }, boxes: [{ top: 13, left: 16, bottom: 14, right: 16 }] },
      { key: 'dot-amber', style: { fontColor: '#9C5700', horizontalAlignment: 'center', verticalAlignment: 'center' }, boxes: [{ top: 13, left: 15, bottom: 13, right: 15 }] },
      { key: 'percent', style: { numberFormat: '0.0%' }, boxes: [{ top: 13, left: 7, bottom: 13, right: 10 }] },
      { key: 'header', style: { bold: true, wrapText: true, border: 'thin', borderColor: '#808080', fill: '#1F3864', fontColor: '#FFFFFF' }, boxes: [{ top: 2, left: 0, bottom: 3, right: 3 }] },
      { key: 'section', style: { italic: true }, boxes: [{ top: 4, left: 2, bottom: 5, right: 2 }] },
    ],
    columnWidths: [{ col: 2, width: 240 }, { col: 15, width: 30 }],
    freeze: { rows: 4, columns: 3 },
    print: { orientation: 'landscape', paper: 'A4', scale: 73, pagesWide: 2, repeatRows: { first: 2, last: 3 }, repeatColumns: { first: 1, last: 2 }, printArea: { top: 0, left: 0, bottom: 30, right: 28 }, rowBreaks: [20], header: { left: 'As at Month End: December 2020', center: '', right: 'Reporting month: December 2020' }, footer: { left: 'Printed &D', center: '', right: 'Page &P of &N' }, margins: { left: 36, right: 36, top: 54, bottom: 54, header: 21.6, footer: 21.6 } },
  };
}

const PLANNED = new Set(['Q14', 'P14', 'Q15', 'AE33', 'AE34', 'AF34', 'H14', 'I14', 'J14', 'K14', 'A3', 'B3', 'C3', 'D3', 'A4', 'B4', 'C4', 'D4', 'C5', 'C6']);

describe('applyFormatPlan', () => {
  let before: Map<string, string>;
  let beforeOther: Map<string, string>;
  let saved: ExcelJS.Workbook;

  beforeAll(async () => {
    const wb = await seedWorkbook();
    before = snapshot(wb.getWorksheet('Dec-20')!);
    beforeOther = snapshot(wb.getWorksheet('Population')!);
    const done = await viaPackage(wb, (x) => applyFormatPlan(x, plan()));
    expect(done.result).toEqual({ ok: true, value: { cellsWritten: 6, cellsStyled: 2 + 1 + 4 + 8 + 2, notesWritten: 0, notesKeptUsers: 0, conditionalRules: 0, warnings: [] } });
    saved = done.saved;
  });

  it('writes the planned values and formulas into the saved file', () => {
    const ws = saved.getWorksheet('Dec-20')!;
    expect(ws.getCell('Q14').value).toBe('G');
    expect(ws.getCell('P14').value).toBe('↘');
    expect(ws.getCell('Q15').formula).toBe('PERF.RAG(I15,R15,S15,T15,F15)');
    expect([ws.getCell('AE33').value, ws.getCell('AE34').value, ws.getCell('AF34').value]).toEqual(['Key', '↑', 'Improvement']);
  });

  it('saves the fills, fonts, number formats, alignment and borders of each style group', () => {
    const ws = saved.getWorksheet('Dec-20')!;
    expect(cellFill(ws.getCell('Q14'))).toBe('#C6EFCE');
    expect(ws.getCell('Q14').font.color?.argb).toBe('FF006100');
    expect(ws.getCell('Q14').font.bold).toBe(true);
    expect(ws.getCell('Q14').alignment.horizontal).toBe('center');
    expect(ws.getCell('P14').alignment.vertical).toBe('middle');
    expect(ws.getCell('P14').font.color?.argb).toBe('FF9C5700');
    expect(cellFill(ws.getCell('P14'))).toBeNull();
    expect(ws.getCell('J14').numFmt).toBe('0.0%');
    expect(ws.getCell('B4').border.left).toEqual({ style: 'thin', color: { argb: 'FF808080' } });
    expect(ws.getCell('B4').alignment.wrapText).toBe(true);
    expect(ws.getCell('C5').font.italic).toBe(true);
  });

  it('keeps what a style group does not mention (a user fill under an italic section style)', () => {
    const ws = saved.getWorksheet('Dec-20')!;
    expect(cellFill(ws.getCell('C5'))).toBe('#DDEEFF');
    expect(ws.getCell('C5').font.italic).toBe(true);
  });

  it('changes no other cell, even one that shared a style object with a formatted cell', () => {
    const after = snapshot(saved.getWorksheet('Dec-20')!);
    let compared = 0;
    for (const [address, cell] of before) {
      if (PLANNED.has(address)) continue;
      expect(`${address} ${after.get(address)}`).toBe(`${address} ${cell}`);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
    expect(cellFill(saved.getWorksheet('Dec-20')!.getCell('C7'))).toBe('#DDEEFF');
    expect(saved.getWorksheet('Dec-20')!.getCell('C7').font?.italic).toBeUndefined();
    expect(snapshot(saved.getWorksheet('Population')!)).toEqual(beforeOther);
  });

  it('sets column widths, freeze panes and the print setup', () => {
    const ws = saved.getWorksheet('Dec-20')!;
    expect(ws.getColumn(3).width).toBeCloseTo(charactersFromPoints(240), 2);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4, topLeftCell: 'D5' });
    // A4 (paper code 9), a percentage scale rather than fit-to-page, title rows and columns.
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: false, scale: 73, printTitlesRow: '3:4', printTitlesColumn: 'B:C' });
    expect(ws.headerFooter.oddFooter).toBe('&LPrinted &D&C&RPage &P of &N');
    expect(ws.pageSetup.printArea).toBe('A1:AC31');
  });
});

describe('applyFormatPlan refusals change nothing', () => {
  it.each([
    ['a plan for another sheet', (p: FormatPlan) => ({ ...p, sheetName: 'Nov-20' }), 'planMismatch', xlsxMessages.planSheetMismatch('Nov-20', 'Dec-20')],
    ['a write outside the table and key', (p: FormatPlan) => ({ ...p, writes: [...p.writes, { kind: 'value' as const, row: 50, col: 0, value: 'x' }] }), 'planMismatch', sheetMsg.planInvalid(sheetMsg.planWriteOutside('A51'))],
    ['a style box outside the table', (p: FormatPlan) => ({ ...p, styles: [...p.styles, { key: 'x', style: { bold: true }, boxes: [{ top: 40, left: 0, bottom: 41, right: 1 }] }] }), 'planMismatch', sheetMsg.planInvalid(sheetMsg.planStyleOutside('x'))],
  ])('refuses %s', async (_name, mutate, code, message) => {
    const wb = await seedWorkbook();
    const ws = wb.getWorksheet('Dec-20')!;
    const before = snapshot(ws);
    const viewsBefore = JSON.stringify(ws.views);
    const { result, saved } = await viaPackage(wb, (x) => applyFormatPlan(x, mutate(plan())));
    expect(result).toEqual({ ok: false, error: { code, message } });
    expect(snapshot(saved.getWorksheet('Dec-20')!)).toEqual(before);
    expect(JSON.stringify(saved.getWorksheet('Dec-20')!.views)).toBe(viewsBefore);
  });

  it('refuses a key over a non-empty cell and names it', async () => {
    const wb = await seedWorkbook();
    const ws = wb.getWorksheet('Dec-20')!;
    ws.getCell('AF35').value = 'analyst note';
    const before = snapshot(ws);
    const { result, saved } = await viaPackage(wb, (x) => applyFormatPlan(x, plan()));
    expect(result).toEqual({ ok: false, error: { code: 'keyAreaNotEmpty', message: `${sheetMsg.keyAreaTaken('AF35', 'analyst note')} ${xlsxMessages.keyAreaTakenAction()}` } });
    expect(snapshot(saved.getWorksheet('Dec-20')!)).toEqual(before);
  });

  it('accepts a key area that already holds the same key (a second run)', async () => {
    const first = await viaPackage(await seedWorkbook(), (x) => applyFormatPlan(x, plan()));
    expect(first.result.ok).toBe(true);
    const again = XlsxWorkbook.open(first.bytes);
    expect(applyFormatPlan(again, plan()).ok).toBe(true);
  });
});

describe('charactersFromPoints', () => {
  it.each([[48, 8.43], [0, 0], [3, 0]])('turns %p points into %p characters', (points, chars) => {
    expect(charactersFromPoints(points)).toBeCloseTo(chars, 2);
  });
});
