import { findRevisions, snapshotFromTables } from '../../../src/domain/revisions/figures';
import { revisionMessages as msg } from '../../../src/domain/revisions/messages';
import { parseSnapshotRows, snapshotsToRows } from '../../../src/domain/revisions/snapshotRows';
import type { Snapshot } from '../../../src/domain/revisions/types';
import { a1, qualified, type Grid } from '../../../src/domain/sheet/grid';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import type { ScorecardTable } from '../../../src/domain/sheet/scorecard';
import { seedGrid, seedGridTables, type SeedReport } from '../../fixtures/seedGrids';
import { deleteRow, findRow, insertRow, monthColumns, moveRows, renameSheet, rollMonths, typeCell } from './gridEdit';

const REF = 1; // NO. is column B in the seed grids

function tables(grid: Grid): ScorecardTable[] {
  const read = readScorecard(grid);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

function publish(grid: Grid): Snapshot {
  return snapshotFromTables(tables(grid), { publishedAt: '2021-01-08T10:00:00.000Z', publishedBy: 'Anne Hawke' });
}

/** Next month's sheet with the same figures: months rolled one column left in every table. */
function rolled(report: SeedReport, sheetName: string): Grid {
  let g = seedGrid(report);
  for (const t of seedGridTables(report)) g = rollMonths(g, t.headerTop + 1, t.bodyTop, t.bodyBottom);
  return renameSheet(g, sheetName);
}

/** Column of a month label in the table whose header is above `row`. */
function monthCol(grid: Grid, row: number, label: string): number {
  for (let h = row; h >= grid.top; h--) {
    const cols = monthColumns(grid, h);
    const hit = cols.find((c) => grid.text[h - grid.top][c - grid.left] === label);
    if (cols.length > 0 && hit !== undefined) return hit;
  }
  throw new Error(`no month ${label} above row ${row}`);
}

/** Type a figure into an indicator's month cell: `sub` rows below the row whose NO. is `ref`. */
function typeFigure(grid: Grid, ref: string, sub: number, month: string, typed: string): Grid {
  const row = findRow(grid, REF, ref) + sub;
  return typeCell(grid, row, monthCol(grid, row, month), typed);
}

function keyAt(grid: Grid, ref: string, sub: number): string {
  const row = findRow(grid, REF, ref) + sub;
  const ind = tables(grid)
    .flatMap((t) => t.indicators)
    .find((i) => i.row === row);
  if (!ind) throw new Error(`no indicator at ${ref}+${sub}`);
  return ind.key;
}

function addressOf(grid: Grid, ref: string, sub: number, month: string): string {
  const row = findRow(grid, REF, ref) + sub;
  return qualified(grid.sheetName, a1(row, monthCol(grid, row, month)));
}

describe('findRevisions on the early-help seed: December published, January re-run', () => {
  const dec = seedGrid('earlyHelp');
  const published = publish(dec);

  // January: the three revised figures, the format-only and first-report edits, then rows
  // inserted, deleted and moved, and new January figures.
  let jan = rolled('earlyHelp', 'Jan-21');
  jan = typeFigure(jan, '2.2', 1, 'Nov-20', '89.4%'); // was 88.9%
  jan = typeFigure(jan, '4.3', 0, 'Dec-20', '24'); // was `Data to be reported January`
  jan = typeFigure(jan, '11.3', 0, 'Dec-20', 'TBC'); // was 0
  jan = typeFigure(jan, '13.5', 0, 'Nov-20', '85.8%'); // was 85.80%: format only
  jan = typeFigure(jan, '9.6', 0, 'Dec-20', '91.70%'); // was 91.7%: format only
  jan = typeFigure(jan, '7.2', 0, 'Dec-20', '96.0%'); // was blank (one month in arrears): a first report
  jan = typeFigure(jan, '1.1', 0, 'Jan-21', '298'); // the new month
  jan = insertRow(jan, findRow(jan, REF, '2.2') + 2, ['', '2.3', 'A new indicator', 'Info', 'Number', '12', '14', '9']);
  jan = deleteRow(jan, findRow(jan, REF, '8.3'));
  jan = moveRows(jan, findRow(jan, REF, '11.4'), 1, findRow(jan, REF, '11.3')); // 11.4 now above 11.3
  jan = moveRows(jan, findRow(jan, REF, '5.3'), 2, findRow(jan, REF, '5.4') + 2); // 5.3's two rows below 5.4's

  const revisions = findRevisions(published, tables(jan));

  it('finds exactly the revised figures, matched by indicator and month, in sheet order', () => {
    expect(revisions.map((r) => r.id)).toEqual([
      `${keyAt(dec, '2.2', 1)}|Nov-20`,
      `${keyAt(dec, '4.3', 0)}|Dec-20`,
      `${keyAt(dec, '11.3', 0)}|Dec-20`,
    ]);
  });

  it('points each revision at the current cell, after rows moved and months shifted', () => {
    expect(revisions.map((r) => r.address)).toEqual([
      addressOf(jan, '2.2', 1, 'Nov-20'),
      addressOf(jan, '4.3', 0, 'Dec-20'),
      addressOf(jan, '11.3', 0, 'Dec-20'),
    ]);
    // Nov-20 was column H in December and is G in January.
    expect(monthCol(dec, findRow(dec, REF, '2.2'), 'Nov-20') - monthCol(jan, findRow(jan, REF, '2.2'), 'Nov-20')).toBe(1);
  });

  it('gives the published and current figures as shown and the change', () => {
    expect(revisions.map((r) => [r.published.display, r.current.display, r.change])).toEqual([
      ['88.9%', '89.4%', msg.points('+0.5')],
      ['Data to be reported January', '24', msg.changeArrow('Data to be reported January', '24')],
      ['0', 'TBC', msg.changeArrow('0', 'TBC')],
    ]);
    expect(revisions[1].published.value).toBeNull();
    expect(revisions[2].current.value).toBeNull();
    expect(revisions[0].current.value).toBeCloseTo(0.894, 10);
  });

  it('names the indicator and its NO. as the sheet shows them', () => {
    expect(revisions[0].ref).toBe('2.2');
    expect(revisions[0].indicator).toContain('Initial Contacts');
  });

  it('finds nothing in a re-run where nothing was revised, whatever moved', () => {
    let same = rolled('earlyHelp', 'Jan-21');
    same = moveRows(same, findRow(same, REF, '11.4'), 1, findRow(same, REF, '11.3'));
    same = typeFigure(same, '13.5', 0, 'Nov-20', '85.8%');
    expect(findRevisions(published, tables(same))).toEqual([]);
  });

  it('finds the same revisions against the snapshot read back from its stored rows', () => {
    const stored = parseSnapshotRows(snapshotsToRows([published]));
    expect(stored.ok).toBe(true);
    if (stored.ok) expect(findRevisions(stored.value[0], tables(jan))).toEqual(revisions);
  });

  it('does not take a placeholder for 0: `No audits undertaken` now 0 is a revision', () => {
    let feb = rolled('earlyHelp', 'Jan-21');
    feb = typeFigure(feb, '12.1', 0, 'Nov-20', '0'); // was `No audits undertaken`
    const found = findRevisions(published, tables(feb));
    expect(found.map((r) => r.change)).toEqual([msg.changeArrow('No audits undertaken', '0')]);
  });
});

describe('findRevisions on the corporate-parenting seed', () => {
  it('finds a revised count on a sheet laid out without a sub-label column', () => {
    const published = publish(seedGrid('corporateParenting'));
    // The first count published for Nov-19: still on the sheet after the roll to January.
    const first = published.figures.find((f) => f.month === 'Nov-19' && f.value !== null && /^\d+$/.test(f.display))!;
    let jan = rolled('corporateParenting', 'Jan-20');
    const cell = tables(jan)
      .flatMap((t) => t.indicators)
      .find((i) => i.key === first.key)!
      .months.find((m) => m.label === 'Nov-19')!;
    jan = typeCell(jan, cell.row, cell.col, String(first.value! + 3));
    const found = findRevisions(published, tables(jan));
    expect(found.map((r) => [r.id, r.change, r.address])).toEqual([
      [`${first.key}|Nov-19`, '+3', qualified('Jan-20', a1(cell.row, cell.col))],
    ]);
  });
});

describe('figures shown as #### (a column too narrow)', () => {
  it('publishes the figure as its number format shows it, and finds no revision in it', () => {
    const dec = seedGrid('earlyHelp');
    const row = findRow(dec, REF, '2.2') + 1;
    const col = monthCol(dec, row, 'Nov-20');
    const narrow: Grid = { ...dec, text: dec.text.map((r, i) => (i === row - dec.top ? r.map((t, j) => (j === col - dec.left ? '####' : t)) : r)) };
    const published = publish(narrow);
    const fig = published.figures.find((f) => f.key === keyAt(dec, '2.2', 1) && f.month === 'Nov-20');
    expect(fig?.display).toBe('88.9%');
    expect(findRevisions(published, tables(dec))).toEqual([]);
  });
});
