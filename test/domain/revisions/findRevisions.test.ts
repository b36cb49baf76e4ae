import { currentFigures, findRevisions, snapshotFromTables } from '../../../src/domain/revisions/figures';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { syntheticGrid } from '../../fixtures/seedGrids';
import { findRevisionsInFigures, revisionId } from '../../../src/domain/revisions/findRevisions';
import type { CurrentFigure, Snapshot, SnapshotFigure } from '../../../src/domain/revisions/types';

const fig = (key: string, month: string, display: string, value: number | null): SnapshotFigure => ({
  key, ref: key.split(' ')[0], indicator: `Indicator ${key}`, month, display, value, missing: value === null,
});
const cur = (f: SnapshotFigure, row: number, col: number): CurrentFigure => ({ ...f, sheetName: 'Jan-21', row, col });
const published: Snapshot = {
  sheetName: 'Dec-20', reportingMonth: 'Dec-20', publishedAt: '2021-01-08T10:00:00Z',
  figures: [fig('1.1', 'Oct-20', '325', 325), fig('1.1', 'Nov-20', '353', 353), fig('1.1', 'Dec-20', '311', 311)],
};

describe('findRevisionsInFigures', () => {
  it('does not count a month on one side only: the dropped Oct-20, the new Jan-21', () => {
    const current = [cur(fig('1.1', 'Nov-20', '353', 353), 10, 6), cur(fig('1.1', 'Dec-20', '311', 311), 10, 7), cur(fig('1.1', 'Jan-21', '290', 290), 10, 8)];
    expect(findRevisionsInFigures(published, current)).toEqual([]);
  });

  it('does not count a new indicator', () => {
    expect(findRevisionsInFigures(published, [cur(fig('2.3', 'Nov-20', '12', 12), 11, 6)])).toEqual([]);
  });

  it('matches by key and month, not by the cell the figure was in', () => {
    // Nov-20 published in column H is now in G, and Dec-20 sits where Nov-20 was.
    const current = [cur(fig('1.1', 'Nov-20', '353', 353), 20, 6), cur(fig('1.1', 'Dec-20', '315', 315), 20, 7)];
    const found = findRevisionsInFigures(published, current);
    expect(found.map((r) => [r.id, r.address, r.change])).toEqual([[revisionId('1.1', 'Dec-20'), "'Jan-21'!H21", '+4']]);
  });

  it('does not confuse 6.1 with 6.10', () => {
    const snap: Snapshot = { ...published, figures: [fig('6.1', 'Nov-20', '84', 84), fig('6.10', 'Nov-20', '12', 12)] };
    const current = [cur(fig('6.10', 'Nov-20', '12', 12), 5, 6), cur(fig('6.1', 'Nov-20', '84', 84), 6, 6)];
    expect(findRevisionsInFigures(snap, current)).toEqual([]);
  });

  it('lists revisions in sheet order and does not mutate its inputs', () => {
    const current = [cur(fig('1.1', 'Dec-20', '300', 300), 9, 7), cur(fig('1.1', 'Nov-20', '350', 350), 9, 6)];
    const copy = JSON.parse(JSON.stringify(current));
    const found = findRevisionsInFigures(published, current);
    expect(found.map((r) => r.month)).toEqual(['Nov-20', 'Dec-20']);
    expect(current).toEqual(copy);
  });
});

describe('findRevisions (tables) answers as findRevisionsInFigures(currentFigures)', () => {
  const grid = syntheticGrid(120, 6);
  const read = readScorecard(grid, { convention: 'performance' });
  if (!read.ok) throw new Error(read.error.message);
  const tables = read.value;
  const snapshot = snapshotFromTables(tables, { publishedAt: '2021-01-08T10:00:00Z' });
  // One figure in 7 published differently, one in 11 published as a placeholder, one indicator in 5 not published.
  const figures = snapshot.figures
    .filter((f, i) => i % 5 !== 0 || f.month !== snapshot.figures[0]!.month)
    .map((f, i) => (i % 7 === 0 && f.value !== null ? { ...f, value: f.value + 1, display: `${f.display}9` } : i % 11 === 0 ? { ...f, value: null, display: 'TBC', missing: true } : f));
  const published: Snapshot = { ...snapshot, figures: [...figures, ...figures.slice(0, 10).map((f) => ({ ...f, display: 'second copy' }))] };

  it.each([
    ['the sheet as read', tables],
    ['tables in reverse order, rows reversed', [...tables].reverse().map((t) => ({ ...t, indicators: [...t.indicators].reverse() }))],
    ['every table twice (one id at one address twice)', [...tables, ...tables]],
    ['a row repeated one row lower (one id at two addresses)', tables.map((t) => ({ ...t, indicators: [...t.indicators, ...t.indicators.slice(0, 3).map((r) => ({ ...r, months: r.months.map((m) => ({ ...m, row: m.row - 1, text: '1' })) }))] }))],
  ])('%s', (_name, current) => {
    const expected = findRevisionsInFigures(published, currentFigures(current));
    expect(expected.length).toBeGreaterThan(10);
    expect(findRevisions(published, current)).toEqual(expected);
  });
});
