import { DOT_GLYPHS } from '../dot';
import { msg, sheetMsg } from '../messages';
import type { CellBox, Grid } from '../sheet/grid';
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
  title?: boolean;
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
 * increase/decrease in the neutral colour (SPEC: no good or bad).
 *
 * @example keyLines('performance')[1] // { symbol: '↑', label: 'Improvement', tone: 'good' }
 */
export function keyLines(convention: DotConvention, mode: 'static' | 'formulas' = 'static'): KeyLine[] {
  const dots = (convention === 'performance' ? PERFORMANCE : NUMERIC).map(([state, tone]): KeyLine => {
    const info = convention === 'performance' && (state === 'increase' || state === 'decrease');
    const label = info ? `${msg.dotLabels[state]} (Info: no good or bad)` : msg.dotLabels[state];
    return { symbol: DOT_GLYPHS[state], label, tone };
  });
  const rags = (['red', 'amber', 'green'] as Rag[]).map((rag): KeyLine => ({ symbol: rag[0].toUpperCase(), label: sheetMsg.keyRag[rag], rag }));
  return [
    { symbol: sheetMsg.keyTitle, label: sheetMsg.keyDotTitle(convention), title: true },
    ...dots,
    // Live formulas show a blank cell; static mode writes the dash with a note.
    mode === 'static' ? { symbol: NO_ARROW_MARK, label: sheetMsg.keyNoArrowMark } : { symbol: '', label: sheetMsg.keyNoArrow },
    ...rags,
  ];
}

function isEmpty(grid: Grid, box: CellBox): boolean {
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const i = r - grid.top;
      const j = c - grid.left;
      const v = grid.values[i]?.[j];
      const t = grid.text[i]?.[j] ?? '';
      if ((v !== null && v !== undefined && v !== '') || t !== '') return false;
    }
  }
  return true;
}

/**
 * Where the key goes: two blank rows below the tables, else two blank columns to their
 * right; only where every cell is empty on the grid (the add-in never overwrites data).
 * Null when neither place is free.
 *
 * @example placeKey(grid, { top: 2, left: 0, bottom: 50, right: 23 }, 11) // { top: 52, left: 0, bottom: 62, right: 1 }
 */
export function placeKey(grid: Grid, area: CellBox, lines: number): CellBox | null {
  const below: CellBox = { top: area.bottom + 2, left: area.left, bottom: area.bottom + 1 + lines, right: area.left + 1 };
  if (isEmpty(grid, below)) return below;
  const right: CellBox = { top: area.top, left: area.right + 2, bottom: area.top + lines - 1, right: area.right + 3 };
  return isEmpty(grid, right) ? right : null;
}
