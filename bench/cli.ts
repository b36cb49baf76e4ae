/**
 * The `scorecard` CLI end to end on big workbooks: 5,000 and 20,000 indicator rows, 24
 * month columns (syntheticGrid from the seed fixtures), beside the floor any in-place
 * editor has to pay: unzipping and re-zipping the same file with the same zip library
 * (fflate, deflate level 6, as the package writer uses).
 *
 * Every figure that is a time or a peak memory comes from a fresh child process, so one
 * measurement does not pollute the next (heap, JIT, caches). The children run the CLI as
 * it ships: compiled by `tsc -p tsconfig.cli.json` (what `npm run build:cli` puts in
 * dist-cli and bin/scorecard.js runs), into a temporary folder, once per checkout.
 * `BENCH_CLI_SOURCE=1` runs the TypeScript source through tsx instead (the development
 * path: about 35 MiB more at start, and transpiling on first use inside the timing).
 * - `format`: `scorecard format in.xlsx -o out.xlsx` (the whole command: read the file,
 *   plan, apply, write the output through its temp file);
 * - `format --previous`: the same with last month's workbook as the baseline (revisions
 *   highlighted, the record sheet added);
 * - `floor`: read the file, unzip every part, zip them again, write the output (fflate);
 * - `floor node:zlib`: the same with the package's own zip code and Node's zlib, as the
 *   CLI does it (the CLI deflates with native zlib, so this is its true floor).
 * Each is run once as a warm-up (file cache), then `BENCH_RUNS` times (default 3); the
 * figures are medians. Time is the command's wall time inside the child; peak memory is the
 * child's peak resident set (`process.resourceUsage().maxRSS`), beside its resident set
 * before the command (Node and the loaded modules), so the command's own share shows.
 *
 * `BENCH_CLI_BASELINE=/path/to/another/checkout` runs the same children on that
 * checkout's source too (same inputs, interleaved runs, same machine load), for an
 * old-versus-new ratio.
 *
 * An in-process breakdown by stage (read, engine, apply, write) at 5,000 rows says where
 * the time goes. Figures, not assertions; the caller prints them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Grid } from '../src/domain/sheet/grid';
import type { CellInput } from '../src/domain/types';
import { planFormat } from '../src/domain/plan/planFormat';
import { readScorecard } from '../src/domain/sheet/readScorecard';
import { applyFormatPlan } from '../src/xlsx/applyPlan';
import { gridOf, openWorkbook } from '../src/xlsx/read';
import { writeGrid } from '../test/helpers/fromGrid';
import { writeWorkbook } from '../test/helpers/exceljsWorkbook';
import { syntheticGrid } from '../test/fixtures/seedGrids';

const MONTHS = 24;
/** Row counts to measure (`BENCH_CLI_ROWS=500,2000` for a quick look); the first gets the stage breakdown. */
const SIZES = (process.env.BENCH_CLI_ROWS ?? '5000,20000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
/** `BENCH_WARMUP=0` skips the warm-up round (a quick look on a busy machine). */
const WARMUP = process.env.BENCH_WARMUP !== '0';
const ROOT = join(__dirname, '..');
/** `BENCH_CLI_SOURCE=1`: children run the source through tsx, not the compiled CLI. */
const FROM_SOURCE = process.env.BENCH_CLI_SOURCE === '1';

type Figures = Record<string, number | string>;

function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function workbookOf(grid: Grid): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  writeGrid(wb.addWorksheet(grid.sheetName), grid);
  return writeWorkbook(wb);
}

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** The first of the month before a date serial's month, as a serial. */
function monthBefore(serial: number): number {
  const d = new Date(EPOCH + serial * DAY);
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) - EPOCH) / DAY;
}

/**
 * Last month's workbook for a synthetic grid, as it was published: the sheet one month
 * earlier (month headers one month back, each month's figures in its column, the newest
 * month not there yet), with one figure in 50 of the month before that shown differently
 * (what a revision is), so `--previous` finds and highlights revisions.
 */
