import { in1900Serials, shows1904Dates } from '../../domain/sheet/dateSystem';
import { boxOfAddress, type CellBox, type Grid } from '../../domain/sheet/grid';
import type { CellInput } from '../../domain/types';
import { isOfficeError } from './officeErrors';
import { excelApiSupported } from './run';

/** Where to read: the active sheet, or a sheet by name. */
export type SheetRef = { kind: 'active' } | { kind: 'name'; name: string };

/** Merged areas need ExcelApi 1.13; older hosts read without them (headers still detected by text). */
function mergesSupported(): boolean {
  return typeof Office !== 'undefined' && excelApiSupported(13);
}

function worksheetOf(context: Excel.RequestContext, sheet: SheetRef): Excel.Worksheet {
  return sheet.kind === 'active' ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet.name);
}

/** The A1 parser is the domain's (one for both adapters); re-exported for this adapter's callers. */
export { boxOfAddress };

/** Excel gives '' for a blank cell; the Grid contract says null. */
function cellInput(v: unknown): CellInput {
  return v === '' ? null : (v as CellInput);
}

/** Merged areas from `RangeAreas.address` (`Sheet1!A1:B2,Sheet1!C3:D3`), after the sync. */
function mergesOf(merged: Excel.RangeAreas | null): CellBox[] {
  const merges: CellBox[] = [];
  if (!merged || merged.isNullObject) return merges;
  for (const part of merged.address.split(',')) {
    const box = boxOfAddress(part);
    if (box) merges.push(box);
  }
  return merges;
}

/**
 * Range.getMergedAreasOrNullObject "will fail to return the result" when the range holds
 * more than 512 merged areas (@types/office-js). A range of at most this many cells cannot.
 */
const MERGED_AREAS_LIMIT = 512;

function cellsOf(b: CellBox): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/** Two halves of a box: by rows while it has more than one, else by columns. */
function halves(b: CellBox): CellBox[] {
  if (b.bottom > b.top) {
    const mid = Math.floor((b.top + b.bottom) / 2);
    return [{ ...b, bottom: mid }, { ...b, top: mid + 1 }];
  }
  const mid = Math.floor((b.left + b.right) / 2);
  return [{ ...b, right: mid }, { ...b, left: mid + 1 }];
}

/**
 * The merged areas of `box`, for a sheet whose one-call read failed (more than 512 merged
 * areas, e.g. an indicator name merged across columns on every row). Every piece is asked in
 * one sync; if that fails, the pieces larger than 512 cells are halved and all asked again,
 * so the round trips grow with log2(cells / 512), never with the number of merges. An area
 * spanning two pieces is returned by both and kept once. When no piece can be halved any
 * more, the failure was not about merged areas and is passed on.
 */
async function readMergesInPieces(context: Excel.RequestContext, ws: Excel.Worksheet, box: CellBox): Promise<CellBox[]> {
  let pieces = [box];
  for (;;) {
    const queued = pieces.map((p) => {
      const merged = ws.getRangeByIndexes(p.top, p.left, p.bottom - p.top + 1, p.right - p.left + 1).getMergedAreasOrNullObject();
      merged.load('address');
      return merged;
    });
    try {
      // One round trip per halving: bounded by the sheet's size (see above).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (pieces.every((p) => cellsOf(p) <= MERGED_AREAS_LIMIT)) throw e;
      pieces = pieces.flatMap((p) => (cellsOf(p) > MERGED_AREAS_LIMIT ? halves(p) : [p]));
      continue;
    }
    const seen = new Map<string, CellBox>();
    for (const merged of queued) for (const m of mergesOf(merged)) seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
    return [...seen.values()];
  }
}

/** The used range's box from a read grid (after the sync). */
function gridBox(grid: Grid): CellBox | null {
  const rows = grid.values.length;
  const cols = rows > 0 ? grid.values[0].length : 0;
  return rows > 0 && cols > 0 ? { top: grid.top, left: grid.left, bottom: grid.top + rows - 1, right: grid.left + cols - 1 } : null;
}

/** Excel's displayed text of a cell that holds no number: the text itself, TRUE/FALSE, or nothing. */
function shownText(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v === null || v === undefined ? '' : String(v);
}

/**
 * The grid with its dates as 1900 serials when the workbook stores them in the 1904 date
 * system. Office.js has no property saying which system a workbook uses (none in
 * @types/office-js) and `Range.values` gives the serial as stored, so the system is told by
 * what Excel displays: month headers' text against their values (shows1904Dates).
 */
export function inEngineDates(grid: Grid): Grid {
  return shows1904Dates(grid.values, grid.text, grid.numberFormats) ? in1900Serials(grid) : grid;
}

