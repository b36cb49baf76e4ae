import { ok } from '../domain/result';
import type { CellWrite, FormatPlan, PrintSetup } from '../domain/plan/types';
import { isOwnRule, keyCellFree, planNoteChanges, type ReadRule } from '../domain/plan/ownership';
import { validatePlan } from '../domain/plan/validate';
import { a1, type CellBox } from '../domain/sheet/grid';
import type { CellInput } from '../domain/types';
import { sheetMsg } from '../domain/messages';
import { xlsxMessages } from './messages';
import { formatValue } from './numberFormat';
import { cellInput } from './read';
import { xlsxError, type XlsxResult } from './result';
import { boxRef, parseBox, refOf, type CellContent, type SheetPart } from './package/sheet';
import { SYMBOL_FONTS } from './package/styles';
import type { XlsxWorkbook } from './package/workbook';
import { attrsText, child, rawOf, type XNode } from './package/xml';

export interface ApplySummary {
  cellsWritten: number;
  cellsStyled: number;
  /** The plan's notes written (why a DOT cell has no arrow). */
  notesWritten: number;
  /** Cells where the user's own note was kept instead of the add-in's. */
  notesKeptUsers: number;
  /** Conditional-format rules written (formulas mode: colours that follow the live results). */
  conditionalRules: number;
  warnings: string[];
}

/** What a value becomes in the file: a number, text (even text starting with `=`), or nothing. */
export function valueContent(value: string | number): CellContent | null {
  if (typeof value === 'number') return { kind: 'number', value };
  return value === '' ? null : { kind: 'string', value };
}

/**
 * What a plan's write becomes in the file. A formula keeps the plan's result as its cached
 * value: without one, a =PERF. formula shows nothing until Excel with the add-in
 * recalculates it, and other readers (LibreOffice, a PDF export, a viewer) never show it.
 */
export function contentOf(write: CellWrite): CellContent | null {
  return write.kind === 'formula' ? { kind: 'formula', formula: write.formula.slice(1), result: write.result } : valueContent(write.value);
}

/** A cell's content as the key check compares it: its value, or `=formula`. */
function currentText(wb: XlsxWorkbook, sheet: SheetPart, row: number, col: number): CellInput {
  const c = sheet.cell(row, col);
  if (!c) return null;
  if (c.f !== null && c.f !== '') return `=${c.f}`;
  return cellInput(wb, c);
}

/**
 * Applies a format plan to a worksheet of an opened package, taking no decisions of its
 * own: the writes (values, or formulas with their cached results), each style group on
 * its boxes (a new cell format per distinct old format and change; fonts merged, so name
 * and size stay), the notes (only the add-in's own are replaced; a user's note is kept),
 * the formulas-mode colour rules as conditional formats, column widths, row heights (for
 * the wrapped headers and names), freeze panes and print setup. The whole plan is checked
 * first (right sheet, every write and style inside the table or key it owns, key cells
 * empty or already holding the key, sheet not protected), so a refused plan changes nothing.
 *
 * The plan's number formats already keep the decimals each figure was shown with
 * (`316.3` on a count row gets `#,##0.0`: domain/plan/decimals.ts). A written cell whose
 * font is a symbol font (Wingdings) gets the workbook's text font, so an arrow shows as an
 * arrow, and a column is never made narrower than its figures need: these depend on the
 * file's fonts and widths, which only this adapter sees.
 *
 * @example
 * const applied = applyFormatPlan(wb, plan.value);
 */
