import { DOT_GLYPHS } from '../dot';
import { sheetMsg } from '../messages';
import type { CellBox } from '../sheet/grid';
import type { ScorecardTable } from '../sheet/scorecard';
import type { CellInput } from '../types';
import { isKeyText } from './key';
import { RAG_LETTER } from './palette';
import type { FormatPlan, PlanOwnership } from './types';

/**
 * What is the add-in's on a sheet, decided once for both adapters. A workbook keeps no tag
 * on a note, a conditional format or a key, so "ours" is recognised by what only the
 * add-in writes: notes starting with the catalogue's prefix, colour rules comparing a mark
 * (a RAG letter, a DOT arrow, blank) on cells that are all DOT or RAG cells, a key area that
 * is empty or holds the add-in's key. Adapters read what is there and ask here; they never
 * decide it themselves.
 */

/** The texts the add-in's colour rules compare with. */
export const RULE_MARKS: readonly string[] = Object.freeze(['', ...Object.values(RAG_LETTER), ...Object.values(DOT_GLYPHS)]);

/** A table's indicator rows, top to bottom (the reader lists them so; sorted only if not). */
function rowsInOrder(t: ScorecardTable): number[] {
  const rows = t.indicators.map((r) => r.row);
  for (let i = 1; i < rows.length; i++) if (rows[i] < rows[i - 1]) return rows.sort((a, b) => a - b);
  return rows;
}

/**
 * What a plan for these tables owns: the DOT and RAG cells (monthly and year-on-year) of
 * every indicator row, the key area, the notes and rules the add-in writes.
 *
 * @example ownershipOf(tables, key).marks // [{ top: 5, left: 11, bottom: 40, right: 11 }, …] one box per run of rows
 */
export function ownershipOf(tables: readonly ScorecardTable[], key: CellBox | null): PlanOwnership {
  const marks: CellBox[] = [];
  for (const t of tables) {
    const c = t.columns;
    const rows = rowsInOrder(t);
    for (const col of [c.dot, c.rag, c.yoyDot, c.yearEndRag]) {
      if (col === null) continue;
      let run: CellBox | null = null;
      for (const row of rows) {
        if (run && run.bottom + 1 === row) run.bottom = row;
        else {
          if (run) marks.push(run);
          run = { top: row, left: col, bottom: row, right: col };
        }
      }
      if (run) marks.push(run);
    }
  }
  return { marks, key, notePrefix: sheetMsg.noArrowNotePrefix, ruleMarks: [...RULE_MARKS] };
}

function inBox(b: CellBox, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

/**
 * Whether a cell is one of the plan's mark cells (a DOT or RAG cell of an indicator row).
 * @example ownsMark(plan.owns, 12, 11) // true for L13 when L is the RAG column
 */
export function ownsMark(owns: PlanOwnership, row: number, col: number): boolean {
  return owns.marks.some((b) => inBox(b, row, col));
}

/**
 * `ownsMark` for many lookups (a plan's every write): the mark boxes indexed by column,
 * sorted by row, so a lookup is a binary search, not a scan of every box.
 * @example const isMark = markLookup(plan.owns); isMark(12, 11) // as ownsMark(plan.owns, 12, 11)
 */
export function markLookup(owns: PlanOwnership): (row: number, col: number) => boolean {
  const byCol = new Map<number, CellBox[]>();
  for (const b of owns.marks) {
    for (let c = b.left; c <= b.right; c++) {
      const list = byCol.get(c) ?? [];
      list.push(b);
      byCol.set(c, list);
    }
  }
  // Per column: boxes by top, and the lowest bottom reached so far, so the search below
  // stops as soon as no earlier box can reach the row (boxes of one plan do not overlap).
  const reach = new Map<number, number[]>();
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.top - b.top);
    let most = -1;
    reach.set(col, list.map((b) => (most = Math.max(most, b.bottom))));
  }
  return (row, col) => {
    const list = byCol.get(col);
    const reached = reach.get(col);
    if (!list || !reached) return false;
    // The last box starting at or above the row; overlapping boxes may start earlier still.
    let lo = 0;
    let hi = list.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].top <= row) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = at; i >= 0 && reached[i] >= row; i--) if (list[i].bottom >= row) return true;
    return false;
  };
}

/** Whether a cell is the plan's: a mark cell or a cell of the key. */
export function ownsCell(owns: PlanOwnership, row: number, col: number): boolean {
  return ownsMark(owns, row, col) || (owns.key !== null && inBox(owns.key, row, col));
}

/** How the add-in's notes are recognised where there is no format plan (New month clears last month's). */
export const ADDIN_NOTES: Pick<PlanOwnership, 'notePrefix'> = Object.freeze({ notePrefix: sheetMsg.noArrowNotePrefix });

/**
 * Whether a note is the add-in's (it may replace or remove it); any other note is the user's.
 * @example isOwnNote(plan.owns, 'No arrow: the Dec-20 figure is "TBC".') // true
 */
export function isOwnNote(owns: Pick<PlanOwnership, 'notePrefix'>, text: string | null | undefined): boolean {
  return typeof text === 'string' && text.startsWith(owns.notePrefix);
}

