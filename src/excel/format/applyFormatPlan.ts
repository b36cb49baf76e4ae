import type { CellBox, Grid } from '../../domain/sheet/grid';
import { a1, boxAddress, columnLetters, qualified, sheetNameKey } from '../../domain/sheet/grid';
import type { FormatPlan } from '../../domain/plan/types';
import { isOwnNote, keyCellFree, planNoteChanges } from '../../domain/plan/ownership';
import { validatePlan } from '../../domain/plan/validate';
import type { CellInput } from '../../domain/types';
import type { Outcome, OutcomeCode, OutcomeError } from '../../port/api';
import { isOurs } from './conditionalFormats';
import { queueFormatState, type FormatState } from './formatState';
import { sheetMsg } from '../../domain/messages';
import { excelMessages as m, outcomeError } from '../messages';
import { queueNoteOps, type NoteOp } from '../revisions/revisionsNotes';
import { toOutcomeError } from '../io/officeErrors';
import { queueOp, queuePageLayout } from './queueOps';
import { queueSymbolFontCheck, queueSymbolFontFix, type SymbolFontCheck } from './symbolFonts';
import { boxOfAddress, isResponseTooLarge } from '../io/readGrid';
import { excelApiSupported } from '../io/run';
import { DEFAULT_LIMITS, batchOps, buildWriteOps, valueRuns } from './writeOps';
import type { WriteLimits, WriteOp } from './writeOps';

/**
 * Loads the caller wants answered in the clean-up round trip (e.g. the revision count's
 * baseline). They may not arrive (a response too large for Excel): the caller then reads
 * what it needs itself.
 */
export interface AfterWrite {
  /** Queues the loads (no sync); called again if the clean-up trip has to be repeated for another reason. */
  queue(context: Excel.RequestContext): void;
}

export interface ApplyOptions {
  /**
   * The grid the plan was made from. With `state`, it is the only read: the key area, the
   * number formats kept and the table as read are all answered from it.
   */
  expected?: Grid;
  /** The sheet's state, read with the grid in the same round trip (see readForFormat). */
  state?: FormatState;
  /** Checked after the read, before the first write; once writing starts it completes. */
  signal?: AbortSignal;
  /** Called after each write sync with the fraction done. */
  onProgress?: (fraction: number) => void;
  limits?: WriteLimits;
  /** Name of the temporary backup sheet (tests pass a fixed one). */
  backupName?: string;
  afterWrite?: AfterWrite;
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
  /** Every note's cell on the sheet after this Format, when the add-in knows them all (the next Format's read checks them: NoteRecord). */
  notesAt?: string[];
}

/** What the cells of the plan's areas held when read: from the grid, or from ranges read for the plan. */
interface CellsRead {
  value(row: number, col: number): unknown;
  /** The formula (or constant) as typed, where it was read; undefined when only values were. */
  formula(row: number, col: number): unknown;
  text(row: number, col: number): string;
}

function gridCells(grid: Grid): CellsRead {
  const at = <T>(rows: T[][], row: number, col: number): T | undefined => rows[row - grid.top]?.[col - grid.left];
  return {
    value: (row, col) => at(grid.values, row, col) ?? null,
    formula: () => undefined,
    text: (row, col) => at(grid.text, row, col) ?? '',
  };
}

/** A backup sheet name no sheet has yet (names compared as Excel compares them: `sheetNameKey`). */
function freshBackupName(taken: Set<string>, wanted?: string): string {
  const base = wanted ?? `PERF backup ${Date.now().toString(36).slice(-6)}`;
  let name = base;
  for (let n = 2; taken.has(sheetNameKey(name)); n++) name = `${base} ${n}`;
  return name;
}

const fail = (code: OutcomeCode, message: string): Outcome<never> => ({ ok: false, error: outcomeError(code, message) });

function sameValue(current: unknown, expected: unknown): boolean {
  const norm = (v: unknown): unknown => (v === null || v === undefined ? '' : v);
  return norm(current) === norm(expected);
}

