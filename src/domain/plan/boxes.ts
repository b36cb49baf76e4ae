import type { CellBox } from '../sheet/grid';
import type { CellStyle, StyleGroup } from './types';

/**
 * A stable key for a style: same properties, same key, whatever their order.
 * @example styleKey({ fill: '#FFFFFF', bold: true }) // 'bold=true;fill=#FFFFFF'
 */
export function styleKey(style: CellStyle): string {
  return Object.keys(style)
    .sort()
    .map((k) => `${k}=${String(style[k as keyof CellStyle])}`)
    .join(';');
}

/**
 * Merges cells into as few rectangles as a simple sweep finds: runs along each row, then
 * identical runs on consecutive rows stacked into one box. A column of RAG cells with the
 * same colour becomes one box, so adapters make one call per style, not per cell.
 *
 * @example toBoxes([{row:1,col:2},{row:2,col:2}]) // [{ top: 1, left: 2, bottom: 2, right: 2 }]
 */
export function toBoxes(cells: ReadonlyArray<{ row: number; col: number }>): CellBox[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const cols = byRow.get(row) ?? [];
    cols.push(col);
    byRow.set(row, cols);
  }
  const open = new Map<string, CellBox>();
  const done: CellBox[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, CellBox>();
    for (const [left, right] of runs) {
      const k = `${left}:${right}`;
      const box = open.get(k);
      if (box && box.bottom === row - 1) {
        box.bottom = row;
        next.set(k, box);
        open.delete(k);
      } else next.set(k, { top: row, left, bottom: row, right });
    }
    done.push(...open.values());
    open.clear();
    for (const [k, b] of next) open.set(k, b);
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Collects cells (and whole boxes) per style and turns them into style groups, in first-seen order. */
export class StyleCollector {
  private readonly groups = new Map<string, { style: CellStyle; cells: Array<{ row: number; col: number }>; boxes: CellBox[] }>();
  // Plans reuse the same style objects for thousands of cells: key each object once.
  private readonly keys = new WeakMap<CellStyle, string>();

  private group(style: CellStyle): { style: CellStyle; cells: Array<{ row: number; col: number }>; boxes: CellBox[] } {
    let key = this.keys.get(style);
    if (key === undefined) {
      key = styleKey(style);
      this.keys.set(style, key);
    }
    let g = this.groups.get(key);
    if (!g) {
      g = { style, cells: [], boxes: [] };
      this.groups.set(key, g);
    }
    return g;
  }

  add(style: CellStyle, row: number, col: number): void {
    this.group(style).cells.push({ row, col });
  }

  /** A whole rectangle (the header, the table's borders) goes in as it is. */
  addBox(style: CellStyle, box: CellBox): void {
    this.group(style).boxes.push({ ...box });
  }

  groupsOut(): StyleGroup[] {
    return [...this.groups].map(([key, g]) => ({ key, style: g.style, boxes: [...g.boxes, ...toBoxes(g.cells)] }));
  }
}
