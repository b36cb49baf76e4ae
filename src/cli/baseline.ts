import { statSync } from 'node:fs';
import { chooseBaseline, storedBaseline, type ReadSheet } from '../domain/revisions/baseline';
import { findRevisions } from '../domain/revisions/figures';
import { SNAPSHOT_TABLE } from '../domain/revisions/snapshotRows';
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
import { fail, type CliResult } from './files';
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
 * (`valuesGrid`, the same Grid as the editing reader's), one at a time, and only its
 * scorecard tables are kept; nothing of the workbook is referenced once this returns.
 */
export function loadBaseline(path: string, convention: DotConvention, before: string): CliResult<Baseline> {
  const loaded = loadWorkbook(path);
  if (!loaded.ok) return loaded;
  const workbook = loaded.value;
  const values = recordValues(workbook, SNAPSHOT_TABLE.sheetName);
  const stored = values.ok ? storedBaseline(values.value, before) : { baseline: null, damaged: { code: 'damagedRecord' as const, message: values.error.message } };
  const sheets: ReadSheet[] = [];
  if (!stored.baseline) {
    for (const ws of workbook.sheets) {
      if (ws.state !== 'visible') continue;
      const grid = valuesGrid(workbook, ws.name, path);
      if (!grid.ok) return { ok: false, error: xlsxFailure(grid.error) };
      const read = readScorecard(grid.value, { convention });
      if (read.ok && read.value.length > 0) sheets.push({ sheetName: ws.name, tables: read.value });
    }
  }
  // The current sheet is in another file: no sheet of this one is excluded by name.
  const choice = chooseBaseline(stored, sheets, { sheet: null, month: before }, { publishedAt: statSync(path).mtime.toISOString() });
  if (!choice.baseline) return fail(EXIT.noTable, cliMessages.noPreviousTable(path, before));
  const warnings = choice.damaged ? [cliMessages.warning(revisionMessages.baselineDamaged(choice.damaged.message))] : [];
  return { ok: true, value: { snapshot: choice.baseline.snapshot, source: choice.baseline.source.kind === 'snapshot' ? 'stored snapshot' : 'sheet', warnings } };
}

/** `recordSheetValues` of a workbook only read: the record sheet's values from A1, null when there is none. */
function recordValues(wb: XlsxWorkbook, name: string): XlsxResult<CellInput[][] | null> {
  const found = wb.sheets.find((s) => sameSheetName(s.name, name));
  return found ? valuesFromA1(wb, found.name) : ok(null);
}

export function revisionsAgainst(baseline: Baseline, tables: readonly ScorecardTable[]): Revision[] {
  return findRevisions(baseline.snapshot, tables);
}
