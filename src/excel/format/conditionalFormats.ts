import { isOwnRule, type ReadRule } from '../../domain/plan/ownership';
import type { ConditionalRule, FormatPlan, PlanOwnership } from '../../domain/plan/types';
import { boxAddress, type CellBox } from '../../domain/sheet/grid';
import { boxOfAddress } from '../io/readGrid';

/**
 * Formulas mode's colour rules as Excel conditional formats, and how the add-in finds its
 * own again. Excel keeps no tag or name on a conditional format: which are ours is decided
 * in src/domain/plan/ownership.ts (isOwnRule), for this adapter and the file adapter alike;
 * here a rule read back is only put into that shape. The add-in's shapes: a text rule
 * (`containsText`, Contains), a cell-value rule (`cellValue`, EqualTo a literal `="…"`), or
 * the command-line tool's `=ISNUMBER(FIND("…",L5))` expression, so a workbook formatted by
 * either is cleaned up by the other.
 */

/** Excel's text rules have no "equals"; a cell-value rule does, with the text as a formula. */
export function equalsFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/** A conditional format as read back: its type, stop-if-true, rule and the address it covers. */
export interface ReadConditional {
  type: string;
  stopIfTrue: boolean | null;
  /** ContainsText: operator and text; CellValue: operator and formula1; Custom: formula. */
  rule: { operator?: string; text?: string; formula1?: string; formula?: string } | null;
  address: string;
}

/** Whether a format's type could be the add-in's (decided before reading its rule). */
export function mayBeOurs(type: string): boolean {
  return type === 'ContainsText' || type === 'CellValue' || type === 'Custom';
}

/** A rule read back from Excel, in the shape the domain's ownership rule reads. */
function readRule(cf: ReadConditional): ReadRule {
  const rule = cf.rule;
  if (!rule) return { shape: 'other' };
  if (cf.type === 'ContainsText' && rule.operator === 'Contains' && typeof rule.text === 'string') return { shape: 'contains', text: rule.text };
  if (cf.type === 'CellValue' && rule.operator === 'EqualTo' && typeof rule.formula1 === 'string') return { shape: 'equals', formula: rule.formula1 };
  if (cf.type === 'Custom' && typeof rule.formula === 'string') return { shape: 'expression', formula: rule.formula };
  return { shape: 'other' };
}

/**
 * Whether a conditional format read back is one the add-in added (domain/plan/ownership.ts).
 *
 * @example
 * isOurs({ type: 'ContainsText', stopIfTrue: true, rule: { operator: 'Contains', text: 'R' }, address: "'Dec-20'!N12:N20" }, plan.owns) // true when N12:N20 are RAG cells
 */
export function isOurs(cf: ReadConditional, owns: PlanOwnership): boolean {
  if (!mayBeOurs(cf.type)) return false;
  const boxes: CellBox[] = [];
  for (const part of cf.address.split(',')) {
    const box = boxOfAddress(part);
    if (!box) return false;
    boxes.push(box);
  }
  return isOwnRule(owns, readRule(cf), boxes);
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
