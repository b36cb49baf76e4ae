import { sheetMsg } from '../messages';
import { err, ok, type Result } from '../result';
import { a1, boxAddress, qualified, type CellBox } from '../sheet/grid';
import { markLookup } from './ownership';
import type { CellStyle, FormatPlan } from './types';

const COLOUR = /^#[0-9A-Fa-f]{6}$/;
/** Excel's grid: 1,048,576 rows by 16,384 columns (0-based here). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function validIndex(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

function validBox(b: CellBox): boolean {
  return validIndex(b.top) && validIndex(b.left) && validIndex(b.bottom) && validIndex(b.right) && b.top <= b.bottom && b.left <= b.right && b.bottom <= MAX_ROW && b.right <= MAX_COL;
}

function inside(box: CellBox, outer: CellBox | null): boolean {
  return outer !== null && box.top >= outer.top && box.bottom <= outer.bottom && box.left >= outer.left && box.right <= outer.right;
}

function overlaps(a: CellBox, b: CellBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function styleProblem(style: CellStyle): string | null {
  for (const key of ['fill', 'fontColor', 'borderColor'] as const) {
    const colour = style[key];
    if (colour !== undefined && !COLOUR.test(colour)) return sheetMsg.planBadColour(key, colour);
  }
  if (style.numberFormat !== undefined && (typeof style.numberFormat !== 'string' || style.numberFormat.length === 0 || style.numberFormat.length > 255)) {
    return sheetMsg.planBadNumberFormat(String(style.numberFormat));
  }
  return null;
}

const wellFormed = (v: unknown): boolean => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string');

/**
 * The first write (in the plan's order) outside the areas, with a malformed value, or to a
 * cell an earlier write has (whichever comes first, as one pass in order would find it).
 */
function writesProblem(plan: FormatPlan, cellIn: (row: number, col: number, box: CellBox | null) => boolean): string | null {
  // Packed as `row * 16384 + col` (exact in a double): no string or box per write.
  const keys = new Float64Array(plan.writes.length);
  let checked = 0;
  let failure: string | null = null;
  // Indexed loops over the plan's thousands of writes and boxes: this runs once per plan, and
  // an array iterator left to the interpreter makes an object per element.
  const writes = plan.writes;
  for (let k = 0; k < writes.length; k++) {
    const w = writes[k];
    const { row, col } = w;
    const valid = Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row <= MAX_ROW && col <= MAX_COL;
    if (!valid || !(cellIn(row, col, plan.area) || cellIn(row, col, plan.extraArea))) {
      failure = sheetMsg.planWriteOutside(valid ? a1(row, col) : `(${row}, ${col})`);
      break;
    }
    const shown = w.kind === 'formula' ? w.result : w.value;
    if (!wellFormed(shown) || (w.kind === 'formula' && !(typeof w.formula === 'string' && w.formula.startsWith('=')))) {
      failure = sheetMsg.planBadValue(a1(row, col));
      break;
    }
    keys[checked++] = row * (MAX_COL + 1) + col;
  }
  const twice = firstRepeat(keys.subarray(0, checked));
  if (twice === null) return failure;
  return sheetMsg.planWrittenTwice(a1(plan.writes[twice].row, plan.writes[twice].col));
}

/** The index of the first key that an earlier one repeats, or null: sorted once, and looked for in order only when there is one. */
function firstRepeat(keys: Float64Array): number | null {
  const sorted = keys.slice().sort();
  let repeated = false;
  for (let i = 1; i < sorted.length && !repeated; i++) repeated = sorted[i] === sorted[i - 1];
  if (!repeated) return null;
  const seen = new Set<number>();
  for (let i = 0; i < keys.length; i++) {
    if (seen.has(keys[i])) return i;
    seen.add(keys[i]);
  }
  return null;
}