/** Where the used range's numbers are: constants and formula results, each a RangeAreas (null when none). */
type NumberAreas = Excel.RangeAreas[];

/**
 * Queues, for the cells of `used` holding a number, their displayed text and number format:
 * the only cells whose text and format the engine reads (a number's format or text says
 * percent and decimals; a date's format makes it a month). `getSpecialCellsOrNullObject`
 * (ExcelApi 1.9) with `Numbers` selects them, for constants and formulas separately; each
 * area comes back with its position and its arrays only. Asked of `getUsedRange` (A1 on a
 * blank sheet, never a null object: @types/office-js), the same cells as the used range
 * the grid reads, so nothing is called on a null object.
 */
function queueNumberDetail(ws: Excel.Worksheet): NumberAreas {
  const used = ws.getUsedRange(true);
  return (['Constants', 'Formulas'] as const).map((type) => {
    const areas = used.getSpecialCellsOrNullObject(type, 'Numbers');
    // isNullObject comes with any load; the area count is the smallest thing to load.
    areas.load('areaCount');
    areas.areas.load('items/rowIndex,items/columnIndex,items/text,items/numberFormat');
    return areas;
  });
}

/**
 * The text and number-format arrays of the used range from its values and the number
 * areas (after the sync): a cell without a number shows its value (Excel's text of text is
 * the text; TRUE/FALSE; blank) and has its format set to 'General', which the engine never
 * reads for anything but a number.
 */
function detailFromNumbers(used: Excel.Range, values: unknown[][], numbers: NumberAreas): { text: string[][]; numberFormats: string[][] } {
  const text = values.map((row) => row.map(shownText));
  const numberFormats = values.map((row) => row.map(() => 'General'));
  for (const areas of numbers) {
    if (areas.isNullObject) continue;
    for (const area of areas.areas.items) {
      const top = area.rowIndex - used.rowIndex;
      const left = area.columnIndex - used.columnIndex;
      area.text.forEach((row, i) => row.forEach((t, j) => (text[top + i][left + j] = t)));
      area.numberFormat.forEach((row, i) => row.forEach((f: unknown, j) => (numberFormats[top + i][left + j] = String(f))));
    }
  }
  return { text, numberFormats };
}

/**
 * Queues the read of a sheet's used range (values, displayed text, number formats, merged
 * areas where supported, and formulas when asked); the returned function builds the Grid
 * after the caller's sync. Lets a caller fold the read into a round trip it makes anyway.
 *
 * Without formulas (Format, its preview, the summary) the text and number formats come
 * only for the cells holding a number (queueNumberDetail), not for every cell: they are
 * the only ones the engine reads them for, and a 5,000-row, 24-month sheet then answers in
 * about three quarters of Excel on the web's 5 MB response limit instead of all of it. With
 * formulas (roll-forward, which moves cells as they are) every cell's are read.
 */
