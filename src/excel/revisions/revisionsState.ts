import { chooseBaseline, sheetsNamedBefore, storedBaseline, type Baseline, type BaselineChoice, type ReadSheet, type StoredBaseline } from '../../domain/revisions/baseline';
import { newestMonth } from '../../domain/revisions/figures';
import { monthIndex } from '../../domain/revisions/months';
import { HIGHLIGHT_TABLE } from '../../domain/revisions/highlightRows';
import { readSheetHighlights, type SheetHighlights } from '../../domain/revisions/highlightPlans';
import { hasRecordHeader, isOurRecordSheet, notOurSheet } from '../../domain/revisions/recordTable';
import { isLogHeader, LOG_SHEET, parseReviewRows, REVIEW_TABLE, reviewsToShow } from '../../domain/revisions/reviews';
import { parseSnapshotRows, SNAPSHOT_TABLE } from '../../domain/revisions/snapshotRows';
import type { ReviewRecord, Snapshot } from '../../domain/revisions/types';
import { sameSheetName, type Grid } from '../../domain/sheet/grid';
import { readScorecard } from '../../domain/sheet/readScorecard';
import type { ScorecardTable } from '../../domain/sheet/scorecard';
import type { Outcome } from '../../port/api';
import { findSheet, readActive, readSheets, valuesFromA1, type SheetInfo } from './revisionsRead';
import { revisionMessages as rm } from '../../domain/revisions/messages';
import { excelMessages as xm, fromEngineError, outcomeError } from '../messages';

/** Sheets the add-in keeps its records on; never read as scorecards, never a baseline. */
export const RECORD_SHEETS = [SNAPSHOT_TABLE.sheetName, HIGHLIGHT_TABLE.sheetName, REVIEW_TABLE.sheetName, LOG_SHEET] as const;

/** How many sheets are read at most when looking for last month's sheet by its headers. */
const MAX_CANDIDATES = 12;

/**
 * A record sheet as found: absent, the add-in's own, or a user's sheet of that name (the
 * domain's `isOurRecordSheet` decides; its grid is kept so the domain's reader gives the refusal).
 */
export type RecordSheet = { state: 'absent' } | { state: 'ours' | 'foreign'; grid: Grid };

/** What the revisions operations know about the workbook after reading it. */
export interface WorkbookState {
  active: Grid;
  /** A protected sheet cannot take highlights: checked before anything is written. */
  activeProtected: boolean;
  tables: ScorecardTable[];
  reportingMonth: string;
  sheets: SheetInfo[];
  snapshots: RecordSheet;
  highlights: RecordSheet;
  reviews: RecordSheet;
  log: RecordSheet;
}

export function recordSheet(sheets: readonly SheetInfo[], grids: Map<string, Grid>, name: string, isOurs: (g: Grid) => boolean): RecordSheet {
  const info = findSheet(sheets, name);
  if (!info) return { state: 'absent' };
  const grid = grids.get(info.name);
  if (!grid) return { state: 'absent' };
  return { state: isOurRecordSheet(valuesFromA1(grid), () => isOurs(grid)) ? 'ours' : 'foreign', grid };
}

/**
 * Read the active sheet, the sheet list and the add-in's record sheets: two round trips.
 * The active sheet must hold a scorecard table.
 */
export async function readState(context: Excel.RequestContext): Promise<Outcome<WorkbookState>> {
  const { active, activeProtected, sheets } = await readActive(context);
  const read = readScorecard(active);
  if (!read.ok) return { ok: false, error: outcomeError('noTable', xm.noTableToCompare(active.sheetName, read.error.message)) };
  const reportingMonth = newestMonth(read.value) ?? '';
  const present = RECORD_SHEETS.map((n) => findSheet(sheets, n)?.name).filter((n): n is string => n !== undefined);
  const grids = await readSheets(context, present, 'values');
  const values = (g: Grid) => valuesFromA1(g);
  return {
    ok: true,
    value: {
      active,
      activeProtected,
      tables: read.value,
      reportingMonth,
      sheets,
      snapshots: recordSheet(sheets, grids, SNAPSHOT_TABLE.sheetName, (g) => hasRecordHeader(SNAPSHOT_TABLE, values(g))),
      highlights: recordSheet(sheets, grids, HIGHLIGHT_TABLE.sheetName, (g) => hasRecordHeader(HIGHLIGHT_TABLE, values(g))),
      reviews: recordSheet(sheets, grids, REVIEW_TABLE.sheetName, (g) => hasRecordHeader(REVIEW_TABLE, values(g))),
      log: recordSheet(sheets, grids, LOG_SHEET, (g) => isLogHeader(values(g))),
    },
  };
}

/** The stored snapshots: none when absent; the domain's refusal (`notOurSheet`, or `damagedRecord` naming the cell) otherwise. */
export function storedSnapshots(sheet: RecordSheet): Outcome<Snapshot[]> {
  if (sheet.state === 'absent') return { ok: true, value: [] };
  const parsed = parseSnapshotRows(valuesFromA1(sheet.grid));
  return parsed.ok ? parsed : { ok: false, error: fromEngineError(parsed.error, SNAPSHOT_TABLE.sheetName) };
}

