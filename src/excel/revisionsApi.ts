/**
 * The revisions operations as one object, for `addinApi.ts` to wire to the pane's AddinApi:
 *
 *   loadRevisions:      runExcel((c) => revisionsApi.loadRevisions(c))
 *   compareWithFile:    runExcel((c) => revisionsApi.compareWithFile(c, name, data)) — keep
 *                       `value.snapshot` and pass it back as `{ picked: { fileName, snapshot } }`
 *                       to highlight/mark so they follow the same comparison
 *   highlightRevisions: runExcel((c) => revisionsApi.highlightRevisions(c, options))
 *   clearHighlights:    runExcel((c) => revisionsApi.clearHighlights(c))
 *   markRevision:       runExcel((c) => revisionsApi.markRevision(c, id, status, comment, { user }))
 *   publish:            runExcel((c) => revisionsApi.publish(c, { user }))
 *
 * Every function takes the request context it is given and returns an Outcome.
 */
import { clearHighlights, highlightRevisions, loadHighlightRecords, loadRevisions, markRevision, publish } from './revisions';
import { compareWithFile } from './revisionsFile';

export type { LoadedRevisions, RevisionsOptions } from './revisions';

export const revisionsApi = {
  loadRevisions,
  compareWithFile,
  highlightRevisions,
  clearHighlights,
  markRevision,
  publish,
  loadHighlightRecords,
} as const;
