import type ExcelJS from 'exceljs';
import { planClearHighlights, planHighlights } from '../domain/revisions/highlights';
import { HIGHLIGHT_TABLE, highlightsToRows, parseHighlightRows } from '../domain/revisions/highlightRows';
import type { HighlightRecord, Revision } from '../domain/revisions/types';
import type { FormatPlan } from '../domain/plan/types';
import { a1, qualified } from '../domain/sheet/grid';
import type { Problem, ScorecardTable } from '../domain/sheet/scorecard';
import { applyFormatPlan } from '../xlsx/applyPlan';
import { gridFromWorksheet } from '../xlsx/grid';
import { applyHighlights, readFills, restoreFills } from '../xlsx/highlights';
import { writeWorkbook } from '../xlsx/workbook';
import { loadBaseline, revisionsAgainst } from './baseline';
import { report, writeOutput } from './files';
import { findScorecard, openForRewrite } from './load';
import type { CliIO, FormatArgs } from './types';
import { cliMessages, EXIT, type ExitCode } from './messages';
import { planSheet } from './plan';
import { problemLines, ragTally, revisionsTable } from './report';

/**
 * Problems that make the exit 6: tolerances the engine cannot read, so a scheduled job
 * notices a RAG it could not give. Other problems are listed in the summary, exit 0.
 */
export const UNREADABLE_TOLERANCES: ReadonlySet<string> = new Set(['badTolerance', 'toleranceConflict']);

export interface FormatOutcome {
  sheetName: string;
  tables: ScorecardTable[];
  problems: Problem[];
  revisions: Revision[] | null;
  /** Why each DOT cell has no arrow (the notes written on the sheet). */
  noArrow: string[];
  highlighted: number;
  warnings: string[];
}

/**
 * `scorecard format`: the pane's Format button on a file. Reads the sheet, plans with the
 * same engine, applies the plan (and the revision highlights), writes a new file.
 */
export async function runFormat(args: FormatArgs, io: CliIO): Promise<ExitCode> {
  const opened = await openForRewrite(args.input, args.output, {
    otherInputs: args.previous ? [args.previous] : [],
    force: args.force,
    allowLoss: args.allowLoss,
  });
  if (!opened.ok) return report(io, opened.error);
  const { workbook, dropped } = opened.value;

  const found = findScorecard(workbook, args.input, args.convention, args.sheet);
  if (!found.ok) return report(io, found.error);
  const { worksheet, tables } = found.value;

  const plan = planSheet(tables, found.value.grid, { mode: args.formulas ? 'formulas' : 'static', convention: args.convention, palette: 'standard' });
  if (!plan.ok) return report(io, plan.error);
  // Formula cells carry the static plan's letters and arrows as cached results.
  const fixed = args.formulas ? planSheet(tables, found.value.grid, { mode: 'static', convention: args.convention, palette: 'standard' }) : null;
  const results = fixed?.ok ? new Map(fixed.value.writes.map((w) => [`${w.row},${w.col}`, w.value])) : undefined;
  const applied = applyFormatPlan(worksheet, plan.value, { results });
  if (!applied.ok) return report(io, { exit: EXIT.refused, message: cliMessages.planFailed(applied.error.message) });

  const outcome: FormatOutcome = {
    sheetName: worksheet.name,
    tables,
    problems: tables.flatMap((t) => t.problems),
    revisions: null,
    noArrow: noArrowLines(plan.value, worksheet.name, tables),
    highlighted: 0,
    warnings: dropped.length > 0 ? [cliMessages.lossAllowed(dropped)] : [],
  };
  if (applied.value.notesKeptUsers > 0) outcome.warnings.push(cliMessages.notesKept(applied.value.notesKeptUsers));
  if (args.previous) {
    const baseline = await loadBaseline(args.previous, args.convention, tables[0]!.reportingMonth.label);
    if (!baseline.ok) return report(io, baseline.error);
    outcome.warnings.push(...baseline.value.warnings);
    outcome.revisions = revisionsAgainst(baseline.value, tables);
    const highlighted = highlight(workbook, worksheet, outcome.revisions);
    outcome.highlighted = highlighted.highlighted;
    outcome.warnings.push(...highlighted.warnings);
  }

  const written = writeOutput(args.output, await writeWorkbook(workbook));
  if (!written.ok) return report(io, written.error);
  io.out(summary(args, outcome));
  const unreadable = outcome.problems.filter((p) => p.severity !== 'warning' && UNREADABLE_TOLERANCES.has(p.code));
  if (unreadable.length > 0) {
    io.err(cliMessages.problemsExit(unreadable.length));
    return EXIT.problems;
  }
  return EXIT.ok;
}

