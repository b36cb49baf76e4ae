/**
 * Format benchmark: round trips, API calls, the largest request and response of the whole
 * Format click through the AddinApi, per scenario (see test/fixtures/formatScenarios.ts),
 * on the fake Excel API installed as an ExcelApi 1.18 host (notes, merged areas,
 * comments) so the figures are the ones users of current Excel get. Beside the plain
 * scenario, a naive cell-by-cell add-in (one range per cell, a sync per row) for scale.
 * `planMs` is the pure planning time (readScorecard + planFormat on the scenario's grid), the
 * median of warm runs, measured in a fresh Node process per scenario (the grid handed over
 * as JSON, so its strings are fresh as an Office.js response's are): in Excel the workbook
 * is not in the add-in's heap, while this process holds every scenario's fake workbook, and
 * a garbage collection there walks them all. `planMsInProcess` is the same measurement in
 * this process, for comparison (it runs slower by that heap).
 * The lead's `npm run bench` prints these and writes bench-results.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFormat } from '../src/domain/plan/planFormat';
import type { CellStyle, FormatPlan } from '../src/domain/plan/types';
import { a1 } from '../src/domain/sheet/grid';
import type { Grid } from '../src/domain/sheet/grid';
import { readScorecard } from '../src/domain/sheet/readScorecard';
import { createExcelAddinApi } from '../src/excel/addinApi';
import { DEFAULT_SETTINGS, type Settings } from '../src/port/api';
import { fakeWorkbookFromGrids, installFakeOffice } from '../test/fakes/fakeExcel';
import { formatScenario, type FormatScenarioName } from '../test/fixtures/formatScenarios';
import { syntheticGrid } from '../test/fixtures/seedGrids';

export interface FormatBenchRow {
  scenario: FormatScenarioName;
  rows: number;
  months: number;
  syncs: number;
  apiCalls: number;
  maxPayloadBytes: number;
  maxResponseBytes: number;
  /** readScorecard + planFormat, warm median, in a fresh process holding only the grid. */
  planMs: number;
  /** The same in the bench process, whose heap also holds the scenarios' fake workbooks. */
  planMsInProcess: number;
  /** The naive add-in on the same sheet (plain scenario only). */
  naiveSyncs?: number;
  naiveApiCalls?: number;
}

/** What is measured: the plain scenario at three sizes, the others at 5,000 rows. */
export const BENCH_CASES: ReadonlyArray<{ scenario: FormatScenarioName; rows: number }> = [
  { scenario: 'plain', rows: 50 },
  { scenario: 'plain', rows: 500 },
  { scenario: 'plain', rows: 5000 },
  { scenario: 'notes', rows: 5000 },
  { scenario: 'baseline', rows: 5000 },
  { scenario: 'formulas', rows: 5000 },
  { scenario: 'wide', rows: 5000 },
];

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
  const writes = new Map(plan.writes.map((w) => [`${w.row},${w.col}`, w.kind === 'formula' ? w.formula : w.value]));
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

function plan(grid: Grid, settings: Settings): FormatPlan {
  const tables = readScorecard(grid, { convention: settings.convention });
  if (!tables.ok) throw new Error(tables.error.message);
  const planned = planFormat(tables.value, { mode: settings.mode, convention: settings.convention, palette: settings.palette }, grid);
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.value;
}

/** Median of warm runs of readScorecard + planFormat (the first run warms the JIT). */
export function planTime(grid: Grid, settings: Settings, runs = 7): number {
  plan(grid, settings);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    plan(grid, settings);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

/**
 * `planTime` in a fresh Node process (the source through tsx, as in this one) that holds
 * only the grid, read from a JSON file: nothing else in its heap, as in the add-in.
 */
export function planTimeIsolated(grid: Grid, settings: Settings, runs = 7): number {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-plan-'));
  try {
    const file = join(dir, 'grid.json');
    writeFileSync(file, JSON.stringify({ grid, settings, runs }));
    const body = `
      const { readFileSync } = require('node:fs');
      const { planTime } = require(${JSON.stringify(join(__dirname, 'format.ts'))});
      const { grid, settings, runs } = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));
      process.stdout.write(JSON.stringify({ ms: planTime(grid, settings, runs) }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', body], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
    if (!run.stdout) throw new Error(`plan child failed: ${run.stderr || run.error?.message}`);
    return (JSON.parse(run.stdout) as { ms: number }).ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plan time at one size of the plain scenario's sheet, and per 1,000 rows. */
export interface PlanScalingRow {
  rows: number;
  planMs: number;
  msPer1000Rows: number;
}

/**
 * Plan time (readScorecard + planFormat, median of warm runs) of the plain scenario's sheet
 * (3 months, default settings) at each size: planning is linear when `msPer1000Rows` stays
 * flat from 5,000 to 50,000 rows. Fewer runs at the largest sizes, where one run is long.
 */
export function planScaling(sizes: readonly number[] = [5000, 50_000]): PlanScalingRow[] {
  return sizes.map((rows) => {
    const planMs = planTime(syntheticGrid(rows, 3), DEFAULT_SETTINGS, rows > 10_000 ? 3 : 7);
    return { rows, planMs, msPer1000Rows: Math.round((planMs / rows) * 1000 * 100) / 100 };
  });
}

/** Runs the benchmark; deterministic counts, `planMs` measured on this machine. */
export async function runFormatBench(cases = BENCH_CASES): Promise<FormatBenchRow[]> {
  const results: FormatBenchRow[] = [];
  for (const { scenario, rows } of cases) {
    const s = await formatScenario(scenario, rows);
    const planMsInProcess = planTime(s.grid, s.settings);
    const planMs = planTimeIsolated(s.grid, s.settings);
    const uninstall = installFakeOffice(globalThis, s.workbook);
    try {
      const api = createExcelAddinApi({ run: (batch) => s.workbook.run(batch) });
      const formatted = await api.format(s.settings, () => undefined, new AbortController().signal);
      if (!formatted.ok) throw new Error(`${scenario}: ${formatted.error.message}`);
    } finally {
      uninstall();
    }
    const row: FormatBenchRow = {
      scenario,
      rows,
      months: s.months,
      syncs: s.workbook.stats.syncs,
      apiCalls: s.workbook.stats.apiCalls,
      maxPayloadBytes: s.workbook.stats.maxPayloadBytes,
      maxResponseBytes: s.workbook.stats.maxResponseBytes,
      planMs,
      planMsInProcess,
    };
    if (scenario === 'plain') {
      const naive = fakeWorkbookFromGrids([s.grid]);
      await naive.run((ctx) => naiveApply(ctx, plan(s.grid, s.settings)));
      row.naiveSyncs = naive.stats.syncs;
      row.naiveApiCalls = naive.stats.apiCalls;
    }
    results.push(row);
  }
  return results;
}
