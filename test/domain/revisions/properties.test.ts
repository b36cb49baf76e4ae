import fc from 'fast-check';
import { formatChange, isRevised } from '../../../src/domain/revisions/change';
import { findRevisionsInFigures } from '../../../src/domain/revisions/findRevisions';
import { HIGHLIGHT_FILL, planClearHighlights, planHighlights, recordsForCopy, splitRecords } from '../../../src/domain/revisions/highlights';
import type { CellFill, CurrentFigure, HighlightRecord, Snapshot, SnapshotFigure } from '../../../src/domain/revisions/types';

/** A percentage as a scorecard shows it: `value` in tenths of a percent, with `decimals` shown. */
function percentText(tenths: number, decimals: number): string {
  return `${(tenths / 10).toFixed(decimals)}%`;
}

const MONTHS = ['Oct-20', 'Nov-20', 'Dec-20'];

const figures = fc.uniqueArray(
  fc.record({ ref: fc.integer({ min: 1, max: 40 }), month: fc.integer({ min: 0, max: 2 }), tenths: fc.integer({ min: 0, max: 1000 }), placeholder: fc.boolean() }),
  { selector: (f) => `${f.ref}|${f.month}`, minLength: 1, maxLength: 30 },
);

function figure(f: { ref: number; month: number; tenths: number; placeholder: boolean }, decimals = 1): SnapshotFigure {
  const display = f.placeholder ? 'TBC' : percentText(f.tenths, decimals);
  return { key: String(f.ref), ref: String(f.ref), indicator: `Indicator ${f.ref}`, month: MONTHS[f.month], display, value: f.placeholder ? null : f.tenths / 1000, missing: f.placeholder };
}

function snapshot(fs: SnapshotFigure[]): Snapshot {
  return { sheetName: 'Dec-20', reportingMonth: 'Dec-20', publishedAt: '2021-01-08T10:00:00Z', figures: fs };
}

describe('revision invariants', () => {
  it('finds the same revisions however the rows are ordered or moved', () => {
    fc.assert(
      fc.property(figures, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 30, maxLength: 30 }), fc.integer({ min: 0, max: 50 }), (fs, deltas, shift) => {
        const published = snapshot(fs.map((f) => figure(f)));
        const current: CurrentFigure[] = fs.map((f, i) => ({ ...figure({ ...f, tenths: f.tenths + (deltas[i] % 3) }), sheetName: 'Jan-21', row: 10 + f.ref, col: 6 + f.month }));
        const moved = current.map((c) => ({ ...c, row: 100 - c.row + shift, col: c.col - 1 }));
        const ids = (cs: CurrentFigure[]) => findRevisionsInFigures(published, cs).map((r) => `${r.id} ${r.change}`).sort();
        expect(ids(moved)).toEqual(ids(current));
      }),
    );
  });

  it('never reports a change of format alone (more decimals shown) as a revision', () => {
    fc.assert(
      fc.property(figures, fc.integer({ min: 2, max: 4 }), (fs, decimals) => {
        const published = snapshot(fs.map((f) => figure(f)));
        const current: CurrentFigure[] = fs.map((f) => ({ ...figure(f, decimals), sheetName: 'Jan-21', row: f.ref, col: f.month }));
        expect(findRevisionsInFigures(published, current)).toEqual([]);
      }),
    );
  });

  it('always reports a placeholder replaced by a number, 0 included, and the reverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('TBC', 'n/a', '-', 'Data to be reported January', 'No audits undertaken'), (tenths, placeholder) => {
        const number = { display: percentText(tenths, 1), value: tenths / 1000 };
        const missing = { display: placeholder, value: null };
        expect(isRevised(missing, number)).toBe(true);
        expect(isRevised(number, missing)).toBe(true);
        expect(formatChange(missing, number)).toContain(placeholder);
      }),
    );
  });

  it('gives a change whose sign follows the figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 100000 }), (a, b) => {
        fc.pre(a !== b);
        const change = formatChange({ display: String(a), value: a }, { display: String(b), value: b });
        expect(change).toBe(b > a ? `+${b - a}` : `-${a - b}`);
      }),
    );
  });
});

