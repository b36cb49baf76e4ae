import { parsePolarity, readPolarity, type Lean } from '../polarity';
import type { Polarity } from '../types';
import { parseCellValue, type ParsedValue } from '../value';
import type { DetectedHeader } from './detect';
import { a1, cellText, columnLetters, type Grid } from './grid';
import { reportingFrequency, type Frequency } from './frequency';
import type { IndicatorRow, MonthColumn, MonthValue, ReadCell, Unit } from './scorecard';

/** An indicator row as written, before the engine judges it: the fields it shares with IndicatorRow, as read. */
export interface RawRow
  extends Pick<IndicatorRow, 'row' | 'ref' | 'key' | 'name' | 'subLabel' | 'section' | 'subRow' | 'unit' | 'unitText' | 'months' | 'ytd'> {
  polarityText: string;
  /** Parsed GOOD PERF IS (inherited by a sub-row that leaves it blank); an error keeps its text. */
  polarity: { ok: true; value: Polarity | null } | { ok: false; code: 'badPolarity'; message: string };
  /** Within Limits: which way is better inside the range (`Within limits (lower is better)`), inherited with the polarity. */
  lean: Lean | null;
  /** The row whose GOOD PERF IS cell holds the polarity (this row, or the one a sub-row inherits from); null when none does. */
  polarityRow: number | null;
  ragText: string;
  /** Monthly rows are judged on the reporting month only; periodic ones on the newest reported. */
  frequency: Frequency;
  red: ToleranceCell | null;
  amber: ToleranceCell | null;
  green: ToleranceCell | null;
}

/**
 * A cell as the engine reads it: the value Excel holds, with its displayed text and format.
 * @example readCell(grid, 12, 5).value // { kind: 'number', value: 0.843, percent: true, decimals: 1, annotation: null }
 */
export function readCell(grid: Grid, row: number, col: number): ReadCell {
  const i = row - grid.top;
  const j = col - grid.left;
  const raw = grid.values[i]?.[j];
  const text = grid.text[i]?.[j] ?? (raw === null || raw === undefined ? '' : String(raw));
  const value: ParsedValue = parseCellValue(raw ?? null, text, grid.numberFormats[i]?.[j] ?? 'General');
  return { row, col, address: a1(row, col), text, raw: raw ?? null, value };
}

/**
 * A Red, Amber or Green cell: its text goes to the tolerance parser; only a number cell
 * needs its reading (how it is shown), and its address only a problem naming it.
 */
export interface ToleranceCell extends Omit<ReadCell, 'value' | 'address'> {
  /** The number cell's reading; null for text, which the parser reads itself. */
  number: ParsedValue | null;
}

function readToleranceCell(grid: Grid, row: number, col: number | null): ToleranceCell | null {
  if (col === null) return null;
  const i = row - grid.top;
  const j = col - grid.left;
  const raw = grid.values[i]?.[j];
  const text = grid.text[i]?.[j] ?? (raw === null || raw === undefined ? '' : String(raw));
  const number = typeof raw === 'number' ? parseCellValue(raw, text, grid.numberFormats[i]?.[j] ?? 'General') : null;
  return { row, col, text, raw: raw ?? null, number };
}

/**
 * A month's cell with its label, built at once (one object per cell, not a cell and its copy).
 * @example readMonthValue(grid, 12, 5, 'Dec-20').label // 'Dec-20'
 */
export function readMonthValue(grid: Grid, row: number, col: number, label: string): MonthValue {
  const i = row - grid.top;
  const j = col - grid.left;
  const raw = grid.values[i]?.[j];
  const text = grid.text[i]?.[j] ?? (raw === null || raw === undefined ? '' : String(raw));
  const value: ParsedValue = parseCellValue(raw ?? null, text, grid.numberFormats[i]?.[j] ?? 'General');
  return { row, col, address: a1(row, col), text, raw: raw ?? null, value, label };
}

