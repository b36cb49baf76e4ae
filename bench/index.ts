/**
 * `npm run bench`: prints the figures the issues ask for and writes them to
 * bench-results.json (git-ignored). Figures, not assertions: tests assert counts
 * (round trips), never time.
 */
import { writeFileSync } from 'node:fs';
import { runBundleBench } from './bundle';
import { runCliBench } from './cli';
import { runEngineBench } from './engine';
import { planScaling, runFormatBench } from './format';
import { runPaneBench } from './pane';

type Figures = Record<string, number | string>;

function printFigures(title: string, figures: Figures): void {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(figures)) {
    console.log(`  ${name.padEnd(48)} ${typeof value === 'number' ? value.toLocaleString('en-GB') : value}`);
  }
}

async function main(): Promise<void> {
  const engine = await runEngineBench();
  printFigures('Engine', engine);

  const format = await runFormatBench();
  console.log('\nFormat through the Excel adapter on the fake ExcelApi 1.18 host (counts), per scenario; a naive cell-by-cell add-in beside the plain one');
  console.table(
    format.map((f) => ({
      scenario: f.scenario,
      rows: f.rows,
      months: f.months,
      syncs: f.syncs,
      apiCalls: f.apiCalls,
      maxPayloadBytes: f.maxPayloadBytes,
      maxResponseBytes: f.maxResponseBytes,
      'response % of 5 MiB': Number(((f.maxResponseBytes / (5 * 1024 * 1024)) * 100).toFixed(1)),
      planMs: Number(f.planMs.toFixed(1)),
      'plan ms per 1,000 rows': Number(((f.planMs / f.rows) * 1000).toFixed(1)),
      naiveSyncs: f.naiveSyncs ?? '',
      naiveApiCalls: f.naiveApiCalls ?? '',
    })),
  );

  const planScale = planScaling();
  console.log('\nPlan time (readScorecard + planFormat) of the plain sheet by size: linear when ms per 1,000 rows stays flat');
  console.table(planScale);

  const cli = await runCliBench();
  printFigures('xlsx end to end: scorecard format (and --previous) in a fresh process, beside unzip + rezip (floor)', cli);

  const bundle = await runBundleBench();
  printFigures('Task pane bundle', bundle);

  const pane = await runPaneBench();
  printFigures('Task pane load in headless Chromium, fake host (ms from navigation, median)', pane);

  writeFileSync('bench-results.json', JSON.stringify({ engine, format, planScaling: planScale, cli, bundle, pane }, null, 2) + '\n');
  console.log('\nWritten to bench-results.json');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
