import { DOT_GLYPHS } from '../domain/dot';
import { RAG_LETTER } from '../domain/plan/palette';
import type { ConditionalRule, FormatPlan } from '../domain/plan/types';
import { boxAddress } from '../domain/sheet/grid';
import { boxOfAddress } from './readGrid';

/**
 * Formulas mode's colour rules as Excel conditional formats, and how the add-in finds its
 * own again. Excel keeps no tag or name on a conditional format, so "ours" is recognised
 * by what only the add-in writes, all three together:
 *  - a rule of a shape the add-in writes: a text rule (`containsText`, Contains), a
 *    cell-value rule (`cellValue`, EqualTo a literal `="…"`), or the command-line tool's
 *    `=ISNUMBER(FIND("…",L5))` expression (src/xlsx/conditional.ts), so a workbook formatted
 *    by either is cleaned up by the other;
 *  - whose text is one of the marks the add-in colours by (a RAG letter, a DOT arrow, blank);
 *  - on cells that are all DOT or RAG cells of the table (cells the add-in owns and writes).
 * A user's rule anywhere else, of another shape or text, or reaching one cell further is kept.
 */

/** The texts the add-in's rules compare with. */
const MARKS: ReadonlySet<string> = new Set(['', ...Object.values(RAG_LETTER), ...Object.values(DOT_GLYPHS)]);

/** Excel's text rules have no "equals"; a cell-value rule does, with the text as a formula. */
export function equalsFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

function literal(formula: string | undefined): string | null {
  const m = /^="((?:[^"]|"")*)"$/.exec(formula ?? '');
  return m ? m[1].replace(/""/g, '"') : null;
}

/** A conditional format as read back: its type, stop-if-true, rule and the address it covers. */
export interface ReadConditional {
  type: string;
  stopIfTrue: boolean | null;
  /** ContainsText: operator and text; CellValue: operator and formula1; Custom: formula. */
  rule: { operator?: string; text?: string; formula1?: string; formula?: string } | null;
  address: string;
}

/** The text of the command-line tool's contains rule, `=ISNUMBER(FIND("G",L5))`, else null. */
function findText(formula: string | undefined): string | null {
  const m = /^=?ISNUMBER\(FIND\("((?:[^"]|"")*)",\$?[A-Z]{1,3}\$?\d+\)\)$/i.exec(formula ?? '');
  return m ? m[1].replace(/""/g, '"') : null;
}

/** Whether the add-in owns a cell (0-based row, col). */
export type Owns = (row: number, col: number) => boolean;

/**
 * The DOT and RAG cells of the table: its rows, in the columns the plan writes inside the
 * table (the only cells inside it the add-in writes; static mode skips some of them, so
 * whole columns count, as a formulas-mode Format before covered them all).
 */
export function ownedMarkCells(plan: FormatPlan): Owns {
  const { area } = plan;
  const inside = (row: number, col: number): boolean => row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
  const cols = new Set<number>();
  for (const w of plan.writes) if (inside(w.row, w.col)) cols.add(w.col);
  for (const g of plan.conditional ?? []) for (const b of g.boxes) for (let c = b.left; c <= b.right; c++) cols.add(c);
  return (row, col) => inside(row, col) && cols.has(col);
}

/** Whether a format's type could be the add-in's (decided before reading its rule). */
export function mayBeOurs(type: string): boolean {
  return type === 'ContainsText' || type === 'CellValue' || type === 'Custom';
}

/** The mark a rule compares with, if it has one of the add-in's shapes. */
function ruleText(cf: ReadConditional): string | null {
  const rule = cf.rule;
  if (!rule) return null;
  if (cf.type === 'ContainsText') return rule.operator === 'Contains' && typeof rule.text === 'string' ? rule.text : null;
  if (cf.type === 'CellValue') return rule.operator === 'EqualTo' ? literal(rule.formula1) : null;
  if (cf.type === 'Custom') return findText(rule.formula);
  return null;
}

/**
 * Whether a conditional format read back is one the add-in added (see the module comment).
 *
 * @example
 * isOurs({ type: 'ContainsText', stopIfTrue: true, rule: { operator: 'Contains', text: 'R' }, address: "'Dec-20'!N12:N20" }, owned) // true when N12:N20 are RAG cells
 */
export function isOurs(cf: ReadConditional, owns: Owns): boolean {
  if (!mayBeOurs(cf.type)) return false;
  const text = ruleText(cf);
  if (text === null || !MARKS.has(text)) return false;
  const parts = cf.address.split(',');
  for (const part of parts) {
    const box = boxOfAddress(part);
    if (!box) return false;
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) if (!owns(r, c)) return false;
  }
  return parts.length > 0;
}

/** One rule of one group, on an address chunk: what `queueConditional` adds. */
export interface ConditionalOp {
  kind: 'conditional';
  address: string;
  rule: ConditionalRule;
}

/**
 * The plan's colour rules as ops, in the order to add them: Excel puts each new format on
 * top, so each group's rules go in reverse and its first rule ends up evaluated first.
 *
 * @example
 * conditionalOps(plan, ['N12:N40']).map((op) => op.rule.text) // ['G', 'A', 'R', ''] for a RAG group
 */
export function conditionalOps(plan: FormatPlan, chunk: (addresses: string[]) => string[]): ConditionalOp[] {
  const ops: ConditionalOp[] = [];
  for (const group of plan.conditional ?? []) {
    if (group.boxes.length === 0) continue;
    const addresses = chunk(group.boxes.map(boxAddress));
    for (const rule of [...group.rules].reverse()) for (const address of addresses) ops.push({ kind: 'conditional', address, rule });
  }
  return ops;
}

/** Queues one rule on a RangeAreas (no sync): stop-if-true, so the first matching rule wins. */
export function queueConditional(ws: Excel.Worksheet, op: ConditionalOp): void {
  const formats = ws.getRanges(op.address).conditionalFormats;
  const { rule } = op;
  let format: Excel.ConditionalRangeFormat;
  if (rule.match === 'contains') {
    // Excel compares text ignoring case; the marks are upper-case letters and arrows, so it cannot matter.
    const cf = formats.add('ContainsText');
    cf.textComparison.rule = { operator: 'Contains', text: rule.text };
    format = cf.textComparison.format;
    cf.stopIfTrue = true;
  } else {
    const cf = formats.add('CellValue');
    cf.cellValue.rule = { formula1: equalsFormula(rule.text), operator: 'EqualTo' };
    format = cf.cellValue.format;
    cf.stopIfTrue = true;
  }
  const { style } = rule;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
}
