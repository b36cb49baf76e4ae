import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { BUILD_TIMEOUT_MS, DIST, ensureProductionBuild, listFiles, readDistFile } from './dist';
import { scriptSrc, scriptTags } from './csp';

beforeAll(ensureProductionBuild, BUILD_TIMEOUT_MS);

/** The budget for what the pane loads before its first paint: 150 KiB, gzip. */
const INITIAL_GZIP_BUDGET = 150 * 1024;

/** Same-origin scripts taskpane.html loads before the pane can paint (Office.js comes from Microsoft's CDN). */
function initialScripts(): string[] {
  return scriptTags(readDistFile('taskpane.html'))
    .map((t) => scriptSrc(t.attrs))
    .filter((src): src is string => src !== null && !/^[a-z]+:|^\/\//i.test(src));
}

// Gzip at zlib's default level, as a static host serves it (bench/bundle.ts measures the same way).
const gzipBytes = (file: string): number => gzipSync(fs.readFileSync(path.join(DIST, file))).length;

describe('what the task pane loads before its first paint', () => {
  it('is at most 150 KiB gzip', () => {
    const scripts = initialScripts();
    expect(scripts).toContain('taskpane.js');
    const total = scripts.reduce((n, f) => n + gzipBytes(f), 0);
    expect(total).toBeLessThanOrEqual(INITIAL_GZIP_BUDGET);
  });

  it('leaves the Excel adapter to a lazy chunk (its write batch is in no script the page names)', () => {
    // suspendApiCalculationUntilNextSync is called only by the Format write (src/excel).
    const shipped = listFiles(DIST).filter((f) => f.endsWith('.js'));
    const withAdapter = shipped.filter((f) => readDistFile(f).includes('suspendApiCalculationUntilNextSync'));
    expect(withAdapter.length).toBeGreaterThan(0);
    const initial = new Set(initialScripts());
    expect(withAdapter.filter((f) => initial.has(f))).toEqual([]);
  });

  it('carries no Tabster (Fluent TabList brings it; the pane\'s own tabs do not need it)', () => {
    // Tabster marks the elements it manages with a data-tabster attribute.
    const initial = initialScripts().filter((f) => readDistFile(f).includes('data-tabster'));
    expect(initial).toEqual([]);
  });
});
