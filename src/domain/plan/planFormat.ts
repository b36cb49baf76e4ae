import { sheetMsg } from '../messages';
import { err, type Result } from '../result';
import { a1, parseA1, type CellBox, type Grid } from '../sheet/grid';
import { figureStyles } from './decimals';
import type { IndicatorRow, ScorecardTable, Unit } from '../sheet/scorecard';
import type { DotConvention, DotTone, Rag } from '../types';
import { StyleCollector, toBoxes } from './boxes';
import { DOT_GLYPHS } from '../dot';
import { dotFormula, judgedLive, ragFormula } from './formulas';
import { keyLines, NO_ARROW_MARK, placeKey } from './key';
import { PALETTES, RAG_LETTER, ragColours, type Palette, type PaletteName } from './palette';
import type { CellNote, CellStyle, CellWrite, ConditionalGroup, ConditionalRule, FormatPlan, PaperSize } from './types';
import { DEFAULT_FONT_PT, headerWordWidths, planPrint, planRowHeights } from './print';
import { ownershipOf } from './ownership';
import { validatePlan } from './validate';
import { yearOnYearWrites } from './yearOnYear';

type FigureStyle = ReturnType<typeof figureStyles>;

export interface FormatOptions {
  /** `static` writes arrows and letters (reads right without the add-in); `formulas` writes `=PERF.` formulas. */
  mode: 'static' | 'formulas';
  convention: DotConvention;
  palette: PaletteName;
  /** Paper the sheet prints on; A4 (UK councils) when absent. */
  paper?: PaperSize;
  /** Body font size of the sheet in points; Excel's default 11 when absent. */
  fontPt?: number;
}

/** Number formats by unit: `%` one decimal, counts whole, rates and averages one decimal. */
export const UNIT_FORMATS: Partial<Record<Unit, string>> = {
  percent: '0.0%',
  count: '#,##0',
  rate: '0.0',
  average: '0.0',
};

const CENTER: CellStyle = { horizontalAlignment: 'center', verticalAlignment: 'center' };
// Widths in points, per column role, so the plan knows the printed width of every column
// it owns. Headers and names wrap inside them (with row heights set), none is clipped.
const WIDTH_ARROW = 52; // one glyph or letter; `DOT (Month on Month)` wraps in four lines
const WIDTH_FIGURE = 56; // `100.0%` or `12,345`
const WIDTH_INDICATOR = 220; // long indicator names wrap
const WIDTH_SUBLABEL = 120; // `Number of families`, `Secondary % (Termly)` on one line
const WIDTH_NOTE = 110; // `Financial Year (Cumulative)` in two lines
const WIDTH_SECTION = 84; // `LOOKED AFTER CHILDREN` wraps in two lines
const WIDTH_REF = 34; // `6.10`, `3.1a`
const WIDTH_TEXT = 70; // GOOD PERF IS, units, data notes, tolerances
const WIDTH_OTHER = 50; // trend years, benchmarks and unlabelled columns
const WIDTH_KEY_LABEL = 300; // the key's label column when the key stands right of the tables

