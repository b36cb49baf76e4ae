/**
 * Vocabulary of revised figures: what was published, what changed, what the add-in
 * highlighted and what reviewers decided. Plain data only; adapters store and apply it.
 */

/** One published figure: an indicator's value for one month, as the reader saw it. */
export interface SnapshotFigure {
  /** Indicator key (NO. plus sub-row), stable across months; the only match key with `month`. */
  key: string;
  /** NO. as shown (`2.2`, `3.1a`). */
  ref: string;
  /** Indicator name (and sub-label) for people reading a revision. */
  indicator: string;
  /** Month label `Mmm-yy` (`Oct-20`). */
  month: string;
  /** The text as shown in the cell (`84.3%`, `TBC`, `` for blank). */
  display: string;
  /** The number the cell holds (percentages as fractions); null for a placeholder or blank. */
  value: number | null;
  /** True for a placeholder or blank: missing, never 0. */
  missing: boolean;
}

/** The figures of one sheet as they stood when the analyst pressed Publish. */
export interface Snapshot {
  sheetName: string;
  /** Newest month of the sheet (`Dec-20`). */
  reportingMonth: string;
  /** ISO timestamp of publication. */
  publishedAt: string;
  publishedBy?: string;
  figures: SnapshotFigure[];
}

/** A figure of the sheet being reviewed, with the cell it lives in. */
export interface CurrentFigure extends SnapshotFigure {
  sheetName: string;
  /** 0-based absolute row and column of the cell. */
  row: number;
  col: number;
}

/** One side of a revision, as shown. */
export interface RevisionSide {
  display: string;
  value: number | null;
}

/** A published figure that differs, at the precision it is shown at, from the current one. */
export interface Revision {
  /** Stable id, `key|month`; reviews are stored against it. */
  id: string;
  key: string;
  ref: string;
  indicator: string;
  month: string;
  sheetName: string;
  row: number;
  col: number;
  /** Sheet-qualified address of the current cell (`'Jan-21'!H12`). */
  address: string;
  published: RevisionSide;
  current: RevisionSide;
  /** Change as displayed: `+0.4 pts`, `+3`, `TBC → 95.0%`. */
  change: string;
}

/** The fill of a cell as an adapter reads it: `#RRGGBB`, or null for no fill. */
export interface CellFill {
  sheet: string;
  /** A1 address on the sheet (`H12`). */
  address: string;
  fill: string | null;
  /** Text of a note already on the cell, if any (the add-in never overwrites it). */
  note?: string | null;
}

/** A cell on a sheet, by A1 address (`H12`). */
export interface CellRef {
  sheet: string;
  address: string;
}

/**
 * The one fill change every planner hands an adapter (highlight, clear, new month): the
 * cell and the fill to give it, `#RRGGBB`, or null to remove the fill.
 */
export interface FillChange extends CellRef {
  fill: string | null;
}

/** A note the add-in adds, replaces (its own earlier one) or deletes (its own, unedited). */
export type NoteChange = (CellRef & { kind: 'add' | 'replace'; text: string }) | (CellRef & { kind: 'delete' });

/**
 * What the add-in changed on one cell when it highlighted a revision. Stored in the
 * workbook so that clearing restores exactly the user's own fill and nothing else.
 */
export interface HighlightRecord {
  sheet: string;
  address: string;
  /** The user's fill before the highlight (`#RRGGBB`), or null for no fill. */
  previousFill: string | null;
  highlightFill: string;
  /** The note the add-in added, or null when the cell already had a note of the user's. */
  note: string | null;
  /** Revision id (`key|month`), so a record can be traced back to its figure. */
  revisionId: string;
}

/** The reviewer's decision on one revision. */
export type ReviewDecision = 'reviewed' | 'queried';

export interface ReviewRecord {
  /** Revision id (`key|month`). */
  revisionId: string;
  /** Sheet the revision was reviewed on. */
  sheet: string;
  status: ReviewDecision;
  comment: string;
  reviewer: string;
  /** ISO timestamp. */
  at: string;
  /** The published and current text the reviewer saw: a later, different change is pending again. */
  published: string;
  current: string;
}