function previousMonth(grid: Grid): { grid: Grid; revised: number } {
  const header = grid.numberFormats.findIndex((row) => row.filter((f) => f === 'mmm-yy').length >= 12);
  if (header < 0) throw new Error('bench: no month header row in the synthetic grid');
  const months = grid.numberFormats[header]!.flatMap((f, c) => (f === 'mmm-yy' ? [c] : []));
  const copy = <T>(rows: T[][]): T[][] => rows.map((r) => [...r]);
  const values: CellInput[][] = copy(grid.values);
  const text = copy(grid.text);
  const numberFormats = copy(grid.numberFormats);
  for (const c of months) values[header]![c] = monthBefore(Number(grid.values[header]![c]));
  let revised = 0;
  for (let r = header + 1; r < values.length; r++) {
    for (let i = months.length - 1; i >= 1; i--) {
      const [to, from] = [months[i]!, months[i - 1]!];
      values[r]![to] = grid.values[r]![from]!;
      text[r]![to] = grid.text[r]![from]!;
      numberFormats[r]![to] = grid.numberFormats[r]![from]!;
    }
    // The month before last (present in both workbooks): an occasional revised figure.
    const at = months[months.length - 2]!;
    const v = values[r]![at];
    if ((r - header) % 50 === 0 && typeof v === 'number') {
      values[r]![at] = v * 1.5 + 1;
      revised++;
    }
  }
  for (const row of values) {
    row.forEach((v, c) => {
      if (typeof v === 'string' && v.includes('December 2020')) row[c] = v.replace('December 2020', 'November 2020');
    });
  }
  return { grid: { ...grid, sheetName: 'Nov-20', values, text, numberFormats }, revised };
}

interface Run {
  ms: number;
  /** CPU time (user + system) of the command: what a loaded, shared machine distorts least. */
  cpuMs: number;
  maxRssMiB: number;
  startRssMiB: number;
  exit: number;
}

/** A checkout's CLI compiled as `npm run build:cli` compiles it, into `outDir`. */
function compile(root: string, outDir: string): string {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.cli.json'), '--outDir', outDir], { cwd: root, stdio: 'inherit' });
  return outDir;
}

interface Build {
  root: string;
  /** The compiled tree (dist-cli's layout), or null to run the source through tsx. */
  compiled: string | null;
}

/** One command in a fresh Node process: the compiled CLI (as `scorecard` runs it), or the source through tsx. */
function child(kind: 'format' | 'floor' | 'zlibFloor', build: Build, args: { input: string; output: string; previous?: string }): Run {
  const { root, compiled } = build;
  const module = (rel: string): string => JSON.stringify(compiled ? join(compiled, 'src', `${rel}.js`) : join(root, 'src', `${rel}.ts`));
  const timed = (work: string): string => `
    const base = process.memoryUsage().rss;
    const t = performance.now();
    const cpu = process.cpuUsage();
    ${work}
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify({ exit: 0, ms, cpuMs: (used.user + used.system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024, base }));`;
  const body =
    kind === 'floor'
      ? `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { unzipSync, zipSync } = require('fflate');${timed(`
    const parts = unzipSync(new Uint8Array(readFileSync(${JSON.stringify(args.input)})));
    writeFileSync(${JSON.stringify(args.output)}, zipSync(parts, { level: 6 }));`)}`
      : kind === 'zlibFloor'
        ? `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { readZip, InflateBudget, writeZip } = require(${module('xlsx/package/zip')});
    const { nodeCodec } = require(${module('cli/codec')});${timed(`
    const entries = readZip(new Uint8Array(readFileSync(${JSON.stringify(args.input)})));
    if (!nodeCodec) throw new Error('bench: no nodeCodec in cli/codec');
    const budget = new InflateBudget(undefined, nodeCodec);
    const parts = entries.map((e) => ({ kind: 'new', name: e.name, data: budget.inflate(e) }));
    writeFileSync(${JSON.stringify(args.output)}, writeZip(parts, nodeCodec));`)}`
        : `
    const { runCli } = require(${module('cli/main')});
    const base = process.memoryUsage().rss;
    const t = performance.now();
    const cpu = process.cpuUsage();
    const argv = ['format', ${JSON.stringify(args.input)}, '-o', ${JSON.stringify(args.output)}, '--force'${args.previous ? `, '--previous', ${JSON.stringify(args.previous)}` : ''}];
    runCli(argv, { out: () => {}, err: () => {} }).then((exit) => {
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      process.stdout.write(JSON.stringify({ exit, ms, cpuMs: (used.user + used.system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024, base }));
    });`;
  // The compiled tree lives outside the checkout: its imports resolve through the checkout's node_modules.
  const env = { ...process.env, NODE_PATH: join(root, 'node_modules') };
  const argv = compiled ? ['-e', body] : ['--import', 'tsx', '-e', body];
  const run = spawnSync(process.execPath, argv, { encoding: 'utf8', timeout: 900_000, cwd: root, maxBuffer: 1 << 20, env });
  if (!run.stdout) throw new Error(`bench child failed (${kind}): ${run.stderr || run.error?.message}`);
  const r = JSON.parse(run.stdout) as { exit: number; ms: number; cpuMs: number; maxRss: number; base: number };
  return { ms: r.ms, cpuMs: r.cpuMs, maxRssMiB: mib(r.maxRss), startRssMiB: mib(r.base), exit: r.exit };
}

