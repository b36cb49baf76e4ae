import type { CellBox, Grid } from '../../src/domain/sheet/grid';
import { a1 } from '../../src/domain/sheet/grid';
import { formatValue } from '../../src/xlsx/numberFormat';
import { DAYS_1904_AFTER_1900 } from '../../src/domain/excelDate';
import { isDateFormat } from '../../src/domain/sheet/months';
import { cellKey, parseBox } from './fakeExcelAddress';

/**
 * The state of a fake workbook: what Excel would hold. Proxies (fakeExcel.ts) only reach
 * it inside `context.sync()`; tests read and arrange it directly through these classes.
 */

/** A cell value as `range.values` returns it: blank is `''`, as in Excel. */
export type FakeValue = number | string | boolean;

export interface FakeBorder {
  style: string;
  weight: string;
  color: string;
}

export interface FakeCellFormat {
  fill: string | null;
  /** RangeFont.name (@types/office-js: "Font name (e.g., 'Calibri')"). */
  fontName: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borderTop: FakeBorder | null;
  borderBottom: FakeBorder | null;
  borderLeft: FakeBorder | null;
  borderRight: FakeBorder | null;
}

export interface FakeCell extends FakeCellFormat {
  value: FakeValue;
  formula: string | null;
  numberFormat: string;
  /** Displayed text given when the cell was built from a Grid; cleared when the value or format changes. */
  givenText: string | null;
  note: string | null;
}

export function defaultCell(): FakeCell {
  return {
    value: '',
    formula: null,
    numberFormat: 'General',
    givenText: null,
    note: null,
    fill: null,
    fontName: 'Calibri',
    fontColor: '#000000',
    bold: false,
    italic: false,
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    borderTop: null,
    borderBottom: null,
    borderLeft: null,
    borderRight: null,
  };
}

const DEFAULT = defaultCell();

function isDefault(cell: FakeCell): boolean {
  return (Object.keys(DEFAULT) as Array<keyof FakeCell>).every((k) => cell[k] === DEFAULT[k]);
}

function hasContent(cell: FakeCell): boolean {
  return cell.value !== '' || cell.formula !== null;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
  printTitleRows: string | null;
  /** Set by the adapter's print setup (ExcelApi 1.9 PageLayout); absent until set. */
  paperSize?: string;
  printTitleColumns?: string | null;
  margins?: Partial<Record<'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin', number>>;
  headersFooters?: Partial<Record<'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter', string>>;
  /** 0-based rows a manual page break stands above, in the order added. */
  rowBreaks?: number[];
}

