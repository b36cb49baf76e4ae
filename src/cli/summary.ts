import { draftSummary, summaryMarkdown } from '../domain/summary';
import { report } from './files';
import { findScorecard, loadWorkbook } from './load';
import type { CliIO, SummaryArgs } from './types';
import { EXIT, type ExitCode } from './messages';

/**
 * `scorecard summary <in.xlsx>`: the drafted committee summary of the month's scorecard
 * ("What's working well" and "Areas of focus" per section) as Markdown on stdout. Reads only.
 */
export async function runSummary(args: SummaryArgs, io: CliIO): Promise<ExitCode> {
  const loaded = loadWorkbook(args.input);
  if (!loaded.ok) return report(io, loaded.error);
  const found = findScorecard(loaded.value, args.input, args.convention, args.sheet);
  if (!found.ok) return report(io, found.error);
  io.out(summaryMarkdown(draftSummary(found.value.tables)));
  return EXIT.ok;
}