/** The first cell of `box` whose value now differs from what was read, or null. */
function firstChange(box: CellBox, now: unknown[][], read: CellsRead): string | null {
  for (let i = 0; i < now.length; i++) {
    for (let j = 0; j < now[i].length; j++) {
      if (!sameValue(now[i][j], read.value(box.top + i, box.left + j))) return a1(box.top + i, box.left + j);
    }
  }
  return null;
}

/** The key may overwrite only empty cells, or the add-in's own key from an earlier Format. */
function keyAreaProblem(plan: FormatPlan, read: CellsRead): Outcome<never> | null {
  const box = plan.extraArea;
  if (!box) return null;
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const formula: unknown = read.formula(r, c);
      // Empty, the add-in's own key from a previous run, or an earlier key's line (domain/plan/ownership.ts).
      if (keyCellFree(plan, r, c, { value: read.value(r, c) as CellInput, formula: typeof formula === 'string' ? formula : null })) continue;
      return fail('keyAreaTaken', sheetMsg.keyAreaTaken(qualified(plan.sheetName, a1(r, c)), read.text(r, c)));
    }
  }
  return null;
}

/**
 * Applies a FormatPlan to its sheet in at most three round trips whatever the number of
 * rows, notes or rules: the read (done by the caller with the grid, see readForFormat; or
 * here, of what the plan needs, when no state is given), ONE write, and one clean-up trip
 * that must follow a successful write. More write trips only when Excel's 5 MB request
 * limit demands it.
 *
 * The write batch, in order: the table as it is now is loaded (to see a co-author's edit
 * since the read), API calculation is suspended (not switched to Manual, which is
 * application-wide on desktop and can be ignored or read back wrong: office-js#6922,
 * #2770), the sheet is copied to a hidden backup, the add-in's candidate rules (and, when
 * the notes wait for the clean-up, the notes) are located, then every planned operation
 * (values, number formats, styles, the new colour rules, widths, panes, print) and, when
 * the read knew every note's cell, the plan's note changes. The clean-up trip deletes the
 * backup and the add-in's earlier rules, applies the note changes not made in the write
 * (a refused note there is a warning, never an undone Format) and recalculates.
 *
 * Where the notes go: the read loads the sheet's notes (`ws.notes`, items and content) and
 * asks, by cell address (`NoteCollection.getItemOrNullObject`), for a note on each cell
 * where the add-in last saw one when it knew them all (its previous Format in this pane:
 * NoteRecord). When the read knows every note's cell (`FormatState.notesAt`: none on the
 * sheet, or as many notes on the recorded cells as the sheet has), `planNoteChanges` runs
 * before the write and the adds, replacements and deletions ride in the write batch. Else
 * which to add, replace or leave depends on where notes are that the add-in has not seen (a
 * user's note on a cell stays, and `NoteCollection.add` refuses a cell that has one), and
 * Excel tells a note's cell only through `Note.getLocation()` on a note a read returned: a
 * Note has no address property, and asking a cell for its note answers only after a sync
 * (ExcelApi 1.18, @types/office-js; learn.microsoft.com/javascript/api/excel/excel.notecollection).
 * Within one batch nothing can depend on a loaded value, and the plan (so the cells to ask
 * about) exists only after the read; so the write batch locates the notes and the clean-up,
 * which must follow the write anyway, applies them: still three round trips.
 *
 * Excel does not roll a failed batch back, so if any write fails (or a co-author changed
 * the table meanwhile) the add-in takes back only what it wrote, and only where it still
 * holds what it wrote: a co-author's edit made since is never wiped, and a note the write
 * batch added goes only where it still says what the add-in wrote (see `restore`).
 *
 * @example
 * const outcome = await applyFormatPlan(context, plan, { expected: grid, state });
 * if (!outcome.ok) showError(outcome.error.message, outcome.error.action);
 */
