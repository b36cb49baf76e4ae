import { FakeSheet, type FakeWorkbook, type SheetSnapshot } from '../../fakes/fakeExcel';
import { cellKey, parseBox } from '../../fakes/fakeExcelAddress';

/** A whole fake workbook as JSON: what "the saved .xlsx" is between two page loads. */
export interface SavedWorkbook {
  sheets: SheetSnapshot[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  settings: Array<[string, string]>;
}

export function saveWorkbook(wb: FakeWorkbook): SavedWorkbook {
  const active = wb.sheets.find((s) => s.id === wb.activeSheetId);
  return {
    sheets: wb.sheets.map((s) => s.snapshot()),
    activeSheet: active?.name ?? null,
    selection: wb.selection ? { ...wb.selection } : null,
    settings: [...wb.settings.entries()],
  };
}

function sheetFromSnapshot(snap: SheetSnapshot): FakeSheet {
  const sheet = new FakeSheet(snap.name);
  sheet.visibility = snap.visibility;
  sheet.protected = snap.protected;
  for (const [address, cell] of Object.entries(snap.cells)) {
    const box = parseBox(address);
    if (box) sheet.cells.set(cellKey(box.top, box.left), { ...cell });
  }
  for (const [col, width] of Object.entries(snap.columnWidths)) sheet.columnWidths.set(Number(col), width);
  sheet.freeze = snap.freeze;
  sheet.pageLayout = snap.pageLayout;
  sheet.merges = snap.merges;
  // Colour rules (formulas mode) are part of the saved file too.
  sheet.conditionalFormats = (snap.conditionalFormats ?? []).map((cf) => ({ ...cf }));
  return sheet;
}

/** Refills an empty workbook from what saveWorkbook stored. */
export function restoreWorkbook(wb: FakeWorkbook, saved: SavedWorkbook): void {
  for (const snap of saved.sheets) wb.addSheet(sheetFromSnapshot(snap));
  const active = saved.activeSheet === null ? undefined : wb.findSheet(saved.activeSheet);
  if (active) wb.activeSheetId = active.id;
  wb.selection = saved.selection;
  for (const [key, value] of saved.settings) wb.settings.set(key, value);
}
