import fc from 'fast-check';
import { revisionMessages as msg } from '../../../src/domain/revisions/messages';
import { parseSnapshotRows, SNAPSHOT_TABLE, snapshotsToRows, withSnapshot } from '../../../src/domain/revisions/snapshotRows';
import type { Snapshot } from '../../../src/domain/revisions/types';
import { qualified } from '../../../src/domain/sheet/grid';
import type { CellInput } from '../../../src/domain/types';

const dec: Snapshot = {
  sheetName: 'Dec-20',
  reportingMonth: 'Dec-20',
  publishedAt: '2021-01-08T10:15:00.000Z',
  publishedBy: 'Anne Hawke',
  figures: [
    { key: '2.2#2', ref: '2.2', indicator: 'Number and % of Initial Contacts made within Three working days', month: 'Oct-20', display: '84.3%', value: 0.843, missing: false },
    { key: '6.10', ref: '6.10', indicator: 'Stability of placements', month: 'Nov-20', display: '0.1', value: 0.1 + 0.2 - 0.2, missing: false },
    { key: '4.3#1', ref: '4.3', indicator: 'Re-referrals (Number of families)', month: 'Dec-20', display: 'Data to be reported January', value: null, missing: true },
    { key: '7.1#1', ref: '7.1', indicator: 'Persistently Absent, "Primary"', month: 'Oct-20', display: '13.7% (HT1)', value: 0.137, missing: false },
  ],
};
const nov: Snapshot = { sheetName: 'Nov-20', reportingMonth: 'Nov-20', publishedAt: '2020-12-07T09:00:00.000Z', figures: [] };

function col(name: (typeof SNAPSHOT_TABLE.columns)[number]): number {
  return SNAPSHOT_TABLE.columns.indexOf(name);
}

function damaged(row: number, column: (typeof SNAPSHOT_TABLE.columns)[number], value: CellInput): CellInput[][] {
  const rows: CellInput[][] = snapshotsToRows([dec]).map((r) => [...r]);
  rows[row][col(column)] = value;
  return rows;
}

describe('snapshot rows', () => {
  it('round-trips snapshots exactly, values to the last bit, placeholders as missing', () => {
    const parsed = parseSnapshotRows(snapshotsToRows([nov, dec]));
    expect(parsed).toEqual({ ok: true, value: [nov, dec] });
  });

  it('keeps the NO. 6.10 and the month Oct-20 as text (Excel would make them 6.1 and a date)', () => {
    const rows = snapshotsToRows([dec]);
    expect(rows.every((r) => r.every((c) => typeof c === 'string'))).toBe(true);
    expect(rows[2][col('ref')]).toBe('6.10');
    expect(rows[1][col('month')]).toBe('Oct-20');
  });

  it('starts with a header row and gives every row the version', () => {
    const rows = snapshotsToRows([dec]);
    expect(rows[0]).toEqual([...SNAPSHOT_TABLE.columns]);
    expect(rows.slice(1).every((r) => r[0] === SNAPSHOT_TABLE.version)).toBe(true);
  });

  it('reads rows in any order (a person sorted the sheet) into the same snapshots', () => {
    const [header, ...body] = snapshotsToRows([dec]);
    const parsed = parseSnapshotRows([header, ...[...body].reverse()]);
    expect(parsed.ok && parsed.value[0].figures.map((f) => f.key).sort()).toEqual(dec.figures.map((f) => f.key).sort());
  });

  it('reads back cells a person retyped, which Excel stored as a number or a boolean', () => {
    const rows = damaged(1, 'value', 0.843);
    rows[1][col('missing')] = false;
    const parsed = parseSnapshotRows(rows);
    expect(parsed.ok && parsed.value[0].figures[0]).toEqual(dec.figures[0]);
  });

  it('skips blank rows (a person cleared a record)', () => {
    const rows: CellInput[][] = snapshotsToRows([dec]);
    rows.splice(2, 0, [null, '', null]);
    const parsed = parseSnapshotRows(rows);
    expect(parsed.ok && parsed.value[0].figures).toHaveLength(dec.figures.length);
  });

  const at = (row: number, column: (typeof SNAPSHOT_TABLE.columns)[number]) =>
    qualified(SNAPSHOT_TABLE.sheetName, `${String.fromCharCode(65 + col(column))}${row + 1}`);

  it.each([
    ['a value that is not a number', damaged(1, 'value', '84.3%'), msg.snapshotField(at(1, 'value'), 'value', "'84.3%' is not a number")],
    ['a month Excel turned into a date', damaged(1, 'month', 44105), msg.snapshotField(at(1, 'month'), 'month', "'44105' is not a month label such as Oct-20")],
    ['a placeholder with a value', damaged(3, 'value', '0'), msg.snapshotField(at(3, 'value'), 'value', 'is set on a missing figure')],
    ['a number without its value', damaged(1, 'value', ''), msg.snapshotField(at(1, 'value'), 'value', 'is empty on a figure that is not missing')],
    ['an unknown missing flag', damaged(1, 'missing', 'maybe'), msg.snapshotField(at(1, 'missing'), 'missing', "'maybe' is neither TRUE nor FALSE")],
    ['an empty key', damaged(2, 'key', ''), msg.snapshotField(at(2, 'key'), 'key', 'is empty')],
    ['a publication time that is not a time', damaged(1, 'publishedAt', 'yesterday'), msg.snapshotField(at(1, 'publishedAt'), 'publishedAt', "'yesterday' is not a date and time")],
    ['a version from another add-in release', damaged(2, 'version', '2'), msg.recordVersion(at(2, 'version'), '2')],
    ['a reporting month that is not a month', damaged(1, 'reportingMonth', 'December'), msg.snapshotField(at(1, 'reportingMonth'), 'reportingMonth', "'December' is not a month label such as Dec-20")],
  ])('returns an error naming the cell for %s', (_what, rows, message) => {
    expect(parseSnapshotRows(rows)).toEqual({ ok: false, error: { code: 'damagedRecord', message } });
  });

  it('returns an error for a sheet whose first row is not the header (a user sheet of that name)', () => {
    const result = parseSnapshotRows([['Budget', 'Q1'], ['x', 1]]);
    expect(result).toEqual({ ok: false, error: { code: 'notOurSheet', message: msg.notOurSheet(SNAPSHOT_TABLE.sheetName) } });
  });

  it('returns an error when one snapshot has two publishers (rows of two publications mixed)', () => {
    const result = parseSnapshotRows(damaged(2, 'publishedBy', 'Someone else'));
    expect(result).toEqual({ ok: false, error: { code: 'damagedRecord', message: msg.snapshotMixed(at(2, 'publishedBy'), 'publishedBy') } });
  });

  it('never throws, whatever the cells hold', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('1', 'TRUE', 'FALSE', 'Oct-20', ''));
    const header = [...SNAPSHOT_TABLE.columns];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 6 }), fc.boolean(), (rows, withHeader) => {
        const result = parseSnapshotRows(withHeader ? [header, ...rows] : rows);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('withSnapshot', () => {
  it('replaces an earlier publication of the same sheet and month, keeps the others', () => {
    const again = { ...dec, publishedAt: '2021-01-09T08:00:00.000Z', figures: dec.figures.slice(0, 1) };
    const stored = withSnapshot([nov, dec], again);
    expect(stored).toEqual([nov, again]);
  });

  it('does not mutate the stored list', () => {
    const stored = [nov];
    withSnapshot(stored, dec);
    expect(stored).toEqual([nov]);
  });
});