export async function applyFormatPlan(context: Excel.RequestContext, plan: FormatPlan, options: ApplyOptions = {}): Promise<Outcome<ApplyReport>> {
  const checked = validatePlan(plan);
  if (!checked.ok) return fail('planInvalid', sheetMsg.planInvalid(checked.error.message));
  // getRanges, page layout and suspendScreenUpdatingUntilNextSync need ExcelApi 1.9.
  if (!excelApiSupported(9)) return fail('notSupported', m.notSupported());
  const limits = options.limits ?? DEFAULT_LIMITS;

  const known = await stateAndCells(context, plan, options);
  if (!known.ok) return known;
  const { state, cells } = known.value;
  if (state.sheetProtected) return fail('sheetProtected', m.sheetProtected(plan.sheetName));
  // The backup copy needs the workbook structure unprotected (adding a sheet).
  if (state.structureProtected) return fail('readOnly', m.accessDenied());
  const taken = keyAreaProblem(plan, cells);
  if (taken) return taken;
  if (options.signal?.aborted) return fail('cancelled', m.cancelled());

  const ops = buildWriteOps(plan, limits);
  const batches = batchOps(ops, limits.payloadBytes);
  const backupName = freshBackupName(new Set(state.sheets.map((s) => sheetNameKey(s.name))), options.backupName);
  const notesNow = notesInWrite(plan, state);
  const undo = async (reason: OutcomeError): Promise<Outcome<never>> =>
    undone(await restore(context, plan, state, cells, backupName, notesNow ?? []), reason, plan.sheetName, backupName);
  let written: Written;
  try {
    written = await writeBatches(context, plan, state, cells, batches, backupName, notesNow, options.onProgress);
  } catch (e) {
    return undo(toOutcomeError(e, plan.sheetName));
  }
  // A co-author's edit landed between the read and the write: the arrows may be stale.
  for (const { box, range } of written.checks) {
    const changed = firstChange(box, range.values, cells);
    if (changed) return undo(outcomeError('sheetChanged', m.changedWhileFormatting(qualified(plan.sheetName, changed))));
  }
  const cleaned = await cleanUp(context, plan, state, written, backupName, notesNow !== null, options.afterWrite);
  if (!cleaned.ok) return cleaned;
  const { warnings, notesAt } = cleaned.value;
  const noteCells = notesNow !== null && state.notesAt !== null ? notesAfter(state.notesAt.map((n) => n.address), notesNow) : notesAt;
  return {
    ok: true,
    value: { writes: plan.writes.length, operations: ops.length, writeSyncs: batches.length, ...(warnings.length > 0 ? { warnings } : {}), ...(noteCells ? { notesAt: noteCells } : {}) },
  };
}

/**
 * The sheet's state and the cells the plan was made from: the caller's (read with the grid,
 * no round trip), or read here (one round trip) and checked against the grid if there is one.
 */
async function stateAndCells(context: Excel.RequestContext, plan: FormatPlan, options: ApplyOptions): Promise<Outcome<{ state: FormatState; cells: CellsRead }>> {
  try {
    if (options.state && options.expected) return { ok: true, value: { state: options.state, cells: gridCells(options.expected) } };
    const read = await readForPlan(context, plan);
    const cells = options.expected ? gridCells(options.expected) : read.cells;
    // Read apart from the grid: the table must still be what the plan was made from.
    const changed = options.expected ? firstChange(plan.area, boxRows(plan.area, (r, c) => read.cells.value(r, c)), cells) : null;
    if (changed) return fail('sheetChanged', m.sheetChanged(qualified(plan.sheetName, changed)));
    return { ok: true, value: { state: read.state, cells } };
  } catch (e) {
    return { ok: false, error: toOutcomeError(e, plan.sheetName) };
  }
}

/** The outcome of a failed (or overtaken) write, by what the restore managed. */
function undone(restored: Restored, reason: OutcomeError, sheetName: string, backupName: string): Outcome<never> {
  if (restored === 'restored' || restored === 'untouched') {
    return { ok: false, error: { ...reason, message: restored === 'restored' ? m.restored(reason.message) : m.unchanged(reason.message) } };
  }
  if (restored === 'sheetGone') return fail('sheetMissing', m.sheetGoneWhileFormatting(sheetName));
  if (restored === 'backupGone') return fail('backupGone', m.backupGone(reason.message, backupName));
  return fail('notRestored', m.notRestored(reason.message, backupName));
}

