/**
 * Format benchmark: round trips, API calls and the largest request payload of the Excel
 * adapter formatting 50 / 500 / 5,000 indicator rows (synthetic seed-like grids), beside a
 * naive cell-by-cell add-in (one range per cell, a sync per row), both against the fake
 * Excel API that counts what Office would receive. `planMs` is the pure planning time.
 * `syncs`/`apiCalls` are the whole Format click through the AddinApi: read the sheet (1),
 * check (1), write (1), remove the backup (1), count revised figures for the summary (1).
 * The lead's `npm run bench` prints these and writes bench-results.json.
 */
import { planFormat } from '../src/domain/plan/planFormat';
import type { CellStyle, FormatPlan } from '../src/domain/plan/types';
import { a1 } from '../src/domain/sheet/grid';
import { readScorecard } from '../src/domain/sheet/readScorecard';
import { createExcelAddinApi } from '../src/excel/addinApi';
import { DEFAULT_SETTINGS } from '../src/port/api';
import { fakeWorkbookFromGrids } from '../test/fakes/fakeExcel';
import { syntheticGrid } from '../test/fixtures/seedGrids';

export interface FormatBenchRow {
  rows: number;
  syncs: number;
  apiCalls: number;
  maxPayloadBytes: number;
  planMs: number;
  naiveSyncs: number;
  naiveApiCalls: number;
}

export const BENCH_ROWS = [50, 500, 5000] as const;

const H = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

/** Every cell's merged style, as a naive add-in would compute and then write cell by cell. */
function stylesByCell(plan: FormatPlan): Map<string, CellStyle> {
  const cells = new Map<string, CellStyle>();
  for (const group of plan.styles) {
    for (const b of group.boxes) {
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) cells.set(`${r},${c}`, { ...cells.get(`${r},${c}`), ...group.style });
      }
    }
  }
  return cells;
}

/** The baseline: a range per cell, every property set on it, a sync after every row. */
async function naiveApply(context: Excel.RequestContext, plan: FormatPlan): Promise<void> {
  const ws = context.workbook.worksheets.getItem(plan.sheetName);
  const styles = stylesByCell(plan);
  const writes = new Map(plan.writes.map((w) => [`${w.row},${w.col}`, w.value]));
  const byRow = new Map<number, Array<[number, number]>>();
  for (const key of new Set([...styles.keys(), ...writes.keys()])) {
    const [r, c] = key.split(',').map(Number);
    byRow.set(r, [...(byRow.get(r) ?? []), [r, c]]);
  }
  for (const row of [...byRow.keys()].sort((x, y) => x - y)) {
    for (const [r, c] of byRow.get(row) ?? []) {
      const key = `${r},${c}`;
      const cell = ws.getRange(a1(r, c));
      const value = writes.get(key);
      if (value !== undefined) cell.formulas = [[value]];
      const s = styles.get(key);
      if (!s) continue;
      if (s.numberFormat !== undefined) cell.numberFormat = [[s.numberFormat]];
      if (s.fill !== undefined) cell.format.fill.color = s.fill;
      if (s.fontColor !== undefined) cell.format.font.color = s.fontColor;
      if (s.bold !== undefined) cell.format.font.bold = s.bold;
      if (s.italic !== undefined) cell.format.font.italic = s.italic;
      if (s.horizontalAlignment !== undefined) cell.format.horizontalAlignment = H[s.horizontalAlignment];
      if (s.verticalAlignment !== undefined) cell.format.verticalAlignment = V[s.verticalAlignment];
      if (s.wrapText !== undefined) cell.format.wrapText = s.wrapText;
      if (s.border !== undefined) {
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
          cell.format.borders.getItem(edge).style = 'Continuous';
          cell.format.borders.getItem(edge).color = s.borderColor ?? '#000000';
        }
      }
    }
    await context.sync();
  }
}

/** Runs the benchmark; deterministic counts, `planMs` measured on this machine. */
export async function runFormatBench(rowCounts: readonly number[] = BENCH_ROWS): Promise<FormatBenchRow[]> {
  const results: FormatBenchRow[] = [];
  for (const rows of rowCounts) {
    const grid = syntheticGrid(rows);

    const t0 = performance.now();
    const tables = readScorecard(grid, { convention: DEFAULT_SETTINGS.convention });
    if (!tables.ok) throw new Error(tables.error.message);
    const plan = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
    const planMs = performance.now() - t0;
    if (!plan.ok) throw new Error(plan.error.message);

    // The add-in's whole Format click: read, plan, check, write, clean up.
    const wb = fakeWorkbookFromGrids([grid]);
    const api = createExcelAddinApi({ run: (batch) => wb.run(batch) });
    const formatted = await api.format(DEFAULT_SETTINGS, () => undefined, new AbortController().signal);
    if (!formatted.ok) throw new Error(formatted.error.message);

    const naive = fakeWorkbookFromGrids([grid]);
    await naive.run((ctx) => naiveApply(ctx, plan.value));

    results.push({
      rows,
      syncs: wb.stats.syncs,
      apiCalls: wb.stats.apiCalls,
      maxPayloadBytes: wb.stats.maxPayloadBytes,
      planMs: Math.round(planMs * 10) / 10,
      naiveSyncs: naive.stats.syncs,
      naiveApiCalls: naive.stats.apiCalls,
    });
  }
  return results;
}
