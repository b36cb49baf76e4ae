import { parsePolarity, readPolarity, type Lean } from '../polarity';
import type { Polarity } from '../types';
import { parseCellValue, type ParsedValue } from '../value';
import { cellText, type DetectedHeader } from './detect';
import { a1, type Grid } from './grid';
import { reportingFrequency, type Frequency } from './frequency';
import type { IndicatorRow, MonthValue, ReadCell, Unit } from './scorecard';

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
  red: ReadCell | null;
  amber: ReadCell | null;
  green: ReadCell | null;
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
  if (/%|percent/.test(t)) return 'percent';
  if (/rate/.test(t)) return 'rate';
  if (/average|mean/.test(t)) return 'average';
  if (/number|count|\bno\.?\b|total/.test(t)) return 'count';
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

/** Whitespace other than single spaces between words: only such text needs collapsing. */
const LOOSE_SPACE = /\s\s|[^\S ]|^\s|\s$/;

function text(grid: Grid, row: number, col: number | null): string {
  if (col === null) return '';
  const raw = cellText(grid, row, col);
  return LOOSE_SPACE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
}

function optionalCell(grid: Grid, row: number, col: number | null): ReadCell | null {
  return col === null ? null : readCell(grid, row, col);
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
  const cols = header.columns;
  const out: RawRow[] = [];
  let section = initialSection;
  let prev: RawRow | null = null;
  let ordinal = 0;
  const keys = new Set<string>();
  for (const r of rows) {
    const sectionText = text(grid, r, cols.section);
    if (sectionText !== '') section = sectionText;
    const refText = text(grid, r, cols.ref);
    const nameText = text(grid, r, cols.indicator);
    const subText = text(grid, r, cols.subLabel);
    const polarityText = text(grid, r, cols.polarity);
    const unitText = text(grid, r, cols.unit);
    const months = header.months.map((m) => readMonthValue(grid, r, m.col, m.label));
    const hasContent =
      refText !== '' || nameText !== '' || subText !== '' || polarityText !== '' || unitText !== '' ||
      months.some((m) => m.text.trim() !== '');
    // A row with only a section label opens a group; it is not an indicator.
    if (!hasContent) continue;

    const subRow = refText === '' && prev !== null;
    const ref = subRow && prev ? prev.ref : refText;
    ordinal = subRow ? ordinal + 1 : 1;
    const name = nameText !== '' ? nameText : subRow && prev ? prev.name : '';
    const parsed = polarityOf(polarityText);
    const from = parsed.ok && parsed.value === null && subRow && prev && prev.polarity.ok ? { polarity: prev.polarity.value, lean: prev.lean } : null;
    const polarity: RawRow['polarity'] = parsed.ok
      ? { ok: true, value: parsed.value?.polarity ?? from?.polarity ?? null }
      : { ok: false, code: 'badPolarity', message: parsed.error.message };
    const lean = parsed.ok ? (parsed.value?.lean ?? from?.lean ?? null) : null;
    // A formula must reference the cell the polarity really lives in, not the sub-row's blank one.
    const polarityRow = parsed.ok && parsed.value !== null ? r : !parsed.ok ? r : subRow && prev ? prev.polarityRow : null;
    const ownUnit = unitOf(unitText);
    const ytd = optionalCell(grid, r, cols.ytd);
    const unit = ownUnit !== 'unknown' ? ownUnit : unitText === '' && subRow && prev ? prev.unit : inferUnit(months, ytd);

    // Key: the group's first row is the bare NO.; a sub-row adds its label, else its place.
    const distinct = subText !== '' ? subText : nameText !== '' && subRow ? nameText : '';
    let key = !subRow && subText === '' ? ref : `${ref} | ${distinct !== '' ? distinct : `#${ordinal}`}`;
    if (key === '') key = `row ${r + 1}`;
    while (keys.has(key)) key = `${key} #${ordinal}`;
    keys.add(key);

    const row: RawRow = {
      row: r,
      ref,
      key,
      name,
      subLabel: subText,
      section,
      subRow,
      polarityText,
      polarity,
      lean,
      polarityRow,
      unit,
      unitText,
      months,
      ytd,
      ragText: text(grid, r, cols.rag),
      frequency: reportingFrequency(text(grid, r, cols.dataNote), unitText, months),
      red: optionalCell(grid, r, cols.red),
      amber: optionalCell(grid, r, cols.amber),
      green: optionalCell(grid, r, cols.green),
    };
    out.push(row);
    prev = row;
  }
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
