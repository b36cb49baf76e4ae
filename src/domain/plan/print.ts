import { printMsg } from '../messages';
import { cellText, type CellBox, type Grid } from '../sheet/grid';
import { longMonthLabel } from '../sheet/months';
import type { ScorecardTable } from '../sheet/scorecard';
import type { PaperSize, PrintSetup } from './types';

/**
 * The printed pack's layout decisions, made once here so both adapters only apply them.
 * Sizes are points. Text widths are estimated (no font metrics in the domain). A column's
 * width is kept in units of the default font's digit (Excel and LibreOffice both store and
 * draw it so), so what decides the lines is a text's width against the digit's: Calibri's
 * digit is 0.507 of the font size and its running text about 0.45 with the spaces; DejaVu
 * Sans, which LibreOffice draws without Calibri, has a 0.636 digit and 0.52 text, so its
 * columns hold more. An average character is taken as 0.48 of the font size against
 * Excel's column in points (a little wider than Calibri's text, so an estimate errs
 * towards one more line rather than a clipped one); text in capitals (section labels,
 * headers) as 0.72.
 */

/** Landscape sheet sizes (width × height) in points. */
const PAPER: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 841.9, height: 595.3 },
  Letter: { width: 792, height: 612 },
  A3: { width: 1190.6, height: 841.9 },
};

/** Margins in points: 0.5 in left and right, 0.75 in top and bottom, headers 0.3 in from the edge. */
export const PRINT_MARGINS = { left: 36, right: 36, top: 54, bottom: 54, header: 21.6, footer: 21.6 } as const;

/** The smallest body text the printed pack may have (a committee reads it on paper). */
export const MIN_PRINT_PT = 8;
/** Excel's default body font size (the Normal style), when the sheet's is not known. */
export const DEFAULT_FONT_PT = 11;
const CHAR_EM = 0.48;
// Headers are bold and mostly capitals (`NAT TOP QTILE THRESHOLD`): wider letters.
const HEADER_EM = 0.72;
const LINE = 1.3; // line height as a multiple of the font size
const PADDING = 4; // points above and below the text of a row
// Points of a column's width that hold no text: Excel's cell margin, about 2 px each side.
const SIDE_MARGIN = 3;

/** The width per character a text needs: capitals (`LOOKED AFTER CHILDREN`) are wider. */
function emOf(text: string): number {
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
    else if (c < 97 || c > 122) continue;
    letters++;
  }
  return letters > 0 && capitals / letters > 0.6 ? HEADER_EM : CHAR_EM;
}

/** Characters of `em` width (a share of the font size) a line of a `width` point column holds. */
function charsPerLine(width: number, fontPt: number, em: number): number {
  return Math.max(1, Math.floor((width - SIDE_MARGIN) / (fontPt * em)));
}

/** Printable width of a landscape page. */
export function printableWidth(paper: PaperSize): number {
  return PAPER[paper].width - PRINT_MARGINS.left - PRINT_MARGINS.right;
}

/**
 * Lines a text takes in a column of `width` points, wrapped at spaces (a word longer than
 * the column breaks where it must); `em` is the width per character as a share of the font
 * size, by default that of running text, or of capitals when most letters are capitals.
 * @example wrappedLines('DOT (Month on Month)', 44, 11) // 3
 */
