import { ok } from '../domain/result';
import { storedWriteValue } from '../domain/sheet/dateSystem';
import type { RollForwardPlan } from '../domain/plan/types';
import { sameSheetName } from '../domain/sheet/grid';
import { valueContent } from './applyPlan';
import { applyFillChanges } from './highlights';
import { sheetMsg } from '../domain/messages';
import { xlsxMessages } from './messages';
import type { SheetPart } from './package/sheet';
import type { XlsxWorkbook } from './package/workbook';
import { attrsText, children, parseXml, Splice } from './package/xml';
import { xlsxError, type XlsxResult } from './result';

export interface RollForwardApplied {
  sheetName: string;
  /** What the copy could not carry over (Excel tables, drawings), to be reported, never dropped silently. */
  notCopied: string[];
}

/** Elements a copied sheet cannot keep: they point at parts that belong to the source sheet. */
const NOT_COPIED = ['drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'tableParts'];

/**
 * Copies a worksheet part under a new name, placed right after the source, as Excel's
 * "Move or Copy > Create a copy" does: the sheet's XML as it is (values, formulas, styles,
 * merges, rows and columns, views, page setup, conditional formats, data validations,
 * protection), its notes, its hyperlinks, and its sheet-level defined names (print area
 * and titles). Tables, pictures and charts belong to one sheet and are not copied: their
 * names are returned so the caller says so.
 */
function copySheet(wb: XlsxWorkbook, sourceName: string, name: string): { sheet: SheetPart; notCopied: string[] } {
  const info = wb.sheets.find((s) => s.name === sourceName)!;
  const source = wb.sheet(sourceName);
  const text = source.text;
  const splice = new Splice();
  const notCopied: string[] = [];
  const rels = wb.pkg.rels(info.part);
  for (const local of NOT_COPIED) {
    for (const node of source.topAll(local)) {
      splice.remove(node);
      if (local === 'tableParts') {
        for (const t of children(node, 'tablePart')) {
          const rid = Object.entries(t.attrs).find(([k]) => k.endsWith(':id'))?.[1];
          const part = rels.find((r) => r.id === rid)?.part;
          const tableText = part ? wb.pkg.text(part) : null;
          const tableName = tableText ? parseXml(tableText, part!).attrs.displayName : undefined;
          notCopied.push(`Excel table "${tableName ?? ''}"`);
        }
      } else if (local === 'drawing') notCopied.push('Pictures and charts');
    }
  }
  // A selected tab stays the source's; the printer settings part stays the source's.
  const views = source.top('sheetViews');
  for (const v of views ? children(views, 'sheetView') : []) {
    if (v.attrs.tabSelected === undefined) continue;
    const attrs = { ...v.attrs };
    delete attrs.tabSelected;
    splice.replace(v.start, v.selfClosing ? v.end : v.openEnd, `<${v.name}${attrsText(Object.entries(attrs))}${v.selfClosing ? '/>' : '>'}`);
  }
  const setup = source.top('pageSetup');
  if (setup) {
    const attrs = Object.fromEntries(Object.entries(setup.attrs).filter(([k]) => !k.endsWith(':id')));
    splice.replace(setup.start, setup.end, `<${setup.name}${attrsText(Object.entries(attrs))}/>`);
  }
  const added = wb.addSheet(name, splice.apply(text), { after: sourceName });
  // Hyperlinks to web addresses keep their relationship ids on the copy.
  for (const r of rels) {
    if (!r.type.endsWith('/hyperlink') || !r.external) continue;
    addExternalRel(wb, added.part, r.id, r.type, r.target);
  }
  const copy = wb.sheet(name);
  const sourceNotes = wb.notes(sourceName);
  const notes = wb.notes(name);
  for (const n of sourceNotes.all()) notes.set(n.row, n.col, n.text);
  // Sheet-level names (print area, print titles) are the copy's too, pointing at its cells.
  const sourceIndex = wb.sheetIndex(sourceName);
  const newIndex = wb.sheetIndex(name);
  for (const d of wb.definedNames()) {
    if (d.localSheetId !== sourceIndex) continue;
    wb.setDefinedName(d.name, newIndex, d.text.split(quotedRef(sourceName)).join(quotedRef(name)).split(`${sourceName}!`).join(`${quotedRef(name)}`));
  }
  return { sheet: copy, notCopied };
}

function quotedRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

function addExternalRel(wb: XlsxWorkbook, part: string, id: string, type: string, target: string): void {
  const path = wb.relsOf(part);
  const existing = wb.pkg.text(path);
  const rel = `<Relationship${attrsText([['Id', id], ['Type', type], ['Target', target], ['TargetMode', 'External']])}/>`;
  if (existing === null) {
    wb.pkg.set(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
    return;
  }
  const root = parseXml(existing, path);
  if (children(root, 'Relationship').some((r) => r.attrs.Id === id)) return;
  const splice = new Splice();
  if (root.selfClosing) splice.replace(root.start, root.end, `<${root.name}${attrsText(Object.entries(root.attrs))}>${rel}</${root.name}>`);
  else splice.insert(root.closeStart, rel);
  wb.pkg.set(path, splice.apply(existing));
}

/**
 * Applies a roll-forward plan: copies the source sheet under the new name, then on the
 * copy, in the plan's order, moves month contents left (values and formulas; formats stay
 * where they are), clears the new month's column and last month's DOT/RAG (contents only),
 * takes last month's colours off the cleared
 * DOT/RAG cells, writes the headers, title and `YTD` markers, and puts back the fills last
 * month's highlights replaced, and deletes the notes the plan names (`deleteNotes`). The
 * source sheet is not touched.
 *
 * @example
 * const rolled = applyRollForward(wb, plan.value);
 * if (rolled.ok) rolled.value.sheetName // 'Jan-21'
 */
export function applyRollForward(wb: XlsxWorkbook, plan: RollForwardPlan): XlsxResult<RollForwardApplied> {
  const source = wb.sheets.find((s) => sameSheetName(s.name, plan.sourceSheet))?.name;
  if (source === undefined) return xlsxError('sheetNotFound', xlsxMessages.sheetNotFound(plan.sourceSheet, wb.sheets.map((s) => s.name)));
  if (wb.sheets.some((s) => sameSheetName(s.name, plan.newSheetName))) return xlsxError('planMismatch', sheetMsg.sheetExists(plan.newSheetName));
  if (wb.structureLocked) return xlsxError('protected', xlsxMessages.protectedStructure('The workbook'));
  const { sheet, notCopied } = copySheet(wb, source, plan.newSheetName);
  const styles = wb.styles;

  for (const move of plan.moves) {
    const rows = move.from.bottom - move.from.top;
    const cols = move.from.right - move.from.left;
    for (let r = 0; r <= rows; r++) {
      for (let c = 0; c <= cols; c++) {
        // Contents only, as the Excel adapter does: the format plan gives every month cell
        // of a row its unit's number format, blanks included, so formats need not travel.
        sheet.setContent(move.to.top + r, move.to.left + c, sheet.contentOf(move.from.top + r, move.from.left + c));
      }
    }
  }
  const notes = wb.notes(plan.newSheetName);
  for (const box of plan.clearContents) {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        sheet.setContent(r, c, null);
      }
    }
  }
  for (const box of plan.resetStyles ?? []) {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (!sheet.cell(r, c)) continue;
        sheet.setStyle(r, c, styles.derive(sheet.styleOf(r, c), 'resetColours', { noFill: true, autoFontColor: true }));
      }
    }
  }
  for (const write of plan.writes) {
    // The plan's month headers are 1900 serials; a 1904 workbook stores the same day 1,462 lower.
    sheet.setContent(write.row, write.col, valueContent(storedWriteValue(write, { date1904: wb.date1904 })));
    if (write.numberFormat && styles.numberFormat(sheet.styleOf(write.row, write.col)) !== write.numberFormat) {
      sheet.setStyle(write.row, write.col, styles.derive(sheet.styleOf(write.row, write.col), `numFmt:${write.numberFormat}`, { numberFormat: write.numberFormat }));
    }
  }
  applyFillChanges(wb, plan.newSheetName, plan.restoreFills);
  // The planner's choice: the add-in's "No arrow" notes on cleared cells, last month's highlight notes.
  if (notes.writable) for (const n of plan.deleteNotes) notes.set(n.row, n.col, null);
  return ok({ sheetName: plan.newSheetName, notCopied });
}
