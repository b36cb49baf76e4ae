import type { CellBox } from '../../domain/sheet/grid';
import { boxAddress, columnLetters } from '../../domain/sheet/grid';
import type { CellStyle, CellWrite, FormatPlan, PrintSetup } from '../../domain/plan/types';
import { conditionalOps, type ConditionalOp } from './conditionalFormats';

/**
 * A FormatPlan turned into the Office operations that apply it, as plain data: grouped so
 * calls grow with distinct styles (and value runs), not cells, and cut only where Excel's
 * limits demand. Pure: applyFormatPlan.ts queues these on a request context.
 */
export type WriteOp =
  | { kind: 'values'; box: CellBox; values: Array<Array<string | number>>; formulas: boolean }
  | { kind: 'numberFormat'; box: CellBox; formats: string[][] }
  | { kind: 'style'; address: string; style: Omit<CellStyle, 'numberFormat'> }
  | { kind: 'columnWidth'; address: string; width: number }
  | { kind: 'freeze'; rows: number; columns: number }
  | { kind: 'print'; setup: PrintSetup }
  | ConditionalOp;

export interface WriteLimits {
  /** Longest address list per call: Worksheet.getRanges fails above 8,192 characters, whatever the number of areas (office-js#5198). */
  addressChars: number;
  /** Largest request payload per sync; Excel on the web rejects over 5 MB. */
  payloadBytes: number;
}

/** Margins under Excel's limits: object paths and the batch envelope also take room. */
export const DEFAULT_LIMITS: WriteLimits = { addressChars: 8_000, payloadBytes: 4 * 1024 * 1024 };

/**
 * Merges boxes that touch into fewer, larger ones: vertical runs of the same columns, then
 * side-by-side runs of the same rows. Fewer boxes mean shorter addresses, so fewer chunks.
 *
 * @example
 * coalesceBoxes([{top:4,left:2,bottom:4,right:2},{top:5,left:2,bottom:5,right:2}]) // [{top:4,left:2,bottom:5,right:2}]
 */
export function coalesceBoxes(boxes: readonly CellBox[]): CellBox[] {
  const vertical = mergeRuns(
    boxes,
    (b) => `${b.left}:${b.right}`,
    (b) => b.top,
    (cur, next) => next.top <= cur.bottom + 1,
    (cur, next) => ({ ...cur, bottom: Math.max(cur.bottom, next.bottom) }),
  );
  return mergeRuns(
    vertical,
    (b) => `${b.top}:${b.bottom}`,
    (b) => b.left,
    (cur, next) => next.left <= cur.right + 1,
    (cur, next) => ({ ...cur, right: Math.max(cur.right, next.right) }),
  ).sort((x, y) => x.top - y.top || x.left - y.left);
}

function mergeRuns(
  boxes: readonly CellBox[],
  lane: (b: CellBox) => string,
  start: (b: CellBox) => number,
  touches: (cur: CellBox, next: CellBox) => boolean,
  merge: (cur: CellBox, next: CellBox) => CellBox,
): CellBox[] {
  const lanes = new Map<string, CellBox[]>();
  for (const b of boxes) {
    const key = lane(b);
    const list = lanes.get(key) ?? [];
    list.push({ ...b });
    lanes.set(key, list);
  }
  const out: CellBox[] = [];
  for (const list of lanes.values()) {
    list.sort((x, y) => start(x) - start(y));
    let cur = list[0];
    for (const next of list.slice(1)) {
      if (touches(cur, next)) cur = merge(cur, next);
      else {
        out.push(cur);
        cur = next;
      }
    }
    out.push(cur);
  }
  return out;
}

/**
 * Joins addresses with commas into lists no longer than `maxChars` each (Excel's address
 * limit is 8,192 characters; one RangeAreas call per list).
 *
 * @example
 * chunkAddresses(['A1', 'B2', 'C3'], 5) // ['A1,B2', 'C3']
 */
