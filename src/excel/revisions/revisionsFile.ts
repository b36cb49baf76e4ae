/**
 * Revisions against a previous month's .xlsx the reviewer picks in the pane. The file is
 * read in the pane (nothing is uploaded) by the `WorkbookFileReader` the composition root
 * passes in (src/xlsx behind a dynamic `import()`, so its code is a lazy chunk fetched only
 * when someone picks a file); this adapter never imports src/xlsx itself.
 */
import { chooseBaseline, storedBaseline, type ReadSheet } from '../../domain/revisions/baseline';
import { SNAPSHOT_TABLE } from '../../domain/revisions/snapshotRows';
import { findRevisions } from '../../domain/revisions/figures';
import { revisionMessages as rm } from '../../domain/revisions/messages';
import { withReviews } from '../../domain/revisions/reviews';
import type { Snapshot } from '../../domain/revisions/types';
import { sameSheetName, type Grid } from '../../domain/sheet/grid';
import { readScorecard } from '../../domain/sheet/readScorecard';
import type { Outcome, WorkbookFileReader } from '../../port/api';
import { toOutcomeError } from '../io/officeErrors';
import { toView, type LoadedRevisions, type RevisionsOptions } from './revisions';
import { excelMessages as xm, outcomeError } from '../messages';
import { readState, reviewsForView } from './revisionsState';
import { valuesFromA1 } from './revisionsRead';

/**
 * The published figures in a picked workbook's grids, chosen as `scorecard revisions` chooses
 * them from the same file (`chooseBaseline`): the snapshot the add-in stored there when it was
 * published, else the sheet reporting the newest month before `currentMonth` (found by its
 * month headers, whatever the sheets are called). A damaged stored snapshot is said, not used.
 *
 * @example snapshotFromGrids(grids, 'Jan-21', 'Dec-20.xlsx', now) // { ok: true, value: { snapshot: { sheetName: 'Dec-20', … }, notices: [] } }
 */
export function snapshotFromGrids(grids: readonly Grid[], currentMonth: string, fileName: string, now: string): Outcome<{ snapshot: Snapshot; notices: string[] }> {
  const published = grids.find((g) => sameSheetName(g.sheetName, SNAPSHOT_TABLE.sheetName));
  const stored = storedBaseline(published ? valuesFromA1(published) : null, currentMonth);
  const sheets: ReadSheet[] = [];
  for (const grid of stored.baseline ? [] : grids) {
    const read = readScorecard(grid);
    if (read.ok) sheets.push({ sheetName: grid.sheetName, tables: read.value });
  }
  // The current sheet is in another workbook: no sheet of the file is excluded by name.
  const choice = chooseBaseline(stored, sheets, { sheet: null, month: currentMonth }, { publishedAt: now });
  if (!choice.baseline) return { ok: false, error: outcomeError('fileUnreadable', rm.noMonthInFile(fileName)) };
  return { ok: true, value: { snapshot: choice.baseline.snapshot, notices: choice.damaged ? [rm.baselineDamaged(choice.damaged.message)] : [] } };
}

/**
 * Revisions of the active sheet against a picked .xlsx (last month's published workbook).
 * Two round trips to the workbook; the file is parsed locally.
 *
 * @example await compareWithFile(context, 'Dec-20.xlsx', await file.arrayBuffer(), readFile)
 */
export async function compareWithFile(
  context: Excel.RequestContext,
  fileName: string,
  data: ArrayBuffer | Uint8Array,
  readFile: WorkbookFileReader,
  options: RevisionsOptions = {},
): Promise<Outcome<LoadedRevisions>> {
  try {
    const grids = await readFile(data, fileName);
    if (!grids.ok) return { ok: false, error: outcomeError('fileUnreadable', xm.fileUnreadable(grids.error.message)) };
    const read = await readState(context);
    if (!read.ok) return read;
    const state = read.value;
    const snap = snapshotFromGrids(grids.value, state.reportingMonth, fileName, options.now ?? new Date().toISOString());
    if (!snap.ok) return snap;
    const reviews = reviewsForView(state.reviews);
    const revisions = findRevisions(snap.value.snapshot, state.tables);
    return {
      ok: true,
      value: {
        baseline: { kind: 'file', fileName },
        revisions: withReviews(revisions, reviews.records).map(toView),
        notices: [...snap.value.notices, ...reviews.notices],
        snapshot: snap.value.snapshot,
      },
    };
  } catch (e) {
    return { ok: false, error: toOutcomeError(e) };
  }
}
