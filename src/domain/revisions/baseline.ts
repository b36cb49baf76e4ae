import type { ScorecardTable } from '../sheet/scorecard';
import { newestMonth, snapshotFromTables, type PublishMeta } from './figures';
import { monthIndex } from './months';
import type { Snapshot } from './types';
import { sameSheetName } from '../sheet/grid';
import type { EngineError } from '../result';
import type { CellInput } from '../types';
import { parseSnapshotRows } from './snapshotRows';

/** Where the published figures of a comparison came from. */
export type BaselineKind =
  | { kind: 'snapshot'; publishedAt: string; month: string; sheetName: string }
  | { kind: 'sheet'; sheetName: string; month: string }
  | { kind: 'file'; fileName: string; sheetName: string; month: string };

export interface Baseline {
  source: BaselineKind;
  snapshot: Snapshot;
}

/** A sheet as read for a baseline: its name and the scorecard tables found on it. */
export interface ReadSheet {
  sheetName: string;
  tables: readonly ScorecardTable[];
}

function before(month: string, currentMonth: string): boolean {
  const m = monthIndex(month);
  const c = monthIndex(currentMonth);
  return m !== null && c !== null && m < c;
}

/**
 * The snapshot published last before `currentMonth`: the newest earlier reporting month,
 * and of that month the latest publication. A month the analyst did not publish is skipped
 * over: what was published last is what readers saw.
 *
 * @example latestSnapshotBefore([nov, dec], 'Jan-21')?.reportingMonth // 'Dec-20'
 */
export function latestSnapshotBefore(snapshots: readonly Snapshot[], currentMonth: string): Snapshot | null {
  let best: Snapshot | null = null;
  for (const s of snapshots) {
    if (!before(s.reportingMonth, currentMonth)) continue;
    if (best === null) {
      best = s;
      continue;
    }
    const d = (monthIndex(s.reportingMonth) ?? 0) - (monthIndex(best.reportingMonth) ?? 0);
    if (d > 0 || (d === 0 && s.publishedAt > best.publishedAt)) best = s;
  }
  return best;
}

/**
 * Sheet names that name a month before `currentMonth` (`Dec-20`, `December 2020`), newest
 * first: the sheets worth reading first when looking for last month's report.
 *
 * @example sheetsNamedBefore(['Nov-20', 'Dec-20', 'Jan-21', 'Notes'], 'Jan-21') // ['Dec-20', 'Nov-20']
 */
export function sheetsNamedBefore(sheetNames: readonly string[], currentMonth: string): string[] {
  return sheetNames
    .filter((n) => before(n, currentMonth))
    .sort((a, b) => (monthIndex(b) ?? 0) - (monthIndex(a) ?? 0));
}

/**
 * The sheet whose tables report the newest month before `currentMonth` (found by the
 * month headers, whatever the sheet is called), as a snapshot; null when there is none.
 * The sheet being reviewed is never its own baseline (`currentSheet` null: it is in another workbook).
 *
 * @example previousSheetSnapshot([dec, jan], 'Jan-21', 'Jan-21', meta)?.sheetName // 'Dec-20'
 */
export function previousSheetSnapshot(
  sheets: readonly ReadSheet[],
  currentSheet: string | null,
  currentMonth: string,
  meta: PublishMeta,
): Snapshot | null {
  const best = newestSheetBefore(
    sheets.map((sheet) => ({ sheetName: sheet.sheetName, month: newestMonth(sheet.tables), sheet })),
    currentSheet,
    currentMonth,
  );
  return best === null ? null : snapshotFromTables(best.sheet.tables, meta);
}

/**
 * `previousSheetSnapshot`'s choice of sheet, from each sheet's newest reporting month
 * (`newestMonth` of its tables; null: no tables): the first sheet of the newest month
 * before `currentMonth`, never `currentSheet`. For an adapter that keeps each sheet's
 * snapshot rather than its tables while it waits for the month.
 *
 * @example newestSheetBefore([{ sheetName: 'A', month: 'Nov-20' }, { sheetName: 'B', month: 'Dec-20' }], null, 'Jan-21')?.sheetName // 'B'
 */
