import { err, ok, type Result } from '../result';
import type { CellInput } from '../types';
import { revisionMessages as msg } from './messages';
import { parseRecordRows, recordRows, type RecordTableSpec } from './recordTable';
import type { HighlightRecord } from './types';

export const HIGHLIGHT_COLUMNS = ['version', 'sheet', 'address', 'previousFill', 'highlightFill', 'note', 'revisionId'] as const;
export type HighlightColumn = (typeof HIGHLIGHT_COLUMNS)[number];

/**
 * The hidden sheet recording each cell the add-in highlighted and the fill it had before
 * (empty `previousFill` = no fill). Kept beside the published figures, for the same
 * reasons (see snapshotRows.ts): it travels with the file and can be read without the add-in.
 */
export const HIGHLIGHT_TABLE: RecordTableSpec<HighlightColumn> = {
  sheetName: 'PERF Highlights',
  columns: HIGHLIGHT_COLUMNS,
  version: '1',
};

const COLOUR = /^#[0-9A-F]{6}$/i;
const A1 = /^[A-Z]{1,3}[1-9]\d*$/i;

/**
 * Rows of strings (header first) for the highlight records.
 *
 * @example highlightsToRows([]) // [['version', 'sheet', 'address', …]]
 */
export function highlightsToRows(records: readonly HighlightRecord[]): string[][] {
  return recordRows(
    HIGHLIGHT_TABLE,
    records.map((r) => ({
      sheet: r.sheet,
      address: r.address,
      previousFill: r.previousFill ?? '',
      highlightFill: r.highlightFill,
      note: r.note ?? '',
      revisionId: r.revisionId,
    })),
  );
}

/**
 * Read the highlight records back. A damaged row returns an error naming its cell: the
 * add-in then clears nothing rather than restore a fill it cannot trust.
 *
 * @example parseHighlightRows(highlightsToRows(records)) // { ok: true, value: records }
 */
export function parseHighlightRows(values: CellInput[][]): Result<HighlightRecord[]> {
  const parsed = parseRecordRows(HIGHLIGHT_TABLE, values);
  if (!parsed.ok) return parsed;
  const out: HighlightRecord[] = [];
  for (const row of parsed.value) {
    const f = row.fields;
    if (f.sheet.trim() === '') return err('damagedRecord', msg.recordField(row.at('sheet'), 'sheet', 'is empty'));
    if (!A1.test(f.address)) return err('damagedRecord', msg.recordField(row.at('address'), 'address', `'${f.address}' is not a cell address`));
    if (f.previousFill !== '' && !COLOUR.test(f.previousFill)) {
      return err('damagedRecord', msg.recordField(row.at('previousFill'), 'previousFill', `'${f.previousFill}' is not a colour such as #FFFF00`));
    }
    if (!COLOUR.test(f.highlightFill)) {
      return err('damagedRecord', msg.recordField(row.at('highlightFill'), 'highlightFill', `'${f.highlightFill}' is not a colour such as #FFFF00`));
    }
    out.push({
      sheet: f.sheet,
      address: f.address.toUpperCase(),
      previousFill: f.previousFill === '' ? null : f.previousFill.toUpperCase(),
      highlightFill: f.highlightFill.toUpperCase(),
      note: f.note === '' ? null : f.note,
      revisionId: f.revisionId,
    });
  }
  return ok(out);
}
