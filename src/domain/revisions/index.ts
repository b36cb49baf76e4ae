/** Public API of the revisions engine: published figures, revisions, highlights, reviews. */
export * from './types';
export { revisionMessages } from './messages';
export { shownNumber, sameAtShownPrecision, type ShownNumber } from './precision';
export { isRevised, formatChange } from './change';
export { monthIndex } from './months';
export { revisionId, findRevisionsInFigures } from './findRevisions';
export { currentFigures, snapshotFromTables, findRevisions, newestMonth, indicatorLabel, shownText, type PublishMeta } from './figures';
export { SNAPSHOT_TABLE, snapshotsToRows, parseSnapshotRows, withSnapshot } from './snapshotRows';
export { HIGHLIGHT_TABLE, highlightsToRows, parseHighlightRows } from './highlightRows';
export {
  HIGHLIGHT_FILL,
  planHighlights,
  planClearHighlights,
  highlightNote,
  sameFill,
  splitRecords,
  recordsForCopy,
  type HighlightPlan,
  type HighlightWrite,
  type ClearPlan,
  type FillRestore,
} from './highlights';
export {
  REVIEW_TABLE,
  LOG_SHEET,
  LOG_HEADER,
  reviewsToRows,
  parseReviewRows,
  reviewRecord,
  withReviews,
  logRow,
  isLogHeader,
  type ReviewedRevision,
} from './reviews';
export { hasRecordHeader, cellText, type RecordTableSpec } from './recordTable';
export {
  latestSnapshotBefore,
  sheetsNamedBefore,
  previousSheetSnapshot,
  type Baseline,
  type BaselineKind,
  type ReadSheet,
} from './baseline';