export function chunkAddresses(addresses: readonly string[], maxChars: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (current === '') current = address;
    else if (current.length + 1 + address.length <= maxChars) current += `,${address}`;
    else {
      chunks.push(current);
      current = address;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Excel reads text starting with `=`, `+` or `-` as a formula; a static value is kept as text with Excel's apostrophe. */
function staticValue(value: string | number): string | number {
  return typeof value === 'string' && /^[+\-=]/.test(value) ? `'${value}` : value;
}

/** What goes into the cell through `range.formulas` / `range.values`: the formula, or the value kept as a value. */
function entered(w: CellWrite): string | number {
  return w.kind === 'formula' ? w.formula : staticValue(w.value);
}

/**
 * Writes grouped into vertical runs of one column (DOT and RAG columns are contiguous
 * between section rows), one call per run.
 */
export function valueRuns(writes: readonly CellWrite[]): Array<Extract<WriteOp, { kind: 'values' }>> {
  const sorted = [...writes].sort((x, y) => x.col - y.col || x.row - y.row);
  const runs: Array<Extract<WriteOp, { kind: 'values' }>> = [];
  let run: { col: number; top: number; writes: CellWrite[] } | null = null;
  const flush = (): void => {
    if (!run) return;
    runs.push({
      kind: 'values',
      box: { top: run.top, left: run.col, bottom: run.top + run.writes.length - 1, right: run.col },
      values: run.writes.map((w) => [entered(w)]),
      formulas: run.writes.some((w) => w.kind === 'formula'),
    });
  };
  for (const w of sorted) {
    if (run && run.col === w.col && run.top + run.writes.length === w.row) run.writes.push(w);
    else {
      flush();
      run = { col: w.col, top: w.row, writes: [w] };
    }
  }
  flush();
  return runs;
}

/**
 * The plan's number formats as rectangles the plan's format boxes cover entirely: the boxes
 * merged with those they touch (coalesceBoxes, which never adds a cell), each rectangle
 * written in one call with its cells' formats (a later style group wins where two overlap).
 * No cell outside the plan's format boxes is written, so nothing has to be read first to be
 * kept (RangeAreas has no numberFormat, so a rectangle per run is the fewest calls).
 *
 * @example
 * numberFormatOps(plan) // [{ kind: 'numberFormat', box: { top: 4, left: 5, bottom: 28, right: 8 }, formats: [['0.0%', …], …] }, …]
 */
export function numberFormatOps(plan: FormatPlan): Array<Extract<WriteOp, { kind: 'numberFormat' }>> {
  // Keyed by row × 16,384 + column (Excel's column count): one number per cell, no strings.
  const formatAt = new Map<number, string>();
  const boxes: CellBox[] = [];
  for (const group of plan.styles) {
    const nf = group.style.numberFormat;
    if (nf === undefined) continue;
    for (const b of group.boxes) {
      boxes.push(b);
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) formatAt.set(r * 16_384 + c, nf);
    }
  }
  return coalesceBoxes(boxes).map((box) => ({
    kind: 'numberFormat' as const,
    box,
    formats: Array.from({ length: box.bottom - box.top + 1 }, (_, i) =>
      Array.from({ length: box.right - box.left + 1 }, (_, j) => formatAt.get((box.top + i) * 16_384 + box.left + j) ?? 'General'),
    ),
  }));
}

function withoutNumberFormat(style: CellStyle): Omit<CellStyle, 'numberFormat'> | null {
  const rest: Omit<CellStyle, 'numberFormat'> = { ...style };
  delete (rest as CellStyle).numberFormat;
  return Object.keys(rest).length > 0 ? rest : null;
}

/** Splits an op with a 2-D payload into row bands of at most `maxBytes` estimated each. */
function splitRows<T extends { box: CellBox }>(op: T, rows: unknown[][], maxBytes: number, make: (box: CellBox, rows: unknown[][]) => T): T[] {
  const bytes = estimateBytes(op as unknown as WriteOp);
  if (bytes <= maxBytes || rows.length < 2) return [op];
  const bands = Math.ceil(bytes / maxBytes);
  const per = Math.ceil(rows.length / bands);
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    out.push(make({ ...op.box, top: op.box.top + i, bottom: op.box.top + i + part.length - 1 }, part));
  }
  return out;
}

