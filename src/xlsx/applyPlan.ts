import type ExcelJS from 'exceljs';
import { ok } from '../domain/result';
import type { FormatPlan, PrintSetup } from '../domain/plan/types';
import { isKeyText } from '../domain/plan/key';
import { a1, boxAddress, type CellBox } from '../domain/sheet/grid';
import { cellValue } from './grid';
import { xlsxMessages } from './messages';
import { applyConditional } from './conditional';
import { applyPlanNotes } from './notes';
import { mergeStyle, StyleCache } from './styles';
import { xlsxError, type XlsxResult } from './workbook';

export interface ApplyOptions {
  /**
   * Cached results for formula writes, keyed `row,col` (0-based): the static plan's
   * letters and arrows. A file's formula cells carry their last result; without one, a
   * =PERF. formula shows nothing until Excel with the add-in recalculates it, and other
   * readers (LibreOffice, a PDF export, a viewer) never show it.
   */
  results?: ReadonlyMap<string, string | number>;
}

export interface ApplySummary {
  cellsWritten: number;
  cellsStyled: number;
  /** The plan's notes written (why a DOT cell has no arrow). */
  notesWritten: number;
  /** Cells where the user's own note was kept instead of the add-in's. */
  notesKeptUsers: number;
  /** Conditional-format rules written (formulas mode: colours that follow the live results). */
  conditionalRules: number;
}

/**
 * Applies a format plan to an exceljs worksheet, taking no decisions of its own: the
 * writes (values, or formulas for `=...`), each style group on its boxes, the notes (only
 * the add-in's own are replaced; a user's note is kept), the formulas-mode colour rules as
 * conditional formats, column widths,
 * freeze panes and print setup. The whole plan is checked first (right sheet, every write
 * and style inside the table or key it owns, key cells empty or already holding the key),
 * so a refused plan changes nothing: never a half-formatted sheet.
 *
 * @example
 * const applied = applyFormatPlan(ws, plan.value);
 * if (!applied.ok) console.error(applied.error.message);
 */
export function applyFormatPlan(ws: ExcelJS.Worksheet, plan: FormatPlan, options: ApplyOptions = {}): XlsxResult<ApplySummary> {
  const checked = checkPlan(ws, plan);
  if (!checked.ok) return checked;

  for (const write of plan.writes) {
    const cell = ws.getCell(write.row + 1, write.col + 1);
    if (typeof write.value === 'string' && write.value.startsWith('=')) {
      const result = options.results?.get(`${write.row},${write.col}`);
      cell.value = result === undefined ? { formula: write.value.slice(1) } : ({ formula: write.value.slice(1), result } as ExcelJS.CellFormulaValue);
    } else {
      cell.value = write.value;
    }
  }

  const cache = new StyleCache();
  let cellsStyled = 0;
  for (const group of plan.styles) {
    for (const box of group.boxes) {
      for (let r = box.top; r <= box.bottom; r++) {
        const row = ws.getRow(r + 1);
        for (let c = box.left; c <= box.right; c++) {
          cache.apply(row.getCell(c + 1), group.key, (old) => mergeStyle(old, group.style));
          cellsStyled++;
        }
      }
    }
  }

  const notes = applyPlanNotes(ws, plan);
  const conditionalRules = applyConditional(ws, plan);

  for (const { col, width } of plan.columnWidths) ws.getColumn(col + 1).width = charactersFromPoints(width);

  if (plan.freeze) {
    const { rows, columns } = plan.freeze;
    const base = (ws.views ?? [])[0] ?? {};
    ws.views = [{ ...base, state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: a1(rows, columns) } as ExcelJS.WorksheetView];
  }
  if (plan.print) applyPrint(ws, plan.print);
  return ok({ cellsWritten: plan.writes.length, cellsStyled, notesWritten: notes.written, notesKeptUsers: notes.keptUsers, conditionalRules });
}

/**
 * Excel column widths are in characters of the default font's widest digit (7 px for
 * Calibri 11) plus 5 px of padding; the plan speaks points as Office.js does (0.75 pt/px).
 */
export function charactersFromPoints(points: number): number {
  const pixels = points / 0.75;
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

function applyPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    // 0 leaves the height free: as many pages tall as the table needs.
    fitToHeight: 0,
    printArea: boxAddress(print.printArea),
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
  };
}

function inside(box: CellBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

function boxInside(inner: CellBox, outer: CellBox): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

function checkPlan(ws: ExcelJS.Worksheet, plan: FormatPlan): XlsxResult<void> {
  if (plan.sheetName !== ws.name) return xlsxError('planMismatch', xlsxMessages.planSheetMismatch(plan.sheetName, ws.name));
  const owned = (row: number, col: number): boolean => inside(plan.area, row, col) || (plan.extraArea !== null && inside(plan.extraArea, row, col));
  for (const write of plan.writes) {
    if (!owned(write.row, write.col)) return xlsxError('planMismatch', xlsxMessages.writeOutsidePlan(a1(write.row, write.col)));
  }
  for (const group of plan.styles) {
    for (const box of group.boxes) {
      if (!boxInside(box, plan.area) && !(plan.extraArea && boxInside(box, plan.extraArea))) {
        return xlsxError('planMismatch', xlsxMessages.writeOutsidePlan(boxAddress(box)));
      }
    }
  }
  if (plan.extraArea) {
    // The key may only land on empty cells, or on the key a previous run wrote there.
    const planned = new Map(plan.writes.map((w) => [`${w.row},${w.col}`, w.value]));
    const { top, left, bottom, right } = plan.extraArea;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        // findCell, not getCell: checking must not create cells.
        const cell = ws.findRow(r + 1)?.findCell(c + 1);
        if (!cell) continue;
        const current = cell.formula ? `=${cell.formula}` : cellValue(cell);
        const wanted = planned.get(`${r},${c}`);
        // An earlier Format's key line (another convention) is replaced by this one.
        const earlierKey = wanted !== undefined && isKeyText(current);
        if (current !== null && current !== '' && current !== wanted && !earlierKey) {
          return xlsxError('keyAreaNotEmpty', xlsxMessages.keyAreaNotEmpty(a1(r, c)));
        }
      }
    }
  }
  return ok(undefined);
}
