import { a1, qualified } from '../sheet/grid';
import { formatChange, isRevised } from './change';
import type { CurrentFigure, Revision, Snapshot } from './types';

/**
 * The id a revision (and its review) is known by: indicator key and month.
 *
 * @example revisionId('2.2 | #2', 'Nov-20') // '2.2 | #2|Nov-20'
 */
export function revisionId(key: string, month: string): string {
  return `${key}|${month}`;
}

/**
 * Every published figure that the current sheet shows differently, matched by indicator
 * key and month label, never by cell address: rows are inserted, removed and reordered,
 * and the month columns shift one to the left each month. A month on one side only (the
 * oldest month dropped, the new month added) and an indicator on one side only (new or
 * retired) are not revisions. Results follow the current sheet's order.
 *
 * @example
 * findRevisionsInFigures(publishedDec, figuresOfJan)
 * // [{ id: '2.2#2|Nov-20', change: '+0.5 pts', address: "'Jan-21'!H14", ... }]
 */
export function findRevisionsInFigures(published: Snapshot, current: readonly CurrentFigure[]): Revision[] {
  const before = new Map<string, Snapshot['figures'][number]>();
  for (const f of published.figures) {
    const id = revisionId(f.key, f.month);
    // The first figure under an id wins, as the sheet reader keeps keys unique; a second
    // one would be a damaged snapshot, not a second published figure.
    if (!before.has(id)) before.set(id, f);
  }
  const revisions: Revision[] = [];
  const seen = new Set<string>();
  for (const cur of [...current].sort((x, y) => x.row - y.row || x.col - y.col)) {
    const id = revisionId(cur.key, cur.month);
    if (seen.has(id)) continue;
    seen.add(id);
    const pub = before.get(id);
    if (!pub) continue;
    const p = { display: pub.display, value: pub.value };
    const c = { display: cur.display, value: cur.value };
    if (!isRevised(p, c)) continue;
    revisions.push({
      id,
      key: cur.key,
      ref: cur.ref,
      indicator: cur.indicator,
      month: cur.month,
      sheetName: cur.sheetName,
      row: cur.row,
      col: cur.col,
      address: qualified(cur.sheetName, a1(cur.row, cur.col)),
      published: p,
      current: c,
      change: formatChange(p, c),
    });
  }
  return revisions;
}
