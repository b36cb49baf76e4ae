import { sameSheetName, type Grid } from '../../domain/sheet/grid';
import type { CellInput } from '../../domain/types';
import { inEngineDates } from '../io/readGrid';

/**
 * Batched reads for the revisions adapter. Each `queue…` function only queues loads and
 * returns a function to call after the ONE `context.sync()` the caller makes, so any
 * number of sheets (or cells) cost one round trip.
 */

export interface SheetInfo {
  name: string;
  visibility: string;
}

function emptyGrid(sheetName: string): Grid {
  return { sheetName, top: 0, left: 0, values: [], text: [], numberFormats: [], merges: [] };
}

/** A worksheet and its used range, loaded but not yet synced. */
export interface QueuedGrid {
  ws: Excel.Worksheet;
  used: Excel.Range;
  what: 'full' | 'values';
}

/**
 * Queue the used range of a worksheet (values, text, formats). Merged areas are not read:
 * revisions match figures by indicator and month, never by header layout.
 */
export function queueGrid(ws: Excel.Worksheet, what: 'full' | 'values' = 'full'): QueuedGrid {
  ws.load('name');
  const used = ws.getUsedRangeOrNullObject(true);
  // Record sheets need values only: a third of the response, which Excel on the web caps at 5 MB.
  if (what === 'full') used.load('values,text,numberFormat,rowIndex,columnIndex');
  else used.load('values,rowIndex,columnIndex');
  return { ws, used, what };
}

/** The Grid of a queued used range, after the sync that loaded it. */
export function gridOf(queued: QueuedGrid): Grid {
  const { ws, used, what } = queued;
  if (used.isNullObject) return emptyGrid(ws.name);
  // Excel reports a blank cell as ''; the engine's blank is null.
  const values = used.values.map((row) => row.map((v: unknown): CellInput => (v === '' ? null : (v as CellInput))));
  const full = what === 'full';
  if (full) {
    return inEngineDates({
      sheetName: ws.name,
      top: used.rowIndex,
      left: used.columnIndex,
      values,
      text: used.text,
      numberFormats: used.numberFormat.map((row) => row.map((f: unknown) => String(f))),
      merges: [],
    });
  }
  return {
    sheetName: ws.name,
    top: used.rowIndex,
    left: used.columnIndex,
    values,
    text: values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v)))),
    numberFormats: values.map((row) => row.map(() => '@')),
    merges: [],
  };
}

/**
 * The active sheet's grid, whether it is protected, and the names (and visibility) of every
 * sheet: one round trip.
 */
export async function readActive(context: Excel.RequestContext): Promise<{ active: Grid; activeProtected: boolean; sheets: SheetInfo[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const ws = sheets.getActiveWorksheet();
  ws.load('protection/protected');
  const active = queueGrid(ws);
  await context.sync();
  return {
    active: gridOf(active),
    activeProtected: ws.protection.protected,
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) })),
  };
}

/**
 * The grids of the named sheets, which must exist (names from `readActive`): one round
 * trip, none when there is nothing to read.
 */
export async function readSheets(context: Excel.RequestContext, names: readonly string[], what: 'full' | 'values' = 'full'): Promise<Map<string, Grid>> {
  const out = new Map<string, Grid>();
  if (names.length === 0) return out;
  const pending = names.map((name) => [name, queueGrid(context.workbook.worksheets.getItem(name), what)] as const);
  await context.sync();
  for (const [name, queued] of pending) out.set(name, gridOf(queued));
  return out;
}

/** Whether a sheet of that name is in the list (Excel matches sheet names case-insensitively). */
export function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  return sheets.find((s) => sameSheetName(s.name, name));
}

/** The values of a record sheet from A1, as the domain parsers want them. */
export function valuesFromA1(grid: Grid): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let r = 0; r < grid.top; r++) rows.push([]);
  for (const row of grid.values) rows.push([...Array<CellInput>(grid.left).fill(null), ...row]);
  return rows;
}
