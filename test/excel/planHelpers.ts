import type { FormatPlan } from '../../src/domain/plan/types';
import { planFormat } from '../../src/domain/plan/planFormat';
import type { FormatOptions } from '../../src/domain/plan/planFormat';
import type { CellBox, Grid } from '../../src/domain/sheet/grid';
import { readScorecard } from '../../src/domain/sheet/readScorecard';

export const STATIC: FormatOptions = { mode: 'static', convention: 'performance', palette: 'standard' };

/** The sheet engineer's plan for a grid (read + plan), failing the test if either step fails. */
export function planFor(grid: Grid, options: FormatOptions = STATIC): FormatPlan {
  const tables = readScorecard(grid, { convention: options.convention });
  if (!tables.ok) throw new Error(`readScorecard failed: ${tables.error.message}`);
  const plan = planFormat(tables.value, options, grid);
  if (!plan.ok) throw new Error(`planFormat failed: ${plan.error.message}`);
  return plan.value;
}

export function inBox(box: CellBox | null, row: number, col: number): boolean {
  return box !== null && row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/** A1 address -> 0-based row/col. */
export function rc(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}
