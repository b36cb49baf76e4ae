/**
 * The xlsx adapter and CLI end to end on a big workbook: 5,000 indicator rows, 24 month
 * columns (syntheticGrid from the seed fixtures), formatted as `scorecard format` does.
 *
 * - In this process, each stage timed: read (zip check + exceljs load + Grid), engine
 *   (readScorecard + planFormat), apply (plan onto the worksheet), write (serialise).
 * - In a fresh child process, the whole `format` command on a file (what a scheduled job
 *   runs): wall time and peak resident memory (resourceUsage().maxRSS), beside the
 *   child's resident memory before the command (Node + modules), so the figure is the
 *   command's own and not whatever ran earlier in the bench.
 *
 * Figures, not assertions; the caller prints them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { planFormat } from '../src/domain/plan/planFormat';
import { readScorecard } from '../src/domain/sheet/readScorecard';
import { applyFormatPlan } from '../src/xlsx/applyPlan';
import { writeGrid } from '../test/helpers/fromGrid';
import { gridOf, openWorkbook } from '../src/xlsx/read';
import { writeWorkbook } from '../test/helpers/exceljsWorkbook';
import { syntheticGrid } from '../test/fixtures/seedGrids';

const ROWS = 5000;
const MONTHS = 24;

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

async function buildInput(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const grid = syntheticGrid(ROWS, MONTHS);
  writeGrid(wb.addWorksheet(grid.sheetName), grid);
  return writeWorkbook(wb);
}

async function stages(bytes: Uint8Array): Promise<Record<string, number>> {
  const t0 = performance.now();
  const loaded = openWorkbook(bytes, 'bench.xlsx');
  if (!loaded.ok) throw new Error(loaded.error.message);
  const read = gridOf(loaded.value, loaded.value.sheets[0]!.name);
  if (!read.ok) throw new Error(read.error.message);
  const grid = read.value;
  const t1 = performance.now();
  const tables = readScorecard(grid, { convention: 'performance' });
  if (!tables.ok) throw new Error(tables.error.message);
  const plan = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
  if (!plan.ok) throw new Error(plan.error.message);
  const t2 = performance.now();
  const applied = applyFormatPlan(loaded.value, plan.value);
  if (!applied.ok) throw new Error(applied.error.message);
  const t3 = performance.now();
  const out = loaded.value.save();
  const t4 = performance.now();
  return {
    indicatorRows: tables.value.reduce((n, t) => n + t.indicators.length, 0),
    styleGroups: plan.value.styles.length,
    cellsStyled: applied.value.cellsStyled,
    readMs: Math.round(t1 - t0),
    engineMs: Math.round(t2 - t1),
    applyMs: Math.round(t3 - t2),
    writeMs: Math.round(t4 - t3),
    outputMB: mb(out.byteLength),
  };
}

/** The `format` command in a clean Node process (through tsx, from the source). */
function child(input: string, output: string): { ms: number; maxRssMB: number; baseRssMB: number; exit: number } {
  const main = join(__dirname, '..', 'src', 'cli', 'main.ts');
  const script = `
    const { runCli } = require(${JSON.stringify(main)});
    const base = process.memoryUsage().rss;
    const t = performance.now();
    runCli(['format', ${JSON.stringify(input)}, '-o', ${JSON.stringify(output)}, '--force'], { out: () => {}, err: () => {} }).then((exit) => {
      const ms = performance.now() - t;
      process.stdout.write(JSON.stringify({ exit, ms, maxRss: process.resourceUsage().maxRSS * 1024, base }));
    });`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 600_000, cwd: join(__dirname, '..') });
  if (run.status !== 0 && !run.stdout) throw new Error(`bench child failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout) as { exit: number; ms: number; maxRss: number; base: number };
  return { ms: Math.round(r.ms), maxRssMB: mb(r.maxRss), baseRssMB: mb(r.base), exit: r.exit };
}

export async function runCliBench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-bench-'));
  try {
    const bytes = await buildInput();
    const input = join(dir, 'bench-5000x24.xlsx');
    writeFileSync(input, bytes);
    const inProcess = await stages(bytes);
    const command = child(input, join(dir, 'out.xlsx'));
    return {
      workbook: `${ROWS} rows x ${MONTHS} months`,
      inputMB: mb(bytes.byteLength),
      ...inProcess,
      stagesTotalMs: inProcess.readMs + inProcess.engineMs + inProcess.applyMs + inProcess.writeMs,
      commandMs: command.ms,
      commandExit: command.exit,
      commandPeakRssMB: command.maxRssMB,
      commandStartRssMB: command.baseRssMB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runCliBench().then(
    (r) => console.table(r),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
