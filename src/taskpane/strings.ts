import { msg, ragName, sheetMsg } from '../domain/messages';
import { RAG_LETTER } from '../domain/plan/palette';
import type { DotConvention, DotState, Rag } from '../domain/types';
import type { BaselineSource, FormatSummary, ReviewStatus, Settings, WriteMode } from '../port/api';

const NOTHING_TO_COMPARE = 'Nothing to compare with yet: publish this month\u2019s figures or pick last month\u2019s file.';

/**
 * Every piece of text the task pane shows on its own account. Messages about the
 * workbook itself (problems, Office errors) come from the adapter through `Outcome`,
 * already worded by the engine's catalogue (src/domain/messages.ts); the pane only
 * adds the words around them. Tests compare against these functions, never literals.
 */
export const paneText = {
  appTitle: 'Scorecard',
  viewsLabel: 'Views',
  tabFormat: 'Format',
  tabRevisions: 'Revisions',
  tabSettings: 'Settings',
  tabSummary: 'Summary',
  loadingSettings: 'Loading settings and the active sheet',
  loadingView: 'Loading view',
  settingsLoadFailed: 'Could not load the saved settings; the defaults are in use.',
  /** Title over a damaged stored setting (the adapter's message says which defaults stand in). */
  settingsDamagedTitle: 'Check the settings',
  openSettings: 'Open Settings',
  adapterLoadFailed: (reason: string): string => `The add-in's workbook code could not be loaded (${reason}).`,
  adapterLoadFailedAction: 'Check the connection, then close and reopen the pane.',

  // Format view
  detectedHeading: 'Detected table',
  detecting: 'Looking for the scorecard table on the active sheet',
  detectAgain: 'Detect again',
  detectFailed: 'No scorecard table could be read.',
  sheetLabel: 'Sheet',
  tablesLabel: 'Tables',
  indicatorRowsLabel: 'Indicator rows',
  reportingMonthLabel: 'Reporting month',
  noReportingMonth: 'Not found',
  previewHeading: 'What Format will change',
  dotCellsLabel: 'DOT cells',
  ragCellsLabel: 'RAG cells',
  formattedCellsLabel: 'Formatted cells',
  ragCountsLabel: 'RAG statuses',
  optionsHeading: 'Options',
  changeInSettings: 'Change them in Settings',
  modeLabel: 'Write',
  modeOption: (mode: WriteMode): string =>
    mode === 'static' ? 'Static values (read right without the add-in and in print)' : 'Live PERF formulas',
  conventionLabel: 'DOT convention',
  conventionOption: (c: DotConvention): string =>
    c === 'performance' ? 'Performance direction (better or worse)' : 'Numeric direction (up or down)',
  formatButton: 'Format sheet',
  cancelButton: 'Cancel',
  progressLabel: 'Format progress',
  progressStage: (stage: string): string =>
    ({ reading: 'Reading the sheet', planning: 'Planning changes', writing: 'Writing to the sheet', done: 'Done' })[
      stage
    ] ?? stage,
  cancelUnavailable: 'Writing has started; it will finish so the sheet is never half formatted.',
  formatSucceededTitle: 'Sheet formatted',
  formatSucceeded: (s: FormatSummary): string =>
    `Formatted ${s.rows} rows on ${s.sheetName}: ${s.ragCounts.red} red, ${s.ragCounts.amber} amber, ` +
    `${s.ragCounts.green} green, ${s.ragCounts.blank} without RAG.`,
  formatNext: (s: FormatSummary): string => {
    const errors = s.problems.filter((p) => p.severity !== 'warning').length;
    const warnings = s.problems.length - errors;
    if (errors > 0) return `Fix the ${errors} problem${errors === 1 ? '' : 's'} listed below, then format again.`;
    if (warnings > 0) {
      return `Check the ${warnings} warning${warnings === 1 ? '' : 's'} listed below: those rows were formatted; each warning says what to correct.`;
    }
    return s.revisions > 0
      ? `${s.revisions} revised figure${s.revisions === 1 ? '' : 's'}: check them in the Revisions view.`
      : 'Nothing else to do: check the sheet and publish when ready.';
  },
  formatFailedTitle: 'Format did not complete',
  cancelledTitle: 'Format cancelled',
  errorTitle: 'Something went wrong',
  nextStep: (action: string): string => `What to do: ${action}`,
  /** Title of a success that came with warnings: the work is done, something needs a look. */
  warningsTitle: 'Done, with something to check',
  warningsAction: 'Read each point above: the work itself is done and nothing needs undoing.',
  newMonthButton: 'New month',
  newMonthSucceeded: (sheetName: string): string =>
    `Created ${sheetName}. Enter the new month's figures there, then format it.`,
  problemsHeading: (n: number): string => `Problems (${n})`,
  noProblems: 'No problems: every indicator row could be evaluated.',
  problemButton: (address: string, message: string, indicator?: string, severity?: 'warning'): string =>
    `${severity === 'warning' ? 'Warning: ' : ''}${address}${indicator ? ` (${indicator})` : ''}: ${message}`,

  // Revisions view
  revisionsHeading: 'Revised figures',
  loadingRevisions: 'Looking for revised figures',
  baselineLabel: 'Compared with',
  baseline: (b: BaselineSource): string => {
    switch (b.kind) {
      case 'snapshot':
        return `figures published for ${b.month} (stored ${b.publishedAt})`;
      case 'sheet':
        return `the previous month's sheet ${b.sheetName}`;
      case 'file':
        return `the file ${b.fileName}`;
      case 'none':
        return 'nothing yet (no published figures, no previous month\u2019s sheet)';
    }
  },
  fileLabel: "Compare with a previous month's file (.xlsx)",
  fileHint: 'The file is read on this computer and never uploaded.',
  readingFile: (name: string): string => `Reading ${name}`,
  /** With no baseline at all there is nothing a figure could have changed from. */
  nothingToCompare: NOTHING_TO_COMPARE,
  noChanges: (b: BaselineSource): string => {
    switch (b.kind) {
      case 'snapshot':
        return `No figure has changed since ${b.month}\u2019s figures were published.`;
      case 'sheet':
        return `No figure differs from the previous month\u2019s sheet ${b.sheetName}.`;
      case 'file':
        return `No figure differs from the file ${b.fileName}.`;
      case 'none':
        return NOTHING_TO_COMPARE;
    }
  },
  /** e.g. "2 of 5 reviewed, 1 queried". */
  progress: (p: { total: number; reviewed: number; queried: number }): string =>
    `${p.reviewed} of ${p.total} reviewed${p.queried > 0 ? `, ${p.queried} queried` : ''}`,
  listLabel: 'Revised figures',
  listHint: 'Up and down arrows move through the list; each figure is selected on the sheet.',
  publishedToNew: (published: string, current: string): string => `${published} \u2192 ${current}`,
  change: (change: string): string => `(${change})`,
  status: (s: ReviewStatus): string => ({ pending: 'Not reviewed', reviewed: 'Reviewed', queried: 'Queried' })[s],
  reviewNote: (reviewer?: string, comment?: string): string =>
    [reviewer && `by ${reviewer}`, comment && `\u201c${comment}\u201d`].filter(Boolean).join(': '),
  stepPosition: (i: number, n: number): string => `Revision ${i + 1} of ${n}`,
  /** Why the actions needing the sheet's figures are greyed out. */
  unavailableUntilRead: (detail: string): string => `Unavailable until the sheet\u2019s figures can be compared: ${detail}`,
  sheetActionsLabel: 'Whole sheet',
  previousButton: 'Previous',
  nextButton: 'Next',
  commentLabel: 'Comment',
  markReviewedButton: 'Mark reviewed',
  queryButton: 'Query',
  queryNeedsComment: 'Say what needs checking before querying this figure.',
  /** Short (the card above names the indicator): it must fit in view under the buttons. */
  marked: (status: ReviewStatus, ref: string, month: string): string =>
    `${ref}, ${month}: ${status === 'queried' ? 'queried' : 'marked reviewed'}.`,
  reloadRevisionsButton: 'Check again',
  noticesTitle: 'About this comparison',
  noticesAction: 'If the baseline is not the one you expected, pick last month’s published workbook below.',
  reviewerLabel: 'Your name (recorded with reviews)',
  reviewerHint: 'Remembered on this computer only, never stored in the workbook.',
  reviewerNotRemembered: 'Your name could not be remembered on this computer; it is still used until the pane is closed.',
  highlightButton: 'Highlight revisions',
  clearButton: 'Clear highlights',
  highlighted: (n: number): string => `Highlighted ${n} revised cell${n === 1 ? '' : 's'} in yellow, each with a note.`,
  cleared: (n: number): string => `Restored the original fill of ${n} cell${n === 1 ? '' : 's'}.`,
  publishButton: "Publish this month's figures",
  published: (figures: number, month: string): string =>
    `Stored ${figures} figures for ${month} as the published baseline for next month.`,

  // Settings view
  settingsHeading: 'Settings',
  settingsStored: 'Stored in this workbook, so the next analyst gets the same result.',
  populationLabel: 'Population aged 0-17 (ONS mid-year estimate)',
  populationHint: 'Used for rates per 10,000. Leave blank if not needed.',
  populationInvalid: 'Enter a whole number greater than 0 (for example 56,310), or leave it blank.',
  paletteLabel: 'Colours',
  paletteOption: (p: Settings['palette']): string => (p === 'standard' ? 'Standard' : 'High contrast'),
  paperLabel: 'Paper',
  paperHint: 'Format sets the sheet to print landscape on this paper.',
  paperOption: (p: Settings['paper']): string => (p === 'A4' ? 'A4' : p === 'Letter' ? 'US Letter' : 'A3'),
  /** A setting named as its field in Settings is labelled (a damaged one is listed by it). */
  settingName: (key: keyof Settings): string =>
    ({
      convention: paneText.conventionLabel,
      mode: paneText.modeLabel,
      population: paneText.populationLabel,
      palette: paneText.paletteLabel,
      paper: paneText.paperLabel,
    })[key],
  /** The heading the key has on the sheet. */
  keyHeading: sheetMsg.keyTitle,
  /** Under the numeric convention the arrow is only the direction; the colour carries the judgement. */
  keyNumericColour: 'The arrow shows the direction of the change; its colour says whether that is good or bad for the measure.',
  saveButton: 'Save settings',
  saved: 'Settings saved in this workbook.',

  // Screen-reader text for the symbols the pane draws.
  // The same words and letters as Format writes on the sheet (one catalogue in the domain).
  rag: (r: Rag | null): string => (r === null ? 'No RAG' : ragName(r)),
  ragLetter: (r: Rag): string => RAG_LETTER[r],
  dot: (d: DotState): string => msg.dotLabels[d],
  unexpectedAction: 'Try again; if it happens again, reload the add-in and report the message.',
} as const;

/** Text of the Summary view (the drafted committee summary). */
export const summaryPaneText = {
  heading: 'Committee summary',
  intro: 'A first draft of “What’s working well” and “Areas of focus” per service, from the active sheet’s figures, DOT and RAG. Each bullet starts with its indicator’s NO. so you can check it.',
  drafting: 'Drafting the summary…',
  draftLabel: 'Draft summary (plain text)',
  bullets: (n: number): string => (n === 1 ? 'One indicator in the draft.' : `${n} indicators in the draft.`),
  redraftButton: 'Draft again from the active sheet',
  copyButton: 'Copy',
  writeButton: 'Write to a new sheet',
  writing: 'Writing the summary sheet…',
  copied: 'The draft is on the clipboard.',
  copySelected: 'The draft is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  written: (sheet: string, lines: number): string => `The draft was written to the new sheet '${sheet}' (${lines} rows). No other sheet was changed.`,
  failedTitle: 'Could not draft the summary',
  writeFailedTitle: 'The summary sheet was not written',
} as const;
