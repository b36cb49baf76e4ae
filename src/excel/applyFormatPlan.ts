import type { CellBox, Grid } from '../domain/sheet/grid';
import { a1, boxAddress, columnLetters, qualified } from '../domain/sheet/grid';
import type { FormatPlan } from '../domain/plan/types';
import { isKeyText } from '../domain/plan/key';
import type { Outcome } from '../port/api';
import { isOurs, mayBeOurs, ownedMarkCells, type Owns } from './conditionalFormats';
import { excelMessages as m } from './messages';
import { planNoteOps, queueReadNotes } from './planNotes';
import { queueNoteOps, type NoteKind, type NoteOp } from './revisionsNotes';
import { toOutcomeError } from './officeErrors';
import { queueOp } from './queueOps';
import { boxOfAddress } from './readGrid';
import { excelApiSupported } from './run';
import { validatePlan } from './validatePlan';
import { DEFAULT_LIMITS, batchOps, buildWriteOps, numberFormatBox } from './writeOps';
import type { WriteLimits } from './writeOps';

export interface ApplyOptions {
  /** The grid the plan was made from: refuse if the table's values changed since. */
  expected?: Grid;
  /** Checked after the read, before the first write; once writing starts it completes. */
  signal?: AbortSignal;
  /** Called after each write sync with the fraction done. */
  onProgress?: (fraction: number) => void;
  limits?: WriteLimits;
  /** Name of the temporary backup sheet (tests pass a fixed one). */
  backupName?: string;
}

export interface ApplyReport {
  /** DOT, RAG and key cells written. */
  writes: number;
  /** Grouped operations queued (value runs, number formats, style chunks, widths, panes, print). */
  operations: number;
  /** Write round trips (1 unless the 5 MB payload limit demanded more). */
  writeSyncs: number;
  /** What was applied only in part, for the pane (e.g. notes skipped on an older Excel). */
  warnings?: string[];
}

/** What the sheet looked like before, read in the one read round trip, to check and to restore. */
interface Before {
  calculationMode: string;
  freeze: CellBox | null;
  orientation: string | null;
  zoom: Excel.PageLayoutZoomOptions | null;
  printArea: string | null;
  printTitleRows: string | null;
  widths: Map<number, number>;
  numberFormats: { box: CellBox; formats: string[][] } | null;
  /** Sheet names in use, so the backup's name is new (a leftover must never be restored from). */
  sheetNames: Set<string>;
  /** Conditional formats the add-in added before (formulas mode): replaced in the write. */
  ownConditionals: Excel.ConditionalFormat[];
  /** How this host can annotate cells, and the note changes the plan needs there. */
  notesKind: NoteKind;
  noteOps: NoteOp[];
}

