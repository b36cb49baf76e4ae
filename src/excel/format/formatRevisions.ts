import { storedBaseline } from '../../domain/revisions/baseline';
import { findRevisions, newestMonth } from '../../domain/revisions/figures';
import { hasRecordHeader } from '../../domain/revisions/recordTable';
import { SNAPSHOT_TABLE } from '../../domain/revisions/snapshotRows';
import type { Snapshot } from '../../domain/revisions/types';
import type { ScorecardTable } from '../../domain/sheet/scorecard';
import type { Outcome } from '../../port/api';
import type { AfterWrite } from './applyFormatPlan';
import type { Grid } from '../../domain/sheet/grid';
import { isOfficeError } from '../io/officeErrors';
import { readGrid } from '../io/readGrid';
import { findSheet, gridOf, queueGrid, readSheets, valuesFromA1, type QueuedGrid, type SheetInfo } from '../revisions/revisionsRead';
import { baselineCandidates, chosenBaseline, recordSheet } from '../revisions/revisionsState';

/** Format's count of revised figures: loads ride in Format's clean-up trip, the result comes after it. */
export interface RevisionCount extends AfterWrite {
  /** The count, once the clean-up trip ran; one more round trip only when the stored snapshots had none before this month. */
  finish(context: Excel.RequestContext): Promise<Outcome<number>>;
}

export interface RevisionCountInput {
  /** Every sheet, as Format's read found them. */
  sheets: readonly SheetInfo[];
  activeName: string;
  /** The active sheet's tables, from Format's read: the engine is not run on it again. */
  tables: readonly ScorecardTable[];
  /** A baseline the reviewer picked (a previous month's file): nothing to read. */
  picked?: Snapshot;
  now: string;
}

/** The grid of a queued read, or null when its loads never arrived (the clean-up's response was refused). */
function arrived(queued: QueuedGrid): Grid | null {
  try {
    return gridOf(queued);
  } catch (e) {
    if (isOfficeError(e) && e.code === 'PropertyNotLoaded') return null;
    throw e;
  }
}

/**
 * How many figures were revised since last published, for Format's summary, without a
 * second read of the sheet: the tables come from Format's one read, and the baseline (the
 * stored snapshot sheet when there is one, else the sheets that may be last month's) is
 * loaded in the clean-up trip Format makes anyway.
 *
 * @example
 * const count = revisionCount({ sheets, activeName: 'Dec-20', tables, now });
 * await applyFormatPlan(context, plan, { expected: grid, state, afterWrite: count });
 * const revised = await count.finish(context); // { ok: true, value: 3 }
 */
export function revisionCount(input: RevisionCountInput): RevisionCount {
  const month = newestMonth(input.tables) ?? '';
  const published = findSheet(input.sheets, SNAPSHOT_TABLE.sheetName);
  const candidates = baselineCandidates(input.sheets, input.activeName, month);
  const count = (snapshot: Snapshot | null): Outcome<number> => ({ ok: true, value: snapshot ? findRevisions(snapshot, input.tables).length : 0 });
  let pending: Array<[string, QueuedGrid]> = [];
  return {
    queue(context) {
      if (input.picked) return;
      const names = published ? [published.name] : candidates;
      const what = published ? 'values' : 'full';
      pending = names.map((name) => [name, queueGrid(context.workbook.worksheets.getItem(name), what)]);
    },
    async finish(context) {
      if (input.picked) return count(input.picked);
      const grids = new Map<string, Grid>();
      // Read again, in row bands where needed, what the clean-up trip could not return.
      for (const [name, queued] of pending) grids.set(name, arrived(queued) ?? (await readGrid(context, { kind: 'name', name })));
      // The domain's baseline choice (as the Revisions view's): a usable publication before this
      // month, else last month's sheet, read only when no stored snapshot serves.
      const record = published ? recordSheet(input.sheets, grids, SNAPSHOT_TABLE.sheetName, (g) => hasRecordHeader(SNAPSHOT_TABLE, valuesFromA1(g))) : null;
      const stored = storedBaseline(record && record.state !== 'absent' ? valuesFromA1(record.grid) : null, month);
      const sheets = !published ? grids : stored.baseline ? new Map<string, Grid>() : await readSheets(context, candidates);
      return count(chosenBaseline(stored, sheets, input.activeName, month, input.now).baseline?.snapshot ?? null);
    },
  };
}
