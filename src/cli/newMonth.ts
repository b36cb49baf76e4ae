import { planRollForward } from '../domain/plan/rollForward';
import type { RestoreFill } from '../domain/plan/types';
import { planClearHighlights, splitRecords } from '../domain/revisions/highlights';
import { HIGHLIGHT_TABLE, parseHighlightRows } from '../domain/revisions/highlightRows';
import { applyRollForward } from '../xlsx/applyRollForward';
import { readFills } from '../xlsx/highlights';
import type { XlsxWorkbook } from '../xlsx/package/workbook';
import { parseRef } from '../xlsx/package/refs';
import { gridOf } from '../xlsx/read';
import { fail, report, writeOutput, type CliResult } from './files';
import { findScorecard, openForRewrite, xlsxFailure } from './load';
import type { CliIO, NewMonthArgs } from './types';
import { cliMessages, EXIT, type ExitCode } from './messages';

/**
 * `scorecard new-month`: next month's sheet from this month's, as the pane's "New month"
 * does; last month's revision highlights are taken off the new sheet (the user's own
 * fills come back), the source sheet is left as it was.
 */
export async function runNewMonth(args: NewMonthArgs, io: CliIO): Promise<ExitCode> {
  const opened = openForRewrite(args.input, args.output, { force: args.force });
  if (!opened.ok) return report(io, opened.error);
  const workbook = opened.value;
  const found = findScorecard(workbook, args.input, 'performance', args.sheet);
  if (!found.ok) return report(io, found.error);
  const { sheetName, grid, tables } = found.value;

  const highlights = lastMonthHighlights(workbook, sheetName);
  if (!highlights.ok) return report(io, highlights.error);
  const plan = planRollForward(tables, grid, {
    existingSheets: workbook.sheets.map((w) => w.name),
    restoreFills: highlights.value.restores,
    notes: workbook.notes(sheetName).all(),
    highlightNotes: highlights.value.deleteNotes.flatMap((n) => parseRef(n.address) ?? []),
  });
  if (!plan.ok) return report(io, { exit: EXIT.refused, message: cliMessages.rollFailed(plan.error.message) });
  const rolled = applyRollForward(workbook, plan.value);
  if (!rolled.ok) return report(io, { exit: xlsxFailure(rolled.error).exit, message: cliMessages.rollFailed(rolled.error.message) });

  const written = writeOutput(args.output, workbook.save());
  if (!written.ok) return report(io, written.error);

  const months = tables[0]!.months.map((m) => m.label);
  const shown = [...months.slice(1), plan.value.newMonth.label];
  io.out(
    [
      `Added sheet '${plan.value.newSheetName}' after '${sheetName}' in ${args.output}`,
      `  Months: ${shown.join(', ')} (the ${plan.value.newMonth.label} column is empty, ready for data; ${months[0]} dropped)`,
      cliMessages.rolledOn(plan.value.writes.length, highlights.value.restores.length),
      ...highlights.value.warnings.map((w) => `  Note: ${w}`),
      ...rolled.value.notCopied.map((what) => `  Note: ${cliMessages.notCopied(what)}`),
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}

/** Fills the add-in's highlights replaced on the source sheet, from its hidden records. */
function lastMonthHighlights(
  workbook: XlsxWorkbook,
  sheetName: string,
): CliResult<{ restores: RestoreFill[]; deleteNotes: Array<{ sheet: string; address: string }>; warnings: string[] }> {
  const recordSheet = workbook.sheets.find((w) => w.name === HIGHLIGHT_TABLE.sheetName);
  if (!recordSheet) return { ok: true, value: { restores: [], deleteNotes: [], warnings: [] } };
  const grid = gridOf(workbook, recordSheet.name);
  if (!grid.ok) return fail(EXIT.refused, cliMessages.rollFailed(grid.error.message));
  const parsed = parseHighlightRows(grid.value.values);
  // Records we cannot trust: restoring a wrong fill would damage the user's formatting.
  if (!parsed.ok) return fail(EXIT.refused, cliMessages.rollFailed(parsed.error.message));
  const mine = splitRecords(parsed.value, sheetName).mine;
  const clear = planClearHighlights(mine, readFills(workbook, sheetName, mine.map((r) => r.address)));
  const restores: RestoreFill[] = clear.restores.map((r) => {
    const { row, col } = parseRef(r.address)!;
    return { box: { top: row, left: col, bottom: row, right: col }, fill: r.fill };
  });
  return { ok: true, value: { restores, deleteNotes: clear.deleteNotes, warnings: clear.warnings } };
}