interface Measured {
  ms: number;
  cpuMs: number;
  maxRssMiB: number;
  startRssMiB: number;
  exit: number;
}

function summarise(runs: Run[]): Measured {
  return { ms: Math.round(median(runs.map((r) => r.ms))), cpuMs: Math.round(median(runs.map((r) => r.cpuMs))), maxRssMiB: median(runs.map((r) => r.maxRssMiB)), startRssMiB: median(runs.map((r) => r.startRssMiB)), exit: Math.max(...runs.map((r) => r.exit)) };
}

/** Warm-up, then RUNS interleaved rounds of every job, so load drifts hit each alike. */
function measure(jobs: Array<{ name: string; run: () => Run }>): Map<string, Measured> {
  if (WARMUP) for (const j of jobs) j.run();
  const runs = new Map<string, Run[]>(jobs.map((j) => [j.name, []]));
  for (let i = 0; i < RUNS; i++) for (const j of jobs) runs.get(j.name)!.push(j.run());
  return new Map([...runs].map(([name, rs]) => [name, summarise(rs)]));
}

async function stages(bytes: Uint8Array): Promise<Figures> {
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
    'stages: indicator rows': tables.value.reduce((n, t) => n + t.indicators.length, 0),
    'stages: style groups': plan.value.styles.length,
    'stages: cells styled': applied.value.cellsStyled,
    'stages: read (unzip + parse + grid) ms': Math.round(t1 - t0),
    'stages: engine (read tables + plan) ms': Math.round(t2 - t1),
    'stages: apply ms': Math.round(t3 - t2),
    'stages: write (serialise + zip) ms': Math.round(t4 - t3),
    'stages: output MiB': mib(out.byteLength),
  };
}

