import type ExcelJS from 'exceljs';
import type { CellStyle, FormatPlan } from '../domain/plan/types';
import { a1, boxAddress, type CellBox } from '../domain/sheet/grid';
import { argb } from './styles';

/** Excel text literal: quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A conditional format's style (a dxf): a solid fill is its background colour in Excel's model. */
function dxf(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.fill !== undefined) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) }, bgColor: { argb: argb(style.fill) } };
  if (style.fontColor !== undefined || style.bold !== undefined) {
    out.font = { ...(style.fontColor !== undefined ? { color: { argb: argb(style.fontColor) } } : {}), ...(style.bold !== undefined ? { bold: style.bold } : {}) };
  }
  return out;
}

function cellsOf(ref: string): CellBox[] | null {
  const boxes: CellBox[] = [];
  for (const part of ref.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(part);
    if (!m) return null;
    const col = (letters: string): number => letters.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const top = Number(m[2]) - 1;
    const left = col(m[1]!);
    boxes.push({ top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left });
  }
  return boxes;
}

/**
 * Formulas mode: the plan's colour rules as Excel conditional formats, so a RAG fill or
 * DOT colour follows the live `=PERF.` result when a figure changes. `equals` becomes a
 * cellIs-equal rule; `contains` an expression rule `ISNUMBER(FIND("G",L5))`, relative to
 * its box's top-left cell, one entry per box. Not a containsText rule: exceljs writes it
 * without its `text` attribute (LibreOffice reads that, not the formula), and its SEARCH
 * ignores case where the plan's rules are case-sensitive. Rules keep the plan's order as
 * their priority. Conditional formats already on the cells the plan writes (DOT, RAG: the
 * add-in's own) are replaced, never added twice; others are left alone.
 *
 * @example applyConditional(ws, plan) // 4 RAG rules and 4 DOT rules per box
 */
export function applyConditional(ws: ExcelJS.Worksheet, plan: FormatPlan): number {
  const owned = new Set(plan.writes.filter((w) => w.row >= plan.area.top && w.row <= plan.area.bottom).map((w) => `${w.row},${w.col}`));
  const ownedBox = (b: CellBox): boolean => {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (!owned.has(`${r},${c}`)) return false;
    return true;
  };
  // exceljs keeps them on the sheet (and reads them back from a file) but leaves the field out of its types.
  const existing = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  const kept = existing.filter((cf) => {
    const boxes = cellsOf(cf.ref);
    return !(boxes && boxes.length > 0 && boxes.every(ownedBox));
  });
  if (kept.length !== existing.length) ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => kept.includes(cf));
  let priority = Math.max(0, ...kept.flatMap((cf) => cf.rules.map((r) => r.priority ?? 0)));
  let added = 0;
  for (const group of plan.conditional ?? []) {
    for (const box of group.boxes) {
      const tl = a1(box.top, box.left);
      const rules: ExcelJS.ConditionalFormattingRule[] = group.rules.map((rule) =>
        rule.match === 'contains'
          ? { type: 'expression', formulae: [`ISNUMBER(FIND(${literal(rule.text)},${tl}))`], style: dxf(rule.style), priority: ++priority }
          : { type: 'cellIs', operator: 'equal', formulae: [literal(rule.text)], style: dxf(rule.style), priority: ++priority },
      );
      ws.addConditionalFormatting({ ref: boxAddress(box), rules });
      added += rules.length;
    }
  }
  return added;
}