/** The plan's shape: ranges, values, colours, widths, panes and print setup well formed, writes inside its areas. */
function shapeProblem(plan: FormatPlan): string | null {
  if (typeof plan.sheetName !== 'string' || plan.sheetName.length === 0) return sheetMsg.planNoSheet();
  if (!validBox(plan.area)) return sheetMsg.planBadBox('table area');
  if (plan.extraArea && !validBox(plan.extraArea)) return sheetMsg.planBadBox('key area');
  const inAreas = (b: CellBox): boolean => inside(b, plan.area) || inside(b, plan.extraArea);
  const cellIn = (row: number, col: number, box: CellBox | null): boolean =>
    box !== null && row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
  const writes = writesProblem(plan, cellIn);
  if (writes) return writes;
  for (const group of plan.styles) {
    const problem = styleProblem(group.style);
    if (problem) return sheetMsg.planStyleProblem(group.key, problem);
    const boxes = group.boxes;
    for (let k = 0; k < boxes.length; k++) if (!validBox(boxes[k]) || !inAreas(boxes[k])) return sheetMsg.planStyleOutside(group.key);
  }
  for (const { col, width } of plan.columnWidths) {
    if (!Number.isInteger(col) || col < 0 || col > MAX_COL) return sheetMsg.planBadColumn(col);
    if (!Number.isFinite(width) || width < 0 || width > 1800) return sheetMsg.planBadWidth(width);
  }
  for (const { row, height } of plan.rowHeights ?? []) {
    // Excel's largest row height is 409 points (Excel specifications and limits).
    if (!Number.isInteger(row) || row < 0 || row > MAX_ROW || !Number.isFinite(height) || height < 0 || height > 409) return sheetMsg.planBadRowHeight(height, row);
  }
  if (plan.freeze && [plan.freeze.rows, plan.freeze.columns].some((n) => !Number.isInteger(n) || n < 0)) return sheetMsg.planBadFreeze();
  if (plan.print) {
    if (!validBox(plan.print.printArea)) return sheetMsg.planBadBox('print area');
    if (!Number.isInteger(plan.print.scale) || plan.print.scale < 10 || plan.print.scale > 400) return sheetMsg.planBadScale();
    if (plan.print.rowBreaks.some((r) => !Number.isInteger(r) || r < 1 || r > MAX_ROW)) return sheetMsg.planBadRowBreak();
    const r = plan.print.repeatRows;
    if (r && (!Number.isInteger(r.first) || r.first < 0 || r.last < r.first)) return sheetMsg.planBadRepeatRows();
  }
  return null;
}

/**
 * The one check of a format plan, made by the planner before it returns one and by both
 * adapters before they write anything (so a bad plan never leaves a half-formatted sheet):
 * its shape (ranges, values, colours, widths), then what it owns (`plan.owns`): values only
 * in its DOT and RAG cells or its key area, notes only on DOT and RAG cells, formats and
 * colour rules only inside the table or the key, a key that does not overlap the table.
 * The error (code `planInvalid`) names the first problem.
 *
 * @example validatePlan(plan) // ok(plan), or err('planInvalid', "The plan would write to 'Dec-20'!B5, which is not a DOT, RAG or key cell: …")
 */
export function validatePlan(plan: FormatPlan): Result<FormatPlan> {
  const shape = shapeProblem(plan);
  if (shape) return err('planInvalid', shape);
  const at = (address: string): string => qualified(plan.sheetName, address);
  if (plan.extraArea && overlaps(plan.extraArea, plan.area)) return err('planInvalid', sheetMsg.styleOutsideArea(at(boxAddress(plan.extraArea))));
  const isMark = markLookup(plan.owns);
  const key = plan.owns.key;
  const inKey = (row: number, col: number): boolean => key !== null && row >= key.top && row <= key.bottom && col >= key.left && col <= key.right;
  const writes = plan.writes;
  for (let k = 0; k < writes.length; k++) {
    const w = writes[k];
    if (!isMark(w.row, w.col) && !inKey(w.row, w.col)) return err('planInvalid', sheetMsg.writeOutsideOwned(at(a1(w.row, w.col))));
  }
  // Notes only on cells the add-in writes: a note elsewhere would sit on the user's data.
  for (const n of plan.notes ?? []) {
    if (!isMark(n.row, n.col)) return err('planInvalid', sheetMsg.writeOutsideOwned(at(a1(n.row, n.col))));
  }
  for (const g of plan.conditional ?? []) {
    for (const b of g.boxes) if (!inside(b, plan.area)) return err('planInvalid', sheetMsg.styleOutsideArea(at(boxAddress(b))));
  }
  return ok(plan);
}
