import { statSync } from 'node:fs';
import { chooseBaseline, newestSheetBefore, sheetBaseline, storedBaseline, type BaselineChoice } from '../domain/revisions/baseline';
import { findRevisions, newestMonth, snapshotFromTables } from '../domain/revisions/figures';
import { parseSnapshotRows, SNAPSHOT_TABLE } from '../domain/revisions/snapshotRows';
import type { Revision, Snapshot } from '../domain/revisions/types';
import { readScorecard } from '../domain/sheet/readScorecard';
import type { ScorecardTable } from '../domain/sheet/scorecard';
import type { DotConvention } from '../domain/types';
import { sameSheetName } from '../domain/sheet/grid';
import { ok } from '../domain/result';
import type { CellInput } from '../domain/types';
import type { XlsxWorkbook } from '../xlsx/package/workbook';
import { valuesFromA1, valuesGrid } from '../xlsx/readValues';
import type { XlsxResult } from '../xlsx/result';
import { fail, type CliFailure, type CliResult } from './files';
import { loadWorkbook, xlsxFailure } from './load';
import { revisionMessages } from '../domain/revisions/messages';
import { cliMessages, EXIT } from './messages';

export interface Baseline {
  snapshot: Snapshot;
  /** Where it came from, for the summary: the add-in's stored snapshot or a sheet. */
  source: 'stored snapshot' | 'sheet';
  /** Why a stored snapshot was not used (damaged), so nothing is ignored silently. */
  warnings: string[];
}

/**
 * What a published workbook showed, as the domain's `chooseBaseline` picks it (the same
 * choice as the pane's): the snapshot the add-in stored when it was published (hidden
 * `PERF Published` sheet), else the figures of its newest scorecard sheet older than
 * `before` (the month being reviewed). This reads the file and words the outcome; it
 * decides nothing. Visible sheets only are read, as a reader of the file saw them.
 *
 * The file is only read, never written: each sheet is read for its values alone
 * (`valuesGrid`, the same Grid as the editing reader's), one at a time, and only the snapshot of its
 * scorecard tables is kept; nothing of the workbook is referenced once this returns.
 */
export function loadBaseline(path: string, convention: DotConvention, before: string): CliResult<Baseline> {
  const read = readBaseline(path, convention);
  return read.ok ? pickBaseline(read.value, before) : read;
}

/**
 * A published workbook read before the month it is compared with is known (`loadBaseline`
 * in two halves): what `pickBaseline` chooses from. A command that reads another workbook
 * reads this one first, so the two are never decoded at the same time; the choice and its
 * failures are the same as `loadBaseline`'s, reported where the command reports them.
 */
export interface ReadBaseline {
  path: string;
  convention: DotConvention;
  /** The record sheet's values from A1 (null: none), or why they could not be read. */
  stored: XlsxResult<CellInput[][] | null>;
  /**
   * The visible sheets that hold scorecard tables, in sheet order, each as its newest month
   * and its snapshot (what the domain's `previousSheetSnapshot` makes of its tables, which
   * are not kept), and the failure of the first sheet that could not be read (the sheets
   * after it are not read). Null when the stored snapshots may serve: the sheets are then
   * read only if none is older than the month.
   */
  sheets: ReadSheets | null;
  /** The workbook, kept only while its sheets may still have to be read. */
  workbook: XlsxWorkbook | null;
  publishedAt: string;
}

/** The first half of `loadBaseline`: the file read, the stored snapshots and (when they cannot serve) the sheets. */
export function readBaseline(path: string, convention: DotConvention): CliResult<ReadBaseline> {
  const loaded = loadWorkbook(path);
  if (!loaded.ok) return loaded;
  const workbook = loaded.value;
  const stored = recordValues(workbook, SNAPSHOT_TABLE.sheetName);
  const publishedAt = statSync(path).mtime.toISOString();
  if (storedMayServe(stored)) return { ok: true, value: { path, convention, stored, sheets: null, workbook, publishedAt } };
  return { ok: true, value: { path, convention, stored, sheets: readSheets(workbook, path, convention, publishedAt), workbook: null, publishedAt } };
}

/** The second half of `loadBaseline`: the baseline for the month `before`, or why there is none. */
export function pickBaseline(read: ReadBaseline, before: string): CliResult<Baseline> {
  const { path, stored: values } = read;
  const stored = values.ok ? storedBaseline(values.value, before) : { baseline: null, damaged: { code: 'damagedRecord' as const, message: values.error.message } };
  let choice: BaselineChoice;
  if (stored.baseline) choice = chooseBaseline(stored, [], { sheet: null, month: before }, { publishedAt: read.publishedAt });
  else {
    const found = read.sheets ?? readSheets(read.workbook!, path, read.convention, read.publishedAt);
    if (found.failure) return { ok: false, error: found.failure };
    // The current sheet is in another file: no sheet of this one is excluded by name.
    choice = sheetBaseline(stored, newestSheetBefore(found.read, null, before)?.snapshot ?? null);
  }
  if (!choice.baseline) return fail(EXIT.noTable, cliMessages.noPreviousTable(path, before));
  const warnings = choice.damaged ? [cliMessages.warning(revisionMessages.baselineDamaged(choice.damaged.message))] : [];
  return { ok: true, value: { snapshot: choice.baseline.snapshot, source: choice.baseline.source.kind === 'snapshot' ? 'stored snapshot' : 'sheet', warnings } };
}

/** Whether the stored snapshots may serve for some month (a readable table holding one): the sheets can wait for the month. */
function storedMayServe(stored: XlsxResult<CellInput[][] | null>): boolean {
  if (!stored.ok || stored.value === null || stored.value.length === 0) return false;
  const parsed = parseSnapshotRows(stored.value);
  return parsed.ok && parsed.value.length > 0;
}

/** A sheet read for a baseline: its name, its newest month and its snapshot. */
interface SheetFigures {
  sheetName: string;
  month: string | null;
  snapshot: Snapshot;
}

/** The sheets read for a baseline, up to the first that could not be read (`failure`). */
interface ReadSheets {
  read: SheetFigures[];
  failure: CliFailure | null;
}

/** The visible sheets' scorecard tables as snapshots published at `publishedAt`, up to the first sheet that cannot be read. */
function readSheets(workbook: XlsxWorkbook, path: string, convention: DotConvention, publishedAt: string): ReadSheets {
  const read: SheetFigures[] = [];
  for (const ws of workbook.sheets) {
    if (ws.state !== 'visible') continue;
    const grid = valuesGrid(workbook, ws.name, path);
    if (!grid.ok) return { read, failure: xlsxFailure(grid.error) };
    const tables = readScorecard(grid.value, { convention });
    if (tables.ok && tables.value.length > 0) read.push({ sheetName: ws.name, month: newestMonth(tables.value), snapshot: snapshotFromTables(tables.value, { publishedAt }) });
  }
  return { read, failure: null };
}

/** `recordSheetValues` of a workbook only read: the record sheet's values from A1, null when there is none. */
function recordValues(wb: XlsxWorkbook, name: string): XlsxResult<CellInput[][] | null> {
  const found = wb.sheets.find((s) => sameSheetName(s.name, name));
  return found ? valuesFromA1(wb, found.name) : ok(null);
}

export function revisionsAgainst(baseline: Baseline, tables: readonly ScorecardTable[]): Revision[] {
  return findRevisions(baseline.snapshot, tables);
}
