/**
 * A `--formulas` workbook printed by LibreOffice Calc (headless, to PDF): no cell shows
 * `###` (a column too narrow for what it shows), and the RAG letters and DOT arrows cached
 * as the formulas' results are the ones printed.
 *
 * Known limit (asserted cell by cell in test/cli/audit10.test.ts): LibreOffice's importer takes an EMPTY cached string result as
 * "no cached value" and recalculates the cell (sc/source/filter/oox/formulabuffer.cxx,
 * "No cached cell value. Mark it for re-calculation"); it has no PERF functions, so a blank
 * RAG or DOT cell of a --formulas file shows #NAME? there. Excel keeps the empty result.
 *
 * Skipped where LibreOffice is missing, except on CI (CI=true), where it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFormat } from '../../src/domain/plan/planFormat';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { EXIT } from '../../src/cli/messages';
import { gridOf, openWorkbook } from '../../src/xlsx/read';
import { shown } from '../fixtures/writes';
import { pdfText } from './pdfText';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const suite = hasSoffice || process.env.CI === 'true' ? describe : describe.skip;

suite('a --formulas workbook printed by LibreOffice', () => {
  let cli: string;
  beforeAll(() => {
    if (!hasSoffice) throw new Error('soffice (LibreOffice) is not installed: on Debian, apt-get install libreoffice-calc-nogui. This test must run on CI.');
    cli = buildCli('formulas-lo');
  }, 120_000);
  afterAll(() => cli && removeBuild(cli));

  it.each(['early-help-2020-12.xlsx', 'corporate-parenting-2019-12.xlsx'])('%s: no ### anywhere, the cached letters and arrows printed', (name) => {
    const dir = tempDir();
    const input = sample(name);
    const out = join(dir, 'formulas.xlsx');
    expect(run(cli, ['format', input, '--formulas', '-o', out]).code).toBe(EXIT.ok);
    const profile = join(dir, 'profile');
    spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, out], {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, HOME: profile },
    });
    const pdf = join(dir, 'formulas.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = pdfText(readFileSync(pdf));
    expect(text).toContain('As at Month End');
    expect(text).not.toContain('###');

    const opened = openWorkbook(readFileSync(input), input);
    if (!opened.ok) throw new Error(opened.error.message);
    const grid = gridOf(opened.value, opened.value.sheets[0]!.name);
    if (!grid.ok) throw new Error(grid.error.message);
    const tables = readScorecard(grid.value);
    if (!tables.ok) throw new Error(tables.error.message);
    const plan = planFormat(tables.value, { mode: 'formulas', convention: 'performance', palette: 'standard' }, grid.value);
    if (!plan.ok) throw new Error(plan.error.message);
    const printed = plan.value.writes.map((w) => String(shown(w)));
    const lines = text.split('\n').map((l) => l.trim());
    for (const mark of ['R', 'A', 'G', '↑', '↓', '↘', '→']) {
      expect(`${mark}: ${lines.filter((l) => l === mark).length}`).toBe(`${mark}: ${printed.filter((v) => v === mark).length}`);
    }
    expect(printed.filter((v) => v !== '').length).toBeGreaterThan(5);
  }, 300_000);
});
