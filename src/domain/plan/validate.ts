import { sheetMsg } from '../messages';
import { err, ok, type Result } from '../result';
import { a1, boxAddress, qualified, type CellBox } from '../sheet/grid';
import type { ScorecardTable } from '../sheet/scorecard';
import type { FormatPlan } from './types';

function inside(box: CellBox, outer: CellBox | null): boolean {
  return outer !== null && box.top >= outer.top && box.bottom <= outer.bottom && box.left >= outer.left && box.right <= outer.right;
}

function overlaps(a: CellBox, b: CellBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Checks a whole plan before anything is written: values only in the DOT and RAG cells of
 * indicator rows or in the key area, notes only on DOT and RAG cells, formats only inside
 * the table or the key area, and
 * a key area that does not overlap the table. An error names the first offending cell.
 *
 * @example validatePlan(plan, tables) // ok(plan), or err naming e.g. 'Dec-20'!B5
 */
export function validatePlan(plan: FormatPlan, tables: ScorecardTable[]): Result<FormatPlan> {
  const owned = new Set<string>();
  for (const t of tables) {
    for (const row of t.indicators) {
      for (const col of [t.columns.dot, t.columns.rag, t.columns.yoyDot, t.columns.yearEndRag]) if (col !== null) owned.add(`${row.row},${col}`);
    }
  }
  if (plan.extraArea && overlaps(plan.extraArea, plan.area)) {
    return err('badArgument', sheetMsg.styleOutsideArea(qualified(plan.sheetName, boxAddress(plan.extraArea))));
  }
  for (const w of plan.writes) {
    const cell: CellBox = { top: w.row, bottom: w.row, left: w.col, right: w.col };
    if (!owned.has(`${w.row},${w.col}`) && !inside(cell, plan.extraArea)) {
      return err('badArgument', sheetMsg.writeOutsideOwned(qualified(plan.sheetName, a1(w.row, w.col))));
    }
  }
  for (const g of plan.styles) {
    for (const b of g.boxes) {
      if (!inside(b, plan.area) && !inside(b, plan.extraArea)) {
        return err('badArgument', sheetMsg.styleOutsideArea(qualified(plan.sheetName, boxAddress(b))));
      }
    }
  }
  // Notes only on cells the add-in writes: a note elsewhere would sit on the user's data.
  for (const n of plan.notes ?? []) {
    if (!owned.has(`${n.row},${n.col}`)) return err('badArgument', sheetMsg.writeOutsideOwned(qualified(plan.sheetName, a1(n.row, n.col))));
  }
  for (const g of plan.conditional ?? []) {
    for (const b of g.boxes) {
      if (!inside(b, plan.area)) return err('badArgument', sheetMsg.styleOutsideArea(qualified(plan.sheetName, boxAddress(b))));
    }
  }
  return ok(plan);
}
