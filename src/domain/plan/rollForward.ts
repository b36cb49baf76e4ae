import { sheetMsg } from '../messages';
import { err, ok, type Result } from '../result';
import { sameSheetName, type CellBox, type Grid } from '../sheet/grid';
import { addMonths, compareMonths, financialYear, longMonthLabel, monthLabel, monthSerial, type YearMonth } from '../sheet/months';
import type { ScorecardTable } from '../sheet/scorecard';
import { ADDIN_NOTES, isOwnNote } from './ownership';
import type { RestoreFill, RollForwardPlan } from './types';

export interface RollForwardOptions {
  /** The month to roll to; the month after the reporting month by default. */
  newMonth?: YearMonth;
  /** Sheet names already in the workbook: the new name must be free. */
  existingSheets?: string[];
  /** Last month's revision highlights to take off the new sheet (from the revisions feature). */
  restoreFills?: RestoreFill[];
  /**
   * Notes on the source sheet (0-based absolute row/col and text; the adapter may pass only
   * the add-in's). The add-in's "No arrow: …" notes on cells the new month clears explained
   * last month's DOT: the plan takes them off the new sheet. Anyone else's note stays.
   */
  notes?: ReadonlyArray<SheetNote>;
  /** Cells whose last-month highlight note the clear-highlights planner says to remove (from the revisions feature). */
  highlightNotes?: ReadonlyArray<{ row: number; col: number }>;
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

function cell(grid: Grid, row: number, col: number): { value: unknown; text: string } {
  const i = row - grid.top;
  const j = col - grid.left;
  return { value: grid.values[i]?.[j], text: grid.text[i]?.[j] ?? '' };
}

/** `2020/21` -> `2021/22` for the new month's financial year, keeping the spacing (`2019 / 20`). */
function withYear(text: string, fy: string): string {
  const [start, end] = fy.split('/');
  return text.replace(YEAR_PAIR, (_m, _a: string, sep: string, b: string) => `${start}${sep}${b.length === 4 ? `${Number(start) + 1}` : end}`);
}

/** The notes the new sheet must lose: last month's highlight notes, and the add-in's "No arrow" notes on cleared cells; each cell once. */
function notesToDelete(options: RollForwardOptions, cleared: readonly CellBox[]): Array<{ row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  for (const n of options.highlightNotes ?? []) out.set(`${n.row},${n.col}`, { row: n.row, col: n.col });
  for (const n of options.notes ?? []) {
    if (isOwnNote(ADDIN_NOTES, n.text) && cleared.some((b) => inBox(b, n.row, n.col))) out.set(`${n.row},${n.col}`, { row: n.row, col: n.col });
  }
  return [...out.values()];
}

/**
 * Plans next month's sheet from this month's: a new sheet named after the month
 * (`Jan-21`), month columns shifted one left (the oldest drops, the new month's column
 * is emptied for data, formats kept), month headers advanced (date serials shown
 * `mmm-yy`, or text where the header was text), the `As at Month End` title updated and,
 * when the new month is April, the financial-year banner and YTD header labels moved on.
 * Last month's DOT and RAG are cleared with their colours (they described last month);
 * a RAG cell's `YTD` marker is kept; the add-in's "No arrow" notes on the cleared cells and
 * last month's highlight notes are taken off (`deleteNotes`). Pure.
 *
 * @example
 * planRollForward(tables, grid).value.newSheetName // 'Jan-21' from a Dec-20 sheet
 */
export function planRollForward(tables: ScorecardTable[], grid: Grid, options: RollForwardOptions = {}): Result<RollForwardPlan> {
  const first = tables[0];
  if (!first || first.months.length === 0) return err('noMonths', sheetMsg.rollNeedsMonths(grid.sheetName));
  const expected = addMonths(first.reportingMonth, 1);
  const target = options.newMonth ?? expected;
  const step = compareMonths(target, first.reportingMonth);
  if (step < 1) return err('notNextMonth', sheetMsg.rollNotNext(monthLabel(target), monthLabel(expected)));
  const newSheetName = monthLabel(target);
  if ((options.existingSheets ?? []).some((s) => sameSheetName(s, newSheetName))) {
    return err('sheetExists', sheetMsg.sheetExists(newSheetName));
  }

  const moves: RollForwardPlan['moves'] = [];
  const clearContents: CellBox[] = [];
  const resetStyles: CellBox[] = [];
  const writes: RollForwardPlan['writes'] = [];
  const crossesApril = Array.from({ length: step }, (_, i) => addMonths(first.reportingMonth, i + 1)).some((m) => m.month === 4);
  const fy = financialYear(target);

  for (const table of tables) {
    const { top, bottom } = table.bodyBox;
    const cols = table.months.map((m) => m.col);
    const n = cols.length;
    // Left to right, so each source is read before it is overwritten.
    for (let i = 0; i + step < n; i++) {
      moves.push({ from: { top, bottom, left: cols[i + step], right: cols[i + step] }, to: { top, bottom, left: cols[i], right: cols[i] } });
    }
    for (let i = Math.max(0, n - step); i < n; i++) clearContents.push({ top, bottom, left: cols[i], right: cols[i] });
    for (const col of [table.columns.dot, table.columns.rag, table.columns.yoyDot, table.columns.yearEndRag]) {
      if (col === null) continue;
      clearContents.push({ top, bottom, left: col, right: col });
      // Last month's colours went with last month's letters: a red cell with no letter misleads.
      resetStyles.push({ top, bottom, left: col, right: col });
    }
    const ragCol = table.columns.rag;
    if (ragCol !== null) {
      // A RAG cell marked `YTD` (corporate 6.9 `YTD G`) says the row is judged on the year to
      // date; without the marker next month's row would be judged on the month.
      for (const row of table.indicators) {
        if (YTD_MARKER.test(cell(grid, row.row, ragCol).text)) writes.push({ row: row.row, col: ragCol, value: 'YTD' });
      }
    }
    table.months.forEach((m) => {
      const next = addMonths(m, step);
      const header = cell(grid, table.monthHeaderRow, m.col);
      writes.push(
        typeof header.value === 'number'
          ? { row: table.monthHeaderRow, col: m.col, value: monthSerial(next), numberFormat: 'mmm-yy' }
          : // A text label stays text: Excel reads `Jan-21` typed into a General cell as
            // 21 January of the current year, so the cell is formatted as Text first.
            { row: table.monthHeaderRow, col: m.col, value: monthLabel(next), numberFormat: '@' },
      );
    });
    if (crossesApril) {
      const labelRows = new Set([table.bannerRow, table.monthHeaderRow, table.headerBox.top].filter((r): r is number => r !== null));
      const labelCols = [...(table.bannerRow !== null ? table.months.map((m) => m.col) : []), ...(table.columns.ytd !== null ? [table.columns.ytd] : [])];
      for (const row of labelRows) {
        for (const col of new Set(labelCols)) {
          const text = cell(grid, row, col).text;
          if (YEAR_PAIR.test(text)) writes.push({ row, col, value: withYear(text, fy) });
        }
      }
    }
  }

  // The title above the first table (or anywhere on the sheet, as reports vary).
  for (let i = 0; i < grid.values.length; i++) {
    const j = grid.text[i]?.findIndex((t) => TITLE.test(t)) ?? -1;
    if (j >= 0) {
      const m = TITLE.exec(grid.text[i][j])!;
      writes.push({ row: grid.top + i, col: grid.left + j, value: `${m[1]}${longMonthLabel(target)}${m[3]}` });
    }
  }

  return ok({
    sourceSheet: grid.sheetName,
    newSheetName,
    newMonth: { ...target, label: newSheetName },
    moves,
    clearContents,
    writes,
    restoreFills: options.restoreFills ?? [],
    resetStyles,
    deleteNotes: notesToDelete(options, clearContents),
  });
}
