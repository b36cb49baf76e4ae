import type { CellBox, Grid } from '../domain/sheet/grid';
import type { CellInput } from '../domain/types';
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

/** Parses `Sheet1!B5:H9` (as range.address returns it) into a 0-based box. */
export function boxOfAddress(address: string): CellBox | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(local);
  if (!m) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

/**
 * Queues the read of a sheet's used range (values, displayed text, number formats, merged
 * areas where supported, and formulas when asked); the returned function builds the Grid
 * after the caller's sync. Lets a caller fold the read into a round trip it makes anyway.
 */
export function queueGridRead(context: Excel.RequestContext, sheet: SheetRef, options: { formulas?: boolean } = {}): () => { grid: Grid; formulas: unknown[][] | null } {
  const ws = worksheetOf(context, sheet);
  ws.load('name');
  // valuesOnly: cells that only carry formatting do not stretch the grid.
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,text,numberFormat,rowIndex,columnIndex');
  if (options.formulas) used.load('formulas');
  let merged: Excel.RangeAreas | null = null;
  if (mergesSupported()) {
    merged = used.getMergedAreasOrNullObject();
    merged.load('address');
  }
  // The static office-addins rules cannot see that the caller syncs before calling this.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return () => {
    if (used.isNullObject) {
      return { grid: { sheetName: ws.name, top: 0, left: 0, values: [], text: [], numberFormats: [], merges: [] }, formulas: options.formulas ? [] : null };
    }
    const merges: CellBox[] = [];
    if (merged && !merged.isNullObject) {
      for (const part of merged.address.split(',')) {
        const box = boxOfAddress(part);
        if (box) merges.push(box);
      }
    }
    const grid: Grid = {
      sheetName: ws.name,
      top: used.rowIndex,
      left: used.columnIndex,
      // Excel gives '' for a blank cell; the Grid contract says null.
      values: used.values.map((row) => row.map((v: unknown): CellInput => (v === '' ? null : (v as CellInput)))),
      text: used.text,
      numberFormats: used.numberFormat.map((row) => row.map((f: unknown) => String(f))),
      merges,
    };
    return { grid, formulas: options.formulas ? used.formulas : null };
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

/**
 * Reads a sheet's used range into a Grid: values, displayed text and number formats (and
 * merged areas where supported) in ONE round trip. An empty sheet gives an empty grid.
 *
 * @example
 * const grid = await readGrid(context); // the active sheet
 * grid.text[3][6] // 'Oct-20'
 */
export async function readGrid(context: Excel.RequestContext, sheet: SheetRef = { kind: 'active' }): Promise<Grid> {
  const build = queueGridRead(context, sheet);
  await context.sync();
  return build().grid;
}

/** As readGrid, with the formulas of the used range too (what roll-forward moves). */
export async function readGridAndFormulas(context: Excel.RequestContext, sheet: SheetRef = { kind: 'active' }): Promise<{ grid: Grid; formulas: unknown[][] }> {
  const build = queueGridRead(context, sheet, { formulas: true });
  await context.sync();
  const read = build();
  return { grid: read.grid, formulas: read.formulas ?? [] };
}
