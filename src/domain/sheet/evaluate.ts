import { formatNumber, sheetMsg } from '../messages';
import { blamedUnreadable, checkUnits, evaluateRag } from '../rag';
import { isNotApplicable, parseTolerances, targetRange, type Tolerances, type ToleranceWarningKind } from '../tolerance';
import type { CellInput, DotConvention, Rag } from '../types';
import { dotMonths } from './dotMonths';
import { a1, boxAddress, qualified, type Grid } from './grid';
import type { RawRow, ToleranceCell } from './rows';
import { rowDot } from './rowDot';
import type { IndicatorRow, Problem, ProblemCode, RagBasis, ReadCell, RowTolerances, TableColumns } from './scorecard';
import { yearOnYearOf } from './yearOnYear';

// Made once: a regular expression literal is a new object each time it is evaluated (per row here).
const PERCENT_SIGN = /%/;
/** A RAG cell marked `YTD`: RAG is judged on the YTD figure. */
const YTD_MARKED = /^ytd\b/i;

/**
 * What a tolerance cell hands the parser: a number cell shown as a percentage goes as
 * `95%` text so the parser knows its unit; other number cells as numbers (0.95 and 95
 * differ); text (`<90%`, `100% (of 720)`) as written.
 */
function toleranceInput(cell: ToleranceCell | null): CellInput {
  if (!cell) return null;
  if (typeof cell.raw === 'number' && cell.number !== null && cell.number.kind === 'number') {
    if (!cell.number.percent) return cell.raw;
    return PERCENT_SIGN.test(cell.text) ? cell.text.trim() : `${formatNumber(cell.raw * 100)}%`;
  }
  return cell.text.trim() === '' && typeof cell.raw === 'string' ? cell.raw.trim() : cell.text.trim();
}

function isNumber(cell: ReadCell | null): boolean {
  return cell !== null && cell.value.kind === 'number';
}

/** Context for problems: the sheet and the row's ref and key. */
interface ProblemSink {
  sheetName: string;
  row: RawRow;
  problems: Problem[];
}

function report(sink: ProblemSink, address: string, code: ProblemCode, message: string, severity?: 'warning'): void {
  const problem: Problem = { address, qualifiedAddress: qualified(sink.sheetName, address), code, message, ref: sink.row.ref, key: sink.row.key };
  if (severity) problem.severity = severity;
  sink.problems.push(problem);
}

const WARNING_CODES: Record<ToleranceWarningKind, ProblemCode> = {
  emptyBand: 'toleranceConflict',
  overlap: 'toleranceConflict',
  gap: 'valueInGap',
  unreadable: 'badTolerance',
};

/** The ladder's warnings at their cells; the one an error already names is left out. */
function reportWarnings(sink: ProblemSink, tol: Tolerances, skip: Rag | null): void {
  if (tol.kind !== 'bands') return;
  for (const w of tol.warnings) {
    if (w.kind === 'unreadable' && w.rag === skip) continue;
    const code = w.kind === 'unreadable' ? (tol.unreadable.find((u) => u.rag === w.rag)?.code ?? 'badTolerance') : WARNING_CODES[w.kind];
    report(sink, addressOf(sink.row[w.rag]) ?? toleranceBox(sink.row), code, w.message, 'warning');
  }
}

/** Cells whose unit contradicts the row: `90.2` in a % row of fractions. Those cells are set aside. */
function unitProblems(sink: ProblemSink): ReadonlySet<string> {
  const row = sink.row;
  if (row.unit !== 'percent') return NONE_FLAGGED;
  const percentCell = row.months.find(shownAsPercent) ?? (row.ytd && shownAsPercent(row.ytd) ? row.ytd : undefined);
  if (!percentCell) return NONE_FLAGGED;
  let flagged: Set<string> | null = null;
  for (const c of row.months) flagged = flagPlainNumber(sink, c, percentCell, flagged);
  if (row.ytd) flagged = flagPlainNumber(sink, row.ytd, percentCell, flagged);
  return flagged ?? NONE_FLAGGED;
}

/** Most rows set no cell aside: one empty set for them all (only ever read). */
const NONE_FLAGGED: ReadonlySet<string> = new Set();

function shownAsPercent(c: ReadCell): boolean {
  return c.value.kind === 'number' && c.value.percent;
}

/** Above 1 (100%) and not shown as a percentage: a percentage typed as a whole number. */
function flagPlainNumber(sink: ProblemSink, c: ReadCell, percentCell: ReadCell, flagged: Set<string> | null): Set<string> | null {
  if (c.value.kind !== 'number' || c.value.percent || Math.abs(c.value.value) <= 1) return flagged;
  report(sink, c.address, 'unitMismatch', sheetMsg.plainNumberInPercentRow(c.text.trim(), percentCell.text.trim()));
  return (flagged ?? new Set<string>()).add(c.address);
}

