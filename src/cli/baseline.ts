import { statSync } from 'node:fs';
import { findRevisions, snapshotFromTables } from '../domain/revisions/figures';
import { monthIndex } from '../domain/revisions/months';
import { parseSnapshotRows, SNAPSHOT_TABLE } from '../domain/revisions/snapshotRows';
import type { Revision, Snapshot } from '../domain/revisions/types';
import { readScorecard } from '../domain/sheet/readScorecard';
import type { ScorecardTable } from '../domain/sheet/scorecard';
import type { DotConvention } from '../domain/types';
import type { XlsxWorkbook } from '../xlsx/package/workbook';
import { gridOf } from '../xlsx/read';
import { fail, type CliResult } from './files';
import { loadWorkbook, xlsxFailure } from './load';
import { cliMessages, EXIT } from './messages';

export interface Baseline {
  snapshot: Snapshot;
  /** Where it came from, for the summary: the add-in's stored snapshot or a sheet. */
  source: 'stored snapshot' | 'sheet';
  /** Why a stored snapshot was not used (damaged), so nothing is ignored silently. */
  warnings: string[];
}

/**
 * What a published workbook showed: the snapshot the add-in stored when it was published
 * (hidden `PERF Published` sheet), else the figures of its newest scorecard sheet older
 * than `before` (the month being reviewed), read as the reviewer saw them.
 */
export function loadBaseline(path: string, convention: DotConvention, before: string | null): CliResult<Baseline> {
  const loaded = loadWorkbook(path);
  if (!loaded.ok) return loaded;
  const workbook = loaded.value;
  const stored = storedSnapshot(workbook, before);
  if (stored.snapshot) return { ok: true, value: { snapshot: stored.snapshot, source: 'stored snapshot', warnings: [] } };

  let best: { tables: ScorecardTable[]; month: number } | null = null;
  const limit = before === null ? Infinity : (monthIndex(before) ?? Infinity);
  for (const ws of workbook.sheets) {
    if (ws.state !== 'visible') continue;
    const grid = gridOf(workbook, ws.name, path);
    if (!grid.ok) return { ok: false, error: xlsxFailure(grid.error) };
    const read = readScorecard(grid.value, { convention });
    if (!read.ok || read.value.length === 0) continue;
    const month = monthIndex(read.value[0]!.reportingMonth.label) ?? -Infinity;
    // A published workbook may hold this month's sheet too: the baseline is an older month.
    const usable = month < limit || limit === Infinity;
    if (usable && (best === null || month > best.month)) best = { tables: read.value, month };
  }
  if (!best) return fail(EXIT.noTable, cliMessages.noPreviousTable(path, before));
  const publishedAt = statSync(path).mtime.toISOString();
  return { ok: true, value: { snapshot: snapshotFromTables(best.tables, { publishedAt }), source: 'sheet', warnings: stored.warnings } };
}

function storedSnapshot(workbook: XlsxWorkbook, before: string | null): { snapshot: Snapshot | null; warnings: string[] } {
  const ws = workbook.sheets.find((w) => w.name === SNAPSHOT_TABLE.sheetName);
  if (!ws) return { snapshot: null, warnings: [] };
  const read = gridOf(workbook, ws.name);
  if (!read.ok) return { snapshot: null, warnings: [cliMessages.storedSnapshotDamaged(SNAPSHOT_TABLE.sheetName, read.error.message)] };
  const grid = read.value;
  // The record table starts at A1; a grid that starts elsewhere has lost its header.
  const parsed = grid.top === 0 && grid.left === 0 ? parseSnapshotRows(grid.values) : null;
  if (!parsed || !parsed.ok) {
    return { snapshot: null, warnings: [cliMessages.storedSnapshotDamaged(SNAPSHOT_TABLE.sheetName, parsed && !parsed.ok ? parsed.error.message : 'the table does not start at A1')] };
  }
  const limit = before === null ? Infinity : (monthIndex(before) ?? Infinity);
  const candidates = parsed.value.filter((s) => (monthIndex(s.reportingMonth) ?? Infinity) < limit || limit === Infinity);
  candidates.sort((a, b) => (monthIndex(b.reportingMonth) ?? 0) - (monthIndex(a.reportingMonth) ?? 0) || b.publishedAt.localeCompare(a.publishedAt));
  return { snapshot: candidates[0] ?? null, warnings: [] };
}

export function revisionsAgainst(baseline: Baseline, tables: readonly ScorecardTable[]): Revision[] {
  return findRevisions(baseline.snapshot, tables);
}
