import type { CellBox, Grid } from '../domain/sheet/grid';
import type { CellInput } from '../domain/types';

/** Where to read: the active sheet, or a sheet by name. */
export type SheetRef = { kind: 'active' } | { kind: 'name'; name: string };

/** Merged areas need ExcelApi 1.13; older hosts read without them (headers still detected by text). */
function mergesSupported(): boolean {
  return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', '1.13');
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
 * Reads a sheet's used range into a Grid: values, displayed text and number formats (and
 * merged areas where supported) in ONE round trip. An empty sheet gives an empty grid.
 * `valuesOnly` used range: cells that only carry formatting do not stretch the grid.
 */
export async function readGrid(context: Excel.RequestContext, sheet: SheetRef = { kind: 'active' }): Promise<Grid> {
  const ws = worksheetOf(context, sheet);
  ws.load('name');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,text,numberFormat,rowIndex,columnIndex');
  let merged: Excel.RangeAreas | null = null;
  if (mergesSupported()) {
    merged = used.getMergedAreasOrNullObject();
    merged.load('address');
  }
  await context.sync();
  if (used.isNullObject) {
    return { sheetName: ws.name, top: 0, left: 0, values: [], text: [], numberFormats: [], merges: [] };
  }
  const merges: CellBox[] = [];
  if (merged && !merged.isNullObject) {
    for (const part of merged.address.split(',')) {
      const box = boxOfAddress(part);
      if (box) merges.push(box);
    }
  }
  return {
    sheetName: ws.name,
    top: used.rowIndex,
    left: used.columnIndex,
    values: used.values.map((row) => row.map((v: unknown): CellInput => (v === '' ? null : (v as CellInput)))),
    text: used.text,
    numberFormats: used.numberFormat.map((row) => row.map((f: unknown) => String(f))),
    merges,
  };
}
