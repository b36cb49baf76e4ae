import type { IndicatorRow, MonthValue, ScorecardTable } from '../sheet/scorecard';
import { a1, qualified } from '../sheet/grid';
import { formatChange, isRevised } from './change';
import { revisionId } from './findRevisions';
import { monthIndex } from './months';
import type { CurrentFigure, Revision, Snapshot, SnapshotFigure } from './types';

/**
 * The indicator's name as a reviewer reads it: the name and, for a sub-row, its label.
 *
 * @example indicatorLabel(row) // 'Number of Open families at the end of the reporting period (Number of Children)'
 */
export function indicatorLabel(row: IndicatorRow): string {
  const name = row.name.trim();
  const sub = row.subLabel.trim();
  if (sub === '') return name;
  return name === '' ? sub : `${name} (${sub})`;
}

/**
 * The text a figure is shown as. Excel's `range.text` is `####` when the column is too
 * narrow for the number: the figure is then written as its number format would show it.
 *
 * @example shownText({ text: '####', value: { kind: 'number', value: 0.843, percent: true, decimals: 1, annotation: null } }) // '84.3%'
 */
export function shownText(cell: Pick<MonthValue, 'text' | 'value'>): string {
  const text = cell.text.trim();
  const v = cell.value;
  if (!/^#+$/.test(text) || v.kind !== 'number' || v.decimals === null) return text;
  return v.percent ? `${(v.value * 100).toFixed(v.decimals)}%` : v.value.toFixed(v.decimals);
}

function figure(row: IndicatorRow, cell: MonthValue): SnapshotFigure {
  const isNumber = cell.value.kind === 'number';
  return {
    key: row.key,
    ref: row.ref,
    indicator: indicatorLabel(row),
    month: cell.label,
    display: shownText(cell),
    // A placeholder is missing, never 0: only a parsed number carries a value.
    value: cell.value.kind === 'number' ? cell.value.value : null,
    missing: !isNumber,
  };
}

/**
 * Every monthly figure of the tables, blanks included, with the cell it lives in.
 *
 * @example currentFigures(readScorecard(grid).tables)[0] // { key: '1.0#1', month: 'Nov-20', display: '794', row: 8, col: 7, … }
 */
export function currentFigures(tables: readonly ScorecardTable[]): CurrentFigure[] {
  const out: CurrentFigure[] = [];
  for (const t of tables) {
    for (const row of t.indicators) {
      for (const cell of row.months) out.push({ ...figure(row, cell), sheetName: t.sheetName, row: cell.row, col: cell.col });
    }
  }
  return out;
}

/** Publication details of a snapshot. */
export interface PublishMeta {
  /** ISO timestamp. */
  publishedAt: string;
  publishedBy?: string;
}

/**
 * The published figures of a sheet's tables: every month column of every indicator, so
 * that next month can check the months it repeats. Blank cells are left out: a month
 * published blank has no figure to revise (see `isRevised`).
 *
 * @example snapshotFromTables(tables, { publishedAt: '2021-01-08T10:00:00Z' }).reportingMonth // 'Dec-20'
 */
export function snapshotFromTables(tables: readonly ScorecardTable[], meta: PublishMeta): Snapshot {
  const figures: SnapshotFigure[] = [];
  for (const t of tables) {
    for (const row of t.indicators) {
      for (const cell of row.months) {
        if (cell.value.kind === 'missing' && cell.value.reason === 'blank') continue;
        figures.push(figure(row, cell));
      }
    }
  }
  return {
    sheetName: tables[0]?.sheetName ?? '',
    reportingMonth: newestMonth(tables) ?? '',
    publishedAt: meta.publishedAt,
    ...(meta.publishedBy ? { publishedBy: meta.publishedBy } : {}),
    figures,
  };
}

/**
 * The newest reporting month of the tables (`Dec-20`), or null without tables.
 *
 * @example newestMonth(readScorecard(seedGrid).value) // 'Dec-20'
 */
export function newestMonth(tables: readonly ScorecardTable[]): string | null {
  let best: string | null = null;
  for (const t of tables) {
    const label = t.reportingMonth.label;
    if (best === null || (monthIndex(label) ?? -Infinity) > (monthIndex(best) ?? -Infinity)) best = label;
  }
  return best;
}

/** A current figure that matched a published one, before it is read into a `CurrentFigure`. */
interface Match {
  table: ScorecardTable;
  row: IndicatorRow;
  cell: MonthValue;
  /** Reading order, for ties (two cells at one address). */
  seq: number;
}

/**
 * The revisions of the current sheet's tables against a published snapshot, matched by
 * indicator key and month. The same answer as `findRevisionsInFigures(published,
 * currentFigures(current))`, without building a figure object per cell: an indicator the
 * snapshot does not hold is skipped whole, and only the cells that matched a published
 * figure are compared (120,000 cells at 5,000 rows x 24 months).
 *
 * @example findRevisions(publishedDec, readScorecard(janGrid).tables).map((r) => r.change) // ['+0.5 pts', 'TBC → 95.0%']
 */
export function findRevisions(published: Snapshot, current: readonly ScorecardTable[]): Revision[] {
  const before = new Map<string, Map<string, SnapshotFigure>>();
  for (const f of published.figures) {
    let byMonth = before.get(f.key);
    if (!byMonth) before.set(f.key, (byMonth = new Map()));
    // The first figure under an id wins (as in findRevisionsInFigures).
    if (!byMonth.has(f.month)) byMonth.set(f.month, f);
  }
  // The current figure an id is compared with is its first in sheet order (row, then
  // column, then reading order), as findRevisionsInFigures keeps it.
  const matched = new Map<SnapshotFigure, Match>();
  let seq = 0;
  for (const table of current) {
    for (const row of table.indicators) {
      const byMonth = before.get(row.key);
      if (!byMonth) {
        seq += row.months.length;
        continue;
      }
      for (const cell of row.months) {
        const at = seq++;
        const pub = byMonth.get(cell.label);
        if (!pub) continue;
        const held = matched.get(pub);
        if (!held || cell.row < held.cell.row || (cell.row === held.cell.row && cell.col < held.cell.col)) matched.set(pub, { table, row, cell, seq: at });
      }
    }
  }
  const revised: Array<{ revision: Revision; seq: number }> = [];
  for (const [pub, m] of matched) {
    const display = shownText(m.cell);
    const value = m.cell.value.kind === 'number' ? m.cell.value.value : null;
    // Shown the same and holding the same number: not revised, whatever isRevised would parse.
    if (display === pub.display && value === pub.value) continue;
    const p = { display: pub.display, value: pub.value };
    const c = { display, value };
    if (!isRevised(p, c)) continue;
    const { table, row, cell } = m;
    revised.push({
      seq: m.seq,
      revision: {
        id: revisionId(row.key, cell.label),
        key: row.key,
        ref: row.ref,
        indicator: indicatorLabel(row),
        month: cell.label,
        sheetName: table.sheetName,
        row: cell.row,
        col: cell.col,
        address: qualified(table.sheetName, a1(cell.row, cell.col)),
        published: p,
        current: c,
        change: formatChange(p, c),
      },
    });
  }
  revised.sort((x, y) => x.revision.row - y.revision.row || x.revision.col - y.revision.col || x.seq - y.seq);
  return revised.map((r) => r.revision);
}
