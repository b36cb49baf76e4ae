/**
 * The highlight planners both adapters call (src/domain/revisions/highlightPlans.ts): what
 * a highlight pass, a clear and New month's undo change, and the one rule for damaged
 * records. The adapters' own tests (test/excel/revisions.test.ts, rollForward.test.ts,
 * test/cli/highlightRecords.test.ts) apply these plans on a fake Excel and on .xlsx files.
 */
import { findRevisionsInFigures } from '../../../src/domain/revisions/findRevisions';
import { highlightCells, planClearPass, planHighlightPass, planHighlightUndo, readSheetHighlights, type SheetHighlights } from '../../../src/domain/revisions/highlightPlans';
import { HIGHLIGHT_TABLE, highlightsToRows, parseHighlightRows } from '../../../src/domain/revisions/highlightRows';
import { HIGHLIGHT_FILL } from '../../../src/domain/revisions/highlights';
import { revisionMessages as msg } from '../../../src/domain/revisions/messages';
import type { CellFill, CurrentFigure, HighlightRecord, Revision, Snapshot } from '../../../src/domain/revisions/types';
import type { CellInput } from '../../../src/domain/types';
import { qualified } from '../../../src/domain/sheet/grid';

const figure = (key: string, month: string, display: string, value: number | null) => ({ key, ref: key, indicator: `Indicator ${key}`, month, display, value, missing: value === null });
const published: Snapshot = {
  sheetName: 'Dec-20',
  reportingMonth: 'Dec-20',
  publishedAt: '2021-01-08T10:00:00Z',
  figures: [figure('2.2', 'Nov-20', '88.9%', 0.889), figure('3.3', 'Nov-20', '25', 25)],
};
// Jan-21: 2.2 revised in H10, 3.3 revised in H11.
const current: CurrentFigure[] = [
  { ...figure('2.2', 'Nov-20', '89.4%', 0.894), sheetName: 'Jan-21', row: 9, col: 7 },
  { ...figure('3.3', 'Nov-20', '27', 27), sheetName: 'Jan-21', row: 10, col: 7 },
];
const revisions: Revision[] = findRevisionsInFigures(published, current);

const record = (sheet: string, address: string, previousFill: string | null, note: string | null = null): HighlightRecord => ({
  sheet,
  address,
  previousFill,
  highlightFill: HIGHLIGHT_FILL,
  note,
  revisionId: `${address}|Nov-20`,
});
const fill = (sheet: string, address: string, f: string | null, note: string | null = null): CellFill => ({ sheet, address, fill: f, note });

