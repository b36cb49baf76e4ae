import { readScorecard } from '../../domain/sheet/readScorecard';
import type { ScorecardTable } from '../../domain/sheet/scorecard';
import { draftSummary, freeSummaryName, summaryLines, summaryText, type SummaryDraft } from '../../domain/summary';
import type { Outcome, Settings, SummaryDraftView } from '../../port/api';
import { chunkAddresses, DEFAULT_LIMITS } from '../format/writeOps';
import { queueGridRead } from '../io/readGrid';
import { excelMessages as m, fromEngineError, outcomeError } from '../messages';

/** The summary column's width in points: a bullet of about 100 characters per line. */
const SUMMARY_WIDTH = 540;

/**
 * Text exactly as drafted: a leading `=`, `+`, `-` or `@` would make Excel read the line as a
 * formula (a section label comes from a cell), and a leading apostrophe is Excel's text
 * prefix and would be eaten. The apostrophe prefix keeps the rest as typed.
 */
function asText(v: string): string {
  return /^[=+\-@']/.test(v) ? `'${v}` : v;
}

function viewOf(draft: SummaryDraft): SummaryDraftView {
  const bullets = draft.sections.reduce((n, s) => n + s.working.length + s.focus.length, 0);
  return { sheetName: draft.sheetName, month: draft.month, lines: summaryLines(draft), text: summaryText(draft), bullets };
}

/** The tables of the sheet just read, or the message saying none was found there. */
function tablesOf(grid: Parameters<typeof readScorecard>[0], settings: Settings): Outcome<ScorecardTable[]> {
  const tables = readScorecard(grid, { convention: settings.convention });
  if (!tables.ok || tables.value.length === 0) {
    return { ok: false, error: tables.ok ? outcomeError('noTable', m.noTable(grid.sheetName)) : fromEngineError(tables.error) };
  }
  return { ok: true, value: tables.value };
}

/**
 * Drafts the committee summary of the active sheet (domain/summary: "What's working well"
 * and "Areas of focus" per section, each bullet led by its indicator's NO.). One round trip;
 * nothing is written.
 *
 * @example const d = await draftSummaryOf(context, settings); if (d.ok) d.value.text
 */
export async function draftSummaryOf(context: Excel.RequestContext, settings: Settings): Promise<Outcome<SummaryDraftView>> {
  const build = queueGridRead(context, { kind: 'active' });
  await context.sync();
  const tables = tablesOf(build().grid, settings);
  return tables.ok ? { ok: true, value: viewOf(draftSummary(tables.value)) } : tables;
}

/**
 * Drafts the summary of the active sheet and writes it, one line per row in column A, to a
 * NEW sheet `Summary <month>` (`Summary <month> (2)`, … when the name is taken; names are
 * kept to Excel's 31 characters and characters it refuses), then shows that sheet. No
 * existing sheet is changed. Two round trips: the read (the sheet, the sheet names and the
 * workbook's protection together), then the new sheet with its text and formats.
 *
 * @example await writeSummarySheet(context, settings) // { ok: true, value: { sheetName: 'Summary Dec-20', lines: 41 } }
 */
export async function writeSummarySheet(context: Excel.RequestContext, settings: Settings): Promise<Outcome<{ sheetName: string; lines: number }>> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const protection = context.workbook.protection;
  protection.load('protected');
  const build = queueGridRead(context, { kind: 'active' });
  await context.sync();
  const tables = tablesOf(build().grid, settings);
  if (!tables.ok) return tables;
  // Adding a sheet needs the workbook's structure unprotected.
  if (protection.protected) return { ok: false, error: outcomeError('summaryStructureProtected', m.summaryStructureProtected()) };
  const draft = draftSummary(tables.value);
  const lines = summaryLines(draft);
  const name = freeSummaryName(draft.month, sheets.items.map((s) => s.name));

  const ws = sheets.add(name);
  const column = ws.getRangeByIndexes(0, 0, lines.length, 1);
  // Text format first, so a line such as `6.10` or `Oct-20` stays as drafted.
  column.numberFormat = lines.map(() => ['@']);
  column.values = lines.map((l) => [asText(l.text)]);
  column.format.wrapText = true;
  column.format.verticalAlignment = 'Top';
  column.format.columnWidth = SUMMARY_WIDTH;
  // Headings (title, sections, list titles) bold, in as few calls as the address limit allows.
  const headings = lines.flatMap((l, i) => (l.level < 3 ? [`A${i + 1}`] : []));
  for (const address of chunkAddresses(headings, DEFAULT_LIMITS.addressChars)) ws.getRanges(address).format.font.bold = true;
  column.format.autofitRows();
  ws.activate();
  await context.sync();
  return { ok: true, value: { sheetName: name, lines: lines.length } };
}
