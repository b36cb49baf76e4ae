import * as fs from 'fs';
import * as path from 'path';
import { ensureProductionBuild, runChild } from '../../build/dist';
import { HOST_OUT, ROOT } from './paths';

const WEBPACK_CLI = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

/** Runs webpack in a child process (jest's module registry makes the Node API slow and leaky). */
export async function runWebpack(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const { code, output } = await runChild(process.execPath, [WEBPACK_CLI, ...args], env);
  if (code !== 0) throw new Error(`webpack ${args.join(' ')} exited with ${code}:\n${output}`);
}

/**
 * Makes sure dist/ holds a production build of the current sources: the build tests' own
 * helper (test/build/dist.ts), so both suites share one staleness rule and one lock and a
 * build never runs twice or under a running test. `npm test` builds first (README).
 */
export async function ensureDist(): Promise<void> {
  await ensureProductionBuild();
}

/**
 * Builds the test-only host bundle (fake Office/Excel + seed grids) and returns its source.
 * Each worker builds into its own folder, so concurrent runs never read a half-written file.
 */
export async function buildHostBundle(): Promise<string> {
  const out = path.join(HOST_OUT, String(process.pid));
  await runWebpack(['--config', path.join('test', 'e2e', 'webpack.host.config.js')], { E2E_HOST_OUT: out });
  const source = fs.readFileSync(path.join(out, 'host.js'), 'utf8');
  // Keep one copy to read when a test fails; drop the per-worker folder.
  fs.writeFileSync(path.join(HOST_OUT, 'host.js'), source);
  fs.rmSync(out, { recursive: true, force: true });
  return source;
}
