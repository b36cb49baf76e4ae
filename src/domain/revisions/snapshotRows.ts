import { err, ok, type Result } from '../result';
import type { CellInput } from '../types';
import { revisionMessages as msg } from './messages';
import { monthIndex } from './months';
import { parseRecordRows, recordRows, type RecordRow, type RecordTableSpec } from './recordTable';
import type { Snapshot, SnapshotFigure } from './types';
import { sameSheetName } from '../sheet/grid';

/*
 * Where published figures live: a HIDDEN WORKSHEET (state `hidden`, not `veryHidden`).
 * - It is part of the workbook's cells: it survives save, Save As, download, e-mail and a
 *   copy of the file, in desktop, web and Mac, and LibreOffice and exceljs read it.
 * - Co-authoring merges cell edits, so two analysts' sessions do not overwrite each other
 *   wholesale, unlike document settings (one blob per add-in, last writer wins).
 * - It can be read WITHOUT the add-in: Unhide shows a plain table with a header row; an
 *   auditor can see what was published. Document settings are invisible without the
 *   add-in, and a custom XML part is invisible in Excel's UI and not merged in
 *   co-authoring.
 * - The cost: a person can edit it. Hence a version column, rows that each carry their
 *   snapshot's metadata (sorting or filtering the sheet loses nothing), and a parser that
 *   returns an error naming the damaged cell, never a guess.
 * Cells are written as text (number format `@`): Excel would otherwise turn the month
 * `Oct-20` into a date, `84.3%` into 0.843 and the NO. `6.10` into 6.1.
 */

export const SNAPSHOT_COLUMNS = [
  'version',
  'sheet',
  'reportingMonth',
  'publishedAt',
  'publishedBy',
  'key',
  'ref',
  'indicator',
  'month',
  'display',
  'value',
  'missing',
] as const;
export type SnapshotColumn = (typeof SNAPSHOT_COLUMNS)[number];

/** The hidden sheet that holds published figures, and its table's format. */
export const SNAPSHOT_TABLE: RecordTableSpec<SnapshotColumn> = {
  sheetName: 'PERF Published',
  columns: SNAPSHOT_COLUMNS,
  version: '1',
};

/**
 * Rows of strings (header first) for the published-figures sheet: one row a figure,
 * each row with its snapshot's metadata. A snapshot without figures is kept as one row
 * with an empty key, so that publishing an empty sheet is still on record.
 *
 * @example snapshotsToRows([snap])[0][0] // 'version'
 */
export function snapshotsToRows(snapshots: readonly Snapshot[]): string[][] {
  const records: Array<Record<Exclude<SnapshotColumn, 'version'>, string>> = [];
  for (const s of snapshots) {
    const meta = {
      sheet: s.sheetName,
      reportingMonth: s.reportingMonth,
      publishedAt: s.publishedAt,
      publishedBy: s.publishedBy ?? '',
    };
    if (s.figures.length === 0) {
      records.push({ ...meta, key: '', ref: '', indicator: '', month: '', display: '', value: '', missing: '' });
    }
    for (const f of s.figures) {
      records.push({
        ...meta,
        key: f.key,
        ref: f.ref,
        indicator: f.indicator,
        month: f.month,
        display: f.display,
        // String() round-trips a double exactly: the stored value is the one Excel held.
        value: f.value === null ? '' : String(f.value),
        missing: f.missing ? 'TRUE' : 'FALSE',
      });
    }
  }
  return recordRows(SNAPSHOT_TABLE, records);
}

/**
 * Read the published-figures sheet back (values from A1). A damaged table (a header
 * changed, a version unknown, a value that is not a number, a month that is not `Mmm-yy`)
 * returns an error naming the cell; it never throws and never guesses.
 *
 * @example parseSnapshotRows(snapshotsToRows([snap])) // { ok: true, value: [snap] }
 */