function boxRows<T>(box: CellBox, at: (row: number, col: number) => T): T[][] {
  return Array.from({ length: box.bottom - box.top + 1 }, (_, i) => Array.from({ length: box.right - box.left + 1 }, (_, j) => at(box.top + i, box.left + j)));
}

/**
 * The read for a plan when the caller did not read the sheet with the grid: the state and
 * the cells of the plan's areas, in one round trip.
 */
async function readForPlan(context: Excel.RequestContext, plan: FormatPlan): Promise<{ state: FormatState; cells: CellsRead }> {
  const ws = context.workbook.worksheets.getItem(plan.sheetName);
  const state = queueFormatState(context, ws);
  const boxes = [plan.area, plan.extraArea].filter((b): b is CellBox => b !== null);
  // Formulas only for the key area (an earlier key's lines are recognised by them), as the
  // grid read gives none: a re-formatted 5,000-row sheet in formulas mode would otherwise
  // return its DOT/RAG formulas twice over and pass Excel on the web's 5 MB response cap.
  const ranges = boxes.map((box) => {
    const range = ws.getRange(boxAddress(box));
    if (box === plan.extraArea) range.load('values,formulas,text');
    else range.load('values,text');
    return { box, range };
  });
  await context.sync();
  const find = (row: number, col: number) => ranges.find(({ box }) => row >= box.top && row <= box.bottom && col >= box.left && col <= box.right);
  const at = (row: number, col: number, pick: (r: Excel.Range) => unknown[][]): unknown => {
    const hit = find(row, col);
    return hit ? pick(hit.range)[row - hit.box.top][col - hit.box.left] : undefined;
  };
  const cells: CellsRead = {
    value: (row, col) => at(row, col, (r) => r.values) ?? null,
    formula: (row, col) => {
      const key = plan.extraArea;
      if (!key || row < key.top || row > key.bottom || col < key.left || col > key.right) return undefined;
      return ranges.find((x) => x.box === key)?.range.formulas[row - key.top]?.[col - key.left];
    },
    text: (row, col) => String(at(row, col, (r) => r.text) ?? ''),
  };
  return { state: state(), cells };
}

/** What the write batch loaded, for the checks and the clean-up after it. */
interface Written {
  /** The plan's areas as they were just before the write (a co-author's edit shows here). */
  checks: Array<{ box: CellBox; range: Excel.Range }>;
  /** The candidate rules, with their rule and address, to recognise the add-in's own. */
  rules: Array<{ cf: Excel.ConditionalFormat; rule: { rule: unknown }; ranges: Excel.RangeAreas }>;
  /** Where each note of the sheet sits. */
  notes: Array<{ note: Excel.Note; where: Excel.Range }>;
  /** The fonts of written cells that held a symbol-font arrow (symbolFonts.ts). */
  fonts: SymbolFontCheck;
}

/**
 * The start of the first write batch, right after calculation is suspended: the hidden
 * backup copy (if anything after it fails, the backup holds the sheet as it was; if it is
 * missing after a failure, nothing later in the batch ran, or someone removed it, which
 * restore tells apart by what the cells hold), then the loads that show the sheet just
 * before the add-in's changes: the plan's areas, the candidate rules, where the notes are.
 */
function queueBackupAndLocate(ws: Excel.Worksheet, plan: FormatPlan, state: FormatState, cells: CellsRead, backupName: string, notesWritten: boolean): Written {
  const backup = ws.copy('End');
  backup.name = backupName;
  backup.visibility = 'Hidden';
  ws.activate();
  const checks = [plan.area, plan.extraArea]
    .filter((box): box is CellBox => box !== null)
    .map((box) => {
      const range = ws.getRange(boxAddress(box));
      range.load('values');
      return { box, range };
    });
  const rules = state.conditionals.map((cf) => {
    // A rule's details can be read only through the object of its own type.
    const rule = cf.type === 'ContainsText' ? cf.textComparison : cf.type === 'CellValue' ? cf.cellValue : cf.custom;
    rule.load('rule');
    const ranges = cf.getRanges();
    ranges.load('address');
    return { cf, rule, ranges };
  });
  const notes = notesToLocate(plan, state, notesWritten).map((note) => {
    const where = note.getLocation();
    where.load('address');
    return { note, where };
  });
  return { checks, rules, notes, fonts: queueSymbolFontCheck(ws, plan, cells.value) };
}

