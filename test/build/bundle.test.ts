import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { BUILD_TIMEOUT_MS, DIST, ROOT, ensureProductionBuild, listFiles, readDistFile } from './dist';
import { scriptSrc, scriptTags } from './csp';

beforeAll(ensureProductionBuild, BUILD_TIMEOUT_MS);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function shippedJs(): string[] {
  return listFiles(DIST).filter((f) => f.endsWith('.js'));
}

/** The scripts taskpane.html loads up front, in order (relative URLs are files in dist/). */
function pageScripts(): string[] {
  return scriptTags(readDistFile('taskpane.html'))
    .map((t) => scriptSrc(t.attrs))
    .filter((src): src is string => src !== null);
}

describe('the production build', () => {
  it.each([
    'taskpane.html',
    'functions.json',
    'functions.js',
    'taskpane.js',
    'manifest.xml',
    'assets/icon-16.png',
    'assets/icon-32.png',
    'assets/icon-64.png',
    'assets/icon-80.png',
    'assets/taskpane.css',
  ])('puts %s in dist/', (file) => {
    expect(fs.existsSync(path.join(DIST, file))).toBe(true);
  });

  it('ships no source maps and no sourceMappingURL comments', () => {
    expect(listFiles(DIST).filter((f) => f.endsWith('.map'))).toEqual([]);
    const withComment = shippedJs().filter((f) => /\/\/# sourceMappingURL=/.test(readDistFile(f)));
    expect(withComment).toEqual([]);
  });

  it('ships no eval or new Function, which the pane\'s CSP (no unsafe-eval) would block', () => {
    // \beval( also catches window.eval( and (0, eval)(; new Function( with any spacing; and
    // Function("...") called without new, which compiles its string just the same.
    const offenders = shippedJs().flatMap((f) => {
      const code = readDistFile(f);
      return [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /(?<![\w$.])Function\s*\(\s*["'`]/]
        .map((re) => re.exec(code))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${f}: ...${code.slice(Math.max(0, m.index - 40), m.index + 40)}...`);
    });
    expect(offenders).toEqual([]);
  });

  it('loads Office.js from the Office CDN before any of its own scripts', () => {
    const scripts = pageScripts();
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts.slice(1).every((src) => !/^[a-z]+:|^\/\//i.test(src))).toBe(true);
  });

  it('loads the pane and the functions from the one page (shared runtime)', () => {
    const scripts = pageScripts();
    expect(scripts).toContain('taskpane.js');
    expect(scripts).toContain('functions.js');
    for (const src of scripts.slice(1)) expect(fs.existsSync(path.join(DIST, src))).toBe(true);
  });

  it('registers the custom functions with CustomFunctions.associate in the functions bundle', () => {
    const all = shippedJs().map((f) => readDistFile(f)).join('\n');
    for (const id of ['RAG', 'DOT', 'ROLLING12', 'RATEPER10K']) {
      expect(all).toMatch(new RegExp(`associate\\(\\s*["']${id}["']`));
    }
  });

  it('keeps lazily imported code (import()) out of the scripts the page loads up front', () => {
    const initial = new Set(pageScripts());
    const lazy = shippedJs().filter((f) => !initial.has(f) && f !== 'functions.js' && f !== 'taskpane.js');
    // Wherever the pane or functions use import(), webpack must have made a separate chunk.
    const srcDir = path.join(ROOT, 'src');
    const usesDynamicImport = listFiles(srcDir)
      .filter((f) => /^(taskpane|functions|excel)\//.test(f) && /\.tsx?$/.test(f))
      .some((f) => /\bimport\(/.test(fs.readFileSync(path.join(srcDir, f), 'utf8')));
    expect(lazy.length > 0).toBe(usesDynamicImport);
  });

  it('loads the pane\'s "compare with a file" reader lazily, in chunks under 64 KiB gzip (exceljs was ~250 KiB)', () => {
    // The chunks the page fetches before calling readGrids (webpack's `x.e(id)` calls).
    const initial = pageScripts().filter((f) => !f.startsWith('https://'));
    const code = initial.map((f) => readDistFile(f)).join('\n');
    const at = code.indexOf('.readGrids(');
    expect(at).toBeGreaterThan(0);
    const ids = [...code.slice(Math.max(0, at - 200), at).matchAll(/\.e\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThan(0);
    const byId = new Map(shippedJs().flatMap((f) => {
      const m = /\.push\(\[\[([\d,]+)\]/.exec(readDistFile(f).slice(0, 300));
      return m ? m[1]!.split(',').map((id) => [Number(id), f] as const) : [];
    }));
    const files = ids.map((id) => byId.get(id));
    expect(files.every((f) => f !== undefined && !initial.includes(f))).toBe(true);
    const chunks = files.map((f) => readDistFile(f!));
    // The reader itself (its messages) and fflate's inflate are in them.
    expect(chunks.some((c) => c.includes('it is not a zip of Excel parts'))).toBe(true);
    expect(chunks.some((c) => c.includes('invalid block type'))).toBe(true);
    const gzip = chunks.reduce((n, c) => n + gzipSync(Buffer.from(c), { level: 9 }).length, 0);
    expect(gzip).toBeLessThan(64 * 1024);
  });

  it('ships exceljs, if at all, only in its own lazy chunk (~250 KiB gzip the first view never waits for)', () => {
    // "ExcelJS" (quoted) is the library's default workbook creator: a fingerprint of its code.
    const withExcelJs = shippedJs().filter((f) => /["']ExcelJS["']/.test(readDistFile(f)));
    const initial = new Set(pageScripts());
    expect(withExcelJs.filter((f) => initial.has(f))).toEqual([]);
    expect(withExcelJs.every((f) => /^exceljs\.[0-9a-f]+\.js$/.test(f))).toBe(true);
  });
});
