import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRevisions, snapshotFromTables } from '../../src/domain/revisions/figures';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import type { ScorecardTable } from '../../src/domain/sheet/scorecard';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { readWorkbook } from '../helpers/exceljsWorkbook';
import { cellFill } from '../helpers/exceljsStyles';
import { HIGHLIGHT_FILL } from '../../src/domain/revisions/highlights';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { CSV_HEADER, csvField } from '../../src/cli/report';
import { sameGrouping } from '../../src/cli/wording';
import { sheetMsg } from '../../src/domain/messages';
import { buildCli, removeBuild, run, sample, STACK_LINE, tempDir } from './runCli';

let cli: string;
beforeAll(() => {
  cli = buildCli('revisions');
}, 120_000);
afterAll(() => removeBuild(cli));

async function tables(path: string, sheet?: string): Promise<ScorecardTable[]> {
  const loaded = await readWorkbook(readFileSync(path), path);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const ws = sheet ? loaded.value.workbook.getWorksheet(sheet)! : loaded.value.workbook.worksheets[0]!;
  const read = readScorecard(gridFromWorksheet(ws));
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

async function expectedRevisions(published: string, current: string) {
  return findRevisions(snapshotFromTables(await tables(published), { publishedAt: '2020-12-08T00:00:00Z' }), await tables(current));
}

describe.each([
  ['early-help-published-2020-11.xlsx', 'early-help-2020-12.xlsx'],
  ['corporate-parenting-published-2019-11.xlsx', 'corporate-parenting-2019-12.xlsx'],
])('scorecard revisions %s %s', (publishedName, currentName) => {
  const published = sample(publishedName);
  const current = sample(currentName);

  it('prints the revisions as JSON, matching the engine', async () => {
    const result = run(cli, ['revisions', published, current, '--json']);
    expect(result.code).toBe(EXIT.ok);
    const json = JSON.parse(result.stdout) as { revisions: Array<{ id: string; change: string; published: { display: string }; current: { display: string }; address: string }>; publishedSheet: string; currentSheet: string };
    const expected = await expectedRevisions(published, current);
    expect(expected.length).toBeGreaterThan(0);
    expect(json.revisions.map((r) => [r.id, r.address, r.published.display, r.current.display, r.change])).toEqual(
      expected.map((r) => [r.id, r.address, r.published.display, r.current.display, r.change]),
    );
    expect(json.publishedSheet).not.toBe(json.currentSheet);
  });

  it('prints the revisions as CSV: a header and one row each, quoted as RFC 4180, the change as a number and unit', async () => {
    const result = run(cli, ['revisions', published, current, '--csv']);
    expect(result.code).toBe(EXIT.ok);
    const lines = result.stdout.trimEnd().split('\r\n');
    const expected = await expectedRevisions(published, current);
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(expected.length + 1);
    // No apostrophe before any field but the sheet-qualified address (`'Dec-20'!G11`).
    expect(result.stdout).not.toMatch(/(^|,)'(?![^,']+'![A-Z]+\d+(,|$))/m);
    expected.forEach((r, i) => {
      expect(lines[i + 1]).toContain(csvField(r.address));
      // `+0.4 pts` is written 0.4,pts; `+3` as 3; a text change (TBC → 15) leaves both empty.
      const numeric = /^([+-]?[\d.]+)( pts)?$/.exec(r.change);
      const tail = numeric ? `,${numeric[1]!.replace(/^\+/, '')},${numeric[2] ? 'pts' : ''}` : ',,';
      expect(`${r.change} ${lines[i + 1]!.endsWith(tail)}`).toBe(`${r.change} true`);
    });
  });

  it('prints the revisions as a table by default', async () => {
    const result = run(cli, ['revisions', published, current]);
    expect(result.code).toBe(EXIT.ok);
    const expected = await expectedRevisions(published, current);
    expect(result.stdout).toContain(`${expected.length} revised figure${expected.length === 1 ? '' : 's'}`);
    for (const r of expected) {
      // One line, one grouping: `1,335` beside `1,339`, never `1339` (see sameGrouping).
      const [published, now, change] = sameGrouping([r.published.display, r.current.display, r.change]).map((t) => escape(t));
      expect(result.stdout).toMatch(new RegExp(`${r.month}\\s+${published}\\s+${now}\\s+${change}\\s+${escape(r.address)}`));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+cmd|/c calc!A0', "'+cmd|/c calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-3', '-3'],
    ['+0.4', '+0.4'],
    ['-1,335', '"-1,335"'],
    ['-0.4%', '-0.4%'],
    ['-', '-'],
    ['TBC → 15', 'TBC → 15'],
    ["'Dec-20'!G11", "'Dec-20'!G11"],
    [0.885, '0.885'],
    [-3, '-3'],
    [null, ''],
  ])('writes %p as %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('scorecard revisions on bad input', () => {
  it('says which file is missing (exit 3), no stack trace', () => {
    const result = run(cli, ['revisions', 'gone.xlsx', sample('early-help-2020-12.xlsx')]);
    expect(result).toEqual({ code: EXIT.input, stdout: '', stderr: `${cliMessages.fileNotFound('gone.xlsx')}\n` });
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('scorecard new-month', () => {
  it('adds next month\'s sheet with the months shifted, and takes off last month\'s highlights', async () => {
    const dir = tempDir();
    const formatted = join(dir, 'dec.xlsx');
    const first = run(cli, ['format', sample('early-help-2020-12.xlsx'), '--previous', sample('early-help-published-2020-11.xlsx'), '-o', formatted]);
    expect([EXIT.ok, EXIT.problems]).toContain(first.code);
    const out = join(dir, 'jan.xlsx');
    const result = run(cli, ['new-month', formatted, '-o', out]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain(`Added sheet 'Jan-21' after 'Dec-20' in ${out}`);

    const revisions = await expectedRevisions(sample('early-help-published-2020-11.xlsx'), sample('early-help-2020-12.xlsx'));
    expect(result.stdout).toContain(`${revisions.length} revision highlights removed`);
    const jan = await tables(out, 'Jan-21');
    expect(jan[0]!.months.map((m) => m.label)).toEqual(['Nov-20', 'Dec-20', 'Jan-21']);
    const loaded = await readWorkbook(readFileSync(out), out);
    if (!loaded.ok) throw new Error(loaded.error.message);
    for (const r of revisions) {
      const address = r.address.slice(r.address.lastIndexOf('!') + 1);
      expect(cellFill(loaded.value.workbook.getWorksheet('Jan-21')!.getCell(address))).not.toBe(HIGHLIGHT_FILL);
      // December keeps its highlights: it is what was reviewed.
      expect(cellFill(loaded.value.workbook.getWorksheet('Dec-20')!.getCell(address))).toBe(HIGHLIGHT_FILL);
    }
    // Format's "No arrow: …" notes explained December's DOT: the cleared DOT cells of January lose them.
    const noteOf = (sheet: string, row: number, col: number): string => {
      const note = loaded.value.workbook.getWorksheet(sheet)!.getCell(row + 1, col + 1).note;
      return note === undefined || note === null ? '' : typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
    };
    const dotCells = jan.flatMap((t) => (t.columns.dot === null ? [] : t.indicators.map((row) => [row.row, t.columns.dot!] as const)));
    const decNotes = dotCells.filter(([r, c]) => noteOf('Dec-20', r, c).startsWith(sheetMsg.noArrowNotePrefix));
    expect(decNotes.length).toBeGreaterThan(0);
    expect(dotCells.filter(([r, c]) => noteOf('Jan-21', r, c).startsWith(sheetMsg.noArrowNotePrefix))).toEqual([]);
  });

  it('works on the newest month and refuses when its next month exists already (exit 5)', () => {
    const dir = tempDir();
    const jan = join(dir, 'jan.xlsx');
    expect(run(cli, ['new-month', sample('corporate-parenting-2019-12.xlsx'), '-o', jan]).code).toBe(EXIT.ok);
    const feb = join(dir, 'feb.xlsx');
    const second = run(cli, ['new-month', jan, '-o', feb]);
    expect(second.code).toBe(EXIT.ok);
    expect(second.stdout).toContain("Added sheet 'Feb-20' after 'Jan-20'");
    const again = run(cli, ['new-month', jan, '--sheet', 'Dec-19', '-o', join(dir, 'again.xlsx')]);
    expect(again.code).toBe(EXIT.refused);
    expect(again.stderr).toBe(`${cliMessages.rollFailed(sheetMsg.sheetExists('Jan-20'))}\n`);
    expect(existsSync(join(dir, 'again.xlsx'))).toBe(false);
  });
});

describe('scorecard revisions says what is wrong with the files it was given', () => {
  it('files in the wrong order: names the published file and the order expected (exit 4)', () => {
    const published = sample('early-help-published-2020-11.xlsx');
    const current = sample('early-help-2020-12.xlsx');
    const result = run(cli, ['revisions', current, published]);
    expect(result.code).toBe(EXIT.noTable);
    expect(result.stderr).toBe(`${cliMessages.noPreviousTable(current, 'Nov-20')}\n`);
  });

  it('two unrelated reports: says no indicator matched instead of "0 revised figures" (exit 4)', () => {
    const published = sample('corporate-parenting-published-2019-11.xlsx');
    const current = sample('early-help-2020-12.xlsx');
    const result = run(cli, ['revisions', published, current]);
    expect(result.code).toBe(EXIT.noTable);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${cliMessages.noIndicatorMatched(published, current)}\n`);
  });

  it.each(['--csv', '--json'])('two unrelated reports with %s: the same message, no empty output (exit 4)', (as) => {
    const published = sample('corporate-parenting-published-2019-11.xlsx');
    const current = sample('early-help-2020-12.xlsx');
    const result = run(cli, ['revisions', published, current, as]);
    expect(result).toEqual({ code: EXIT.noTable, stdout: '', stderr: `${cliMessages.noIndicatorMatched(published, current)}\n` });
  });

  it('files in the wrong order with --csv: the same message naming the order (exit 4)', () => {
    const published = sample('corporate-parenting-published-2019-11.xlsx');
    const current = sample('corporate-parenting-2019-12.xlsx');
    const result = run(cli, ['revisions', current, published, '--csv']);
    expect(result).toEqual({ code: EXIT.noTable, stdout: '', stderr: `${cliMessages.noPreviousTable(current, 'Nov-19')}\n` });
  });
});
