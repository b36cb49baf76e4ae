/**
 * The CLI applies the same highlight planners as the pane (src/domain/revisions/highlightPlans.ts):
 * `new-month` takes last month's highlights off the new sheet as the records say (sheet
 * names compared as Excel compares them), and damaged records refuse `new-month` and
 * `format --previous` exactly as they refuse the pane's buttons: `damagedRecord`, the cell
 * named, nothing written. Run in-process (runCli with captured output).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { HIGHLIGHT_TABLE, highlightsToRows, parseHighlightRows } from '../../src/domain/revisions/highlightRows';
import { HIGHLIGHT_FILL } from '../../src/domain/revisions/highlights';
import { revisionMessages as rm } from '../../src/domain/revisions/messages';
import type { HighlightRecord } from '../../src/domain/revisions/types';
import { argb, cellFill } from '../helpers/exceljsStyles';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { sample, tempDir } from './runCli';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const record = (sheet: string, address: string, previousFill: string | null): HighlightRecord => ({
  sheet,
  address,
  previousFill,
  highlightFill: HIGHLIGHT_FILL,
  note: null,
  revisionId: `${address}|Nov-20`,
});

/** December's report with the add-in's yellow on `yellow` and a hidden record sheet holding `rows`. */
async function highlighted(rows: string[][], yellow: string[]): Promise<string> {
  const path = sample('early-help-2020-12.xlsx');
  const loaded = await readWorkbook(readFileSync(path), path);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const wb = loaded.value.workbook;
  const dec = wb.getWorksheet('Dec-20')!;
  for (const address of yellow) dec.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HIGHLIGHT_FILL) } };
  const ws = wb.addWorksheet(HIGHLIGHT_TABLE.sheetName, { state: 'hidden' });
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      cell.numFmt = '@';
      cell.value = v === '' ? null : v;
    }),
  );
  const out = join(tempDir(), 'highlighted.xlsx');
  writeFileSync(out, await writeWorkbook(wb));
  return out;
}

async function fillsOf(path: string, sheet: string, addresses: string[]): Promise<Array<string | null>> {
  const loaded = await readWorkbook(readFileSync(path), path);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const ws = loaded.value.workbook.getWorksheet(sheet)!;
  return addresses.map((a) => cellFill(ws.getCell(a)));
}

describe('scorecard new-month and the highlight records', () => {
  it("takes last month's highlights off the new sheet, records kept under any case of the sheet's name included", async () => {
    const input = await highlighted(highlightsToRows([record('DEC-20', 'B12', '#DDEBF7'), record('dec-20', 'C13', null), record('Nov-20', 'D14', null)]), ['B12', 'C13', 'D14']);
    const out = join(tempDir(), 'jan.xlsx');
    const result = await cli(['new-month', input, '-o', out]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain(cliMessages.rolledOn(0, 2).replace(/^.*; /, ''));
    expect(await fillsOf(out, 'Jan-21', ['B12', 'C13', 'D14'])).toEqual(['#DDEBF7', null, HIGHLIGHT_FILL]);
    // December keeps what was published.
    expect(await fillsOf(out, 'Dec-20', ['B12', 'C13'])).toEqual([HIGHLIGHT_FILL, HIGHLIGHT_FILL]);
  });

  it('refuses damaged records (exit 5): names the cell, says what to do, writes nothing', async () => {
    const rows = highlightsToRows([record('Dec-20', 'B12', '#DDEBF7'), record('Dec-20', 'C13', null)]);
    rows[2]![HIGHLIGHT_TABLE.columns.indexOf('address')] = 'C 13';
    const parsed = parseHighlightRows(rows);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toContain(`'${HIGHLIGHT_TABLE.sheetName}'!C3`);
    const input = await highlighted(rows, ['B12', 'C13']);
    const out = join(tempDir(), 'jan.xlsx');
    const result = await cli(['new-month', input, '-o', out]);
    expect(result).toEqual({
      code: EXIT.refused,
      out: '',
      err: `${cliMessages.rollFailed(rm.highlightsDamaged(parsed.error.message))} ${cliMessages.damagedRecordsAction(HIGHLIGHT_TABLE.sheetName)}\n`,
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe('scorecard format --previous and the highlight records', () => {
  it('refuses to highlight over damaged records (exit 5), as the pane does, and writes nothing', async () => {
    const rows = highlightsToRows([record('Dec-20', 'B12', '#DDEBF7')]);
    rows[1]![HIGHLIGHT_TABLE.columns.indexOf('previousFill')] = 'light blue';
    const parsed = parseHighlightRows(rows);
    if (parsed.ok) throw new Error('the record should be damaged');
    const input = await highlighted(rows, ['B12']);
    const out = join(tempDir(), 'formatted.xlsx');
    const result = await cli(['format', input, '--previous', sample('early-help-published-2020-11.xlsx'), '-o', out]);
    expect(result.code).toBe(EXIT.refused);
    expect(result.err).toBe(`${cliMessages.highlightFailed(rm.highlightsDamaged(parsed.error.message))} ${cliMessages.damagedRecordsAction(HIGHLIGHT_TABLE.sheetName)}\n`);
    expect(existsSync(out)).toBe(false);
  });

  it("restores a cell no longer revised to the recorded fill, and keeps other sheets' records", async () => {
    // B12 holds a label, never a revised figure: a highlight left from an earlier comparison.
    const input = await highlighted(highlightsToRows([record('Dec-20', 'B12', '#DDEBF7'), record('Nov-20', 'D14', null)]), ['B12']);
    const out = join(tempDir(), 'formatted.xlsx');
    const result = await cli(['format', input, '--previous', sample('early-help-published-2020-11.xlsx'), '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    expect(await fillsOf(out, 'Dec-20', ['B12'])).toEqual(['#DDEBF7']);
    const loaded = await readWorkbook(readFileSync(out), out);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const ws = loaded.value.workbook.getWorksheet(HIGHLIGHT_TABLE.sheetName)!;
    const values = ws.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1).map((v) => (v === undefined ? null : (v as string))) : []));
    const stored = parseHighlightRows(values);
    expect(stored.ok && stored.value.some((r) => r.sheet === 'Nov-20' && r.address === 'D14')).toBe(true);
    expect(stored.ok && stored.value.some((r) => r.address === 'B12')).toBe(false);
  });
});

describe("a user's sheet named like the highlight records (the domain's notOurSheet, as in the pane)", () => {
  const users = [['My notes'], ['', 'Call Anne about 2.2']];
  const refusal = (failed: (reason: string) => string): string =>
    `${failed(rm.notOurSheet(HIGHLIGHT_TABLE.sheetName))} ${cliMessages.notOurSheetAction(HIGHLIGHT_TABLE.sheetName)}\n`;

  it('new-month refuses (exit 5), says to rename the sheet, writes nothing', async () => {
    const input = await highlighted(users, ['B12']);
    const out = join(tempDir(), 'jan.xlsx');
    expect(await cli(['new-month', input, '-o', out])).toEqual({ code: EXIT.refused, out: '', err: refusal(cliMessages.rollFailed) });
    expect(existsSync(out)).toBe(false);
  });

  it('format --previous refuses the same way, writes nothing', async () => {
    const input = await highlighted(users, ['B12']);
    const out = join(tempDir(), 'formatted.xlsx');
    const result = await cli(['format', input, '--previous', sample('early-help-published-2020-11.xlsx'), '-o', out]);
    expect(result.code).toBe(EXIT.refused);
    expect(result.err).toBe(refusal(cliMessages.highlightFailed));
    expect(existsSync(out)).toBe(false);
  });
});