async function writeBatches(
  context: Excel.RequestContext,
  plan: FormatPlan,
  state: FormatState,
  cells: CellsRead,
  batches: WriteOp[][],
  backupName: string,
  notesNow: PlannedNote[] | null,
  onProgress?: (fraction: number) => void,
): Promise<Written> {
  const app = context.workbook.application;
  // By id: a rename since the read cannot send the writes elsewhere or make them fail.
  const ws = context.workbook.worksheets.getItem(state.sheetId);
  let written: Written = { checks: [], rules: [], notes: [], fonts: { runs: [], tableFont: null } };
  const count = Math.max(batches.length, 1);
  for (let i = 0; i < count; i++) {
    // Calculation stays off for this batch only: nothing to switch back, nothing left Manual if the pane dies.
    app.suspendApiCalculationUntilNextSync();
    if (i === 0) written = queueBackupAndLocate(ws, plan, state, cells, backupName, notesNow !== null);
    app.suspendScreenUpdatingUntilNextSync();
    for (const op of batches[i] ?? []) queueOp(ws, op);
    if (i === 0) queueNoteChanges(ws, notesNow ?? []);
    // One sync per batch: more than one only when the 5 MB request limit demands it.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onProgress?.((i + 1) / count);
  }
  return written;
}

/** A note change the write batch makes: its cell (local address), the text it writes (none for a delete) and what the cell's note said before (null: none). */
interface PlannedNote {
  kind: 'add' | 'replace' | 'delete';
  address: string;
  text: string | null;
  was: string | null;
}

/**
 * The plan's note changes when they can be made in the write batch, else null (the notes
 * are then located in the write batch and changed in the clean-up trip). They can when the
 * read knew every note's cell (`FormatState.notesAt`): the sheet had none (every planned
 * note is an add on a free cell), or the add-in's record of where the notes were held them
 * all. Otherwise which cell a note sits on is needed first (a user's note stays, and
 * `NoteCollection.add` refuses a cell that has one), and Excel tells that only through
 * `Note.getLocation()`, loaded in a round trip of its own (see applyFormatPlan).
 */
function notesInWrite(plan: FormatPlan, state: FormatState): PlannedNote[] | null {
  if (state.notesKind !== 'note' || state.notesAt === null) return null;
  const was = new Map(state.notesAt.map((n) => [n.address, n.text]));
  const onSheet = state.notesAt.flatMap((n) => {
    const box = boxOfAddress(n.address);
    return box ? [{ row: box.top, col: box.left, text: n.text }] : [];
  });
  return planNoteChanges(plan, onSheet).changes.map((c): PlannedNote => {
    const address = a1(c.row, c.col);
    return { kind: c.kind, address, text: c.kind === 'delete' ? null : c.text, was: was.get(address) ?? null };
  });
}

/** Queues the write batch's note changes on the sheet (got by id). */
function queueNoteChanges(ws: Excel.Worksheet, changes: readonly PlannedNote[]): void {
  for (const n of changes) {
    // A Range, not a string: a string address would have to carry the sheet's name, which a rename since the read may have changed.
    if (n.kind === 'add' && n.text !== null) ws.notes.add(ws.getRange(n.address), n.text);
    else if (n.kind === 'replace' && n.text !== null) ws.notes.getItem(n.address).content = n.text;
    else if (n.kind === 'delete') ws.notes.getItem(n.address).delete();
  }
}

/** Every note's cell after the changes, from every note's cell before them. */
function notesAfter(before: readonly string[], changes: ReadonlyArray<{ kind: string; address: string }>): string[] {
  const cells = new Set(before);
  for (const c of changes) {
    if (c.kind === 'add') cells.add(c.address);
    if (c.kind === 'delete') cells.delete(c.address);
  }
  return [...cells];
}

/**
 * The notes whose cell the write batch must locate for the clean-up's note changes: none
 * when the write batch adds the notes; with no planned note only the add-in's own (a
 * user's note matters only where the plan would put one); else all of them.
 */