/** The highlight records of `sheetName`, as the domain reads them (`readSheetHighlights`: a user's sheet of that name is `notOurSheet`, a damaged row `damagedRecord`). */
export function storedHighlights(sheet: RecordSheet, sheetName: string): Outcome<SheetHighlights> {
  const read = readSheetHighlights(sheet.state === 'absent' ? null : valuesFromA1(sheet.grid), sheetName);
  return read.ok ? read : { ok: false, error: fromEngineError(read.error, HIGHLIGHT_TABLE.sheetName) };
}

/** The stored reviews, as the domain reads them (as `storedSnapshots`). */
export function storedReviews(sheet: RecordSheet): Outcome<ReviewRecord[]> {
  if (sheet.state === 'absent') return { ok: true, value: [] };
  const parsed = parseReviewRows(valuesFromA1(sheet.grid));
  return parsed.ok ? parsed : { ok: false, error: fromEngineError(parsed.error, REVIEW_TABLE.sheetName) };
}

/** The review decisions to show beside revisions (the domain's `reviewsToShow`: unreadable ones leave every revision pending) and the notice saying so. */
export function reviewsForView(sheet: RecordSheet): { records: ReviewRecord[]; notices: string[] } {
  const shown = reviewsToShow(sheet.state === 'absent' ? null : valuesFromA1(sheet.grid));
  return { records: shown.records, notices: shown.damaged ? [rm.reviewsDamaged(shown.damaged.message)] : [] };
}

/** The domain's refusal of a user's sheet with a record sheet's name (used for the log, which has no record reader). */
export function foreign<T>(sheet: string): Outcome<T> {
  return { ok: false, error: fromEngineError(notOurSheet(sheet).error, sheet) };
}

/** The best baseline in the workbook, and why a better one was passed over. */
export interface FoundBaseline {
  baseline: Baseline | null;
  notices: string[];
}

/**
 * The published figures to compare with: the snapshot stored when the previous month was
 * published; else last month's sheet in this workbook, the one whose month headers report
 * the newest earlier month (sheet names only narrow which sheets are read). At most one
 * more round trip.
 */
export async function findBaseline(context: Excel.RequestContext, state: WorkbookState, now: string): Promise<FoundBaseline> {
  const notices: string[] = [];
  // The domain's choice: a user's sheet of the records' name, like a damaged one, sends the choice on to the sheets.
  const stored = storedBaseline(state.snapshots.state === 'absent' ? null : valuesFromA1(state.snapshots.grid), state.reportingMonth);
  const grids = stored.baseline ? new Map<string, Grid>() : await readSheets(context, baselineCandidates(state.sheets, state.active.sheetName, state.reportingMonth));
  const choice = chosenBaseline(stored, grids, state.active.sheetName, state.reportingMonth, now);
  if (choice.damaged) notices.push(rm.baselineDamaged(choice.damaged.message));
  return { baseline: choice.baseline, notices };
}

/**
 * The sheets that may be last month's report, to read when no stored snapshot serves:
 * sheets named after an earlier month (the newest three), and visible sheets whose name
 * names no month (`Report (2)`); the month headers decide among them. A sheet named after
 * this month or a later one is not last month's report.
 */
export function baselineCandidates(sheets: readonly SheetInfo[], activeName: string, reportingMonth: string): string[] {
  const others = sheets.filter((s) => !sameSheetName(s.name, activeName) && !RECORD_SHEETS.some((n) => sameSheetName(n, s.name)));
  const named = sheetsNamedBefore(others.map((s) => s.name), reportingMonth).slice(0, 3);
  const unnamed = others.filter((s) => s.visibility === 'Visible' && monthIndex(s.name) === null).map((s) => s.name);
  return [...named, ...unnamed].slice(0, MAX_CANDIDATES);
}

/**
 * The domain's baseline choice (`chooseBaseline`) from what the Excel adapter read: the stored
 * snapshots (`storedBaseline`) and the candidate sheets' grids (none needed when the stored
 * snapshot serves). Shared by the Revisions view and Format's revision count.
 */
export function chosenBaseline(stored: StoredBaseline, grids: ReadonlyMap<string, Grid>, activeName: string, reportingMonth: string, now: string): BaselineChoice {
  return chooseBaseline(stored, readSheetsAsTables(grids), { sheet: activeName, month: reportingMonth }, { publishedAt: now });
}

/** The scorecard tables of each sheet read (a sheet without one is left out). */
function readSheetsAsTables(grids: ReadonlyMap<string, Grid>): ReadSheet[] {
  const read: ReadSheet[] = [];
  for (const [name, grid] of grids) {
    const tables = readScorecard(grid);
    if (tables.ok) read.push({ sheetName: name, tables: tables.value });
  }
  return read;
}
