import type ExcelJS from 'exceljs';
import { planRollForward } from '../domain/plan/rollForward';
import type { RestoreFill } from '../domain/plan/types';
import { planClearHighlights } from '../domain/revisions/highlights';
import { HIGHLIGHT_TABLE, parseHighlightRows } from '../domain/revisions/highlightRows';
import { columnIndex, gridFromWorksheet } from '../xlsx/grid';
import { applyRollForward } from '../xlsx/applyRollForward';
import { readFills, restoreFills } from '../xlsx/highlights';
import { writeWorkbook } from '../xlsx/workbook';
import { fail, report, writeOutput, type CliResult } from './files';
import { findScorecard, openForRewrite } from './load';
import type { CliIO, NewMonthArgs } from './types';
import { cliMessages, EXIT, type ExitCode } from './messages';

/**
 * `scorecard new-month`: next month's sheet from this month's, as the pane's "New month"
 * does; last month's revision highlights are taken off the new sheet (the user's own
 * fills come back), the source sheet is left as it was.
 */
export async function runNewMonth(args: NewMonthArgs, io: CliIO): Promise<ExitCode> {
  const opened = await openForRewrite(args.input, args.output, { force: args.force, allowLoss: args.allowLoss });
  if (!opened.ok) return report(io, opened.error);
  const { workbook, dropped } = opened.value;
  const found = findScorecard(workbook, args.input, 'performance', args.sheet);
  if (!found.ok) return report(io, found.error);
  const { worksheet, grid, tables } = found.value;

  const highlights = lastMonthHighlights(workbook, worksheet);
  if (!highlights.ok) return report(io, highlights.error);
  const plan = planRollForward(tables, grid, { existingSheets: workbook.worksheets.map((w) => w.name), restoreFills: highlights.value.restores });
  if (!plan.ok) return report(io, { exit: EXIT.refused, message: cliMessages.rollFailed(plan.error.message) });
  const rolled = applyRollForward(workbook, plan.value);
  if (!rolled.ok) return report(io, { exit: EXIT.refused, message: cliMessages.rollFailed(rolled.error.message) });
  // The add-in's notes ("Revised: ...") described last month's revisions: not on the new sheet.
  restoreFills(rolled.value.worksheet, [], highlights.value.deleteNotes.map((n) => ({ ...n, sheet: rolled.value.worksheet.name })));

  const written = writeOutput(args.output, await writeWorkbook(workbook));
  if (!written.ok) return report(io, written.error);

  const months = tables[0]!.months.map((m) => m.label);
  const shown = [...months.slice(1), plan.value.newMonth.label];
  io.out(
    [
      `Added sheet '${plan.value.newSheetName}' after '${worksheet.name}' in ${args.output}`,
      `  Months: ${shown.join(', ')} (the ${plan.value.newMonth.label} column is empty, ready for data; ${months[0]} dropped)`,
      `  Cleared last month's DOT and RAG; ${plan.value.writes.length} header and title cells updated; ${highlights.value.restores.length} revision highlight${highlights.value.restores.length === 1 ? '' : 's'} removed`,
      ...highlights.value.warnings.map((w) => `  Note: ${w}`),
      ...(dropped.length > 0 ? [`  Note: ${cliMessages.lossAllowed(dropped)}`] : []),
      ...rolled.value.notCopied.map((what) => `  Note: ${cliMessages.notCopied(what)}`),
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}

/** Fills the add-in's highlights replaced on the source sheet, from its hidden records. */
function lastMonthHighlights(
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
): CliResult<{ restores: RestoreFill[]; deleteNotes: Array<{ sheet: string; address: string }>; warnings: string[] }> {
  const recordSheet = workbook.worksheets.find((w) => w.name === HIGHLIGHT_TABLE.sheetName);
  if (!recordSheet) return { ok: true, value: { restores: [], deleteNotes: [], warnings: [] } };
  const parsed = parseHighlightRows(gridFromWorksheet(recordSheet).values);
  // Records we cannot trust: restoring a wrong fill would damage the user's formatting.
  if (!parsed.ok) return fail(EXIT.refused, cliMessages.rollFailed(parsed.error.message));
  const mine = parsed.value.filter((r) => r.sheet === ws.name);
  const clear = planClearHighlights(mine, readFills(ws, mine.map((r) => r.address)));
  const restores: RestoreFill[] = clear.restores.map((r) => {
    const m = /^([A-Z]+)(\d+)$/.exec(r.address.toUpperCase())!;
    const row = Number(m[2]) - 1;
    const col = columnIndex(m[1]!);
    return { box: { top: row, left: col, bottom: row, right: col }, fill: r.fill };
  });
  return { ok: true, value: { restores, deleteNotes: clear.deleteNotes, warnings: clear.warnings } };
}

