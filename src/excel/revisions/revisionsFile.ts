/**
 * Revisions against a previous month's .xlsx the reviewer picks in the pane. The file is
 * read in the pane (nothing is uploaded) by the `WorkbookFileReader` the composition root
 * passes in (src/xlsx behind a dynamic `import()`, so its code is a lazy chunk fetched only
 * when someone picks a file); this adapter never imports src/xlsx itself.
 */
import { previousSheetSnapshot, type ReadSheet } from '../../domain/revisions/baseline';
import { findRevisions } from '../../domain/revisions/figures';
import { revisionMessages as rm } from '../../domain/revisions/messages';
import { withReviews } from '../../domain/revisions/reviews';
import type { Snapshot } from '../../domain/revisions/types';
import type { Grid } from '../../domain/sheet/grid';
import { readScorecard } from '../../domain/sheet/readScorecard';
import type { Outcome, WorkbookFileReader } from '../../port/api';
import { toOutcomeError } from '../io/officeErrors';
import { toView, type LoadedRevisions, type RevisionsOptions } from './revisions';
import { excelMessages as xm, outcomeError } from '../messages';
import { readState, storedReviews } from './revisionsState';

/**
 * The published figures in a picked workbook's grids: the sheet reporting the newest month
 * before `currentMonth` (found by its month headers, whatever the sheets are called).
 *
 * @example snapshotFromGrids(grids, 'Jan-21', 'Dec-20.xlsx', now) // { ok: true, value: { sheetName: 'Dec-20', … } }
 */
export function snapshotFromGrids(grids: readonly Grid[], currentMonth: string, fileName: string, now: string): Outcome<Snapshot> {
  const sheets: ReadSheet[] = [];
  for (const grid of grids) {
    const read = readScorecard(grid);
    if (read.ok) sheets.push({ sheetName: grid.sheetName, tables: read.value });
  }
  // The current sheet is in another workbook: no sheet of the file is excluded by name.
  const snap = previousSheetSnapshot(sheets, '\u0000', currentMonth, { publishedAt: now });
  if (!snap) return { ok: false, error: outcomeError('fileUnreadable', rm.noMonthInFile(fileName)) };
  return { ok: true, value: snap };
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
    const reviews = storedReviews(state.reviews);
    const revisions = findRevisions(snap.value, state.tables);
    return {
      ok: true,
      value: {
        baseline: { kind: 'file', fileName },
        revisions: withReviews(revisions, reviews.ok ? reviews.value : []).map(toView),
        notices: reviews.ok ? [] : [reviews.error.message],
        snapshot: snap.value,
      },
    };
  } catch (e) {
    return { ok: false, error: toOutcomeError(e) };
  }
}
