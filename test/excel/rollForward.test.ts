import { sheetMsg } from '../../src/domain/messages';
import { highlightsToRows, HIGHLIGHT_TABLE, parseHighlightRows } from '../../src/domain/revisions/highlightRows';
import { revisionMessages } from '../../src/domain/revisions/messages';
import type { Grid } from '../../src/domain/sheet/grid';
import { a1 } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import type { ScorecardTable } from '../../src/domain/sheet/scorecard';
import { excelMessages } from '../../src/excel/messages';
import { rollForward } from '../../src/excel/newMonth/rollForward';
import { FakeWorkbook, fakeWorkbookFromGrids, installFakeOffice } from '../fakes/fakeExcel';
import { seedGrid, syntheticGrid } from '../fixtures/seedGrids';

function tablesOf(grid: Grid): ScorecardTable[] {
  const read = readScorecard(grid);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('rollForward', () => {
  it('creates Jan-21 after Dec-20 with months shifted left and the new month empty', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const source = wb.sheet('Dec-20');
    const before = source.snapshot();
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome).toEqual({ ok: true, value: { sheetName: 'Jan-21', restoredFills: 0, warnings: [] } });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Dec-20', 'Jan-21']);
    expect(wb.activeSheet().name).toBe('Jan-21');
    expect(source.snapshot()).toEqual(before);

    const next = wb.sheet('Jan-21');
    for (const table of tablesOf(grid)) {
      const [oct, nov, dec] = table.months.map((m) => m.col);
      expect([oct, nov, dec].map((c) => next.textAt(table.monthHeaderRow, c))).toEqual(['Nov-20', 'Dec-20', 'Jan-21']);
      for (const row of table.indicators) {
        expect(next.cellAt(row.row, oct).value).toEqual(source.cellAt(row.row, nov).value);
        expect(next.cellAt(row.row, nov).value).toEqual(source.cellAt(row.row, dec).value);
        expect(next.cellAt(row.row, dec).value).toBe('');
        // Formats stay with the cells: the emptied column keeps its number format for the new figures.
        expect(next.cellAt(row.row, dec).numberFormat).toBe(source.cellAt(row.row, dec).numberFormat);
      }
    }
    expect(next.text('A1')).toBe('As at Month End: January 2021');
  });

  it('keeps text month headers as text: Jan-21 is not turned into 21 January (KB Q214327)', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const source = wb.sheet('Dec-20');
    const tables = tablesOf(grid);
    // Headers typed as text labels in General cells (as a workbook saved from a CSV has them).
    for (const table of tables) {
      for (const m of table.months) {
        source.update(table.monthHeaderRow, m.col, (c) => {
          c.value = source.textAt(table.monthHeaderRow, m.col);
          c.numberFormat = 'General';
          c.givenText = null;
        });
      }
    }
    expect((await wb.run((ctx) => rollForward(ctx))).ok).toBe(true);
    const next = wb.sheet('Jan-21');
    for (const table of tables) {
      const cols = table.months.map((m) => m.col);
      expect(cols.map((c) => next.cellAt(table.monthHeaderRow, c).value)).toEqual(['Nov-20', 'Dec-20', 'Jan-21']);
      expect(next.textAt(table.monthHeaderRow, cols[2])).toBe('Jan-21');
    }
  });

  it('moves formulas as written, without shifting their references', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const table = tablesOf(grid)[0];
    const row = table.indicators[0].row;
    const [oct, nov] = table.months.map((m) => m.col);
    wb.sheet('Dec-20').update(row, nov, (c) => {
      c.formula = '=Data!N5';
      c.value = 822;
    });
    await wb.run((ctx) => rollForward(ctx));
    expect(wb.sheet('Jan-21').cellAt(row, oct).formula).toBe('=Data!N5');
  });

  it('takes last month\'s highlight notes off the new sheet, leaving a note the user changed', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const table = tablesOf(grid)[0];
    const ours = a1(table.indicators[2].row, 0);
    const edited = a1(table.indicators[3].row, 0);
    const source = wb.sheet('Dec-20');
    for (const address of [ours, edited]) source.setFill(address, '#FFFF00');
    const at = (address: string) => ({ row: Number(address.slice(1)) - 1, col: 0 });
    source.update(at(ours).row, 0, (c) => (c.note = 'Revised: Nov-20 published 88.9%, now 89.4%'));
    source.update(at(edited).row, 0, (c) => (c.note = 'Checked with the team'));
    const records = wb.addSheet(HIGHLIGHT_TABLE.sheetName);
    records.visibility = 'Hidden';
    highlightsToRows([
      { sheet: 'Dec-20', address: ours, previousFill: null, highlightFill: '#FFFF00', note: 'Revised: Nov-20 published 88.9%, now 89.4%', revisionId: 'a|Nov-20' },
      { sheet: 'Dec-20', address: edited, previousFill: null, highlightFill: '#FFFF00', note: 'Revised: Nov-20 published 12, now 13', revisionId: 'b|Nov-20' },
    ]).forEach((r, i) => r.forEach((v, j) => records.setValue(a1(i, j), v)));
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const outcome = await wb.run((ctx) => rollForward(ctx));
      expect(outcome.ok).toBe(true);
    } finally {
      uninstall();
    }
    const next = wb.sheet('Jan-21');
    expect(next.cell(ours).note).toBeNull();
    expect(next.cell(edited).note).toBe('Checked with the team');
    expect(source.cell(ours).note).toBe('Revised: Nov-20 published 88.9%, now 89.4%');
  });

  it('takes the add-in\'s "No arrow" notes off the cleared DOT cells, keeping anyone else\'s note', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const table = tablesOf(grid)[0];
    const dot = table.columns.dot!;
    const [withOurs, withUsers] = [table.indicators[1].row, table.indicators[2].row];
    const ours = sheetMsg.noArrowNote('Dec-20', 'TBC');
    const source = wb.sheet('Dec-20');
    source.update(withOurs, dot, (c) => (c.note = ours));
    source.update(withUsers, dot, (c) => (c.note = 'Arrow checked with the team'));
    // The same text somewhere the new month does not clear (a label cell): not the planner's to remove.
    source.update(withOurs, 0, (c) => (c.note = ours));
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      expect((await wb.run((ctx) => rollForward(ctx))).ok).toBe(true);
    } finally {
      uninstall();
    }
    const next = wb.sheet('Jan-21');
    expect(next.cellAt(withOurs, dot).note).toBeNull();
    expect(next.cellAt(withUsers, dot).note).toBe('Arrow checked with the team');
    expect(next.cellAt(withOurs, 0).note).toBe(ours);
    expect(source.cellAt(withOurs, dot).note).toBe(ours);
  });

  it('takes last month\'s RAG and DOT colours off the new sheet, keeping their other formats', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const table = tablesOf(grid)[0];
    const { rag, dot } = table.columns;
    if (rag === null || dot === null) throw new Error('earlyHelp has RAG and DOT columns');
    const row = table.indicators[1].row;
    const source = wb.sheet('Dec-20');
    source.update(row, rag, (c) => {
      c.value = 'R';
      c.fill = '#C00000';
      c.fontColor = '#FFFFFF';
      c.bold = true;
    });
    source.update(row, dot, (c) => {
      c.value = '↓';
      c.fontColor = '#C00000';
    });
    // A month cell the user coloured is not the add-in's to reset.
    const month = table.months[0].col;
    source.update(row, month, (c) => (c.fill = '#FFC000'));
    expect((await wb.run((ctx) => rollForward(ctx))).ok).toBe(true);
    const next = wb.sheet('Jan-21');
    expect(next.cellAt(row, rag)).toMatchObject({ value: '', fill: null, fontColor: '#000000', bold: true });
    expect(next.cellAt(row, dot)).toMatchObject({ value: '', fill: null, fontColor: '#000000' });
    expect(next.cellAt(row, month).fill).toBe('#FFC000');
    expect(source.cellAt(row, rag).fill).toBe('#C00000');
  });

  it('keeps last month\'s revision comments on a host without notes (ExcelApi 1.10) and says so', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.excelApiMinor = 10;
    const table = tablesOf(grid)[0];
    const row = table.indicators[2].row;
    const ours = a1(row, 0);
    const source = wb.sheet('Dec-20');
    source.setFill(ours, '#FFFF00');
    wb.comments.set('ours', { sheetId: source.id, row, col: 0, content: 'Revised: Nov-20 published 88.9%, now 89.4%' });
    const records = wb.addSheet(HIGHLIGHT_TABLE.sheetName);
    records.visibility = 'Hidden';
    highlightsToRows([
      { sheet: 'Dec-20', address: ours, previousFill: null, highlightFill: '#FFFF00', note: 'Revised: Nov-20 published 88.9%, now 89.4%', revisionId: 'a|Nov-20' },
    ]).forEach((r, i) => r.forEach((v, j) => records.setValue(a1(i, j), v)));
    const uninstall = installFakeOffice(globalThis, wb);
    let outcome: Awaited<ReturnType<typeof rollForward>>;
    try {
      outcome = await wb.run((ctx) => rollForward(ctx));
    } finally {
      uninstall();
    }
    expect(outcome).toEqual({ ok: true, value: { sheetName: 'Jan-21', restoredFills: 1, warnings: [excelMessages.highlightNotesKept()] } });
    const next = wb.sheet('Jan-21');
    const onNext = [...wb.comments.values()].filter((c) => c.sheetId === next.id);
    expect(onNext.map((c) => c.content)).toEqual(['Revised: Nov-20 published 88.9%, now 89.4%']);
    expect(next.fill(ours)).toBeNull();
  });

  it('takes last month\'s highlights off the new sheet, restoring the user\'s fill', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const table = tablesOf(grid)[0];
    const own = a1(table.indicators[2].row, 0);
    const plain = a1(table.indicators[3].row, 0);
    const source = wb.sheet('Dec-20');
    source.setFill(own, '#FFFF00');
    source.setFill(plain, '#FFFF00');
    const records = wb.addSheet(HIGHLIGHT_TABLE.sheetName);
    records.visibility = 'Hidden';
    const rows = highlightsToRows([
      { sheet: 'Dec-20', address: own, previousFill: '#C6EFCE', highlightFill: '#FFFF00', note: null, revisionId: 'a|Nov-20' },
      { sheet: 'Dec-20', address: plain, previousFill: null, highlightFill: '#FFFF00', note: null, revisionId: 'b|Nov-20' },
    ]);
    rows.forEach((r, i) => r.forEach((v, j) => records.setValue(a1(i, j), v)));
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome.ok && outcome.value.restoredFills).toBe(2);
    expect(wb.sheet('Jan-21').fill(own)).toBe('#C6EFCE');
    expect(wb.sheet('Jan-21').fill(plain)).toBeNull();
    // Last month's sheet keeps its published look.
    expect(source.fill(own)).toBe('#FFFF00');
  });

  it("takes off last month's highlights recorded under another case of the sheet's name (Excel's sheet names ignore case)", async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const table = tablesOf(grid)[0];
    const own = a1(table.indicators[2].row, 0);
    wb.sheet('Dec-20').setFill(own, '#FFFF00');
    const records = wb.addSheet(HIGHLIGHT_TABLE.sheetName);
    highlightsToRows([{ sheet: 'DEC-20', address: own, previousFill: '#C6EFCE', highlightFill: '#FFFF00', note: null, revisionId: 'a|Nov-20' }]).forEach((r, i) =>
      r.forEach((v, j) => records.setValue(a1(i, j), v)),
    );
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome).toEqual({ ok: true, value: { sheetName: 'Jan-21', restoredFills: 1, warnings: [] } });
    expect(wb.sheet('Jan-21').fill(own)).toBe('#C6EFCE');
  });

  it('refuses damaged highlight records with damagedRecord, naming the cell, and adds no sheet', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const records = wb.addSheet(HIGHLIGHT_TABLE.sheetName);
    const rows = highlightsToRows([{ sheet: 'Dec-20', address: 'B12', previousFill: null, highlightFill: '#FFFF00', note: null, revisionId: 'a|Nov-20' }]);
    rows[1][HIGHLIGHT_TABLE.columns.indexOf('address')] = 'B0';
    rows.forEach((r, i) => r.forEach((v, j) => records.setValue(a1(i, j), v)));
    const parsed = parseHighlightRows(rows);
    if (parsed.ok) throw new Error('the records should be damaged');
    const before = wb.sheet('Dec-20').snapshot();
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'damagedRecord', message: revisionMessages.highlightsDamaged(parsed.error.message), action: excelMessages.damagedAction(HIGHLIGHT_TABLE.sheetName) },
    });
    expect(parsed.error.message.startsWith(`'${HIGHLIGHT_TABLE.sheetName}'!C2`)).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Dec-20', HIGHLIGHT_TABLE.sheetName]);
    expect(wb.sheet('Dec-20').snapshot()).toEqual(before);
  });

  it('refuses when next month\'s sheet already exists, changing nothing', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.addSheet('Jan-21');
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome).toEqual({ ok: false, error: { code: 'sheetExists', message: sheetMsg.sheetExists('Jan-21'), action: excelMessages.sheetExistsAction() } });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Dec-20', 'Jan-21']);
  });

  it('refuses a month that is not after the sheet\'s without the "sheet exists" hint', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    const outcome = await wb.run((ctx) => rollForward(ctx, { newMonth: { year: 2020, month: 11 } }));
    expect(outcome).toEqual({ ok: false, error: { code: 'notNextMonth', message: sheetMsg.rollNotNext('Nov-20', 'Jan-21') } });
    expect(wb.sheets).toHaveLength(1);
  });

  it('refuses a sheet without a scorecard table with the "no table" hint, not "sheet exists"', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Notes').setValue('A1', 'hello');
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome.ok || outcome.error).toEqual(expect.objectContaining({ code: 'noTable', action: excelMessages.noTableAction() }));
    expect(wb.sheets).toHaveLength(1);
  });

  it.each([1, 2, 60])('removes the half-made copy when Excel fails after %i operations', async (afterActions) => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    const before = wb.sheet('Dec-20').snapshot();
    // Sync 1 reads (the sheet list with it: no record sheet, no trip to look for one), sync 2 writes.
    wb.failSync({ sync: 2, afterActions, code: 'GeneralException', message: 'boom' });
    const outcome = await wb.run((ctx) => rollForward(ctx));
    expect(outcome.ok).toBe(false);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Dec-20']);
    expect(wb.sheet('Dec-20').snapshot()).toEqual(before);
    expect(wb.activeSheet().name).toBe('Dec-20');
  });

  it('uses the same number of round trips for 50 and 5,000 rows', async () => {
    const counts: number[] = [];
    for (const rows of [50, 5000]) {
      const wb = fakeWorkbookFromGrids([syntheticGrid(rows)]);
      const outcome = await wb.run((ctx) => rollForward(ctx));
      expect(outcome.ok).toBe(true);
      counts.push(wb.stats.syncs);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
