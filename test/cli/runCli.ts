import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/**
 * Compiles the CLI with tsconfig.cli.json into a folder of its own under dist-cli/ (inside
 * the repository so `exceljs` resolves from node_modules), once per test file: the tests
 * run the JavaScript that ships, not the TypeScript source.
 */
export function buildCli(name: string): string {
  const outDir = join(ROOT, 'dist-cli', `.jest-${name}-${process.pid}`);
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.cli.json'), '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const binJs = join(outDir, 'src', 'cli', 'bin.js');
  // tsc still emits on type errors; those are `npm run typecheck`'s to report, so a type
  // error elsewhere in the tree does not hide what these tests check. No output is fatal.
  if (!existsSync(binJs)) throw new Error(`tsc -p tsconfig.cli.json emitted nothing (exit ${tsc.status}): ${tsc.stdout}${tsc.stderr}`);
  return binJs;
}

export function removeBuild(binJs: string): void {
  rmSync(join(binJs, '..', '..', '..'), { recursive: true, force: true });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI as a child process, as a user or a scheduled job would. */
export function run(binJs: string, args: string[], cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [binJs, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SCORECARD_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every directory tempDir made in this test file: removed when the file's tests end. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-cli-'));
  made.push(dir);
  return dir;
}

/** A stack trace line as Node prints them. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

export function sample(name: string): string {
  const path = join(ROOT, 'samples', name);
  if (!existsSync(path)) throw new Error(`sample ${name} is missing: run npx tsx scripts/build-samples.ts`);
  return path;
}