export function applyFormatPlan(wb: XlsxWorkbook, plan: FormatPlan): XlsxResult<ApplySummary> {
  const info = wb.sheets.find((s) => s.name === plan.sheetName);
  if (!info) return xlsxError('planMismatch', xlsxMessages.planSheetMismatch(plan.sheetName, wb.sheets[0]?.name ?? ''));
  const sheet = wb.sheet(plan.sheetName);
  const checked = checkPlan(wb, sheet, plan);
  if (!checked.ok) return checked;
  const styles = wb.styles;
  const warnings: string[] = [];

  for (const write of plan.writes) {
    sheet.setContent(write.row, write.col, contentOf(write));
  }

  let cellsStyled = 0;
  for (const group of plan.styles) {
    // The plan's number formats already keep the decimals each figure was shown with (domain/plan/decimals.ts).
    // New style by old one for this group (derive keeps them too, by a string key per call).
    const derived: number[] = [];
    const next = (old: number): number => (derived[old] ??= styles.derive(old, group.key, group.style));
    for (const box of group.boxes) cellsStyled += sheet.restyle(box, next);
  }

  // An arrow written in a cell whose font is a symbol font would show another glyph.
  const textFont = SYMBOL_FONTS.has(styles.defaultFontName().toLowerCase()) ? 'Calibri' : styles.defaultFontName();
  for (const write of plan.writes) {
    const xf = sheet.styleOf(write.row, write.col);
    if ((write.kind === 'formula' || typeof write.value === 'string') && SYMBOL_FONTS.has(styles.fontName(xf))) {
      sheet.setStyle(write.row, write.col, styles.derive(xf, `font:${textFont}`, { fontName: textFont }));
    }
  }

  const notes = applyNotes(wb, plan, warnings);
  const conditionalRules = applyConditional(wb, sheet, plan);
  if (plan.columnWidths.length > 0) setColumnWidths(wb, sheet, plan.columnWidths.map(({ col, width }) => ({ col, width: charactersFromPoints(width) })));
  if (plan.freeze) freezePanes(sheet, plan.freeze.rows, plan.freeze.columns);
  // Neither Excel nor LibreOffice fits a row to wrapped text when it opens a file: a row
  // without its height shows one line of a wrapped header. customHeight keeps the plan's.
  for (const { row, height } of plan.rowHeights ?? []) sheet.setRowAttrs(row, { ht: String(height), customHeight: '1' });
  if (plan.print) applyPrint(wb, sheet, plan.sheetName, plan.print);
  return ok({ cellsWritten: plan.writes.length, cellsStyled, notesWritten: notes.written, notesKeptUsers: notes.keptUsers, conditionalRules, warnings });
}

/**
 * Excel column widths are in characters of the default font's widest digit (7 px for
 * Calibri 11) plus 5 px of padding; the plan speaks points as Office.js does (0.75 pt/px).
 */
export function charactersFromPoints(points: number): number {
  const pixels = points / 0.75;
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/**
 * A format that shows a number with at most its placeholders' decimals whatever the value
 * (`0.0`, `#,##0`, `0.0%`): one section of digit placeholders, separators and `%` only.
 * General, dates and literal text are not (General shows as many decimals as fit).
 */
function fixedDecimals(format: string): boolean {
  for (let i = 0; i < format.length; i++) {
    const ch = format.charCodeAt(i);
    // 0 # ? , . %
    if (ch !== 0x30 && ch !== 0x23 && ch !== 0x3f && ch !== 0x2c && ch !== 0x2e && ch !== 0x25) return false;
  }
  return format.length > 0;
}

function checkPlan(wb: XlsxWorkbook, sheet: SheetPart, plan: FormatPlan): XlsxResult<void> {
  const valid = validatePlan(plan);
  if (!valid.ok) return xlsxError('planMismatch', sheetMsg.planInvalid(valid.error.message));
  if (sheet.protected) return xlsxError('protected', xlsxMessages.protectedSheet(plan.sheetName));
  if (plan.extraArea) {
    // The key may only land on empty cells, or on the key a previous run wrote there (domain/plan/ownership.ts).
    const { top, left, bottom, right } = plan.extraArea;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const f = sheet.cell(r, c)?.f;
        const formula = f !== undefined && f !== null && f !== '' ? `=${f}` : null;
        if (!keyCellFree(plan, r, c, { value: formula === null ? currentText(wb, sheet, r, c) : null, formula })) {
          return xlsxError('keyAreaNotEmpty', `${sheetMsg.keyAreaTaken(a1(r, c), String(currentText(wb, sheet, r, c) ?? ''))} ${xlsxMessages.keyAreaTakenAction()}`);
        }
      }
    }
  }
  return ok(undefined);
}

/**
 * The plan's notes, replacing only notes the add-in wrote: its old notes in the plan's
 * area that the plan no longer has are removed; a user's note is never changed.
 */
function applyNotes(wb: XlsxWorkbook, plan: FormatPlan, warnings: string[]): { written: number; keptUsers: number } {
  const notes = wb.notes(plan.sheetName);
  // Which notes to add, replace, delete or keep is the domain's decision, the same one the Excel adapter applies.
  const { changes, keptUsers } = planNoteChanges(plan, notes.all());
  const planned = plan.notes?.length ?? 0;
  if (!notes.writable) {
    if (planned > 0 || changes.length > 0) warnings.push(xlsxMessages.notesUnreadable(plan.sheetName));
    return { written: 0, keptUsers: 0 };
  }
  for (const c of changes) notes.set(c.row, c.col, c.kind === 'delete' ? null : c.text);
  // Every planned note not kept back for a user's note is on the sheet now (added, replaced, or already as planned).
  return { written: planned - keptUsers, keptUsers };
}

