import type ExcelJS from 'exceljs';
import type { Grid } from '../domain/sheet/grid';
import { readScorecard } from '../domain/sheet/readScorecard';
import type { ScorecardTable } from '../domain/sheet/scorecard';
import type { DotConvention } from '../domain/types';
import { gridFromWorksheet } from '../xlsx/grid';
import { describeLosses } from '../xlsx/lossCheck';
import { readWorkbook, refuseLoss, type LoadedWorkbook } from '../xlsx/workbook';
import { checkOutput, fail, readInput, type CliResult } from './files';
import { cliMessages, EXIT } from './messages';

/** Reads an .xlsx file from disk into exceljs, with the loss report of its parts. */
export async function loadWorkbook(path: string): Promise<CliResult<LoadedWorkbook>> {
  const bytes = readInput(path);
  if (!bytes.ok) return bytes;
  const loaded = await readWorkbook(bytes.value, path);
  if (!loaded.ok) return fail(EXIT.input, loaded.error.message);
  return { ok: true, value: loaded.value };
}

/**
 * The common start of every command that writes a new workbook from `input`: the output
 * may be written (never an input, never an existing file without --force), the input
 * loads, and nothing the xlsx library would drop is lost unless --allow-loss says so.
 * `dropped` names what --allow-loss let go, for the summary.
 */
export async function openForRewrite(
  input: string,
  output: string,
  opts: { otherInputs?: string[]; force: boolean; allowLoss: boolean },
): Promise<CliResult<{ workbook: ExcelJS.Workbook; dropped: string[] }>> {
  const target = checkOutput(output, [input, ...(opts.otherInputs ?? [])], opts.force);
  if (!target.ok) return target;
  const loaded = await loadWorkbook(input);
  if (!loaded.ok) return loaded;
  const safe = refuseLoss(loaded.value.report, input);
  if (!safe.ok && !opts.allowLoss) return fail(EXIT.refused, safe.error.message);
  return { ok: true, value: { workbook: loaded.value.workbook, dropped: describeLosses(loaded.value.report.losses) } };
}

export interface FoundScorecard {
  worksheet: ExcelJS.Worksheet;
  grid: Grid;
  tables: ScorecardTable[];
}

/**
 * The sheet to work on and its scorecard tables: the named sheet, or else the visible
 * sheet with the newest reporting month (hidden sheets hold the add-in's records).
 */
export function findScorecard(workbook: ExcelJS.Workbook, path: string, convention: DotConvention, sheet?: string): CliResult<FoundScorecard> {
  if (sheet !== undefined) {
    const ws = workbook.worksheets.find((w) => w.name === sheet) ?? workbook.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
    if (!ws) {
      return fail(EXIT.noTable, cliMessages.noSuchSheet(sheet, path, workbook.worksheets.map((w) => w.name)));
    }
    const grid = gridFromWorksheet(ws);
    const read = readScorecard(grid, { convention });
    if (!read.ok) return fail(EXIT.noTable, cliMessages.noTableOnSheet(ws.name, read.error.message));
    return { ok: true, value: { worksheet: ws, grid, tables: read.value } };
  }
  const visible = workbook.worksheets.filter((w) => w.state === undefined || w.state === 'visible');
  // A workbook keeps a sheet per month: the one to work on is the newest month's.
  let best: { found: FoundScorecard; month: number } | null = null;
  for (const ws of visible) {
    const grid = gridFromWorksheet(ws);
    const read = readScorecard(grid, { convention });
    if (!read.ok || read.value.length === 0) continue;
    const { year, month } = read.value[0]!.reportingMonth;
    const index = year * 12 + month;
    if (best === null || index > best.month) best = { found: { worksheet: ws, grid, tables: read.value }, month: index };
  }
  if (best) return { ok: true, value: best.found };
  return fail(EXIT.noTable, cliMessages.noTableInWorkbook(path, visible.map((w) => w.name)));
}
