import { sheetMsg } from '../messages';
import { err, ok, type Result } from '../result';
import { planHighlightUndo, type SheetHighlights } from '../revisions/highlightPlans';
import type { CellFill } from '../revisions/types';
import { boxOfAddress, cellAt, sameSheetName, type CellBox, type Grid } from '../sheet/grid';
import { addMonths, compareMonths, financialYear, longMonthLabel, monthLabel, monthSerial, type YearMonth } from '../sheet/months';
import type { ScorecardTable } from '../sheet/scorecard';
import { ADDIN_NOTES, isOwnNote } from './ownership';
import type { RollForwardPlan, RollForwardWrite } from './types';

export interface RollForwardOptions {
  /** The month to roll to; the month after the reporting month by default. */
  newMonth?: YearMonth;
  /** Sheet names already in the workbook: the new name must be free. */
  existingSheets?: string[];
  /**
   * Last month's highlights on the source sheet (`readSheetHighlights` of the source) and
   * the fills and notes of their cells as read now (`highlightCells`): the plan takes them
   * off the new sheet (`planHighlightUndo`). `notes: 'kept'` where the host cannot delete
   * a note.
   */
  highlights?: { records: SheetHighlights; fills: readonly CellFill[]; notes?: 'delete' | 'kept' };
  /**
   * Notes on the source sheet (0-based absolute row/col and text; the adapter may pass only
   * the add-in's). The add-in's "No arrow: …" notes on cells the new month clears explained
   * last month's DOT: the plan takes them off the new sheet. Anyone else's note stays.
   */
  notes?: ReadonlyArray<SheetNote>;
}

/** A cell note as an adapter reads it. */
export interface SheetNote {
  row: number;
  col: number;
  text: string;
}

const inBox = (b: CellBox, row: number, col: number): boolean => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

const TITLE = /^(\s*As at Month End:?\s*)([A-Za-z]+\s+\d{4})(.*)$/i;
const YTD_MARKER = /^\s*ytd\b/i;
const YEAR_PAIR = /(\d{4})(\s*\/\s*)(\d{2,4})/;

/** `2020/21` -> `2021/22` for the new month's financial year, keeping the spacing (`2019 / 20`). */
function withYear(text: string, fy: string): string {
  const [start, end] = fy.split('/');
  return text.replace(YEAR_PAIR, (_m, _a: string, sep: string, b: string) => `${start}${sep}${b.length === 4 ? `${Number(start) + 1}` : end}`);
}

type Cell = { row: number; col: number };

/** The notes the new sheet must lose: last month's highlight notes, and the add-in's "No arrow" notes on cleared cells; each cell once. */
function notesToDelete(highlightNotes: readonly Cell[], notes: readonly SheetNote[], cleared: readonly CellBox[]): Cell[] {
  const out = new Map<string, Cell>();
  for (const n of highlightNotes) out.set(`${n.row},${n.col}`, { row: n.row, col: n.col });
  for (const n of notes) {
    if (isOwnNote(ADDIN_NOTES, n.text) && cleared.some((b) => inBox(b, n.row, n.col))) out.set(`${n.row},${n.col}`, { row: n.row, col: n.col });
  }
  return [...out.values()];
}

/** The month to roll to and the new sheet's name, or why not: it must be after the sheet's month and its name free. */
function checkTarget(first: ScorecardTable | undefined, grid: Grid, options: RollForwardOptions): Result<{ from: YearMonth; target: YearMonth; step: number; name: string }> {
  if (!first || first.months.length === 0) return err('noMonths', sheetMsg.rollNeedsMonths(grid.sheetName));
  const expected = addMonths(first.reportingMonth, 1);
  const target = options.newMonth ?? expected;
  const step = compareMonths(target, first.reportingMonth);
  if (step < 1) return err('notNextMonth', sheetMsg.rollNotNext(monthLabel(target), monthLabel(expected)));
  const name = monthLabel(target);
  if ((options.existingSheets ?? []).some((s) => sameSheetName(s, name))) return err('sheetExists', sheetMsg.sheetExists(name));
  return ok({ from: first.reportingMonth, target, step, name });
}

/** Each month column takes the figures `step` columns to its right, left to right so each source is read before it is overwritten. */
function monthMoves(table: ScorecardTable, step: number): RollForwardPlan['moves'] {
  const { top, bottom } = table.bodyBox;
  const cols = table.months.map((m) => m.col);
  const moves: RollForwardPlan['moves'] = [];
  for (let i = 0; i + step < cols.length; i++) {
    moves.push({ from: { top, bottom, left: cols[i + step], right: cols[i + step] }, to: { top, bottom, left: cols[i], right: cols[i] } });
  }
  return moves;
}

/** The new months' columns (emptied for data) and last month's DOT and RAG columns (also restyled: a red cell with no letter misleads). */
function clearedColumns(table: ScorecardTable, step: number): { clear: CellBox[]; reset: CellBox[] } {
  const { top, bottom } = table.bodyBox;
  const cols = table.months.map((m) => m.col);
  const clear: CellBox[] = [];
  const reset: CellBox[] = [];
  for (let i = Math.max(0, cols.length - step); i < cols.length; i++) clear.push({ top, bottom, left: cols[i], right: cols[i] });
  for (const col of [table.columns.dot, table.columns.rag, table.columns.yoyDot, table.columns.yearEndRag]) {
    if (col === null) continue;
    clear.push({ top, bottom, left: col, right: col });
    reset.push({ top, bottom, left: col, right: col });
  }
  return { clear, reset };
}

