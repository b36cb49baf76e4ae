import type { Grid } from '../../domain/sheet/grid';
import { queueFormatState, type FormatState, type NoteRecord } from './formatState';
import { queueGridRead, readAfterFailure } from '../io/readGrid';

/** Everything Format reads: the active sheet's cells and its state. */
export interface FormatRead {
  grid: Grid;
  state: FormatState;
}

/**
 * Format's one read round trip: the active sheet's used range (values, displayed text,
 * number formats, merged areas where supported) with everything else Format needs to
 * know (see FormatState). Only a sheet whose response Excel refuses as too large (5 MB on
 * the web) is read in row bands, and one with more than 512 merged areas reads those in
 * pieces (readAfterFailure), followed by one trip for the state. `notes`: where the add-in
 * last saw the notes of a sheet, checked by cell address in the same trip (FormatState.notesAt).
 *
 * @example
 * const { grid, state } = await readForFormat(context);
 */
export async function readForFormat(context: Excel.RequestContext, notes: NoteRecord | null = null): Promise<FormatRead> {
  const build = queueGridRead(context, { kind: 'active' });
  const state = queueFormatState(context, context.workbook.worksheets.getActiveWorksheet(), notes);
  let failure: unknown;
  try {
    await context.sync();
    return { grid: build().grid, state: state() };
  } catch (e) {
    failure = e;
  }
  // Too large a response, or more than 512 merged areas: read again (or pass the error on).
  const { grid } = await readAfterFailure(context, { kind: 'active' }, false, failure);
  const later = queueFormatState(context, context.workbook.worksheets.getActiveWorksheet(), notes);
  await context.sync();
  return { grid, state: later() };
}
