import { applyFormatPlan } from '../../src/excel/format/applyFormatPlan';
import { excelMessages as m } from '../../src/excel/messages';
import { sheetMsg } from '../../src/domain/messages';
import type { FormatPlan } from '../../src/domain/plan/types';
import type { Grid } from '../../src/domain/sheet/grid';
import { fakeWorkbookFromGrids, installFakeOffice, type FakeWorkbook } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';
import { planFor } from './planHelpers';
import { entered } from '../fixtures/writes';

/** Runs with the fake host installed as Office, so the adapter can ask which API sets it has. */
async function apply(wb: FakeWorkbook, plan: FormatPlan) {
  const uninstall = installFakeOffice(globalThis, wb);
  try {
    return await wb.run((ctx) => applyFormatPlan(ctx, plan, { backupName: 'PERF backup test' }));
  } finally {
    uninstall();
  }
}

function notedPlan(grid: Grid): FormatPlan {
  const plan = planFor(grid);
  expect(plan.notes?.length ?? 0).toBeGreaterThan(0);
  return plan;
}

describe('applyFormatPlan: the plan\'s notes (why a DOT cell has no arrow)', () => {
  it('puts each note of the plan on its cell', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const outcome = await apply(wb, plan);
    expect(outcome.ok && outcome.value.warnings).toBeFalsy();
    const sheet = wb.sheet(grid.sheetName);
    for (const n of plan.notes ?? []) expect(sheet.cellAt(n.row, n.col).note).toBe(n.text);
  });

  it('never changes a note the user wrote, on a noted cell or elsewhere in the table', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const [first] = plan.notes ?? [];
    const sheet = wb.sheet(grid.sheetName);
    sheet.update(first.row, first.col, (c) => (c.note = 'Figure chased with the MASH team'));
    sheet.update(plan.area.top + 3, 1, (c) => (c.note = 'Definition changed in April'));
    expect((await apply(wb, plan)).ok).toBe(true);
    expect(sheet.cellAt(first.row, first.col).note).toBe('Figure chased with the MASH team');
    expect(sheet.cellAt(plan.area.top + 3, 1).note).toBe('Definition changed in April');
  });

  it('replaces its own notes when formatting again: stale ones go, changed ones are rewritten', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const [first, second] = plan.notes ?? [];
    const sheet = wb.sheet(grid.sheetName);
    // A DOT cell the plan now writes an arrow in, with the add-in's note from an earlier Format.
    const arrowed = plan.writes.find((w) => w.col === first.col && !(plan.notes ?? []).some((n) => n.row === w.row && n.col === w.col));
    if (!arrowed) throw new Error('no DOT cell with an arrow');
    sheet.update(arrowed.row, arrowed.col, (c) => (c.note = `${sheetMsg.noArrowNotePrefix}the Oct-20 figure is blank.`));
    sheet.update(second.row, second.col, (c) => (c.note = `${sheetMsg.noArrowNotePrefix}an older reason.`));
    expect((await apply(wb, plan)).ok).toBe(true);
    expect(sheet.cellAt(arrowed.row, arrowed.col).note).toBeNull();
    expect(sheet.cellAt(second.row, second.col).note).toBe(second.text);
    expect((await apply(wb, plan)).ok).toBe(true);
    for (const n of plan.notes ?? []) expect(sheet.cellAt(n.row, n.col).note).toBe(n.text);
  });

  it.each([17, 10])('skips the notes with a warning on a host without notes (ExcelApi 1.%i)', async (minor) => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.excelApiMinor = minor;
    const plan = notedPlan(grid);
    const outcome = await apply(wb, plan);
    expect(outcome.ok && outcome.value.warnings).toEqual([m.planNotesSkipped(plan.notes?.length ?? 0)]);
    const sheet = wb.sheet(grid.sheetName);
    for (const n of plan.notes ?? []) expect(sheet.cellAt(n.row, n.col).note).toBeNull();
    expect([...wb.comments.values()]).toEqual([]);
  });

  it('keeps the Format and warns when Excel refuses the notes', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    // Syncs: read, write, clean-up. The clean-up batch is: find and delete the backup, recalculate (3 actions), then the notes.
    wb.failSync({ sync: 3, afterActions: 3, code: 'GeneralException', message: 'notes refused' });
    const outcome = await apply(wb, plan);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // The clean-up stopped at the notes: the page layout queued after them did not run either.
    expect(outcome.value.warnings).toEqual([
      m.planNotesFailed(m.officeError('GeneralException', 'notes refused')),
      ...(plan.print ? [m.pageLayoutFailed(m.officeError('GeneralException', 'notes refused'))] : []),
    ]);
    const sheet = wb.sheet(grid.sheetName);
    for (const w of plan.writes) expect(sheet.cellAt(w.row, w.col).value).toEqual(entered(w));
    expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheetName]);
  });

  it('uses the same number of round trips for 2 notes and for 21', async () => {
    const syncs: number[] = [];
    for (const report of ['corporateParenting', 'earlyHelp'] as const) {
      const grid = seedGrid(report);
      const wb = fakeWorkbookFromGrids([grid]);
      await apply(wb, notedPlan(grid));
      syncs.push(wb.stats.syncs);
    }
    expect(syncs[0]).toBe(syncs[1]);
    // Read, write, clean-up (the notes ride in it).
    expect(syncs[0]).toBe(3);
  });
});