function union(boxes: CellBox[]): CellBox {
  return {
    top: Math.min(...boxes.map((b) => b.top)),
    left: Math.min(...boxes.map((b) => b.left)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
    right: Math.max(...boxes.map((b) => b.right)),
  };
}

/** The styles of one palette, built once so each style is one object for every cell. */
interface Styles {
  rag: Record<Rag | 'blank', CellStyle>;
  dot: Record<DotTone, CellStyle>;
  formats: Partial<Record<Unit, CellStyle>>;
  section: CellStyle;
  subRow: CellStyle;
  label: CellStyle;
  ref: CellStyle;
  bold: CellStyle;
  wrap: CellStyle;
}

/** Body columns whose text wraps: section, indicator, sub-label, unit and data note. */
function wrappedColumns(t: ScorecardTable): number[] {
  const c = t.columns;
  return [c.section, c.indicator, c.subLabel, c.unit, c.dataNote].filter((x): x is number => x !== null);
}

/** The width of every column of a table, by its role. */
function tableWidths(t: ScorecardTable): Map<number, number> {
  const c = t.columns;
  const w = new Map<number, number>();
  for (let col = t.headerBox.left; col <= t.headerBox.right; col++) w.set(col, WIDTH_OTHER);
  for (const col of [c.polarity, c.unit, c.red, c.amber, c.green]) if (col !== null) w.set(col, WIDTH_TEXT);
  if (c.dataNote !== null) w.set(c.dataNote, WIDTH_NOTE);
  for (const col of [c.dot, c.rag, c.yoyDot, c.yearEndRag]) if (col !== null) w.set(col, WIDTH_ARROW);
  for (const m of t.months) w.set(m.col, WIDTH_FIGURE);
  if (c.ytd !== null) w.set(c.ytd, WIDTH_FIGURE);
  if (c.section !== null) w.set(c.section, WIDTH_SECTION);
  if (c.ref !== null) w.set(c.ref, WIDTH_REF);
  if (c.indicator !== null) w.set(c.indicator, WIDTH_INDICATOR);
  if (c.subLabel !== null) w.set(c.subLabel, WIDTH_SUBLABEL);
  return w;
}

function stylesOf(palette: Palette): Styles {
  const rag = (r: Rag): CellStyle => {
    const { fill, font } = ragColours(palette, r);
    return { ...CENTER, fill, fontColor: font, bold: true };
  };
  const dot = (tone: DotTone): CellStyle => ({ ...CENTER, fontColor: palette.dot[tone], bold: true });
  const formats: Partial<Record<Unit, CellStyle>> = {};
  for (const [unit, numberFormat] of Object.entries(UNIT_FORMATS)) formats[unit as Unit] = { numberFormat };
  return {
    rag: { red: rag('red'), amber: rag('amber'), green: rag('green'), blank: { ...CENTER, fill: palette.blank, fontColor: '#000000' } },
    dot: { good: dot('good'), warning: dot('warning'), bad: dot('bad'), neutral: dot('neutral') },
    formats,
    section: { bold: true, fontColor: palette.section.font },
    subRow: { italic: true },
    bold: { bold: true },
    wrap: { wrapText: true, verticalAlignment: 'top' },
    label: { verticalAlignment: 'top' },
    ref: { horizontalAlignment: 'left', verticalAlignment: 'top' },
  };
}

/**
 * Why a row has no arrow, as a note on its DOT cell: the month and what it holds when a
 * figure is missing (`No arrow: the Dec-20 figure is "Data to be reported January".`),
 * else the engine's reason.
 */
function noArrowNote(row: IndicatorRow, reason: string): string {
  const pair = row.dotMonths;
  const missing = pair ? [pair.current, pair.previous].find((m) => m !== null && m.value.kind === 'missing') : undefined;
  return missing ? sheetMsg.noArrowNote(missing.label, missing.text) : sheetMsg.noArrowNoteOther(reason);
}

/** A DOT or RAG cell's write: the live formula (with what it shows now as its cached result), or the static mark. */
function markWrite(row: number, col: number, formula: string | null, shown: string): CellWrite {
  return formula !== null ? { kind: 'formula', row, col, formula, result: shown } : { kind: 'value', row, col, value: shown };
}

function rowWrites(table: ScorecardTable, row: IndicatorRow, options: FormatOptions, notes: CellNote[], writes: CellWrite[]): void {
  const c = table.columns;
  const live = options.mode === 'formulas' && judgedLive(row);
  if (c.dot !== null) {
    let shown = '';
    if (row.dot && row.dot.state !== null) shown = row.dot.glyph;
    else if (row.dot) shown = NO_ARROW_MARK;
    // A live DOT with no month before it is left blank (no formula to show a reason).
    const formula = live ? (dotFormula(table, row, options.convention) ?? null) : null;
    if (live && formula === null) writes.push({ kind: 'value', row: row.row, col: c.dot, value: '' });
    else writes.push(markWrite(row.row, c.dot, formula, shown));
    // No arrow, and the reason is visible (static mode: the live formula shows its own).
    if (!live && row.dot && row.dot.state === null) notes.push({ row: row.row, col: c.dot, text: noArrowNote(row, row.dot.reason) });
  }
  if (c.rag !== null) {
    const marked = row.ragBasis?.kind === 'ytd' && row.ragBasis.marked;
    const letter = row.rag ? RAG_LETTER[row.rag] : '';
    writes.push(markWrite(row.row, c.rag, live ? ragFormula(table, row) : null, marked ? `YTD ${letter}`.trim() : letter));
  }
  const yoy = yearOnYearWrites(table, row, options, notes);
  for (let k = 0; k < yoy.length; k++) writes.push(yoy[k]);
}

/**
 * The single cells the table's problems name (a missing figure aside), as the columns named
 * in each row: a row's are looked up once (by a small integer), not once per cell.
 */
function problemCellsOf(table: ScorecardTable): Map<number, number[]> {
  const cells = new Map<number, number[]>();
  for (const p of table.problems) {
    if (p.code === 'missingValue') continue;
    // Only a cell's own address names it (a box such as `O12:Q12` names none of its cells, and
    // `$B$12` or `b12` is not how a problem names B12).
    const cell = parseA1(p.address);
    if (cell === null || a1(cell.row, cell.col) !== p.address) continue;
    const cols = cells.get(cell.row);
    if (cols) cols.push(cell.col);
    else cells.set(cell.row, [cell.col]);
  }
  return cells;
}

/** No problem named in a row: one empty list for them all (only ever read). */
const NO_COLUMNS: readonly number[] = [];

function styleTable(table: ScorecardTable, palette: Palette, st: Styles, styles: StyleCollector, figure: FigureStyle): void {
  const c = table.columns;
  const header: CellStyle = {
    fill: palette.header.fill,
    fontColor: palette.header.font,
    bold: true,
    wrapText: true,
    horizontalAlignment: 'center',
    verticalAlignment: 'center',
  };
  styles.addBox(header, table.headerBox);
  // Long text wraps in its column (the plan sets the rows' heights to fit it).
  for (const col of wrappedColumns(table)) styles.addBox(st.wrap, { top: table.bodyBox.top, bottom: table.bodyBox.bottom, left: col, right: col });
  styles.addBox({ border: 'thin', borderColor: palette.border }, { ...table.headerBox, bottom: table.bodyBox.bottom });
  // NO. is text (`6.10`, `3.1a`), aligned as text whatever the cell holds.
  const body = table.bodyBox;
  for (const col of [c.indicator, c.subLabel]) {
    if (col !== null) styles.addBox(st.label, { top: body.top, bottom: body.bottom, left: col, right: col });
  }
  if (c.ref !== null) styles.addBox(st.ref, { top: body.top, bottom: body.bottom, left: c.ref, right: c.ref });
  // A missing figure (an empty month) still takes the row's format, so what is typed there later shows right.
  const problemCells = problemCellsOf(table);
  const months = table.months;
  let section = '';
  const rows = table.indicators;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (c.rag !== null) styles.add(st.rag[row.rag ?? 'blank'], row.row, c.rag);
    if (c.dot !== null) styles.add(st.dot[row.dot && row.dot.state !== null ? row.dot.tone : 'neutral'], row.row, c.dot);
    const yoy = row.yearOnYear;
    if (c.yearEndRag !== null) styles.add(st.rag[yoy?.rag ?? 'blank'], row.row, c.yearEndRag);
    if (c.yoyDot !== null) styles.add(st.dot[yoy?.dot && yoy.dot.state !== null ? yoy.dot.tone : 'neutral'], row.row, c.yoyDot);
    const format = st.formats[row.unit];
    if (format) {
      // Blank cells too: a figure typed into next month's empty column must show as 50.8%,
      // not 0.508. Cells with a problem keep their format: 90.2 in a % row would show 9020.0%.
      // Every row has a cell in each of the table's month columns: the columns are the table's.
      // Never fewer decimals than the figure was shown with (plan/decimals.ts): 316.3 on a count row keeps its .3.
      const named = problemCells.get(row.row) ?? NO_COLUMNS;
      for (let k = 0; k < months.length; k++) {
        const col = months[k].col;
        if (!named.includes(col)) styles.add(figure(format, row.row, col), row.row, col);
      }
      if (row.ytd && !named.includes(row.ytd.col)) styles.add(figure(format, row.row, row.ytd.col), row.row, row.ytd.col);
    }
    // The label stands on the first row of its group only.
    if (c.section !== null && row.section !== section) styles.add(st.section, row.row, c.section);
    section = row.section;
    if (row.subRow) {
      if (c.indicator !== null) styles.add(st.subRow, row.row, c.indicator);
      if (c.subLabel !== null) styles.add(st.subRow, row.row, c.subLabel);
    }
  }
}

