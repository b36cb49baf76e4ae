import { createExcelAddinApi } from '../../src/excel/addinApi';
import { excelMessages as m } from '../../src/excel/messages';
import { sheetMsg } from '../../src/domain/messages';
import { LOOKED_FOR } from '../../src/domain/sheet/headers';
import { DEFAULT_SETTINGS, type Progress } from '../../src/taskpane/api';
import { fakeWorkbookFromGrids, installFakeOffice, type FakeWorkbook } from '../fakes/fakeExcel';
import { seedGrid, seedGridTables } from '../fixtures/seedGrids';
import { findRow, monthColumns, renameSheet, rollMonths, typeCell } from '../domain/revisions/gridEdit';
import { writeGrid } from '../../src/xlsx/fromGrid';
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/domain/sheet/grid';

/** January's sheet: December's months rolled on, with one November figure re-run. */
function january(): Grid {
  let g = seedGrid('earlyHelp');
  for (const t of seedGridTables('earlyHelp')) g = rollMonths(g, t.headerTop + 1, t.bodyTop, t.bodyBottom);
  g = renameSheet(g, 'Jan-21');
  const row = findRow(g, 1, '2.2') + 1;
  const header = seedGridTables('earlyHelp')[0].headerTop + 1;
  const nov = monthColumns(g, header).find((c) => g.text[header - g.top][c - g.left] === 'Nov-20');
  if (nov === undefined) throw new Error('no Nov-20 column');
  return typeCell(g, row, nov, '89.4%');
}
import { planFor } from './planHelpers';

function apiOn(wb: FakeWorkbook) {
  return createExcelAddinApi({ run: (batch) => wb.run(batch) });
}

