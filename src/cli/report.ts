import type { Revision } from '../domain/revisions/types';
import type { Problem, ScorecardTable } from '../domain/sheet/scorecard';

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

/** The revisions as an aligned table for the terminal. */
export function revisionsTable(revisions: readonly Revision[]): string {
  return textTable(
    REVISION_HEADER,
    revisions.map((r) => [r.ref, shorten(r.indicator, 48), r.month, r.published.display || '(blank)', r.current.display || '(blank)', r.change, r.address]),
  );
}

/**
 * A CSV field, RFC 4180 quoted. Text that Excel would run as a formula when the CSV is
 * opened (`=`, `+`, `-`, `@` at the start, e.g. a change `+0.4 pts`) gets a leading
 * apostrophe, as OWASP advises against CSV injection; plain numbers are left as numbers.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function revisionsCsv(revisions: readonly Revision[]): string {
  const header = ['id', 'ref', 'indicator', 'month', 'address', 'published', 'published_value', 'current', 'current_value', 'change'];
  const rows = revisions.map((r) =>
    [r.id, r.ref, r.indicator, r.month, r.address, r.published.display, r.published.value, r.current.display, r.current.value, r.change].map(csvField).join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
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
