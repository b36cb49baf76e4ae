import type { CellBox } from '../sheet/grid';
import type { FillChange } from '../revisions/types';

/**
 * A formatting plan: plain data describing every change to one sheet. Produced by the
 * pure engine, applied by an adapter (Excel or xlsx) without further decisions.
 *
 * The adapter must change nothing outside `area` except where `extraArea` says so (the
 * key), and write values only to the cells listed in `writes`.
 */
export interface FormatPlan {
  sheetName: string;
  /** The table the plan owns (header rows to last indicator row). */
  area: CellBox;
  /** Cells outside the table the plan also owns (the key); checked empty before writing. */
  extraArea: CellBox | null;
  /** Values (or formulas) to write: only DOT, RAG and key cells. */
  writes: CellWrite[];
  /** What the plan owns: its mark cells, key area, notes and colour rules. */
  owns: PlanOwnership;
  /** Formats, grouped by identical style so adapters make one call per style. */
  styles: StyleGroup[];
  columnWidths: Array<{ col: number; width: number /* points */ }>;
  /** Freeze panes below the header rows and right of the indicator columns. */
  freeze: { rows: number; columns: number } | null;
  print: PrintSetup | null;
  /**
   * Row heights in points the plan sets (header rows and rows whose wrapped text needs more
   * than one line): wrapped cells are clipped otherwise, since neither an xlsx file nor
   * LibreOffice fits heights on opening. Optional: absent means none.
   */
  rowHeights?: Array<{ row: number; height: number }>;
  /**
   * Formulas mode only: colour rules that follow the live `=PERF.` results, so a RAG fill
   * or DOT colour never goes stale when a figure changes. Optional: an adapter that does
   * not apply them still leaves the colours of `styles`, right as of the format.
   */
  conditional?: ConditionalGroup[];
  /**
   * Notes the add-in owns on cells it writes (e.g. why a DOT cell has no arrow: "No arrow:
   * the Dec-20 figure is 'Data to be reported January'"). Adapters add them as cell notes
   * (Excel: `workbook.notes`, ExcelApi 1.18; older hosts: skipped with a warning) and
   * replace only notes the add-in wrote before. Optional: absent means no notes.
   */
  notes?: CellNote[];
}

/** A note on one cell; `row`/`col` are 0-based absolute, inside the plan's area. */
export interface CellNote {
  row: number;
  col: number;
  text: string;
}

/** Rules for a set of cells; the first rule whose text matches the cell's shown text wins. */
export interface ConditionalGroup {
  boxes: CellBox[];
  rules: ConditionalRule[];
}

export interface ConditionalRule {
  /** `equals`: the whole text; `contains`: anywhere (the RAG cell of a YTD row shows `YTD G`). Case-sensitive. */
  match: 'equals' | 'contains';
  text: string;
  style: CellStyle;
}

/**
 * One cell the plan writes: a value, or a formula with the result it shows until the host
 * recalculates (a file's formula cell keeps a cached result; LibreOffice, a PDF export or a
 * viewer show only that). Tagged, so no adapter ever guesses "formula" from a leading `=`:
 * a value is written as a value even if it is text starting with `=`.
 */
export type CellWrite = ValueWrite | FormulaWrite;

export interface ValueWrite {
  kind: 'value';
  row: number;
  col: number;
  value: string | number;
}

export interface FormulaWrite {
  kind: 'formula';
  row: number;
  col: number;
  /** With its `=`, in Excel's (en-US) syntax, e.g. `=PERF.RAG(H12,"<90%",...)`. */
  formula: string;
  /** What the formula shows as of the plan (the static letter or arrow): the cell's cached result. */
  result: string | number;
}

/**
 * What the plan owns on its sheet, named once so both adapters recognise their own work
 * the same way (src/domain/plan/ownership.ts answers the questions).
 */
export interface PlanOwnership {
  /** The DOT and RAG cells of every indicator row (the only cells inside the table the add-in writes). */
  marks: CellBox[];
  /** The key's cells (empty, or the add-in's earlier key) outside the table; null: no key. */
  key: CellBox | null;
  /** Notes whose text starts with this are the add-in's (any other note is the user's). */
  notePrefix: string;
  /** The texts the add-in's colour rules compare with (RAG letters, DOT arrows, blank). */
  ruleMarks: string[];
}

