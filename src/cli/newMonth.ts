import { planRollForward } from '../domain/plan/rollForward';
import { highlightCells } from '../domain/revisions/highlightPlans';
import { applyRollForward } from '../xlsx/applyRollForward';
import { readFills } from '../xlsx/highlights';
import { report, writeOutput } from './files';
import { readHighlightRecords } from './revisions';
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

  const records = readHighlightRecords(workbook, sheetName, cliMessages.rollFailed);
  if (!records.ok) return report(io, records.error);
  const fills = readFills(workbook, sheetName, highlightCells(records.value).map((c) => c.address));
  const plan = planRollForward(tables, grid, {
    existingSheets: workbook.sheets.map((w) => w.name),
    highlights: { records: records.value, fills },
    notes: workbook.notes(sheetName).all(),
  });
  if (!plan.ok) return report(io, { exit: EXIT.refused, message: cliMessages.rollFailed(plan.error.message) });
  const rolled = applyRollForward(workbook, plan.value);
  if (!rolled.ok) return report(io, { exit: xlsxFailure(rolled.error).exit, message: cliMessages.rollFailed(rolled.error.message) });

  const written = writeOutput(args.output, await workbook.saveAsync());
  if (!written.ok) return report(io, written.error);

  const months = tables[0]!.months.map((m) => m.label);
  const shown = [...months.slice(1), plan.value.newMonth.label];
  io.out(
    [
      `Added sheet '${plan.value.newSheetName}' after '${sheetName}' in ${args.output}`,
      `  Months: ${shown.join(', ')} (the ${plan.value.newMonth.label} column is empty, ready for data; ${months[0]} dropped)`,
      cliMessages.rolledOn(plan.value.writes.length, plan.value.restoreFills.length),
      ...plan.value.warnings.map((w) => `  Note: ${w}`),
      ...rolled.value.notCopied.map((what) => `  Note: ${cliMessages.notCopied(what)}`),
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}
