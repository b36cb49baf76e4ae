import type ExcelJS from 'exceljs';
import { ok } from '../domain/result';
import type { RollForwardPlan } from '../domain/plan/types';
import { copyWorksheet } from './copySheet';
import { xlsxMessages } from './messages';
import { restoreFills } from './highlights';
import { StyleCache } from './styles';
import { a1 } from '../domain/sheet/grid';
import { xlsxError, type XlsxResult } from './workbook';

export interface RollForwardApplied {
  worksheet: ExcelJS.Worksheet;
  /** What the copy could not carry over (Excel tables), to be reported, never dropped silently. */
  notCopied: string[];
}

/**
 * Applies a roll-forward plan: copies the source sheet under the new name, then on the
 * copy, in the plan's order, moves month contents left (values and formulas; formats stay
 * where they are), clears the new month's column and last month's DOT/RAG (contents only),
 * takes last month's colours off the cleared DOT/RAG cells, writes the headers, title and
 * `YTD` markers, and puts back the fills last month's highlights replaced.
 * The source sheet is not touched.
 *
 * @example
 * const rolled = applyRollForward(workbook, plan.value);
 * if (rolled.ok) rolled.value.worksheet.name // 'Jan-21'
 */
export function applyRollForward(workbook: ExcelJS.Workbook, plan: RollForwardPlan): XlsxResult<RollForwardApplied> {
  const source = workbook.worksheets.find((w) => w.name === plan.sourceSheet);
  if (!source) return xlsxError('sheetNotFound', xlsxMessages.sheetNotFound(plan.sourceSheet, workbook.worksheets.map((w) => w.name)));
  if (workbook.worksheets.some((w) => w.name.toLowerCase() === plan.newSheetName.toLowerCase())) {
    return xlsxError('planMismatch', xlsxMessages.sheetExists(plan.newSheetName));
  }
  const { worksheet: ws, notCopied } = copyWorksheet(workbook, source, plan.newSheetName);
  const styles = new StyleCache();

  for (const move of plan.moves) {
    const rows = move.from.bottom - move.from.top;
    const cols = move.from.right - move.from.left;
    for (let r = 0; r <= rows; r++) {
      for (let c = 0; c <= cols; c++) {
        const from = ws.getCell(move.from.top + r + 1, move.from.left + c + 1);
        const to = ws.getCell(move.to.top + r + 1, move.to.left + c + 1);
        // Contents only, as the Excel adapter does: the format plan gives every month cell
        // of a row its unit's number format, blanks included, so formats need not travel.
        to.value = structuredClone(from.value);
      }
    }
  }
  for (const box of plan.clearContents) {
    for (let r = box.top; r <= box.bottom; r++) {
      const row = ws.findRow(r + 1);
      if (!row) continue;
      for (let c = box.left; c <= box.right; c++) {
        const cell = row.findCell(c + 1);
        if (cell && cell.value !== null) cell.value = null;
      }
    }
  }
  for (const box of plan.resetStyles ?? []) {
    for (let r = box.top; r <= box.bottom; r++) {
      const row = ws.findRow(r + 1);
      if (!row) continue;
      for (let c = box.left; c <= box.right; c++) {
        const cell = row.findCell(c + 1);
        if (cell) styles.apply(cell, 'resetColours', withoutColours);
      }
    }
  }
  for (const write of plan.writes) {
    const cell = ws.getCell(write.row + 1, write.col + 1);
    cell.value = write.value;
    if (write.numberFormat && cell.numFmt !== write.numberFormat) setNumFmt(styles, cell, write.numberFormat);
  }
  const restores = plan.restoreFills.flatMap((f) => cellsOf(f.box).map((address) => ({ sheet: ws.name, address, fill: f.fill })));
  restoreFills(ws, restores);
  return ok({ worksheet: ws, notCopied });
}

/** No fill and an automatic font colour; bold, alignment, borders and number format stay. */
function withoutColours(old: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const next: Partial<ExcelJS.Style> = { ...old };
  delete next.fill;
  if (old.font) {
    const font: Partial<ExcelJS.Font> = { ...old.font };
    delete font.color;
    next.font = font;
  }
  return next;
}

/** `cell.numFmt = x` would change every cell sharing the style object (the source sheet's too). */
function setNumFmt(styles: StyleCache, cell: ExcelJS.Cell, numFmt: string | undefined): void {
  styles.apply(cell, `numFmt:${numFmt ?? ''}`, (old) => {
    const next = { ...old };
    if (numFmt === undefined) delete next.numFmt;
    else next.numFmt = numFmt;
    return next;
  });
}

function cellsOf(box: { top: number; left: number; bottom: number; right: number }): string[] {
  const out: string[] = [];
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) out.push(a1(r, c));
  return out;
}
