import type ExcelJS from 'exceljs';

/**
 * Copies a worksheet under a new name, placed right after the source, as Excel's "Move or
 * Copy > Create a copy" does: values and formulas (their text as written, so references
 * mean the same cells on the copy), styles, notes, merges, row heights, column widths
 * and styles, views (freeze panes), page setup with print titles, conditional formats,
 * data validations and the sheet's properties. exceljs has no copy of its own.
 *
 * Returns the names of things it could not copy (Excel tables, whose names must be unique
 * in a workbook), so the caller can say so instead of dropping them silently.
 *
 * @example
 * const { worksheet } = copyWorksheet(workbook, workbook.getWorksheet('Dec-20')!, 'Jan-21');
 */
export function copyWorksheet(workbook: ExcelJS.Workbook, source: ExcelJS.Worksheet, name: string): { worksheet: ExcelJS.Worksheet; notCopied: string[] } {
  const copy = workbook.addWorksheet(name, {
    properties: structuredClone(source.properties),
    pageSetup: { ...structuredClone(withoutSheetRefs(source.pageSetup)) },
    headerFooter: structuredClone(source.headerFooter),
    views: structuredClone(source.views ?? []).map((v) => ({ ...v, tabSelected: false })),
    state: source.state,
  });
  // Print area and titles are sheet-relative in exceljs (`A1:X50`, `3:4`): same cells.
  if (source.pageSetup.printArea) copy.pageSetup.printArea = source.pageSetup.printArea;
  if (source.pageSetup.printTitlesRow) copy.pageSetup.printTitlesRow = source.pageSetup.printTitlesRow;
  if (source.pageSetup.printTitlesColumn) copy.pageSetup.printTitlesColumn = source.pageSetup.printTitlesColumn;

  const columnCount = source.columnCount;
  for (let c = 1; c <= columnCount; c++) {
    const from = source.getColumn(c);
    const to = copy.getColumn(c);
    if (from.width !== undefined) to.width = from.width;
    if (from.hidden) to.hidden = true;
    if (from.outlineLevel) to.outlineLevel = from.outlineLevel;
    // Style objects are shared, never mutated in place (see styles.ts), so sharing is safe.
    if (from.style && Object.keys(from.style).length > 0) to.style = from.style;
  }

  source.eachRow({ includeEmpty: true }, (row, r) => {
    const target = copy.getRow(r);
    if (row.height !== undefined) target.height = row.height;
    if (row.hidden) target.hidden = true;
    if (row.outlineLevel) target.outlineLevel = row.outlineLevel;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const to = target.getCell(c);
      // Merged cells other than the master are filled in by mergeCells below.
      if (cell.type !== 1 /* Merge */) to.value = structuredClone(cell.value);
      to.style = cell.style;
      if (cell.note !== undefined) to.note = structuredClone(cell.note);
    });
  });

  for (const range of source.model.merges ?? []) copy.mergeCells(range);

  const model = source.model as ExcelJS.WorksheetModel & { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[]; dataValidations?: unknown };
  for (const cf of model.conditionalFormattings ?? []) copy.addConditionalFormatting(structuredClone(cf));
  const validations = (source as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  (copy as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model = structuredClone(validations);
  if (source.autoFilter) copy.autoFilter = structuredClone(source.autoFilter);

  const notCopied = source.getTables().map((t) => `Excel table "${(t as unknown as { name?: string }).name ?? ''}"`);

  // Place the copy right after its source in the tab order.
  const ordered = workbook.worksheets.filter((w) => w !== copy);
  const at = ordered.indexOf(source) + 1;
  ordered.splice(at, 0, copy);
  ordered.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
  return { worksheet: copy, notCopied };
}

function withoutSheetRefs(setup: Partial<ExcelJS.PageSetup>): Partial<ExcelJS.PageSetup> {
  const { printArea: _a, printTitlesRow: _r, printTitlesColumn: _c, ...rest } = setup;
  return rest;
}
