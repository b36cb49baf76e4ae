import { findRevisionsInFigures } from '../../../src/domain/revisions/findRevisions';
import { revisionMessages as msg } from '../../../src/domain/revisions/messages';
import { REVIEW_TABLE, isLogHeader, LOG_HEADER, logRow, parseReviewRows, reviewRecord, reviewsToRows, reviewsToShow, withReviews } from '../../../src/domain/revisions/reviews';
import type { CurrentFigure, Snapshot } from '../../../src/domain/revisions/types';
import { qualified } from '../../../src/domain/sheet/grid';

const fig = (key: string, month: string, display: string, value: number | null) => ({
  key, ref: key, indicator: `Indicator ${key}`, month, display, value, missing: value === null,
});
const published: Snapshot = {
  sheetName: 'Dec-20', reportingMonth: 'Dec-20', publishedAt: '2021-01-08T10:00:00Z',
  figures: [fig('2.2', 'Nov-20', '88.9%', 0.889), fig('4.3', 'Dec-20', 'TBC', null)],
};
const at = (row: number, col: number) => ({ sheetName: 'Jan-21', row, col });
const current: CurrentFigure[] = [
  { ...fig('2.2', 'Nov-20', '89.4%', 0.894), ...at(13, 6) },
  { ...fig('4.3', 'Dec-20', '24', 24), ...at(22, 7) },
];
const [rev22, rev43] = findRevisionsInFigures(published, current);

describe('withReviews', () => {
  it('marks a revision with its latest decision, the rest pending', () => {
    const records = [
      reviewRecord(rev22, 'queried', 'Why up?', 'Anne Hawke', '2021-01-12T09:00:00.000Z'),
      reviewRecord(rev22, 'reviewed', 'Late data entry, agreed', 'Anne Hawke', '2021-01-12T10:30:00.000Z'),
    ];
    const views = withReviews([rev22, rev43], records);
    expect(views.map((v) => [v.id, v.status, v.comment ?? null])).toEqual([
      [rev22.id, 'reviewed', 'Late data entry, agreed'],
      [rev43.id, 'pending', null],
    ]);
    expect(views[0].reviewer).toBe('Anne Hawke');
  });

  it('takes the latest decision by time, whatever the row order', () => {
    const later = reviewRecord(rev22, 'queried', 'Still unsure', 'B. Smith', '2021-01-13T09:00:00.000Z');
    const earlier = reviewRecord(rev22, 'reviewed', '', 'Anne Hawke', '2021-01-12T09:00:00.000Z');
    expect(withReviews([rev22], [later, earlier])[0].status).toBe('queried');
  });

  it('puts a revision back to pending when the figure moved again after the review', () => {
    const record = reviewRecord(rev22, 'reviewed', '', 'Anne Hawke', '2021-01-12T09:00:00.000Z');
    const [moved] = findRevisionsInFigures(published, [{ ...fig('2.2', 'Nov-20', '89.9%', 0.899), ...at(13, 6) }]);
    expect(withReviews([moved], [record])[0].status).toBe('pending');
  });

  it('applies a decision recorded under another spelling of the sheet name (JAN-21 is Jan-21, as in Excel)', () => {
    const record = { ...reviewRecord(rev22, 'reviewed', '', 'A', '2021-01-12T09:00:00.000Z'), sheet: 'JAN-21' };
    expect(withReviews([rev22], [record])[0].status).toBe('reviewed');
  });

  it('does not apply a decision taken on another sheet', () => {
    const record = { ...reviewRecord(rev22, 'reviewed', '', 'A', '2021-01-12T09:00:00.000Z'), sheet: 'Feb-21' };
    expect(withReviews([rev22], [record])[0].status).toBe('pending');
  });
});

describe('review rows', () => {
  const records = [reviewRecord(rev22, 'queried', 'Why, "exactly"?', 'Anne Hawke', '2021-01-12T09:00:00.000Z')];

  it('round-trip the decisions', () => {
    expect(parseReviewRows(reviewsToRows(records))).toEqual({ ok: true, value: records });
  });

  it.each([
    ['status', 'approved', "'approved' is neither reviewed nor queried"],
    ['at', 'last week', "'last week' is not a date and time"],
    ['revisionId', '', 'is empty'],
  ] as const)('returns an error naming the cell when %s is damaged', (field, bad, problem) => {
    const rows = reviewsToRows(records);
    const col = REVIEW_TABLE.columns.indexOf(field);
    rows[1][col] = bad;
    const address = qualified(REVIEW_TABLE.sheetName, `${String.fromCharCode(65 + col)}2`);
    expect(parseReviewRows(rows)).toEqual({ ok: false, error: { code: 'damagedRecord', message: msg.recordField(address, field, problem) } });
  });
});

describe('Revisions log', () => {
  it('writes one row a decision under the header, with the figure, the change and the cell', () => {
    const record = reviewRecord(rev22, 'queried', 'Why up?', 'Anne Hawke', '2021-01-12T09:00:00.000Z');
    const row = logRow(rev22, record);
    expect(row).toHaveLength(LOG_HEADER.length);
    const cell = (name: (typeof LOG_HEADER)[number]) => row[LOG_HEADER.indexOf(name)];
    expect([cell('NO.'), cell('Month'), cell('Published'), cell('Now'), cell('Change'), cell('Status'), cell('Reviewer'), cell('Cell')]).toEqual([
      '2.2', 'Nov-20', '88.9%', '89.4%', rev22.change, 'queried', 'Anne Hawke', rev22.address,
    ]);
  });

  it.each([
    [[[...LOG_HEADER]], true],
    [[[...LOG_HEADER, 'My own column']], true],
    [[['When', 'Who']], false],
    [[], false],
  ])('recognises its own header row (%#)', (values, expected) => {
    expect(isLogHeader(values)).toBe(expected);
  });
});

describe('reviewsToShow (records read only to show them)', () => {
  it('reads none without a review sheet, and the records of a readable one', () => {
    const record = reviewRecord(rev22, 'reviewed', '', 'A', '2021-01-12T09:00:00.000Z');
    expect(reviewsToShow(null)).toEqual({ records: [], damaged: null });
    expect(reviewsToShow(reviewsToRows([record]))).toEqual({ records: [record], damaged: null });
  });

  it('shows none from a damaged sheet, with the refusal parseReviewRows gives (the cell named)', () => {
    const rows = reviewsToRows([reviewRecord(rev22, 'reviewed', '', 'A', '2021-01-12T09:00:00.000Z')]);
    rows[1][REVIEW_TABLE.columns.indexOf('at')] = 'soon';
    const parsed = parseReviewRows(rows);
    if (parsed.ok) throw new Error('should be damaged');
    expect(reviewsToShow(rows)).toEqual({ records: [], damaged: parsed.error });
    expect(parsed.error.code).toBe('damagedRecord');
    expect(reviewsToShow([['Our team notes']]).damaged?.code).toBe('notOurSheet');
  });
});
