/**
 * More than 512 merged areas: Range.getMergedAreasOrNullObject "will fail to return the
 * result" then (@types/office-js), and the fake fails the whole batch as Excel does. A
 * sheet like that must still read, detect and format, with every merged area found.
 */
import { createExcelAddinApi } from '../../src/excel/addinApi';
import { readGrid, readGridAndFormulas } from '../../src/excel/io/readGrid';
import type { CellBox, Grid } from '../../src/domain/sheet/grid';
import { DEFAULT_SETTINGS } from '../../src/port/api';
import { readGrids } from '../../src/xlsx/read';
import { MAX_MERGED_AREAS } from '../fakes/fakeExcelProxies';
import { fakeWorkbookFromGrids, installFakeOffice, type FakeWorkbook } from '../fakes/fakeExcel';
import { syntheticGrid } from '../fixtures/seedGrids';
import { entered } from '../fixtures/writes';
import { planFor } from './planHelpers';

/**
 * `rows` indicator rows with their empty section cells (column A) merged down in pairs, as a
 * report does when the section label column is merged between the section headings.
 */
function mergedSheet(rows: number): { grid: Grid; merges: CellBox[] } {
  const grid = syntheticGrid(rows);
  const merges: CellBox[] = [];
  for (let r = 0; r + 1 < grid.values.length; r += 2) {
    const blank = (k: number): boolean => (grid.text[k][0] ?? '') === '' && (grid.values[k][0] ?? null) === null;
    if (r > 2 && blank(r) && blank(r + 1)) merges.push({ top: grid.top + r, left: grid.left, bottom: grid.top + r + 1, right: grid.left });
  }
  return { grid: { ...grid, merges }, merges };
}

const byPosition = (a: CellBox, b: CellBox): number => a.top - b.top || a.left - b.left;

function withOffice<T>(wb: FakeWorkbook, run: () => Promise<T>): Promise<T> {
  const uninstall = installFakeOffice(globalThis, wb);
  return run().finally(uninstall);
}

describe('a sheet with more than 512 merged areas', () => {
  const { grid, merges } = mergedSheet(1400);

  it('has more merged areas than Excel returns in one call (the fake refuses them as Excel does)', async () => {
    expect(merges.length).toBeGreaterThan(MAX_MERGED_AREAS);
    const wb = fakeWorkbookFromGrids([grid]);
    await expect(
      wb.run(async (ctx) => {
        const merged = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange(true).getMergedAreasOrNullObject();
        merged.load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
  });

  it('is read with every merged area, in a bounded number of round trips', async () => {
    const wb = fakeWorkbookFromGrids([grid]);
    const read = await withOffice(wb, () => wb.run((ctx) => readGrid(ctx)));
    expect([...(read.merges ?? [])].sort(byPosition)).toEqual([...merges].sort(byPosition));
    expect(read.values).toEqual(grid.values.map((row) => row.map((v) => (v === undefined ? null : v))));
    // The refused read, the read without merged areas, then the merged areas halved until
    // each piece holds at most 512 cells at worst: log2 of the sheet's cells over 512.
    const cells = grid.values.length * grid.values[0].length;
    expect(wb.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(cells / MAX_MERGED_AREAS)) + 1);
  });

  it('reads the same merged areas with the formulas (what New month moves)', async () => {
    const wb = fakeWorkbookFromGrids([grid]);
    const read = await withOffice(wb, () => wb.run((ctx) => readGridAndFormulas(ctx)));
    expect([...(read.grid.merges ?? [])].sort(byPosition)).toEqual([...merges].sort(byPosition));
    expect(read.formulas).toHaveLength(grid.values.length);
  });

  it('reads them in pieces too when the sheet is also too large for one response', async () => {
    const wb = fakeWorkbookFromGrids([grid], { responseLimitBytes: 300_000 });
    const read = await withOffice(wb, () => wb.run((ctx) => readGrid(ctx)));
    expect([...(read.merges ?? [])].sort(byPosition)).toEqual([...merges].sort(byPosition));
    expect(read.values).toHaveLength(grid.values.length);
  });

  it('keeps a merged area that straddles two pieces once', async () => {
    // One tall merge down the whole section column, plus the pairs in another column.
    const tall: CellBox = { top: grid.top + 3, left: grid.left + 1, bottom: grid.top + grid.values.length - 1, right: grid.left + 1 };
    const shifted = merges.map((m) => ({ ...m, left: m.left + 20, right: m.right + 20 }));
    const wb = fakeWorkbookFromGrids([{ ...grid, merges: [tall, ...shifted] }]);
    const read = await withOffice(wb, () => wb.run((ctx) => readGrid(ctx)));
    expect(read.merges?.filter((m) => m.left === tall.left)).toEqual([tall]);
    expect(read.merges).toHaveLength(shifted.length + 1);
  });

  it('passes on an error that is not about merged areas (cell-edit mode)', async () => {
    const wb = fakeWorkbookFromGrids([grid]);
    wb.editMode = true;
    await expect(withOffice(wb, () => wb.run((ctx) => readGrid(ctx)))).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('formats as it would without the merged areas', async () => {
    const wb = fakeWorkbookFromGrids([grid]);
    const api = createExcelAddinApi({ run: (batch) => wb.run(batch), readFile: readGrids });
    const outcome = await withOffice(wb, () => api.format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal));
    expect(outcome.ok).toBe(true);
    const plan = planFor(grid);
    expect(plan.writes.length).toBeGreaterThan(1000);
    for (const w of plan.writes) expect(wb.sheet(grid.sheetName).cellAt(w.row, w.col).value).toEqual(entered(w));
    expect(wb.sheet(grid.sheetName).merges).toHaveLength(merges.length);
  });
});
