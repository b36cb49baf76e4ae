import { planRollForward, type SheetNote } from '../../domain/plan/rollForward';
import { ADDIN_NOTES, isOwnNote } from '../../domain/plan/ownership';
import type { RollForwardPlan } from '../../domain/plan/types';
import { HIGHLIGHT_TABLE } from '../../domain/revisions/highlightRows';
import { highlightCells, readSheetHighlights, type SheetHighlights } from '../../domain/revisions/highlightPlans';
import type { CellFill } from '../../domain/revisions/types';
import type { CellBox, Grid } from '../../domain/sheet/grid';
import { a1, boxAddress, sameSheetName } from '../../domain/sheet/grid';
import { readScorecard } from '../../domain/sheet/readScorecard';
import type { YearMonth } from '../../domain/sheet/months';
import { storedWriteValue } from '../../domain/sheet/dateSystem';
import type { Outcome, OutcomeError } from '../../port/api';
import { excelMessages as m, fromEngineError, outcomeError } from '../messages';
import { toOutcomeError } from '../io/officeErrors';
import { boxOfAddress, readGridAndFormulas } from '../io/readGrid';
import { noteKind } from '../revisions/revisionsNotes';
import { readCells } from '../revisions/revisions';
import { readSheets, valuesFromA1 } from '../revisions/revisionsRead';
import { chunkAddresses, coalesceBoxes, DEFAULT_LIMITS } from '../format/writeOps';

export interface RolledForward {
  sheetName: string;
  /** Last month's revision highlights taken off the new sheet. */
  restoredFills: number;
  /** Why some highlights were left (the user changed the fill since), from the revisions engine. */
  warnings: string[];
}

const fail = (error: OutcomeError): Outcome<never> => ({ ok: false, error });

/** Formulas (or constants) of `box`, from the source sheet's formulas read with the grid. */
function formulasOf(formulas: unknown[][], grid: Grid, box: CellBox): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: unknown[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(formulas[r - grid.top]?.[c - grid.left] ?? '');
    rows.push(row);
  }
  return rows;
}

/** Excel reads text starting with `=`, `+` or `-` as a formula; a label is kept as text with Excel's apostrophe. */
function asStatic(value: string | number): string | number {
  return typeof value === 'string' && /^[+\-=]/.test(value) ? `'${value}` : value;
}

/**
 * Last month's highlight records of the source sheet and the fills and notes of their cells,
 * as `planRollForward` wants them (it decides what the copy loses). Damaged records are the
 * domain's `damagedRecord` refusal: New month then changes nothing. Up to three round trips,
 * none when the workbook has no record sheet.
 */
async function lastMonthHighlights(context: Excel.RequestContext, sheets: readonly string[], sourceSheet: string): Promise<Outcome<{ records: SheetHighlights; fills: CellFill[] }>> {
  const name = sheets.find((n) => sameSheetName(n, HIGHLIGHT_TABLE.sheetName));
  const grid = name === undefined ? undefined : (await readSheets(context, [name], 'values')).get(name);
  const read = readSheetHighlights(grid ? valuesFromA1(grid) : null, sourceSheet);
  if (!read.ok) return fail(fromEngineError(read.error, HIGHLIGHT_TABLE.sheetName));
  const cells = highlightCells(read.value);
  const { fills } = cells.length > 0 ? await readCells(context, cells) : { fills: [] };
  return { ok: true, value: { records: read.value, fills } };
}

/**
 * Where the add-in's own notes ("No arrow: …") sit, for the planner: one more round trip,
 * only when the sheet has any (a note's cell is known only through `getLocation`,
 * ExcelApi 1.18: https://learn.microsoft.com/javascript/api/excel/excel.note#excel-excel-note-getlocation-member(1)).
 */
async function locateOwnNotes(context: Excel.RequestContext, notes: Excel.NoteCollection | null): Promise<SheetNote[]> {
  const own = (notes?.items ?? []).filter((n) => isOwnNote(ADDIN_NOTES, n.content));
  if (own.length === 0) return [];
  const located = own.map((note) => {
    const where = note.getLocation();
    where.load('rowIndex,columnIndex');
    return { note, where };
  });
  await context.sync();
  return located.map(({ note, where }) => ({ row: where.rowIndex, col: where.columnIndex, text: note.content }));
}

/** Queues the plan on the new sheet: contents moved (formulas kept as written), cleared, last month's colours reset, headers written, fills restored. */
function queueRollForward(copy: Excel.Worksheet, plan: RollForwardPlan, grid: Grid, formulas: unknown[][]): void {
  for (const move of plan.moves) copy.getRange(boxAddress(move.to)).formulas = formulasOf(formulas, grid, move.from);
  for (const box of plan.clearContents) copy.getRange(boxAddress(box)).clear('Contents');
  // Last month's DOT/RAG colours: no fill, and black text (Office.js cannot set Excel's
  // "Automatic" font colour; black is what it shows on the default theme). Bold, borders
  // and alignment stay. One call per address chunk, whatever the number of rows.
  for (const address of chunkAddresses(coalesceBoxes(plan.resetStyles ?? []).map(boxAddress), DEFAULT_LIMITS.addressChars)) {
    const format = copy.getRanges(address).format;
    format.fill.clear();
    format.font.color = '#000000';
  }
  for (const w of plan.writes) {
    const cell = copy.getRangeByIndexes(w.row, w.col, 1, 1);
    if (w.numberFormat !== undefined) cell.numberFormat = [[w.numberFormat]];
    // A month header is a 1900 serial in the plan; a 1904 workbook stores it 1,462 days lower.
    const stored = storedWriteValue(w, grid);
    cell.values = [[stored === w.value ? asStatic(w.value) : stored]];
  }
  const byFill = new Map<string | null, CellBox[]>();
  for (const r of plan.restoreFills) {
    const box = boxOfAddress(r.address);
    if (box) byFill.set(r.fill, [...(byFill.get(r.fill) ?? []), box]);
  }
  for (const [fill, boxes] of byFill) {
    for (const address of chunkAddresses(coalesceBoxes(boxes).map(boxAddress), DEFAULT_LIMITS.addressChars)) {
      const format = copy.getRanges(address).format;
      if (fill === null) format.fill.clear();
      else format.fill.color = fill;
    }
  }
  // The planner's choice: the add-in's "No arrow" notes on cleared cells, last month's highlight notes.
  for (const n of plan.deleteNotes) copy.notes.getItem(a1(n.row, n.col)).delete();
}

