import { readSheetHighlights, type SheetHighlights } from '../domain/revisions/highlightPlans';
import { HIGHLIGHT_TABLE } from '../domain/revisions/highlightRows';
import { recordSheetValues } from '../xlsx/highlights';
import type { XlsxWorkbook } from '../xlsx/package/workbook';
import { loadBaseline, revisionsAgainst } from './baseline';
import { loadWorkbook, findScorecard } from './load';
import { indicatorLabel } from '../domain/revisions/figures';
import { cliMessages, EXIT, type ExitCode } from './messages';
import { fail, report, type CliResult } from './files';
import type { CliIO, RevisionsArgs } from './types';
import { revisionsCsv, revisionsJson, revisionsTable } from './report';

/**
 * `scorecard revisions <published> <current>`: the figures of the current workbook that
 * differ from what the published one showed, matched by indicator and month.
 */
export async function runRevisions(args: RevisionsArgs, io: CliIO): Promise<ExitCode> {
  const current = loadWorkbook(args.current);
  if (!current.ok) return report(io, current.error);
  const found = findScorecard(current.value, args.current, 'performance', args.sheet);
  if (!found.ok) return report(io, found.error);
  const reporting = found.value.tables[0]!.reportingMonth.label;
  const baseline = loadBaseline(args.published, 'performance', reporting);
  if (!baseline.ok) return report(io, baseline.error);
  for (const w of baseline.value.warnings) io.err(w);
  const revisions = revisionsAgainst(baseline.value, found.value.tables);
  // Same NO. and same indicator name: two unrelated reports share NO.s but not names. Said
  // in every output form, so a scheduled job never takes an empty CSV for "nothing revised".
  const keys = new Set(baseline.value.snapshot.figures.map((f) => `${f.key}|${f.indicator}`));
  const matched = found.value.tables.some((t) => t.indicators.some((r) => keys.has(`${r.key}|${indicatorLabel(r)}`)));
  if (!matched) {
    io.err(cliMessages.noIndicatorMatched(args.published, args.current));
    return EXIT.noTable;
  }

  if (args.as === 'csv') {
    io.out(revisionsCsv(revisions));
  } else if (args.as === 'json') {
    io.out(
      revisionsJson(revisions, {
        published: args.published,
        publishedSheet: baseline.value.snapshot.sheetName,
        publishedMonth: baseline.value.snapshot.reportingMonth,
        current: args.current,
        currentSheet: found.value.sheetName,
        currentMonth: reporting,
      }),
    );
  } else {
    io.out(`${cliMessages.revisedTitle(revisions.length, found.value.sheetName, args.current, args.published, baseline.value.snapshot.sheetName, baseline.value.source)}\n`);
    if (revisions.length > 0) io.out(revisionsTable(revisions) + '\n');
  }
  return EXIT.ok;
}


/**
 * The add-in's highlight records of `sheetName` in a workbook, for `format --previous` and
 * `new-month`: read from the hidden sheet and judged by the domain (`readSheetHighlights`),
 * so a user's sheet of that name (`notOurSheet`) and damaged records (`damagedRecord`)
 * refuse the command exactly as they refuse the pane's buttons (exit 5, the sheet or cell
 * named, what to do, nothing written). `failed` words the refusal for the command.
 */
export function readHighlightRecords(wb: XlsxWorkbook, sheetName: string, failed: (reason: string) => string): CliResult<SheetHighlights> {
  const values = recordSheetValues(wb, HIGHLIGHT_TABLE.sheetName);
  if (!values.ok) return fail(EXIT.refused, failed(values.error.message));
  const read = readSheetHighlights(values.value, sheetName);
  if (read.ok) return read;
  // The domain decided (a user's sheet of that name, or a damaged row); the CLI picks what to do by the code.
  const action = read.error.code === 'notOurSheet' ? cliMessages.notOurSheetAction : cliMessages.damagedRecordsAction;
  return fail(EXIT.refused, `${failed(read.error.message)} ${action(HIGHLIGHT_TABLE.sheetName)}`);
}
