/**
 * The revisions adapter: publish this month's figures, find revisions against the best
 * baseline, highlight them (yellow fill + note) and clear them again, and record reviewers'
 * decisions. Every operation takes the `Excel.RequestContext` it is given (src/excel/io/run.ts
 * owns `Excel.run`) and makes a CONSTANT number of round trips whatever the number of
 * revisions: it reads in batches, plans with the pure engine, and writes in one batch.
 * Office errors are never swallowed: they come back as an Outcome with what to do next.
 */
import { findRevisions, snapshotFromTables } from '../../domain/revisions/figures';
import { highlightsToRows, HIGHLIGHT_TABLE } from '../../domain/revisions/highlightRows';
import { highlightCells, planClearPass, planHighlightPass } from '../../domain/revisions/highlightPlans';
import { revisionMessages as rm } from '../../domain/revisions/messages';
import { LOG_HEADER, LOG_SHEET, logRow, reviewRecord, reviewsToRows, REVIEW_TABLE, withReviews, type ReviewedRevision } from '../../domain/revisions/reviews';
import { snapshotsToRows, SNAPSHOT_TABLE, withSnapshot } from '../../domain/revisions/snapshotRows';
import type { CellFill, CellRef, FillChange, Revision, Snapshot } from '../../domain/revisions/types';
import { hasRecordHeader } from '../../domain/revisions/recordTable';
import type { BaselineSource, Outcome, OutcomeError, RevisionsResult, RevisionView, ReviewStatus } from '../../port/api';
import { excelMessages, excelMessages as xm, outcomeError } from '../messages';
import { toOutcomeError } from '../io/officeErrors';
import { cellKey, noteKind, queueNoteOps, readNotes, type NoteState } from './revisionsNotes';
import { findSheet, readActive, readSheets, valuesFromA1 } from './revisionsRead';
import {
  findBaseline,
  type FoundBaseline,
  foreign,
  readState,
  recordSheet,
  reviewsForView,
  storedHighlights,
  storedReviews,
  storedSnapshots,
  type RecordSheet,
  type WorkbookState,
} from './revisionsState';
import { sameSheetName } from '../../domain/sheet/grid';

/** Who and when, supplied by the caller (the pane knows the reviewer; tests fix the time). */
export interface RevisionsOptions {
  /** ISO timestamp; defaults to now. */
  now?: string;
  /** Name recorded with a publication or a review. */
  user?: string;
  /**
   * A baseline picked by the reviewer (a previous month's file, from `compareWithFile`):
   * used instead of the workbook's own, so highlights and reviews follow the same comparison.
   */
  picked?: { fileName: string; snapshot: Snapshot };
}

/** Revisions of the active sheet, with the baseline used and anything the pane should say. */
export interface LoadedRevisions extends RevisionsResult {
  /** Why a better baseline was passed over (e.g. damaged published figures). */
  notices: string[];
  /** The published figures compared with; pass back as `picked` for a file baseline. */
  snapshot?: Snapshot;
}

function nowOf(options: RevisionsOptions): string {
  return options.now ?? new Date().toISOString();
}

function fail<T>(error: OutcomeError): Outcome<T> {
  return { ok: false, error };
}

function protectedSheet(sheet: string): OutcomeError {
  return outcomeError('sheetProtected', excelMessages.sheetProtected(sheet));
}

/** Runs an operation, turning anything Office throws into an Outcome error (never swallowed). */
async function guarded<T>(op: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await op();
  } catch (e) {
    return fail(toOutcomeError(e));
  }
}

/** The pane's view of a revision. */
export function toView(r: ReviewedRevision): RevisionView {
  return {
    id: r.id,
    ref: r.ref,
    indicator: r.indicator,
    month: r.month,
    address: r.address,
    published: r.published.display,
    current: r.current.display,
    change: r.change,
    status: r.status,
    ...(r.comment !== undefined ? { comment: r.comment } : {}),
    ...(r.reviewer !== undefined ? { reviewer: r.reviewer } : {}),
    ...(r.at !== undefined ? { at: r.at } : {}),
  };
}

function sourceView(source: { kind: 'snapshot'; publishedAt: string; month: string } | { kind: 'sheet'; sheetName: string } | { kind: 'file'; fileName: string }): BaselineSource {
  if (source.kind === 'snapshot') return { kind: 'snapshot', publishedAt: source.publishedAt, month: source.month };
  if (source.kind === 'sheet') return { kind: 'sheet', sheetName: source.sheetName };
  return { kind: 'file', fileName: source.fileName };
}

