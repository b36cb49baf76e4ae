import { chooseBaseline, latestSnapshotBefore, newestSheetBefore, previousSheetSnapshot, sheetBaseline, sheetsNamedBefore, storedBaseline } from '../../../src/domain/revisions/baseline';
import { parseSnapshotRows, SNAPSHOT_TABLE, snapshotsToRows } from '../../../src/domain/revisions/snapshotRows';
import { snapshotFromTables } from '../../../src/domain/revisions/figures';
import type { Snapshot } from '../../../src/domain/revisions/types';
import type { Grid } from '../../../src/domain/sheet/grid';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { seedGrid, seedGridTables } from '../../fixtures/seedGrids';
import { renameSheet, rollMonths } from './gridEdit';

const snap = (sheetName: string, reportingMonth: string, publishedAt: string): Snapshot => ({ sheetName, reportingMonth, publishedAt, figures: [] });

describe('latestSnapshotBefore', () => {
  const nov = snap('Nov-20', 'Nov-20', '2020-12-07T09:00:00Z');
  const dec = snap('Dec-20', 'Dec-20', '2021-01-08T10:00:00Z');
  const decAgain = snap('Dec-20', 'Dec-20', '2021-01-09T10:00:00Z');
  const jan = snap('Jan-21', 'Jan-21', '2021-02-05T10:00:00Z');

  it.each([
    ['Jan-21', [nov, dec, jan], dec],
    ['Jan-21', [jan, dec, nov], dec],
    ['Jan-21', [nov, decAgain, dec], decAgain],
    ['Feb-21', [nov, dec], dec], // January was never published: December is what readers last saw
    ['Dec-20', [dec, jan], null],
    ['Jan-21', [], null],
  ])('for %s picks the newest earlier publication (%#)', (month, stored, expected) => {
    expect(latestSnapshotBefore(stored, month)).toBe(expected);
  });
});

describe('sheetsNamedBefore', () => {
  it('lists sheets named after an earlier month, newest first, in the spellings analysts use', () => {
    expect(sheetsNamedBefore(['Notes', 'Oct 20', 'December 2020', 'Jan-21', 'Nov-20', 'Feb-21'], 'Jan-21')).toEqual(['December 2020', 'Nov-20', 'Oct 20']);
  });
});

describe('previousSheetSnapshot: several sheets in one workbook', () => {
  const dec = seedGrid('earlyHelp');
  // December's report under a name that says nothing about its month.
  const renamed = renameSheet(dec, 'Report (2)');
  let jan = dec;
  for (const t of seedGridTables('earlyHelp')) {
    jan = rollMonths(jan, t.headerTop + 1, t.bodyTop, t.bodyBottom);
  }
  jan = renameSheet(jan, 'Jan-21');
  const read = (g: Grid) => {
    const r = readScorecard(g);
    if (!r.ok) throw new Error(r.error.message);
    return { sheetName: g.sheetName, tables: r.value };
  };
  const corporate = read(seedGrid('corporateParenting')); // Dec-19: older
  const meta = { publishedAt: '2021-01-20T09:00:00.000Z' };

  it("finds last month's sheet by its month headers, whatever its name", () => {
    const s = previousSheetSnapshot([corporate, read(renamed), read(jan)], 'Jan-21', 'Jan-21', meta);
    expect(s?.sheetName).toBe('Report (2)');
    expect(s?.reportingMonth).toBe('Dec-20');
    expect(s).toEqual(snapshotFromTables(read(renamed).tables, meta));
  });

  it('never takes the sheet under review, nor a later month', () => {
    expect(previousSheetSnapshot([read(jan)], 'Jan-21', 'Jan-21', meta)).toBeNull();
    expect(previousSheetSnapshot([read(jan), read(renamed)], 'Report (2)', 'Dec-20', meta)).toBeNull();
  });

  it('takes an older report when it is the newest earlier one', () => {
    expect(previousSheetSnapshot([corporate, read(jan)], 'Jan-21', 'Jan-21', meta)?.reportingMonth).toBe('Dec-19');
  });

  it('leaves out blank cells: a month published blank has no figure', () => {
    const s = previousSheetSnapshot([read(renamed)], 'Jan-21', 'Jan-21', meta)!;
    expect(s.figures.every((f) => f.display !== '')).toBe(true);
    expect(s.figures.filter((f) => f.missing).map((f) => f.display)).toContain('Data to be reported January');
  });
});