export function queueGridRead(
  context: Excel.RequestContext,
  sheet: SheetRef,
  options: { formulas?: boolean; merges?: boolean } = {},
): () => { grid: Grid; formulas: unknown[][] | null } {
  const ws = worksheetOf(context, sheet);
  ws.load('name');
  // valuesOnly: cells that only carry formatting do not stretch the grid.
  const used = ws.getUsedRangeOrNullObject(true);
  const numbersOnly = !options.formulas && excelApiSupported(9);
  if (numbersOnly) used.load('values,rowIndex,columnIndex');
  else used.load('values,text,numberFormat,rowIndex,columnIndex');
  if (options.formulas) used.load('formulas');
  const numbers = numbersOnly ? queueNumberDetail(ws) : [];
  let merged: Excel.RangeAreas | null = null;
  if (options.merges !== false && mergesSupported()) {
    merged = used.getMergedAreasOrNullObject();
    merged.load('address');
  }
  // The static office-addins rules cannot see that the caller syncs before calling this.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return () => {
    if (used.isNullObject) {
      return { grid: { sheetName: ws.name, top: 0, left: 0, values: [], text: [], numberFormats: [], merges: [] }, formulas: options.formulas ? [] : null };
    }
    const detail = numbersOnly
      ? detailFromNumbers(used, used.values, numbers)
      : { text: used.text, numberFormats: used.numberFormat.map((row) => row.map((f: unknown) => String(f))) };
    const grid: Grid = {
      sheetName: ws.name,
      top: used.rowIndex,
      left: used.columnIndex,
      values: used.values.map((row) => row.map(cellInput)),
      text: detail.text,
      numberFormats: detail.numberFormats,
      merges: mergesOf(merged),
    };
    return { grid: inEngineDates(grid), formulas: options.formulas ? used.formulas : null };
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

/** Rough response size per cell for values + text + number format (+ formulas): to size bands. */
const BYTES_PER_CELL = 64;
/** Response budget per band, well under Excel on the web's 5 MB. */
const BAND_BYTES = 2 * 1024 * 1024;

export function isResponseTooLarge(e: unknown): boolean {
  return isOfficeError(e) && e.code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * The used range read in row bands, one round trip each: only for a sheet whose one-sync
 * read Excel refused as too large. A band that is still too large is halved.
 */
export async function readInBands(context: Excel.RequestContext, sheet: SheetRef, formulas: boolean): Promise<{ grid: Grid; formulas: unknown[][] }> {
  const ws = worksheetOf(context, sheet);
  ws.load('name');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return { grid: { sheetName: ws.name, top: 0, left: 0, values: [], text: [], numberFormats: [], merges: [] }, formulas: [] };
  const box = { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 };
  // Usually one round trip for the whole used range; halved only above 512 merged areas.
  const merges = mergesSupported() ? await readMergesInPieces(context, ws, box) : [];
  const grid: Grid = { sheetName: ws.name, top: used.rowIndex, left: used.columnIndex, values: [], text: [], numberFormats: [], merges };
  const allFormulas: unknown[][] = [];
  let band = Math.max(1, Math.floor(BAND_BYTES / (BYTES_PER_CELL * used.columnCount)));
  for (let start = 0; start < used.rowCount; ) {
    const rows = Math.min(band, used.rowCount - start);
    const range = ws.getRangeByIndexes(used.rowIndex + start, used.columnIndex, rows, used.columnCount);
    range.load('values,text,numberFormat');
    if (formulas) range.load('formulas');
    try {
      // One round trip per band: the count grows with the sheet's size, never per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e) || rows === 1) throw e;
      band = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    grid.values.push(...range.values.map((row) => row.map(cellInput)));
    grid.text.push(...range.text);
    grid.numberFormats.push(...range.numberFormat.map((row) => row.map((f: unknown) => String(f))));
    if (formulas) allFormulas.push(...range.formulas);
    start += rows;
  }
  return { grid: inEngineDates(grid), formulas: allFormulas };
}

/**
 * The read again after its one-sync attempt failed with `error`: in row bands when Excel
 * refused the response as too large; else, where merged areas are read, without them and
 * then with them in pieces, because Excel fails the whole batch when the used range holds
 * more than 512 merged areas (Range.getMergedAreasOrNullObject, @types/office-js) and its
 * error does not say so. If the read without them fails too, the failure was something else
 * (a sheet deleted, cell-edit mode) and that error is thrown, as is `error` on a host that
 * reads no merged areas. Costs round trips only on that failure, never on an ordinary sheet.
 */
export async function readAfterFailure(context: Excel.RequestContext, sheet: SheetRef, formulas: boolean, error: unknown): Promise<{ grid: Grid; formulas: unknown[][] }> {
  if (isResponseTooLarge(error)) return readInBands(context, sheet, formulas);
  if (!mergesSupported()) throw error;
  const build = queueGridRead(context, sheet, { formulas, merges: false });
  try {
    await context.sync();
  } catch (e) {
    if (isResponseTooLarge(e)) return readInBands(context, sheet, formulas);
    throw e;
  }
  const read = build();
  const box = gridBox(read.grid);
  const merges = box ? await readMergesInPieces(context, worksheetOf(context, sheet), box) : [];
  return { grid: { ...read.grid, merges }, formulas: read.formulas ?? [] };
}

/**
 * Reads a sheet's used range into a Grid: values, displayed text and number formats (and
 * merged areas where supported) in ONE round trip. An empty sheet gives an empty grid. A
 * sheet too large for one response (Excel on the web caps responses at 5 MB) is read in
 * row bands instead, and one with more than 512 merged areas reads them in pieces
 * (readAfterFailure).
 *
 * @example
 * const grid = await readGrid(context); // the active sheet
 * grid.text[3][6] // 'Oct-20'
 */
export async function readGrid(context: Excel.RequestContext, sheet: SheetRef = { kind: 'active' }): Promise<Grid> {
  const build = queueGridRead(context, sheet);
  try {
    await context.sync();
  } catch (e) {
    return (await readAfterFailure(context, sheet, false, e)).grid;
  }
  return build().grid;
}

/** As readGrid, with the formulas of the used range too (what roll-forward moves). */
export async function readGridAndFormulas(context: Excel.RequestContext, sheet: SheetRef = { kind: 'active' }): Promise<{ grid: Grid; formulas: unknown[][] }> {
  const build = queueGridRead(context, sheet, { formulas: true });
  try {
    await context.sync();
  } catch (e) {
    return readAfterFailure(context, sheet, true, e);
  }
  const read = build();
  return { grid: read.grid, formulas: read.formulas ?? [] };
}