/** A figure RAG may be judged on: a number not set aside for a unit problem. */
function usable(c: ReadCell | null, flagged: ReadonlySet<string>): c is ReadCell {
  return c !== null && isNumber(c) && !flagged.has(c.address);
}

/**
 * What RAG is judged on: the YTD figure when the RAG cell says `YTD`; else the reporting
 * month; else the newest month with a figure (quarterly, termly, one month in arrears);
 * else YTD (annual measures).
 */
function ragBasis(row: RawRow, flagged: ReadonlySet<string>): { basis: RagBasis; cell: ReadCell } | null {
  if (YTD_MARKED.test(row.ragText)) return usable(row.ytd, flagged) ? { basis: { kind: 'ytd', col: row.ytd.col, marked: true }, cell: row.ytd } : null;
  const months = row.months;
  const reporting = months[months.length - 1];
  // A monthly row is judged on the reporting month alone: right after New month its column
  // is empty, and last month's figure is not this month's.
  if (row.frequency === 'monthly' && reporting && reporting.value.kind === 'missing' && !flagged.has(reporting.address)) {
    return { basis: { kind: 'month', label: reporting.label, col: reporting.col, latest: false }, cell: reporting };
  }
  for (let i = months.length - 1; i >= 0; i--) {
    const m: ReadCell & { label: string } = months[i];
    if (isNumber(m) && !flagged.has(m.address)) return { basis: { kind: 'month', label: m.label, col: m.col, latest: i !== months.length - 1 }, cell: m };
    // A flagged reporting month is judged nowhere else: the analyst must fix it first.
    if (flagged.has(m.address)) return null;
  }
  return usable(row.ytd, flagged) ? { basis: { kind: 'ytd', col: row.ytd.col, marked: false }, cell: row.ytd } : null;
}

/** What each tolerance cell hands the parser (see toleranceInput), worked out once per row. */
interface ToleranceInputs {
  red: CellInput;
  amber: CellInput;
  green: CellInput;
}

function inputText(t: CellInput): string {
  return t === null || t === undefined ? '' : String(t);
}

function addressOf(cell: ToleranceCell | null): string | undefined {
  return cell ? a1(cell.row, cell.col) : undefined;
}

function toleranceBox(row: RawRow): string {
  const cells = [row.red, row.amber, row.green].filter((c): c is ToleranceCell => c !== null);
  if (cells.length === 0) return a1(row.row, 0);
  const cols = cells.map((c) => c.col);
  return boxAddress({ top: row.row, bottom: row.row, left: Math.min(...cols), right: Math.max(...cols) });
}

/**
 * The row's tolerances as the engine reads them, with what is wrong with them reported:
 * unreadable text, an Info row with targets, a percentage target on a count row (set aside).
 */
function readTolerances(sink: ProblemSink, inputs: ToleranceInputs, written: RowTolerances, polarityCol: number): Tolerances | null {
  const raw = sink.row;
  const polarity = raw.polarity.ok ? raw.polarity.value : null;
  let tol: Tolerances | null = null;
  if (raw.polarity.ok) {
    const parsed = parseTolerances(inputs.red, inputs.amber, inputs.green, polarity);
    if (!parsed.ok) report(sink, parsed.error.code === 'polarityConflict' ? a1(raw.row, polarityCol) : toleranceBox(raw), parsed.error.code, parsed.error.message);
    else tol = parsed.value;
  }
  if (polarity === 'info' && written.set && [written.red, written.amber, written.green].some((t) => t.trim() !== '' && !isNotApplicable(t))) {
    const texts = [written.red, written.amber, written.green].filter((t) => t !== '');
    report(sink, a1(raw.row, polarityCol), 'polarityConflict', sheetMsg.infoWithTolerances(texts.join(' | ')));
  }
  if (tol && tol.kind === 'bands' && tol.percent && raw.unit === 'count') {
    const cell = [raw.green, raw.amber, raw.red].find((c) => c !== null && PERCENT_SIGN.test(c.text));
    if (cell) report(sink, a1(cell.row, cell.col), 'unitMismatch', sheetMsg.percentTargetInCountRow(raw.unitText, cell.text.trim()));
    tol = null;
  }
  return tol;
}

/** Why a row with targets has no figure to judge: the YTD cell it is marked for, or the reporting month. */
function reportNoBasis(sink: ProblemSink, flagged: ReadonlySet<string>): void {
  const raw = sink.row;
  const reporting = raw.months[raw.months.length - 1];
  if (YTD_MARKED.test(raw.ragText) && raw.ytd) report(sink, raw.ytd.address, 'missingValue', sheetMsg.noYtdFigure(raw.ytd.text.trim()));
  else if (reporting && !flagged.has(reporting.address)) report(sink, reporting.address, 'missingValue', sheetMsg.noRagFigure(reporting.label, reporting.text.trim()));
}