/**
 * A conditional format as an adapter reads it back, by shape: a text rule (Contains), a
 * cell-value rule equal to a formula (`="G"`, or `"G"` as a file stores it), an expression
 * (the file adapter's `ISNUMBER(FIND("G",L5))`), or another shape (never the add-in's).
 */
export type ReadRule =
  | { shape: 'contains'; text: string }
  | { shape: 'equals'; formula: string }
  | { shape: 'expression'; formula: string }
  | { shape: 'other' };

/** The text a rule of one of the add-in's shapes compares with, else null. */
export function ruleMark(rule: ReadRule): string | null {
  if (rule.shape === 'contains') return rule.text;
  if (rule.shape === 'equals') {
    const m = /^=?"((?:[^"]|"")*)"$/.exec(rule.formula.trim());
    return m ? m[1].replace(/""/g, '"') : null;
  }
  if (rule.shape === 'expression') {
    const m = /^=?ISNUMBER\(FIND\("((?:[^"]|"")*)",\$?[A-Z]{1,3}\$?\d+\)\)$/i.exec(rule.formula.trim());
    return m ? m[1].replace(/""/g, '"') : null;
  }
  return null;
}

/**
 * Whether a conditional format is the add-in's: one of its shapes, comparing one of its
 * marks, on cells that are all mark cells. A user's rule anywhere else, of another shape or
 * text, or reaching one cell further is kept.
 *
 * @example isOwnRule(plan.owns, { shape: 'contains', text: 'R' }, [{ top: 11, left: 13, bottom: 19, right: 13 }]) // true when N12:N20 are RAG cells
 */
export function isOwnRule(owns: PlanOwnership, rule: ReadRule, boxes: readonly CellBox[]): boolean {
  const text = ruleMark(rule);
  if (text === null || !owns.ruleMarks.includes(text) || boxes.length === 0) return false;
  for (const b of boxes) {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (!ownsMark(owns, r, c)) return false;
  }
  return true;
}

function blank(v: CellInput | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * Whether the plan may write over a cell of its key area: it is empty, already holds what
 * the plan writes there (the add-in's key from a previous run), or holds a line of a key an
 * earlier Format wrote in another convention, which this one replaces. `formula` is the
 * cell's formula when it has one (with its `=`).
 *
 * @example keyCellFree(plan, 52, 0, { value: 'Key' }) // true: the add-in's own key title
 */
export function keyCellFree(plan: Pick<FormatPlan, 'writes'>, row: number, col: number, current: { value: CellInput | undefined; formula?: string | null }): boolean {
  if (blank(current.value) && blank(current.formula)) return true;
  const planned = plan.writes.find((w) => w.row === row && w.col === col);
  if (!planned) return false;
  const wanted = planned.kind === 'formula' ? planned.formula : planned.value;
  if (current.formula !== undefined && current.formula !== null && current.formula !== '' && current.formula === wanted) return true;
  if (current.value === wanted) return true;
  return isKeyText(current.value);
}

/** A note change a format plan needs on its sheet (0-based cell). */
export type PlanNoteChange = { kind: 'add' | 'replace'; row: number; col: number; text: string } | { kind: 'delete'; row: number; col: number };

/**
 * The note changes `plan` needs, given the notes on the sheet now, for both adapters: the
 * add-in's old notes inside the plan's area or key area that the plan no longer has are
 * deleted; each planned note is added where the cell has none, replaces the add-in's own
 * note where its text differs, and is skipped where the user has a note (`keptUsers`).
 * A user's note is never changed.
 *
 * @example planNoteChanges(plan, [{ row: 9, col: 12, text: 'No arrow: old' }]).changes // [{ kind: 'delete', row: 9, col: 12 }] when the plan has no note there
 */
export function planNoteChanges(
  plan: Pick<FormatPlan, 'notes' | 'owns' | 'area' | 'extraArea'>,
  onSheet: ReadonlyArray<{ row: number; col: number; text: string }>,
): { changes: PlanNoteChange[]; keptUsers: number } {
  const key = (row: number, col: number): string => `${row},${col}`;
  const wanted = new Map((plan.notes ?? []).map((n) => [key(n.row, n.col), n]));
  const now = new Map(onSheet.map((n) => [key(n.row, n.col), n.text]));
  const changes: PlanNoteChange[] = [];
  for (const n of onSheet) {
    if (!isOwnNote(plan.owns, n.text) || wanted.has(key(n.row, n.col))) continue;
    // An add-in note the plan no longer has (the cell has an arrow now, or is no longer a DOT cell).
    if (inBox(plan.area, n.row, n.col) || (plan.extraArea !== null && inBox(plan.extraArea, n.row, n.col))) changes.push({ kind: 'delete', row: n.row, col: n.col });
  }
  let keptUsers = 0;
  for (const n of wanted.values()) {
    const current = now.get(key(n.row, n.col));
    if (current === undefined) changes.push({ kind: 'add', row: n.row, col: n.col, text: n.text });
    else if (!isOwnNote(plan.owns, current)) keptUsers++;
    else if (current !== n.text) changes.push({ kind: 'replace', row: n.row, col: n.col, text: n.text });
  }
  return { changes, keptUsers };
}
