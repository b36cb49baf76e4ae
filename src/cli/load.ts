import { sameSheetName, type Grid } from '../domain/sheet/grid';
import { readScorecard } from '../domain/sheet/readScorecard';
import type { ScorecardTable } from '../domain/sheet/scorecard';
import type { DotConvention } from '../domain/types';
import type { XlsxWorkbook } from '../xlsx/package/workbook';
import { gridOf, openWorkbook } from '../xlsx/read';
import type { XlsxError } from '../xlsx/result';
import { nodeCodec } from './codec';
import { checkOutput, fail, readInput, type CliFailure, type CliResult } from './files';
import { cliMessages, EXIT } from './messages';

/** An adapter error as the command's failure: unreadable input is exit 3, a refusal exit 5. */
export function xlsxFailure(error: XlsxError): CliFailure {
  const refused = error.code === 'protected' || error.code === 'planMismatch' || error.code === 'keyAreaNotEmpty';
  return { exit: refused ? EXIT.refused : error.code === 'sheetNotFound' ? EXIT.noTable : EXIT.input, message: error.message };
}

/** Reads an .xlsx file from disk and opens its package (nothing else is decoded yet). */
export function loadWorkbook(path: string): CliResult<XlsxWorkbook> {
  const bytes = readInput(path);
  if (!bytes.ok) return bytes;
  const opened = openWorkbook(bytes.value, path, nodeCodec);
  if (!opened.ok) return { ok: false, error: xlsxFailure(opened.error) };
  return { ok: true, value: opened.value };
}

/**
 * The common start of every command that writes a workbook from `input`: the output may
 * be written (never an input, never an existing file without --force, an .xlsm stays an
 * .xlsm and anything else is named .xlsx), and the input opens.
 */
export function openForRewrite(input: string, output: string, opts: { otherInputs?: string[]; force: boolean }): CliResult<XlsxWorkbook> {
  const target = checkOutput(output, [input, ...(opts.otherInputs ?? [])], opts.force);
  if (!target.ok) return target;
  const loaded = loadWorkbook(input);
  if (!loaded.ok) return loaded;
  const macro = loaded.value.macroEnabled;
  const lower = output.toLowerCase();
  if (macro && !lower.endsWith('.xlsm')) return fail(EXIT.refused, cliMessages.macroOutput(input, output));
  if (!macro && lower.endsWith('.xlsm')) return fail(EXIT.refused, cliMessages.notMacroOutput(input, output));
  if (!macro && !lower.endsWith('.xlsx')) return fail(EXIT.refused, cliMessages.notXlsxOutput(output));
  return loaded;
}

export interface FoundScorecard {
  sheetName: string;
  grid: Grid;
  tables: ScorecardTable[];
}

/**
 * The sheet to work on and its scorecard tables: the named sheet, or else the visible
 * sheet with the newest reporting month (hidden sheets hold the add-in's records).
 */
export function findScorecard(wb: XlsxWorkbook, path: string, convention: DotConvention, sheet?: string): CliResult<FoundScorecard> {
  if (sheet !== undefined) {
    // Excel's own rule (a workbook cannot hold both Dec-20 and DEC-20): --sheet dec-20 finds Dec-20.
    const info = wb.sheets.find((w) => sameSheetName(w.name, sheet));
    if (!info) return fail(EXIT.noTable, cliMessages.noSuchSheet(sheet, path, wb.sheets.map((w) => w.name)));
    const grid = gridOf(wb, info.name, path);
    if (!grid.ok) return { ok: false, error: xlsxFailure(grid.error) };
    const read = readScorecard(grid.value, { convention });
    if (!read.ok) return fail(EXIT.noTable, cliMessages.noTableOnSheet(info.name, read.error.message));
    return { ok: true, value: { sheetName: info.name, grid: grid.value, tables: read.value } };
  }
  const visible = wb.sheets.filter((w) => w.state === 'visible');
  // A workbook keeps a sheet per month: the one to work on is the newest month's.
  let best: { found: FoundScorecard; month: number } | null = null;
  for (const info of visible) {
    const grid = gridOf(wb, info.name, path);
    if (!grid.ok) return { ok: false, error: xlsxFailure(grid.error) };
    const read = readScorecard(grid.value, { convention });
    if (!read.ok || read.value.length === 0) continue;
    const { year, month } = read.value[0]!.reportingMonth;
    const index = year * 12 + month;
    if (best === null || index > best.month) best = { found: { sheetName: info.name, grid: grid.value, tables: read.value }, month: index };
  }
  if (best) return { ok: true, value: best.found };
  return fail(EXIT.noTable, cliMessages.noTableInWorkbook(path, visible.map((w) => w.name)));
}