/** What a conditional format sets on the cells it matches (ExcelApi 1.6 ConditionalRangeFormat, the parts adapters use). */
export interface FakeConditionalStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * One conditional format of a sheet. The sheet keeps them in priority order (index 0 is
 * Excel's priority 0, the first evaluated); `add` puts a new one on top, as Excel does.
 */
export interface FakeConditionalFormat {
  id: string;
  boxes: CellBox[];
  type: 'ContainsText' | 'CellValue' | 'Custom';
  stopIfTrue: boolean;
  /** ContainsText: `{operator: 'Contains', text}`; CellValue: `{operator: 'EqualTo', formula1}`; Custom: `{formula}`. */
  rule: { operator?: string; text?: string; formula1?: string; formula2?: string; formula?: string } | null;
  format: FakeConditionalStyle;
}

/** Excel's default column width in points (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_WIDTH = 48;

let nextSheetId = 1;

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility: Visibility = 'Visible';
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  /** Row heights set through `format.rowHeight`, in points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: PageLayoutState = { orientation: 'Portrait', zoom: { scale: 100 }, printArea: null, printTitleRows: null };
  merges: CellBox[] = [];
  /** Conditional formats, highest priority first. */
  conditionalFormats: FakeConditionalFormat[] = [];
  /** The workbook's dates count from 1904: a date's text is that of its serial + 1,462 in the 1900 system. */
  date1904 = false;

  constructor(name: string) {
    this.id = `{sheet-${nextSheetId++}}`;
    this.name = name;
  }

  /** The cell at 0-based (row, col); a fresh default when nothing is stored. */
  cellAt(row: number, col: number): FakeCell {
    return this.cells.get(cellKey(row, col)) ?? defaultCell();
  }

  /** Applies `change` to the cell, storing it only while it differs from a blank default cell. */
  update(row: number, col: number, change: (cell: FakeCell) => void): void {
    const key = cellKey(row, col);
    const cell = this.cells.get(key) ?? defaultCell();
    change(cell);
    if (isDefault(cell)) this.cells.delete(key);
    else this.cells.set(key, cell);
  }

  /** The text Excel displays: the given text while untouched, else the value under its format. */
  textAt(row: number, col: number): string {
    const cell = this.cellAt(row, col);
    if (cell.givenText !== null) return cell.givenText;
    if (cell.value === '') return '';
    const dated = this.date1904 && typeof cell.value === 'number' && isDateFormat(cell.numberFormat);
    return formatValue(dated ? (cell.value as number) + DAYS_1904_AFTER_1900 : cell.value, cell.numberFormat);
  }

  /** Bounding box of stored cells (with content only when `valuesOnly`), or null if none. */
  usedBox(valuesOnly: boolean): CellBox | null {
    let box: CellBox | null = null;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && !hasContent(cell)) continue;
      const [row, col] = key.split(',').map(Number);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box;
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  // ---- inspection helpers for tests (A1 addresses) ----

  private at(address: string): { row: number; col: number } {
    const box = parseBox(address);
    if (!box) throw new Error(`fake sheet: bad address ${address}`);
    return { row: box.top, col: box.left };
  }

  cell(address: string): FakeCell {
    const { row, col } = this.at(address);
    return { ...this.cellAt(row, col) };
  }

  value(address: string): FakeValue {
    return this.cell(address).value;
  }

  text(address: string): string {
    const { row, col } = this.at(address);
    return this.textAt(row, col);
  }

  fill(address: string): string | null {
    return this.cell(address).fill;
  }

  /** Arranges a value directly (no proxy, no sync): for setting up a test. */
  setValue(address: string, value: FakeValue, numberFormat?: string): void {
    const { row, col } = this.at(address);
    this.update(row, col, (c) => {
      c.value = value;
      c.formula = null;
      c.givenText = null;
      if (numberFormat !== undefined) c.numberFormat = numberFormat;
    });
  }

  /** Arranges a fill directly (e.g. the user's own colour before a test). */
  setFill(address: string, fill: string | null): void {
    const { row, col } = this.at(address);
    this.update(row, col, (c) => {
      c.fill = fill;
    });
  }

  /**
   * Everything about the sheet as plain, deterministic data, for before/after comparisons:
   * `expect(after.snapshot()).toEqual(before)`.
   */
  snapshot(): SheetSnapshot {
    const cells: Record<string, FakeCell> = {};
    const keys = [...this.cells.keys()].sort((x, y) => {
      const [r1, c1] = x.split(',').map(Number);
      const [r2, c2] = y.split(',').map(Number);
      return r1 - r2 || c1 - c2;
    });
    for (const key of keys) {
      const [row, col] = key.split(',').map(Number);
      cells[a1(row, col)] = { ...(this.cells.get(key) as FakeCell) };
    }
    const widths: Record<number, number> = {};
    for (const col of [...this.columnWidths.keys()].sort((x, y) => x - y)) widths[col] = this.columnWidths.get(col) as number;
    return {
      name: this.name,
      visibility: this.visibility,
      protected: this.protected,
      cells,
      columnWidths: widths,
      freeze: this.freeze ? { ...this.freeze } : null,
      pageLayout: { ...this.pageLayout, zoom: { ...this.pageLayout.zoom } },
      merges: this.merges.map((m) => ({ ...m })),
      conditionalFormats: this.conditionalFormats.map(cloneConditional),
    };
  }

  /**
   * What the conditional formats make of a cell now, evaluated on its shown text as Excel
   * does: in priority order, later matches filling only what earlier ones left, until one
   * that stops. Text comparisons ignore case (Excel's do). `{}` when none matches.
   */
  conditionalStyleAt(row: number, col: number): FakeConditionalStyle {
    const text = this.textAt(row, col);
    const out: FakeConditionalStyle = {};
    for (const cf of this.conditionalFormats) {
      if (!cf.boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right)) continue;
      if (!conditionalMatches(cf, text)) continue;
      for (const [k, v] of Object.entries(cf.format)) if (v !== undefined && !(k in out)) (out as Record<string, unknown>)[k] = v;
      if (cf.stopIfTrue) break;
    }
    return out;
  }

  /** Adds a conditional format as a user would have (on top), for tests. */
  addConditionalFormat(cf: Omit<FakeConditionalFormat, 'id'>): FakeConditionalFormat {
    const made = { ...cloneConditional({ ...cf, id: '' }), id: `{cf-user-${this.conditionalFormats.length + 1}-${this.id}}` };
    this.conditionalFormats.unshift(made);
    return made;
  }

  /** Cells whose snapshot differs from `before`, as A1 addresses (sorted as stored). */
  changedCells(before: SheetSnapshot): string[] {
    const after = this.snapshot();
    const addresses = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
    return [...addresses].filter((addr) => JSON.stringify(before.cells[addr] ?? DEFAULT) !== JSON.stringify(after.cells[addr] ?? DEFAULT));
  }

  /** A deep copy with a new name and id (what `worksheet.copy()` makes). */
  cloneAs(name: string): FakeSheet {
    const copy = new FakeSheet(name);
    for (const [key, cell] of this.cells) copy.cells.set(key, { ...cell });
    for (const [col, w] of this.columnWidths) copy.columnWidths.set(col, w);
    for (const [row, h] of this.rowHeights) copy.rowHeights.set(row, h);
    copy.freeze = this.freeze ? { ...this.freeze } : null;
    copy.pageLayout = { ...this.pageLayout, zoom: { ...this.pageLayout.zoom } };
    copy.merges = this.merges.map((m) => ({ ...m }));
    copy.conditionalFormats = this.conditionalFormats.map((cf) => ({ ...cloneConditional(cf), id: `${cf.id}-copy-${copy.id}` }));
    copy.protected = this.protected;
    copy.date1904 = this.date1904;
    return copy;
  }
}

