import { planFormat } from '../domain/plan/planFormat';
import { summarizePlan } from '../domain/plan/summary';
import type { Snapshot } from '../domain/revisions/types';
import { readScorecard } from '../domain/sheet/readScorecard';
import type { Problem } from '../domain/sheet/scorecard';
import type { AddinApi, FormatPreview, FormatSummary, Outcome, ProblemView, Progress, ReviewStatus, Settings, WorkbookFileReader } from '../port/api';
import type { Grid } from '../domain/sheet/grid';
import { applyFormatPlan } from './format/applyFormatPlan';
import { readForFormat } from './format/formatRead';
import type { NoteRecord } from './format/formatState';
import { revisionCount } from './format/formatRevisions';
import { excelMessages as m, fromEngineError, outcomeError } from './messages';
import { toOutcomeError } from './io/officeErrors';
import { readGrid } from './io/readGrid';
import { excelApiSupported, excelAvailable, runExcel, type ExcelRunner } from './io/run';
import { selectCell } from './io/selectCell';
import { loadSettings, saveSettings } from './io/settings';

/**
 * The revisions and roll-forward adapters load on first use, in their own chunks: the
 * Format view, which the pane shows first, needs neither (what the pane downloads before
 * its first paint stays small).
 */
const revisionsAdapter = () => import(/* webpackChunkName: "excel-revisions" */ './revisions/revisions');
const revisionsFileAdapter = () => import(/* webpackChunkName: "excel-revisions-file" */ './revisions/revisionsFile');
const rollForwardAdapter = () => import(/* webpackChunkName: "excel-roll-forward" */ './newMonth/rollForward');
const summaryAdapter = () => import(/* webpackChunkName: "excel-summary" */ './summary/summarySheet');

export interface ExcelAddinApiOptions {
  /** Runs a batch against a workbook; `Excel.run` by default (tests pass a fake workbook's `run`). */
  run?: ExcelRunner;
  /** Who is reviewing or publishing, recorded with their decisions. */
  user?: string;
  /** Reads a picked .xlsx for "compare with a file" (src/xlsx, wired in by src/taskpane/index.tsx); absent: that call says it cannot read files here. */
  readFile?: WorkbookFileReader;
}

function problemView(p: Problem): ProblemView {
  return {
    address: p.qualifiedAddress,
    message: p.message,
    ...(p.ref ? { indicator: p.ref } : {}),
    ...(p.severity ? { severity: p.severity } : {}),
  };
}

/** Plan the format of a grid read from the active sheet: shared by detect (preview) and format. */
function planGrid(grid: Grid, settings: Settings) {
  const tables = readScorecard(grid, { convention: settings.convention });
  if (!tables.ok || tables.value.length === 0) {
    return { ok: false as const, error: tables.ok ? outcomeError('noTable', m.noTable(grid.sheetName)) : fromEngineError(tables.error) };
  }
  const plan = planFormat(tables.value, { mode: settings.mode, convention: settings.convention, palette: settings.palette, paper: settings.paper }, grid);
  if (!plan.ok) return { ok: false as const, error: fromEngineError(plan.error) };
  return { ok: true as const, grid, tables: tables.value, plan: plan.value, summary: summarizePlan(plan.value, tables.value) };
}

/**
 * The pane's AddinApi implemented with Office.js: every call runs in one `Excel.run` (via
 * src/excel/io/run.ts), reads, plans with the pure domain and applies. Every failure comes
 * back as an Outcome with what to do next; nothing is thrown at the pane.
 *
 * @example
 * mountPane(document, createExcelAddinApi());
 */
