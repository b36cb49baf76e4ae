/**
 * Bundle size of the production build, for `npm run bench`: what the task pane downloads
 * before it can show anything (the scripts taskpane.html loads up front) and what it
 * loads only when asked (import() chunks). Gzip at zlib's default level, as a typical
 * static host would serve it. Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');

function buildIfMissing(): void {
  if (existsSync(join(DIST, 'taskpane.html'))) return;
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const result = spawnSync(process.execPath, [cli, '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`The production build failed (exit ${result.status}); run npm run build to see why.`);
}

/** Same-origin scripts taskpane.html loads before the pane can render, in page order. */
function initialScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);
  return srcs.filter((src) => !/^[a-z]+:|^\/\//i.test(src));
}

function jsFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.js') ? [`${prefix}${e.name}`] : [],
  );
}

const gzipBytes = (file: string): number => gzipSync(readFileSync(join(DIST, file))).length;
const rawBytes = (file: string): number => readFileSync(join(DIST, file)).length;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Sizes from dist/ (built first if missing).
 * @example
 * const figures = await runBundleBench();
 * figures.taskpaneInitialGzipBytes; // e.g. 210345
 */
export async function runBundleBench(): Promise<Record<string, number | string>> {
  buildIfMissing();
  const initial = initialScripts(readFileSync(join(DIST, 'taskpane.html'), 'utf8'));
  const all = jsFiles(DIST);
  const lazy = all.filter((f) => !initial.includes(f) && f !== 'functions.js' && f !== 'taskpane.js');
  const sum = (files: string[], size: (f: string) => number): number => files.reduce((n, f) => n + size(f), 0);

  const figures: Record<string, number | string> = {
    // Everything the page loads before its first paint (the scripts taskpane.html names), gzip.
    initialGzipBytes: sum(initial, gzipBytes),
    taskpaneInitialGzipBytes: sum(initial, gzipBytes),
    taskpaneInitialRawBytes: sum(initial, rawBytes),
    taskpaneInitialFiles: initial.join(' '),
    distJsGzipBytes: sum(all, gzipBytes),
    distJsRawBytes: sum(all, rawBytes),
    // The Excel adapter and the engine it plans with, fetched on the pane's first call (right
    // after the first paint): what the Format view's first content waits for besides the above.
    adapterChunkGzipBytes: sum(lazy.filter((f) => /^excel\.[0-9a-f]+\.js$/.test(f)), gzipBytes),
    lazyChunks: lazy.length,
    lazyChunksGzipBytes: sum(lazy, gzipBytes),
  };
  for (const file of initial) figures[`initial ${file} (gzip)`] = kib(gzipBytes(file));
  for (const file of lazy) figures[`lazy ${file} (gzip)`] = kib(gzipBytes(file));
  figures.taskpaneInitialGzip = kib(figures.taskpaneInitialGzipBytes as number);
  return figures;
}

// `npx tsx bench/bundle.ts` prints just these figures.
if (require.main === module) {
  runBundleBench().then(
    (figures) => console.table(figures),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
