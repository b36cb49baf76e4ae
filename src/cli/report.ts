import type { Revision } from '../domain/revisions/types';
import type { Problem, ScorecardTable } from '../domain/sheet/scorecard';
import { changeAmount } from '../domain/revisions/change';
import { readMonthCell } from '../domain/sheet/months';
import { sameGrouping } from './wording';

export interface RagTally {
  red: number;
  amber: number;
  green: number;
  blank: number;
}

/** RAG counts over every indicator row of the tables. */
export function ragTally(tables: readonly ScorecardTable[]): RagTally {
  const tally: RagTally = { red: 0, amber: 0, green: 0, blank: 0 };
  for (const t of tables) for (const row of t.indicators) tally[row.rag ?? 'blank']++;
  return tally;
}

/** Lays rows out in aligned columns (plain text; no colour codes, so logs stay readable). */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `    ${p.qualifiedAddress}${p.ref ? ` (${p.ref})` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
}

const REVISION_HEADER = ['NO.', 'Indicator', 'Month', 'Published', 'Now', 'Change', 'Cell'];

/** The revisions as an aligned table for the terminal; each row's figures grouped alike. */
export function revisionsTable(revisions: readonly Revision[]): string {
  return textTable(
    REVISION_HEADER,
    revisions.map((r) => {
      const [published = '', now = '', change = ''] = sameGrouping([r.published.display, r.current.display, r.change]);
      return [r.ref, shorten(r.indicator, 48), r.month, published || '(blank)', now || '(blank)', change, r.address];
    }),
  );
}

/** A field that a spreadsheet reads as a number: `-3`, `+0.4`, `1,335`, `88.5%`. */
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
/** What makes a spreadsheet read a text field as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field, RFC 4180 quoted, that a spreadsheet opens as the plain value: numbers as
 * numbers, text as text. Formula injection is guarded the standard way (OWASP's CSV
 * injection advice, ASVS 1.2.10): a TEXT field starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe, so `=HYPERLINK(...)` in an indicator name is
 * shown, never run. A number (`-3`, `+0.4`) is a value, not a formula, and a lone `-` (the
 * analysts' placeholder) can run nothing: neither is touched. The report's own fields never
 * start that way (the change is written as a number and a unit), so an apostrophe only ever
 * appears on text copied from a workbook that would otherwise run as a formula.
 *
 * @example
 * csvField('+0.4') // '+0.4'
 * csvField('=1+1') // "'=1+1"
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value !== 'number' && text.length > 1 && FORMULA_START.test(text) && !NUMBER_TEXT.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = ['id', 'ref', 'indicator', 'month', 'address', 'published', 'published_value', 'current', 'current_value', 'change', 'change_unit'];

/**
 * `Oct-20` as `2020-10`: a spreadsheet opening a CSV reads `Oct-20` as the date 20 October
 * of the current year (Calc and Excel both do); an ISO year-month reads as that month or as
 * text. A label that is not a month is kept as it is.
 */
function isoMonth(label: string): string {
  const m = readMonthCell(label, label, 'General');
  return m === null ? label : `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/**
 * The revisions as CSV for a spreadsheet. `published` / `current` are the figures as shown
 * (`88.5%`, `1,335`, `TBC`), `*_value` the numbers behind them, `month` the month as
 * `2020-10`; `change` is the difference
 * as a plain number in shown units (`0.4`, `-3`), `change_unit` says `pts` for percentage
 * points. A text change such as `TBC → 15` is not a number: its `change` is empty (the two
 * figures beside it say what changed). The terminal and JSON outputs carry the change as
 * text (`+0.4 pts`).
 */
export function revisionsCsv(revisions: readonly Revision[]): string {
  const rows = revisions.map((r) => {
    const change = changeAmount(r.published, r.current);
    return [r.id, r.ref, r.indicator, isoMonth(r.month), r.address, r.published.display, r.published.value, r.current.display, r.current.value, change?.amount ?? null, change?.unit === 'points' ? 'pts' : null]
      .map(csvField)
      .join(',');
  });
  return [CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

export function revisionsJson(revisions: readonly Revision[], meta: Record<string, string>): string {
  return (
    JSON.stringify(
      {
        ...meta,
        revisions: revisions.map((r) => ({
          id: r.id,
          ref: r.ref,
          indicator: r.indicator,
          month: r.month,
          sheet: r.sheetName,
          address: r.address,
          published: r.published,
          current: r.current,
          change: r.change,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