describe('chooseBaseline: the one baseline choice of the pane and the CLI', () => {
  const dec = seedGrid('earlyHelp');
  const read = (g: Grid) => {
    const r = readScorecard(g);
    if (!r.ok) throw new Error(r.error.message);
    return { sheetName: g.sheetName, tables: r.value };
  };
  const meta = { publishedAt: '2021-01-20T09:00:00.000Z' };
  const decSnapshot = snapshotFromTables(read(dec).tables, { publishedAt: '2021-01-08T10:00:00.000Z' });
  const stored = snapshotsToRows([decSnapshot]);

  it('takes the snapshot stored at publication over the sheet, and needs no sheet read', () => {
    const s = storedBaseline(stored, 'Jan-21');
    expect(s.baseline?.source).toEqual({ kind: 'snapshot', publishedAt: decSnapshot.publishedAt, month: 'Dec-20', sheetName: 'Dec-20' });
    expect(chooseBaseline(s, [], { sheet: 'Jan-21', month: 'Jan-21' }, meta)).toEqual({ baseline: s.baseline, damaged: null });
  });

  it('falls back to the newest earlier sheet when nothing was published before this month', () => {
    const s = storedBaseline(stored, 'Dec-20');
    expect(s).toEqual({ baseline: null, damaged: null });
    const choice = chooseBaseline(s, [read(seedGrid('corporateParenting'))], { sheet: 'Dec-20', month: 'Dec-20' }, meta);
    expect(choice.baseline?.source).toEqual({ kind: 'sheet', sheetName: 'Dec-19', month: 'Dec-19' });
    expect(choice.damaged).toBeNull();
  });

  it('falls back to the sheet, and says why, when the stored snapshot is damaged', () => {
    const damaged = stored.map((r) => [...r]);
    damaged[2][SNAPSHOT_TABLE.columns.indexOf('value')] = 'lots';
    const s = storedBaseline(damaged, 'Jan-21');
    const parsed = parseSnapshotRows(damaged);
    expect(parsed.ok).toBe(false);
    expect(s).toEqual({ baseline: null, damaged: parsed.ok ? null : parsed.error });
    const choice = chooseBaseline(s, [read(renameSheet(dec, 'Report'))], { sheet: 'Jan-21', month: 'Jan-21' }, meta);
    expect([choice.baseline?.source, choice.damaged?.code]).toEqual([{ kind: 'sheet', sheetName: 'Report', month: 'Dec-20' }, 'damagedRecord']);
  });

  it('excludes the sheet under review by name, in any case, and none when it is in another file', () => {
    expect(chooseBaseline(storedBaseline(null, 'Jan-21'), [read(dec)], { sheet: 'DEC-20', month: 'Jan-21' }, meta).baseline).toBeNull();
    expect(chooseBaseline(storedBaseline(null, 'Jan-21'), [read(dec)], { sheet: null, month: 'Jan-21' }, meta).baseline?.snapshot.sheetName).toBe('Dec-20');
  });
});

describe('newestSheetBefore (the choice of previousSheetSnapshot, from each sheet\'s newest month)', () => {
  const sheets = [
    { sheetName: 'Notes', month: null },
    { sheetName: 'Nov-20', month: 'Nov-20' },
    { sheetName: 'Dec-20 copy', month: 'Dec-20' },
    { sheetName: 'Dec-20', month: 'Dec-20' },
    { sheetName: 'Jan-21', month: 'Jan-21' },
  ];

  it('takes the first sheet of the newest month before the current one', () => {
    expect(newestSheetBefore(sheets, null, 'Jan-21')?.sheetName).toBe('Dec-20 copy');
    expect(newestSheetBefore(sheets, null, 'Dec-20')?.sheetName).toBe('Nov-20');
    expect(newestSheetBefore(sheets, null, 'Feb-21')?.sheetName).toBe('Jan-21');
  });

  it('never takes the sheet under review, a sheet without tables, or none when nothing is older', () => {
    expect(newestSheetBefore(sheets, 'DEC-20 COPY', 'Jan-21')?.sheetName).toBe('Dec-20');
    expect(newestSheetBefore(sheets, null, 'Nov-20')).toBeNull();
    expect(newestSheetBefore([{ sheetName: 'Notes', month: null }], null, 'Jan-21')).toBeNull();
  });

  it('gives chooseBaseline\'s answer through sheetBaseline when no stored snapshot serves', () => {
    const damaged = { baseline: null, damaged: { code: 'damagedRecord' as const, message: 'x' } };
    const s = snap('Dec-20', 'Dec-20', '2021-01-08T10:00:00Z');
    expect(sheetBaseline(damaged, s)).toEqual({ baseline: { source: { kind: 'sheet', sheetName: 'Dec-20', month: 'Dec-20' }, snapshot: s }, damaged: damaged.damaged });
    expect(sheetBaseline(storedBaseline(null, 'Jan-21'), null)).toEqual({ baseline: null, damaged: null });
  });
});
