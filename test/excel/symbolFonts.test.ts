/**
 * Older workbooks show last month's DOT as a Wingdings letter (`é` is drawn as an up arrow).
 * Format writes a Unicode arrow into those cells, which Wingdings would draw as another
 * glyph: the cells must get the table's font, in the round trips Format makes anyway, and
 * no other cell's font may change.
 */
import { applyFormatPlan } from '../../src/excel/format/applyFormatPlan';
import { excelMessages as m } from '../../src/excel/messages';
import { a1 } from '../../src/domain/sheet/grid';
import type { Grid } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { FakeWorkbook, fakeWorkbookFromGrids } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';
import { planFor } from './planHelpers';
import { entered } from '../fixtures/writes';

const WINGDINGS_UP_RIGHT_DOWN = ['é', 'è', 'ê'];

/** The seed sheet with every DOT cell of its indicator rows holding a Wingdings arrow letter. */
function withWingdingsDots(): { grid: Grid; dots: Array<{ row: number; col: number }> } {
  const grid = seedGrid('earlyHelp');
  const tables = readScorecard(grid);
  if (!tables.ok) throw new Error(tables.error.message);
  const values = grid.values.map((r) => [...r]);
  const text = grid.text.map((r) => [...r]);
  const dots: Array<{ row: number; col: number }> = [];
  for (const t of tables.value) {
    if (t.columns.dot === null) continue;
    t.indicators.forEach((row, i) => {
      const letter = WINGDINGS_UP_RIGHT_DOWN[i % 3]!;
      values[row.row - grid.top]![t.columns.dot! - grid.left] = letter;
      text[row.row - grid.top]![t.columns.dot! - grid.left] = letter;
      dots.push({ row: row.row, col: t.columns.dot! });
    });
  }
  return { grid: { ...grid, values, text }, dots };
}

async function format(wb: FakeWorkbook, grid: Grid) {
  const plan = planFor(grid);
  const outcome = await wb.run((ctx) => applyFormatPlan(ctx, plan, { backupName: 'PERF backup test', expected: grid }));
  return { plan, outcome };
}

describe('DOT cells in a symbol font', () => {
  it('get the table\'s font with their new arrows; every other cell keeps its font', async () => {
    const { grid, dots } = withWingdingsDots();
    expect(dots.length).toBeGreaterThan(20);
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    for (const d of dots) sheet.update(d.row, d.col, (c) => (c.fontName = 'Wingdings'));
    // A user's own Wingdings cell outside the table (a tick beside the title) is not the add-in's.
    sheet.update(0, 20, (c) => {
      c.value = 'ü';
      c.fontName = 'Wingdings';
    });
    const { plan, outcome } = await format(wb, grid);
    expect(outcome.ok).toBe(true);
    const written = new Map(plan.writes.map((w) => [`${w.row},${w.col}`, w]));
    for (const d of dots) {
      const cell = sheet.cellAt(d.row, d.col);
      const w = written.get(`${d.row},${d.col}`);
      expect(w).toBeDefined();
      expect(cell.value).toEqual(entered(w!));
      expect(cell.fontName).toBe('Calibri');
    }
    expect(sheet.cellAt(0, 20).fontName).toBe('Wingdings');
    // In the round trips Format makes anyway.
    const plain = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    await format(plain, seedGrid('earlyHelp'));
    expect(wb.stats.syncs).toBe(plain.stats.syncs);
  });

  it('takes the table\'s own font (here Arial), not a fixed one', async () => {
    const { grid, dots } = withWingdingsDots();
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    const plan = planFor(grid);
    for (let r = plan.area.top; r <= plan.area.bottom; r++) for (let c = plan.area.left; c <= plan.area.right; c++) sheet.update(r, c, (x) => (x.fontName = 'Arial'));
    for (const d of dots) sheet.update(d.row, d.col, (c) => (c.fontName = 'Wingdings'));
    const { outcome } = await format(wb, grid);
    expect(outcome.ok).toBe(true);
    for (const d of dots) expect(sheet.cellAt(d.row, d.col).fontName).toBe('Arial');
  });

  it('a DOT letter in an ordinary font was text, and its cell keeps its font', async () => {
    const { grid, dots } = withWingdingsDots();
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    for (const d of dots) sheet.update(d.row, d.col, (c) => (c.fontName = 'Verdana'));
    const { outcome } = await format(wb, grid);
    expect(outcome.ok).toBe(true);
    for (const d of dots) expect(sheet.cellAt(d.row, d.col).fontName).toBe('Verdana');
  });

  it('a run of DOT cells in mixed fonts, some Wingdings, gets the table\'s font throughout', async () => {
    const { grid, dots } = withWingdingsDots();
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    dots.forEach((d, i) => sheet.update(d.row, d.col, (c) => (c.fontName = i % 2 === 0 ? 'Wingdings' : 'Arial')));
    const { outcome } = await format(wb, grid);
    expect(outcome.ok).toBe(true);
    for (const d of dots) expect(sheet.cellAt(d.row, d.col).fontName).toBe('Calibri');
  });

  it('says which cells kept their symbol font when Excel refuses the clean-up trip', async () => {
    const { grid, dots } = withWingdingsDots();
    const wb = fakeWorkbookFromGrids([grid]);
    const sheet = wb.sheet(grid.sheetName);
    for (const d of dots) sheet.update(d.row, d.col, (c) => (c.fontName = 'Wingdings'));
    // Syncs: the sheet's state, the write, the clean-up (refused whole).
    wb.failSync({ sync: 3, afterActions: 0, code: 'GeneralException', message: 'fonts refused' });
    const { outcome } = await format(wb, grid);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const reason = m.officeError('GeneralException', 'fonts refused');
    const said = (outcome.value.warnings ?? []).find((w) => w.includes('symbol font'));
    expect(said).toBeDefined();
    expect(said!.endsWith(m.symbolFontsLeft('', reason).split('kept')[1]!)).toBe(true);
    // Each cell left in Wingdings is named, in a range of the warning.
    for (const d of dots) expect(sheet.cellAt(d.row, d.col).fontName).toBe('Wingdings');
    expect(said).toContain(a1(dots[0]!.row, dots[0]!.col));
  });
});
