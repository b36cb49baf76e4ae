import { agree, count, grouped } from './wording';

/**
 * Every message the `scorecard` command prints, and its exit codes. One catalogue, as the
 * engine's messages.ts: the end-to-end tests compare output with these functions.
 */

/** Exit codes; documented in `--help` and relied on by scheduled jobs. */
export const EXIT = {
  ok: 0,
  /** A bug in the tool itself (reported without a stack trace unless SCORECARD_DEBUG=1). */
  internal: 1,
  /** Bad command line: unknown command or option, missing argument. */
  usage: 2,
  /** An input file is missing, unreadable, or not an .xlsx workbook. */
  input: 3,
  /** No scorecard table was found (or the named sheet does not exist). */
  noTable: 4,
  /** Refused to write: the output is the input, exists already, or saving would lose content. */
  refused: 5,
  /**
   * Written, but some tolerances cannot be read (codes badTolerance, toleranceConflict),
   * listed with their cells. Other problems (a polarity conflict, a unit mismatch, a
   * missing figure) are listed in the summary and the exit is 0.
   */
  problems: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const HELP = `scorecard: format and compare monthly performance scorecard workbooks (.xlsx)
with the same engine as the Excel add-in.

Usage:
  scorecard format <in.xlsx> -o <out.xlsx> [--sheet NAME] [--previous <published.xlsx>]
                   [--convention performance|numeric] [--formulas] [--paper A4|Letter|A3] [--force]
      Lays out and formats the month's scorecard sheet as the add-in's Format button does
      (DOT arrows, RAG letters and fills, number formats, freeze panes, print setup, key),
      highlights figures revised since <published.xlsx> in yellow with a note, and prints
      a summary: rows, RAG counts, problems with their cells, revisions.
      --sheet NAME      the sheet to format (default: the sheet with the newest month)
      --previous FILE   last month's published workbook: revised figures are highlighted
      --convention C    DOT arrows show performance (default) or the numbers' direction
      --paper P         paper the sheet prints on: A4 (default, landscape), Letter or A3
      --formulas        write live =PERF.RAG/=PERF.DOT formulas instead of fixed values,
                        coloured by conditional formats that follow their results
                        (they need the add-in to calculate; the fixed values are kept
                        as their cached results, so the file reads right until then)
      --force           replace the output file if it exists

  scorecard revisions <published.xlsx> <current.xlsx> [--sheet NAME] [--csv | --json]
      Lists the figures of <current.xlsx> that differ from what <published.xlsx> showed,
      matched by indicator and month (not by cell): as a table (default), CSV or JSON.
      The CSV opens in a spreadsheet as plain values (the change as a number and a unit,
      months as 2020-10); text from the workbook that would run as a formula (starting
      with = + - @) gets a leading apostrophe.

  scorecard new-month <in.xlsx> -o <out.xlsx> [--sheet NAME] [--force]
      Adds next month's sheet (e.g. Jan-21 after Dec-20): months shift one column left,
      the new month's column is empty and ready for data, headers and title updated.

  scorecard summary <in.xlsx> [--sheet NAME] [--convention performance|numeric]
      Prints a drafted committee summary of the month (Markdown): per section, "What's
      working well" (improved and on target) and "Areas of focus" (declined or off target),
      one sentence per indicator built from its figures, DOT and RAG, naming its NO.

  scorecard --help | --version

Files: the tool never writes to its input, never overwrites an existing output unless
--force is given, and edits the workbook in place: only the cells, formats, notes and
conditional formats it owns change; every other part (charts, pivot tables, images,
macros, slicers, add-in settings, ...) is written back byte for byte. An .xlsm stays an
.xlsm (name the output .xlsm). It refuses encrypted (password-to-open) and Strict Open
XML files, and a protected sheet it would have to change. The output is written to a
new temporary file in the output's folder and renamed into place: never half-written.

Exit codes:
  0  done
  1  internal error in the tool (set SCORECARD_DEBUG=1 for details)
  2  bad command line
  3  input file missing, unreadable, damaged, encrypted, Strict Open XML, too large
     for its size (a zip bomb), or not an .xlsx workbook
  4  no scorecard table found, or no such sheet
  5  refused to write (output is the input, output exists without --force, the output's
     extension does not match the workbook's type, or a protected sheet would change)
  6  written, but some tolerances cannot be read (unreadable or contradictory Red/Amber/Green
     cells, listed with their cells); fix them and run again

The output is written whenever a sheet was formatted: with exit 0 when every tolerance
could be read (other problems, such as an Info row with tolerances, a figure in the wrong
unit or a missing figure, are listed in the summary), with exit 6 when some could not.
`;

export const cliMessages = {
  unknownCommand: (command: string): string => `Unknown command "${command}". Commands: format, revisions, new-month. See scorecard --help.`,
  noCommand: (): string => 'No command given. See scorecard --help.',
  badOption: (detail: string): string => `${detail}. See scorecard --help.`,
  missingInput: (command: string, what: string): string => `scorecard ${command} needs ${what}. See scorecard --help.`,
  missingOutput: (command: string): string => `scorecard ${command} needs an output file: -o <out.xlsx>. See scorecard --help.`,
  badPaper: (value: string): string => `--paper must be A4, Letter or A3, not "${value}".`,
  badConvention: (value: string): string => `--convention must be "performance" or "numeric", not "${value}".`,
  csvAndJson: (): string => 'Choose one of --csv and --json.',
  fileNotFound: (path: string): string => `File not found: ${path}`,
  notAFile: (path: string): string => `${path} is a folder, not an .xlsx file.`,
  cannotRead: (path: string, reason: string): string => `Cannot read ${path}: ${reason}`,
  outputIsInput: (path: string): string => `Refusing to write ${path}: it is the input file. Choose another output (-o).`,
  outputExists: (path: string): string => `Refusing to overwrite ${path}: it exists. Choose another output, or add --force to replace it.`,
  outputFolderMissing: (path: string): string => `Cannot write ${path}: its folder does not exist.`,
  cannotWrite: (path: string, reason: string): string => `Cannot write ${path}: ${reason}`,
  noTableOnSheet: (sheet: string, reason: string): string => `No scorecard table on sheet "${sheet}": ${reason}`,
  noTableInWorkbook: (path: string, sheets: string[]): string =>
    `No scorecard table found in ${path} (sheets looked at: ${sheets.map((s) => `"${s}"`).join(', ') || 'none'}). ` +
    'A scorecard table has header cells such as NO., INDICATOR, GOOD PERF IS and month columns like Oct-20. Use --sheet to name the sheet.',
  planFailed: (reason: string): string => `Cannot format the sheet: ${reason}`,
  internal: (reason: string): string => `Internal error in scorecard: ${reason}. Nothing was written. Please report this (set SCORECARD_DEBUG=1 for details).`,
  problemsExit: (n: number): string =>
    `${count(n, 'tolerance')} cannot be read (listed above with ${agree(n, 'its cell', 'their cells')}): no RAG for ${agree(n, 'that row', 'those rows')}. The file was written; fix those cells and run again.`,
  /** A warning printed on stderr; the command goes on. */
  warning: (text: string): string => `Warning: ${text}`,
  noSuchSheet: (sheet: string, path: string, sheets: string[]): string =>
    `There is no sheet named "${sheet}" in ${path}. Sheets: ${sheets.map((s) => `"${s}"`).join(', ')}.`,
  noArrowTitle: (n: number): string => `No arrow (${count(n, 'DOT cell shows', 'DOT cells show')} – with a note saying why):`,
  notesKept: (n: number): string => `${count(n, 'DOT cell has', 'DOT cells have')} a note of your own: kept, so the reason for no arrow is only in this summary.`,
  rollFailed: (reason: string): string => `Cannot add next month's sheet: ${reason}`,
  highlightFailed: (reason: string): string => `Cannot highlight the revised figures: ${reason}`,
  damagedRecordsAction: (sheet: string): string =>
    `Nothing was written. In Excel, unhide the sheet '${sheet}' (right-click a sheet tab > Unhide) and correct that cell, or delete the sheet to forget the add-in's highlights; then run again.`,
  notOurSheetAction: (sheet: string): string =>
    `Nothing was written. Rename your sheet '${sheet}' (the add-in keeps its highlight records on a sheet of that name), then run again.`,
  notCopied: (what: string): string => `${what} was not copied to the new sheet (table names must be unique in a workbook); add it again there if needed.`,
  macroOutput: (input: string, output: string): string =>
    `Refusing to write ${output}: ${input} is a macro-enabled workbook, and its copy must keep the .xlsm extension (Excel will not open macros in an .xlsx). Choose an output ending in .xlsm.`,
  notMacroOutput: (input: string, output: string): string =>
    `Refusing to write ${output}: ${input} is not macro-enabled, so its copy must end in .xlsx (Excel refuses an .xlsm whose content is a plain workbook).`,
  notXlsxOutput: (output: string): string =>
    `Refusing to write ${output}: the output is an Excel workbook, so its name must end in .xlsx (Excel will not open a workbook whose extension names another format).`,
  noPreviousTable: (path: string, before: string | null): string =>
    before === null
      ? `No scorecard table found in the published workbook ${path} (the first file: last month's published report).`
      : `No scorecard sheet before ${before} found in the published workbook ${path} (the first file: last month's published report, older than the current one). Check the order: scorecard revisions <published.xlsx> <current.xlsx>.`,
  revisedTitle: (n: number, sheet: string, current: string, published: string, publishedSheet: string, source: string): string =>
    `${count(n, 'revised figure')} in '${sheet}' of ${current} since ${published} ('${publishedSheet}', ${source}):`,
  formatTotals: (tables: number, rows: number, month: string, mode: string, convention: string): string =>
    `  Tables: ${grouped(tables)}   Indicator rows: ${grouped(rows)}   Reporting month: ${month}   Mode: ${mode}   DOT: ${convention}`,
  ragTotals: (red: number, amber: number, green: number, blank: number): string =>
    `  RAG: ${grouped(red)} red (R), ${grouped(amber)} amber (A), ${grouped(green)} green (G), ${grouped(blank)} blank`,
  problemsTitle: (n: number): string => (n === 0 ? '  Problems: none' : `  Problems (${grouped(n)}):`),
  revisionsSince: (previous: string, revisions: number, highlighted: number): string =>
    `  Revisions since ${previous}: ${grouped(revisions)} (${count(highlighted, 'cell')} highlighted yellow, with a note)`,
  rolledOn: (cells: number, highlights: number): string =>
    `  Cleared last month's DOT and RAG; ${count(cells, 'header and title cell')} updated; ${count(highlights, 'revision highlight')} removed`,
  noIndicatorMatched: (published: string, current: string): string =>
    `No indicator of ${current} matched one in ${published} (compared by reference number and indicator name): are these two months of the same report?`,
};