/**
 * All the operations of a plan, in the order they are applied: values, number formats,
 * styles (one RangeAreas per style and address chunk), conditional colour rules (one per
 * rule and chunk), column widths, freeze panes, print.
 *
 * @example
 * buildWriteOps(plan).filter((op) => op.kind === 'style').length // distinct styles × chunks
 */
export function buildWriteOps(plan: FormatPlan, limits: WriteLimits = DEFAULT_LIMITS): WriteOp[] {
  const ops: WriteOp[] = [];
  const half = Math.floor(limits.payloadBytes / 2);
  for (const run of valueRuns(plan.writes)) {
    ops.push(...splitRows(run, run.values, half, (box, rows) => ({ ...run, box, values: rows as Array<Array<string | number>> })));
  }
  for (const op of numberFormatOps(plan)) {
    ops.push(...splitRows(op, op.formats, half, (box, rows) => ({ kind: 'numberFormat' as const, box, formats: rows as string[][] })));
  }
  for (const group of plan.styles) {
    const style = withoutNumberFormat(group.style);
    if (!style || group.boxes.length === 0) continue;
    for (const address of chunkAddresses(coalesceBoxes(group.boxes).map(boxAddress), limits.addressChars)) {
      ops.push({ kind: 'style', address, style });
    }
  }
  const byWidth = new Map<number, number[]>();
  for (const { col, width } of plan.columnWidths) byWidth.set(width, [...(byWidth.get(width) ?? []), col]);
  for (const [width, cols] of byWidth) {
    const addresses = cols.map((c) => `${columnLetters(c)}:${columnLetters(c)}`);
    for (const address of chunkAddresses(addresses, limits.addressChars)) ops.push({ kind: 'columnWidth', address, width });
  }
  // Formulas mode: colour rules over the static colours, so they follow the live results.
  ops.push(...conditionalOps(plan, (addresses) => chunkAddresses(addresses, limits.addressChars)));
  if (plan.freeze) ops.push({ kind: 'freeze', rows: plan.freeze.rows, columns: plan.freeze.columns });
  if (plan.print) ops.push({ kind: 'print', setup: plan.print });
  return ops;
}

/** Rough request size of an op (its JSON plus the per-call envelope Office adds). */
export function estimateBytes(op: WriteOp): number {
  const envelope =
    op.kind === 'style' ? 120 * Object.keys(op.style).length + 400 : op.kind === 'conditional' ? 120 * Object.keys(op.rule.style).length + 800 : 200;
  return JSON.stringify(op).length * 1.1 + envelope;
}

/**
 * Groups ops into syncs of at most `payloadBytes` each, in order. Usually one: only a very
 * large sheet needs more, and the count grows with payload size, never with round trips per row.
 */
export function batchOps(ops: readonly WriteOp[], payloadBytes: number = DEFAULT_LIMITS.payloadBytes): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    const bytes = estimateBytes(op);
    if (current.length > 0 && size + bytes > payloadBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The plan's row heights as calls: rows of one height in one address (`3:4,7:7`), so calls
 * grow with distinct heights, not rows.
 *
 * @example rowHeightOps({ ...plan, rowHeights: [{ row: 2, height: 60 }, { row: 3, height: 60 }] }) // [{ address: '3:4', height: 60 }]
 */
export function rowHeightOps(plan: FormatPlan, limits: WriteLimits = DEFAULT_LIMITS): Array<{ address: string; height: number }> {
  const byHeight = new Map<number, number[]>();
  for (const { row, height } of plan.rowHeights ?? []) byHeight.set(height, [...(byHeight.get(height) ?? []), row]);
  const out: Array<{ address: string; height: number }> = [];
  for (const [height, rows] of byHeight) {
    const addresses = coalesceBoxes(rows.map((r) => ({ top: r, bottom: r, left: 0, right: 0 }))).map((b) => `${b.top + 1}:${b.bottom + 1}`);
    for (const address of chunkAddresses(addresses, limits.addressChars)) out.push({ address, height });
  }
  return out;
}
