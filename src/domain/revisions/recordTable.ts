import { err, ok, type EngineError, type Result } from '../result';
import { a1, qualified } from '../sheet/grid';
import type { CellInput } from '../types';
import { revisionMessages as msg } from './messages';

/**
 * The add-in keeps its records (published figures, highlights, reviews) as plain tables
 * on worksheets: a header row naming every column, then one record a row, every cell
 * text, the first column the format version. A person can unhide the sheet and read it;
 * the CLI reads it with the file adapter; and the header row is how the add-in recognises
 * a sheet as its own before it ever writes to it.
 *
 * The one rule on unreadable records (docs/DOMAIN.md, "The add-in's record sheets"): a
 * user's sheet of the name is `notOurSheet` (`isOurRecordSheet`), an unreadable row a
 * `damagedRecord` naming its cell. An operation that writes the records or restores from
 * them refuses on either (`readSheetHighlights`, `parseSnapshotRows`, `parseReviewRows`); one
 * that only reads them to inform goes on without them and says so (`chooseBaseline`,
 * `reviewsToShow`).
 */
export interface RecordTableSpec<C extends string> {
  /** The worksheet the table lives on. */
  sheetName: string;
  /** Column names, in order; the first is always `version`. */
  columns: readonly C[];
  /** The version this add-in writes; rows of other versions are refused. */
  version: string;
}

/** One parsed row: the column's text by name, and where the row sits for messages. */
export interface RecordRow<C extends string> {
  fields: Record<C, string>;
  /** 0-based row on the sheet. */
  row: number;
  /** Sheet-qualified address of a column's cell, for messages. */
  at(column: C): string;
}

/**
 * A cell as text whatever the adapter handed over. Records are written as text, but a
 * person may have retyped one, and Excel then stores `TRUE` as a boolean and `12` as a
 * number: read those back as the text they show.
 *
 * @example cellText(true) // 'TRUE'
 */
export function cellText(v: CellInput): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * The header row and the rows of a record table, as strings ready to write.
 *
 * @example recordRows(SNAPSHOT_TABLE, [])[0][0] // 'version'
 */
export function recordRows<C extends string>(spec: RecordTableSpec<C>, records: ReadonlyArray<Record<Exclude<C, 'version'>, string>>): string[][] {
  const rest = spec.columns.filter((c) => c !== 'version') as Array<Exclude<C, 'version'>>;
  return [[...spec.columns], ...records.map((r) => [spec.version, ...rest.map((c) => r[c])])];
}

/**
 * Whether `values` (the used range of the sheet from its top-left cell) starts with the
 * spec's header row.
 *
 * @example hasRecordHeader(SNAPSHOT_TABLE, [['My budget']]) // false
 */
export function hasRecordHeader<C extends string>(spec: RecordTableSpec<C>, values: CellInput[][]): boolean {
  const header = (values[0] ?? []).map(cellText);
  return spec.columns.every((c, i) => header[i]?.trim() === c);
}

function isBlank(values: CellInput[][]): boolean {
  return values.every((row) => row.every((v) => cellText(v).trim() === ''));
}

/**
 * The one rule for "is this record sheet the add-in's", for every record sheet, operation
 * and adapter: a sheet of the record sheet's name is ours when it starts with our header
 * row (`hasHeader`), or when it is empty (the add-in created it and a write failed). Any
 * other sheet of that name is a user's: it is `notOurSheet` (see `notOurSheet`), never
 * read as records and never written.
 *
 * @example isOurRecordSheet([['My budget']], (v) => hasRecordHeader(HIGHLIGHT_TABLE, v)) // false
 */
export function isOurRecordSheet(values: CellInput[][], hasHeader: (values: CellInput[][]) => boolean): boolean {
  return isBlank(values) || hasHeader(values);
}

/**
 * The refusal for a user's sheet that has a record sheet's name: code `notOurSheet`, so each
 * adapter says "rename that sheet" (not "correct the cell", which is for `damagedRecord`).
 *
 * @example notOurSheet('PERF Highlights').error.code // 'notOurSheet'
 */
export function notOurSheet(sheet: string): { ok: false; error: EngineError } {
  return err('notOurSheet', msg.notOurSheet(sheet));
}

/**
 * Parse a record table read from the sheet (values from A1). An empty sheet holds no
 * record; a sheet without the header row is a user's (`notOurSheet`); blank rows are
 * skipped (a person may have deleted a record's cells); any other row must carry this
 * version, else it is a `damagedRecord` naming its cell.
 *
 * @example parseRecordRows(SNAPSHOT_TABLE, values) // { ok: true, value: [{ fields, row: 1, at }] }
 */
export function parseRecordRows<C extends string>(spec: RecordTableSpec<C>, values: CellInput[][]): Result<Array<RecordRow<C>>> {
  if (!isOurRecordSheet(values, (v) => hasRecordHeader(spec, v))) return notOurSheet(spec.sheetName);
  const rows: Array<RecordRow<C>> = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const texts = spec.columns.map((_, i) => cellText(cells[i]));
    if (texts.every((t) => t.trim() === '')) continue;
    const at = (column: C): string => qualified(spec.sheetName, a1(r, spec.columns.indexOf(column)));
    if (texts[0].trim() !== spec.version) {
      return err('damagedRecord', msg.recordVersion(at(spec.columns[0]), texts[0]));
    }
    const fields = {} as Record<C, string>;
    spec.columns.forEach((c, i) => (fields[c] = texts[i]));
    rows.push({ fields, row: r, at });
  }
  return ok(rows);
}
