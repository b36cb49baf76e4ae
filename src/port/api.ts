import type { PaperSize } from '../domain/plan/types';
import type { Result } from '../domain/result';
import type { Grid } from '../domain/sheet/grid';
import type { DotConvention } from '../domain/types';

/**
 * The port: what the task pane may ask of the workbook, and the types both sides share.
 * It sits between src/taskpane (which calls it) and src/excel (which implements it), so
 * neither imports the other.
 *
 * What the task pane may ask of the workbook. Components receive an `AddinApi` through
 * props/context and never touch `Excel`: `src/excel/addinApi.ts` implements it with
 * Office.js, tests and the browser proof use fakes.
 *
 * Every call returns an `Outcome`: Office errors are never swallowed, they come back as
 * a message and the next thing the user can do.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: OutcomeError };

/**
 * What went wrong, as a stable code: the adapter picks the "what to do" hint by it (one hint
 * per code), tests and the pane switch on it, never on the message text.
 */
export type OutcomeCode =
  // The host
  | 'noExcel' // not running inside Excel
  | 'notSupported' // this Excel lacks an API set the add-in needs
  | 'editMode' // a cell is being edited
  | 'sheetProtected' // the sheet the add-in would change is protected
  | 'readOnly' // the workbook or its structure is protected or read-only
  | 'tooLarge' // a request over Excel's payload limit
  | 'busy' // Excel did not answer in time
  | 'sheetMissing' // the sheet was deleted or renamed under the add-in
  | 'officeError' // any other Office error (its code and message are kept)
  | 'unexpected' // not an Office error at all
  | 'cancelled' // the user cancelled before anything was written
  | 'notAvailable' // a feature this build or host does not offer
  | 'badAddress' // a cell address the add-in cannot parse
  // Reading and planning
  | 'noTable' // no scorecard table (with month columns) on the sheet
  | 'planInvalid' // the plan failed its own check: a bug, nothing was changed
  | 'keyAreaTaken' // the key would overwrite someone's cell
  | 'sheetChanged' // the sheet changed between the read and the write
  // Applying with a backup
  | 'notRestored' // a failed write could not be fully undone; the backup sheet is kept
  | 'backupGone' // a failed write could not be undone: the backup sheet was removed
  | 'backupLeft' // the write succeeded but the backup sheet could not be removed
  // New month
  | 'notNextMonth' // the new month is not after the sheet's month
  | 'sheetExists' // the new month's sheet is already in the workbook
  | 'partialCopyLeft' // a failed new month left a half-made sheet
  // Records and revisions
  | 'damagedRecord' // a row of the add-in's record sheets cannot be read back
  | 'notOurSheet' // a sheet with a record sheet's name that is not the add-in's
  | 'nothingToPublish' // no figures on the sheet to publish
  | 'unknownRevision' // a revision id the current list does not have
  | 'fileUnreadable' // the picked workbook cannot be read or has no month
  // Committee summary
  | 'summaryStructureProtected' // the workbook's structure is protected: no new summary sheet
  // Settings
  | 'settingsDamaged'; // a stored setting cannot be read (the default stands in)

export interface OutcomeError {
  /** What happened; the hint below is chosen by it. */
  code: OutcomeCode;
  /** What went wrong, in the analyst's words. */
  message: string;
  /** What to do next (e.g. "Unprotect the sheet and try again"). */
  action?: string;
}

/** Whether Format writes fixed values (reads right without the add-in) or live formulas. */
export type WriteMode = 'static' | 'formulas';

export interface Settings {
  convention: DotConvention;
  mode: WriteMode;
  /** Population aged 0-17 (ONS mid-year estimate) used for rates; null when not set. */
  population: number | null;
  /** Colour scheme for RAG fills and DOT arrows. */
  palette: 'standard' | 'highContrast';
  /** Paper the formatted sheet prints on (landscape): A4 for UK councils unless set. */
  paper: PaperSize;
}

/** The workbook's settings as loaded: a stored value that could not be read is replaced by its default, and said. */
export interface LoadedSettings {
  settings: Settings;
  /** Present when some stored setting was damaged (the pane shows it; the defaults stand in until saved again). */
  damaged?: OutcomeError;
  /** With `damaged`: which settings were replaced by their default (the pane names them in its own words). */
  replaced?: ReadonlyArray<keyof Settings>;
}

export const DEFAULT_SETTINGS: Settings = {
  convention: 'performance',
  mode: 'static',
  population: null,
  palette: 'standard',
  paper: 'A4',
};

/** A cell the engine could not evaluate, named so the analyst can find it. */
export interface ProblemView {
  /** Sheet-qualified address, e.g. `'Dec-20'!M14`; selecting it in the pane selects the cell. */
  address: string;
  /** Indicator reference and label, when the problem belongs to an indicator row. */
  indicator?: string;
  message: string;
  /**
   * `'warning'`: a flaw that did not stop the row being evaluated (e.g. a gap in the tolerances
   * the figure is not in); the row's DOT and RAG were written. Absent: the row could not be
   * evaluated and needs fixing.
   */
  severity?: 'warning';
}

export interface DetectedTable {
  sheetName: string;
  /** Number of scorecard tables found on the sheet. */
  tables: number;
  indicatorRows: number;
  /** `Dec-20`, or null if no month header was found. */
  reportingMonth: string | null;
}

export interface RagCounts {
  red: number;
  amber: number;
  green: number;
  blank: number;
}