export function newestSheetBefore<T extends { sheetName: string; month: string | null }>(sheets: readonly T[], currentSheet: string | null, currentMonth: string): T | null {
  let best: { sheet: T; month: number } | null = null;
  for (const sheet of sheets) {
    if ((currentSheet !== null && sameSheetName(sheet.sheetName, currentSheet)) || sheet.month === null) continue;
    if (!before(sheet.month, currentMonth)) continue;
    const month = monthIndex(sheet.month) ?? 0;
    if (best === null || month > best.month) best = { sheet, month };
  }
  return best === null ? null : best.sheet;
}

/** The stored publications' part of the baseline choice: the snapshot that serves, or why none could be read. */
export interface StoredBaseline {
  baseline: Baseline | null;
  /** The stored snapshots could not be read: the choice falls back to the sheets, and the adapter says so. */
  damaged: EngineError | null;
}

/**
 * The first half of the baseline choice, from the published-figures sheet's values from A1
 * (`null`: the workbook has none): the snapshot published last before `currentMonth`. A
 * damaged table is not a baseline and not the end of the search: `damaged` says why, and
 * `chooseBaseline` goes on to the sheets. An adapter reads sheets only when `baseline` is null.
 *
 * @example storedBaseline(null, 'Jan-21') // { baseline: null, damaged: null }
 */
export function storedBaseline(values: CellInput[][] | null, currentMonth: string): StoredBaseline {
  if (values === null || values.length === 0) return { baseline: null, damaged: null };
  const parsed = parseSnapshotRows(values);
  if (!parsed.ok) return { baseline: null, damaged: parsed.error };
  const snap = latestSnapshotBefore(parsed.value, currentMonth);
  if (!snap) return { baseline: null, damaged: null };
  return { baseline: { source: { kind: 'snapshot', publishedAt: snap.publishedAt, month: snap.reportingMonth, sheetName: snap.sheetName }, snapshot: snap }, damaged: null };
}

/** The published figures a comparison uses, and why a better source was passed over. */
export interface BaselineChoice {
  baseline: Baseline | null;
  /** Set when stored snapshots exist but cannot be read. */
  damaged: EngineError | null;
}

/**
 * Which baseline a comparison uses, for every adapter (the pane's Revisions view and
 * Format count, `scorecard revisions` and `scorecard format --previous`): the snapshot
 * stored when the previous month was published, else the sheet whose month headers report
 * the newest month before `currentMonth` (`previousSheetSnapshot`; `currentSheet` null when
 * the sheets come from another file, so none is excluded by name). `sheets` are the sheets
 * the adapter read (none needed when `stored.baseline` serves); `meta` dates a sheet's figures.
 *
 * @example chooseBaseline(storedBaseline(null, 'Jan-21'), [dec], { sheet: 'Jan-21', month: 'Jan-21' }, meta).baseline?.source.kind // 'sheet'
 */
export function chooseBaseline(
  stored: StoredBaseline,
  sheets: readonly ReadSheet[],
  current: { sheet: string | null; month: string },
  meta: PublishMeta,
): BaselineChoice {
  if (stored.baseline) return { baseline: stored.baseline, damaged: null };
  return sheetBaseline(stored, previousSheetSnapshot(sheets, current.sheet, current.month, meta));
}

/**
 * `chooseBaseline` when the stored snapshots do not serve (`stored.baseline` null): the
 * previous sheet's snapshot (`newestSheetBefore`'s sheet; null: none) as the baseline.
 */
export function sheetBaseline(stored: StoredBaseline, snap: Snapshot | null): BaselineChoice {
  return {
    baseline: snap ? { source: { kind: 'sheet', sheetName: snap.sheetName, month: snap.reportingMonth }, snapshot: snap } : null,
    damaged: stored.damaged,
  };
}
