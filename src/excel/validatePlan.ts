import type { CellBox } from '../domain/sheet/grid';
import { a1 } from '../domain/sheet/grid';
import type { CellStyle, FormatPlan } from '../domain/plan/types';

const COLOUR = /^#[0-9A-Fa-f]{6}$/;
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function validBox(b: CellBox): boolean {
  return [b.top, b.left, b.bottom, b.right].every((n) => Number.isInteger(n) && n >= 0) && b.top <= b.bottom && b.left <= b.right && b.bottom <= MAX_ROW && b.right <= MAX_COL;
}

function inside(b: CellBox, outer: CellBox): boolean {
  return b.top >= outer.top && b.bottom <= outer.bottom && b.left >= outer.left && b.right <= outer.right;
}

function styleProblem(style: CellStyle): string | null {
  for (const key of ['fill', 'fontColor', 'borderColor'] as const) {
    const colour = style[key];
    if (colour !== undefined && !COLOUR.test(colour)) return `${key} '${colour}' is not a #RRGGBB colour`;
  }
  if (style.numberFormat !== undefined && (typeof style.numberFormat !== 'string' || style.numberFormat.length === 0 || style.numberFormat.length > 255)) {
    return `number format '${String(style.numberFormat)}' is not valid`;
  }
  return null;
}

/**
 * Checks a whole plan before anything is written: every write and every styled box inside
 * the plan's own area (or its key area), colours and widths well formed. The adapter
 * refuses the plan on the first problem, so a bad plan never leaves a half-formatted sheet.
 * Returns null when the plan is valid, else what is wrong.
 *
 * @example
 * validatePlan({ ...plan, writes: [{ row: 900, col: 0, value: 'R' }] }) // 'write to A901 is outside the table'
 */
export function validatePlan(plan: FormatPlan): string | null {
  if (typeof plan.sheetName !== 'string' || plan.sheetName.length === 0) return 'the plan names no sheet';
  if (!validBox(plan.area)) return 'the table area is not a valid range';
  if (plan.extraArea && !validBox(plan.extraArea)) return 'the key area is not a valid range';
  const owned = (b: CellBox): boolean => inside(b, plan.area) || (plan.extraArea !== null && inside(b, plan.extraArea));
  for (const w of plan.writes) {
    const cell = { top: w.row, left: w.col, bottom: w.row, right: w.col };
    if (!validBox(cell) || !owned(cell)) return `write to ${validBox(cell) ? a1(w.row, w.col) : `(${w.row}, ${w.col})`} is outside the table`;
    if (typeof w.value === 'number' ? !Number.isFinite(w.value) : typeof w.value !== 'string') return `the value for ${a1(w.row, w.col)} is not a number or text`;
  }
  const seen = new Set<string>();
  for (const w of plan.writes) {
    const key = `${w.row},${w.col}`;
    if (seen.has(key)) return `${a1(w.row, w.col)} is written twice`;
    seen.add(key);
  }
  for (const group of plan.styles) {
    const problem = styleProblem(group.style);
    if (problem) return `style '${group.key}': ${problem}`;
    for (const b of group.boxes) {
      if (!validBox(b) || !owned(b)) return `style '${group.key}' reaches outside the table`;
    }
  }
  for (const { col, width } of plan.columnWidths) {
    if (!Number.isInteger(col) || col < 0 || col > MAX_COL) return `column ${col} is not a column`;
    if (!Number.isFinite(width) || width < 0 || width > 1800) return `column width ${width} is out of range`;
  }
  for (const { row, height } of plan.rowHeights ?? []) {
    // Excel's largest row height is 409 points (Excel specifications and limits).
    if (!Number.isInteger(row) || row < 0 || row > MAX_ROW || !Number.isFinite(height) || height < 0 || height > 409) return `row height ${height} for row ${row + 1} is out of range`;
  }
  if (plan.freeze && [plan.freeze.rows, plan.freeze.columns].some((n) => !Number.isInteger(n) || n < 0)) return 'freeze panes are not whole numbers';
  if (plan.print) {
    if (!validBox(plan.print.printArea)) return 'the print area is not a valid range';
    if (!Number.isInteger(plan.print.scale) || plan.print.scale < 10 || plan.print.scale > 400) return 'the print scale is not a whole percentage from 10 to 400';
    if (plan.print.rowBreaks.some((r) => !Number.isInteger(r) || r < 1 || r > MAX_ROW)) return 'a page break is not on a row';
    const r = plan.print.repeatRows;
    if (r && (!Number.isInteger(r.first) || r.first < 0 || r.last < r.first)) return 'the repeated rows are not a valid range';
  }
  return null;
}