// Made once (a regular expression literal is a new object each time it is evaluated, and this runs per row).
const UNIT_PERCENT = /%|percent/;
const UNIT_RATE = /rate/;
const UNIT_AVERAGE = /average|mean/;
const UNIT_COUNT = /number|count|\bno\.?\b|total/;

/**
 * A row's cells in the month columns, as `readMonthValue` reads each: the row's arrays and
 * its number in an address are looked up once for all its months.
 */
function readMonthCells(grid: Grid, row: number, columns: readonly MonthColumn[]): MonthValue[] {
  const i = row - grid.top;
  const values = grid.values[i];
  const texts = grid.text[i];
  const formats = grid.numberFormats[i];
  const rowNumber = String(row + 1);
  // Mapped, so the array is made at its size (pushed, it would keep room for 17 cells).
  return columns.map((m) => {
    const j = m.col - grid.left;
    const raw = values?.[j];
    const text = texts?.[j] ?? (raw === null || raw === undefined ? '' : String(raw));
    const value: ParsedValue = parseCellValue(raw ?? null, text, formats?.[j] ?? 'General');
    return { row, col: m.col, address: columnLetters(m.col) + rowNumber, text, raw: raw ?? null, value, label: m.label };
  });
}

/**
 * The unit a DATA NOTE (Monthly) cell names: `%`, `Percentage`, `Primary % (Termly)`,
 * `% (Quarterly)` are percentages; `Number`, `Count`, `Cumulative No.` counts;
 * `Rate per 10,000` rates; `YTD Average`, `Average count` averages.
 *
 * @example unitOf('% (Quarterly)') // 'percent'
 */
export function unitOf(text: string): Unit {
  const t = text.toLowerCase();
  if (t.trim() === '') return 'unknown';
  if (UNIT_PERCENT.test(t)) return 'percent';
  if (UNIT_RATE.test(t)) return 'rate';
  if (UNIT_AVERAGE.test(t)) return 'average';
  if (UNIT_COUNT.test(t)) return 'count';
  return 'unknown';
}

function isBlankRow(grid: Grid, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) if (cellText(grid, row, c).trim() !== '') return false;
  return true;
}

/** Whether a row reads as an indicator: a polarity under GOOD PERF IS and a NO. or a name. */
function looksLikeIndicator(grid: Grid, header: DetectedHeader, row: number): boolean {
  const c = header.columns;
  const polarity = parsePolarity(cellText(grid, row, c.polarity));
  return polarity.ok && polarity.value !== null && (text(grid, row, c.ref) !== '' || text(grid, row, c.indicator) !== '');
}

/**
 * The rows of a table body: from below the header down to a blank row, and never into the
 * next table's header. A blank spacer row inside the table is passed over when an
 * indicator row (polarity and NO. or name) follows within three rows; notes and keys
 * below a table are not indicators.
 *
 * @example bodyRows(grid, header, Infinity) // [4, 5, ..., 37]
 */
export function bodyRows(grid: Grid, header: DetectedHeader, stopBefore: number): number[] {
  const rows: number[] = [];
  const last = Math.min(stopBefore - 1, grid.top + grid.values.length - 1);
  const { left, right } = header.headerBox;
  for (let r = header.headerBox.bottom + 1; r <= last; r++) {
    if (isBlankRow(grid, r, left, right)) {
      let next = r + 1;
      while (next <= Math.min(last, r + 3) && isBlankRow(grid, next, left, right)) next++;
      if (next > last || next > r + 3 || !looksLikeIndicator(grid, header, next)) break;
      r = next - 1;
      continue;
    }
    rows.push(r);
  }
  return rows;
}

// GOOD PERF IS holds a handful of wordings down thousands of rows: each is read once.
const POLARITIES = new Map<string, ReturnType<typeof readPolarity>>();

/** `readPolarity` of a cell's text, remembered (the readings are only ever read). */
function polarityOf(text: string): ReturnType<typeof readPolarity> {
  let reading = POLARITIES.get(text);
  if (reading === undefined) {
    reading = readPolarity(text);
    if (POLARITIES.size < 512) POLARITIES.set(text, reading);
  }
  return reading;
}

