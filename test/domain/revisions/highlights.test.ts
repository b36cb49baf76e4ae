import { findRevisionsInFigures } from '../../../src/domain/revisions/findRevisions';
import { parseHighlightRows, highlightsToRows, HIGHLIGHT_TABLE } from '../../../src/domain/revisions/highlightRows';
import { HIGHLIGHT_FILL, highlightNote, planClearHighlights, planHighlights } from '../../../src/domain/revisions/highlights';
import { revisionMessages as msg } from '../../../src/domain/revisions/messages';
import type { CellFill, CurrentFigure, Revision, Snapshot } from '../../../src/domain/revisions/types';
import { qualified } from '../../../src/domain/sheet/grid';

const figure = (key: string, month: string, display: string, value: number | null) => ({
  key,
  ref: key,
  indicator: `Indicator ${key}`,
  month,
  display,
  value,
  missing: value === null,
});

const published: Snapshot = {
  sheetName: 'Dec-20',
  reportingMonth: 'Dec-20',
  publishedAt: '2021-01-08T10:00:00Z',
  figures: [figure('2.2', 'Nov-20', '88.9%', 0.889), figure('3.3', 'Nov-20', '25', 25), figure('4.1', 'Dec-20', '1384', 1384)],
};

// Jan-21: 2.2 in H10, 3.3 in H11, 4.1 in I12 (row 9 = Excel row 10).
const current: CurrentFigure[] = [
  { ...figure('2.2', 'Nov-20', '89.4%', 0.894), sheetName: 'Jan-21', row: 9, col: 7 },
  { ...figure('3.3', 'Nov-20', '27', 27), sheetName: 'Jan-21', row: 10, col: 7 },
  { ...figure('4.1', 'Dec-20', '1390', 1390), sheetName: 'Jan-21', row: 11, col: 8 },
];
const revisions: Revision[] = findRevisionsInFigures(published, current);

const fill = (address: string, f: string | null, note: string | null = null): CellFill => ({ sheet: 'Jan-21', address, fill: f, note });

describe('planHighlights', () => {
  it('fills every revised cell yellow with a note giving the month, the published and the new figure', () => {
    const plan = planHighlights(revisions, [fill('H10', null), fill('H11', null), fill('I12', null)]);
    expect(plan.writes.map((w) => w.address)).toEqual(['H10', 'H11', 'I12']);
    expect(plan.writes.every((w) => w.fill === HIGHLIGHT_FILL)).toBe(true);
    expect(plan.writes[0].note).toEqual({ action: 'add', text: msg.note('Nov-20', '88.9%', '89.4%') });
  });

  it.each([
    ['no fill', null, null],
    ['a user blue', '#DDEBF7', '#DDEBF7'],
    ["the user's own yellow", '#ffff00', '#FFFF00'],
  ])('records %s as the fill to restore', (_what, before, recorded) => {
    const plan = planHighlights(revisions.slice(0, 1), [fill('H10', before)]);
    expect(plan.records).toEqual([
      { sheet: 'Jan-21', address: 'H10', previousFill: recorded, highlightFill: HIGHLIGHT_FILL, note: highlightNote(revisions[0]), revisionId: revisions[0].id },
    ]);
  });

  it("leaves a user's note in place, adds none, and records that it added none", () => {
    const plan = planHighlights(revisions.slice(0, 1), [fill('H10', null, 'Checked with the team')]);
    expect(plan.writes[0].note).toEqual({ action: 'none' });
    expect(plan.records[0].note).toBeNull();
    expect(plan.warnings).toEqual([msg.noteKept(qualified('Jan-21', 'H10'))]);
  });

  it("highlighting twice keeps the user's fill from the first time, not the add-in's yellow", () => {
    const first = planHighlights(revisions, [fill('H10', '#DDEBF7'), fill('H11', null), fill('I12', null)]);
    const again = planHighlights(
      revisions,
      first.writes.map((w) => fill(w.address, w.fill, w.note.action === 'none' ? null : w.note.text)),
      first.records,
    );
    expect(again.records.map((r) => r.previousFill)).toEqual(['#DDEBF7', null, null]);
    expect(again.writes[0].note.action).toBe('replace');
  });

  it('releases earlier records of cells that are no longer revised', () => {
    const first = planHighlights(revisions, [fill('H10', null), fill('H11', null), fill('I12', null)]);
    const again = planHighlights(revisions.slice(0, 1), [fill('H10', HIGHLIGHT_FILL), fill('H11', HIGHLIGHT_FILL)], first.records);
    expect(again.release.map((r) => r.address)).toEqual(['H11', 'I12']);
    expect(again.records.map((r) => r.address)).toEqual(['H10']);
  });

  it('plans nothing for a workbook with nothing revised', () => {
    const plan = planHighlights([], [fill('H10', '#DDEBF7')]);
    expect(plan).toEqual({ writes: [], records: [], release: [], warnings: [] });
  });
});

