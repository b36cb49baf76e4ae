import { findRevisions, snapshotFromTables } from '../../src/domain/revisions/figures';
import { HIGHLIGHT_FILL } from '../../src/domain/revisions/highlights';
import { HIGHLIGHT_TABLE, parseHighlightRows } from '../../src/domain/revisions/highlightRows';
import { revisionMessages as rm } from '../../src/domain/revisions/messages';
import { LOG_HEADER, LOG_SHEET, parseReviewRows, REVIEW_TABLE } from '../../src/domain/revisions/reviews';
import { parseSnapshotRows, SNAPSHOT_TABLE } from '../../src/domain/revisions/snapshotRows';
import { a1, type Grid } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import type { ScorecardTable } from '../../src/domain/sheet/scorecard';
import type { CellInput } from '../../src/domain/types';
import { excelMessages } from '../../src/excel/messages';
import { clearHighlights, highlightRevisions, loadRevisions, markRevision, publish } from '../../src/excel/revisions/revisions';
import { compareWithFile } from '../../src/excel/revisions/revisionsFile';
import { excelMessages as xm } from '../../src/excel/messages';
import { writeGrid } from '../helpers/fromGrid';
import { readGrids } from '../../src/xlsx/read';
import { FakeWorkbook, installFakeOffice, type FakeSheet } from '../fakes/fakeExcel';
import { seedGrid, seedGridTables, syntheticGrid } from '../fixtures/seedGrids';
import { findRow, monthColumns, renameSheet, rollMonths, typeCell, typeCells } from '../domain/revisions/gridEdit';
import ExcelJS from 'exceljs';

// ---- Fixtures -------------------------------------------------------------------------------

const REF = 1;
const NOW = '2021-01-20T09:30:00.000Z';
const DEC_PUBLISHED = '2021-01-08T10:00:00.000Z';

function tables(grid: Grid): ScorecardTable[] {
  const r = readScorecard(grid);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function monthCol(grid: Grid, row: number, label: string): number {
  for (let h = row; h >= grid.top; h--) {
    const hit = monthColumns(grid, h).find((c) => grid.text[h - grid.top][c - grid.left] === label);
    if (hit !== undefined) return hit;
  }
  throw new Error(`no ${label}`);
}

function typeFigure(grid: Grid, ref: string, sub: number, month: string, typed: string): Grid {
  const row = findRow(grid, REF, ref) + sub;
  return typeCell(grid, row, monthCol(grid, row, month), typed);
}

function january(): Grid {
  let g = seedGrid('earlyHelp');
  for (const t of seedGridTables('earlyHelp')) g = rollMonths(g, t.headerTop + 1, t.bodyTop, t.bodyBottom);
  g = renameSheet(g, 'Jan-21');
  g = typeFigure(g, '2.2', 1, 'Nov-20', '89.4%');
  g = typeFigure(g, '4.3', 0, 'Dec-20', '24');
  g = typeFigure(g, '11.3', 0, 'Dec-20', 'TBC');
  return g;
}

function localAddress(qualifiedAddress: string): string {
  return qualifiedAddress.slice(qualifiedAddress.lastIndexOf('!') + 1);
}

/** Values of a fake sheet from A1 (for the domain parsers). */
function sheetValuesFromA1(sheet: FakeSheet): CellInput[][] {
  const box = sheet.usedBox(true);
  if (!box) return [];
  return Array.from({ length: box.bottom + 1 }, (_, r) =>
    Array.from({ length: box.right + 1 }, (_, c) => {
      const v = sheet.cellAt(r, c).value;
      return v === '' ? null : v;
    }),
  );
}

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function workbook(grids: Grid[], active: string, apiMinor = 18): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const g of grids) wb.addGrid(g);
  wb.activeSheetId = wb.sheet(active).id;
  wb.excelApiMinor = apiMinor;
  uninstall = installFakeOffice(globalThis, wb);
  return wb;
}

async function publishedDecemberThenJanuary(extra: Grid[] = []): Promise<FakeWorkbook> {
  const wb = workbook([seedGrid('earlyHelp'), january(), ...extra], 'Dec-20');
  const published = await publish(wb.context(), { now: DEC_PUBLISHED, user: 'Anne Hawke' });
  expect(published.ok).toBe(true);
  wb.activeSheetId = wb.sheet('Jan-21').id;
  return wb;
}

// ---- Publish --------------------------------------------------------------------------------

