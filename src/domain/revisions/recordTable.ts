import { err, ok, type Result } from '../result';
import { a1, qualified } from '../sheet/grid';
import type { CellInput } from '../types';
import { revisionMessages as msg } from './messages';

/**
 * The add-in keeps its records (published figures, highlights, reviews) as plain tables
 * on worksheets: a header row naming every column, then one record a row, every cell
 * text, the first column the format version. A person can unhide the sheet and read it;
 * the CLI reads it with exceljs; and the header row is how the add-in recognises a sheet
 * as its own before it ever writes to it.
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
 * spec's header row: how the add-in tells its own table from a user's sheet of that name.
 *
 * @example hasRecordHeader(SNAPSHOT_TABLE, [['My budget']]) // false
 */
export function hasRecordHeader<C extends string>(spec: RecordTableSpec<C>, values: CellInput[][]): boolean {
  const header = (values[0] ?? []).map(cellText);
  return spec.columns.every((c, i) => header[i]?.trim() === c);
}

/**
 * Parse a record table read from the sheet (values from A1). Blank rows are skipped (a
 * person may have deleted a record's cells); any other row must carry this version.
 *
 * @example parseRecordRows(SNAPSHOT_TABLE, values, msg.snapshotHeader) // { ok: true, value: [{ fields, row: 1, at }] }
 */
export function parseRecordRows<C extends string>(
  spec: RecordTableSpec<C>,
  values: CellInput[][],
  headerMessage: (sheet: string, found: string) => string,
): Result<Array<RecordRow<C>>> {
  if (!hasRecordHeader(spec, values)) {
    const found = (values[0] ?? []).map(cellText).filter((t) => t !== '').join(', ') || msg.blank();
    return err('damagedRecord', headerMessage(spec.sheetName, found));
  }
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