/**
 * Formulas mode: colour rules that follow the live results. RAG cells by letter (and
 * blank); DOT cells by arrow, per polarity, because the same arrow is good for one row and
 * neutral or bad for another (Info rows keep their neutral colour and need no rule).
 */
function conditionalGroups(tables: ScorecardTable[], convention: DotConvention, st: Styles): ConditionalGroup[] {
  const ragCells: Array<{ row: number; col: number }> = [];
  const dotCells: Record<'high' | 'low' | 'withinLimits', Array<{ row: number; col: number }>> = { high: [], low: [], withinLimits: [] };
  for (const t of tables) {
    for (const r of t.indicators) {
      for (const col of [t.columns.rag, t.columns.yearEndRag]) if (col !== null) ragCells.push({ row: r.row, col });
      for (const col of [t.columns.dot, t.columns.yoyDot]) if (col !== null && r.polarity && r.polarity !== 'info') dotCells[r.polarity].push({ row: r.row, col });
    }
  }
  const groups: ConditionalGroup[] = [];
  if (ragCells.length > 0) {
    groups.push({
      boxes: toBoxes(ragCells),
      rules: [
        { match: 'equals', text: '', style: st.rag.blank },
        { match: 'contains', text: RAG_LETTER.red, style: st.rag.red },
        { match: 'contains', text: RAG_LETTER.amber, style: st.rag.amber },
        { match: 'contains', text: RAG_LETTER.green, style: st.rag.green },
      ],
    });
  }
  const rule = (glyph: string, tone: DotTone): ConditionalRule => ({ match: 'equals', text: glyph, style: st.dot[tone] });
  const rules: Record<'high' | 'low' | 'withinLimits', ConditionalRule[]> =
    convention === 'performance'
      ? {
          high: [rule(DOT_GLYPHS.improvement, 'good'), rule(DOT_GLYPHS.declineWithinLimits, 'warning'), rule(DOT_GLYPHS.declineNotOnTarget, 'bad'), rule(DOT_GLYPHS.stable, 'neutral')],
          low: [],
          withinLimits: [],
        }
      : {
          high: [rule(DOT_GLYPHS.increase, 'good'), rule(DOT_GLYPHS.decrease, 'bad'), rule(DOT_GLYPHS.stable, 'neutral')],
          low: [rule(DOT_GLYPHS.increase, 'bad'), rule(DOT_GLYPHS.decrease, 'good'), rule(DOT_GLYPHS.stable, 'neutral')],
          withinLimits: [],
        };
  if (convention === 'performance') {
    // The performance arrows mean the same for High and Low rows. Within Limits rows keep
    // their static colour: inside the range ↑ is a neutral increase, outside an improvement.
    const cells = [...dotCells.high, ...dotCells.low];
    if (cells.length > 0) groups.push({ boxes: toBoxes(cells), rules: rules.high });
  } else {
    for (const p of ['high', 'low'] as const) if (dotCells[p].length > 0) groups.push({ boxes: toBoxes(dotCells[p]), rules: rules[p] });
  }
  return groups;
}