describe('publish', () => {
  it("stores the sheet's figures in a hidden sheet that reads back as the published snapshot", async () => {
    const wb = workbook([seedGrid('earlyHelp')], 'Dec-20');
    const result = await publish(wb.context(), { now: DEC_PUBLISHED, user: 'Anne Hawke' });
    const expected = snapshotFromTables(tables(seedGrid('earlyHelp')), { publishedAt: DEC_PUBLISHED, publishedBy: 'Anne Hawke' });
    expect(result).toEqual({ ok: true, value: { figures: expected.figures.length, month: 'Dec-20' } });
    const stored = wb.sheet(SNAPSHOT_TABLE.sheetName);
    expect(stored.visibility).toBe('Hidden');
    expect(parseSnapshotRows(sheetValuesFromA1(stored))).toEqual({ ok: true, value: [expected] });
  });

  it('keeps NO. 6.10 and figures such as 108.0 exactly as typed through the hidden sheet', async () => {
    const wb = workbook([seedGrid('corporateParenting')], 'Dec-19');
    await publish(wb.context(), { now: DEC_PUBLISHED });
    const expected = snapshotFromTables(tables(seedGrid('corporateParenting')), { publishedAt: DEC_PUBLISHED });
    expect(expected.figures.some((f) => f.ref === '6.10')).toBe(true);
    expect(expected.figures.some((f) => /\.0$/.test(f.display))).toBe(true);
    expect(parseSnapshotRows(sheetValuesFromA1(wb.sheet(SNAPSHOT_TABLE.sheetName)))).toEqual({ ok: true, value: [expected] });
  });

  it('keeps earlier publications and replaces a re-publication of the same month', async () => {
    const wb = workbook([seedGrid('earlyHelp'), january()], 'Dec-20');
    await publish(wb.context(), { now: DEC_PUBLISHED });
    await publish(wb.context(), { now: '2021-01-09T10:00:00.000Z' });
    wb.activeSheetId = wb.sheet('Jan-21').id;
    await publish(wb.context(), { now: '2021-02-05T10:00:00.000Z' });
    const parsed = parseSnapshotRows(sheetValuesFromA1(wb.sheet(SNAPSHOT_TABLE.sheetName)));
    expect(parsed.ok && parsed.value.map((s) => [s.reportingMonth, s.publishedAt])).toEqual([
      ['Dec-20', '2021-01-09T10:00:00.000Z'],
      ['Jan-21', '2021-02-05T10:00:00.000Z'],
    ]);
  });

  it("appends a new month's figures without rewriting earlier publications", async () => {
    const wb = workbook([seedGrid('earlyHelp'), january()], 'Dec-20');
    await publish(wb.context(), { now: DEC_PUBLISHED });
    const stored = wb.sheet(SNAPSHOT_TABLE.sheetName);
    const decRows = stored.usedBox(true)!.bottom + 1;
    const before = stored.snapshot();
    wb.activeSheetId = wb.sheet('Jan-21').id;
    wb.resetStats();
    await publish(wb.context(), { now: '2021-02-05T10:00:00.000Z' });
    const changedRows = new Set(stored.changedCells(before).map((a) => Number(/\d+$/.exec(a)![0]) - 1));
    expect(Math.min(...changedRows)).toBe(decRows);
    expect(wb.stats.maxPayloadBytes).toBeLessThan(JSON.stringify(sheetValuesFromA1(stored)).length);
  });

  it("refuses to write over a user's sheet that happens to have the records' name", async () => {
    const wb = workbook([seedGrid('earlyHelp')], 'Dec-20');
    const mine = wb.addSheet(SNAPSHOT_TABLE.sheetName);
    mine.setValue('A1', 'My budget');
    const before = mine.snapshot();
    const result = await publish(wb.context(), { now: DEC_PUBLISHED });
    expect(result).toEqual({ ok: false, error: { code: 'notOurSheet', message: rm.notOurSheet(SNAPSHOT_TABLE.sheetName), action: xm.notOurSheetAction(SNAPSHOT_TABLE.sheetName) } });
    expect(mine.changedCells(before)).toEqual([]);
  });

  it('returns an Office error as a message with what to do, never throws', async () => {
    const wb = workbook([seedGrid('earlyHelp')], 'Dec-20');
    wb.editMode = true;
    const result = await publish(wb.context(), { now: DEC_PUBLISHED });
    expect(result).toEqual({ ok: false, error: { code: 'editMode', message: excelMessages.editMode(), action: excelMessages.editModeAction() } });
  });
});