export interface FormatPreview {
  table: DetectedTable;
  /** How many DOT and RAG cells Format would write. */
  dotCells: number;
  ragCells: number;
  ragCounts: RagCounts;
  /** How many cells get a new format. */
  formattedCells: number;
  problems: ProblemView[];
}

export interface FormatSummary {
  sheetName: string;
  rows: number;
  ragCounts: RagCounts;
  problems: ProblemView[];
  revisions: number;
  /**
   * What did not stop Format but the analyst should know, each saying what to do (the
   * revisions lookup failed, notes skipped on an older Excel). Absent or empty: nothing.
   */
  warnings?: string[];
}

export interface Progress {
  stage: 'reading' | 'planning' | 'writing' | 'done';
  /** 0..1 */
  fraction: number;
}

export type ReviewStatus = 'pending' | 'reviewed' | 'queried';

export interface RevisionView {
  /** Stable id: indicator key + month. */
  id: string;
  ref: string;
  indicator: string;
  month: string;
  /** Sheet-qualified address of the revised cell. */
  address: string;
  published: string;
  current: string;
  /** Change as displayed (e.g. `+1.2 pts`, `+3`, `TBC → 95.0%`). */
  change: string;
  status: ReviewStatus;
  comment?: string;
  reviewer?: string;
  /** ISO timestamp of the last status change. */
  at?: string;
}

export type BaselineSource =
  | { kind: 'snapshot'; publishedAt: string; month: string }
  | { kind: 'sheet'; sheetName: string }
  | { kind: 'file'; fileName: string }
  | { kind: 'none' };

export interface RevisionsResult {
  baseline: BaselineSource;
  revisions: RevisionView[];
  /** Why a better baseline was passed over (e.g. damaged published figures), for a MessageBar. */
  notices?: string[];
}

/** The drafted committee summary of the active sheet, for the pane to show and copy. */
export interface SummaryDraftView {
  /** The scorecard sheet it was drafted from. */
  sheetName: string;
  /** The reporting month as the headers write it (`Dec-20`). */
  month: string;
  /** One entry per line, as the summary sheet has them: title (0), section (1), list title (2), bullet or note (3). */
  lines: Array<{ text: string; level: 0 | 1 | 2 | 3 }>;
  /** The draft as plain text, what Copy puts on the clipboard. */
  text: string;
  /** How many bullets (indicators) the draft has. */
  bullets: number;
}

export interface AddinApi {
  /** Find the scorecard table(s) on the active sheet and preview what Format would do. */
  detect(settings: Settings): Promise<Outcome<FormatPreview>>;
  /**
   * Lay out and format the active sheet. `signal` may cancel it until the write starts;
   * after that the write completes (never a half-formatted sheet).
   */
  format(settings: Settings, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<Outcome<FormatSummary>>;
  /** Create next month's sheet from the active one; returns its name. */
  rollForward(): Promise<Outcome<{ sheetName: string; /** e.g. last month's comments left on the copy. */ warnings?: string[] }>>;
  /** Select (and scroll to) a cell given its sheet-qualified address. */
  selectCell(address: string): Promise<Outcome<void>>;
  /** Revisions of the active sheet against the best baseline available (snapshot, then previous sheet). */
  loadRevisions(): Promise<Outcome<RevisionsResult>>;
  /** Revisions against a previous month's .xlsx the reviewer picked (read locally, never uploaded). */
  compareWithFile(fileName: string, data: ArrayBuffer): Promise<Outcome<RevisionsResult>>;
  /** Highlight the revised cells yellow with a note; records the fills it replaces. */
  highlightRevisions(): Promise<Outcome<{ highlighted: number; warnings?: string[] }>>;
  /** Restore exactly the fills the add-in replaced; touches nothing else. */
  clearHighlights(): Promise<Outcome<{ cleared: number; warnings?: string[] }>>;
  /** Record a reviewer's decision; stored in the workbook and in the Revisions log sheet. */
  markRevision(id: string, status: ReviewStatus, comment: string, /** Who decided (the pane's "Your name"); blank: not recorded. */ reviewer?: string): Promise<Outcome<RevisionView>>;
  /** Store this month's figures as the published baseline for next month. */
  publish(/** Who published (the pane's "Your name"); blank: not recorded. */ reviewer?: string): Promise<Outcome<{ figures: number; month: string }>>;
  loadSettings(): Promise<Outcome<LoadedSettings>>;
  saveSettings(settings: Settings): Promise<Outcome<void>>;
  /** Draft the committee summary ("What's working well" / "Areas of focus" per section) of the active sheet; reads only. */
  draftSummary(settings: Settings): Promise<Outcome<SummaryDraftView>>;
  /**
   * Draft the summary again from the active sheet and write it to a new sheet `Summary <month>`
   * (`Summary <month> (2)` when that name is taken: no sheet is ever overwritten); returns its name.
   */
  writeSummary(settings: Settings): Promise<Outcome<{ sheetName: string; lines: number }>>;
}

/**
 * Reads a picked workbook file (a previous month's .xlsx) into the grids the engine reads,
 * locally: nothing is uploaded. src/xlsx implements it; the composition root
 * (src/taskpane/index.tsx) hands it to src/excel, so no adapter imports another.
 */
export type WorkbookFileReader = (data: ArrayBuffer | Uint8Array, fileName: string) => Promise<Result<Grid[], { message: string }>>;
