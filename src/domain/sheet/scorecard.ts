import type { ErrorCode } from '../result';
import type { Lean } from '../polarity';
import type { Tolerances } from '../tolerance';
import type { CellInput, DotConvention, DotState, DotTone, Polarity, Rag } from '../types';
import type { ParsedValue } from '../value';
import type { CellBox } from './grid';
import type { YearMonth } from './months';

/**
 * A scorecard table read from a sheet: where it is, what each column means and every
 * indicator row with what the engine made of it. Plain data; the plan is built from it.
 */
export interface ScorecardTable {
  sheetName: string;
  /** The header rows, across the table's columns. */
  headerBox: CellBox;
  /** First to last indicator row, across the table's columns. */
  bodyBox: CellBox;
  columns: TableColumns;
  /** Month columns, oldest to newest. */
  months: MonthColumn[];
  /** The newest month column: the month the report is for. */
  reportingMonth: MonthColumn;
  /** Rows of the header box that hold the month labels and the banner over them. */
  monthHeaderRow: number;
  bannerRow: number | null;
  indicators: IndicatorRow[];
  /** Every problem of the table (all rows' problems, and the table's own). */
  problems: Problem[];
}

/** 0-based absolute column of each role; null when the table has no such column. */
export interface TableColumns {
  section: number | null;
  ref: number | null;
  indicator: number | null;
  /** An unlabelled column between INDICATOR and GOOD PERF IS (`Number of families`). */
  subLabel: number | null;
  polarity: number;
  unit: number | null;
  ytd: number | null;
  dataNote: number | null;
  dot: number | null;
  rag: number | null;
  /** `DOT (Yr on Yr)`: outturn / YTD against last year's outturn. */
  yoyDot: number | null;
  /** `RAG (Year End)`: outturn / YTD against the tolerances. */
  yearEndRag: number | null;
  red: number | null;
  amber: number | null;
  green: number | null;
  years: number[];
  /**
   * The trend column of the year before the reporting month's financial year (`2019/20`
   * for Dec-20), with its label; null when the trend columns have no such year.
   */
  previousYear: { col: number; label: string } | null;
  benchmarks: number[];
}

export interface MonthColumn extends YearMonth {
  col: number;
  /** `Oct-20`. */
  label: string;
}

/** Units the plan formats differently. */
export type Unit = 'percent' | 'count' | 'rate' | 'average' | 'unknown';

/** A cell's address and what it holds. */
export interface ReadCell {
  row: number;
  col: number;
  /** A1 on its sheet (`H12`). */
  address: string;
  text: string;
  /** The value as the adapter read it (a number cell stays a number). */
  raw: CellInput;
  value: ParsedValue;
}

export interface MonthValue extends ReadCell {
  label: string;
}

/** What the RAG of a row is judged on. */
export type RagBasis =
  | { kind: 'month'; label: string; col: number; latest: boolean }
  | { kind: 'ytd'; col: number; marked: boolean };

export interface RowTolerances {
  red: string;
  amber: string;
  green: string;
  /** Whether any of the three cells has content (`n/a` counts, though it sets no target). */
  set: boolean;
  /** The engine's reading; null when unreadable (see the row's problems) or the row is Info. */
  parsed: Tolerances | null;
}

/** The month a DOT compares and the one before it (null when it is the first month column). */
export interface DotMonths {
  current: MonthValue;
  previous: MonthValue | null;
}

/** The engine's DOT for a row: an arrow, or why there is none. */
export type RowDot =
  | { state: DotState; glyph: string; tone: DotTone; label: string }
  | { state: null; reason: string };

export interface IndicatorRow {
  row: number;
  /** NO. as displayed: `6.10` stays `6.10`; a sub-row inherits it. */
  ref: string;
  /** Stable across months: ref plus sub-row label (or `#n`, its place in the group). */
  key: string;
  name: string;
  subLabel: string;
  section: string;
  /** True when NO. was blank and inherited from the row above. */
  subRow: boolean;
  polarity: Polarity | null;
  /** Within Limits: which way is better inside the range (`Within limits (lower is better)`); absent or null when not said. */
  lean?: Lean | null;
  /**
   * The row whose GOOD PERF IS cell holds `polarity`: this row, or the row above a sub-row
   * inherits it from (9.1's monthly sub-row leaves the cell blank). Absent or null: no cell holds it.
   */
  polarityRow?: number | null;
  unit: Unit;
  unitText: string;
  months: MonthValue[];
  ytd: ReadCell | null;
  /**
   * `monthly`: judged on the reporting month only (an empty one is not replaced by last
   * month's figure); `periodic`: on the newest month reported. Absent: periodic.
   */
  frequency?: Frequency;
  /** What RAG is judged on, or null (Info, no target, nothing reported). */
  ragBasis: RagBasis | null;
  tolerances: RowTolerances;
  /** Computed status; null for blank (Info, no target, a problem). */
  rag: Rag | null;
  dot: RowDot | null;
  /**
   * The months the DOT compares (the month RAG is judged on, or the newest with a figure,
   * and the month before), decided once by the engine; null when the table has no months.
   * Notes, formulas and summaries read it here rather than working it out again.
   */
  dotMonths: DotMonths | null;
  /** Year on year: last year's outturn, the year-on-year DOT and the year-end RAG. Absent before the reader adds it. */
  yearOnYear?: YearOnYear;
  problems: Problem[];
}

/** A row's year-on-year reading. */
export interface YearOnYear {
  /** Last year's outturn (the `previousYear` trend column), or null when the table has none. */
  previousYear: (ReadCell & { label: string }) | null;
  /** Outturn / YTD against last year's outturn; null when the table has no year-on-year DOT column and nothing to compare. */
  dot: RowDot | null;
  /** Outturn / YTD judged against the row's tolerances; null for blank (Info, no target, no figure, a problem). */
  rag: Rag | null;
}

export type ProblemCode = ErrorCode;

/** A cell the engine could not evaluate, named so the analyst can find it. */
export interface Problem {
  /** A1 on the sheet (`M14`). */
  address: string;
  /** Sheet-qualified, for display and for selecting the cell: `'Dec-20'!M14`. */
  qualifiedAddress: string;
  code: ProblemCode;
  message: string;
  /** Indicator reference (`6.10`) of the row, when the problem belongs to one. */
  ref?: string;
  /** Indicator key of the row. */
  key?: string;
  /**
   * `warning`: a flaw that did not stop the row being judged (an empty band, a gap or an
   * unreadable cell away from the figure); absent: an error, the cell left blank.
   */
  severity?: 'warning';
}

/** Options the reader needs to compute DOT. */
export interface ReadOptions {
  convention: DotConvention;
}

/** How often a row is reported: every month, or less often (quarterly, termly, annually, by claim). */
export type Frequency = 'monthly' | 'periodic';
