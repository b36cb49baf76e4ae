import { highlightCells, planHighlightPass } from '../domain/revisions/highlightPlans';
import { HIGHLIGHT_TABLE, highlightsToRows } from '../domain/revisions/highlightRows';
import type { Revision } from '../domain/revisions/types';
import type { FormatPlan } from '../domain/plan/types';
import { a1, qualified } from '../domain/sheet/grid';
import type { Problem, ScorecardTable } from '../domain/sheet/scorecard';
import { applyFormatPlan } from '../xlsx/applyPlan';
import { applyFillChanges, applyNoteChanges, readFills, writeRecordSheet } from '../xlsx/highlights';
import type { XlsxWorkbook } from '../xlsx/package/workbook';
import { pickBaseline, readBaseline, revisionsAgainst, type Baseline } from './baseline';
import { fail, report, writeOutput, type CliResult } from './files';
import { xlsxMessages } from '../xlsx/messages';
import { findScorecard, openForRewrite, xlsxFailure } from './load';
import type { CliIO, FormatArgs } from './types';
import { cliMessages, EXIT, type ExitCode } from './messages';
import { planSheet } from './plan';
import { readHighlightRecords } from './revisions';
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
  const opened = openForRewrite(args.input, args.output, { otherInputs: args.previous ? [args.previous] : [], force: args.force });
  if (!opened.ok) return report(io, opened.error);
  const wb = opened.value;

  // Only the workbook and the outcome are held while the file is written: the plan and last
  // month's snapshot are garbage by then.
  const prepared = formatOutcome(wb, args);
  if (!prepared.ok) return report(io, prepared.error);
  const outcome = prepared.value;

  const written = writeOutput(args.output, await wb.saveAsync());
  if (!written.ok) return report(io, written.error);
  io.out(summary(args, outcome));
  const unreadable = outcome.problems.filter((p) => p.severity !== 'warning' && UNREADABLE_TOLERANCES.has(p.code));
  if (unreadable.length > 0) {
    io.err(cliMessages.problemsExit(unreadable.length));
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** The sheet read, planned and applied, and with --previous its revisions highlighted: what the summary says. */
function formatOutcome(wb: XlsxWorkbook, args: FormatArgs): CliResult<FormatOutcome> {
  const planned = readAndPlan(wb, args);
  if (!planned.ok) return planned;
  const { sheetName, tables, plan, baseline } = planned.value;
  // Planned once: formula writes carry the letters and arrows they show as cached results.
  const applied = applyFormatPlan(wb, plan);
  if (!applied.ok) {
    const failure = xlsxFailure(applied.error);
    return fail(failure.exit, applied.error.code === 'protected' ? applied.error.message : cliMessages.planFailed(applied.error.message));
  }

  const outcome: FormatOutcome = {
    sheetName,
    tables,
    problems: tables.flatMap((t) => t.problems),
    revisions: null,
    noArrow: noArrowLines(plan, sheetName, tables),
    highlighted: 0,
    warnings: [...applied.value.warnings],
  };
  if (applied.value.notesKeptUsers > 0) outcome.warnings.push(cliMessages.notesKept(applied.value.notesKeptUsers));
  if (baseline) {
    if (!baseline.ok) return baseline;
    outcome.warnings.push(...baseline.value.warnings);
    outcome.revisions = revisionsAgainst(baseline.value, tables);
    const highlighted = highlight(wb, sheetName, outcome.revisions);
    if (!highlighted.ok) return highlighted;
    outcome.highlighted = highlighted.value.highlighted;
    outcome.warnings.push(...highlighted.value.warnings);
  }
  return { ok: true, value: outcome };
}

interface Planned {
  sheetName: string;
  tables: ScorecardTable[];
  plan: FormatPlan;
  /** With --previous: the baseline, or its failure, reported after the plan is applied. */
  baseline: CliResult<Baseline> | null;
}

/**
 * The sheet found and planned, and the --previous workbook's baseline chosen. The previous
 * workbook is read first, while this one is an open package only, and its tables give way
 * to the chosen snapshot as soon as the month is known: the two workbooks' cells are never
 * held at once. The grid and the previous workbook are garbage once this returns.
 */
function readAndPlan(wb: XlsxWorkbook, args: FormatArgs): CliResult<Planned> {
  let previous = args.previous ? readBaseline(args.previous, args.convention) : null;
  const found = findScorecard(wb, args.input, args.convention, args.sheet);
  if (!found.ok) return found;
  const { sheetName, tables, grid } = found.value;
  const baseline = previous === null ? null : previous.ok ? pickBaseline(previous.value, tables[0]!.reportingMonth.label) : previous;
  previous = null;
  const plan = planSheet(tables, grid, { mode: args.formulas ? 'formulas' : 'static', convention: args.convention, palette: 'standard', paper: args.paper });
  if (!plan.ok) return plan;
  return { ok: true, value: { sheetName, tables, plan: plan.value, baseline } };
}

/**
 * Yellow fill and note on each revised cell, recording the user's fill in the hidden
 * `PERF Highlights` sheet the add-in uses, so "Clear highlights" in the pane restores it.
 * The domain's `planHighlightPass` decides (the pane's Highlight uses the same); this applies it.
 */
function highlight(wb: XlsxWorkbook, sheetName: string, revisions: Revision[]): CliResult<{ highlighted: number; warnings: string[] }> {
  const records = readHighlightRecords(wb, sheetName, cliMessages.highlightFailed);
  if (!records.ok) return records;
  const cells = highlightCells(records.value, revisions);
  const plan = planHighlightPass(records.value, revisions, readFills(wb, sheetName, cells.map((c) => c.address)));
  if (plan.records && !records.value.stored && wb.structureLocked) return fail(EXIT.refused, xlsxMessages.protectedStructure('The workbook'));
  applyFillChanges(wb, sheetName, plan.fills);
  applyNoteChanges(wb, sheetName, plan.notes);
  if (plan.records) writeRecordSheet(wb, HIGHLIGHT_TABLE.sheetName, highlightsToRows(plan.records));
  return { ok: true, value: { highlighted: plan.highlighted, warnings: plan.warnings } };
}

function summary(args: FormatArgs, o: FormatOutcome): string {
  const rows = o.tables.reduce((n, t) => n + t.indicators.length, 0);
  const rag = ragTally(o.tables);
  const lines = [
    `Formatted '${o.sheetName}' of ${args.input} -> ${args.output}`,
    cliMessages.formatTotals(o.tables.length, rows, o.tables[0]!.reportingMonth.label, args.formulas ? 'live formulas' : 'fixed values', args.convention),
    cliMessages.ragTotals(rag.red, rag.amber, rag.green, rag.blank),
  ];
  lines.push(cliMessages.problemsTitle(o.problems.length), ...problemLines(o.problems));
  if (o.noArrow.length > 0) lines.push(`  ${cliMessages.noArrowTitle(o.noArrow.length)}`, ...o.noArrow);
  if (o.revisions !== null) {
    lines.push(cliMessages.revisionsSince(args.previous ?? '', o.revisions.length, o.highlighted));
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