export async function runCliBench(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-bench-'));
  const baseline = process.env.BENCH_CLI_BASELINE;
  try {
    const figures: Figures = {
      workbook: `N rows x ${MONTHS} months`,
      runs: `${WARMUP ? '1 warm-up + ' : ''}${RUNS} (medians), each in a fresh process`,
      'CLI measured': FROM_SOURCE ? 'TypeScript source through tsx (BENCH_CLI_SOURCE=1)' : 'compiled (tsc -p tsconfig.cli.json, as dist-cli ships)',
    };
    const build: Build = { root: ROOT, compiled: FROM_SOURCE ? null : compile(ROOT, join(dir, 'cli-this')) };
    const baselineBuild: Build | null = baseline ? { root: baseline, compiled: FROM_SOURCE ? null : compile(baseline, join(dir, 'cli-baseline')) } : null;
    const perRow: Record<string, Array<{ ms: number; cpuMs: number }>> = { format: [], previous: [], floor: [] };
    for (const rows of SIZES) {
      const grid = syntheticGrid(rows, MONTHS);
      const bytes = await workbookOf(grid);
      const input = join(dir, `bench-${rows}x${MONTHS}.xlsx`);
      writeFileSync(input, bytes);
      const prev = previousMonth(grid);
      const previous = join(dir, `bench-${rows}x${MONTHS}-previous.xlsx`);
      writeFileSync(previous, await workbookOf(prev.grid));
      if (rows === SIZES[0]) Object.assign(figures, await stages(bytes));

      const out = join(dir, 'out.xlsx');
      const jobs = [
        { name: 'format', run: () => child('format', build, { input, output: out }) },
        { name: 'previous', run: () => child('format', build, { input, output: out, previous }) },
        { name: 'floor', run: () => child('floor', build, { input, output: out }) },
        { name: 'zlib floor', run: () => child('zlibFloor', build, { input, output: out }) },
      ];
      if (baselineBuild) {
        jobs.push({ name: 'baseline format', run: () => child('format', baselineBuild, { input, output: out }) });
        jobs.push({ name: 'baseline previous', run: () => child('format', baselineBuild, { input, output: out, previous }) });
      }
      const m = measure(jobs);
      const format = m.get('format')!;
      const withPrevious = m.get('previous')!;
      const floor = m.get('floor')!;
      const zlibFloor = m.get('zlib floor')!;
      const k = rows.toLocaleString('en-GB');
      figures[`${k}: input MiB`] = mib(bytes.byteLength);
      figures[`${k}: format ms`] = format.ms;
      figures[`${k}: format CPU ms`] = format.cpuMs;
      figures[`${k}: format peak RSS MiB`] = format.maxRssMiB;
      figures[`${k}: format --previous ms`] = withPrevious.ms;
      figures[`${k}: format --previous CPU ms`] = withPrevious.cpuMs;
      figures[`${k}: format --previous peak RSS MiB`] = withPrevious.maxRssMiB;
      figures[`${k}: --previous revisions planted`] = prev.revised;
      figures[`${k}: floor (unzip + rezip) ms`] = floor.ms;
      figures[`${k}: floor CPU ms`] = floor.cpuMs;
      figures[`${k}: floor peak RSS MiB`] = floor.maxRssMiB;
      figures[`${k}: floor node:zlib (as the CLI zips) ms`] = zlibFloor.ms;
      figures[`${k}: floor node:zlib CPU ms`] = zlibFloor.cpuMs;
      figures[`${k}: floor node:zlib peak RSS MiB`] = zlibFloor.maxRssMiB;
      figures[`${k}: format / floor node:zlib (CPU)`] = Math.round((format.cpuMs / zlibFloor.cpuMs) * 10) / 10;
      figures[`${k}: format / floor (time)`] = Math.round((format.ms / floor.ms) * 10) / 10;
      figures[`${k}: format / floor (CPU)`] = Math.round((format.cpuMs / floor.cpuMs) * 10) / 10;
      figures[`${k}: format --previous / floor`] = Math.round((withPrevious.ms / floor.ms) * 10) / 10;
      figures[`${k}: child start RSS MiB (Node + modules)`] = format.startRssMiB;
      figures[`${k}: exit codes (format, --previous)`] = `${format.exit}, ${withPrevious.exit}`;
      if (baseline) {
        const old = m.get('baseline format')!;
        const oldPrevious = m.get('baseline previous')!;
        figures[`${k}: baseline format ms`] = old.ms;
        figures[`${k}: baseline format CPU ms`] = old.cpuMs;
        figures[`${k}: baseline format peak RSS MiB`] = old.maxRssMiB;
        figures[`${k}: baseline format --previous ms`] = oldPrevious.ms;
        figures[`${k}: baseline format --previous CPU ms`] = oldPrevious.cpuMs;
        figures[`${k}: baseline --previous peak RSS MiB`] = oldPrevious.maxRssMiB;
        figures[`${k}: baseline / this (format time)`] = Math.round((old.ms / format.ms) * 10) / 10;
        figures[`${k}: baseline / this (--previous time)`] = Math.round((oldPrevious.ms / withPrevious.ms) * 10) / 10;
        figures[`${k}: baseline / this (format CPU)`] = Math.round((old.cpuMs / format.cpuMs) * 10) / 10;
        figures[`${k}: baseline / this (--previous CPU)`] = Math.round((oldPrevious.cpuMs / withPrevious.cpuMs) * 10) / 10;
      }
      for (const [name, f] of [['format', format], ['previous', withPrevious], ['floor', floor]] as const) perRow[name]!.push({ ms: (f.ms / rows) * 1000, cpuMs: (f.cpuMs / rows) * 1000 });
    }
    // Linear in rows: the time per 1,000 rows stays the same from the smallest size to the largest.
    const sizes = SIZES.map((n) => n.toLocaleString('en-GB')).join(' / ');
    for (const [name, label] of [['format', 'format'], ['previous', 'format --previous'], ['floor', 'floor']] as const) {
      const per = perRow[name]!;
      figures[`${label}: ms per 1,000 rows (${sizes})`] = per.map((p) => Math.round(p.ms)).join(' / ');
      figures[`${label}: CPU ms per 1,000 rows (${sizes})`] = per.map((p) => Math.round(p.cpuMs)).join(' / ');
      if (per.length >= 2) figures[`${label}: per-row growth, largest vs smallest (CPU)`] = Math.round((per[per.length - 1]!.cpuMs / per[0]!.cpuMs) * 100) / 100;
    }
    figures.targets = '5,000 x 24: format <= 1,000 ms and <= 250 MiB, <= 2x floor; per-row growth ~1 (linear)';
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runCliBench().then(
    (r) => {
      for (const [name, value] of Object.entries(r)) console.log(`  ${name.padEnd(48)} ${typeof value === 'number' ? value.toLocaleString('en-GB') : value}`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