describe('highlight invariants', () => {
  const cells = fc.uniqueArray(
    fc.record({ row: fc.integer({ min: 1, max: 60 }), fill: fc.constantFrom<string | null>(null, '#FFFF00', '#DDEBF7', '#C6EFCE', '#FFFFFF') }),
    { selector: (c) => c.row, minLength: 1, maxLength: 25 },
  );

  it("highlight then clear gives every cell back exactly the user's fill", () => {
    fc.assert(
      fc.property(cells, (cs) => {
        const published = snapshot(cs.map((c) => figure({ ref: c.row, month: 1, tenths: 500, placeholder: false })));
        const current: CurrentFigure[] = cs.map((c) => ({ ...figure({ ref: c.row, month: 1, tenths: 501, placeholder: false }), sheetName: 'Jan-21', row: c.row, col: 7 }));
        const revisions = findRevisionsInFigures(published, current);
        const before: CellFill[] = cs.map((c) => ({ sheet: 'Jan-21', address: `H${c.row + 1}`, fill: c.fill, note: null }));
        const plan = planHighlights(revisions, before);
        const after: CellFill[] = plan.writes.map((w) => ({ sheet: w.sheet, address: w.address, fill: w.fill, note: w.note.action === 'none' ? null : w.note.text }));
        expect(after.every((f) => f.fill === HIGHLIGHT_FILL)).toBe(true);
        const clear = planClearHighlights(plan.records, after);
        const restored = new Map(clear.restores.map((r) => [r.address, r.fill]));
        expect(before.map((f) => restored.get(f.address))).toEqual(before.map((f) => f.fill));
        expect(clear.deleteNotes).toHaveLength(before.length);
      }),
    );
  });

  it('does not mutate its inputs', () => {
    const published = snapshot([figure({ ref: 1, month: 1, tenths: 500, placeholder: false })]);
    const current: CurrentFigure[] = [{ ...figure({ ref: 1, month: 1, tenths: 510, placeholder: false }), sheetName: 'Jan-21', row: 5, col: 7 }];
    const revisions = findRevisionsInFigures(published, current);
    const fills: CellFill[] = [{ sheet: 'Jan-21', address: 'H6', fill: '#DDEBF7', note: null }];
    const existing: HighlightRecord[] = [{ sheet: 'Jan-21', address: 'H9', previousFill: null, highlightFill: HIGHLIGHT_FILL, note: null, revisionId: 'x' }];
    const copies = JSON.stringify([revisions, fills, existing]);
    planHighlights(revisions, fills, existing);
    planClearHighlights(existing, fills);
    expect(JSON.stringify([revisions, fills, existing])).toBe(copies);
  });
});

describe('records of several sheets', () => {
  const records: HighlightRecord[] = [
    { sheet: 'Dec-20', address: 'H14', previousFill: null, highlightFill: HIGHLIGHT_FILL, note: 'n', revisionId: 'a' },
    { sheet: 'Jan-21', address: 'G14', previousFill: '#DDEBF7', highlightFill: HIGHLIGHT_FILL, note: null, revisionId: 'b' },
  ];

  it('splits records by sheet, whatever the case of its name', () => {
    const { mine, others } = splitRecords(records, 'jan-21');
    expect(mine.map((r) => r.revisionId)).toEqual(['b']);
    expect(others.map((r) => r.revisionId)).toEqual(['a']);
  });

  it("maps a sheet's records onto its rolled-forward copy, leaving the original's", () => {
    expect(recordsForCopy(records, 'Dec-20', 'Feb-21')).toEqual([{ ...records[0], sheet: 'Feb-21' }]);
    expect(records[0].sheet).toBe('Dec-20');
  });
});
