import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Repository root (test/build -> ../..). */
export const ROOT = path.resolve(__dirname, '..', '..');
/** dist/, or BUILD_TEST_DIST to check another build output as is (it is then never rebuilt). */
export const DIST = process.env.BUILD_TEST_DIST ? path.resolve(process.env.BUILD_TEST_DIST) : path.join(ROOT, 'dist');
/** Git-ignored scratch space shared with the browser tests (same lock name, so builds never overlap). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** What the production build reads: if any of it is newer than dist/, dist/ is stale. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json'];

function newestMtime(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

/** Runs a command in a child process and keeps the last 8,000 characters it printed, for a failure message. */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** webpack in production mode, in a child process: inside jest's module registry it is slow and leaks memory. */
async function runWebpackProduction(): Promise<void> {
  const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const { code, output } = await runChild(process.execPath, [cli, '--mode', 'production']);
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output}`);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Makes sure dist/ holds a production build. `npm test` builds first (README), so this
 * normally reuses that build; a bare `npx jest test/build` on a fresh checkout builds here,
 * under the lock directory the browser tests use too, so parallel workers build once.
 * A dist/ older than the sources is reported, not rebuilt (others may be serving it):
 * BUILD_REBUILD=1 rebuilds it.
 */
export async function ensureProductionBuild(): Promise<void> {
  if (process.env.BUILD_TEST_DIST) return;
  const marker = path.join(DIST, 'taskpane.html');
  const stale = (): boolean =>
    fs.existsSync(marker) && fs.statSync(marker).mtimeMs < Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  const needed = (): boolean => !fs.existsSync(marker) || (Boolean(process.env.BUILD_REBUILD) && stale());
  if (!needed()) {
    if (stale()) console.warn('test/build: dist/ is older than its sources; run `npm run build` (or BUILD_REBUILD=1) to test the latest.');
    return;
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const lock = path.join(ARTIFACTS, '.dist.lock');
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`Timed out waiting for ${lock}`);
      await sleep(500);
    }
  }
  try {
    if (needed()) await runWebpackProduction();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Long enough for a cold production build on a 2-core CI machine. */
export const BUILD_TIMEOUT_MS = 300_000;

/** The page as shipped. */
export function readDistFile(rel: string): string {
  return fs.readFileSync(path.join(DIST, rel), 'utf8');
}
