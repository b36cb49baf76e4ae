/**
 * DOT cells of older workbooks hold last month's arrow as a letter in a symbol font
 * (Wingdings `á` shows an up arrow; domain/symbolFonts.ts). Format writes a Unicode arrow
 * (or a RAG letter) there, which such a font would show as another glyph, so those cells
 * get the table's own font. Office.js reads a font per range (`RangeFont.name`, null when
 * the cells differ: @types/office-js), so the write batch loads the font of each run of
 * cells that held such a letter, with the font of the table's top-left cell, and the
 * clean-up trip sets the table's font on the runs that were in a symbol font (or mixed).
 * Nothing is loaded on a sheet without such letters; no round trip is added.
 */
import type { CellBox } from '../../domain/sheet/grid';
import { a1, boxAddress } from '../../domain/sheet/grid';
import type { FormatPlan } from '../../domain/plan/types';
import { isSymbolFont, mayBeSymbolArrow } from '../../domain/symbolFonts';
import { chunkAddresses, coalesceBoxes, DEFAULT_LIMITS } from './writeOps';

/** What the write batch loaded: each run's font, and the font to give them. */
export interface SymbolFontCheck {
  runs: Array<{ box: CellBox; font: Excel.RangeFont }>;
  tableFont: Excel.RangeFont | null;
}

/** The font a cell of the table gets when its symbol font goes: the table's own, else Excel's default. */
const FALLBACK_FONT = 'Calibri';

/**
 * Queues (in the write batch) the font loads for the cells the plan writes text or a formula
 * into that held a letter a symbol font shows as an arrow before the write.
 */
export function queueSymbolFontCheck(ws: Excel.Worksheet, plan: FormatPlan, valueBefore: (row: number, col: number) => unknown): SymbolFontCheck {
  const cells: CellBox[] = [];
  for (const w of plan.writes) {
    if (w.kind === 'value' && typeof w.value !== 'string') continue;
    const before = valueBefore(w.row, w.col);
    if (typeof before === 'string' && mayBeSymbolArrow(before)) cells.push({ top: w.row, left: w.col, bottom: w.row, right: w.col });
  }
  if (cells.length === 0) return { runs: [], tableFont: null };
  const runs = coalesceBoxes(cells).map((box) => {
    const font = ws.getRange(boxAddress(box)).format.font;
    font.load('name');
    return { box, font };
  });
  const tableFont = ws.getRange(a1(plan.area.top, plan.area.left)).format.font;
  tableFont.load('name');
  return { runs, tableFont };
}

/**
 * Queues (in the clean-up trip) the table's font on the runs that were in a symbol font
 * (or in fonts that differ, some of which were one); returns their addresses.
 */
export function queueSymbolFontFix(ws: Excel.Worksheet, check: SymbolFontCheck): string[] {
  // RangeFont.name is typed string; Excel answers null for cells whose fonts differ, as
  // @types/office-js says of RangeFont's strikethrough ("a null value indicates that the
  // entire range doesn't have a uniform ... setting").
  const fix = check.runs.filter(({ font }) => (font.name as string | null) === null || isSymbolFont(font.name)).map(({ box }) => boxAddress(box));
  if (fix.length === 0) return [];
  const own = check.tableFont?.name;
  const name = typeof own === 'string' && own !== '' && !isSymbolFont(own) ? own : FALLBACK_FONT;
  for (const address of chunkAddresses(fix, DEFAULT_LIMITS.addressChars)) ws.getRanges(address).format.font.name = name;
  return fix;
}