/**
 * Plans the formatting of a sheet's scorecard tables: DOT arrows and RAG letters (or live
 * `=PERF.` formulas), their colours, number formats by unit, header/section/sub-row
 * styles, borders, widths, freeze panes, print setup and a key where it overwrites
 * nothing. Styles are grouped by identical style into rectangles, so an adapter's calls
 * grow with distinct styles, not cells. The whole plan is validated before it is returned.
 *
 * @example
 * const plan = planFormat(tables, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
 * if (plan.ok) plan.value.writes.length // one DOT and one RAG write per indicator row, plus the key
 */
export function planFormat(tables: ScorecardTable[], options: FormatOptions, grid?: Grid): Result<FormatPlan> {
  if (tables.length === 0) return err('noTable', sheetMsg.noTables());
  const sheetName = tables[0].sheetName;
  if (tables.some((t) => t.sheetName !== sheetName)) return err('planInvalid', sheetMsg.tablesOnOtherSheets());
  const palette = PALETTES[options.palette];
  const st = stylesOf(palette);
  const styles = new StyleCollector();
  const writes: CellWrite[] = [];
  const notes: CellNote[] = [];
  const figure = figureStyles(grid);
  for (const table of tables) {
    styleTable(table, palette, st, styles, figure);
    const rows = table.indicators;
    for (let k = 0; k < rows.length; k++) rowWrites(table, rows[k], options, notes, writes);
  }
  const area = union(tables.flatMap((t) => [t.headerBox, t.bodyBox]));

  const lines = keyLines(options.convention, options.mode, {
    yearOnYear: tables.some((t) => t.columns.yoyDot !== null),
    yearEnd: tables.some((t) => t.columns.yearEndRag !== null),
  });
  const extraArea = grid ? placeKey(grid, area, lines.length) : null;
  if (extraArea) {
    lines.forEach((line, i) => {
      const row = extraArea.top + i;
      writes.push({ kind: 'value', row, col: extraArea.left, value: line.symbol }, { kind: 'value', row, col: extraArea.left + 1, value: line.label });
      if (line.title) styles.add(st.bold, row, extraArea.left);
      if (line.tone) styles.add(st.dot[line.tone], row, extraArea.left);
      if (line.rag) styles.add(st.rag[line.rag], row, extraArea.left);
      if (line.fill) styles.add({ fill: line.fill }, row, extraArea.left);
    });
    // Lines of an earlier, longer key (another convention) are emptied.
    for (let row = extraArea.top + lines.length; row <= extraArea.bottom; row++) {
      writes.push({ kind: 'value', row, col: extraArea.left, value: '' }, { kind: 'value', row, col: extraArea.left + 1, value: '' });
    }
  }

  // Tables offset by a column share the sheet's columns: each column takes the widest its
  // roles need in any table, so no table's column is cut to another's.
  const widths = new Map<number, number>();
  for (const t of tables) for (const [col, w] of tableWidths(t)) widths.set(col, Math.max(widths.get(col) ?? 0, w));
  if (extraArea && extraArea.left > area.right) widths.set(extraArea.left + 1, WIDTH_KEY_LABEL);
  const fontPt = options.fontPt ?? DEFAULT_FONT_PT;
  if (grid) for (const [col, w] of headerWordWidths(tables, grid, fontPt)) widths.set(col, Math.max(widths.get(col) ?? 0, w));
  const widthOf = (col: number): number => widths.get(col) ?? WIDTH_OTHER;
  const first = tables[0];
  const labelCol = first.columns.subLabel ?? first.columns.indicator ?? first.columns.ref ?? first.columns.polarity - 1;
  const plan: FormatPlan = {
    sheetName,
    area,
    extraArea,
    writes,
    owns: ownershipOf(tables, extraArea),
    styles: styles.groupsOut(),
    columnWidths: [...widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
    freeze: { rows: first.headerBox.bottom + 1, columns: labelCol + 1 },
    print: planPrint(tables, grid, area, extraArea, widthOf, { paper: options.paper ?? 'A4', fontPt }),
    ...(grid ? { rowHeights: planRowHeights(tables, grid, widthOf, wrappedColumns, fontPt) } : {}),
    ...(options.mode === 'formulas' ? { conditional: conditionalGroups(tables, options.convention, st) } : {}),
    notes,
  };
  return validatePlan(plan);
}