/** Whether `name` is what the failed batch's copy is called: renamed, or still `Dec-20 (2)`. */
function isHalfMade(name: string, plan: RollForwardPlan): boolean {
  const source = plan.sourceSheet;
  // Excel names the copy `<source> (2)`: the prefix is compared as a sheet name, the rest is digits.
  const copyName = name.length > source.length + 1 && sameSheetName(name.slice(0, source.length), source) && /^ \(\d+\)$/.test(name.slice(source.length));
  return sameSheetName(name, plan.newSheetName) || copyName;
}

/**
 * Deletes, by name, the sheet the failed batch made: true if deleted, null if there was none,
 * false if it stays. The sheet list is read again rather than using the `copy()` proxy: a
 * proxy whose creating sync failed refers to the sheet through the `Copy` call itself, so
 * using it would send the copy again (office.js keeps the method path until a sync returns
 * the new sheet's id). Only a sheet that was not there before and bears the copy's name is
 * removed, never one a co-author added meanwhile.
 */
async function deleteHalfMadeSheet(context: Excel.RequestContext, plan: RollForwardPlan, before: readonly string[]): Promise<boolean | null> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const made = sheets.items.map((s) => s.name).filter((n) => !before.some((b) => sameSheetName(b, n)) && isHalfMade(n, plan));
    if (made.length === 0) return null;
    sheets.getItem(plan.sourceSheet).activate();
    for (const name of made) sheets.getItem(name).delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates next month's sheet from the active one: a copy (every formula, comment and
 * format kept) named after the new month, with the month columns shifted left, the new
 * month's column emptied, headers, title and (at April) year labels moved on, and last
 * month's revision highlights taken off. The plan is the sheet engine's; this applies it.
 * Round trips: one to read, up to four for last month's highlights, one to write.
 * The copy and every change go in ONE batch after all checks, and the new sheet is only
 * activated at the end of it; if Excel fails part-way, the partial copy is deleted (the
 * source sheet is never changed).
 *
 * @example
 * const r = await rollForward(context); // { ok: true, value: { sheetName: 'Jan-21', restoredFills: 3, warnings: [] } }
 */
export async function rollForward(context: Excel.RequestContext, options: { newMonth?: YearMonth } = {}): Promise<Outcome<RolledForward>> {
  let grid: Grid;
  let formulas: unknown[][];
  let existing: string[];
  let ownNotes: SheetNote[];
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    // The active sheet's notes, loaded in the grid read's sync (ExcelApi 1.18; none before).
    const notes = noteKind() === 'note' ? context.workbook.worksheets.getActiveWorksheet().notes : null;
    notes?.load('items/content');
    const read = await readGridAndFormulas(context, { kind: 'active' });
    ownNotes = await locateOwnNotes(context, notes);
    grid = read.grid;
    formulas = read.formulas;
    existing = sheets.items.map((s) => s.name);
  } catch (e) {
    return { ok: false, error: toOutcomeError(e) };
  }
  const tables = readScorecard(grid);
  if (!tables.ok || tables.value.length === 0) return fail(tables.ok ? outcomeError('noTable', m.noTable(grid.sheetName)) : fromEngineError(tables.error));

  let highlights: Outcome<{ records: SheetHighlights; fills: CellFill[] }>;
  try {
    highlights = await lastMonthHighlights(context, existing, grid.sheetName);
  } catch (e) {
    return { ok: false, error: toOutcomeError(e) };
  }
  if (!highlights.ok) return highlights;
  const planned = planRollForward(tables.value, grid, {
    existingSheets: existing,
    // The new sheet's notes can be deleted only through the notes API (ExcelApi 1.18); comments stay.
    highlights: { ...highlights.value, notes: noteKind() === 'note' ? 'delete' : 'kept' },
    notes: ownNotes,
    ...(options.newMonth ? { newMonth: options.newMonth } : {}),
  });
  if (!planned.ok) return fail(fromEngineError(planned.error));
  const plan = planned.value;

  const source = context.workbook.worksheets.getItem(plan.sourceSheet);
  const copy = source.copy('After', source);
  copy.name = plan.newSheetName;
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  queueRollForward(copy, plan, grid, formulas);
  copy.activate();
  try {
    await context.sync();
  } catch (e) {
    const reason = toOutcomeError(e, plan.sourceSheet);
    // Excel keeps what ran before the failure: remove the half-made copy, never leave it.
    const removed = await deleteHalfMadeSheet(context, plan, existing);
    if (removed === false) return fail(outcomeError('partialCopyLeft', m.partialCopyLeft(reason.message)));
    return { ok: false, error: reason };
  }
  const warnings = [...plan.warnings, ...(plan.highlightNotesKept > 0 ? [m.highlightNotesKept()] : [])];
  return { ok: true, value: { sheetName: plan.newSheetName, restoredFills: plan.restoreFills.length, warnings } };
}
