import { sheetMsg, summaryMsg } from '../../../src/domain/messages';
import { LOOKED_FOR } from '../../../src/domain/sheet/headers';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import type { Grid } from '../../../src/domain/sheet/grid';
import { draftSummary, summaryLines, summaryText } from '../../../src/domain/summary';
import { excelMessages as m } from '../../../src/excel/messages';
import { draftSummaryOf, writeSummarySheet } from '../../../src/excel/summary/summarySheet';
import { DEFAULT_SETTINGS } from '../../../src/port/api';
import { fakeWorkbookFromGrids, type FakeWorkbook } from '../../fakes/fakeExcel';
import { seedGrid } from '../../fixtures/seedGrids';

/** The lines the engine drafts from a grid: what the sheet must hold, row by row. */
function expectedLines(grid: Grid) {
  const tables = readScorecard(grid);
  if (!tables.ok) throw new Error(tables.error.message);
  return summaryLines(draftSummary(tables.value));
}

function snapshots(wb: FakeWorkbook) {
  return wb.sheets.map((s) => ({ name: s.name, snapshot: s.snapshot() }));
}

/** The corporate parenting seed with one section label that Excel would take for a formula. */
function withFormulaLikeSection(): Grid {
  const grid = seedGrid('corporateParenting');
  const values = grid.values.map((r) => [...r]);
  const text = grid.text.map((r) => [...r]);
  const i = text.findIndex((r) => r[0] === 'LOOKED AFTER CHILDREN');
  values[i]![0] = '=HYPERLINK("http://x","LAC")';
  text[i]![0] = '=HYPERLINK("http://x","LAC")';
  return { ...grid, values, text };
}

describe('writeSummarySheet', () => {
  it.each(['corporateParenting', 'earlyHelp'] as const)('writes the %s draft to a new sheet in two round trips, one line per row, headings bold', async (report) => {
    const grid = seedGrid(report);
    const wb = fakeWorkbookFromGrids([grid]);
    const before = snapshots(wb);
    const outcome = await wb.run((ctx) => writeSummarySheet(ctx, DEFAULT_SETTINGS));
    const lines = expectedLines(grid);
    expect(outcome).toEqual({ ok: true, value: { sheetName: `Summary ${grid.sheetName}`, lines: lines.length } });
    expect(wb.stats.syncs).toBe(2);
    const sheet = wb.sheet(`Summary ${grid.sheetName}`);
    lines.forEach((line, row) => {
      const cell = sheet.cellAt(row, 0);
      expect({ row, value: cell.value, formula: cell.formula, bold: cell.bold, wrap: cell.wrapText }).toEqual({ row, value: line.text, formula: null, bold: line.level < 3, wrap: true });
    });
    expect(sheet.cellAt(lines.length, 0).value).toBe('');
    const texts = lines.map((l) => l.text);
    expect(texts.filter((t) => t === summaryMsg.working || t === summaryMsg.focus).length).toBeGreaterThan(1);
    // Every bullet names its indicator by NO.
    const bullets = texts.filter((t) => t.startsWith('•'));
    expect(bullets.length).toBeGreaterThan(3);
    for (const b of bullets) expect(b).toMatch(/^• \d+\.\d+[a-z]?: \S/);
    // No existing sheet changed; the new sheet is shown.
    expect(snapshots(wb).filter((s) => s.name !== sheet.name)).toEqual(before);
    expect(wb.activeSheet().name).toBe(sheet.name);
  });

  it('never overwrites: a second summary of the month goes to `Summary Dec-19 (2)` and the first is kept as it was', async () => {
    const grid = seedGrid('corporateParenting');
    const wb = fakeWorkbookFromGrids([grid]);
    await wb.run((ctx) => writeSummarySheet(ctx, DEFAULT_SETTINGS));
    // The analyst edits the first draft, then goes back to the scorecard and writes again.
    wb.sheet('Summary Dec-19').cellAt(0, 0).value = 'Edited by the analyst';
    wb.activeSheetId = wb.sheet('Dec-19').id;
    const before = snapshots(wb);
    const outcome = await wb.run((ctx) => writeSummarySheet(ctx, DEFAULT_SETTINGS));
    expect(outcome.ok && outcome.value.sheetName).toBe('Summary Dec-19 (2)');
    expect(snapshots(wb).filter((s) => s.name !== 'Summary Dec-19 (2)')).toEqual(before);
    expect(wb.sheet('Summary Dec-19').cellAt(0, 0).value).toBe('Edited by the analyst');
  });

  it('keeps cell text that looks like a formula as text', async () => {
    const grid = withFormulaLikeSection();
    const wb = fakeWorkbookFromGrids([grid]);
    const outcome = await wb.run((ctx) => writeSummarySheet(ctx, DEFAULT_SETTINGS));
    expect(outcome.ok).toBe(true);
    const sheet = wb.sheet('Summary Dec-19');
    const lines = expectedLines(grid);
    const row = lines.findIndex((l) => l.text.startsWith('=HYPERLINK'));
    expect(row).toBeGreaterThan(0);
    expect(sheet.cellAt(row, 0)).toMatchObject({ value: '=HYPERLINK("http://x","LAC")', formula: null });
  });

  it('refuses, adding nothing, when the workbook structure is protected', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('corporateParenting')]);
    wb.structureProtected = true;
    const before = snapshots(wb);
    const outcome = await wb.run((ctx) => writeSummarySheet(ctx, DEFAULT_SETTINGS));
    expect(outcome).toEqual({ ok: false, error: { code: 'summaryStructureProtected', message: m.summaryStructureProtected(), action: m.summaryStructureProtectedAction() } });
    expect(snapshots(wb)).toEqual(before);
    expect(wb.stats.syncs).toBe(1);
  });

  it('says no table was found on a sheet without one, adding nothing', async () => {
    const wb = fakeWorkbookFromGrids([{ sheetName: 'Notes', top: 0, left: 0, values: [['Minutes of the meeting']], text: [['Minutes of the meeting']], numberFormats: [['General']], merges: [] }]);
    const outcome = await wb.run((ctx) => writeSummarySheet(ctx, DEFAULT_SETTINGS));
    expect(outcome).toEqual({ ok: false, error: { code: 'noTable', message: sheetMsg.noTable('Notes', LOOKED_FOR), action: m.noTableAction() } });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Notes']);
  });
});

describe('draftSummaryOf', () => {
  it('gives the draft as lines and plain text in one round trip, writing nothing', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const before = snapshots(wb);
    const outcome = await wb.run((ctx) => draftSummaryOf(ctx, DEFAULT_SETTINGS));
    if (!outcome.ok) throw new Error(outcome.error.message);
    const tables = readScorecard(grid);
    if (!tables.ok) throw new Error(tables.error.message);
    const draft = draftSummary(tables.value);
    expect(outcome.value).toEqual({
      sheetName: 'Dec-20',
      month: 'Dec-20',
      lines: summaryLines(draft),
      text: summaryText(draft),
      bullets: draft.sections.reduce((n, s) => n + s.working.length + s.focus.length, 0),
    });
    expect(wb.stats.syncs).toBe(1);
    expect(snapshots(wb)).toEqual(before);
  });
});