/** A backup sheet name no sheet has yet (Excel compares names case-insensitively). */
function freshBackupName(taken: Set<string>, wanted?: string): string {
  const base = wanted ?? `PERF backup ${Date.now().toString(36).slice(-6)}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

const fail = (message: string, action?: string): Outcome<never> => ({ ok: false, error: { message, action } });

function sameValue(current: unknown, expected: unknown): boolean {
  const norm = (v: unknown): unknown => (v === null || v === undefined ? '' : v);
  return norm(current) === norm(expected);
}

/**
 * Applies a FormatPlan to its sheet in a constant number of round trips whatever the number
 * of rows: one read (sheet and workbook not protected, key area empty, table unchanged since
 * `expected`, what a restore would need; a second read only when the table has colour
 * rules that may be the add-in's own, to recognise them), then one write (more only when
 * the 5 MB payload limit demands). Identical styles go out as one RangeAreas call per
 * address chunk; formulas mode's colour rules as conditional formats, replacing the
 * add-in's earlier ones and no others.
 *
 * Excel does not roll a failed batch back (operations before the failing one stay applied),
 * so the write first copies the sheet to a hidden backup in the same batch; if any write
 * fails, the table and key areas are copied back from it (and widths, panes, print and the
 * calculation mode restored). The backup is deleted in a last round trip (3 in all). The
 * sheet is never left half formatted; the Office error is returned, never swallowed.
 *
 * @example
 * const outcome = await applyFormatPlan(context, plan, { expected: grid });
 * if (!outcome.ok) showError(outcome.error.message, outcome.error.action);
 */
export async function applyFormatPlan(context: Excel.RequestContext, plan: FormatPlan, options: ApplyOptions = {}): Promise<Outcome<ApplyReport>> {
  const problem = validatePlan(plan);
  if (problem) return fail(m.badPlan(problem), m.badPlanAction());
  // getRanges, page layout and suspendScreenUpdatingUntilNextSync need ExcelApi 1.9.
  if (!excelApiSupported(9)) return fail(m.notSupported(), m.notSupportedAction());
  const limits = options.limits ?? DEFAULT_LIMITS;

  let before: Before;
  try {
    const read = await readBefore(context, plan, options.expected);
    if (!read.ok) return read;
    before = read.value;
  } catch (e) {
    return { ok: false, error: toOutcomeError(e, plan.sheetName) };
  }
  if (options.signal?.aborted) return fail(m.cancelled());

  const ops = buildWriteOps(plan, before.numberFormats, limits);
  const batches = batchOps(ops, limits.payloadBytes);
  const backupName = freshBackupName(before.sheetNames, options.backupName);
  try {
    await writeBatches(context, plan, batches, before, backupName, options.onProgress);
  } catch (e) {
    const reason = toOutcomeError(e, plan.sheetName);
    const restored = await restore(context, plan, before, backupName);
    return restored
      ? fail(m.restored(reason.message), reason.action)
      : fail(m.notRestored(reason.message, backupName), m.notRestoredAction());
  }
  const warnings = await writeNotes(context, plan, before);
  try {
    await deleteBackup(context, backupName);
  } catch (e) {
    // The sheet is formatted; only the clean-up failed. Say so rather than hide a stray sheet.
    const reason = toOutcomeError(e);
    return fail(m.backupLeft(reason.message, backupName), m.backupLeftAction());
  }
  return { ok: true, value: { writes: plan.writes.length, operations: ops.length, writeSyncs: batches.length, ...(warnings.length > 0 ? { warnings } : {}) } };
}

/**
 * The plan's notes, in their own round trip after the formatted sheet is written: a note
 * Excel refuses becomes a warning and never undoes the Format (as for revision notes).
 * A host without notes gets none, and a warning saying how many were left out.
 */
async function writeNotes(context: Excel.RequestContext, plan: FormatPlan, before: Before): Promise<string[]> {
  const planned = plan.notes?.length ?? 0;
  if (before.notesKind !== 'note') return planned > 0 ? [m.planNotesSkipped(planned)] : [];
  if (before.noteOps.length === 0) return [];
  try {
    queueNoteOps(context, 'note', before.noteOps, new Map());
    await context.sync();
    return [];
  } catch (e) {
    return [m.planNotesFailed(toOutcomeError(e, plan.sheetName).message)];
  }
}

async function readBefore(context: Excel.RequestContext, plan: FormatPlan, expected?: Grid): Promise<Outcome<Before>> {
  const ws = context.workbook.worksheets.getItem(plan.sheetName);
  ws.load('name, protection/protected');
  if (plan.print) ws.load('pageLayout/orientation, pageLayout/zoom');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const workbookProtection = context.workbook.protection;
  workbookProtection.load('protected');
  const app = context.workbook.application;
  app.load('calculationMode');
  const nfBox = numberFormatBox(plan);
  const nfRange = nfBox ? ws.getRange(boxAddress(nfBox)) : null;
  nfRange?.load('numberFormat');
  const areaRange = expected ? ws.getRange(boxAddress(plan.area)) : null;
  areaRange?.load('values');
  const extraRange = plan.extraArea ? ws.getRange(boxAddress(plan.extraArea)) : null;
  extraRange?.load('values,formulas,text');
  const freeze = ws.freezePanes.getLocationOrNullObject();
  freeze.load('address');
  const printArea = plan.print ? ws.pageLayout.getPrintAreaOrNullObject() : null;
  printArea?.load('address');
  const printTitles = plan.print ? ws.pageLayout.getPrintTitleRowsOrNullObject() : null;
  printTitles?.load('address');
  // Conditional formats on the table: those that could be the add-in's are read in full below.
  // A navigation to a collection, not a value: the lint rule takes it for a read; its items are loaded next.
  // eslint-disable-next-line office-addins/load-object-before-read
  const conditionals = ws.getRange(boxAddress(plan.area)).conditionalFormats;
  conditionals.load('items/type,items/stopIfTrue');
  const notesRead = queueReadNotes(ws);
  const widthRanges = new Map<number, Excel.Range>();
  for (const { col } of plan.columnWidths) {
    if (widthRanges.has(col)) continue;
    const range = ws.getRangeByIndexes(0, col, 1, 1);
    range.load('format/columnWidth');
    widthRanges.set(col, range);
  }
  await context.sync();

  if (ws.protection.protected) return fail(m.sheetProtected(plan.sheetName), m.sheetProtectedAction());
  // The backup copy needs the workbook structure unprotected (adding a sheet).
  if (workbookProtection.protected) return fail(m.accessDenied(), m.accessDeniedAction());
  if (plan.extraArea && extraRange) {
    const owned = new Map(plan.writes.map((w) => [`${w.row},${w.col}`, w.value]));
    const { top, left } = plan.extraArea;
    for (let i = 0; i < extraRange.values.length; i++) {
      for (let j = 0; j < extraRange.values[i].length; j++) {
        const formula = extraRange.formulas[i][j];
        if (formula === '' || formula === null) continue;
        // A key cell already holding what the plan writes is the add-in's own key from a previous run.
        const planned = owned.get(`${top + i},${left + j}`);
        if (planned !== undefined && (sameValue(formula, planned) || sameValue(extraRange.values[i][j], planned))) continue;
        // ...or a line of the key an earlier Format wrote in another convention, which this one replaces.
        if (planned !== undefined && isKeyText(extraRange.values[i][j])) continue;
        return fail(m.keyAreaTaken(qualified(plan.sheetName, a1(top + i, left + j)), extraRange.text[i][j]), m.keyAreaTakenAction());
      }
    }
  }
  if (expected && areaRange) {
    const { top, left } = plan.area;
    for (let i = 0; i < areaRange.values.length; i++) {
      for (let j = 0; j < areaRange.values[i].length; j++) {
        const r = top + i - expected.top;
        const c = left + j - expected.left;
        const want = expected.values[r]?.[c] ?? null;
        if (!sameValue(areaRange.values[i][j], want)) return fail(m.sheetChanged(qualified(plan.sheetName, a1(top + i, left + j))), m.sheetChangedAction());
      }
    }
  }
  const widths = new Map<number, number>();
  for (const [col, range] of widthRanges) widths.set(col, range.format.columnWidth);
  // One more read round trip, only when there are rules or notes that may be the add-in's.
  const conditionalsRead = queueOwnConditionals(conditionals);
  const notes = await planNoteOps(context, plan, notesRead);
  if (conditionalsRead.pending && !notes.synced) await context.sync();
  const ownConditionals = conditionalsRead.finish(ownedMarkCells(plan));
  return {
    ok: true,
    value: {
      calculationMode: app.calculationMode,
      freeze: freeze.isNullObject ? null : frozenBox(freeze.address),
      orientation: plan.print ? ws.pageLayout.orientation : null,
      zoom: plan.print ? ws.pageLayout.zoom : null,
      printArea: printArea && !printArea.isNullObject ? printArea.address : null,
      printTitleRows: printTitles && !printTitles.isNullObject ? printTitles.address : null,
      widths,
      numberFormats: nfBox && nfRange ? { box: nfBox, formats: nfRange.numberFormat.map((row) => row.map(String)) } : null,
      sheetNames: new Set(sheets.items.map((s) => s.name.toLowerCase())),
      ownConditionals,
      notesKind: notesRead.kind,
      noteOps: notes.ops,
    },
  };
}

/**
 * The add-in's own conditional formats among those on the table (see conditionalFormats.ts
 * for how they are recognised). A rule's details can only be read for its own type, so
 * they are queued here for a second read round trip, needed only when a format could be
 * the add-in's: a first Format costs nothing more, a second one a constant one more.
 */
function queueOwnConditionals(collection: Excel.ConditionalFormatCollection): { pending: boolean; finish: (owns: Owns) => Excel.ConditionalFormat[] } {
  const candidates = collection.items
    .filter((cf) => mayBeOurs(cf.type))
    .map((cf) => {
      // A rule's details can be read only through the object of its own type.
      const rule = cf.type === 'ContainsText' ? cf.textComparison : cf.type === 'CellValue' ? cf.cellValue : cf.custom;
      rule.load('rule');
      const ranges = cf.getRanges();
      ranges.load('address');
      return { cf, rule, ranges };
    });
  return {
    pending: candidates.length > 0,
    finish: (owns) =>
      candidates
        .filter(({ cf, rule, ranges }) => isOurs({ type: cf.type, stopIfTrue: cf.stopIfTrue, rule: rule.rule as unknown as Record<string, string>, address: ranges.address }, owns))
        .map(({ cf }) => cf),
  };
}

/** The frozen location as a box; Excel gives whole rows as `1:3` and whole columns as `A:B`. */
function frozenBox(address: string): CellBox | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return { top: 0, left: 0, bottom: Number(rows[2]) - 1, right: 16_383 };
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(local);
  if (cols) return boxOfAddress(`${cols[1]}1:${cols[2]}1048576`);
  return boxOfAddress(local);
}

async function writeBatches(
  context: Excel.RequestContext,
  plan: FormatPlan,
  batches: ReturnType<typeof batchOps>,
  before: Before,
  backupName: string,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const app = context.workbook.application;
  const ws = context.workbook.worksheets.getItem(plan.sheetName);
  const manual = before.calculationMode !== 'Manual';
  let backup: Excel.Worksheet | null = null;
  const count = Math.max(batches.length, 1);
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      // First in the batch: if anything after it fails, the backup holds the sheet as it was.
      backup = ws.copy('End');
      backup.name = backupName;
      backup.visibility = 'Hidden';
      ws.activate();
      if (manual) app.calculationMode = 'Manual';
      // The add-in's earlier colour rules go in the same batch as the new ones (and come back
      // from the backup if the write fails, with the rest of the table).
      for (const cf of before.ownConditionals) cf.delete();
    }
    app.suspendScreenUpdatingUntilNextSync();
    for (const op of batches[i] ?? []) queueOp(ws, op);
    if (i === count - 1 && manual) app.calculationMode = before.calculationMode as Excel.CalculationMode;
    // One sync per batch: more than one only when the 5 MB request limit demands it.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onProgress?.((i + 1) / count);
  }
}

/**
 * Deletes the backup in its own round trip, after the write succeeded: had it been the last
 * operation of the write batch, a failure reported after the whole batch ran would leave no
 * backup, and "no backup" could no longer mean "nothing was written".
 */
async function deleteBackup(context: Excel.RequestContext, backupName: string): Promise<void> {
  context.workbook.worksheets.getItem(backupName).delete();
  await context.sync();
}

/** Puts the plan's areas (and widths, panes, print, calculation) back from the backup; false if that failed too. */
async function restore(context: Excel.RequestContext, plan: FormatPlan, before: Before, backupName: string): Promise<boolean> {
  try {
    const backup = context.workbook.worksheets.getItemOrNullObject(backupName);
    backup.load('name');
    const ws = context.workbook.worksheets.getItem(plan.sheetName);
    // Excel keeps the print area and titles as sheet names: deleting them is how a plan's
    // print setup is undone on a sheet that had none.
    const printNames = plan.print
      ? [before.printArea === null ? ws.names.getItemOrNullObject('Print_Area') : null, before.printTitleRows === null ? ws.names.getItemOrNullObject('Print_Titles') : null]
      : [];
    for (const name of printNames) name?.load('name');
    if (before.calculationMode !== 'Manual') context.workbook.application.calculationMode = before.calculationMode as Excel.CalculationMode;
    await context.sync();
    // No backup: the failure came before the copy, so nothing on the sheet changed.
    if (backup.isNullObject) return true;
    for (const box of [plan.area, plan.extraArea]) {
      if (!box) continue;
      const address = boxAddress(box);
      ws.getRange(address).copyFrom(backup.getRange(address), 'All');
    }
    for (const [col, width] of before.widths) ws.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = width;
    const f = before.freeze;
    if (!f) ws.freezePanes.unfreeze();
    else if (f.right >= 16_383) ws.freezePanes.freezeRows(f.bottom + 1);
    else if (f.bottom >= 1_048_575) ws.freezePanes.freezeColumns(f.right + 1);
    else ws.freezePanes.freezeAt(ws.getRange(boxAddress(f)));
    if (plan.print) {
      if (before.orientation) ws.pageLayout.orientation = before.orientation as Excel.PageOrientation;
      if (before.zoom) ws.pageLayout.zoom = before.zoom;
      if (before.printArea) ws.pageLayout.setPrintArea(before.printArea.slice(before.printArea.lastIndexOf('!') + 1));
      if (before.printTitleRows) ws.pageLayout.setPrintTitleRows(before.printTitleRows.slice(before.printTitleRows.lastIndexOf('!') + 1));
      for (const name of printNames) if (name && !name.isNullObject) name.delete();
    }
    backup.delete();
    await context.sync();
    return true;
  } catch {
    // Reported by the caller as "not restored" with the backup's name: the user keeps a way back.
    return false;
  }
}