/** A rule as the file stores it (`<cfRule>`), in the shape the domain's ownership rule reads. */
function readRule(rule: XNode): ReadRule {
  const formula = child(rule, 'formula')?.text;
  const type = rule.attrs.type;
  if (type === 'cellIs' && rule.attrs.operator === 'equal' && formula !== undefined) return { shape: 'equals', formula };
  if (type === 'expression' && formula !== undefined) return { shape: 'expression', formula };
  if (type === 'containsText' && rule.attrs.operator === 'containsText' && rule.attrs.text !== undefined) return { shape: 'contains', text: rule.attrs.text };
  return { shape: 'other' };
}

/** Excel text literal: quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Formulas mode: the plan's colour rules as conditional formats, so a RAG fill or DOT
 * colour follows the live `=PERF.` result. `equals` becomes a cellIs-equal rule;
 * `contains` an expression rule `ISNUMBER(FIND("G",L5))` (FIND is case-sensitive, as the
 * plan's rules are), relative to its box's top-left cell. Conditional formats whose
 * rules are the add-in's (domain/plan/ownership.ts) are replaced; the user's are left byte
 * for byte.
 */
function applyConditional(wb: XlsxWorkbook, sheet: SheetPart, plan: FormatPlan): number {
  const existing = sheet.topAll('conditionalFormatting');
  let priority = 0;
  for (const cf of existing) {
    const boxes = (cf.attrs.sqref ?? '').trim().split(/\s+/).map(parseBox);
    // Ours (domain/plan/ownership.ts): every rule one of the add-in's shapes and marks, on DOT/RAG cells only.
    const valid = boxes.filter((b): b is CellBox => b !== null);
    const mine = valid.length === boxes.length && cf.children.length > 0 && cf.children.every((rule) => isOwnRule(plan.owns, readRule(rule), valid));
    if (mine) {
      sheet.replaceTop(cf, '');
    } else for (const rule of cf.children) priority = Math.max(priority, Number(rule.attrs.priority ?? 0));
  }
  let added = 0;
  const p = sheet.p;
  const xml: string[] = [];
  for (const group of plan.conditional ?? []) {
    for (const box of group.boxes) {
      const tl = a1(box.top, box.left);
      const rules = group.rules.map((rule) => {
        const dxf = wb.styles.addDxf(rule.style);
        added++;
        return rule.match === 'contains'
          ? `<${p}cfRule type="expression" dxfId="${dxf}" priority="${++priority}"><${p}formula>${escapeXml(`ISNUMBER(FIND(${literal(rule.text)},${tl}))`)}</${p}formula></${p}cfRule>`
          : `<${p}cfRule type="cellIs" dxfId="${dxf}" priority="${++priority}" operator="equal"><${p}formula>${escapeXml(literal(rule.text))}</${p}formula></${p}cfRule>`;
      });
      xml.push(`<${p}conditionalFormatting sqref="${boxRef(box)}">${rules.join('')}</${p}conditionalFormatting>`);
    }
  }
  if (xml.length > 0) {
    const last = existing[existing.length - 1];
    if (last) sheet.insertAfter(last, xml.join(''));
    else sheet.insertTop('conditionalFormatting', xml.join(''));
  }
  return added;
}

/** Sets column widths (characters), never narrower than the column's figures need. */
export function setColumnWidths(wb: XlsxWorkbook, sheet: SheetPart, widths: ReadonlyArray<{ col: number; width: number }>): void {
  const need = figureWidths(wb, sheet, new Set(widths.map((w) => w.col)));
  const cols = sheet.columns().map((c) => ({ min: c.min, max: c.max, attrs: { ...c.node.attrs }, raw: rawOf(sheet.text, c.node) as string | null }));
  for (const { col, width } of widths) {
    const w = Math.max(width, need.get(col) ?? 0);
    const at = cols.findIndex((c) => col >= c.min && col <= c.max);
    const set = (attrs: Record<string, string>): Record<string, string> => ({ ...attrs, min: String(col + 1), max: String(col + 1), width: String(w), customWidth: '1' });
    if (at < 0) {
      cols.push({ min: col, max: col, attrs: set({}), raw: null });
    } else {
      const c = cols[at]!;
      const pieces = [];
      if (c.min < col) pieces.push({ min: c.min, max: col - 1, attrs: { ...c.attrs, min: String(c.min + 1), max: String(col) }, raw: null });
      pieces.push({ min: col, max: col, attrs: set(c.attrs), raw: null });
      if (c.max > col) pieces.push({ min: col + 1, max: c.max, attrs: { ...c.attrs, min: String(col + 2), max: String(c.max + 1) }, raw: null });
      cols.splice(at, 1, ...pieces);
    }
  }
  cols.sort((a, b) => a.min - b.min);
  const order = ['min', 'max', 'width', 'style', 'hidden', 'bestFit', 'customWidth', 'phonetic', 'outlineLevel', 'collapsed'];
  const p = sheet.p;
  const items = cols
    .map((c) => {
      if (c.raw !== null) return c.raw;
      const keys = [...order.filter((k) => c.attrs[k] !== undefined), ...Object.keys(c.attrs).filter((k) => !order.includes(k))];
      return `<${p}col${attrsText(keys.map((k) => [k, c.attrs[k]] as const))}/>`;
    })
    .join('');
  const node = sheet.top('cols');
  if (node) sheet.replaceTop(node, `<${node.name}${attrsText(Object.entries(node.attrs))}>${items}</${node.name}>`);
  else sheet.insertTop('cols', `<${p}cols>${items}</${p}cols>`);
}

