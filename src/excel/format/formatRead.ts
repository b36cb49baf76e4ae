import type { Grid } from '../../domain/sheet/grid';
import { queueFormatState, type FormatState } from './formatState';
import { isResponseTooLarge, queueGridRead, readInBands } from '../io/readGrid';

/** Everything Format reads: the active sheet's cells and its state. */
export interface FormatRead {
  grid: Grid;
  state: FormatState;
}

/**
 * Format's one read round trip: the active sheet's used range (values, displayed text,
 * number formats, merged areas where supported) with everything else Format needs to
 * know (see FormatState). Only a sheet whose response Excel refuses as too large (5 MB on
 * the web) is read in row bands, followed by one trip for the state.
 *
 * @example
 * const { grid, state } = await readForFormat(context);
 */
export async function readForFormat(context: Excel.RequestContext): Promise<FormatRead> {
  const build = queueGridRead(context, { kind: 'active' });
  const state = queueFormatState(context, context.workbook.worksheets.getActiveWorksheet());
  try {
    await context.sync();
    return { grid: build().grid, state: state() };
  } catch (e) {
    if (!isResponseTooLarge(e)) throw e;
  }
  const { grid } = await readInBands(context, { kind: 'active' }, false);
  const later = queueFormatState(context, context.workbook.worksheets.getActiveWorksheet());
  await context.sync();
  return { grid, state: later() };
}