describe('planClearHighlights', () => {
  const before = [fill('H10', null), fill('H11', '#DDEBF7'), fill('I12', '#FFFF00')];
  const plan = planHighlights(revisions, before);
  const highlighted = plan.writes.map((w) => fill(w.address, w.fill, w.note.action === 'none' ? null : w.note.text));

  it("restores exactly the user's fills, their own yellow included", () => {
    const clear = planClearHighlights(plan.records, highlighted);
    expect(clear.restores).toEqual([
      { sheet: 'Jan-21', address: 'H10', fill: null },
      { sheet: 'Jan-21', address: 'H11', fill: '#DDEBF7' },
      { sheet: 'Jan-21', address: 'I12', fill: '#FFFF00' },
    ]);
    expect(clear.deleteNotes.map((n) => n.address)).toEqual(['H10', 'H11', 'I12']);
    expect(clear.warnings).toEqual([]);
  });

  it('leaves a fill the user changed since the highlight, and says so', () => {
    const changed = highlighted.map((f) => (f.address === 'H11' ? { ...f, fill: '#C6EFCE' } : f));
    const clear = planClearHighlights(plan.records, changed);
    expect(clear.restores.map((r) => r.address)).toEqual(['H10', 'I12']);
    expect(clear.warnings).toEqual([msg.fillChanged(qualified('Jan-21', 'H11'))]);
  });

  it('leaves a note the user edited since, and says so', () => {
    const edited = highlighted.map((f) => (f.address === 'H10' ? { ...f, note: `${f.note} - agreed` } : f));
    const clear = planClearHighlights(plan.records, edited);
    expect(clear.deleteNotes.map((n) => n.address)).toEqual(['H11', 'I12']);
    expect(clear.warnings).toEqual([msg.noteChanged(qualified('Jan-21', 'H10'))]);
  });

  it("says nothing of a cell that already has the user's fill back (a highlight that never landed)", () => {
    const unlanded = highlighted.map((f) => (f.address === 'H11' ? { ...f, fill: '#DDEBF7' } : f));
    const clear = planClearHighlights(plan.records, unlanded);
    expect(clear.restores.map((r) => r.address)).toEqual(['H10', 'I12']);
    expect(clear.warnings).toEqual([]);
  });

  it('touches only recorded cells', () => {
    const clear = planClearHighlights(plan.records, [...highlighted, fill('J20', HIGHLIGHT_FILL)]);
    expect(clear.restores.map((r) => r.address)).not.toContain('J20');
  });

  it('drops the records of a deleted sheet with one warning', () => {
    const clear = planClearHighlights(plan.records, []);
    expect(clear.restores).toEqual([]);
    expect(clear.warnings).toEqual([msg.sheetGone('Jan-21')]);
  });
});

describe('highlight rows', () => {
  it('round-trip the records, no fill included', () => {
    const plan = planHighlights(revisions, [fill('H10', null), fill('H11', '#DDEBF7'), fill('I12', null, 'mine')]);
    expect(parseHighlightRows(highlightsToRows(plan.records))).toEqual({ ok: true, value: plan.records });
  });

  it.each([
    ['previousFill', 3, 'yellow'],
    ['highlightFill', 4, ''],
    ['address', 2, 'H0'],
  ])('returns an error naming the cell when %s is damaged', (field, col, bad) => {
    const rows: string[][] = highlightsToRows(planHighlights(revisions, []).records);
    rows[1][col] = bad;
    const result = parseHighlightRows(rows);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain(qualified(HIGHLIGHT_TABLE.sheetName, `${String.fromCharCode(65 + col)}2`));
    expect(!result.ok && result.error.message).toContain(field);
  });
});