/**
 * Characters each column's numbers need under their format (a number never wraps: it shows
 * ###). Under a fixed-decimals format (`0.0`, `#,##0`, `0.0%`) the text only grows with the
 * figure's size, so only the largest and the most negative figure of each column and
 * format are rendered; under others (General, dates) every figure is.
 */
function figureWidths(wb: XlsxWorkbook, sheet: SheetPart, cols: ReadonlySet<number>): Map<number, number> {
  const need = new Map<number, number>();
  const note = (col: number, text: string): void => {
    // About one character per digit at the default font, plus the cell's padding.
    need.set(col, Math.max(need.get(col) ?? 0, text.length + 1.5));
  };
  const wanted: boolean[] = [];
  for (const c of cols) wanted[c] = true;
  // By style index: its format, and whether it is fixed-decimals (asked once per style).
  const formats = new Map<number, { format: string; fixed: boolean }>();
  // By column, the largest and smallest figure under each fixed format (a column has a few).
  const extremes: Array<Array<{ xf: number; format: string; max: number; min: number }>> = [];
  for (const c of sheet.cells()) {
    // Shared, inline and formula strings, errors and booleans are never numbers (cellInput).
    const t = c.t;
    if (t === 's' || t === 'str' || t === 'inlineStr' || t === 'b' || t === 'e') continue;
    const col = c.col;
    if (wanted[col] !== true) continue;
    const value = cellInput(wb, c);
    if (typeof value !== 'number') continue;
    const xf = sheet.styleOf(c.row, col);
    let f = formats.get(xf);
    if (f === undefined) {
      const format = wb.styles.numberFormat(xf);
      f = { format, fixed: fixedDecimals(format) };
      formats.set(xf, f);
    }
    if (!f.fixed || !Number.isFinite(value)) {
      note(col, formatValue(value, f.format));
      continue;
    }
    const byXf = (extremes[col] ??= []);
    let e = byXf.find((x) => Object.is(x.xf, xf));
    if (!e) byXf.push((e = { xf, format: f.format, max: value, min: value }));
    else {
      if (value > e.max) e.max = value;
      if (value < e.min) e.min = value;
    }
  }
  extremes.forEach((byXf, col) => {
    for (const e of byXf) {
      note(col, formatValue(e.max, e.format));
      note(col, formatValue(e.min, e.format));
    }
  });
  return need;
}

