/**
 * The committee pack from the command line: `scorecard format` fills the year-on-year DOT
 * and year-end RAG columns of a workbook openpyxl wrote, in both write modes (openpyxl reads
 * the result back); `scorecard summary` prints the drafted summary.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { CORPORATE_ORDER, OTHER_ORDER, PACK_ROWS, colOf, packGrid, type PackColumn } from '../fixtures/packGrids';
import { EXIT } from '../../src/cli/messages';
import { NO_ARROW_MARK } from '../../src/domain/plan/key';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readXlsxValues, writeGridXlsx } from './openpyxl';

let cli: string;
let dir: string;
beforeAll(() => {
  cli = buildCli('pack');
  dir = tempDir();
}, 120_000);
afterAll(() => {
  removeBuild(cli);
  rmSync(dir, { recursive: true, force: true });
});

const ROWS = Object.values(PACK_ROWS);

describe.each([
  ['the corporate order', 'corp', CORPORATE_ORDER],
  ['another order', 'other', OTHER_ORDER],
] as const)('scorecard format on a workbook with year-on-year columns (%s)', (_name, tag, columns: PackColumn[]) => {
  const grid = packGrid(columns, ROWS);
  const read = readScorecard(grid);
  if (!read.ok) throw new Error(read.error.message);
  const rows = read.value[0].indicators;
  const yoy = colOf(columns, 'yoyDot');
  const ye = colOf(columns, 'yearEndRag');

  it('writes the engine’s year-on-year arrows and year-end letters (static)', () => {
    const input = join(dir, `${tag}-in.xlsx`);
    const out = join(dir, `${tag}-static.xlsx`);
    writeGridXlsx(grid, input);
    const result = run(cli, ['format', input, '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    const sheet = readXlsxValues(out)['Dec-19'];
    const got = rows.map((r) => `${r.key} ${sheet[r.row][yoy] ?? ''} ${sheet[r.row][ye] ?? ''}`);
    const want = rows.map((r) => {
      const d = r.yearOnYear?.dot;
      const arrow = d ? (d.state !== null ? d.glyph : NO_ARROW_MARK) : '';
      return `${r.key} ${arrow} ${r.yearOnYear?.rag ? r.yearOnYear.rag[0].toUpperCase() : ''}`;
    });
    expect(got).toEqual(want);
    // The ground truth, by hand from the figures: 6.8 91.2% vs 88.6% (Amber), 10.3 32.0% vs 34.4% (Red).
    expect(got).toEqual(expect.arrayContaining(['6.8 ↑ A', '10.3 ↓ R', `6.1 ${NO_ARROW_MARK} `]));
  });

  it('writes PERF.DOT and PERF.RAG formulas in formulas mode', () => {
    const input = join(dir, `${tag}-in2.xlsx`);
    const out = join(dir, `${tag}-formulas.xlsx`);
    writeGridXlsx(grid, input);
    const result = run(cli, ['format', input, '--formulas', '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    const sheet = readXlsxValues(out)['Dec-19'];
    for (const r of rows) {
      expect(String(sheet[r.row][yoy])).toMatch(/^=PERF\.DOT\(/);
      expect(String(sheet[r.row][ye])).toMatch(/^=PERF\.RAG\(/);
    }
  });
});

describe('scorecard summary', () => {
  it('prints the drafted summary of a sample as Markdown, reading only', () => {
    const input = sample('corporate-parenting-2019-12.xlsx');
    const before = createHash('sha256').update(readFileSync(input)).digest('hex');
    const result = run(cli, ['summary', input]);
    expect(result.code).toBe(EXIT.ok);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('# Committee summary draft: Dec-19 (sheet "Dec-19")');
    // Corporate Parenting 6.8 as the seed prints it: Dec-19 92.0%, Nov-19 93.3%, 95%+, 2018/19 88.6%.
    expect(lines).toContain('- 6.8: LAC cases reviewed within timescales was 92.0% in December, below the 95% target (November 93.3%; 2018/19 outturn 88.6%).');
    expect(lines).toContain('## LOOKED AFTER CHILDREN');
    expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(before);
  });

  it('refuses an unknown option and a missing input with a usage error', () => {
    expect(run(cli, ['summary']).code).toBe(EXIT.usage);
    expect(run(cli, ['summary', 'x.xlsx', '-o', 'y.xlsx']).code).toBe(EXIT.usage);
  });

  it('names the file when it cannot be read', () => {
    const result = run(cli, ['summary', join(dir, 'missing.xlsx')]);
    expect(result.code).not.toBe(EXIT.ok);
    expect(result.stderr).toContain('missing.xlsx');
  });
});
