import ExcelJS from 'exceljs';
import { seedGrid } from '../fixtures/seedGrids';
import { planRollForward } from '../../src/domain/plan/rollForward';
import { readSheetHighlights } from '../../src/domain/revisions/highlightPlans';
import { highlightsToRows } from '../../src/domain/revisions/highlightRows';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { a1 } from '../../src/domain/sheet/grid';
import { applyRollForward } from '../../src/xlsx/applyRollForward';
import { writeGrid } from '../helpers/fromGrid';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { viaPackage } from '../helpers/viaPackage';
import { cellFill } from '../helpers/exceljsStyles';
import { sheetMsg } from '../../src/domain/messages';
import { planFormat, UNIT_FORMATS } from '../../src/domain/plan/planFormat';
import { applyFormatPlan } from '../../src/xlsx/applyPlan';
import type { Grid } from '../../src/domain/sheet/grid';
import type { ScorecardTable } from '../../src/domain/sheet/scorecard';

function readScorecardOk(grid: Grid): ScorecardTable[] {
  const read = readScorecard(grid);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

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
    const records = readSheetHighlights(highlightsToRows([{ sheet: 'Dec-19', address: 'G12', previousFill: '#DDEEFF', highlightFill: '#FFFF00', note: null, revisionId: 'x|Nov-19' }]), 'Dec-19');
    if (!records.ok) throw new Error(records.error.message);
    const highlights = { records: records.value, fills: [{ sheet: 'Dec-19', address: 'G12', fill: '#FFFF00', note: null }] };
    const plan = planRollForward(tables.value, grid, { existingSheets: ['Dec-19', 'Population'], highlights });
    if (!plan.ok) throw new Error(plan.error.message);

    const done = await viaPackage(wb, (x) => applyRollForward(x, plan.value));
    expect(done.result.ok).toBe(true);
    const out = done.saved;
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
      // A row judged on the year to date keeps its marker (6.9 `YTD G` -> `YTD`).
      expect(jan.getCell(a1(row.row, t0!.columns.rag!)).value).toBe(row.ragBasis?.kind === 'ytd' && row.ragBasis.marked ? 'YTD' : null);
      expect(jan.getCell(a1(row.row, t0!.columns.dot!)).value).toBeNull();
    }
    expect(cellFill(jan.getCell('G12'))).toBe('#DDEEFF');
    expect(cellFill(out.getWorksheet('Dec-19')!.getCell('G12'))).toBe('#FFFF00');
  });

  it('rolls a formatted sheet on with no leftover colours in DOT/RAG and every month cell formatted by its unit', async () => {
    const wb = await corporateWorkbook();
    const source = wb.getWorksheet('Dec-19')!;
    const grid = gridFromWorksheet(source);
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const formatted = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
    if (!formatted.ok) throw new Error(formatted.error.message);
    const formattedFile = await viaPackage(wb, (x) => applyFormatPlan(x, formatted.value));
    expect(formattedFile.result.ok).toBe(true);
    const t0 = tables.value[0]!;
    const red = t0.indicators.find((r) => r.rag === 'red')!;
    const formattedSheet = formattedFile.saved.getWorksheet('Dec-19')!;
    expect(cellFill(formattedSheet.getCell(a1(red.row, t0.columns.rag!)))).not.toBeNull();

    const again = gridFromWorksheet(formattedSheet);
    const plan = planRollForward(readScorecardOk(again), again, { existingSheets: ['Dec-19', 'Population'] });
    if (!plan.ok) throw new Error(plan.error.message);
    const rolled = await viaPackage(formattedFile.bytes, (x) => applyRollForward(x, plan.value));
    expect(rolled.result.ok).toBe(true);
    const jan = rolled.saved.getWorksheet('Jan-20')!;
    const dec = rolled.saved.getWorksheet('Dec-19')!;
    for (const table of tables.value) {
      for (const r of table.indicators) {
        for (const col of [table.columns.dot!, table.columns.rag!]) {
          const cell = jan.getCell(a1(r.row, col));
          expect([cell.address, cellFill(cell), cell.font?.color ?? null]).toEqual([cell.address, null, null]);
        }
        const format = UNIT_FORMATS[r.unit];
        if (format && !table.problems.some((p) => p.address === a1(r.row, table.reportingMonth.col))) {
          // The new month's empty column: a figure typed there shows in the row's unit.
          expect([r.key, jan.getCell(a1(r.row, table.reportingMonth.col)).numFmt]).toEqual([r.key, format]);
        }
      }
    }
    // The source sheet keeps its colours.
    expect(cellFill(dec.getCell(a1(red.row, t0.columns.rag!)))).not.toBeNull();
  });

  // Excel compares sheet names without regard to case: `JAN-20` is the name `Jan-20` taken.
  it.each(['Jan-20', 'JAN-20', 'jan-20'])('refuses when the new sheet name is taken as %s, changing nothing', async (taken) => {
    const wb = await corporateWorkbook();
    const grid = gridFromWorksheet(wb.getWorksheet('Dec-19')!);
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const plan = planRollForward(tables.value, grid);
    if (!plan.ok) throw new Error(plan.error.message);
    wb.addWorksheet(taken);
    const { result, saved } = await viaPackage(wb, (x) => applyRollForward(x, plan.value));
    expect(result).toEqual({ ok: false, error: { code: 'planMismatch', message: sheetMsg.sheetExists('Jan-20') } });
    expect(saved.worksheets.map((w) => w.name)).toEqual(['Dec-19', 'Population', taken]);
  });
});
