import { parseArgs } from 'node:util';
import { runFormat } from './format';
import { fail, type CliResult } from './files';
import { cliMessages, EXIT, HELP, type ExitCode } from './messages';
import { runNewMonth } from './newMonth';
import { runRevisions } from './revisions';
import { runSummary } from './summary';
import type { CliIO, FormatArgs, NewMonthArgs, RevisionsArgs, SummaryArgs } from './types';

export type { CliIO, FormatArgs, NewMonthArgs, RevisionsArgs, SummaryArgs } from './types';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  sheet: { type: 'string' },
  previous: { type: 'string' },
  convention: { type: 'string' },
  paper: { type: 'string' },
  formulas: { type: 'boolean' },
  force: { type: 'boolean' },
  csv: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Options each command accepts; anything else is a usage error, not silently ignored. */
const ALLOWED: Record<string, readonly string[]> = {
  format: ['output', 'sheet', 'previous', 'convention', 'formulas', 'force', 'paper'],
  revisions: ['sheet', 'csv', 'json'],
  'new-month': ['output', 'sheet', 'force'],
  summary: ['sheet', 'convention'],
};

type Parsed = { command: 'help' | 'version' } | { command: 'format'; args: FormatArgs } | { command: 'revisions'; args: RevisionsArgs } | { command: 'new-month'; args: NewMonthArgs } | { command: 'summary'; args: SummaryArgs };

/** Parses the command line into one command's arguments, or a usage error. */
export function parseCommandLine(argv: readonly string[]): CliResult<Parsed> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs throws for unknown options and missing values; its message names the option.
    return fail(EXIT.usage, cliMessages.badOption(e instanceof Error ? e.message.replace(/\. To specify a positional.*$/s, '') : String(e)));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { ok: true, value: { command: 'help' } };
  if (values.version) return { ok: true, value: { command: 'version' } };
  if (command === undefined) return fail(EXIT.usage, cliMessages.noCommand());
  const allowed = ALLOWED[command];
  if (!allowed) return fail(EXIT.usage, cliMessages.unknownCommand(command));
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !allowed.includes(name)) return fail(EXIT.usage, cliMessages.badOption(`scorecard ${command} does not take --${name}`));
  }

  if (command === 'revisions') {
    if (rest.length !== 2) return fail(EXIT.usage, cliMessages.missingInput(command, 'two files: <published.xlsx> <current.xlsx>'));
    if (values.csv && values.json) return fail(EXIT.usage, cliMessages.csvAndJson());
    return {
      ok: true,
      value: { command, args: { published: rest[0]!, current: rest[1]!, sheet: values.sheet, as: values.csv ? 'csv' : values.json ? 'json' : 'table' } },
    };
  }

  if (rest.length !== 1) return fail(EXIT.usage, cliMessages.missingInput(command, 'one input file: <in.xlsx>'));
  if (command === 'summary') {
    const convention = values.convention ?? 'performance';
    if (convention !== 'performance' && convention !== 'numeric') return fail(EXIT.usage, cliMessages.badConvention(convention));
    return { ok: true, value: { command, args: { input: rest[0]!, sheet: values.sheet, convention } } };
  }
  if (values.output === undefined) return fail(EXIT.usage, cliMessages.missingOutput(command));
  if (command === 'new-month') {
    return { ok: true, value: { command, args: { input: rest[0]!, output: values.output, sheet: values.sheet, force: values.force ?? false } } };
  }
  const convention = values.convention ?? 'performance';
  if (convention !== 'performance' && convention !== 'numeric') return fail(EXIT.usage, cliMessages.badConvention(convention));
  const paper = values.paper ?? 'A4';
  if (paper !== 'A4' && paper !== 'Letter' && paper !== 'A3') return fail(EXIT.usage, cliMessages.badPaper(paper));
  return {
    ok: true,
    value: {
      command: 'format',
      args: {
        input: rest[0]!,
        output: values.output,
        sheet: values.sheet,
        previous: values.previous,
        convention,
        formulas: values.formulas ?? false,
        force: values.force ?? false,
        paper,
      },
    },
  };
}

/**
 * Runs one `scorecard` command line and returns its exit code. Every failure is a message
 * and an exit code (see `EXIT`); an unexpected exception is reported in one line without
 * a stack trace (unless SCORECARD_DEBUG=1) and exits 1.
 *
 * @example
 * await runCli(['format', 'in.xlsx', '-o', 'out.xlsx'], { out: console.log, err: console.error }) // 0
 */
export async function runCli(argv: readonly string[], io: CliIO, version = '0.0.0'): Promise<ExitCode> {
  try {
    const parsed = parseCommandLine(argv);
    if (!parsed.ok) {
      io.err(parsed.error.message);
      return parsed.error.exit;
    }
    const p = parsed.value;
    switch (p.command) {
      case 'help':
        io.out(HELP);
        return EXIT.ok;
      case 'version':
        io.out(version);
        return EXIT.ok;
      case 'format':
        return await runFormat(p.args, io);
      case 'revisions':
        return await runRevisions(p.args, io);
      case 'new-month':
        return await runNewMonth(p.args, io);
      case 'summary':
        return await runSummary(p.args, io);
    }
  } catch (e) {
    io.err(cliMessages.internal(e instanceof Error ? e.message : String(e)));
    if (process.env.SCORECARD_DEBUG === '1' && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.internal;
  }
}

export type { ExitCode };