export interface SheetSnapshot {
  name: string;
  visibility: Visibility;
  protected: boolean;
  cells: Record<string, FakeCell>;
  columnWidths: Record<number, number>;
  freeze: { rows: number; columns: number } | null;
  pageLayout: PageLayoutState;
  merges: CellBox[];
  conditionalFormats: FakeConditionalFormat[];
}

/** A deep copy of a conditional format. */
export function cloneConditional(cf: FakeConditionalFormat): FakeConditionalFormat {
  return { ...cf, boxes: cf.boxes.map((b) => ({ ...b })), rule: cf.rule ? { ...cf.rule } : null, format: { ...cf.format } };
}

/** The text of a CellValue formula such as `="↑"` (a literal string), or null for anything else. */
function literalText(formula: string | undefined): string | null {
  const m = /^="((?:[^"]|"")*)"$/.exec(formula ?? '');
  return m ? m[1].replace(/""/g, '"') : null;
}

function conditionalMatches(cf: FakeConditionalFormat, text: string): boolean {
  const rule = cf.rule;
  if (!rule) return false;
  if (cf.type === 'ContainsText') {
    const t = (rule.text ?? '').toLowerCase();
    const s = text.toLowerCase();
    if (rule.operator === 'Contains') return s.includes(t);
    if (rule.operator === 'NotContains') return !s.includes(t);
    if (rule.operator === 'BeginsWith') return s.startsWith(t);
    if (rule.operator === 'EndsWith') return s.endsWith(t);
    return false;
  }
  if (cf.type === 'CellValue') {
    const want = literalText(rule.formula1);
    if (want === null) return false;
    if (rule.operator === 'EqualTo') return text.toLowerCase() === want.toLowerCase();
    if (rule.operator === 'NotEqualTo') return text.toLowerCase() !== want.toLowerCase();
  }
  // Custom formulas are not evaluated by the fake.
  return false;
}

/** Fills a new sheet from a Grid: values, displayed text and number formats, merges. */
export function sheetFromGrid(grid: Grid): FakeSheet {
  const sheet = new FakeSheet(grid.sheetName);
  grid.values.forEach((rowValues, i) => {
    rowValues.forEach((raw, j) => {
      const value: FakeValue = raw === null || raw === undefined ? '' : raw;
      const numberFormat = grid.numberFormats[i]?.[j] ?? 'General';
      const text = grid.text[i]?.[j] ?? '';
      sheet.update(grid.top + i, grid.left + j, (c) => {
        c.value = value;
        c.numberFormat = numberFormat;
        // Keep the seed's displayed text only when it differs from what we would render.
        c.givenText = value === '' && text === '' ? null : text;
      });
    });
  });
  sheet.merges = (grid.merges ?? []).map((m) => ({ ...m }));
  return sheet;
}