/** Whether a character is one `\s` matches (ASCII tab to carriage return and space, and the Unicode spaces). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether text has whitespace other than single spaces between words (`\s\s`, `[^\S ]`,
 * `^\s`, `\s$`): only such text needs collapsing. A loop over the characters, as it runs on
 * six cells of every row.
 */
function looseSpace(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  let previousSpace = true; // a space at the start is loose
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (!isSpace(c)) {
      previousSpace = false;
      continue;
    }
    if (c !== 32 || previousSpace) return true;
    previousSpace = true;
  }
  return previousSpace; // a space at the end is loose
}

function text(grid: Grid, row: number, col: number | null): string {
  if (col === null) return '';
  const raw = cellText(grid, row, col);
  return looseSpace(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
}

function optionalCell(grid: Grid, row: number, col: number | null): ReadCell | null {
  return col === null ? null : readCell(grid, row, col);
}

/** The text cells of a row that say what it is, collapsed as a reader sees them. */
interface RowTexts {
  section: string;
  ref: string;
  name: string;
  sub: string;
  polarity: string;
  unit: string;
}

function rowTexts(grid: Grid, cols: DetectedHeader['columns'], r: number): RowTexts {
  return {
    section: text(grid, r, cols.section),
    ref: text(grid, r, cols.ref),
    name: text(grid, r, cols.indicator),
    sub: text(grid, r, cols.subLabel),
    polarity: text(grid, r, cols.polarity),
    unit: text(grid, r, cols.unit),
  };
}

/** Whether a row holds anything but a section label (a row with only that opens a group). */
function hasContent(t: RowTexts, months: readonly MonthValue[]): boolean {
  return t.ref !== '' || t.name !== '' || t.sub !== '' || t.polarity !== '' || t.unit !== '' || months.some((m) => m.text.trim() !== '');
}

/** GOOD PERF IS of a row: its own, or (blank on a sub-row) the row above's, with the row that holds it. */
function rowPolarity(polarityText: string, r: number, prev: RawRow | null): Pick<RawRow, 'polarity' | 'lean' | 'polarityRow'> {
  const parsed = polarityOf(polarityText);
  if (!parsed.ok) return { polarity: { ok: false, code: 'badPolarity', message: parsed.error.message }, lean: null, polarityRow: r };
  if (parsed.value !== null) return { polarity: polarityRead(parsed.value.polarity), lean: parsed.value.lean, polarityRow: r };
  const from = prev && prev.polarity.ok ? prev : null;
  // A formula must reference the cell the polarity really lives in, not the sub-row's blank one.
  return { polarity: polarityRead(from?.polarity.ok ? from.polarity.value : null), lean: from?.lean ?? null, polarityRow: prev ? prev.polarityRow : null };
}

/** The few readings a row's polarity can have, shared by every row (they are only read). */
const POLARITY_READS = new Map<Polarity | null, RawRow['polarity']>(
  (['high', 'low', 'withinLimits', 'info', null] as const).map((p) => [p, Object.freeze({ ok: true as const, value: p })]),
);

function polarityRead(value: Polarity | null): RawRow['polarity'] {
  return POLARITY_READS.get(value) ?? { ok: true, value };
}

/** What reading a table's rows carries from one row to the next. */
interface RowsState {
  section: string;
  prev: RawRow | null;
  /** The row's place in its group (1 for the row with the NO.). */
  ordinal: number;
  keys: Set<string>;
}

/** Key: the group's first row is the bare NO.; a sub-row adds its label, else its place; never one twice. */
function rowKey(state: RowsState, t: RowTexts, ref: string, subRow: boolean, r: number): string {
  const distinct = t.sub !== '' ? t.sub : t.name !== '' && subRow ? t.name : '';
  let key = !subRow && t.sub === '' ? ref : `${ref} | ${distinct !== '' ? distinct : `#${state.ordinal}`}`;
  if (key === '') key = `row ${r + 1}`;
  // One lookup for the usual new key: added at once, made distinct only when it was there.
  let size = state.keys.size;
  while (state.keys.add(key).size === size) {
    key = `${key} #${state.ordinal}`;
    size = state.keys.size;
  }
  return key;
}

/** One body row as written, or null when it holds nothing but a section label. */
function readRow(grid: Grid, header: DetectedHeader, r: number, state: RowsState): RawRow | null {
  const cols = header.columns;
  const t = rowTexts(grid, cols, r);
  if (t.section !== '') state.section = t.section;
  const months = readMonthCells(grid, r, header.months);
  if (!hasContent(t, months)) return null;
  const prev = state.prev;
  // A sub-row (blank NO. under a row) inherits NO., indicator, section and polarity.
  const subRow = t.ref === '' && prev !== null;
  const ref = subRow ? prev.ref : t.ref;
  state.ordinal = subRow ? state.ordinal + 1 : 1;
  const ytd = optionalCell(grid, r, cols.ytd);
  const ownUnit = unitOf(t.unit);
  const unit = ownUnit !== 'unknown' ? ownUnit : t.unit === '' && subRow ? prev.unit : inferUnit(months, ytd);
  const { polarity, lean, polarityRow } = rowPolarity(t.polarity, r, subRow ? prev : null);
  return {
    row: r,
    ref,
    key: rowKey(state, t, ref, subRow, r),
    name: t.name !== '' ? t.name : subRow ? prev.name : '',
    subLabel: t.sub,
    section: state.section,
    subRow,
    polarityText: t.polarity,
    polarity,
    lean,
    polarityRow,
    unit,
    unitText: t.unit,
    months,
    ytd,
    ragText: text(grid, r, cols.rag),
    frequency: reportingFrequency(text(grid, r, cols.dataNote), t.unit, months),
    red: readToleranceCell(grid, r, cols.red),
    amber: readToleranceCell(grid, r, cols.amber),
    green: readToleranceCell(grid, r, cols.green),
  };
}

/**
 * Reads the indicator rows of a table body one by one, handing each to `visit` as it is
 * read (so a caller judging rows keeps none of the raw ones). See `readRows`.
 */
export function eachRow(grid: Grid, header: DetectedHeader, rows: readonly number[], initialSection: string, visit: (row: RawRow) => void): void {
  const state: RowsState = { section: initialSection, prev: null, ordinal: 0, keys: new Set() };
  for (const r of rows) {
    const row = readRow(grid, header, r, state);
    if (row === null) continue;
    visit(row);
    state.prev = row;
  }
}

/**
 * Reads the indicator rows of a table body. Sub-rows (blank NO.) inherit NO., indicator,
 * section, polarity and unit from the row above, as the printed reports intend; keys are
 * NO. plus the sub-row's label (or `#n`, its place in the group), so they stay stable
 * across months while rows shift. `initialSection` carries a group on from the table
 * above (the printed report continues FOSTERING on its next page without repeating it).
 *
 * @example readRows(grid, header, [12, 13]).map((r) => r.key) // ['2.2', '2.2 | #2']
 */
export function readRows(grid: Grid, header: DetectedHeader, rows: number[], initialSection = ''): RawRow[] {
  const out: RawRow[] = [];
  eachRow(grid, header, rows, initialSection, (row) => out.push(row));
  return out;
}

/** A row with no unit text: a percentage when its figures are shown as percentages. */
function inferUnit(months: readonly ReadCell[], ytd: ReadCell | null): Unit {
  let numbers = 0;
  for (const cell of ytd ? [...months, ytd] : months) {
    if (cell.value.kind !== 'number') continue;
    if (!cell.value.percent) return 'unknown';
    numbers++;
  }
  return numbers === 0 ? 'unknown' : 'percent';
}