describe('createExcelAddinApi', () => {
  it('detects the table and previews what Format will write', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const outcome = await apiOn(wb).detect(DEFAULT_SETTINGS);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const plan = planFor(grid);
    expect(outcome.value.table).toMatchObject({ sheetName: 'Dec-20', tables: 2, reportingMonth: 'Dec-20' });
    expect(outcome.value.dotCells + outcome.value.ragCells).toBeLessThanOrEqual(plan.writes.length);
    expect(outcome.value.dotCells).toBeGreaterThan(0);
    for (const p of outcome.value.problems) expect(p.address.startsWith("'Dec-20'!")).toBe(true);
    // Detect only reads.
    expect(wb.sheet('Dec-20').snapshot()).toEqual(fakeWorkbookFromGrids([grid]).sheet('Dec-20').snapshot());
  });

  it('formats the active sheet, reporting progress up to done', async () => {
    const grid = seedGrid('corporateParenting');
    const wb = fakeWorkbookFromGrids([grid]);
    const stages: Progress[] = [];
    const outcome = await apiOn(wb).format(DEFAULT_SETTINGS, (p) => stages.push(p), new AbortController().signal);
    expect(outcome.ok).toBe(true);
    const plan = planFor(grid);
    for (const w of plan.writes) expect(wb.sheet('Dec-19').cellAt(w.row, w.col).value).toEqual(w.value);
    expect(stages[0].stage).toBe('reading');
    expect(stages[stages.length - 1]).toEqual({ stage: 'done', fraction: 1 });
    const fractions = stages.map((s) => s.fraction);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('writes live formulas when the settings ask for them', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const settings = { ...DEFAULT_SETTINGS, mode: 'formulas' as const };
    await apiOn(wb).format(settings, () => undefined, new AbortController().signal);
    const plan = planFor(grid, { mode: 'formulas', convention: 'performance', palette: 'standard' });
    const formulas = plan.writes.filter((w) => typeof w.value === 'string' && w.value.startsWith('='));
    expect(formulas.length).toBeGreaterThan(0);
    for (const w of formulas) expect(wb.sheet('Dec-20').cellAt(w.row, w.col).formula).toBe(w.value);
  });

  it('does not write when cancelled before the write', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const before = wb.sheet('Dec-20').snapshot();
    const controller = new AbortController();
    controller.abort();
    const outcome = await apiOn(wb).format(DEFAULT_SETTINGS, () => undefined, controller.signal);
    expect(outcome).toEqual({ ok: false, error: { message: m.cancelled() } });
    expect(wb.sheet('Dec-20').snapshot()).toEqual(before);
  });

  it('reports a sheet without a scorecard table with what to check', async () => {
    const wb = fakeWorkbookFromGrids([]);
    wb.addSheet('Notes').setValue('A1', 'hello');
    const outcome = await apiOn(wb).detect(DEFAULT_SETTINGS);
    expect(outcome).toEqual({ ok: false, error: { message: sheetMsg.noTable('Notes', LOOKED_FOR), action: m.noTableAction() } });
  });

  it('shows a protected sheet as a message, never a throw', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.sheet('Dec-20').protected = true;
    const outcome = await apiOn(wb).format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal);
    expect(outcome).toEqual({ ok: false, error: { message: m.sheetProtected('Dec-20'), action: m.sheetProtectedAction() } });
  });

  it('selects a problem cell by its sheet-qualified address', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.addSheet('Other');
    wb.activeSheetId = wb.sheet('Other').id;
    const outcome = await apiOn(wb).selectCell("'Dec-20'!M14");
    expect(outcome.ok).toBe(true);
    expect(wb.selection).toEqual({ sheet: 'Dec-20', address: 'M14' });
    expect(wb.activeSheet().name).toBe('Dec-20');
  });

  it('refuses an address it cannot read', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    expect(await apiOn(wb).selectCell('somewhere')).toEqual({ ok: false, error: { message: m.badAddress('somewhere') } });
  });

  it('rolls forward to a new sheet and saves and loads settings', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    const api = apiOn(wb);
    expect(await api.rollForward()).toEqual({ ok: true, value: { sheetName: 'Jan-21' } });
    const chosen = { ...DEFAULT_SETTINGS, convention: 'numeric' as const };
    expect(await api.saveSettings(chosen)).toEqual({ ok: true, value: undefined });
    expect(await api.loadSettings()).toEqual({ ok: true, value: chosen });
  });

  it('publishes figures and finds no revisions against them', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    const api = apiOn(wb);
    const published = await api.publish();
    expect(published.ok && published.value.month).toBe('Dec-20');
    const loaded = await api.loadRevisions();
    expect(loaded.ok && loaded.value.revisions).toEqual([]);
  });

  it('runs through Excel.run when the fake host is installed as Office', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const outcome = await createExcelAddinApi().detect(DEFAULT_SETTINGS);
      expect(outcome.ok).toBe(true);
      expect(wb.stats.syncs).toBeGreaterThan(0);
    } finally {
      uninstall();
    }
  });

  it('says Excel is not there when opened outside Office', async () => {
    expect(await createExcelAddinApi().loadSettings()).toEqual({ ok: false, error: { message: m.noExcel(), action: m.noExcelAction() } });
  });

  it('keeps comparing with a picked file for highlights until revisions are reloaded', async () => {
    const book = new ExcelJS.Workbook();
    writeGrid(book.addWorksheet('December'), seedGrid('earlyHelp'));
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const wb = fakeWorkbookFromGrids([january()]);
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const api = apiOn(wb);
      const compared = await api.compareWithFile('EH December 2020.xlsx', bytes.buffer as ArrayBuffer);
      expect(compared.ok && compared.value.baseline).toEqual({ kind: 'file', fileName: 'EH December 2020.xlsx' });
      const found = compared.ok ? compared.value.revisions.length : 0;
      expect(found).toBeGreaterThan(0);
      expect(await api.highlightRevisions()).toEqual({ ok: true, value: { highlighted: found } });
      const reloaded = await api.loadRevisions();
      expect(reloaded.ok && reloaded.value.baseline).toEqual({ kind: 'none' });
    } finally {
      uninstall();
    }
  });
});