export function parseSnapshotRows(values: CellInput[][]): Result<Snapshot[]> {
  const parsed = parseRecordRows(SNAPSHOT_TABLE, values);
  if (!parsed.ok) return parsed;
  const byId = new Map<string, Snapshot>();
  for (const row of parsed.value) {
    const f = row.fields;
    const meta = checkMeta(row);
    if (!meta.ok) return meta;
    const id = `${f.sheet}\u0000${f.reportingMonth}\u0000${f.publishedAt}`;
    let snap = byId.get(id);
    if (!snap) {
      snap = {
        sheetName: f.sheet,
        reportingMonth: f.reportingMonth,
        publishedAt: f.publishedAt,
        ...(f.publishedBy !== '' ? { publishedBy: f.publishedBy } : {}),
        figures: [],
      };
      byId.set(id, snap);
    } else if ((snap.publishedBy ?? '') !== f.publishedBy) {
      return err('damagedRecord', msg.snapshotMixed(row.at('publishedBy'), 'publishedBy'));
    }
    if (f.key === '' && [f.ref, f.indicator, f.month, f.display, f.value, f.missing].every((t) => t === '')) continue;
    const figure = parseFigure(row);
    if (!figure.ok) return figure;
    snap.figures.push(figure.value);
  }
  return ok([...byId.values()]);
}

function checkMeta(row: RecordRow<SnapshotColumn>): Result<true> {
  const f = row.fields;
  if (f.sheet.trim() === '') return err('damagedRecord', msg.snapshotField(row.at('sheet'), 'sheet', 'is empty'));
  if (monthIndex(f.reportingMonth) === null) {
    return err('damagedRecord', msg.snapshotField(row.at('reportingMonth'), 'reportingMonth', `'${f.reportingMonth}' is not a month label such as Dec-20`));
  }
  if (Number.isNaN(Date.parse(f.publishedAt))) {
    return err('damagedRecord', msg.snapshotField(row.at('publishedAt'), 'publishedAt', `'${f.publishedAt}' is not a date and time`));
  }
  return ok(true);
}

function parseFigure(row: RecordRow<SnapshotColumn>): Result<SnapshotFigure> {
  const f = row.fields;
  if (f.key.trim() === '') return err('damagedRecord', msg.snapshotField(row.at('key'), 'key', 'is empty'));
  if (monthIndex(f.month) === null) {
    return err('damagedRecord', msg.snapshotField(row.at('month'), 'month', `'${f.month}' is not a month label such as Oct-20`));
  }
  if (f.missing !== 'TRUE' && f.missing !== 'FALSE') {
    return err('damagedRecord', msg.snapshotField(row.at('missing'), 'missing', `'${f.missing}' is neither TRUE nor FALSE`));
  }
  const missing = f.missing === 'TRUE';
  let value: number | null = null;
  if (f.value.trim() !== '') {
    value = Number(f.value);
    if (!Number.isFinite(value)) {
      return err('damagedRecord', msg.snapshotField(row.at('value'), 'value', `'${f.value}' is not a number`));
    }
  }
  // A placeholder is missing, never 0: a row claiming both is damaged, not half-believed.
  if (missing !== (value === null)) {
    return err('damagedRecord', msg.snapshotField(row.at('value'), 'value', missing ? 'is set on a missing figure' : 'is empty on a figure that is not missing'));
  }
  return ok({ key: f.key, ref: f.ref, indicator: f.indicator, month: f.month, display: f.display, value, missing });
}

/**
 * The stored snapshots with `snapshot` added, replacing an earlier publication of the same
 * sheet and month (publishing twice keeps the later figures, not both).
 *
 * @example withSnapshot([dec20], dec20again).length // 1
 */
export function withSnapshot(stored: readonly Snapshot[], snapshot: Snapshot): Snapshot[] {
  return [...stored.filter((s) => !(sameSheetName(s.sheetName, snapshot.sheetName) && s.reportingMonth === snapshot.reportingMonth)), snapshot];
}
