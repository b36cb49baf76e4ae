import type { ScorecardTable } from '../sheet/scorecard';
import { newestMonth, snapshotFromTables, type PublishMeta } from './figures';
import { monthIndex } from './months';
import type { Snapshot } from './types';
import { sameSheetName } from '../sheet/grid';

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
 * The sheet being reviewed is never its own baseline.
 *
 * @example previousSheetSnapshot([dec, jan], 'Jan-21', 'Jan-21', meta)?.sheetName // 'Dec-20'
 */
export function previousSheetSnapshot(
  sheets: readonly ReadSheet[],
  currentSheet: string,
  currentMonth: string,
  meta: PublishMeta,
): Snapshot | null {
  let best: { sheet: ReadSheet; month: number } | null = null;
  for (const sheet of sheets) {
    if (sameSheetName(sheet.sheetName, currentSheet) || sheet.tables.length === 0) continue;
    const label = newestMonth(sheet.tables);
    if (label === null || !before(label, currentMonth)) continue;
    const month = monthIndex(label) ?? 0;
    if (best === null || month > best.month) best = { sheet, month };
  }
  return best === null ? null : snapshotFromTables(best.sheet.tables, meta);
}
