import { applyFormatPlan } from '../../src/excel/format/applyFormatPlan';
import { excelMessages as m } from '../../src/excel/messages';
import { sheetMsg } from '../../src/domain/messages';
import type { FormatPlan } from '../../src/domain/plan/types';
import type { Grid } from '../../src/domain/sheet/grid';
import { fakeWorkbookFromGrids, installFakeOffice, type FakeWorkbook } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';
import { planFor } from './planHelpers';
import { entered } from '../fixtures/writes';
import { a1 } from '../../src/domain/sheet/grid';

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

  it('keeps the Format and warns when Excel refuses the notes of the clean-up trip (a sheet that had notes)', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    // A user's note beside the table: the notes' cells must be located first, so the notes ride in the clean-up.
    wb.sheet(grid.sheetName).update(plan.area.top, plan.area.left, (c) => (c.note = 'Draft'));
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

  /** The add-in's notes on the sheet (by cell) just before the clean-up trip (sync 3) runs. */
  function notesBeforeCleanUp(wb: FakeWorkbook, sheetName: string): () => Map<string, string> {
    const seen = new Map<string, string>();
    wb.editBeforeSync(3, (w) => {
      for (const [key, cell] of w.sheet(sheetName).cells) if (cell.note?.startsWith(sheetMsg.noArrowNotePrefix)) seen.set(key, cell.note);
    });
    return () => seen;
  }

  it('writes the notes in the write batch on a sheet that had none: they are there before the clean-up trip', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const seen = notesBeforeCleanUp(wb, grid.sheetName);
    expect((await apply(wb, plan)).ok).toBe(true);
    expect(wb.stats.syncs).toBe(3);
    expect(new Map([...seen()].sort())).toEqual(new Map((plan.notes ?? []).map((n) => [`${n.row},${n.col}`, n.text] as [string, string]).sort()));
  });

  it.each([
    ['the add-in\'s own notes from an earlier Format', `${sheetMsg.noArrowNotePrefix}an older reason.`],
    ['a user\'s note', 'Checked with the service lead'],
  ])('writes the notes in the clean-up trip when the sheet has notes (%s), still in 3 round trips', async (_, text) => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const [first, second] = plan.notes ?? [];
    const sheet = wb.sheet(grid.sheetName);
    sheet.update(first.row, first.col, (c) => (c.note = text));
    const seen = notesBeforeCleanUp(wb, grid.sheetName);
    expect((await apply(wb, plan)).ok).toBe(true);
    expect(wb.stats.syncs).toBe(3);
    // Before the clean-up, only what was on the sheet already; after it, the plan's notes (a user's note kept).
    expect([...seen().values()]).toEqual(text.startsWith(sheetMsg.noArrowNotePrefix) ? [text] : []);
    expect(sheet.cellAt(first.row, first.col).note).toBe(text.startsWith(sheetMsg.noArrowNotePrefix) ? first.text : text);
    expect(sheet.cellAt(second.row, second.col).note).toBe(second.text);
  });

  it('takes back the notes it added when the write batch fails after them, and leaves the sheet as it was', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const sheet = wb.sheet(grid.sheetName);
    const before = sheet.snapshot();
    let addedBeforeRestore = 0;
    // Every operation of the write batch runs (the notes' adds last), then the batch fails.
    wb.failSync({ sync: 2, afterActions: 100_000, code: 'GeneralException', message: 'boom' });
    wb.editBeforeSync(3, (w) => (addedBeforeRestore = [...w.sheet(grid.sheetName).cells.values()].filter((c) => c.note !== null).length));
    const outcome = await apply(wb, plan);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toBe(m.restored(m.officeError('GeneralException', 'boom')));
    expect(addedBeforeRestore).toBe(plan.notes?.length);
    expect([...sheet.cells.values()].filter((c) => c.note !== null)).toEqual([]);
    expect(sheet.snapshot()).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheetName]);
  });

  it('takes back a note it added on a cell a co-author typed in after the failed write (a cell the restore does not copy back)', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const [first] = plan.notes ?? [];
    const sheet = wb.sheet(grid.sheetName);
    wb.failSync({ sync: 2, afterActions: 100_000, code: 'GeneralException', message: 'boom' });
    wb.editBeforeSync(3, (w) => w.sheet(grid.sheetName).setValue(a1(first.row, first.col), 'checked'));
    const outcome = await apply(wb, plan);
    expect(outcome.ok).toBe(false);
    expect(sheet.value(a1(first.row, first.col))).toBe('checked');
    expect([...sheet.cells.values()].filter((c) => c.note !== null)).toEqual([]);
  });

  it('keeps a co-author\'s note added on a noted cell between the read and the write: the refused add undoes the Format, and no add-in note is left', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const plan = notedPlan(grid);
    const [, second] = plan.notes ?? [];
    const sheet = wb.sheet(grid.sheetName);
    const before = sheet.snapshot();
    wb.editBeforeSync(2, (w) => w.sheet(grid.sheetName).update(second.row, second.col, (c) => (c.note = 'Chased on Monday')));
    const outcome = await apply(wb, plan);
    expect(outcome.ok).toBe(false);
    expect(sheet.cellAt(second.row, second.col).note).toBe('Chased on Monday');
    expect([...sheet.cells.values()].filter((c) => c.note?.startsWith(sheetMsg.noArrowNotePrefix))).toEqual([]);
    // Only the co-author's note differs from the sheet as read: the add-in's writes were taken back.
    expect(sheet.changedCells(before)).toEqual([a1(second.row, second.col)]);
    expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheetName]);
  });
});