/**
 * Yellow fill and note on each revised cell, recording the user's fill in the hidden
 * `PERF Highlights` sheet the add-in uses, so "Clear highlights" in the pane restores it.
 */
function highlight(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, revisions: Revision[]): { highlighted: number; warnings: string[] } {
  const warnings: string[] = [];
  const recordSheet = workbook.worksheets.find((w) => w.name === HIGHLIGHT_TABLE.sheetName);
  let existing: HighlightRecord[] = [];
  if (recordSheet) {
    const parsed = parseHighlightRows(gridFromWorksheet(recordSheet).values);
    if (!parsed.ok) {
      // Records we cannot trust: highlight anyway, but leave their sheet untouched.
      warnings.push(parsed.error.message);
      const plan = planHighlights(revisions, readFills(ws, revisions.map(cellOf)));
      return { highlighted: applyHighlights(ws, plan.writes).highlighted, warnings: [...warnings, ...plan.warnings] };
    }
    existing = parsed.value;
  }
  const mine = existing.filter((r) => r.sheet === ws.name);
  const plan = planHighlights(revisions, readFills(ws, revisions.map(cellOf)), mine);
  const { highlighted } = applyHighlights(ws, plan.writes);
  if (plan.release.length > 0) {
    const clear = planClearHighlights(plan.release, readFills(ws, plan.release.map((r) => r.address)));
    restoreFills(ws, clear.restores, clear.deleteNotes);
    warnings.push(...clear.warnings);
  }
  const records = [...existing.filter((r) => r.sheet !== ws.name), ...plan.records];
  if (records.length > 0 || recordSheet) writeRecords(workbook, recordSheet, highlightsToRows(records));
  return { highlighted, warnings: [...warnings, ...plan.warnings] };
}

function cellOf(r: Revision): string {
  return r.address.slice(r.address.lastIndexOf('!') + 1);
}

/** Rewrites the hidden record sheet as text cells (`@`), as the Excel adapter stores it. */
function writeRecords(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet | undefined, rows: string[][]): void {
  const ws = sheet ?? workbook.addWorksheet(HIGHLIGHT_TABLE.sheetName, { state: 'hidden' });
  ws.eachRow((row) => row.eachCell((cell) => (cell.value = null)));
  rows.forEach((values, r) =>
    values.forEach((value, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.numFmt = '@';
      cell.value = value === '' ? null : value;
    }),
  );
}

function summary(args: FormatArgs, o: FormatOutcome): string {
  const rows = o.tables.reduce((n, t) => n + t.indicators.length, 0);
  const rag = ragTally(o.tables);
  const lines = [
    `Formatted '${o.sheetName}' of ${args.input} -> ${args.output}`,
    `  Tables: ${o.tables.length}   Indicator rows: ${rows}   Reporting month: ${o.tables[0]!.reportingMonth.label}   Mode: ${args.formulas ? 'live formulas' : 'fixed values'}   DOT: ${args.convention}`,
    `  RAG: ${rag.red} red (R), ${rag.amber} amber (A), ${rag.green} green (G), ${rag.blank} blank`,
  ];
  lines.push(o.problems.length === 0 ? '  Problems: none' : `  Problems (${o.problems.length}):`, ...problemLines(o.problems));
  if (o.noArrow.length > 0) lines.push(`  ${cliMessages.noArrowTitle(o.noArrow.length)}`, ...o.noArrow);
  if (o.revisions !== null) {
    lines.push(`  Revisions since ${args.previous}: ${o.revisions.length} (${o.highlighted} cell${o.highlighted === 1 ? '' : 's'} highlighted yellow, with a note)`);
    if (o.revisions.length > 0) lines.push(indent(revisionsTable(o.revisions)));
  }
  for (const w of o.warnings) lines.push(`  Note: ${w}`);
  return lines.join('\n') + '\n';
}

/** The plan's notes as summary lines: `'Dec-20'!P71 (13.2): No arrow: the Dec-20 figure is "TBC".` */
function noArrowLines(plan: FormatPlan, sheet: string, tables: ScorecardTable[]): string[] {
  const refs = new Map(tables.flatMap((t) => t.indicators.map((r) => [r.row, r.ref] as const)));
  return (plan.notes ?? []).map((n) => {
    const ref = refs.get(n.row);
    return `    ${qualified(sheet, a1(n.row, n.col))}${ref ? ` (${ref})` : ''}: ${n.text}`;
  });
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

