import ExcelJS from 'exceljs';
import { sheetMsg } from '../../src/domain/messages';
import { NO_ARROW_MARK } from '../../src/domain/plan/key';
import { planFormat } from '../../src/domain/plan/planFormat';
import type { FormatPlan } from '../../src/domain/plan/types';
import { a1 } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { applyFormatPlan } from '../../src/xlsx/applyPlan';
import { writeGrid } from '../helpers/fromGrid';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { viaPackage } from '../helpers/viaPackage';

function noteText(cell: ExcelJS.Cell): string | null {
  const note = cell.note;
  if (note === undefined || note === null) return null;
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { seedGrid } from '../fixtures/seedGrids';
import { entered } from '../fixtures/writes';

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const loaded = await readWorkbook(await writeWorkbook(wb), 'out.xlsx');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.workbook;
}

async function earlyHelp(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  writeGrid(wb.addWorksheet('Dec-20'), seedGrid('earlyHelp'));
  return reload(wb);
}

function staticPlan(ws: ExcelJS.Worksheet): FormatPlan {
  const grid = gridFromWorksheet(ws);
  const tables = readScorecard(grid);
  if (!tables.ok) throw new Error(tables.error.message);
  const plan = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
  if (!plan.ok) throw new Error(plan.error.message);
  return plan.value;
}

describe('notes on DOT cells without an arrow', () => {
  it('saves each planned note on its cell, next to the dash', async () => {
    const wb = await earlyHelp();
    const plan = staticPlan(wb.getWorksheet('Dec-20')!);
    expect(plan.notes?.length).toBeGreaterThan(0);
    const { result: applied, saved } = await viaPackage(wb, (x) => applyFormatPlan(x, plan));
    expect(applied.ok && applied.value.notesWritten).toBe(plan.notes!.length);
    const ws = saved.getWorksheet('Dec-20')!;
    for (const n of plan.notes!) {
      expect(noteText(ws.getCell(a1(n.row, n.col)))).toBe(n.text);
      expect(ws.getCell(a1(n.row, n.col)).value).toBe(NO_ARROW_MARK);
    }
  });

  it('replaces its own stale note on a second run but never a note the user wrote', async () => {
    const wb = await earlyHelp();
    const ws = wb.getWorksheet('Dec-20')!;
    const plan = staticPlan(ws);
    const [first, second] = plan.notes!;
    // An old note of the add-in where there is now an arrow, and a user's note on a noted cell.
    const arrowed = plan.writes.find((w) => entered(w) !== NO_ARROW_MARK && w.col === first!.col && w.row !== first!.row && typeof entered(w) === 'string' && entered(w) !== '')!;
    ws.getCell(a1(arrowed.row, arrowed.col)).note = sheetMsg.noArrowNote('Nov-20', 'TBC');
    ws.getCell(a1(first!.row, first!.col)).note = 'Checked with the team: figure due 15 Jan';
    const { result: applied, saved } = await viaPackage(wb, (x) => applyFormatPlan(x, plan));
    expect(applied.ok && applied.value.notesKeptUsers).toBe(1);
    const out = saved.getWorksheet('Dec-20')!;
    expect(noteText(out.getCell(a1(arrowed.row, arrowed.col)))).toBeNull();
    expect(noteText(out.getCell(a1(first!.row, first!.col)))).toBe('Checked with the team: figure due 15 Jan');
    if (second) expect(noteText(out.getCell(a1(second.row, second.col)))).toBe(second.text);
  });

  it('keeps an empty note a user left on a noted cell, as the Excel adapter does (one rule: planNoteChanges)', async () => {
    const wb = await earlyHelp();
    const ws = wb.getWorksheet('Dec-20')!;
    const plan = staticPlan(ws);
    const [first] = plan.notes!;
    ws.getCell(a1(first!.row, first!.col)).note = { texts: [{ text: '' }] };
    const { result: applied, saved } = await viaPackage(wb, (x) => applyFormatPlan(x, plan));
    expect(applied.ok && applied.value.notesKeptUsers).toBe(1);
    expect(applied.ok && applied.value.notesWritten).toBe(plan.notes!.length - 1);
    expect(noteText(saved.getWorksheet('Dec-20')!.getCell(a1(first!.row, first!.col)))).toBe('');
  });
});
