import { sheetMsg } from '../../../src/domain/messages';
import { planRollForward, type RollForwardOptions } from '../../../src/domain/plan/rollForward';
import { readSheetHighlights, type SheetHighlights } from '../../../src/domain/revisions/highlightPlans';
import { highlightsToRows } from '../../../src/domain/revisions/highlightRows';
import { HIGHLIGHT_FILL } from '../../../src/domain/revisions/highlights';
import { revisionMessages } from '../../../src/domain/revisions/messages';
import type { HighlightRecord } from '../../../src/domain/revisions/types';
import { a1, qualified } from '../../../src/domain/sheet/grid';
import type { RollForwardPlan } from '../../../src/domain/plan/types';
import { monthSerial } from '../../../src/domain/sheet/months';
import type { Grid } from '../../../src/domain/sheet/grid';
import { excelCell } from '../../fixtures/excelCell';
import { byKey, seedTables, tablesOf } from '../sheet/helpers';

function roll(grid: Grid, options: RollForwardOptions = {}): RollForwardPlan {
  const p = planRollForward(tablesOf(grid), grid, options);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

function record(address: string, previousFill: string | null, note: string | null = null): HighlightRecord {
  return { sheet: 'Dec-20', address, previousFill, highlightFill: HIGHLIGHT_FILL, note, revisionId: `${address}|Nov-20` };
}

/** Records of Dec-20 as an adapter hands them over: stored in the record table and read back. */
function sheetHighlights(records: HighlightRecord[]): SheetHighlights {
  const read = readSheetHighlights(highlightsToRows(records), 'Dec-20');
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

/** The corporate seed relabelled as if its months were Jan-Mar 2020 (a March sheet). */
function marchGrid(): Grid {
  const { grid } = seedTables('corporateParenting');
  const g: Grid = { ...grid, sheetName: 'Mar-20', values: grid.values.map((r) => [...r]), text: grid.text.map((r) => [...r]) };
  for (const row of [3, 41]) {
    ['Jan-20', 'Feb-20', 'Mar-20'].forEach((label, i) => {
      const cell = excelCell(label, true);
      g.values[row][5 + i] = cell.value;
      g.text[row][5 + i] = cell.text;
    });
  }
  g.text[0][0] = 'As at Month End: March 2020';
  g.values[0][0] = g.text[0][0];
  return g;
}

describe('roll forward December -> January', () => {
  const { grid, tables } = seedTables('earlyHelp');
  const p = roll(grid);

  it('names the new sheet after the new month', () => {
    expect(p.newSheetName).toBe('Jan-21');
    expect(p.newMonth).toEqual({ year: 2021, month: 1, label: 'Jan-21' });
  });

  it('moves each month column one to the left, oldest first, for every table', () => {
    const first = tables[0];
    const { top, bottom } = first.bodyBox;
    expect(p.moves.slice(0, 2)).toEqual([
      { from: { top, bottom, left: 7, right: 7 }, to: { top, bottom, left: 6, right: 6 } },
      { from: { top, bottom, left: 8, right: 8 }, to: { top, bottom, left: 7, right: 7 } },
    ]);
    expect(p.moves).toHaveLength(4);
  });

  it('empties the new month column and last month’s DOT and RAG, contents only', () => {
    const first = tables[0];
    expect(p.clearContents).toContainEqual({ top: first.bodyBox.top, bottom: first.bodyBox.bottom, left: 8, right: 8 });
    expect(p.clearContents).toContainEqual({ top: first.bodyBox.top, bottom: first.bodyBox.bottom, left: 11, right: 11 });
    expect(p.clearContents).toContainEqual({ top: first.bodyBox.top, bottom: first.bodyBox.bottom, left: 12, right: 12 });
  });

  it('advances the month headers as date serials shown mmm-yy', () => {
    expect(p.writes).toContainEqual({ row: 3, col: 6, value: monthSerial({ year: 2020, month: 11 }), numberFormat: 'mmm-yy' });
    expect(p.writes).toContainEqual({ row: 3, col: 8, value: monthSerial({ year: 2021, month: 1 }), numberFormat: 'mmm-yy' });
  });

  it('updates the As at Month End title', () => {
    expect(p.writes).toContainEqual({ row: 0, col: 0, value: 'As at Month End: January 2021' });
  });

  it('leaves the financial-year labels alone inside the year', () => {
    expect(p.writes.some((w) => typeof w.value === 'string' && /\d{4}\s*\/\s*\d{2}/.test(w.value))).toBe(false);
  });

  it("undoes last month's highlights on the new sheet's cells: the user's fill back, a fill changed since left with a warning", () => {
    const records = sheetHighlights([record('H6', null), record('I7', '#DDEBF7'), record('J8', null)]);
    const fills = [
      { sheet: 'Dec-20', address: 'H6', fill: HIGHLIGHT_FILL, note: null },
      { sheet: 'Dec-20', address: 'I7', fill: HIGHLIGHT_FILL, note: null },
      { sheet: 'Dec-20', address: 'J8', fill: '#00FF00', note: null },
    ];
    const p = roll(grid, { highlights: { records, fills } });
    expect(p.restoreFills).toEqual([
      { sheet: 'Jan-21', address: 'H6', fill: null },
      { sheet: 'Jan-21', address: 'I7', fill: '#DDEBF7' },
    ]);
    expect(p.warnings).toEqual([revisionMessages.fillChanged(qualified('Dec-20', 'J8'))]);
  });

  it('restores nothing and warns of nothing without highlight records', () => {
    expect(roll(grid)).toEqual(expect.objectContaining({ restoreFills: [], warnings: [], highlightNotesKept: 0 }));
  });

  it('does not mutate the grid', () => {
    const before = JSON.stringify(grid);
    roll(grid);
    expect(JSON.stringify(grid)).toBe(before);
  });
});

describe('roll forward March -> April', () => {
  const grid = marchGrid();
  const p = roll(grid);

  it('moves to the new financial year in the banner, keeping its spacing', () => {
    expect(p.newSheetName).toBe('Apr-20');
    expect(p.writes).toContainEqual({ row: 2, col: 5, value: '2020 / 21' });
    expect(p.writes).toContainEqual({ row: 40, col: 5, value: '2020 / 21' });
  });

  it('relabels the YTD column for the new year', () => {
    expect(p.writes).toContainEqual({ row: 3, col: 8, value: 'YTD 2020/21' });
  });

  it('writes April as the newest month header', () => {
    expect(p.writes).toContainEqual({ row: 3, col: 7, value: monthSerial({ year: 2020, month: 4 }), numberFormat: 'mmm-yy' });
    expect(p.writes).toContainEqual({ row: 0, col: 0, value: 'As at Month End: April 2020' });
  });
});

describe('roll forward notes', () => {
  const { grid, tables } = seedTables('earlyHelp');
  const dot = tables[0].columns.dot!;
  const row = tables[0].indicators[0].row;

  it('deletes the add-in\'s "No arrow" note on a cleared cell and the highlight notes it is given, each once', () => {
    const p = planRollForward(tables, grid, {
      notes: [
        { row, col: dot, text: sheetMsg.noArrowNote('Dec-20', 'TBC') },
        { row: row + 1, col: dot, text: 'Checked with the team' },
        { row, col: 0, text: sheetMsg.noArrowNote('Dec-20', 'TBC') },
      ],
      highlights: {
        records: sheetHighlights([record(a1(row + 2, 1), null, 'Revised: Nov-20'), record(a1(row, dot), null, 'Revised: Oct-20')]),
        fills: [
          { sheet: 'Dec-20', address: a1(row + 2, 1), fill: HIGHLIGHT_FILL, note: 'Revised: Nov-20' },
          { sheet: 'Dec-20', address: a1(row, dot), fill: HIGHLIGHT_FILL, note: 'Revised: Oct-20' },
        ],
      },
    });
    expect(p.ok && p.value.deleteNotes).toEqual([{ row: row + 2, col: 1 }, { row, col: dot }]);
  });

  it("keeps last month's highlight notes, and counts them, where the host cannot delete notes", () => {
    const p = roll(grid, {
      highlights: { records: sheetHighlights([record('B3', null, 'Revised: Nov-20')]), fills: [{ sheet: 'Dec-20', address: 'B3', fill: HIGHLIGHT_FILL, note: 'Revised: Nov-20' }], notes: 'kept' },
    });
    expect([p.deleteNotes, p.highlightNotesKept, p.restoreFills]).toEqual([[], 1, [{ sheet: 'Jan-21', address: 'B3', fill: null }]]);
  });

  it('deletes no note when none is given', () => {
    expect(roll(grid).deleteNotes).toEqual([]);
  });
});

describe('roll forward refusals', () => {
  const { grid, tables } = seedTables('earlyHelp');

  it('refuses a sheet name already taken', () => {
    expect(planRollForward(tables, grid, { existingSheets: ['jan-21'] })).toEqual({ ok: false, error: { code: 'sheetExists', message: sheetMsg.sheetExists('Jan-21') } });
  });

  it('refuses a month that is not after the reporting month, with its own code', () => {
    expect(planRollForward(tables, grid, { newMonth: { year: 2020, month: 12 } })).toEqual({
      ok: false,
      error: { code: 'notNextMonth', message: sheetMsg.rollNotNext('Dec-20', 'Jan-21') },
    });
  });

  it('refuses a sheet with no table to roll forward (noMonths, not sheetExists)', () => {
    expect(planRollForward([], grid)).toEqual({ ok: false, error: { code: 'noMonths', message: sheetMsg.rollNeedsMonths(grid.sheetName) } });
  });

  it('shifts by two columns when rolling two months on', () => {
    const p = planRollForward(tables, grid, { newMonth: { year: 2021, month: 2 } });
    expect(p.ok && p.value.moves[0]).toEqual({ from: expect.objectContaining({ left: 8 }), to: expect.objectContaining({ left: 6 }) });
  });
});

describe('roll forward keeps what next month needs', () => {
  const { grid, tables } = seedTables('corporateParenting');
  const p = roll(grid);
  const t = tables[0];

  it('keeps the YTD marker of a RAG cell judged on the year to date (corporate 6.9 `YTD G` -> `YTD`)', () => {
    const row = byKey(tables, '6.9');
    const cleared = p.clearContents.some((b) => b.left <= t.columns.rag! && b.right >= t.columns.rag! && b.top <= row.row && b.bottom >= row.row);
    const rewritten = p.writes.find((w) => w.row === row.row && w.col === t.columns.rag);
    expect(cleared).toBe(true);
    expect(rewritten?.value).toBe('YTD');
  });

  it('writes nothing back into the RAG cell of a row judged on the month', () => {
    const row = byKey(tables, '6.8');
    expect(p.writes.find((w) => w.row === row.row && w.col === t.columns.rag)).toBeUndefined();
  });

  it('resets the fill and font colour of every DOT and RAG cell it clears', () => {
    const resets = p.resetStyles ?? [];
    for (const table of tables) {
      for (const r of table.indicators) {
        for (const col of [table.columns.dot!, table.columns.rag!]) {
          expect(resets.some((b) => b.left <= col && b.right >= col && b.top <= r.row && b.bottom >= r.row)).toBe(true);
        }
      }
    }
  });

  it('resets no month, YTD or label cell (the user owns those)', () => {
    const owned = new Set(tables.flatMap((x) => [x.columns.dot, x.columns.rag]));
    for (const b of p.resetStyles ?? []) for (let c = b.left; c <= b.right; c++) expect(owned.has(c)).toBe(true);
  });
});
