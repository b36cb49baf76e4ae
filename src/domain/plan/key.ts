import { DOT_GLYPHS } from '../dot';
import { msg, packMsg, sheetMsg } from '../messages';
import { HIGHLIGHT_FILL } from '../revisions/highlights';
import { cellAt, type CellBox, type Grid } from '../sheet/grid';
import type { DotConvention, DotState, DotTone, Rag } from '../types';

/**
 * What a DOT cell shows when it has no arrow, in static mode: an en dash (its note says
 * why), so an empty cell never reads as "not formatted yet".
 */
export const NO_ARROW_MARK = '–';

/** One line of the key: a symbol (arrow or letter) and what it means. */
export interface KeyLine {
  symbol: string;
  label: string;
  tone?: DotTone;
  rag?: Rag;
  /** A fill shown on the symbol cell (the yellow of revised figures). */
  fill?: string;
  title?: boolean;
}

/** Which of the optional columns the key explains. */
export interface KeyColumns {
  yearOnYear: boolean;
  yearEnd: boolean;
}

const PERFORMANCE: Array<[DotState, DotTone]> = [
  ['improvement', 'good'],
  ['stable', 'neutral'],
  ['declineWithinLimits', 'warning'],
  ['declineNotOnTarget', 'bad'],
  ['increase', 'neutral'],
  ['decrease', 'neutral'],
];

const NUMERIC: Array<[DotState, DotTone]> = [
  ['increase', 'good'],
  ['stable', 'neutral'],
  ['decrease', 'bad'],
];

/**
 * The key explaining arrows and colours, for the convention in use (and, in static mode,
 * the dash written where there is no arrow). Info measures show
 * increase/decrease in the neutral colour (docs/DOMAIN.md: no good or bad).
 *
 * @example keyLines('performance')[1] // { symbol: '↑', label: 'Improvement', tone: 'good' }
 */
export function keyLines(convention: DotConvention, mode: 'static' | 'formulas' = 'static', columns: KeyColumns = { yearOnYear: false, yearEnd: false }): KeyLine[] {
  const dots = (convention === 'performance' ? PERFORMANCE : NUMERIC).map(([state, tone]): KeyLine => {
    const info = convention === 'performance' && (state === 'increase' || state === 'decrease');
    const label = info ? `${msg.dotLabels[state]} (Info: no good or bad)` : msg.dotLabels[state];
    return { symbol: DOT_GLYPHS[state], label, tone };
  });
  const rags = (['red', 'amber', 'green'] as Rag[]).map((rag): KeyLine => ({ symbol: rag[0].toUpperCase(), label: sheetMsg.keyRag[rag], rag }));
  // RAG lines come first so their filled cells sit on the same rows whatever the
  // convention: re-formatting in another convention then leaves no stray fill behind.
  return [
    { symbol: sheetMsg.keyTitle, label: sheetMsg.keyDotTitle(convention), title: true },
    ...rags,
    ...dots,
    // Live formulas show a blank cell; static mode writes the dash with a note.
    mode === 'static' ? { symbol: NO_ARROW_MARK, label: sheetMsg.keyNoArrowMark } : { symbol: '', label: sheetMsg.keyNoArrow },
    ...(columns.yearOnYear ? [{ symbol: '', label: packMsg.keyYoy }] : []),
    ...(columns.yearEnd ? [{ symbol: '', label: packMsg.keyYearEnd }] : []),
    // The yellow of figures revised since publication (the Revisions view's highlights).
    { symbol: '', label: packMsg.keyRevised, fill: HIGHLIGHT_FILL },
  ];
}

let keyTexts: Set<string> | null = null;

/** Whether a cell's text is one the add-in writes in a key (any convention, either mode). */
export function isKeyText(value: unknown): boolean {
  if (keyTexts === null) {
    keyTexts = new Set();
    for (const convention of ['performance', 'numeric'] as DotConvention[]) {
      for (const mode of ['static', 'formulas'] as const) {
        for (const line of keyLines(convention, mode, { yearOnYear: true, yearEnd: true })) {
          for (const text of [line.symbol, line.label]) if (text !== '') keyTexts.add(text);
        }
      }
    }
  }
  return typeof value === 'string' && keyTexts.has(value);
}

/** Every cell empty, or (`earlierKey`) holding the key a previous Format wrote, which the new key replaces. */
function isFree(grid: Grid, box: CellBox, earlierKey: boolean): boolean {
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const { value, text } = cellAt(grid, r, c);
      const empty = (value === null || value === undefined || value === '') && text === '';
      if (!empty && !(earlierKey && isKeyText(value))) return false;
    }
  }
  return true;
}

/** Rows of an earlier key starting at `top` (its title cell first), or 0 if there is none. */
function earlierKeyRows(grid: Grid, top: number, left: number): number {
  if (cellAt(grid, top, left).value !== sheetMsg.keyTitle) return 0;
  let rows = 1;
  while (isKeyText(cellAt(grid, top + rows, left).value) || isKeyText(cellAt(grid, top + rows, left + 1).value)) rows++;
  return rows;
}

/**
 * Where the key goes: two blank rows below the tables, else two blank columns to their
 * right; only where every cell is empty on the grid (the add-in never overwrites data).
 * Null when neither place is free.
 *
 * @example placeKey(grid, { top: 2, left: 0, bottom: 50, right: 23 }, 11) // { top: 52, left: 0, bottom: 62, right: 1 }
 */
export function placeKey(grid: Grid, area: CellBox, lines: number): CellBox | null {
  const candidates: Array<{ top: number; left: number }> = [
    { top: area.bottom + 2, left: area.left },
    { top: area.top, left: area.right + 2 },
  ];
  // A key from an earlier Format is replaced where it stands (never a second key); the
  // box covers all of it so that its extra lines are cleared.
  for (const { top, left } of candidates) {
    const earlier = earlierKeyRows(grid, top, left);
    const box: CellBox = { top, left, bottom: top + Math.max(lines, earlier) - 1, right: left + 1 };
    if (earlier > 0 && isFree(grid, box, true)) return box;
  }
  for (const { top, left } of candidates) {
    const box: CellBox = { top, left, bottom: top + lines - 1, right: left + 1 };
    if (isFree(grid, box, false)) return box;
  }
  return null;
}