/** A style; every property optional: what is absent is left as the user had it. */
export interface CellStyle {
  /** Fill colour as `#RRGGBB`. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'center' | 'bottom';
  wrapText?: boolean;
  /** Thin borders round every cell of the group. */
  border?: 'thin' | 'medium';
  borderColor?: string;
}

export interface StyleGroup {
  /** Stable key of the style (same style, same key), for grouping and tests. */
  key: string;
  style: CellStyle;
  /** Rectangles with this style; adapters chunk them into RangeAreas. */
  boxes: CellBox[];
}

/** Paper sizes the pack prints on: A4 (UK councils, the default), US Letter, A3. */
export type PaperSize = 'A4' | 'Letter' | 'A3';

/**
 * How the sheet prints, decided by the plan (see `plan/print.ts`); adapters only set it.
 * Only documented page layout values: a percentage scale, never fit-to-pages (Excel may
 * ignore `horizontalFitToPages`, office-js#1860).
 */
export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paper: PaperSize;
  /** Print scale in percent (10-400): fits one page wide when that keeps body text >= 8 pt. */
  scale: number;
  /** Pages wide the print takes at that scale (1: fits the width). */
  pagesWide: number;
  /** Rows repeated at the top of each printed page (0-based inclusive). */
  repeatRows: { first: number; last: number } | null;
  /** Columns repeated at the left of each page (NO. to INDICATOR) when the print is more than one page wide. */
  repeatColumns: { first: number; last: number } | null;
  printArea: CellBox;
  /** 0-based rows that start a new page (each table after the first). */
  rowBreaks: number[];
  /** Page header and footer sections, in Excel's header/footer codes (`&P`, `&N`, `&D`; `&&` is a literal `&`). */
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
  /** Page margins in points. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/**
 * Next month's sheet, as plain data: the adapter copies the source sheet (values,
 * formulas, comments, formats) under `newSheetName`, then applies, on the copy and in
 * order: `moves`, `clearContents`, `resetStyles`, `writes`, `restoreFills`. Formats stay where they are.
 */
export interface RollForwardPlan {
  sourceSheet: string;
  newSheetName: string;
  /** `Jan-21`. */
  newMonth: { year: number; month: number; label: string };
  /**
   * Contents (values or formulas, never formats) to move left, applied in the order given:
   * each month column of each table takes the next one's figures.
   */
  moves: Array<{ from: CellBox; to: CellBox }>;
  /** Contents to clear (the new month's column, last month's DOT and RAG), formats kept. */
  clearContents: CellBox[];
  /**
   * Month headers (serials shown `mmm-yy`, or text labels with the Text format `@`, set
   * before the value so Excel keeps `Jan-21` as typed), the `As at Month End` title and, at
   * April, year labels.
   */
  writes: RollForwardWrite[];
  /**
   * Fills to put back on the new sheet (last month's revision highlights, undone by
   * `planHighlightUndo`): cells of `newSheetName`, applied after `writes`.
   */
  restoreFills: FillChange[];
  /**
   * DOT and RAG cells whose contents `clearContents` removes: the adapter also takes off
   * their fill (no fill) and font colour (automatic), so the new sheet shows no red or
   * green cell without a letter. Other formats (bold, alignment, borders) stay. Applied
   * after `clearContents`, before `restoreFills`. Optional: absent means none.
   */
  resetStyles?: CellBox[];
  /**
   * Cells (0-based absolute) whose note the new sheet must lose: the add-in's "No arrow: …"
   * notes on cleared DOT cells, and last month's revision-highlight notes. Applied last.
   */
  deleteNotes: Array<{ row: number; col: number }>;
  /** Last month's highlight notes left on the new sheet: the host could not delete them (comments only). */
  highlightNotesKept: number;
  /** What the plan left alone and why (a highlight whose fill or note the user changed since). */
  warnings: string[];
}

/** A roll-forward write: always a value (month headers, titles, year labels), never a formula. */
export type RollForwardWrite = Omit<ValueWrite, 'kind'> & { numberFormat?: string };