/**
 * A RAG cell marked `YTD` (corporate 6.9 `YTD G`) says the row is judged on the year to
 * date; without the marker next month's row would be judged on the month.
 */
function ytdMarkers(table: ScorecardTable, grid: Grid): RollForwardWrite[] {
  const ragCol = table.columns.rag;
  if (ragCol === null) return [];
  return table.indicators.filter((row) => YTD_MARKER.test(cellAt(grid, row.row, ragCol).text)).map((row) => ({ row: row.row, col: ragCol, value: 'YTD' }));
}

/** Month headers moved on `step` months, as serials or as text, as each header was. */
function monthHeaders(table: ScorecardTable, grid: Grid, step: number): RollForwardWrite[] {
  return table.months.map((m) => {
    const next = addMonths(m, step);
    const header = cellAt(grid, table.monthHeaderRow, m.col);
    return typeof header.value === 'number'
      ? { row: table.monthHeaderRow, col: m.col, value: monthSerial(next), numberFormat: 'mmm-yy' }
      : // A text label stays text: Excel reads `Jan-21` typed into a General cell as
        // 21 January of the current year, so the cell is formatted as Text first.
        { row: table.monthHeaderRow, col: m.col, value: monthLabel(next), numberFormat: '@' };
  });
}

/** At April: the financial-year banner and the YTD header labels moved to the new year (`2020/21` -> `2021/22`). */
function yearLabels(table: ScorecardTable, grid: Grid, fy: string): RollForwardWrite[] {
  const writes: RollForwardWrite[] = [];
  const labelRows = new Set([table.bannerRow, table.monthHeaderRow, table.headerBox.top].filter((r): r is number => r !== null));
  const labelCols = [...(table.bannerRow !== null ? table.months.map((m) => m.col) : []), ...(table.columns.ytd !== null ? [table.columns.ytd] : [])];
  for (const row of labelRows) {
    for (const col of new Set(labelCols)) {
      const text = cellAt(grid, row, col).text;
      if (YEAR_PAIR.test(text)) writes.push({ row, col, value: withYear(text, fy) });
    }
  }
  return writes;
}

/** The `As at Month End` title (above the first table, or anywhere on the sheet, as reports vary). */
function titleWrites(grid: Grid, target: YearMonth): RollForwardWrite[] {
  const writes: RollForwardWrite[] = [];
  for (let i = 0; i < grid.values.length; i++) {
    const j = grid.text[i]?.findIndex((t) => TITLE.test(t)) ?? -1;
    if (j >= 0) {
      const m = TITLE.exec(grid.text[i][j])!;
      writes.push({ row: grid.top + i, col: grid.left + j, value: `${m[1]}${longMonthLabel(target)}${m[3]}` });
    }
  }
  return writes;
}

/** Last month's highlights, undone on the new sheet (none when the adapter passed no records). */
function highlightUndo(options: RollForwardOptions, newSheet: string): { undo: ReturnType<typeof planHighlightUndo>; notes: Cell[] } {
  const h = options.highlights;
  const undo = h ? planHighlightUndo(h.records, h.fills, newSheet, h.notes ?? 'delete') : { fills: [], deleteNotes: [], notesKept: 0, warnings: [] };
  const notes = undo.deleteNotes.flatMap((n) => {
    const box = boxOfAddress(n.address);
    return box ? [{ row: box.top, col: box.left }] : [];
  });
  return { undo, notes };
}

/**
 * Plans next month's sheet from this month's: a new sheet named after the month
 * (`Jan-21`), month columns shifted one left (the oldest drops, the new month's column
 * is emptied for data, formats kept), month headers advanced (date serials shown
 * `mmm-yy`, or text where the header was text), the `As at Month End` title updated and,
 * when the new month is April, the financial-year banner and YTD header labels moved on.
 * Last month's DOT and RAG are cleared with their colours (they described last month);
 * a RAG cell's `YTD` marker is kept; the add-in's "No arrow" notes on the cleared cells and
 * last month's highlights (fills and notes, `planHighlightUndo`) are taken off. Pure.
 *
 * @example
 * planRollForward(tables, grid).value.newSheetName // 'Jan-21' from a Dec-20 sheet
 */
export function planRollForward(tables: ScorecardTable[], grid: Grid, options: RollForwardOptions = {}): Result<RollForwardPlan> {
  const checked = checkTarget(tables[0], grid, options);
  if (!checked.ok) return checked;
  const { from, target, step, name } = checked.value;
  const crossesApril = Array.from({ length: step }, (_, i) => addMonths(from, i + 1)).some((m) => m.month === 4);
  const fy = financialYear(target);

  const moves: RollForwardPlan['moves'] = [];
  const clearContents: CellBox[] = [];
  const resetStyles: CellBox[] = [];
  const writes: RollForwardWrite[] = [];
  for (const table of tables) {
    moves.push(...monthMoves(table, step));
    const { clear, reset } = clearedColumns(table, step);
    clearContents.push(...clear);
    resetStyles.push(...reset);
    writes.push(...ytdMarkers(table, grid), ...monthHeaders(table, grid, step), ...(crossesApril ? yearLabels(table, grid, fy) : []));
  }
  writes.push(...titleWrites(grid, target));
  const { undo, notes } = highlightUndo(options, name);

  return ok({
    sourceSheet: grid.sheetName,
    newSheetName: name,
    newMonth: { ...target, label: name },
    moves,
    clearContents,
    writes,
    restoreFills: undo.fills,
    resetStyles,
    deleteNotes: notesToDelete(notes, options.notes ?? [], clearContents),
    highlightNotesKept: undo.notesKept,
    warnings: undo.warnings,
  });
}
