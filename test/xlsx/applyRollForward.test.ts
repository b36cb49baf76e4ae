import ExcelJS from 'exceljs';
import { seedGrid } from '../fixtures/seedGrids';
import { planRollForward } from '../../src/domain/plan/rollForward';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { a1 } from '../../src/domain/sheet/grid';
import { applyRollForward } from '../../src/xlsx/applyRollForward';
import { writeGrid } from '../../src/xlsx/fromGrid';
import { gridFromWorksheet } from '../../src/xlsx/grid';
import { readWorkbook, writeWorkbook } from '../../src/xlsx/workbook';
import { cellFill } from '../../src/xlsx/styles';
import { xlsxMessages } from '../../src/xlsx/messages';

function snapshot(ws: ExcelJS.Worksheet): string {
  const cells: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => cells.push(`${c.address}=${JSON.stringify([c.value, c.style, c.note ?? null])}`)));
  return cells.join('\n');
}

async function corporateWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  writeGrid(wb.addWorksheet('Dec-19'), seedGrid('corporateParenting'));
  wb.addWorksheet('Population').getCell('A1').value = 56970;
  const loaded = await readWorkbook(await writeWorkbook(wb), 'seed.xlsx');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.workbook;
}

describe('applyRollForward', () => {
  it('adds Jan-20 after Dec-19 with months shifted, the new month empty, DOT/RAG cleared and the title moved on', async () => {
    const wb = await corporateWorkbook();
    const source = wb.getWorksheet('Dec-19')!;
    // A highlighted cell (the add-in's yellow over the user's blue) to be restored.
    source.getCell('G12').style = { ...source.getCell('G12').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
    const before = snapshot(source);
    const grid = gridFromWorksheet(source);
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const plan = planRollForward(tables.value, grid, { existingSheets: ['Dec-19', 'Population'], restoreFills: [{ box: { top: 11, left: 6, bottom: 11, right: 6 }, fill: '#DDEEFF' }] });
    if (!plan.ok) throw new Error(plan.error.message);

    const applied = applyRollForward(wb, plan.value);
    expect(applied.ok).toBe(true);
    const saved = await readWorkbook(await writeWorkbook(wb), 'out.xlsx');
    if (!saved.ok) throw new Error(saved.error.message);
    const out = saved.value.workbook;
    expect(out.worksheets.map((w) => w.name)).toEqual(['Dec-19', 'Jan-20', 'Population']);
    expect(snapshot(out.getWorksheet('Dec-19')!)).toBe(before);

    const jan = out.getWorksheet('Jan-20')!;
    const next = readScorecard(gridFromWorksheet(jan));
    if (!next.ok) throw new Error(next.error.message);
    const [t0] = tables.value;
    const [n0] = next.value;
    expect(n0!.months.map((m) => m.label)).toEqual(['Nov-19', 'Dec-19', 'Jan-20']);
    expect(gridFromWorksheet(jan).text[0]![0]).toBe('As at Month End: January 2020');
    for (const row of t0!.indicators) {
      const moved = n0!.indicators.find((r) => r.row === row.row)!;
      // Nov-19 and Dec-19 keep the figures they showed, in their new columns.
      expect(moved.months[0]!.text).toBe(row.months[1]!.text);
      expect(moved.months[1]!.text).toBe(row.months[2]!.text);
      expect(moved.months[2]!.value).toEqual({ kind: 'missing', reason: 'blank', text: '' });
      expect(jan.getCell(a1(row.row, t0!.columns.rag!)).value).toBeNull();
      expect(jan.getCell(a1(row.row, t0!.columns.dot!)).value).toBeNull();
    }
    expect(cellFill(jan.getCell('G12'))).toBe('#DDEEFF');
    expect(cellFill(out.getWorksheet('Dec-19')!.getCell('G12'))).toBe('#FFFF00');
  });

  it('refuses when the new sheet name is taken, changing nothing', async () => {
    const wb = await corporateWorkbook();
    const grid = gridFromWorksheet(wb.getWorksheet('Dec-19')!);
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const plan = planRollForward(tables.value, grid);
    if (!plan.ok) throw new Error(plan.error.message);
    wb.addWorksheet('Jan-20');
    expect(applyRollForward(wb, plan.value)).toEqual({ ok: false, error: { code: 'planMismatch', message: xlsxMessages.sheetExists('Jan-20') } });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Dec-19', 'Population', 'Jan-20']);
  });
});
