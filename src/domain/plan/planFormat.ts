import { sheetMsg } from '../messages';
import { err, type Result } from '../result';
import type { CellBox, Grid } from '../sheet/grid';
import type { IndicatorRow, ScorecardTable, Unit } from '../sheet/scorecard';
import type { DotConvention, DotTone, Rag } from '../types';
import { StyleCollector, toBoxes } from './boxes';
import { DOT_GLYPHS } from '../dot';
import { dotFormula, judgedLive, ragFormula } from './formulas';
import { dotMonths } from '../sheet/dotMonths';
import { keyLines, NO_ARROW_MARK, placeKey } from './key';
import { PALETTES, RAG_LETTER, ragColours, type Palette, type PaletteName } from './palette';
import type { CellNote, CellStyle, CellWrite, ConditionalGroup, ConditionalRule, FormatPlan } from './types';
import { validatePlan } from './validate';
import { yearOnYearWrites } from './yearOnYear';

export interface FormatOptions {
  /** `static` writes arrows and letters (reads right without the add-in); `formulas` writes `=PERF.` formulas. */
  mode: 'static' | 'formulas';
  convention: DotConvention;
  palette: PaletteName;
}

/** Number formats by unit: `%` one decimal, counts whole, rates and averages one decimal. */
export const UNIT_FORMATS: Partial<Record<Unit, string>> = {
  percent: '0.0%',
  count: '#,##0',
  rate: '0.0',
  average: '0.0',
};

const CENTER: CellStyle = { horizontalAlignment: 'center', verticalAlignment: 'center' };
const WIDTH_ARROW = 36; // points: one glyph or letter, readable when printed
const WIDTH_FIGURE = 56; // points: `100.0%` or `12,345`
const WIDTH_INDICATOR = 300; // points: most indicator names of the seeds on one line
const WIDTH_SUBLABEL = 110; // points: `Number of families`, `Secondary % (Termly)`

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
  const pair = dotMonths(row.months, row.ragBasis);
  const missing = pair ? [pair.current, pair.previous].find((m) => m !== null && m.value.kind === 'missing') : undefined;
  return missing ? sheetMsg.noArrowNote(missing.label, missing.text) : sheetMsg.noArrowNoteOther(reason);
}

function rowWrites(table: ScorecardTable, row: IndicatorRow, options: FormatOptions, notes: CellNote[]): CellWrite[] {
  const c = table.columns;
  const writes: CellWrite[] = [];
  const live = options.mode === 'formulas' && judgedLive(row);
  if (c.dot !== null) {
    let value: string;
    if (live) value = dotFormula(table, row, options.convention) ?? '';
    else if (row.dot && row.dot.state !== null) value = row.dot.glyph;
    else if (row.dot) {
      // SPEC: no arrow, and the reason is visible.
      value = NO_ARROW_MARK;
      notes.push({ row: row.row, col: c.dot, text: noArrowNote(row, row.dot.reason) });
    } else value = '';
    writes.push({ row: row.row, col: c.dot, value });
  }
  if (c.rag !== null) {
    const marked = row.ragBasis?.kind === 'ytd' && row.ragBasis.marked;
    const letter = row.rag ? RAG_LETTER[row.rag] : '';
    const value = live ? ragFormula(table, row) : marked ? `YTD ${letter}`.trim() : letter;
    writes.push({ row: row.row, col: c.rag, value });
  }
  writes.push(...yearOnYearWrites(table, row, options, notes));
  return writes;
}

