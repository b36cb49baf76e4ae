import { copyFileSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import type { ScorecardTable } from '../../src/domain/sheet/scorecard';
import { findRevisions, snapshotFromTables } from '../../src/domain/revisions/figures';
import { HIGHLIGHT_FILL, highlightNote } from '../../src/domain/revisions/highlights';
import { HIGHLIGHT_TABLE } from '../../src/domain/revisions/highlightRows';
import { PALETTES, RAG_LETTER } from '../../src/domain/plan/palette';
import { planFormat } from '../../src/domain/plan/planFormat';
import { a1 } from '../../src/domain/sheet/grid';
import { readGrids } from '../../src/xlsx/read';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { cellFill } from '../helpers/exceljsStyles';
import { xlsxMessages } from '../../src/xlsx/messages';
import { cliMessages, EXIT, HELP } from '../../src/cli/messages';
import { ragTally } from '../../src/cli/report';
import { UNREADABLE_TOLERANCES } from '../../src/cli/format';
import { buildCli, removeBuild, ROOT, run, sample, STACK_LINE, tempDir } from './runCli';
import { entered } from '../fixtures/writes';

let cli: string;
beforeAll(() => {
  cli = buildCli('format');
}, 120_000);
afterAll(() => removeBuild(cli));

async function tablesOf(path: string): Promise<ScorecardTable[]> {
  const grids = await readGrids(readFileSync(path), path);
  if (!grids.ok) throw new Error(grids.error.message);
  const read = readScorecard(grids.value[0]!, { convention: 'performance' });
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

async function openXlsx(path: string): Promise<ExcelJS.Workbook> {
  const loaded = await readWorkbook(readFileSync(path), path);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.workbook;
}

function hash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('scorecard format', () => {
  it.each(['early-help-2020-12.xlsx', 'corporate-parenting-2019-12.xlsx'])('formats %s, writes the output and prints the summary', async (name) => {
    const input = sample(name);
    const out = join(tempDir(), 'out.xlsx');
    const before = hash(input);
    const result = run(cli, ['format', input, '-o', out]);

    const tables = await tablesOf(input);
    const problems = tables.flatMap((t) => t.problems);
    const unreadable = problems.filter((p) => UNREADABLE_TOLERANCES.has(p.code));
    expect(result.code).toBe(unreadable.length > 0 ? EXIT.problems : EXIT.ok);
    expect(existsSync(out)).toBe(true);
    expect(hash(input)).toBe(before);

    const rows = tables.reduce((n, t) => n + t.indicators.length, 0);
    const rag = ragTally(tables);
    expect(result.stdout).toContain(`Indicator rows: ${rows}`);
    expect(result.stdout).toContain(`RAG: ${rag.red} red (R), ${rag.amber} amber (A), ${rag.green} green (G), ${rag.blank} blank`);
    expect(result.stdout).toContain(`Reporting month: ${tables[0]!.reportingMonth.label}`);
    for (const p of problems) expect(result.stdout).toContain(`${p.qualifiedAddress}${p.ref ? ` (${p.ref})` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
    expect(result.stderr).not.toMatch(STACK_LINE);

    // The saved file holds the engine's letters with the palette's fills in the RAG cells.
    const ws = (await openXlsx(out)).getWorksheet(tables[0]!.sheetName)!;
    let checked = 0;
    for (const t of tables) {
      for (const row of t.indicators) {
        if (t.columns.rag === null) continue;
        const cell = ws.getCell(a1(row.row, t.columns.rag));
        if (row.rag) {
          // The letter, after the `YTD` marker where the row is judged on YTD (corporate 6.9).
          expect(`${row.key}: ${String(cell.value)}`).toMatch(new RegExp(`^${row.key}: (YTD )?${RAG_LETTER[row.rag]}$`));
          expect(cellFill(cell)).toBe(PALETTES.standard.rag[row.rag]);
          checked++;
        }
        if (t.columns.dot !== null && row.dot && row.dot.state !== null) {
          expect(ws.getCell(a1(row.row, t.columns.dot)).value).toBe(row.dot.glyph);
        }
      }
    }
    expect(checked).toBe(rag.red + rag.amber + rag.green);

    // Exactly the pane's plan: every value it writes is in the saved file.
    const grids = await readGrids(readFileSync(input), input);
    const plan = planFormat(tables, { mode: 'static', convention: 'performance', palette: 'standard' }, grids.ok ? grids.value[0] : undefined);
    if (!plan.ok) throw new Error(plan.error.message);
    for (const w of plan.value.writes) {
      const value = ws.getCell(a1(w.row, w.col)).value;
      expect(`${a1(w.row, w.col)} ${String(value ?? '')}`).toBe(`${a1(w.row, w.col)} ${String(entered(w))}`);
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('highlights the figures revised since the published file, with a note, and records the fills', async () => {
    const input = sample('early-help-2020-12.xlsx');
    const previous = sample('early-help-published-2020-11.xlsx');
    const out = join(tempDir(), 'out.xlsx');
    const result = run(cli, ['format', input, '--previous', previous, '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);

    const revisions = findRevisions(snapshotFromTables(await tablesOf(previous), { publishedAt: '2020-12-08T00:00:00Z' }), await tablesOf(input));
    expect(revisions.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`Revisions since ${previous}: ${revisions.length} (${revisions.length} cells highlighted yellow, with a note)`);
    const wb = await openXlsx(out);
    const ws = wb.getWorksheet('Dec-20')!;
    for (const r of revisions) {
      const cell = ws.getCell(r.address.slice(r.address.lastIndexOf('!') + 1));
      expect(cellFill(cell)).toBe(HIGHLIGHT_FILL);
      expect(cell.note).toBe(highlightNote(r));
      expect(result.stdout).toContain(r.change);
    }
    const records = wb.getWorksheet(HIGHLIGHT_TABLE.sheetName)!;
    expect(records.state).toBe('hidden');
    expect(gridFromWorksheet(records).values.length).toBe(revisions.length + 1);
  });

  it('writes live =PERF formulas with --formulas', async () => {
    const out = join(tempDir(), 'out.xlsx');
    const result = run(cli, ['format', sample('corporate-parenting-2019-12.xlsx'), '--formulas', '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    const ws = (await openXlsx(out)).getWorksheet('Dec-19')!;
    const formulas: string[] = [];
    const results: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (!cell.formula) return;
      formulas.push(cell.formula);
      results.push(cell.result);
    }));
    expect(formulas.some((f) => f.startsWith('PERF.RAG('))).toBe(true);
    expect(formulas.some((f) => f.startsWith('PERF.DOT('))).toBe(true);
    // Each formula carries the fixed value as its cached result, so the file reads right
    // before Excel recalculates it (and in readers without the add-in).
    expect(results.filter((r) => typeof r === 'string' && /^(YTD )?[RAG]$/.test(r)).length).toBeGreaterThan(0);
    expect(results.filter((r) => r === '↑' || r === '↓' || r === '↘' || r === '→').length).toBeGreaterThan(0);
    expect(result.stdout).toContain('Mode: live formulas');
  });
});

describe('scorecard format on bad input: a clear message, a non-zero exit, no stack trace', () => {
  it('says a missing input file is not found (exit 3)', () => {
    const out = join(tempDir(), 'out.xlsx');
    const result = run(cli, ['format', 'no-such-file.xlsx', '-o', out]);
    expect(result).toEqual({ code: EXIT.input, stdout: '', stderr: `${cliMessages.fileNotFound('no-such-file.xlsx')}\n` });
    expect(existsSync(out)).toBe(false);
  });

  it('says a file that is not a workbook is not an xlsx (exit 3)', () => {
    const dir = tempDir();
    const input = join(dir, 'figures.xlsx');
    writeFileSync(input, 'NO.,INDICATOR,Oct-20\n6.1,LAC,622\n');
    const result = run(cli, ['format', input, '-o', join(dir, 'out.xlsx')]);
    expect(result.code).toBe(EXIT.input);
    expect(result.stderr).toBe(`${xlsxMessages.notXlsx(input)}\n`);
  });

  it('says no scorecard table was found and which sheets it looked at (exit 4)', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 'Cost centre';
    wb.addWorksheet('Staff').getCell('B2').value = 42;
    const input = join(dir, 'budget.xlsx');
    writeFileSync(input, await writeWorkbook(wb));
    const result = run(cli, ['format', input, '-o', join(dir, 'out.xlsx')]);
    expect(result.code).toBe(EXIT.noTable);
    expect(result.stderr).toBe(`${cliMessages.noTableInWorkbook(input, ['Budget', 'Staff'])}\n`);
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
  });

  it('names a missing sheet given with --sheet (exit 4)', () => {
    const dir = tempDir();
    const result = run(cli, ['format', sample('early-help-2020-12.xlsx'), '--sheet', 'Jan-21', '-o', join(dir, 'out.xlsx')]);
    expect(result.code).toBe(EXIT.noTable);
    expect(result.stderr).toBe(`${cliMessages.noSuchSheet('Jan-21', sample('early-help-2020-12.xlsx'), ['Dec-20'])}\n`);
  });

  it('lists a polarity conflict in the summary, writes the file and exits 0 (early help 11.2: Info with tolerances)', async () => {
    const input = sample('early-help-2020-12.xlsx');
    const out = join(tempDir(), 'out.xlsx');
    const problems = (await tablesOf(input)).flatMap((t) => t.problems);
    const conflicts = problems.filter((p) => p.code === 'polarityConflict');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(problems.filter((p) => UNREADABLE_TOLERANCES.has(p.code))).toEqual([]);
    const result = run(cli, ['format', input, '-o', out]);
    expect(result.code).toBe(EXIT.ok);
    for (const p of conflicts) expect(result.stdout).toContain(`${p.qualifiedAddress} (${p.ref}): ${p.message}`);
    expect(existsSync(out)).toBe(true);
  });

  it('lists in the summary each DOT cell without an arrow and why, as its note on the sheet says', async () => {
    const input = sample('early-help-2020-12.xlsx');
    const out = join(tempDir(), 'out.xlsx');
    const result = run(cli, ['format', input, '-o', out]);
    const wb = await openXlsx(out);
    const ws = wb.worksheets.find((w) => w.state !== 'hidden')!;
    const tables = await tablesOf(input);
    const noArrow = tables.flatMap((t) => t.indicators.filter((r) => r.dot && r.dot.state === null).map((r) => ({ t, r })));
    expect(noArrow.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(cliMessages.noArrowTitle(noArrow.length));
    for (const { t, r } of noArrow) {
      const cell = ws.getCell(a1(r.row, t.columns.dot!));
      const note = typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((x) => x.text).join('');
      expect(note.startsWith('No arrow: ')).toBe(true);
      expect(result.stdout).toContain(`'${ws.name}'!${a1(r.row, t.columns.dot!)} (${r.ref}): ${note}`);
    }
  });

  it('says in --help which problems exit 6 and that the output is written either way', () => {
    expect(HELP).toMatch(/6 +written, but some tolerances cannot be read/);
    expect(HELP).toMatch(/output is written whenever a sheet was formatted/);
  });

  it('lists an unreadable tolerance with its cell, writes the file and exits 6', async () => {
    const dir = tempDir();
    const wb = await openXlsx(sample('corporate-parenting-2019-12.xlsx'));
    const ws = wb.getWorksheet('Dec-19')!;
    const tables = readScorecard(gridFromWorksheet(ws), { convention: 'performance' });
    if (!tables.ok) throw new Error(tables.error.message);
    const table = tables.value[0]!;
    const row = table.indicators.find((r) => r.ref === '6.8')!;
    ws.getCell(a1(row.row, table.columns.green!)).value = 'about ninety-five';
    const input = join(dir, 'bad-tolerance.xlsx');
    writeFileSync(input, await writeWorkbook(wb));

    const expected = readScorecard(gridFromWorksheet(ws), { convention: 'performance' });
    if (!expected.ok) throw new Error(expected.error.message);
    const bad = expected.value.flatMap((t) => t.problems).filter((p) => p.code === 'badTolerance');
    expect(bad.length).toBeGreaterThan(0);

    const result = run(cli, ['format', input, '-o', join(dir, 'out.xlsx')]);
    expect(result.code).toBe(EXIT.problems);
    for (const p of bad) expect(result.stdout).toContain(`${p.qualifiedAddress} (${p.ref}): ${p.message}`);
    expect(result.stderr).toContain(cliMessages.problemsExit(expected.value.flatMap((t) => t.problems).filter((p) => UNREADABLE_TOLERANCES.has(p.code)).length));
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(true);
  });

  it('keeps an image of the input byte for byte and writes the output (exit 0)', async () => {
    const dir = tempDir();
    const wb = await openXlsx(sample('early-help-2020-12.xlsx'));
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet('Dec-20')!.addImage(id, 'AD2:AF6');
    const input = join(dir, 'with-logo.xlsx');
    writeFileSync(input, await writeWorkbook(wb));
    const before = hash(input);
    const result = run(cli, ['format', input, '-o', join(dir, 'out.xlsx')]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    expect(hash(input)).toBe(before);
    const parts = (path: string): Map<string, string> => {
      const entries = unzipSync(readFileSync(path));
      return new Map(Object.entries(entries).map(([name, data]) => [name, createHash('sha256').update(data).digest('hex')]));
    };
    const inParts = parts(input);
    const outParts = parts(join(dir, 'out.xlsx'));
    for (const name of ['xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/drawings/_rels/drawing1.xml.rels']) {
      expect(`${name} ${outParts.get(name)}`).toBe(`${name} ${inParts.get(name)}`);
    }
  });

  it.each([
    ['the same path', (input: string) => input],
    ['a symbolic link to it', (input: string) => {
      const link = join(tempDir(), 'link.xlsx');
      symlinkSync(input, link);
      return link;
    }],
  ])('never writes to its input (%s) (exit 5)', (_how, outputFor) => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    copyFileSync(sample('early-help-2020-12.xlsx'), input);
    const before = hash(input);
    const output = outputFor(input);
    const result = run(cli, ['format', input, '-o', output, '--force']);
    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toBe(`${cliMessages.outputIsInput(output)}\n`);
    expect(hash(input)).toBe(before);
  });

  it('refuses to overwrite an existing output unless --force is given', () => {
    const dir = tempDir();
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'precious');
    const refused = run(cli, ['format', sample('corporate-parenting-2019-12.xlsx'), '-o', out]);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toBe(`${cliMessages.outputExists(out)}\n`);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const forced = run(cli, ['format', sample('corporate-parenting-2019-12.xlsx'), '-o', out, '--force']);
    expect([EXIT.ok, EXIT.problems]).toContain(forced.code);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('scorecard command line', () => {
  it.each([
    [['frobnicate'], cliMessages.unknownCommand('frobnicate')],
    [[], cliMessages.noCommand()],
    [['format', 'in.xlsx'], cliMessages.missingOutput('format')],
    [['format', 'in.xlsx', '-o', 'out.xlsx', '--convention', 'sideways'], cliMessages.badConvention('sideways')],
    [['revisions', 'a.xlsx'], cliMessages.missingInput('revisions', 'two files: <published.xlsx> <current.xlsx>')],
    [['revisions', 'a.xlsx', 'b.xlsx', '--csv', '--json'], cliMessages.csvAndJson()],
    [['revisions', 'a.xlsx', 'b.xlsx', '--formulas'], cliMessages.badOption('scorecard revisions does not take --formulas')],
  ])('rejects %j with a usage message (exit 2)', (args, message) => {
    const result = run(cli, args);
    expect(result).toEqual({ code: EXIT.usage, stdout: '', stderr: `${message}\n` });
  });

  it('runs through the package bin entry, bin/scorecard.js', () => {
    const result = run(join(ROOT, 'bin', 'scorecard.js'), ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${HELP}`);
  });

  it('prints help with the exit codes', () => {
    const result = run(cli, ['--help']);
    expect(result.code).toBe(0);
    for (const code of Object.values(EXIT)) expect(result.stdout).toMatch(new RegExp(`^  ${code}  `, 'm'));
  });
});