export function createExcelAddinApi(options: ExcelAddinApiOptions = {}): AddinApi {
  const run = options.run ?? runExcel;
  // A previous month's file the reviewer picked: later highlight/mark calls compare with it too.
  let picked: { fileName: string; snapshot: Snapshot } | undefined;
  // Where the add-in last saw every note of the sheet it formatted: a hint the next Format's read verifies (NoteRecord).
  let notesSeen: NoteRecord | null = null;
  // The pane's "Your name" wins over the name the adapter was created with; blank means not given.
  const revisionOptions = (reviewer?: string) => {
    const user = reviewer?.trim() || options.user;
    return { ...(user ? { user } : {}), ...(picked ? { picked } : {}) };
  };
  /** Warnings only when there are some: an empty list says nothing to the pane. */
  const withWarnings = <T extends object>(value: T, warnings: readonly string[]): T & { warnings?: string[] } =>
    warnings.length > 0 ? { ...value, warnings: [...warnings] } : value;

  async function call<T>(batch: (context: Excel.RequestContext) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    if (!options.run && !excelAvailable()) return { ok: false, error: outcomeError('noExcel', m.noExcel()) };
    try {
      return await run(batch);
    } catch (e) {
      return { ok: false, error: toOutcomeError(e) };
    }
  }

  /** As `call`, with an adapter module loaded first (a failed chunk load is an Outcome too). */
  async function callWith<M, T>(load: () => Promise<M>, batch: (adapter: M, context: Excel.RequestContext) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    let adapter: M;
    try {
      adapter = await load();
    } catch (e) {
      return { ok: false, error: toOutcomeError(e) };
    }
    return call((context) => batch(adapter, context));
  }

  return {
    detect: (settings) =>
      call(async (context): Promise<Outcome<FormatPreview>> => {
        const planned = planGrid(await readGrid(context), settings);
        if (!planned.ok) return planned;
        const s = planned.summary;
        return {
          ok: true,
          value: {
            table: { sheetName: s.sheetName, tables: s.tables, indicatorRows: s.rows, reportingMonth: s.reportingMonth },
            dotCells: s.dotCells,
            ragCells: s.ragCells,
            ragCounts: s.ragCounts,
            formattedCells: s.formattedCells,
            problems: s.problems.map(problemView),
          },
        };
      }),

    format: (settings, onProgress, signal) =>
      call(async (context): Promise<Outcome<FormatSummary>> => {
        const progress = (stage: Progress['stage'], fraction: number): void => onProgress({ stage, fraction });
        progress('reading', 0);
        if (signal.aborted) return { ok: false, error: outcomeError('cancelled', m.cancelled()) };
        // The page layout read with the sheet needs ExcelApi 1.9, as the write does.
        if (!excelApiSupported(9)) return { ok: false, error: outcomeError('notSupported', m.notSupported()) };
        // Format's one read: the sheet, its state; the engine runs once on what it returns.
        const read = await readForFormat(context, notesSeen);
        const planned = planGrid(read.grid, settings);
        if (!planned.ok) return planned;
        progress('planning', 0.3);
        if (signal.aborted) return { ok: false, error: outcomeError('cancelled', m.cancelled()) };
        // Revised figures are counted for the summary from the tables just planned; the
        // baseline is loaded in the write's clean-up trip. A failed count does not undo the
        // Format, but the pane says so (with what to do) instead of showing 0 revisions silently.
        const counted = revisionCount({
          sheets: read.state.sheets,
          activeName: read.grid.sheetName,
          tables: planned.tables,
          ...(picked ? { picked: picked.snapshot } : {}),
          now: new Date().toISOString(),
        });
        const applied = await applyFormatPlan(context, planned.plan, {
          expected: read.grid,
          state: read.state,
          signal,
          onProgress: (f) => progress('writing', 0.4 + 0.6 * f),
          afterWrite: counted,
        });
        // Where the sheet's notes are now, if the add-in knows them all: the next Format's read checks them by cell.
        notesSeen = applied.ok && applied.value.notesAt ? { sheetId: read.state.sheetId, addresses: applied.value.notesAt } : null;
        if (!applied.ok) return applied;
        let found: Awaited<ReturnType<typeof counted.finish>>;
        try {
          found = await counted.finish(context);
        } catch (e) {
          found = { ok: false, error: toOutcomeError(e) };
        }
        progress('done', 1);
        const s = planned.summary;
        const warnings = [...(applied.value.warnings ?? []), ...(found.ok ? [] : [m.revisionsLookupFailed(found.error.message)])];
        return {
          ok: true,
          value: withWarnings({ sheetName: s.sheetName, rows: s.rows, ragCounts: s.ragCounts, problems: s.problems.map(problemView), revisions: found.ok ? found.value : 0 }, warnings),
        };
      }),

    rollForward: () =>
      callWith(rollForwardAdapter, async ({ rollForward }, context) => {
        const rolled = await rollForward(context);
        return rolled.ok ? { ok: true, value: withWarnings({ sheetName: rolled.value.sheetName }, rolled.value.warnings) } : rolled;
      }),

    selectCell: (address) => call((context) => selectCell(context, address)),

    loadRevisions: () =>
      callWith(revisionsAdapter, async (revisions, context) => {
        picked = undefined;
        return revisions.loadRevisions(context, revisionOptions());
      }),

    compareWithFile: (fileName, data) =>
      callWith(revisionsFileAdapter, async ({ compareWithFile: compareFile }, context) => {
        if (!options.readFile) return { ok: false, error: outcomeError('notAvailable', m.notAvailableYet('Comparing with a file')) };
        const compared = await compareFile(context, fileName, data, options.readFile, revisionOptions());
        if (compared.ok && compared.value.snapshot) picked = { fileName, snapshot: compared.value.snapshot };
        return compared;
      }),

    highlightRevisions: () =>
      callWith(revisionsAdapter, async (revisions, context) => {
        const done = await revisions.highlightRevisions(context, revisionOptions());
        return done.ok ? { ok: true, value: withWarnings({ highlighted: done.value.highlighted }, done.value.warnings) } : done;
      }),

    clearHighlights: () =>
      callWith(revisionsAdapter, async (revisions, context) => {
        const done = await revisions.clearHighlights(context);
        return done.ok ? { ok: true, value: withWarnings({ cleared: done.value.cleared }, done.value.warnings) } : done;
      }),

    markRevision: (id: string, status: ReviewStatus, comment: string, reviewer?: string) =>
      callWith(revisionsAdapter, async (revisions, context) => {
        // The workbook records decisions only; a revision nobody decided on is simply unrecorded.
        if (status === 'pending') return { ok: false, error: outcomeError('notAvailable', m.notAvailableYet('Marking a revision as pending again')) };
        return revisions.markRevision(context, id, status, comment, revisionOptions(reviewer));
      }),

    publish: (reviewer?: string) => callWith(revisionsAdapter, (revisions, context) => revisions.publish(context, revisionOptions(reviewer))),

    loadSettings: () => call((context) => loadSettings(context)),

    saveSettings: (settings) => call((context) => saveSettings(context, settings)),

    draftSummary: (settings) => callWith(summaryAdapter, ({ draftSummaryOf }, context) => draftSummaryOf(context, settings)),

    writeSummary: (settings) => callWith(summaryAdapter, ({ writeSummarySheet }, context) => writeSummarySheet(context, settings)),
  };
}