function styleTable(table: ScorecardTable, palette: Palette, st: Styles, styles: StyleCollector): void {
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
  styles.addBox({ border: 'thin', borderColor: palette.border }, { ...table.headerBox, bottom: table.bodyBox.bottom });
  // Indicator names are long: their column is widened (not wrapped: a wrapped cell needs
  // its row height fitted, which neither an xlsx file nor LibreOffice does on opening).
  // NO. is text (`6.10`, `3.1a`), aligned as text whatever the cell holds.
  const body = table.bodyBox;
  for (const col of [c.indicator, c.subLabel]) {
    if (col !== null) styles.addBox(st.label, { top: body.top, bottom: body.bottom, left: col, right: col });
  }
  if (c.ref !== null) styles.addBox(st.ref, { top: body.top, bottom: body.bottom, left: c.ref, right: c.ref });
  const problemCells = new Set(table.problems.map((p) => p.address));
  let section = '';
  for (const row of table.indicators) {
    if (c.rag !== null) styles.add(st.rag[row.rag ?? 'blank'], row.row, c.rag);
    if (c.dot !== null) styles.add(st.dot[row.dot && row.dot.state !== null ? row.dot.tone : 'neutral'], row.row, c.dot);
    const yoy = row.yearOnYear;
    if (c.yearEndRag !== null) styles.add(st.rag[yoy?.rag ?? 'blank'], row.row, c.yearEndRag);
    if (c.yoyDot !== null) styles.add(st.dot[yoy?.dot && yoy.dot.state !== null ? yoy.dot.tone : 'neutral'], row.row, c.yoyDot);
    const format = st.formats[row.unit];
    if (format) {
      // Blank cells too: a figure typed into next month's empty column must show as 50.8%,
      // not 0.508. Cells with a problem keep their format: 90.2 in a % row would show 9020.0%.
      for (const cell of [...row.months, ...(row.ytd ? [row.ytd] : [])]) {
        if (!problemCells.has(cell.address)) styles.add(format, row.row, cell.col);
      }
    }
    // The label stands on the first row of its group only.
    if (c.section !== null && row.section !== section) styles.add(st.section, row.row, c.section);
    section = row.section;
    if (row.subRow) {
      for (const col of [c.indicator, c.subLabel]) if (col !== null) styles.add(st.subRow, row.row, col);
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
  if (tables.length === 0) return err('badArgument', sheetMsg.noTables());
  const sheetName = tables[0].sheetName;
  if (tables.some((t) => t.sheetName !== sheetName)) return err('badArgument', sheetMsg.tablesOnOtherSheets());
  const palette = PALETTES[options.palette];
  const st = stylesOf(palette);
  const styles = new StyleCollector();
  const writes: CellWrite[] = [];
  const notes: CellNote[] = [];
  for (const table of tables) {
    styleTable(table, palette, st, styles);
    for (const row of table.indicators) writes.push(...rowWrites(table, row, options, notes));
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
      writes.push({ row, col: extraArea.left, value: line.symbol }, { row, col: extraArea.left + 1, value: line.label });
      if (line.title) styles.add(st.bold, row, extraArea.left);
      if (line.tone) styles.add(st.dot[line.tone], row, extraArea.left);
      if (line.rag) styles.add(st.rag[line.rag], row, extraArea.left);
      if (line.fill) styles.add({ fill: line.fill }, row, extraArea.left);
    });
    // Lines of an earlier, longer key (another convention) are emptied.
    for (let row = extraArea.top + lines.length; row <= extraArea.bottom; row++) {
      writes.push({ row, col: extraArea.left, value: '' }, { row, col: extraArea.left + 1, value: '' });
    }
  }

  const widths = new Map<number, number>();
  for (const t of tables) {
    for (const col of [t.columns.dot, t.columns.rag, t.columns.yoyDot, t.columns.yearEndRag]) if (col !== null) widths.set(col, WIDTH_ARROW);
    for (const m of t.months) widths.set(m.col, Math.max(widths.get(m.col) ?? 0, WIDTH_FIGURE));
    if (t.columns.ytd !== null) widths.set(t.columns.ytd, Math.max(widths.get(t.columns.ytd) ?? 0, WIDTH_FIGURE));
    if (t.columns.indicator !== null) widths.set(t.columns.indicator, Math.max(widths.get(t.columns.indicator) ?? 0, WIDTH_INDICATOR));
    if (t.columns.subLabel !== null) widths.set(t.columns.subLabel, Math.max(widths.get(t.columns.subLabel) ?? 0, WIDTH_SUBLABEL));
  }
  const first = tables[0];
  const labelCol = first.columns.subLabel ?? first.columns.indicator ?? first.columns.ref ?? first.columns.polarity - 1;
  const plan: FormatPlan = {
    sheetName,
    area,
    extraArea,
    writes,
    styles: styles.groupsOut(),
    columnWidths: [...widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
    freeze: { rows: first.headerBox.bottom + 1, columns: labelCol + 1 },
    print: {
      orientation: 'landscape',
      fitToPagesWide: 1,
      repeatRows: { first: first.headerBox.top, last: first.headerBox.bottom },
      // From the sheet's first row: the title above the table ("As at Month End: …") prints too.
      printArea: { ...(extraArea ? union([area, extraArea]) : area), top: 0 },
    },
    ...(options.mode === 'formulas' ? { conditional: conditionalGroups(tables, options.convention, st) } : {}),
    notes,
  };
  return validatePlan(plan, tables);
}
