import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, DIST, HOST_OUT, ROOT } from './paths';

const WEBPACK_CLI = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

/** Runs webpack in a child process (jest's module registry makes the Node API slow and leaky). */
export function runWebpack(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WEBPACK_CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`webpack ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `build` once across concurrent jest workers: the first takes a lock directory
 * (mkdir is atomic), the others wait for it to go.
 */
async function once(lockName: string, build: () => Promise<void>, timeoutMs = 300_000): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const lock = path.join(ARTIFACTS, `.${lockName}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after the longest build we allow.
      const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (Number.isFinite(age) && age > timeoutMs) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${lock}`);
      await sleep(500);
      continue;
    }
  }
  try {
    await build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure dist/ holds a production build. `npm test` builds first (README); a bare
 * `npx jest test/e2e` on a fresh checkout builds here. A dist/ older than src/ is reported,
 * not silently used: set E2E_REBUILD=1 to rebuild it.
 */
export async function ensureDist(): Promise<void> {
  const page = path.join(DIST, 'taskpane.html');
  const stale = (): boolean => fs.existsSync(page) && newestMtime(path.join(ROOT, 'src')) > fs.statSync(page).mtimeMs;
  if (fs.existsSync(page) && !(process.env.E2E_REBUILD && stale())) {
    if (stale()) console.warn('test/e2e: dist/ is older than src/; run `npm run build` (or E2E_REBUILD=1) to test the latest code.');
    return;
  }
  await once('dist', async () => {
    if (fs.existsSync(page) && !(process.env.E2E_REBUILD && stale())) return;
    await runWebpack(['--mode', 'production']);
    if (!fs.existsSync(page)) throw new Error(`The production build did not produce ${page}.`);
  });
}

/**
 * Builds the test-only host bundle (fake Office/Excel + seed grids) and returns its source.
 * Each worker builds into its own folder, so concurrent runs never read a half-written file.
 */
export async function buildHostBundle(): Promise<string> {
  const out = path.join(HOST_OUT, String(process.pid));
  await runWebpack(['--config', path.join('test', 'e2e', 'webpack.host.config.js')], { E2E_HOST_OUT: out });
  return fs.readFileSync(path.join(out, 'host.js'), 'utf8');
}