export function wrappedLines(text: string, width: number, fontPt: number, em?: number): number {
  // Short text with no line break fits on one line whatever its spacing and letters (most
  // cells of a body): checked at the widest letters first, so most texts are never looked at.
  if (text.length <= charsPerLine(width, fontPt, em ?? HEADER_EM) && !text.includes('\n')) return 1;
  const perLine = charsPerLine(width, fontPt, em ?? emOf(text));
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const len = word.length;
      if (used === 0) {
        count += Math.ceil(len / perLine) - 1;
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        count += Math.ceil(len / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Height of a row holding `lines` lines of text. */
export function rowHeightFor(lines: number, fontPt: number): number {
  // Excel's tallest row is 409 points (Excel specifications and limits).
  return Math.min(409, Math.round((lines * fontPt * LINE + PADDING) * 4) / 4);
}

/** A body text's lines in its column; a column repeats a few texts down thousands of rows, each is measured once. */
function linesIn(column: { width: number; lines: Map<string, number> }, text: string, fontPt: number): number {
  let n = column.lines.get(text);
  if (n === undefined) {
    n = wrappedLines(text, column.width, fontPt);
    if (column.lines.size < 4096) column.lines.set(text, n);
  }
  return n;
}

/**
 * Row heights so that wrapped text shows whole: every header row (headers wrap in their
 * columns; a header merged across columns wraps in their sum, one merged down two rows
 * shares their height) and every body row whose wrapped columns (section, indicator,
 * sub-label, unit, data note) need more than one line. Neither an xlsx file nor
 * LibreOffice fits heights on opening, so the plan sets them.
 */
export function planRowHeights(tables: ScorecardTable[], grid: Grid, widthOf: (col: number) => number, wrappedCols: (t: ScorecardTable) => number[], fontPt: number): Array<{ row: number; height: number }> {
  const heights = new Map<number, number>();
  const need = (row: number, h: number): void => {
    heights.set(row, Math.max(heights.get(row) ?? 0, h));
  };
  const merges = grid.merges ?? [];
  for (const t of tables) {
    const box = t.headerBox;
    for (let r = box.top; r <= box.bottom; r++) need(r, rowHeightFor(1, fontPt));
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const text = cellText(grid, r, c).trim();
        if (text === '') continue;
        const m = merges.find((b) => b.top === r && b.left === c) ?? { top: r, left: c, bottom: r, right: c };
        let width = 0;
        for (let k = m.left; k <= Math.min(m.right, box.right); k++) width += widthOf(k);
        const h = rowHeightFor(wrappedLines(text, width, fontPt, HEADER_EM), fontPt);
        const rows = Math.min(m.bottom, box.bottom) - m.top + 1;
        // A header merged down two rows: the rows above keep their height, the last takes the rest.
        const above = rows > 1 ? (heights.get(m.top) ?? rowHeightFor(1, fontPt)) * (rows - 1) : 0;
        need(Math.min(m.bottom, box.bottom), h - above);
      }
    }
    const cols = wrappedCols(t).map((c) => ({ col: c, width: widthOf(c), lines: new Map<string, number>() }));
    // Indexed: once per plan over every row, where an iterator would make an object per step.
    const rows = t.indicators;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      let lines = 1;
      for (let n = 0; n < cols.length; n++) {
        const c = cols[n];
        const text = cellText(grid, row.row, c.col).trim();
        if (text !== '') lines = Math.max(lines, linesIn(c, text, fontPt));
      }
      if (lines > 1) need(row.row, rowHeightFor(lines, fontPt));
    }
  }
  return [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/** The title above the first table (`As at Month End: December 2020`): the first text within six rows above it. */
function titleAbove(grid: Grid, table: ScorecardTable): { row: number; text: string } | null {
  for (let r = Math.max(grid.top, table.headerBox.top - 6); r < table.headerBox.top; r++) {
    for (let c = table.headerBox.left; c <= table.headerBox.right; c++) {
      const text = cellText(grid, r, c).trim();
      if (text !== '') return { row: r, text };
    }
  }
  return null;
}

function sameLayout(a: ScorecardTable, b: ScorecardTable): boolean {
  const cols = (t: ScorecardTable): string => JSON.stringify([t.columns.ref, t.columns.indicator, t.columns.polarity, t.months.map((m) => m.col), t.columns.dot, t.columns.rag, t.headerBox.left, t.headerBox.right]);
  return cols(a) === cols(b);
}

/**
 * Pages the print area takes across at `scale`: a page breaks between columns, never inside
 * one, and each page after the first starts with the repeated title columns.
 */
function pagesAcross(area: CellBox, widthOf: (col: number) => number, scale: number, available: number, titles: { first: number; last: number } | null): number {
  let repeated = 0;
  if (titles) for (let c = titles.first; c <= titles.last; c++) repeated += widthOf(c) * scale;
  let pages = 1;
  let used = 0;
  let onPage = 0;
  for (let c = area.left; c <= area.right; c++) {
    const w = widthOf(c) * scale;
    if (onPage > 0 && used + w > available + 1e-9) {
      pages++;
      used = titles && repeated < available ? repeated : 0;
      onPage = 0;
    }
    used += w;
    onPage++;
  }
  return pages;
}

/** Text in a header or footer: `&` is Excel's code character, so a literal one is doubled. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The print setup of a formatted sheet: landscape on `paper` (A4 by default), one page wide
 * only while the body text stays at least 8 pt at print size, else printed across pages at
 * the scale that keeps 8 pt with NO. and INDICATOR repeated as title columns; the header
 * rows repeated (the first table's, when every table has its columns where it has them);
 * a page break before each further table, so no header is split from its table; a header
 * with the report title and month and a footer with the print date and "Page x of y"; the
 * title row and the key inside the print area. Only documented page layout values are used:
 * a percentage `scale` (10-400), never fit-to-pages.
 *
 * @example planPrint(tables, grid, area, key, widths, { paper: 'A4', fontPt: 11 }).scale // 73 for the early help seed
 */
export function planPrint(
  tables: ScorecardTable[],
  grid: Grid | undefined,
  area: CellBox,
  extraArea: CellBox | null,
  widthOf: (col: number) => number,
  options: { paper: PaperSize; fontPt: number },
): PrintSetup {
  const first = tables[0];
  const title = grid ? titleAbove(grid, first) : null;
  const printArea: CellBox = {
    top: Math.min(area.top, title?.row ?? area.top, extraArea?.top ?? area.top),
    left: Math.min(area.left, extraArea?.left ?? area.left),
    bottom: Math.max(area.bottom, extraArea?.bottom ?? area.bottom),
    right: Math.max(area.right, extraArea?.right ?? area.right),
  };
  let content = 0;
  for (let c = printArea.left; c <= printArea.right; c++) content += widthOf(c);
  const available = printableWidth(options.paper);
  const fit = available / Math.max(content, 1);
  const minScale = MIN_PRINT_PT / options.fontPt;
  const fits = fit >= minScale;
  const scale = Math.max(10, Math.min(100, Math.floor((fits ? fit : minScale) * 100)));
  // Rounded up: 8 pt is a floor, not a target.
  const finalScale = fits ? scale : Math.ceil(minScale * 100);
  const titleCols = first.columns.ref ?? first.columns.indicator;
  const lastTitleCol = first.columns.subLabel ?? first.columns.indicator ?? first.columns.ref;
  const pagesWide = pagesAcross(printArea, widthOf, finalScale / 100, available, titleCols !== null && lastTitleCol !== null ? { first: titleCols, last: lastTitleCol } : null);
  const sameColumns = tables.every((t) => sameLayout(t, first));
  const month = longMonthLabel(first.reportingMonth);
  return {
    orientation: 'landscape',
    paper: options.paper,
    scale: finalScale,
    pagesWide,
    repeatRows: sameColumns ? { first: first.headerBox.top, last: first.headerBox.bottom } : null,
    repeatColumns: pagesWide > 1 && titleCols !== null && lastTitleCol !== null ? { first: titleCols, last: lastTitleCol } : null,
    printArea,
    rowBreaks: tables.slice(1).map((t) => t.headerBox.top),
    header: { left: literal(title?.text ?? first.sheetName), center: '', right: literal(printMsg.reportingMonth(month)) },
    footer: { left: printMsg.printed, center: '', right: printMsg.pageOf },
    margins: { ...PRINT_MARGINS },
  };
}

/**
 * The narrowest each column may be so that no word of its header is cut: spreadsheets wrap
 * at spaces only, so a word wider than its column is clipped (`THRESHOLD` in a 50 pt column).
 * Headers merged across columns share their columns' widths and are left out.
 *
 * @example headerWordWidths(tables, grid, 11).get(27) // 61.5 for `NAT TOP QTILE THRESHOLD`
 */
export function headerWordWidths(tables: ScorecardTable[], grid: Grid, fontPt: number): Map<number, number> {
  const merges = grid.merges ?? [];
  const out = new Map<number, number>();
  for (const t of tables) {
    const box = t.headerBox;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && m.right > m.left)) continue;
        const longest = Math.max(0, ...cellText(grid, r, c).split(/\s+/).map((w) => w.length));
        if (longest > 0) out.set(c, Math.max(out.get(c) ?? 0, Math.ceil(longest * fontPt * HEADER_EM + 2 * PADDING + 2)));
      }
    }
  }
  return out;
}
