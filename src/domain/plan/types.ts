import type { CellBox } from '../sheet/grid';

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
  /** Formats, grouped by identical style so adapters make one call per style. */
  styles: StyleGroup[];
  columnWidths: Array<{ col: number; width: number /* points */ }>;
  /** Freeze panes below the header rows and right of the indicator columns. */
  freeze: { rows: number; columns: number } | null;
  print: PrintSetup | null;
}

export interface CellWrite {
  row: number;
  col: number;
  /** A static value, or a formula starting with `=` (e.g. `=PERF.RAG(H12,"<90%",...)`). */
  value: string | number;
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

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  /** Fit to this many pages wide; height unconstrained. */
  fitToPagesWide: number;
  /** Rows repeated at the top of each printed page (0-based inclusive). */
  repeatRows: { first: number; last: number } | null;
  printArea: CellBox;
}
