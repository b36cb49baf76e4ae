import { err, ok, type EngineError, type Result } from '../result';
import { sheetNameKey } from '../sheet/grid';
import type { CellInput } from '../types';
import { revisionMessages as msg } from './messages';
import { cellText, parseRecordRows, recordRows, type RecordTableSpec } from './recordTable';
import type { ReviewDecision, ReviewRecord, Revision } from './types';

export const REVIEW_COLUMNS = ['version', 'sheet', 'revisionId', 'status', 'comment', 'reviewer', 'at', 'published', 'current'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** The hidden sheet of reviewers' decisions, one row a decision (the last one counts). */
export const REVIEW_TABLE: RecordTableSpec<ReviewColumn> = {
  sheetName: 'PERF Reviews',
  columns: REVIEW_COLUMNS,
  version: '1',
};

/** What the pane shows for a revision: the revision and the decision that still applies. */
export interface ReviewedRevision extends Revision {
  status: 'pending' | ReviewDecision;
  comment?: string;
  reviewer?: string;
  at?: string;
}

/**
 * Rows of strings (header first) for the review records.
 *
 * @example reviewsToRows([]) // [['version', 'sheet', 'revisionId', …]]
 */
export function reviewsToRows(records: readonly ReviewRecord[]): string[][] {
  return recordRows(
    REVIEW_TABLE,
    records.map((r) => ({
      sheet: r.sheet,
      revisionId: r.revisionId,
      status: r.status,
      comment: r.comment,
      reviewer: r.reviewer,
      at: r.at,
      published: r.published,
      current: r.current,
    })),
  );
}

/**
 * Read the review records back; a damaged row returns an error naming its cell.
 *
 * @example parseReviewRows(reviewsToRows(records)) // { ok: true, value: records }
 */
export function parseReviewRows(values: CellInput[][]): Result<ReviewRecord[]> {
  const parsed = parseRecordRows(REVIEW_TABLE, values);
  if (!parsed.ok) return parsed;
  const out: ReviewRecord[] = [];
  for (const row of parsed.value) {
    const f = row.fields;
    if (f.status !== 'reviewed' && f.status !== 'queried') {
      return err('damagedRecord', msg.recordField(row.at('status'), 'status', `'${f.status}' is neither reviewed nor queried`));
    }
    if (Number.isNaN(Date.parse(f.at))) return err('damagedRecord', msg.recordField(row.at('at'), 'at', `'${f.at}' is not a date and time`));
    if (f.revisionId.trim() === '') return err('damagedRecord', msg.recordField(row.at('revisionId'), 'revisionId', 'is empty'));
    out.push({
      revisionId: f.revisionId,
      sheet: f.sheet,
      status: f.status,
      comment: f.comment,
      reviewer: f.reviewer,
      at: f.at,
      published: f.published,
      current: f.current,
    });
  }
  return ok(out);
}

/** The review decisions to show beside the revisions, and why none could be read. */
export interface ReviewsToShow {
  records: ReviewRecord[];
  /** Set when the review sheet cannot be read (`notOurSheet` or `damagedRecord`, naming the sheet or cell). */
  damaged: EngineError | null;
}

/**
 * The review decisions for showing revisions (`values`: the review sheet from A1, null when
 * absent). The damaged-records rule (see recordTable.ts): showing only reads them, so an
 * unreadable review sheet does not stop the comparison: every revision shows as pending and
 * `damaged` says why. Recording a decision writes the sheet and uses `parseReviewRows`,
 * which refuses instead.
 *
 * @example reviewsToShow(null) // { records: [], damaged: null }
 */
export function reviewsToShow(values: CellInput[][] | null): ReviewsToShow {
  if (values === null) return { records: [], damaged: null };
  const parsed = parseReviewRows(values);
  return parsed.ok ? { records: parsed.value, damaged: null } : { records: [], damaged: parsed.error };
}

/**
 * A reviewer's decision on a revision, remembering what they saw: if the figure moves
 * again, the decision no longer applies and the revision is pending once more.
 *
 * @example reviewRecord(rev, 'sheet', 'queried', 'Why up?', 'A. Hawke', '2021-01-12T09:00:00Z').status // 'queried'
 */
export function reviewRecord(rev: Revision, status: ReviewDecision, comment: string, reviewer: string, at: string): ReviewRecord {
  return {
    revisionId: rev.id,
    sheet: rev.sheetName,
    status,
    comment,
    reviewer,
    at,
    published: rev.published.display,
    current: rev.current.display,
  };
}

/**
 * The revisions with the latest decision that still applies to each (same sheet, its name
 * compared as Excel compares sheet names; same id;
 * and the same published and current figures the reviewer saw); the rest are pending.
 *
 * @example withReviews([rev], [record])[0].status // 'reviewed'
 */
export function withReviews(revisions: readonly Revision[], records: readonly ReviewRecord[]): ReviewedRevision[] {
  const latest = new Map<string, ReviewRecord>();
  for (const r of records) {
    const id = `${sheetNameKey(r.sheet)}\u0000${r.revisionId}`;
    const prev = latest.get(id);
    // ISO timestamps order as text; a tie keeps the later row (appended later).
    if (!prev || r.at >= prev.at) latest.set(id, r);
  }
  return revisions.map((rev) => {
    const r = latest.get(`${sheetNameKey(rev.sheetName)}\u0000${rev.id}`);
    if (!r || r.published !== rev.published.display || r.current !== rev.current.display) {
      return { ...rev, status: 'pending' as const };
    }
    return { ...rev, status: r.status, comment: r.comment, reviewer: r.reviewer, at: r.at };
  });
}

/** The visible `Revisions log` sheet: one row a decision, for people, kept with the file. */
export const LOG_SHEET = 'Revisions log';
export const LOG_HEADER = ['When', 'Reviewer', 'Sheet', 'NO.', 'Indicator', 'Month', 'Published', 'Now', 'Change', 'Status', 'Comment', 'Cell'] as const;

/**
 * One row of the Revisions log for a decision.
 *
 * @example logRow(rev, record) // ['2021-01-12T09:00:00Z', 'A. Hawke', 'Jan-21', '2.2', …]
 */
export function logRow(rev: Revision, record: ReviewRecord): string[] {
  return [
    record.at,
    record.reviewer,
    rev.sheetName,
    rev.ref,
    rev.indicator,
    rev.month,
    rev.published.display,
    rev.current.display,
    rev.change,
    record.status,
    record.comment,
    rev.address,
  ];
}

/**
 * Whether a sheet's first row is the log's header: the add-in appends only to its own log,
 * never to a user's sheet that happens to be called `Revisions log`.
 *
 * @example isLogHeader([[...LOG_HEADER]]) // true
 */
export function isLogHeader(values: CellInput[][]): boolean {
  const first = (values[0] ?? []).map(cellText);
  return LOG_HEADER.every((h, i) => first[i]?.trim() === h);
}
