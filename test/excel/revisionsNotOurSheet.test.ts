/**
 * A user's sheet that happens to be called `PERF Highlights` (no header row of the add-in's):
 * Highlight, Clear and New month give the one outcome the domain decides
 * (`readSheetHighlights` -> `notOurSheet`), with the "rename it" hint, and change nothing.
 * The CLI side of the same rule is test/cli/highlightRecords.test.ts.
 */
import { HIGHLIGHT_TABLE } from '../../src/domain/revisions/highlightRows';
import { revisionMessages as rm } from '../../src/domain/revisions/messages';
import type { Grid } from '../../src/domain/sheet/grid';
import { excelMessages as xm } from '../../src/excel/messages';
import { rollForward } from '../../src/excel/newMonth/rollForward';
import { clearHighlights, highlightRevisions, loadRevisions, publish } from '../../src/excel/revisions/revisions';
import { FakeWorkbook, installFakeOffice } from '../fakes/fakeExcel';
import { seedGrid, seedGridTables } from '../fixtures/seedGrids';
import { findRow, monthColumns, renameSheet, rollMonths, typeCell } from '../domain/revisions/gridEdit';

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

/** January's sheet with one figure of November changed since December was published. */
function january(): Grid {
  let g = seedGrid('earlyHelp');
  for (const t of seedGridTables('earlyHelp')) g = rollMonths(g, t.headerTop + 1, t.bodyTop, t.bodyBottom);
  g = renameSheet(g, 'Jan-21');
  const row = findRow(g, 1, '2.2') + 1;
  let col: number | undefined;
  for (let h = row; h >= g.top && col === undefined; h--) col = monthColumns(g, h).find((c) => g.text[h - g.top]![c - g.left] === 'Nov-20');
  if (col === undefined) throw new Error('no Nov-20 column');
  return typeCell(g, row, col, '89.4%');
}

/** December published, January active with a revision, and a user's own sheet named like the records. */
async function withUsersSheet(name: string): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook();
  wb.addGrid(seedGrid('earlyHelp'));
  wb.addGrid(january());
  wb.activeSheetId = wb.sheet('Dec-20').id;
  wb.excelApiMinor = 18;
  uninstall = installFakeOffice(globalThis, wb);
  expect((await publish(wb.context(), { now: '2021-01-08T10:00:00.000Z' })).ok).toBe(true);
  wb.activeSheetId = wb.sheet('Jan-21').id;
  const mine = wb.addSheet(name);
  mine.setValue('A1', 'My notes');
  mine.setValue('B2', 'Call Anne about 2.2');
  return wb;
}

const refusal = {
  ok: false,
  error: { code: 'notOurSheet', message: rm.notOurSheet(HIGHLIGHT_TABLE.sheetName), action: xm.notOurSheetAction(HIGHLIGHT_TABLE.sheetName) },
};

describe("a user's sheet named like the highlight records", () => {
  it.each([HIGHLIGHT_TABLE.sheetName, HIGHLIGHT_TABLE.sheetName.toUpperCase()])(
    "'%s': Highlight, Clear and New month all refuse with notOurSheet and change nothing",
    async (name) => {
      const wb = await withUsersSheet(name);
      const loaded = await loadRevisions(wb.context(), { now: '2021-01-20T09:30:00.000Z' });
      // There is something to highlight: without the refusal, cells would turn yellow.
      expect(loaded.ok && loaded.value.revisions.length).toBeGreaterThan(0);
      const jan = wb.sheet('Jan-21').snapshot();
      const mine = wb.sheet(name).snapshot();
      const sheets = wb.sheets.map((s) => s.name);

      expect(await highlightRevisions(wb.context(), { now: '2021-01-20T09:30:00.000Z' })).toEqual(refusal);
      expect(await clearHighlights(wb.context())).toEqual(refusal);
      expect(await wb.run((ctx) => rollForward(ctx))).toEqual(refusal);

      expect(wb.sheet('Jan-21').snapshot()).toEqual(jan);
      expect(wb.sheet(name).snapshot()).toEqual(mine);
      expect(wb.sheets.map((s) => s.name)).toEqual(sheets);
    },
  );
});