/** The RAG of a figure against the bands; a figure in a gap blames an unreadable cell's band when it lies there. */
function judgeFigure(sink: ProblemSink, tol: Tolerances & { kind: 'bands' }, found: { basis: RagBasis; cell: ReadCell }): { rag: Rag | null; named: Rag | null } {
  const value = found.cell.value;
  const units = checkUnits(value, tol);
  if (!units.ok) report(sink, found.cell.address, units.error.code, units.error.message);
  else if (value.kind === 'number') {
    const judged = evaluateRag(value.value, tol);
    if (judged.ok) return { rag: judged.value, named: null };
    // The figure may lie in an unreadable cell's band: the error (its code says so) is that cell's.
    const blamed = judged.error.code === 'badTolerance' || judged.error.code === 'unitMismatch' ? blamedUnreadable(value.value, tol) : null;
    report(sink, blamed ? (addressOf(sink.row[blamed.rag]) ?? toleranceBox(sink.row)) : found.cell.address, judged.error.code, judged.error.message);
    return { rag: null, named: blamed ? blamed.rag : null };
  } else if (value.kind === 'missing') {
    report(sink, found.cell.address, 'missingValue', sheetMsg.monthNotReported(found.basis.kind === 'month' ? found.basis.label : '', found.cell.text.trim()));
  }
  return { rag: null, named: null };
}

/** RAG on the right figure (see ragBasis), with the ladder's warnings; blank when anything stops it. */
function judgeRag(sink: ProblemSink, tol: Tolerances | null, flagged: ReadonlySet<string>): { rag: Rag | null; basis: RagBasis | null } {
  let rag: Rag | null = null;
  let basis: RagBasis | null = null;
  let named: Rag | null = null;
  if (tol && tol.kind === 'bands') {
    const found = ragBasis(sink.row, flagged);
    if (!found) reportNoBasis(sink, flagged);
    else {
      basis = found.basis;
      ({ rag, named } = judgeFigure(sink, tol, found));
    }
  }
  if (tol) reportWarnings(sink, tol, named);
  return { rag, basis };
}

/** Where the row's year-on-year reading comes from: the sheet and the table's columns. */
export interface RowContext {
  grid: Grid;
  columns: TableColumns;
  convention: DotConvention;
}

/**
 * Judges one indicator row with the engine: tolerances, RAG on the right figure, DOT (with
 * the months it compares), and the year-on-year reading. Everything the engine cannot
 * evaluate becomes a problem naming the cell; the RAG of such a row is blank, never a guess.
 *
 * @example evaluateRow(raw, { grid, columns, convention: 'performance' }).rag // 'amber' for 6.8 (92.0% against <90% | 90%> | 95%+)
 */
export function evaluateRow(raw: RawRow, context: RowContext): IndicatorRow {
  const sink: ProblemSink = { sheetName: context.grid.sheetName, row: raw, problems: [] };
  const inputs: ToleranceInputs = { red: toleranceInput(raw.red), amber: toleranceInput(raw.amber), green: toleranceInput(raw.green) };
  const red = inputText(inputs.red);
  const amber = inputText(inputs.amber);
  const green = inputText(inputs.green);
  const written: RowTolerances = { red, amber, green, set: red !== '' || amber !== '' || green !== '', parsed: null };
  const polarity = raw.polarity.ok ? raw.polarity.value : null;
  if (!raw.polarity.ok) report(sink, a1(raw.row, context.columns.polarity), raw.polarity.code, raw.polarity.message);
  const flagged = unitProblems(sink);
  const tol = readTolerances(sink, inputs, written, context.columns.polarity);
  written.parsed = tol;
  const { rag, basis } = judgeRag(sink, tol, flagged);
  const pair = dotMonths(raw.months, basis, raw.frequency);
  const dot = rowDot(pair, polarity, rag, context.convention, flagged, targetRange(tol), raw.lean);
  const yearOnYear = yearOnYearOf(context, raw, polarity, tol, sink.problems);
  return {
    row: raw.row,
    ref: raw.ref,
    key: raw.key,
    name: raw.name,
    subLabel: raw.subLabel,
    section: raw.section,
    subRow: raw.subRow,
    polarity,
    lean: raw.lean,
    polarityRow: raw.polarityRow,
    unit: raw.unit,
    unitText: raw.unitText,
    months: raw.months,
    ytd: raw.ytd,
    frequency: raw.frequency,
    ragBasis: basis,
    tolerances: written,
    rag,
    dot,
    dotMonths: pair,
    yearOnYear,
    problems: sink.problems,
  };
}