/** Revisions of the active sheet and the state they came from (shared by every operation). */
async function revisionsOf(context: Excel.RequestContext, options: RevisionsOptions): Promise<Outcome<{ state: WorkbookState; revisions: Revision[]; result: LoadedRevisions }>> {
  const read = await readState(context);
  if (!read.ok) return read;
  const state = read.value;
  const found: FoundBaseline = options.picked
    ? { baseline: { source: { kind: 'file', fileName: options.picked.fileName, sheetName: options.picked.snapshot.sheetName, month: options.picked.snapshot.reportingMonth }, snapshot: options.picked.snapshot }, notices: [] }
    : await findBaseline(context, state, nowOf(options));
  const reviews = reviewsForView(state.reviews);
  const notices = [...found.notices, ...reviews.notices];
  if (!found.baseline) {
    return { ok: true, value: { state, revisions: [], result: { baseline: { kind: 'none' }, revisions: [], notices } } };
  }
  const revisions = findRevisions(found.baseline.snapshot, state.tables);
  const views = withReviews(revisions, reviews.records).map(toView);
  return { ok: true, value: { state, revisions, result: { baseline: sourceView(found.baseline.source), revisions: views, notices, snapshot: found.baseline.snapshot } } };
}

/**
 * Revisions of the active sheet against the best baseline in the workbook (the stored
 * snapshot, else last month's sheet). At most four round trips.
 *
 * @example const r = await loadRevisions(context); if (r.ok) r.value.revisions.length
 */
export async function loadRevisions(context: Excel.RequestContext, options: RevisionsOptions = {}): Promise<Outcome<LoadedRevisions>> {
  return guarded(async () => {
    const r = await revisionsOf(context, options);
    return r.ok ? { ok: true, value: r.value.result } : r;
  });
}

/** Queue writing a whole record table from A1 (cells as text), replacing what was there. */
function queueTable(context: Excel.RequestContext, name: string, sheet: RecordSheet, rows: string[][], visibility: 'Hidden' | 'Visible'): void {
  const sheets = context.workbook.worksheets;
  const ws = sheet.state === 'ours' ? sheets.getItem(name) : sheets.add(name);
  // Hidden, not VeryHidden: anyone can Unhide it and read what was published (see snapshotRows.ts).
  if (sheet.state !== 'ours' && visibility === 'Hidden') ws.visibility = 'Hidden';
  if (sheet.state === 'ours') {
    const g = sheet.grid;
    const width = Math.max(0, ...g.values.map((r) => r.length));
    if (g.values.length > 0 && width > 0) ws.getRangeByIndexes(g.top, g.left, g.values.length, width).clear('Contents');
  }
  queueRows(ws, 0, rows);
}

/**
 * Text exactly as given, whatever Excel would make of it typed: a leading apostrophe is
 * Excel's text prefix and would be eaten (`'Jan-21'!G14` would lose its quote), and `=`,
 * `+`, `-`, `@` could start a formula (a reviewer's comment is never run). The apostrophe
 * prefix keeps the rest as text.
 */
