import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { symbolArrow } from '../../src/xlsx/package/symbols';

/** Issue 10: a DOT cell in any of the symbol fonts it names (Wingdings, Wingdings 3, Webdings, Symbol) reads as its arrow. */
describe('arrows typed in a symbol font', () => {
  it.each([
    ['5', 'Webdings', '↑'],
    ['6', 'Webdings', '↓'],
    ['3', 'webdings', '←'],
    ['4', 'Webdings', '→'],
    ['\uf035', 'Webdings', '↑'],
    ['7', 'Webdings', null],
    ['5', 'Arial', null],
    ['\u00e7', 'Wingdings', '←'],
    ['\u00ee', 'Wingdings', '↘'],
    ['m', 'Wingdings 3', '↘'],
    ['\u00af', 'Symbol', '↓'],
    ['\u00ad', 'Wingdings 2', null],
  ])('reads %j in %s as %p', (text, font, arrow) => {
    expect(symbolArrow(text, font)).toBe(arrow);
  });
});

/** Issue 10: exceljs may stay as a test tool for fixtures; it must not be the path real workbooks go through. */
describe('exceljs is off the real-workbook path', () => {
  const ROOT = join(__dirname, '..', '..');

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  }

  it('is imported by no file under src/ (static, dynamic or require)', () => {
    const files = sources(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const importing = files.filter((f) => /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]exceljs['"]/.test(readFileSync(f, 'utf8')));
    expect(importing).toEqual([]);
  });

  it('is a development dependency only, so an install for production does not get it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('exceljs');
    expect(Object.keys(pkg.devDependencies ?? {})).toContain('exceljs');
  });
});
