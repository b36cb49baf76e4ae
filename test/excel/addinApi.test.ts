import { createExcelAddinApi } from '../../src/excel/addinApi';
import { excelMessages as m } from '../../src/excel/messages';
import { excelMessages as xm } from '../../src/excel/messages';
import { HIGHLIGHT_TABLE, highlightsToRows } from '../../src/domain/revisions/highlightRows';
import { a1 } from '../../src/domain/sheet/grid';
import { sheetMsg } from '../../src/domain/messages';
import { LOOKED_FOR } from '../../src/domain/sheet/headers';
import { DEFAULT_SETTINGS, type Progress } from '../../src/port/api';
import { fakeWorkbookFromGrids, installFakeOffice, type FakeWorkbook } from '../fakes/fakeExcel';
import { seedGrid, seedGridTables } from '../fixtures/seedGrids';
import { findRow, monthColumns, renameSheet, rollMonths, typeCell } from '../domain/revisions/gridEdit';
import { writeGrid } from '../helpers/fromGrid';
import { readGrids } from '../../src/xlsx/read';
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
import { entered } from '../fixtures/writes';

function apiOn(wb: FakeWorkbook) {
  return createExcelAddinApi({ run: (batch) => wb.run(batch), readFile: readGrids });
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
    // Early Help 2.2's bands (<65% / >65% <75%) leave 65% uncovered: a warning, passed on as one.
    expect(outcome.value.problems.some((p) => p.severity === 'warning' && /65%/.test(p.message))).toBe(true);
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
    for (const w of plan.writes) expect(wb.sheet('Dec-19').cellAt(w.row, w.col).value).toEqual(entered(w));
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
    const formulas = plan.writes.filter((w) => w.kind === 'formula');
    expect(formulas.length).toBeGreaterThan(0);
    for (const w of formulas) expect(wb.sheet('Dec-20').cellAt(w.row, w.col).formula).toBe(entered(w));
  });

  it.each(['A4', 'Letter', 'A3'] as const)('sets the paper chosen in the settings (%s) on the formatted sheet', async (paper) => {
    const grid = seedGrid('corporateParenting');
    const wb = fakeWorkbookFromGrids([grid]);
    const outcome = await apiOn(wb).format({ ...DEFAULT_SETTINGS, paper }, () => undefined, new AbortController().signal);
    expect(outcome.ok).toBe(true);
    expect(wb.sheet('Dec-19').pageLayout.paperSize).toBe(paper);
    expect(wb.sheet('Dec-19').pageLayout.orientation).toBe('Landscape');
  });

  it('does not write when cancelled before the write', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const before = wb.sheet('Dec-20').snapshot();
    const controller = new AbortController();
    controller.abort();
    const outcome = await apiOn(wb).format(DEFAULT_SETTINGS, () => undefined, controller.signal);
    expect(outcome).toEqual({ ok: false, error: { code: 'cancelled', message: m.cancelled() } });
    expect(wb.sheet('Dec-20').snapshot()).toEqual(before);
  });

  it('reports a sheet without a scorecard table with what to check', async () => {
    const wb = fakeWorkbookFromGrids([]);
    wb.addSheet('Notes').setValue('A1', 'hello');
    const outcome = await apiOn(wb).detect(DEFAULT_SETTINGS);
    expect(outcome).toEqual({ ok: false, error: { code: 'noTable', message: sheetMsg.noTable('Notes', LOOKED_FOR), action: m.noTableAction() } });
  });

  it('shows a protected sheet as a message, never a throw', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.sheet('Dec-20').protected = true;
    const outcome = await apiOn(wb).format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal);
    expect(outcome).toEqual({ ok: false, error: { code: 'sheetProtected', message: m.sheetProtected('Dec-20'), action: m.sheetProtectedAction() } });
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
    expect(await apiOn(wb).selectCell('somewhere')).toEqual({ ok: false, error: { code: 'badAddress', message: m.badAddress('somewhere') } });
  });

  it('rolls forward to a new sheet and saves and loads settings', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    const api = apiOn(wb);
    expect(await api.rollForward()).toEqual({ ok: true, value: { sheetName: 'Jan-21' } });
    const chosen = { ...DEFAULT_SETTINGS, convention: 'numeric' as const };
    expect(await api.saveSettings(chosen)).toEqual({ ok: true, value: undefined });
    expect(await api.loadSettings()).toEqual({ ok: true, value: { settings: chosen } });
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
    expect(await createExcelAddinApi().loadSettings()).toEqual({ ok: false, error: { code: 'noExcel', message: m.noExcel(), action: m.noExcelAction() } });
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

  it('carries a failed revisions lookup after a successful Format to the pane as a warning', async () => {
    const grid = seedGrid('earlyHelp');
    const dry = fakeWorkbookFromGrids([grid]);
    const formatted = await apiOn(dry).format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal);
    if (!formatted.ok) throw new Error(formatted.error.message);
    // Without Office installed the host has no notes: that warning comes whatever happens next.
    const usual = formatted.value.warnings ?? [];
    expect(usual.some((w) => w.includes('revised figures'))).toBe(false);

    // A published-figures sheet with nothing published before this month: the count then
    // reads last month's sheet in one more round trip after Format's three, which fails.
    const wb = fakeWorkbookFromGrids([grid]);
    wb.addSheet('PERF Published').visibility = 'Hidden';
    wb.addSheet('Nov-20').setValue('A1', 'last month');
    wb.failSync({ sync: 4, afterActions: 0, code: 'GeneralException', message: 'The link to Excel was lost.' });
    const outcome = await apiOn(wb).format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(wb.stats.syncs).toBe(4);
    expect(outcome.value.revisions).toBe(0);
    expect(outcome.value.warnings).toHaveLength(usual.length + 1);
    const lookup = outcome.value.warnings?.[usual.length] ?? '';
    expect(lookup).toContain('The link to Excel was lost.');
    expect(lookup).toBe(m.revisionsLookupFailed(lookup.match(/\((.*)\)\. Open/)?.[1] ?? ''));
  });

  it("counts Format's revisions against the baseline the Revisions view uses (a user's sheet named PERF Published: last month's sheet)", async () => {
    const wb = fakeWorkbookFromGrids([january(), seedGrid('earlyHelp')]);
    const mine = wb.addSheet('PERF Published');
    mine.setValue('A1', 'My budget');
    const api = apiOn(wb);
    const loaded = await api.loadRevisions();
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.baseline).toEqual({ kind: 'sheet', sheetName: 'Dec-20' });
    expect(loaded.value.revisions.length).toBeGreaterThan(0);
    const formatted = await api.format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal);
    if (!formatted.ok) throw new Error(formatted.error.message);
    expect(formatted.value.revisions).toBe(loaded.value.revisions.length);
    expect(mine.value('A1')).toBe('My budget');
  });

  it('carries the warnings of highlight and clear to the pane (a host without notes or comments)', async () => {
    const wb = fakeWorkbookFromGrids([january(), renameSheet(seedGrid('earlyHelp'), 'Dec-20')]);
    wb.excelApiMinor = 9;
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const api = apiOn(wb);
      const highlighted = await api.highlightRevisions();
      expect(highlighted.ok).toBe(true);
      if (!highlighted.ok) return;
      expect(highlighted.value.highlighted).toBeGreaterThan(0);
      expect(highlighted.value.warnings).toContain(xm.notesUnsupported());
    } finally {
      uninstall();
    }
  });

  it('says nothing extra when highlight and roll-forward have no warnings', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    const api = apiOn(wb);
    const cleared = await api.clearHighlights();
    expect(cleared).toEqual({ ok: true, value: { cleared: 0 } });
  });

  it('carries roll-forward warnings (last month\'s comments left on an older host) to the pane', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.excelApiMinor = 10;
    const row = seedGridTables('earlyHelp')[0].bodyTop + 2;
    const address = `A${row + 1}`;
    const source = wb.sheet('Dec-20');
    source.setFill(address, '#FFFF00');
    wb.comments.set('ours', { sheetId: source.id, row, col: 0, content: 'Revised: Nov-20 published 88.9%, now 89.4%' });
    const records = wb.addSheet(HIGHLIGHT_TABLE.sheetName);
    records.visibility = 'Hidden';
    highlightsToRows([
      { sheet: 'Dec-20', address, previousFill: null, highlightFill: '#FFFF00', note: 'Revised: Nov-20 published 88.9%, now 89.4%', revisionId: 'a|Nov-20' },
    ]).forEach((r, i) => r.forEach((v, j) => records.setValue(a1(i, j), v)));
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      expect(await apiOn(wb).rollForward()).toEqual({ ok: true, value: { sheetName: 'Jan-21', warnings: [m.highlightNotesKept()] } });
    } finally {
      uninstall();
    }
  });

  it('records the reviewer the pane names with a decision and a publication', async () => {
    const wb = fakeWorkbookFromGrids([january(), renameSheet(seedGrid('earlyHelp'), 'Dec-20')]);
    const api = apiOn(wb);
    const loaded = await api.loadRevisions();
    expect(loaded.ok && loaded.value.revisions.length).toBeGreaterThan(0);
    if (!loaded.ok) return;
    const marked = await api.markRevision(loaded.value.revisions[0].id, 'reviewed', 'Checked', 'Anne Hawke');
    expect(marked.ok && marked.value.reviewer).toBe('Anne Hawke');
    const again = await api.loadRevisions();
    expect(again.ok && again.value.revisions[0].reviewer).toBe('Anne Hawke');
  });

  it('prefers the pane\'s reviewer name to the one the adapter was created with, and falls back to it when blank', async () => {
    const wb = fakeWorkbookFromGrids([january(), renameSheet(seedGrid('earlyHelp'), 'Dec-20')]);
    const api = createExcelAddinApi({ run: (batch) => wb.run(batch), user: 'Default User' });
    const loaded = await api.loadRevisions();
    if (!loaded.ok) throw new Error(loaded.error.message);
    const [first] = loaded.value.revisions;
    const named = await api.markRevision(first.id, 'reviewed', '', 'Sam Patel');
    expect(named.ok && named.value.reviewer).toBe('Sam Patel');
    const fallback = await api.markRevision(first.id, 'queried', 'Why up?', '   ');
    expect(fallback.ok && fallback.value.reviewer).toBe('Default User');
  });
});
