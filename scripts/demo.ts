/**
 * The README quick start's main job (`npm ci && npm run demo`): builds the `scorecard`
 * command if its build is missing or older than the source, then, for each sample report,
 * formats December with last month's published file (revised figures highlighted), lists
 * the revisions, and rolls the formatted workbook on to January, writing into out/.
 *
 * The real seed reports contain notation the engine cannot use (e.g. early help 11.2, an
 * Info row with tolerances): the summary lists those cells and `format` still exits 0.
 * Only unreadable tolerances exit 6, and the samples have none, so 6 is a failure here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'scorecard.js');
const BUILT = join(ROOT, 'dist-cli', 'src', 'cli', 'bin.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : name.endsWith('.ts') ? stat.mtimeMs : 0);
  }
  return newest;
}

function buildIfNeeded(): void {
  const stale = !existsSync(BUILT) || statSync(BUILT).mtimeMs < newestSource(join(ROOT, 'src'));
  if (!stale) return;
  console.log('Building the scorecard command (tsc -p tsconfig.cli.json)...');
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, stdio: 'inherit' });
  // tsc emits JavaScript even when it reports type errors (npm run typecheck's business);
  // the demo needs a fresh build, whatever the type checker says.
  if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < newestSource(join(ROOT, 'src'))) {
    throw new Error(`the build failed (tsc exit ${tsc.status})`);
  }
}

function scorecard(args: string[], okCodes: number[]): boolean {
  console.log(`\n$ scorecard ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== null && okCodes.includes(run.status)) return true;
  console.error(`scorecard exited with ${run.status ?? run.signal}`);
  return false;
}

const DEMOS = [
  { name: 'early-help', current: 'early-help-2020-12.xlsx', published: 'early-help-published-2020-11.xlsx' },
  { name: 'corporate-parenting', current: 'corporate-parenting-2019-12.xlsx', published: 'corporate-parenting-published-2019-11.xlsx' },
];

function main(): number {
  buildIfNeeded();
  const samples = join(ROOT, 'samples');
  const out = join(ROOT, 'out');
  mkdirSync(out, { recursive: true });
  let ok = true;
  for (const demo of DEMOS) {
    // Relative to the repository (the commands run there), so the summaries read as typed.
    const current = relative(ROOT, join(samples, demo.current));
    const published = relative(ROOT, join(samples, demo.published));
    if (!existsSync(join(ROOT, current)) || !existsSync(join(ROOT, published))) {
      console.error(`Missing samples/${demo.current} or samples/${demo.published}: run npx tsx scripts/build-samples.ts`);
      return 1;
    }
    const formatted = relative(ROOT, join(out, demo.current.replace('.xlsx', '-formatted.xlsx')));
    const nextMonth = formatted.replace('-formatted.xlsx', '-next-month.xlsx');
    ok = scorecard(['format', current, '--previous', published, '-o', formatted, '--force'], [0]) && ok;
    ok = scorecard(['revisions', published, current], [0]) && ok;
    ok = scorecard(['new-month', formatted, '-o', nextMonth, '--force'], [0]) && ok;
  }
  console.log(`\n${ok ? 'Done' : 'Finished with errors'}: the formatted workbooks are in out/ (open them in Excel or LibreOffice).`);
  return ok ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