function notesToLocate(plan: FormatPlan, state: FormatState, notesWritten: boolean): Excel.Note[] {
  if (notesWritten || state.notesKind !== 'note') return [];
  if ((plan.notes?.length ?? 0) > 0) return state.notes;
  return state.notes.filter((note) => isOwnNote(plan.owns, note.content));
}

/** The note changes the plan needs, from where the sheet's notes are: the domain's `planNoteChanges` decides (only the add-in's are replaced or removed). */
function noteOps(plan: FormatPlan, located: Written['notes']): NoteOp[] {
  const sheet = plan.sheetName;
  const onSheet: Array<{ row: number; col: number; text: string }> = [];
  for (const { note, where } of located) {
    const box = boxOfAddress(where.address);
    if (box) onSheet.push({ row: box.top, col: box.left, text: note.content });
  }
  return planNoteChanges(plan, onSheet).changes.map((c): NoteOp => {
    const address = a1(c.row, c.col);
    return c.kind === 'delete' ? { kind: 'delete', sheet, address } : { kind: c.kind, sheet, address, text: c.text };
  });
}

/**
 * The round trip after a successful write: the backup goes first (so "no backup" never
 * means anything but "done"), then the add-in's earlier rules, the caller's loads, a
 * recalculation (the write ran with calculation suspended) and the notes last. If that
 * trip fails, one more removes the backup if it is still there and repeats the loads;
 * the notes are then reported, never retried blindly.
 */
async function cleanUp(
  context: Excel.RequestContext,
  plan: FormatPlan,
  state: FormatState,
  written: Written,
  backupName: string,
  notesWritten: boolean,
  afterWrite?: AfterWrite,
): Promise<Outcome<{ warnings: string[]; notesAt: string[] | null }>> {
  const warnings: string[] = [];
  // The cells whose symbol font the clean-up takes off (named if that trip fails).
  let fontsFixed: string[] = [];
  const owns = plan.owns;
  const own = written.rules.filter(({ cf, rule, ranges }) =>
    isOurs({ type: cf.type, stopIfTrue: null, rule: rule.rule as Record<string, string>, address: ranges.address }, owns),
  );
  const planned = plan.notes?.length ?? 0;
  const notes = state.notesKind === 'note' && !notesWritten ? noteOps(plan, written.notes) : [];
  if (state.notesKind !== 'note' && planned > 0) warnings.push(m.planNotesSkipped(planned));
  try {
    context.workbook.worksheets.getItem(backupName).delete();
    for (const { cf } of own) cf.delete();
    afterWrite?.queue(context);
    // A full recalculation is not wanted by a user who calculates by hand.
    if (!state.manualCalculation) context.workbook.application.calculate('Recalculate');
    queueNoteOps(context, 'note', notes, new Map());
    fontsFixed = queueSymbolFontFix(context.workbook.worksheets.getItem(state.sheetId), written.fonts);
    // Last: paper, margins, header/footer, title columns, page breaks, row heights. They change
    // no cell; a host that refuses them leaves a formatted sheet and a warning.
    queuePageLayout(context.workbook.worksheets.getItem(state.sheetId), plan);
    await context.sync();
    // Every note was located (the write batch loads them all when the plan has notes, or when all are the add-in's).
    const all = state.notesKind === 'note' && !notesWritten && written.notes.length === state.notes.length;
    const located = written.notes.flatMap(({ where }) => {
      const box = boxOfAddress(where.address);
      return box ? [a1(box.top, box.left)] : [];
    });
    const notesAt = all ? notesAfter(located, notes) : null;
    return { ok: true, value: { warnings, notesAt } };
  } catch (e) {
    const reason = toOutcomeError(e, plan.sheetName);
    if (notes.length > 0) warnings.push(m.planNotesFailed(reason.message));
    if (plan.print) warnings.push(m.pageLayoutFailed(reason.message));
    if (fontsFixed.length > 0) warnings.push(m.symbolFontsLeft(fontsFixed.join(', '), reason.message));
    try {
      const backup = context.workbook.worksheets.getItemOrNullObject(backupName);
      backup.load('name');
      // A response Excel refused (the caller's loads: a long publication history) would be
      // refused again: the caller reads what it needs afterwards (AfterWrite).
      if (!isResponseTooLarge(e)) afterWrite?.queue(context);
      await context.sync();
      if (!backup.isNullObject) {
        backup.delete();
        await context.sync();
      }
      return { ok: true, value: { warnings, notesAt: null } };
    } catch (again) {
      // The sheet is formatted; only the clean-up failed. Say so rather than hide a stray sheet.
      return fail('backupLeft', m.backupLeft(toOutcomeError(again).message, backupName));
    }
  }
}

