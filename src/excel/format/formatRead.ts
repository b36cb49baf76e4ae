import type { Grid } from '../../domain/sheet/grid';
import { queueFormatState, type FormatState } from './formatState';
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
 * pieces (readAfterFailure), followed by one trip for the state.
 *
 * @example
 * const { grid, state } = await readForFormat(context);
 */
export async function readForFormat(context: Excel.RequestContext): Promise<FormatRead> {
  const build = queueGridRead(context, { kind: 'active' });
  const state = queueFormatState(context, context.workbook.worksheets.getActiveWorksheet());
  let failure: unknown;
  try {
    await context.sync();
    return { grid: build().grid, state: state() };
  } catch (e) {
    failure = e;
  }
  // Too large a response, or more than 512 merged areas: read again (or pass the error on).
  const { grid } = await readAfterFailure(context, { kind: 'active' }, false, failure);
  const later = queueFormatState(context, context.workbook.worksheets.getActiveWorksheet());
  await context.sync();
  return { grid, state: later() };
}