// ---- Finding revisions ----------------------------------------------------------------------

describe('loadRevisions', () => {
  it('compares with the snapshot published last month, by indicator and month', async () => {
    const wb = await publishedDecemberThenJanuary();
    const result = await loadRevisions(wb.context(), { now: NOW });
    const published = snapshotFromTables(tables(seedGrid('earlyHelp')), { publishedAt: DEC_PUBLISHED });
    const expected = findRevisions(published, tables(january()));
    expect(result.ok && result.value.baseline).toEqual({ kind: 'snapshot', publishedAt: DEC_PUBLISHED, month: 'Dec-20' });
    expect(result.ok && result.value.revisions.map((r) => [r.id, r.address, r.published, r.current, r.change, r.status])).toEqual(
      expected.map((r) => [r.id, r.address, r.published.display, r.current.display, r.change, 'pending']),
    );
    expect(expected).toHaveLength(3);
  });

  it("falls back to last month's sheet when nothing was published", async () => {
    const wb = workbook([seedGrid('earlyHelp'), january()], 'Jan-21');
    const result = await loadRevisions(wb.context(), { now: NOW });
    expect(result.ok && result.value.baseline).toEqual({ kind: 'sheet', sheetName: 'Dec-20' });
    expect(result.ok && result.value.revisions).toHaveLength(3);
  });

  it('falls back to the sheet, and says why, when the stored snapshot is damaged', async () => {
    const wb = await publishedDecemberThenJanuary();
    wb.sheet(SNAPSHOT_TABLE.sheetName).setValue('K2', 'eighty');
    const result = await loadRevisions(wb.context(), { now: NOW });
    expect(result.ok && result.value.baseline).toEqual({ kind: 'sheet', sheetName: 'Dec-20' });
    expect(result.ok && result.value.notices).toHaveLength(1);
    expect(result.ok && result.value.notices[0]).toContain("'PERF Published'!K2");
  });

  it("finds last month's sheet by its month headers among several sheets whose names say nothing", async () => {
    const notes: Grid = { sheetName: 'Notes', top: 0, left: 0, values: [['Read me']], text: [['Read me']], numberFormats: [['General']] };
    const wb = workbook([notes, seedGrid('corporateParenting'), renameSheet(seedGrid('earlyHelp'), 'Report (2)'), renameSheet(january(), 'Current')], 'Current');
    const result = await loadRevisions(wb.context(), { now: NOW });
    expect(result.ok && result.value.baseline).toEqual({ kind: 'sheet', sheetName: 'Report (2)' });
    expect(result.ok && result.value.revisions.map((r) => r.month)).toEqual(['Nov-20', 'Dec-20', 'Dec-20']);
  });

  it('reports no baseline when there is neither a snapshot nor an earlier sheet', async () => {
    const wb = workbook([january()], 'Jan-21');
    const result = await loadRevisions(wb.context(), { now: NOW });
    expect(result).toEqual({ ok: true, value: { baseline: { kind: 'none' }, revisions: [], notices: [] } });
  });

  it('finds nothing revised in a re-run with the same figures', async () => {
    let same = seedGrid('earlyHelp');
    for (const t of seedGridTables('earlyHelp')) same = rollMonths(same, t.headerTop + 1, t.bodyTop, t.bodyBottom);
    const wb = workbook([seedGrid('earlyHelp'), renameSheet(same, 'Jan-21')], 'Jan-21');
    const result = await loadRevisions(wb.context(), { now: NOW });
    expect(result.ok && result.value.revisions).toEqual([]);
  });

  it('compares with a previous month picked as an .xlsx file', async () => {
    const book = new ExcelJS.Workbook();
    writeGrid(book.addWorksheet('Notes'), { sheetName: 'Notes', top: 0, left: 0, values: [['Read me']], text: [['Read me']], numberFormats: [['General']] });
    writeGrid(book.addWorksheet('December'), seedGrid('earlyHelp'));
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const wb = workbook([january()], 'Jan-21');
    const result = await compareWithFile(wb.context(), 'EH December 2020.xlsx', bytes, readGrids, { now: NOW });
    const expected = findRevisions(snapshotFromTables(tables(seedGrid('earlyHelp')), { publishedAt: NOW }), tables(january()));
    expect(result.ok && result.value.baseline).toEqual({ kind: 'file', fileName: 'EH December 2020.xlsx' });
    expect(result.ok && result.value.revisions.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('says so when the picked file has no earlier month', async () => {
    const book = new ExcelJS.Workbook();
    writeGrid(book.addWorksheet('Jan'), january());
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const wb = workbook([january()], 'Jan-21');
    const result = await compareWithFile(wb.context(), 'same.xlsx', bytes, readGrids, { now: NOW });
    expect(result).toEqual({ ok: false, error: { code: 'fileUnreadable', message: rm.noMonthInFile('same.xlsx'), action: xm.fileUnreadableAction() } });
  });
});

// ---- Highlights -----------------------------------------------------------------------------

describe('highlightRevisions and clearHighlights', () => {
  async function revisedCells(wb: FakeWorkbook): Promise<string[]> {
    const r = await loadRevisions(wb.context(), { now: NOW });
    return r.ok ? r.value.revisions.map((v) => localAddress(v.address)) : [];
  }

  it('fills exactly the revised cells yellow, with a note, and records the fills it replaced', async () => {
    const wb = await publishedDecemberThenJanuary();
    const jan = wb.sheet('Jan-21');
    const cells = await revisedCells(wb);
    jan.setFill(cells[0], '#DDEBF7'); // the user's own blue
    const before = jan.snapshot();
    const result = await highlightRevisions(wb.context(), { now: NOW });
    expect(result).toEqual({ ok: true, value: { highlighted: 3, warnings: [] } });
    expect(jan.changedCells(before).sort()).toEqual([...cells].sort());
    expect(cells.map((c) => jan.fill(c))).toEqual([HIGHLIGHT_FILL, HIGHLIGHT_FILL, HIGHLIGHT_FILL]);
    expect(jan.cell(cells[0]).note).toBe(rm.note('Nov-20', '88.9%', '89.4%'));
    const records = parseHighlightRows(sheetValuesFromA1(wb.sheet(HIGHLIGHT_TABLE.sheetName)));
    expect(records.ok && records.value.map((r) => [r.address, r.previousFill])).toEqual([
      [cells[0], '#DDEBF7'],
      [cells[1], null],
      [cells[2], null],
    ]);
    expect(wb.sheet(HIGHLIGHT_TABLE.sheetName).visibility).toBe('Hidden');
  });

  it("clears back to exactly the user's fills, their own yellow included, and touches nothing else", async () => {
    const wb = await publishedDecemberThenJanuary();
    const jan = wb.sheet('Jan-21');
    const cells = await revisedCells(wb);
    jan.setFill(cells[0], '#DDEBF7');
    jan.setFill(cells[1], '#FFFF00'); // the user had already marked this one yellow
    jan.setFill('A1', '#FFFF00'); // and a yellow the add-in never touched
    const before = jan.snapshot();
    await highlightRevisions(wb.context(), { now: NOW });
    const cleared = await clearHighlights(wb.context());
    expect(cleared).toEqual({ ok: true, value: { cleared: 3, warnings: [] } });
    expect(jan.changedCells(before)).toEqual([]);
    expect(jan.fill(cells[1])).toBe('#FFFF00');
    const records = parseHighlightRows(sheetValuesFromA1(wb.sheet(HIGHLIGHT_TABLE.sheetName)));
    expect(records.ok && records.value).toEqual([]);
  });

  it('leaves a fill the user changed after the highlight, and says so', async () => {
    const wb = await publishedDecemberThenJanuary();
    const jan = wb.sheet('Jan-21');
    const cells = await revisedCells(wb);
    await highlightRevisions(wb.context(), { now: NOW });
    jan.setFill(cells[2], '#C6EFCE');
    const cleared = await clearHighlights(wb.context());
    expect(cleared).toEqual({ ok: true, value: { cleared: 2, warnings: [rm.fillChanged(`'Jan-21'!${cells[2]}`)] } });
    expect(jan.fill(cells[2])).toBe('#C6EFCE');
    expect(jan.cell(cells[2]).note).toBeNull();
  });

  it('refuses to highlight a protected sheet, before changing anything', async () => {
    const wb = await publishedDecemberThenJanuary();
    const jan = wb.sheet('Jan-21');
    jan.protected = true;
    const before = jan.snapshot();
    const result = await highlightRevisions(wb.context(), { now: NOW });
    expect(result).toEqual({ ok: false, error: { code: 'sheetProtected', message: excelMessages.sheetProtected('Jan-21'), action: excelMessages.sheetProtectedAction() } });
    expect(jan.changedCells(before)).toEqual([]);
    expect(wb.findSheet(HIGHLIGHT_TABLE.sheetName)).toBeUndefined();
  });

  it('a highlight that fails part way can still be cleared back to the user exactly', async () => {
    const arrange = async () => {
      const wb = await publishedDecemberThenJanuary();
      const cells = await revisedCells(wb);
      wb.sheet('Jan-21').setFill(cells[0], '#DDEBF7');
      wb.sheet('Jan-21').setFill(cells[2], '#FFFF00');
      return { wb, cells, before: wb.sheet('Jan-21').snapshot() };
    };
    const probe = await arrange();
    probe.wb.resetStats();
    await highlightRevisions(probe.wb.context(), { now: NOW });
    // The fills go in the batch before the notes' own (last) batch.
    const writeSync = probe.wb.stats.syncs - 1;
    uninstall();
    // Fail the write batch after more and more operations until it stops between two fills.
    for (let after = 1; after < 40; after++) {
      const { wb, cells, before } = await arrange();
      const jan = wb.sheet('Jan-21');
      wb.failSync({ sync: writeSync, afterActions: after, code: 'GeneralException' });
      const failed = await highlightRevisions(wb.context(), { now: NOW });
      expect(failed.ok).toBe(false);
      const landed = [cells[0], cells[1]].filter((c) => jan.fill(c) === HIGHLIGHT_FILL).length;
      if (landed !== 1) {
        uninstall();
        continue;
      }
      const cleared = await clearHighlights(wb.context());
      expect(cleared).toEqual({ ok: true, value: { cleared: 2, warnings: [] } });
      expect(jan.changedCells(before)).toEqual([]);
      return;
    }
    throw new Error('the write batch never stopped between two fills');
  });

  it("keeps a user's note and does not add one over it", async () => {
    const wb = await publishedDecemberThenJanuary();
    const jan = wb.sheet('Jan-21');
    const cells = await revisedCells(wb);
    jan.update(...rowCol(cells[0]), (c) => (c.note = 'Checked with the locality team'));
    const result = await highlightRevisions(wb.context(), { now: NOW });
    expect(result.ok && result.value.warnings).toEqual([rm.noteKept(`'Jan-21'!${cells[0]}`)]);
    await clearHighlights(wb.context());
    expect(jan.cell(cells[0]).note).toBe('Checked with the locality team');
  });

  it('highlighting again keeps the first recorded fills, so clearing still restores the user', async () => {
    const wb = await publishedDecemberThenJanuary();
    const jan = wb.sheet('Jan-21');
    const cells = await revisedCells(wb);
    jan.setFill(cells[0], '#DDEBF7');
    const before = jan.snapshot();
    await highlightRevisions(wb.context(), { now: NOW });
    await highlightRevisions(wb.context(), { now: NOW });
    await clearHighlights(wb.context());
    expect(jan.changedCells(before)).toEqual([]);
  });

  it("leaves another month's highlights alone", async () => {
    const wb = await publishedDecemberThenJanuary();
    await highlightRevisions(wb.context(), { now: NOW });
    const records = parseHighlightRows(sheetValuesFromA1(wb.sheet(HIGHLIGHT_TABLE.sheetName)));
    wb.activeSheetId = wb.sheet('Dec-20').id;
    const dec = wb.sheet('Dec-20').snapshot();
    expect(await clearHighlights(wb.context())).toEqual({ ok: true, value: { cleared: 0, warnings: [] } });
    expect(wb.sheet('Dec-20').changedCells(dec)).toEqual([]);
    expect(parseHighlightRows(sheetValuesFromA1(wb.sheet(HIGHLIGHT_TABLE.sheetName)))).toEqual(records);
  });

  describe('damaged highlight records: the domain refuses, and nothing changes', () => {
    /** A highlight pass whose records then get a damaged cell (a person edited the hidden sheet). */
    async function damaged(): Promise<{ wb: FakeWorkbook; message: string }> {
      const wb = await publishedDecemberThenJanuary();
      await highlightRevisions(wb.context(), { now: NOW });
      const records = wb.sheet(HIGHLIGHT_TABLE.sheetName);
      records.setValue(a1(1, HIGHLIGHT_TABLE.columns.indexOf('highlightFill')), 'yellow');
      const parsed = parseHighlightRows(sheetValuesFromA1(records));
      if (parsed.ok) throw new Error('the records should be damaged');
      expect(parsed.error.message.startsWith(`'${HIGHLIGHT_TABLE.sheetName}'!E2`)).toBe(true);
      return { wb, message: rm.highlightsDamaged(parsed.error.message) };
    }
    const refusal = (message: string) => ({
      ok: false,
      error: { code: 'damagedRecord', message, action: excelMessages.damagedAction(HIGHLIGHT_TABLE.sheetName) },
    });

    it('refuses to highlight again', async () => {
      const { wb, message } = await damaged();
      const jan = wb.sheet('Jan-21').snapshot();
      const records = wb.sheet(HIGHLIGHT_TABLE.sheetName).snapshot();
      expect(await highlightRevisions(wb.context(), { now: NOW })).toEqual(refusal(message));
      expect(wb.sheet('Jan-21').changedCells(jan)).toEqual([]);
      expect(wb.sheet(HIGHLIGHT_TABLE.sheetName).changedCells(records)).toEqual([]);
    });

    it('refuses to clear', async () => {
      const { wb, message } = await damaged();
      const jan = wb.sheet('Jan-21').snapshot();
      expect(await clearHighlights(wb.context())).toEqual(refusal(message));
      expect(wb.sheet('Jan-21').changedCells(jan)).toEqual([]);
    });
  });

  it('changes nothing when nothing is revised', async () => {
    let same = seedGrid('earlyHelp');
    for (const t of seedGridTables('earlyHelp')) same = rollMonths(same, t.headerTop + 1, t.bodyTop, t.bodyBottom);
    const wb = workbook([seedGrid('earlyHelp'), renameSheet(same, 'Jan-21')], 'Jan-21');
    const before = wb.sheet('Jan-21').snapshot();
    expect(await highlightRevisions(wb.context(), { now: NOW })).toEqual({ ok: true, value: { highlighted: 0, warnings: [] } });
    expect(wb.sheet('Jan-21').changedCells(before)).toEqual([]);
    expect(wb.findSheet(HIGHLIGHT_TABLE.sheetName)).toBeUndefined();
  });
});

describe('hosts without notes', () => {
  /** The fake's threaded comments of a sheet, as [address, text], in the order they were added. */
  function commentsOn(wb: FakeWorkbook, sheet: string): Array<[string, string]> {
    const id = wb.sheet(sheet).id;
    return [...wb.comments.values()].filter((c) => c.sheetId === id).map((c) => [a1(c.row, c.col), c.content]);
  }

  it('adds a threaded comment before ExcelApi 1.18, leaves a user comment, and removes only its own', async () => {
    const wb = await publishedDecemberThenJanuary();
    wb.excelApiMinor = 17;
    const loaded = await loadRevisions(wb.context(), { now: NOW });
    const addresses = loaded.ok ? loaded.value.revisions.map((r) => localAddress(r.address)) : [];
    const [row, col] = rowCol(addresses[0]);
    wb.comments.set('user', { sheetId: wb.sheet('Jan-21').id, row, col, content: 'Ask Sam about this' });
    const result = await highlightRevisions(wb.context(), { now: NOW });
    expect(result.ok && result.value.warnings).toEqual([rm.noteKept(`'Jan-21'!${addresses[0]}`)]);
    expect(commentsOn(wb, 'Jan-21')).toEqual([
      [addresses[0], 'Ask Sam about this'],
      [addresses[1], rm.note('Dec-20', 'Data to be reported January', '24')],
      [addresses[2], rm.note('Dec-20', '0', 'TBC')],
    ]);
    expect(addresses.map((a) => wb.sheet('Jan-21').cell(a).note)).toEqual([null, null, null]);
    await clearHighlights(wb.context());
    expect(commentsOn(wb, 'Jan-21')).toEqual([[addresses[0], 'Ask Sam about this']]);
  });

  it('keeps the highlights and says so when Excel refuses the notes', async () => {
    const wb = await publishedDecemberThenJanuary();
    const probe = await publishedDecemberThenJanuary();
    probe.resetStats();
    await highlightRevisions(probe.context(), { now: NOW });
    wb.failSync({ sync: probe.stats.syncs, afterActions: 0, code: 'InvalidArgument', message: 'A cell has a note.' });
    const result = await highlightRevisions(wb.context(), { now: NOW });
    expect(result).toEqual({ ok: true, value: { highlighted: 3, warnings: [xm.notesFailed(excelMessages.officeError('InvalidArgument', 'A cell has a note.'))] } });
    const loaded = await loadRevisions(wb.context(), { now: NOW });
    const cells = loaded.ok ? loaded.value.revisions.map((r) => localAddress(r.address)) : [];
    expect(cells.map((c) => wb.sheet('Jan-21').fill(c))).toEqual([HIGHLIGHT_FILL, HIGHLIGHT_FILL, HIGHLIGHT_FILL]);
    expect((await clearHighlights(wb.context())).ok).toBe(true);
    expect(cells.map((c) => wb.sheet('Jan-21').fill(c))).toEqual([null, null, null]);
  });

  it('highlights without a note, and says so, where neither notes nor comments exist', async () => {
    const wb = await publishedDecemberThenJanuary();
    wb.excelApiMinor = 9;
    const result = await highlightRevisions(wb.context(), { now: NOW });
    expect(result).toEqual({ ok: true, value: { highlighted: 3, warnings: [xm.notesUnsupported()] } });
  });
});

function rowCol(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return [Number(m[2]) - 1, [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
}

// ---- Reviews --------------------------------------------------------------------------------

describe('markRevision', () => {
  it('stores the decision in the workbook and appends it to the Revisions log', async () => {
    const wb = await publishedDecemberThenJanuary();
    const loaded = await loadRevisions(wb.context(), { now: NOW });
    const [first, second] = loaded.ok ? loaded.value.revisions : [];
    const marked = await markRevision(wb.context(), first.id, 'queried', 'Why up 0.5 pts?', { now: NOW, user: 'Anne Hawke' });
    expect(marked).toEqual({ ok: true, value: { ...first, status: 'queried', comment: 'Why up 0.5 pts?', reviewer: 'Anne Hawke', at: NOW } });
    await markRevision(wb.context(), second.id, 'reviewed', '', { now: '2021-01-20T10:00:00.000Z', user: 'B. Smith' });
    const log = wb.sheet(LOG_SHEET);
    expect(log.visibility).toBe('Visible');
    expect(sheetValuesFromA1(log).map((r) => r.map((c) => (c === null ? '' : String(c))))).toEqual([
      [...LOG_HEADER],
      [NOW, 'Anne Hawke', 'Jan-21', first.ref, first.indicator, first.month, first.published, first.current, first.change, 'queried', 'Why up 0.5 pts?', first.address],
      ['2021-01-20T10:00:00.000Z', 'B. Smith', 'Jan-21', second.ref, second.indicator, second.month, second.published, second.current, second.change, 'reviewed', '', second.address],
    ]);
    expect(wb.sheet(REVIEW_TABLE.sheetName).visibility).toBe('Hidden');
    const again = await loadRevisions(wb.context(), { now: NOW });
    expect(again.ok && again.value.revisions.map((r) => r.status)).toEqual(['queried', 'reviewed', 'pending']);
  });

  it('damaged review records: the view goes on (every revision pending, said why); marking one is refused and writes nothing', async () => {
    const wb = await publishedDecemberThenJanuary();
    const loaded = await loadRevisions(wb.context(), { now: NOW });
    const id = loaded.ok ? loaded.value.revisions[0].id : '';
    expect((await markRevision(wb.context(), id, 'queried', 'Why?', { now: NOW })).ok).toBe(true);
    const reviews = wb.sheet(REVIEW_TABLE.sheetName);
    reviews.setValue(a1(1, REVIEW_TABLE.columns.indexOf('status')), 'maybe');
    const parsed = parseReviewRows(sheetValuesFromA1(reviews));
    if (parsed.ok) throw new Error('the reviews should be damaged');
    expect(parsed.error.message.startsWith(`'${REVIEW_TABLE.sheetName}'!D2`)).toBe(true);

    const shown = await loadRevisions(wb.context(), { now: NOW });
    expect(shown.ok && shown.value.revisions.map((r) => r.status).every((st) => st === 'pending')).toBe(true);
    expect(shown.ok && shown.value.notices).toContain(rm.reviewsDamaged(parsed.error.message));

    const before = [reviews.snapshot(), wb.sheet(LOG_SHEET).snapshot()];
    const marked = await markRevision(wb.context(), id, 'reviewed', '', { now: NOW });
    expect(marked).toEqual({ ok: false, error: { code: 'damagedRecord', message: parsed.error.message, action: xm.damagedAction(REVIEW_TABLE.sheetName) } });
    expect([reviews.snapshot(), wb.sheet(LOG_SHEET).snapshot()]).toEqual(before);
  });

  it("stores a comment that looks like a formula as the reviewer's text, never as a formula", async () => {
    const wb = await publishedDecemberThenJanuary();
    const loaded = await loadRevisions(wb.context(), { now: NOW });
    const id = loaded.ok ? loaded.value.revisions[0].id : '';
    const comment = '=HYPERLINK("http://example.com","see")';
    const marked = await markRevision(wb.context(), id, 'queried', comment, { now: NOW, user: "'Anne'" });
    expect(marked.ok && [marked.value.comment, marked.value.reviewer]).toEqual([comment, "'Anne'"]);
    const log = wb.sheet(LOG_SHEET);
    const commentCell = `${String.fromCharCode(65 + LOG_HEADER.indexOf('Comment'))}2`;
    expect([log.cell(commentCell).value, log.cell(commentCell).formula]).toEqual([comment, null]);
    const again = await loadRevisions(wb.context(), { now: NOW });
    expect(again.ok && [again.value.revisions[0].comment, again.value.revisions[0].reviewer]).toEqual([comment, "'Anne'"]);
  });

  it('refuses an id that is not a revision of this sheet', async () => {
    const wb = await publishedDecemberThenJanuary();
    const result = await markRevision(wb.context(), 'nope|Nov-20', 'reviewed', '', { now: NOW });
    expect(result).toEqual({ ok: false, error: { code: 'unknownRevision', message: rm.unknownRevision('nope|Nov-20'), action: xm.unknownRevisionAction() } });
  });

  it("never appends to a user's sheet called Revisions log", async () => {
    const wb = await publishedDecemberThenJanuary();
    const mine = wb.addSheet(LOG_SHEET);
    mine.setValue('A1', 'Our own notes');
    const loaded = await loadRevisions(wb.context(), { now: NOW });
    const id = loaded.ok ? loaded.value.revisions[0].id : '';
    const result = await markRevision(wb.context(), id, 'reviewed', '', { now: NOW });
    expect(result).toEqual({ ok: false, error: { code: 'notOurSheet', message: rm.notOurSheet(LOG_SHEET), action: xm.notOurSheetAction(LOG_SHEET) } });
    expect(wb.findSheet(REVIEW_TABLE.sheetName)).toBeUndefined();
  });
});

// ---- Round trips ----------------------------------------------------------------------------

describe('round trips', () => {
  /** A month of `rows` indicators published, then re-run with `revised` figures changed. */
  async function bigWorkbook(rows: number, revised: number): Promise<FakeWorkbook> {
    const dec = renameSheet(syntheticGrid(rows), 'Dec-20');
    const t = tables(dec)[0];
    let jan = rollMonths(dec, t.monthHeaderRow, t.bodyBox.top, t.bodyBox.bottom);
    jan = renameSheet(jan, 'Jan-21');
    const nov = monthCol(jan, t.bodyBox.top, 'Nov-20');
    jan = typeCells(jan, Array.from({ length: revised }, (_, i) => ({ row: t.bodyBox.top + i, col: nov, typed: String(100000 + i) })));
    const wb = workbook([dec, jan], 'Dec-20');
    await publish(wb.context(), { now: DEC_PUBLISHED });
    wb.activeSheetId = wb.sheet('Jan-21').id;
    return wb;
  }

  async function syncsOf(wb: FakeWorkbook, op: () => Promise<unknown>): Promise<number> {
    wb.resetStats();
    await op();
    return wb.stats.syncs;
  }

  it('loads, highlights, clears and marks in the same number of syncs for 1 and 500 revisions', async () => {
    const counts: number[][] = [];
    for (const revised of [1, 500]) {
      const wb = await bigWorkbook(520, revised);
      const loaded = await loadRevisions(wb.context(), { now: NOW });
      expect(loaded.ok && loaded.value.revisions).toHaveLength(revised);
      const id = loaded.ok ? loaded.value.revisions[0].id : '';
      counts.push([
        await syncsOf(wb, () => loadRevisions(wb.context(), { now: NOW })),
        await syncsOf(wb, () => highlightRevisions(wb.context(), { now: NOW })),
        await syncsOf(wb, () => clearHighlights(wb.context())),
        await syncsOf(wb, () => markRevision(wb.context(), id, 'reviewed', '', { now: NOW })),
        await syncsOf(wb, () => publish(wb.context(), { now: NOW })),
      ]);
      uninstall();
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(Math.max(...counts[0])).toBeLessThanOrEqual(7);
  });
});