function stored(records: HighlightRecord[], sheet: string): SheetHighlights {
  const read = readSheetHighlights(highlightsToRows(records), sheet);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('readSheetHighlights: the one rule for damaged records', () => {
  it('reads no record sheet as no records, and an empty one as a record sheet with none', () => {
    expect(readSheetHighlights(null, 'Jan-21')).toEqual({ ok: true, value: { sheet: 'Jan-21', mine: [], others: [], stored: false } });
    expect(readSheetHighlights([[null, ''], []], 'Jan-21')).toEqual({ ok: true, value: { sheet: 'Jan-21', mine: [], others: [], stored: true } });
  });

  it('splits the records into the sheet worked on and the others', () => {
    const r = stored([record('Jan-21', 'H10', null), record('Dec-20', 'H10', '#DDEBF7')], 'Jan-21');
    expect([r.mine.map((x) => x.sheet), r.others.map((x) => x.sheet)]).toEqual([['Jan-21'], ['Dec-20']]);
  });

  // Sheet names compare as Excel's do, without regard to case (modelled with Unicode case
  // mapping, so accented and Cyrillic capitals too); an accent is a different letter.
  it.each([
    ['DEC-20', 'dec-20', true],
    ['DÉC-20', 'déc-20', true],
    ['ДЕК-20', 'дек-20', true],
    ['Dec-20', 'Dec-21', false],
    ['Déc-20', 'Dec-20', false],
  ])('records of %s are the sheet %s’s: %s', (recordSheet, sheet, same) => {
    const r = stored([record(recordSheet, 'H10', null)], sheet);
    expect(r.mine.length === 1).toBe(same);
    expect(r.others.length === 1).toBe(!same);
    // The sheet's records take its name as the workbook spells it, so cells read under it match.
    expect(r.mine.every((x) => x.sheet === sheet)).toBe(true);
  });

  const rows = (): string[][] => highlightsToRows([record('Jan-21', 'H10', null), record('Jan-21', 'H11', '#DDEBF7')]);
  const col = (name: string) => HIGHLIGHT_TABLE.columns.indexOf(name as (typeof HIGHLIGHT_TABLE.columns)[number]);
  it.each<[string, (r: string[][]) => void, string]>([
    ['an address that is not a cell', (r) => (r[2][col('address')] = 'H 11'), 'C3'],
    ['a previous fill that is not a colour', (r) => (r[1][col('previousFill')] = 'blue'), 'D2'],
    ['a highlight fill left empty', (r) => (r[2][col('highlightFill')] = ''), 'E3'],
    ['an unknown record version', (r) => (r[1][0] = '7'), 'A2'],
  ])('refuses %s with damagedRecord, naming the cell and saying nothing was changed', (_what, damage, cell) => {
    const values: CellInput[][] = rows();
    damage(values as string[][]);
    const parsed = parseHighlightRows(values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message.startsWith(qualified(HIGHLIGHT_TABLE.sheetName, cell))).toBe(true);
    expect(readSheetHighlights(values, 'Jan-21')).toEqual({ ok: false, error: { code: 'damagedRecord', message: msg.highlightsDamaged(parsed.error.message) } });
  });

  it('refuses a user’s sheet of the records’ name (no header row) with notOurSheet, naming the sheet', () => {
    expect(readSheetHighlights([['My notes'], ['x']], 'Jan-21')).toEqual({ ok: false, error: { code: 'notOurSheet', message: msg.notOurSheet(HIGHLIGHT_TABLE.sheetName) } });
    // The same refusal from every record reader: one rule, in recordTable.ts.
    expect(parseHighlightRows([['My notes']])).toEqual(readSheetHighlights([['My notes']], 'Jan-21'));
  });

  it('reads an empty record sheet (created, then a write failed) as holding no record', () => {
    expect(readSheetHighlights([[null, ''], []], 'Jan-21')).toEqual({ ok: true, value: { sheet: 'Jan-21', mine: [], others: [], stored: true } });
  });
});

describe('highlightCells', () => {
  it('names each revised cell and each recorded cell of the sheet once, never another sheet’s', () => {
    const r = stored([record('Jan-21', 'h10', null), record('Jan-21', 'J20', null), record('Dec-20', 'K1', null)], 'Jan-21');
    expect(highlightCells(r, revisions)).toEqual([
      { sheet: 'Jan-21', address: 'H10' },
      { sheet: 'Jan-21', address: 'H11' },
      { sheet: 'Jan-21', address: 'J20' },
    ]);
  });

  it('names a cell once when a revision spells the sheet another way (one cell to Excel)', () => {
    const r = stored([record('Jan-21', 'H10', null)], 'Jan-21');
    const shouting = revisions.map((rev) => ({ ...rev, sheetName: 'JAN-21' }));
    expect(highlightCells(r, shouting).map((c) => c.address)).toEqual(['H10', 'H11']);
  });
});

describe('planHighlightPass', () => {
  it('paints each revised cell yellow with a note and records the user’s fill; keeps other sheets’ records', () => {
    const r = stored([record('Dec-20', 'H10', '#C6EFCE')], 'Jan-21');
    const plan = planHighlightPass(r, revisions, [fill('Jan-21', 'H10', '#DDEBF7'), fill('Jan-21', 'H11', null)]);
    expect(plan.fills).toEqual([
      { sheet: 'Jan-21', address: 'H10', fill: HIGHLIGHT_FILL },
      { sheet: 'Jan-21', address: 'H11', fill: HIGHLIGHT_FILL },
    ]);
    expect(plan.notes.map((n) => [n.kind, n.address])).toEqual([['add', 'H10'], ['add', 'H11']]);
    expect(plan.records?.map((x) => [x.sheet, x.address, x.previousFill])).toEqual([
      ['Dec-20', 'H10', '#C6EFCE'],
      ['Jan-21', 'H10', '#DDEBF7'],
      ['Jan-21', 'H11', null],
    ]);
    expect([plan.highlighted, plan.warnings]).toEqual([2, []]);
  });

  it('gives a cell no longer revised its fill back and deletes its unedited note, before adding the new notes', () => {
    const oldNote = 'Revised: Oct-20 published 1, now 2';
    const r = stored([record('Jan-21', 'J20', '#DDEBF7', oldNote)], 'Jan-21');
    const plan = planHighlightPass(r, revisions.slice(0, 1), [fill('Jan-21', 'H10', null), fill('Jan-21', 'J20', HIGHLIGHT_FILL, oldNote)]);
    expect(plan.fills).toEqual([
      { sheet: 'Jan-21', address: 'H10', fill: HIGHLIGHT_FILL },
      { sheet: 'Jan-21', address: 'J20', fill: '#DDEBF7' },
    ]);
    expect(plan.notes.map((n) => [n.kind, n.address])).toEqual([['delete', 'J20'], ['add', 'H10']]);
    expect(plan.records?.map((x) => x.address)).toEqual(['H10']);
  });

  it('leaves the record sheet alone when there was none and nothing is highlighted, but empties an existing one', () => {
    expect(planHighlightPass(readSheetOk(null), [], []).records).toBeNull();
    const r = stored([record('Jan-21', 'J20', null)], 'Jan-21');
    expect(planHighlightPass(r, [], [fill('Jan-21', 'J20', HIGHLIGHT_FILL)]).records).toEqual([]);
  });
});

function readSheetOk(values: CellInput[][] | null): SheetHighlights {
  const read = readSheetHighlights(values, 'Jan-21');
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('planClearPass', () => {
  it('restores the sheet’s recorded fills, deletes its unedited notes and keeps only other sheets’ records', () => {
    const note = 'Revised: Nov-20 published 25, now 27';
    const r = stored([record('Jan-21', 'H10', '#DDEBF7', note), record('Jan-21', 'H11', null), record('Dec-20', 'H10', null)], 'Jan-21');
    const plan = planClearPass(r, [fill('Jan-21', 'H10', HIGHLIGHT_FILL, note), fill('Jan-21', 'H11', '#00FF00')]);
    expect(plan.fills).toEqual([{ sheet: 'Jan-21', address: 'H10', fill: '#DDEBF7' }]);
    expect(plan.notes).toEqual([{ kind: 'delete', sheet: 'Jan-21', address: 'H10' }]);
    expect(plan.records?.map((x) => x.sheet)).toEqual(['Dec-20']);
    expect([plan.cleared, plan.warnings]).toEqual([1, [msg.fillChanged(qualified('Jan-21', 'H11'))]]);
  });

  it('plans nothing, not even rewriting the records, when the sheet has no highlight', () => {
    expect(planClearPass(stored([record('Dec-20', 'H10', null)], 'Jan-21'), [])).toEqual({ fills: [], notes: [], records: null, cleared: 0, warnings: [] });
  });
});

describe('planHighlightUndo (New month)', () => {
  const note = 'Revised: Nov-20 published 25, now 27';
  const r = stored([record('Dec-20', 'H10', '#DDEBF7', note), record('Dec-20', 'H11', null), record('Nov-20', 'H12', null)], 'Dec-20');
  const fills = [fill('Dec-20', 'H10', HIGHLIGHT_FILL, note), fill('Dec-20', 'H11', HIGHLIGHT_FILL)];

  it('restores the source’s recorded fills on the new sheet’s cells and deletes its unedited notes there', () => {
    expect(planHighlightUndo(r, fills, 'Jan-21')).toEqual({
      fills: [
        { sheet: 'Jan-21', address: 'H10', fill: '#DDEBF7' },
        { sheet: 'Jan-21', address: 'H11', fill: null },
      ],
      deleteNotes: [{ sheet: 'Jan-21', address: 'H10' }],
      notesKept: 0,
      warnings: [],
    });
  });

  it('counts the notes it must leave where the host cannot delete them', () => {
    const undo = planHighlightUndo(r, fills, 'Jan-21', 'kept');
    expect([undo.deleteNotes, undo.notesKept, undo.fills.length]).toEqual([[], 1, 2]);
  });

  it('undoes nothing for a sheet without records', () => {
    expect(planHighlightUndo(stored([record('Nov-20', 'H12', null)], 'Dec-20'), [], 'Jan-21').fills).toEqual([]);
  });
});