function asText(v: string): string {
  return /^[=+\-@']/.test(v) ? `'${v}` : v;
}

/** Queue rows of text at a 0-based row from column A: format `@` first, so Excel keeps `6.10` and `Oct-20` as typed. */
function queueRows(ws: Excel.Worksheet, row: number, rows: string[][]): void {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return;
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map(asText));
  const range = ws.getRangeByIndexes(row, 0, padded.length, width);
  range.numberFormat = padded.map((r) => r.map(() => '@'));
  range.values = padded;
}

function nextRow(sheet: RecordSheet): number {
  return sheet.state === 'ours' ? sheet.grid.top + sheet.grid.values.length : 0;
}

/**
 * Store the active sheet's figures as published, in the hidden `PERF Published` sheet, so
 * that next month compares with exactly what readers saw. Publishing the same month again
 * replaces its earlier figures. Three round trips.
 *
 * @example await publish(context, { user: 'Anne Hawke' }) // { ok: true, value: { figures: 189, month: 'Dec-20' } }
 */
export async function publish(context: Excel.RequestContext, options: RevisionsOptions = {}): Promise<Outcome<{ figures: number; month: string }>> {
  return guarded(async () => {
    const read = await readState(context);
    if (!read.ok) return read;
    const state = read.value;
    const stored = storedSnapshots(state.snapshots);
    if (!stored.ok) return stored;
    const snapshot = snapshotFromTables(state.tables, { publishedAt: nowOf(options), ...(options.user ? { publishedBy: options.user } : {}) });
    if (snapshot.figures.length === 0) return fail(outcomeError('nothingToPublish', xm.nothingToPublish(state.active.sheetName)));
    const republished = stored.value.some((s) => sameSheetName(s.sheetName, snapshot.sheetName) && s.reportingMonth === snapshot.reportingMonth);
    if (state.snapshots.state === 'ours' && state.snapshots.grid.values.length > 0 && !republished) {
      // The usual case appends this month's rows only: the request stays small however many
      // months the workbook has published (Excel on the web refuses requests over 5 MB).
      queueRows(context.workbook.worksheets.getItem(SNAPSHOT_TABLE.sheetName), nextRow(state.snapshots), snapshotsToRows([snapshot]).slice(1));
    } else {
      queueTable(context, SNAPSHOT_TABLE.sheetName, state.snapshots, snapshotsToRows(withSnapshot(stored.value, snapshot)), 'Hidden');
    }
    await context.sync();
    return { ok: true, value: { figures: snapshot.figures.length, month: snapshot.reportingMonth } };
  });
}

/** Fill colour of a cell as read: Office reports no fill as `#FFFFFF`, like white; `tintAndShade` is null only for no fill. */
function queueFills(context: Excel.RequestContext, cells: ReadonlyArray<{ sheet: string; address: string }>): () => Map<string, string | null> {
  const pending = cells.map((c) => {
    const fill = context.workbook.worksheets.getItem(c.sheet).getRange(c.address).format.fill;
    fill.load('color,tintAndShade');
    return [c, fill] as const;
  });
  return () => {
    const out = new Map<string, string | null>();
    for (const [c, fill] of pending) {
      // office-js#4900: No Fill and a white fill both read #FFFFFF; only No Fill has a null tintAndShade.
      const none = fill.tintAndShade === null && fill.color.toUpperCase() === '#FFFFFF';
      out.set(cellKey(c.sheet, c.address), none ? null : fill.color.toUpperCase());
    }
    return out;
  };
}

/** Fills and notes of the cells, as the planners want them: two round trips (three for comments). */
export async function readCells(context: Excel.RequestContext, cells: readonly CellRef[]): Promise<{ fills: CellFill[]; notes: Map<string, NoteState> }> {
  const unique = [...new Map(cells.map((c) => [cellKey(c.sheet, c.address), c])).values()];
  if (unique.length === 0) return { fills: [], notes: new Map() };
  const fillsOf = queueFills(context, unique);
  await context.sync();
  const fillMap = fillsOf();
  const notes = await readNotes(context, noteKind(), unique);
  const fills = unique.map((c) => {
    const key = cellKey(c.sheet, c.address);
    return { sheet: c.sheet, address: c.address, fill: fillMap.get(key) ?? null, note: notes.get(key)?.text ?? null };
  });
  return { fills, notes };
}

function queueFillChanges(context: Excel.RequestContext, changes: readonly FillChange[]): void {
  for (const c of changes) {
    const format = context.workbook.worksheets.getItem(c.sheet).getRange(c.address).format.fill;
    if (c.fill === null) format.clear();
    else format.color = c.fill;
  }
}

/**
 * Highlight every revision of the active sheet: yellow fill and a note (a comment before
 * ExcelApi 1.18), recording each cell's fill beforehand in the hidden `PERF Highlights`
 * sheet. Cells highlighted earlier that are no longer revised get their fill back. Other
 * sheets' highlights are left as published. At most eight round trips, whatever the count.
 *
 * @example await highlightRevisions(context) // { ok: true, value: { highlighted: 3, warnings: [] } }
 */
export async function highlightRevisions(context: Excel.RequestContext, options: RevisionsOptions = {}): Promise<Outcome<{ highlighted: number; warnings: string[] }>> {
  return guarded(async () => {
    const found = await revisionsOf(context, options);
    if (!found.ok) return found;
    const { state, revisions, result } = found.value;
    if (state.activeProtected && revisions.length > 0) return fail(protectedSheet(state.active.sheetName));
    const stored = storedHighlights(state.highlights, state.active.sheetName);
    if (!stored.ok) return stored;
    const { fills, notes } = await readCells(context, highlightCells(stored.value, revisions));
    const plan = planHighlightPass(stored.value, revisions, fills);
    const kind = noteKind();
    // Records first: a batch is not a transaction, and a fill applied without its record could
    // never be restored. A record whose fill did not land is harmless: clearing restores only
    // cells that still show the add-in's yellow.
    if (plan.records) queueTable(context, HIGHLIGHT_TABLE.sheetName, state.highlights, highlightsToRows(plan.records), 'Hidden');
    queueFillChanges(context, plan.fills);
    await context.sync();
    const warnings = [...result.notices, ...plan.warnings];
    if (kind === 'none' && plan.highlighted > 0) warnings.push(xm.notesUnsupported());
    // Notes in a batch of their own: a cell Excel refuses a note or comment on (a legacy note
    // the comments API cannot see) must not undo the highlights; the pane is told instead.
    if (kind !== 'none' && plan.notes.length > 0) {
      queueNoteOps(context, kind, plan.notes, notes);
      try {
        await context.sync();
      } catch (e) {
        warnings.push(xm.notesFailed(toOutcomeError(e).message));
      }
    }
    return { ok: true, value: { highlighted: plan.highlighted, warnings } };
  });
}

/**
 * Remove the add-in's highlights from the active sheet: each recorded cell gets back the
 * user's fill (their own yellow included) if it still has the add-in's yellow; a fill the
 * user changed since is left, and said so. Notes are removed only if unedited. No other
 * cell is touched. At most five round trips.
 *
 * @example await clearHighlights(context) // { ok: true, value: { cleared: 3, warnings: [] } }
 */
export async function clearHighlights(context: Excel.RequestContext): Promise<Outcome<{ cleared: number; warnings: string[] }>> {
  return guarded(async () => {
    const { active, activeProtected, sheets } = await readActive(context);
    const name = findSheet(sheets, HIGHLIGHT_TABLE.sheetName)?.name;
    if (name === undefined) return { ok: true, value: { cleared: 0, warnings: [] } };
    const grids = await readSheets(context, [name], 'values');
    const sheet = recordSheet(sheets, grids, HIGHLIGHT_TABLE.sheetName, (g) => hasRecordHeader(HIGHLIGHT_TABLE, valuesFromA1(g)));
    const stored = storedHighlights(sheet, active.sheetName);
    if (!stored.ok) return stored;
    if (stored.value.mine.length === 0) return { ok: true, value: { cleared: 0, warnings: [] } };
    if (activeProtected) return fail(protectedSheet(active.sheetName));
    const { fills, notes } = await readCells(context, highlightCells(stored.value));
    const plan = planClearPass(stored.value, fills);
    // Fills before records: if the batch stops part way, the records are still there and
    // clearing again restores the rest (cells already restored no longer show the yellow).
    queueFillChanges(context, plan.fills);
    queueNoteOps(context, noteKind(), plan.notes, notes);
    if (plan.records) queueTable(context, HIGHLIGHT_TABLE.sheetName, sheet, highlightsToRows(plan.records), 'Hidden');
    await context.sync();
    return { ok: true, value: { cleared: plan.cleared, warnings: plan.warnings } };
  });
}

/**
 * Record a reviewer's decision on a revision of the active sheet: a row in the hidden
 * `PERF Reviews` sheet (what the pane reads back) and one in the visible `Revisions log`
 * sheet (what travels with the file for people). At most five round trips.
 *
 * @example await markRevision(context, '2.2 | #2|Nov-20', 'queried', 'Why up?', { user: 'Anne Hawke' })
 */
export async function markRevision(
  context: Excel.RequestContext,
  id: string,
  status: Exclude<ReviewStatus, 'pending'>,
  comment: string,
  options: RevisionsOptions = {},
): Promise<Outcome<RevisionView>> {
  return guarded(async () => {
    const found = await revisionsOf(context, options);
    if (!found.ok) return found;
    const { state, revisions } = found.value;
    const rev = revisions.find((r) => r.id === id);
    if (!rev) return fail(outcomeError('unknownRevision', rm.unknownRevision(id)));
    if (state.log.state === 'foreign') return foreign(LOG_SHEET);
    const reviews = storedReviews(state.reviews);
    if (!reviews.ok) return reviews;
    const record = reviewRecord(rev, status, comment, options.user ?? '', nowOf(options));
    const sheets = context.workbook.worksheets;
    if (state.reviews.state === 'ours' && state.reviews.grid.values.length > 0) {
      queueRows(sheets.getItem(REVIEW_TABLE.sheetName), nextRow(state.reviews), reviewsToRows([record]).slice(1));
    } else {
      queueTable(context, REVIEW_TABLE.sheetName, state.reviews, reviewsToRows([record]), 'Hidden');
    }
    if (state.log.state === 'ours' && state.log.grid.values.length > 0) {
      queueRows(sheets.getItem(LOG_SHEET), nextRow(state.log), [logRow(rev, record)]);
    } else {
      queueTable(context, LOG_SHEET, state.log, [[...LOG_HEADER], logRow(rev, record)], 'Visible');
    }
    await context.sync();
    return { ok: true, value: toView(withReviews([rev], [...reviews.value, record])[0]) };
  });
}
