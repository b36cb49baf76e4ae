/**
 * A workbook of the 1904 date system (`<workbookPr date1904="1"/>`: older Excel for Mac
 * files, and every Excel since on such a file) stores each date 1,462 days lower than the
 * 1900 system. Re-saved so by openpyxl, a sample must read the same months as the original
 * (not four years and a day earlier), and new month must write headers that show the next
 * month in that workbook's own date system.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { gridOf, openWorkbook } from '../../src/xlsx/read';
import { EXIT } from '../../src/cli/messages';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';
import { readXlsxValues, resaveIn1904 } from './openpyxl';

let cli: string;
let dir: string;
let mac: string;
const original = sample('early-help-2020-12.xlsx');
beforeAll(() => {
  cli = buildCli('date1904');
  dir = tempDir();
  mac = join(dir, 'early-help-1904.xlsx');
  resaveIn1904(original, mac);
}, 120_000);
afterAll(() => {
  removeBuild(cli);
  rmSync(dir, { recursive: true, force: true });
});

function grid(path: string) {
  const wb = openWorkbook(readFileSync(path));
  if (!wb.ok) throw new Error(wb.error.message);
  const g = gridOf(wb.value, 'Dec-20');
  if (!g.ok) throw new Error(g.error.message);
  return g.value;
}

describe('a workbook in the 1904 date system', () => {
  it('is one: openpyxl wrote date1904 and stored the month headers 1,462 days lower', () => {
    const workbook = strFromU8(unzipSync(new Uint8Array(readFileSync(mac)))['xl/workbook.xml']!);
    expect(workbook).toMatch(/<workbookPr[^>]*date1904="(1|true)"/);
    const sheet = strFromU8(unzipSync(new Uint8Array(readFileSync(mac)))['xl/worksheets/sheet1.xml']!);
    // Dec-20 is 44166 in the 1900 system, 42704 in the 1904 one.
    expect(sheet).toContain('<v>42704</v>');
    expect(sheet).not.toContain('<v>44166</v>');
  });

  it('reads as the same grid as the original: the same serials, the same text shown', () => {
    const a = grid(original);
    const b = grid(mac);
    expect(b.values).toEqual(a.values);
    expect(b.text).toEqual(a.text);
    // The grid says so, for a writer of dates (Grid.date1904).
    expect(b.date1904).toBe(true);
    expect(a.date1904).toBeUndefined();
  });

  it('is formatted on Dec-20, as the original is', () => {
    const a = run(cli, ['format', original, '-o', join(dir, 'a.xlsx')]);
    const b = run(cli, ['format', mac, '-o', join(dir, 'b.xlsx')]);
    expect(b.code).toBe(EXIT.ok);
    expect(b.stdout).toContain('Reporting month: Dec-20');
    const summary = (s: string): string[] => s.split('\n').filter((l) => /Reporting month|RAG:/.test(l));
    expect(summary(b.stdout)).toEqual(summary(a.stdout));
  });

  it('rolls on to Jan-21, its headers showing Nov-20, Dec-20, Jan-21 in the 1904 system', () => {
    const out = join(dir, 'next.xlsx');
    const r = run(cli, ['new-month', mac, '-o', out]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain("Added sheet 'Jan-21'");
    // openpyxl reads the dates with the workbook's epoch: what Excel shows.
    const sheet = readXlsxValues(out)['Jan-21']!;
    const dates = sheet.flat().filter((v): v is string => typeof v === 'string' && /^\d{4}-\d\d-\d\d 00:00:00$/.test(v));
    expect(dates).toEqual(expect.arrayContaining(['2020-11-01 00:00:00', '2020-12-01 00:00:00', '2021-01-01 00:00:00']));
    expect(dates.some((d) => d.startsWith('2016') || d.startsWith('2025'))).toBe(false);
  });
});
