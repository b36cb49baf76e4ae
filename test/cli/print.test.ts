/**
 * The printed pack as LibreOffice prints it: each sample formatted by `scorecard format`,
 * converted to PDF by soffice (headless) and read back with poppler (pdfinfo, pdftotext
 * -bbox). Paper, page count, text size at print scale and every header text are checked;
 * page images (pdftoppm) are saved under test-artifacts/print/ for a person to look at.
 * Skipped where soffice or poppler is missing, except on CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { planFormat } from '../../src/domain/plan/planFormat';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { readGrids } from '../../src/xlsx/read';
import { EXIT } from '../../src/cli/messages';
import { buildCli, removeBuild, ROOT, run, sample, tempDir } from './runCli';

const tools = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);
const suite = tools || process.env.CI === 'true' ? describe : describe.skip;
const ARTIFACTS = join(ROOT, 'test-artifacts', 'print');

let cli: string;
let dir: string;
beforeAll(() => {
  if (!tools) return;
  cli = buildCli('print');
  dir = tempDir();
}, 120_000);
afterAll(() => {
  if (!tools) return;
  removeBuild(cli);
  rmSync(dir, { recursive: true, force: true });
});

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Words with their boxes, from `pdftotext -bbox` (x/y in points, per page). */
function words(pdf: string): Array<{ page: number; text: string; height: number }> {
  const html = tool('pdftotext', ['-bbox', pdf, '-']);
  const out: Array<{ page: number; text: string; height: number }> = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, text: m[5], height: Number(m[4]) - Number(m[2]) });
  }
  return out;
}

suite.each([
  ['early-help-2020-12.xlsx', 'early-help'],
  ['corporate-parenting-2019-12.xlsx', 'corporate-parenting'],
])('the printed %s', (name, tag) => {
  let pdf = '';
  let expected: ReturnType<typeof planFormat> | null = null;
  let headerTexts: string[] = [];
  let tablesCount = 0;

  beforeAll(async () => {
    const out = join(dir, `${tag}.xlsx`);
    const result = run(cli, ['format', sample(name), '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    tool('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, out]);
    pdf = join(dir, `${tag}.pdf`);
    // What the plan meant to print: the header texts of every table.
    const grids = await readGrids(readFileSync(out), out);
    if (!grids.ok) throw new Error(grids.error.message);
    const grid = grids.value.find((g) => /^[A-Z][a-z]{2}-\d\d$/.test(g.sheetName))!;
    const read = readScorecard(grid);
    if (!read.ok) throw new Error(read.error.message);
    tablesCount = read.value.length;
    expected = planFormat(read.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
    headerTexts = read.value.flatMap((t) => {
      const texts: string[] = [];
      for (let r = t.headerBox.top; r <= t.headerBox.bottom; r++) {
        for (let c = t.headerBox.left; c <= t.headerBox.right; c++) {
          const text = (grid.text[r - grid.top]?.[c - grid.left] ?? '').trim();
          if (text !== '') texts.push(text);
        }
      }
      return texts;
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    tool('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, tag)]);
  }, 300_000);

  it('is A4 landscape', () => {
    const info = tool('pdfinfo', [pdf]);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Math.round(Number(w))).toBe(842);
    expect(Math.round(Number(h))).toBe(595);
  });

  it('has as many pages as its header says, at least one per table', () => {
    const info = tool('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(tablesCount);
    const text = tool('pdftotext', [pdf, '-']);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);
    expect(text).not.toContain(`Page ${pages + 1} of`);
  });

  it('prints the body text at 8 pt or more', () => {
    if (!expected?.ok) throw new Error('no plan');
    // Figures and names: words on the pages; a glyph box is about the font size tall.
    const body = words(pdf).filter((w) => /[A-Za-z0-9]/.test(w.text));
    expect(body.length).toBeGreaterThan(100);
    const heights = body.map((w) => w.height).sort((a, b) => a - b);
    const median = heights[Math.floor(heights.length / 2)];
    expect(median).toBeGreaterThanOrEqual(8);
    expect((11 * expected.value.print!.scale) / 100).toBeGreaterThanOrEqual(8);
  });

  it('shows every header text whole (none clipped), the report title, the month and the key’s revised fill line', () => {
    const text = tool('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
    expect(headerTexts.length).toBeGreaterThan(10);
    // Word by word: a header wrapped over lines is read across other columns' words, but a
    // clipped word (`THRESHO` for `THRESHOL`) is never printed whole.
    const printed = new Set(words(pdf).map((w) => w.text));
    const missing = headerTexts.flatMap((h) => h.split(/\s+/)).filter((w) => w !== '' && !printed.has(w));
    expect(missing).toEqual([]);
    expect(text).toContain(tag === 'early-help' ? 'Reporting month: December 2020' : 'Reporting month: December 2019');
    expect(text).toContain('Yellow: revised since the last published report');
  });
});

suite('scorecard format --paper', () => {
  it('prints on US Letter when asked, and refuses a paper it does not know', () => {
    const out = join(dir, 'letter.xlsx');
    const result = run(cli, ['format', sample('corporate-parenting-2019-12.xlsx'), '--paper', 'Letter', '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    tool('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, out]);
    const info = tool('pdfinfo', [join(dir, 'letter.pdf')]);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([792, 612]);
    const bad = run(cli, ['format', sample('corporate-parenting-2019-12.xlsx'), '--paper', 'B5', '-o', join(dir, 'b5.xlsx')]);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain('--paper must be A4, Letter or A3');
  }, 240_000);
});
