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

/** Columns per row in a packed cell key (Excel's 16,384 columns): `row * COLS + col`, exact in a double. */
const COLS = 16_384;

/**
 * Merges packed cells (`row * 16384 + col`) into boxes: sorted once as numbers, then runs
 * along each row, and identical runs on consecutive rows stacked into one box. No object
 * per cell, so a plan's 50,000 rows cost one sort, not 50,000 small arrays and keys.
 */
function boxesOfKeys(keys: Float64Array): CellBox[] {
  // Planners mostly add a style's cells row by row, left to right: sorted already.
  let sorted = true;
  for (let k = 1; k < keys.length && sorted; k++) sorted = keys[k - 1] <= keys[k];
  if (!sorted) keys.sort();
  // Boxes still growing downwards (the previous row's runs, left to right), and those finished.
  // The two lists are reused row after row with a count of their own: `length = 0` would
  // drop an array's storage, and every row would grow a new one.
  let open: CellBox[] = [];
  let openCount = 0;
  let next: CellBox[] = [];
  let nextCount = 0;
  const done: CellBox[] = [];
  const n = keys.length;
  let i = 0;
  while (i < n) {
    // `| 0`: rows (< 2^20) and columns (< 2^14) are small integers, kept as such (a double
    // stored in a box would be a heap number of its own).
    const row = Math.floor(keys[i] / COLS) | 0;
    const rowStart = row * COLS;
    const rowEnd = rowStart + COLS;
    // The open boxes are sorted by left, as this row's runs are found: one pointer walks them.
    let p = 0;
    while (i < n && keys[i] < rowEnd) {
      const left = (keys[i] - rowStart) | 0;
      let right = left;
      i++;
      // Duplicates and the next column extend the run.
      while (i < n && keys[i] < rowEnd && keys[i] - rowStart <= right + 1) right = Math.max(right, (keys[i++] - rowStart) | 0);
      while (p < openCount && open[p].left < left) done.push(open[p++]);
      const box = p < openCount ? open[p] : undefined;
      let grown: CellBox;
      if (box && box.left === left && box.right === right && box.bottom === row - 1) {
        box.bottom = row;
        p++;
        grown = box;
      } else grown = { top: row, left, bottom: row, right };
      if (nextCount < next.length) next[nextCount] = grown;
      else next.push(grown);
      nextCount++;
    }
    while (p < openCount) done.push(open[p++]);
    // Swapped without a destructuring (which iterates a new array on every row).
    const finished = open;
    open = next;
    openCount = nextCount;
    next = finished;
    nextCount = 0;
  }
  for (let k = 0; k < openCount; k++) done.push(open[k]);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Merges cells into as few rectangles as a simple sweep finds: runs along each row, then
 * identical runs on consecutive rows stacked into one box. A column of RAG cells with the
 * same colour becomes one box, so adapters make one call per style, not per cell.
 *
 * @example toBoxes([{row:1,col:2},{row:2,col:2}]) // [{ top: 1, left: 2, bottom: 2, right: 2 }]
 */
export function toBoxes(cells: ReadonlyArray<{ row: number; col: number }>): CellBox[] {
  const keys = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) keys[i] = cells[i].row * COLS + cells[i].col;
  return boxesOfKeys(keys);
}

/** A style's cells (packed as `row * 16384 + col`, the first `count` of `cells`) and whole boxes. */
interface Group {
  style: CellStyle;
  cells: Float64Array;
  count: number;
  boxes: CellBox[];
}

/** Collects cells (and whole boxes) per style and turns them into style groups, in first-seen order. */
export class StyleCollector {
  private readonly groups = new Map<string, Group>();
  // Plans reuse the same style objects for thousands of cells: each object finds its group once.
  private readonly byObject = new Map<CellStyle, Group>();

  private group(style: CellStyle): Group {
    let g = this.byObject.get(style);
    if (g) return g;
    const key = styleKey(style);
    g = this.groups.get(key);
    if (!g) {
      g = { style, cells: new Float64Array(64), count: 0, boxes: [] };
      this.groups.set(key, g);
    }
    this.byObject.set(style, g);
    return g;
  }

  add(style: CellStyle, row: number, col: number): void {
    const g = this.group(style);
    // The cells go straight into a typed array, grown by doubling: no array of doubles to copy into one at the end.
    if (g.count === g.cells.length) {
      const grown = new Float64Array(g.cells.length * 2);
      grown.set(g.cells);
      g.cells = grown;
    }
    g.cells[g.count++] = row * COLS + col;
  }

  /** A whole rectangle (the header, the table's borders) goes in as it is. */
  addBox(style: CellStyle, box: CellBox): void {
    this.group(style).boxes.push({ ...box });
  }

  groupsOut(): StyleGroup[] {
    return [...this.groups].map(([key, g]) => ({ key, style: g.style, boxes: [...g.boxes, ...boxesOfKeys(g.cells.subarray(0, g.count))] }));
  }
}