/**
 * Whether a cell still holds what the add-in wrote there (formula as typed, or the value).
 * `wrote` is what valueRuns entered: a formula write's formula, or a value (text that starts
 * with `=`, `+` or `-` entered with Excel's apostrophe), so a leading `=` here is a formula.
 */
function holdsWritten(wrote: string | number, value: unknown, formula: unknown): boolean {
  if (typeof wrote === 'string' && wrote.startsWith('=')) return formula === wrote;
  // Excel's apostrophe prefix is not part of the value.
  const want = typeof wrote === 'string' && wrote.startsWith("'") ? wrote.slice(1) : wrote;
  return sameValue(value, want) || (typeof want === 'number' && String(value) === String(want));
}

type Restored = 'restored' | 'untouched' | 'sheetGone' | 'backupGone' | 'failed';

/**
 * Takes back what the add-in wrote after a failed (or overtaken) write, never a
 * co-author's edit: each written cell comes back from the backup only where it still holds
 * what the add-in wrote (a cell someone changed since keeps their change); the plan's areas
 * get their formats back (the add-in restyled them all), and widths, panes and print their
 * settings. Failure-path round trips: find the sheet and the backup, read what the written
 * cells hold now (and the backup's widths), then put back and delete the backup.
 */
async function restore(context: Excel.RequestContext, plan: FormatPlan, state: FormatState, read: CellsRead, backupName: string, added: readonly PlannedNote[]): Promise<Restored> {
  try {
    const sheets = context.workbook.worksheets;
    const backup = sheets.getItemOrNullObject(backupName);
    backup.load('name');
    const ws = sheets.getItemOrNullObject(state.sheetId);
    ws.load('name');
    await context.sync();
    // Deleted mid-write: nothing of the add-in's is left to take back (a backup, if any, stays for the user).
    if (ws.isNullObject) return 'sheetGone';
    const now = queueRestoreRead(ws, backup, plan, state, added);
    await context.sync();
    const { ours, changedByUs } = stillOurs(now.runs, read);
    const notes = queueNotesBack(ws, now.notes);
    if (backup.isNullObject) {
      if (notes > 0) await context.sync();
      return changedByUs ? 'backupGone' : 'untouched';
    }
    queuePutBack(ws, backup, plan, state, ours, now);
    backup.delete();
    await context.sync();
    return 'restored';
  } catch {
    // Reported by the caller as "not restored" with the backup's name: the user keeps a way back.
    return 'failed';
  }
}

/**
 * Puts back the notes the write batch changed, each only where the cell's note is still what
 * the add-in left (a note someone changed since stays): an added note goes, a replaced one
 * gets its text back, a deleted one comes back. Returns how many it queued.
 */
function queueNotesBack(ws: Excel.Worksheet, notes: RestoreRead['notes']): number {
  let queued = 0;
  for (const { change, note } of notes) {
    const now = note.isNullObject ? null : note.content;
    if (now !== change.text) continue;
    if (change.kind === 'add') note.delete();
    else if (change.kind === 'replace' && change.was !== null) note.content = change.was;
    else if (change.kind === 'delete' && change.was !== null) ws.notes.add(ws.getRange(change.address), change.was);
    queued++;
  }
  return queued;
}

/** What a restore reads after a failed write: the written cells now, the backup's widths, the print names and notes the plan may have added. */
interface RestoreRead {
  runs: Array<{ run: ReturnType<typeof valueRuns>[number]; range: Excel.Range }>;
  notes: Array<{ change: PlannedNote; note: Excel.Note }>;
  widths: Array<{ col: number; range: Excel.Range }>;
  printNames: Array<Excel.NamedItem | null>;
}