/** Freeze panes on the first sheet view: `rows` rows and `columns` columns stay in view. */
export function freezePanes(sheet: SheetPart, rows: number, columns: number): void {
  const p = sheet.p;
  const activePane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const pane = `<${p}pane${attrsText([['xSplit', columns > 0 ? columns : undefined], ['ySplit', rows > 0 ? rows : undefined], ['topLeftCell', refOf(rows, columns)], ['activePane', activePane], ['state', 'frozen']])}/>`;
  const views = sheet.top('sheetViews');
  const view = views ? child(views, 'sheetView') : undefined;
  if (!views || !view) {
    const xml = `<${p}sheetViews><${p}sheetView workbookViewId="0">${pane}</${p}sheetView></${p}sheetViews>`;
    if (views) sheet.replaceTop(views, xml);
    else sheet.insertTop('sheetViews', xml);
    return;
  }
  const text = sheet.text;
  const old = child(view, 'pane');
  const inner = view.children.filter((c) => c !== old && c.local !== 'selection').map((c) => rawOf(text, c));
  const selection = `<${p}selection pane="${activePane}"/>`;
  const open = `<${view.name}${attrsText(Object.entries(view.attrs))}>`;
  const rebuilt = `${open}${pane}${rows > 0 || columns > 0 ? selection : ''}${inner.join('')}</${view.name}>`;
  const before = text.slice(views.openEnd, view.start);
  const after = text.slice(view.end, views.closeStart);
  sheet.replaceTop(views, `${text.slice(views.start, views.openEnd)}${before}${rebuilt}${after}</${views.name}>`);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** SpreadsheetML paper size codes (ECMA-376 Part 1, 18.3.1.64 pageSetup@paperSize): 1 Letter, 8 A3, 9 A4. */
const PAPER_CODE = { Letter: '1', A3: '8', A4: '9' } as const;

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Puts `xml` in place of the top-level element `local`, or inserts it where the schema orders it. */
function setTop(sheet: SheetPart, local: string, xml: string): void {
  const old = sheet.top(local);
  if (old) sheet.replaceTop(old, xml);
  else sheet.insertTop(local, xml);
}

/**
 * The plan's print setup: paper, orientation and a percentage scale (never fit-to-page: the
 * plan chose the scale so body text stays >= 8 pt), margins (inches in the file), page header
 * and footer, manual row breaks before each further table, print area and print titles
 * (rows, and NO. to INDICATOR columns when the print is more than one page wide).
 */
function applyPrint(wb: XlsxWorkbook, sheet: SheetPart, sheetName: string, print: PrintSetup): void {
  const p = sheet.p;
  const setup = sheet.top('pageSetup');
  const attrs: Record<string, string> = { ...(setup?.attrs ?? {}), paperSize: PAPER_CODE[print.paper], scale: String(print.scale), orientation: print.orientation };
  delete attrs.fitToWidth;
  delete attrs.fitToHeight;
  setTop(sheet, 'pageSetup', `<${p}pageSetup${attrsText(Object.entries(attrs))}/>`);

  const pr = sheet.top('sheetPr');
  if (pr) {
    // fitToPage would make the scale ignored: the plan's scale applies.
    const old = child(pr, 'pageSetUpPr');
    if (old) {
      const kids = pr.children.map((c) => (c === old ? `<${c.name}${attrsText(Object.entries({ ...c.attrs, fitToPage: '0' }))}/>` : rawOf(sheet.text, c)));
      sheet.replaceTop(pr, `<${pr.name}${attrsText(Object.entries(pr.attrs))}>${kids.join('')}</${pr.name}>`);
    }
  }
  const m = print.margins;
  const inch = (pt: number): string => String(Math.round((pt / 72) * 1000) / 1000);
  setTop(sheet, 'pageMargins', `<${p}pageMargins left="${inch(m.left)}" right="${inch(m.right)}" top="${inch(m.top)}" bottom="${inch(m.bottom)}" header="${inch(m.header)}" footer="${inch(m.footer)}"/>`);
  const section = (x: { left: string; center: string; right: string }): string => escapeAttr(`&L${x.left}&C${x.center}&R${x.right}`);
  setTop(sheet, 'headerFooter', `<${p}headerFooter><${p}oddHeader>${section(print.header)}</${p}oddHeader><${p}oddFooter>${section(print.footer)}</${p}oddFooter></${p}headerFooter>`);
  if (print.rowBreaks.length > 0) {
    // A break's id is the row above it (1-based): the last row of the page before.
    const brks = print.rowBreaks.map((r) => `<${p}brk id="${r}" max="16383" man="1"/>`).join('');
    setTop(sheet, 'rowBreaks', `<${p}rowBreaks count="${print.rowBreaks.length}" manualBreakCount="${print.rowBreaks.length}">${brks}</${p}rowBreaks>`);
  }
  const index = wb.sheetIndex(sheetName);
  const area = print.printArea;
  wb.setDefinedName('_xlnm.Print_Area', index, `${quoteSheet(sheetName)}!$${refOf(area.top, area.left).replace(/(\d+)$/, '$$$1')}:$${refOf(area.bottom, area.right).replace(/(\d+)$/, '$$$1')}`);
  const titles: string[] = [];
  if (print.repeatColumns) {
    const col = (c: number): string => refOf(0, c).replace(/\d+$/, '');
    titles.push(`${quoteSheet(sheetName)}!$${col(print.repeatColumns.first)}:$${col(print.repeatColumns.last)}`);
  }
  if (print.repeatRows) titles.push(`${quoteSheet(sheetName)}!$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
  if (titles.length > 0) wb.setDefinedName('_xlnm.Print_Titles', index, titles.join(','));
}