function queueRestoreRead(ws: Excel.Worksheet, backup: Excel.Worksheet, plan: FormatPlan, state: FormatState, added: readonly PlannedNote[]): RestoreRead {
  const runs = valueRuns(plan.writes).map((run) => {
    const range = ws.getRange(boxAddress(run.box));
    range.load('values,formulas');
    return { run, range };
  });
  const widths = backup.isNullObject
    ? []
    : plan.columnWidths.map(({ col }) => {
        const range = backup.getRangeByIndexes(0, col, 1, 1);
        range.load('format/columnWidth');
        return { col, range };
      });
  // Excel keeps the print area and titles as sheet names: deleting them is how a plan's
  // print setup is undone on a sheet that had none.
  const printNames = plan.print
    ? [state.printArea === null ? ws.names.getItemOrNullObject('Print_Area') : null, state.printTitleRows === null ? ws.names.getItemOrNullObject('Print_Titles') : null]
    : [];
  for (const name of printNames) name?.load('name');
  // By cell address (NoteCollection.getItemOrNullObject, ExcelApi 1.18): null where the add did not run.
  const notes = added.map((change) => {
    const note = ws.notes.getItemOrNullObject(change.address);
    note.load('content');
    return { change, note };
  });
  return { runs, widths, printNames, notes };
}

/** Runs of cells that still hold what the add-in wrote; and whether any of them held something else when read. */
function stillOurs(runs: RestoreRead['runs'], read: CellsRead): { ours: CellBox[]; changedByUs: boolean } {
  const ours: CellBox[] = [];
  let changedByUs = false;
  for (const { run, range } of runs) {
    for (let i = 0; i < run.values.length; i++) {
      const wrote = run.values[i][0];
      if (holdsWritten(wrote, range.values[i][0], range.formulas[i][0]) && !holdsWritten(wrote, read.value(run.box.top + i, run.box.left), read.formula(run.box.top + i, run.box.left))) changedByUs = true;
    }
    let start = -1;
    for (let i = 0; i <= run.values.length; i++) {
      const still = i < run.values.length && holdsWritten(run.values[i][0], range.values[i][0], range.formulas[i][0]);
      if (still && start < 0) start = i;
      if (!still && start >= 0) {
        ours.push({ top: run.box.top + start, left: run.box.left, bottom: run.box.top + i - 1, right: run.box.left });
        start = -1;
      }
    }
  }
  return { ours, changedByUs };
}

/** Queues the put-back from the backup: the areas' formats, the cells still ours, widths, panes and print. */
function queuePutBack(ws: Excel.Worksheet, backup: Excel.Worksheet, plan: FormatPlan, state: FormatState, ours: CellBox[], now: RestoreRead): void {
  for (const box of [plan.area, plan.extraArea]) {
    if (!box) continue;
    const address = boxAddress(box);
    ws.getRange(address).copyFrom(backup.getRange(address), 'Formats');
  }
  for (const box of ours) {
    const address = boxAddress(box);
    ws.getRange(address).copyFrom(backup.getRange(address), 'All');
  }
  for (const { col, range } of now.widths) ws.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = range.format.columnWidth;
  const f = state.freeze;
  if (!f) ws.freezePanes.unfreeze();
  else if (f.right >= 16_383) ws.freezePanes.freezeRows(f.bottom + 1);
  else if (f.bottom >= 1_048_575) ws.freezePanes.freezeColumns(f.right + 1);
  else ws.freezePanes.freezeAt(ws.getRange(boxAddress(f)));
  if (plan.print) {
    ws.pageLayout.orientation = state.orientation as Excel.PageOrientation;
    ws.pageLayout.zoom = state.zoom;
    if (state.printArea) ws.pageLayout.setPrintArea(state.printArea.slice(state.printArea.lastIndexOf('!') + 1));
    if (state.printTitleRows) ws.pageLayout.setPrintTitleRows(state.printTitleRows.slice(state.printTitleRows.lastIndexOf('!') + 1));
    for (const name of now.printNames) if (name && !name.isNullObject) name.delete();
  }
}
