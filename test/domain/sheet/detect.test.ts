import { detectHeaders } from '../../../src/domain/sheet/detect';
import { classifyHeader } from '../../../src/domain/sheet/headers';
import { readScorecard } from '../../../src/domain/sheet/readScorecard';
import { sheetMsg } from '../../../src/domain/messages';
import { LOOKED_FOR } from '../../../src/domain/sheet/headers';
import { seedGrid, seedGridTables } from '../../fixtures/seedGrids';
import { tablesOf, withCell } from './helpers';

describe('classifyHeader', () => {
  it.each([
    ['NO.', 'ref'],
    ['INDICATORS - EARLY HELP BOROUGH WIDE PERFORMANCE', 'indicator'],
    ['INDICATOR', 'indicator'],
    ['good perf is', 'polarity'],
    ['DATA NOTE (Monthly)', 'unit'],
    ['DATA NOTE', 'dataNote'],
    ['Year To Date 2020/21', 'ytd'],
    ['YTD 2019/20', 'ytd'],
    ['Outturn', 'ytd'],
    ['DOT (Month on Month)', 'dot'],
    ['RAG (In month)', 'rag'],
    ['rag (in month)', 'rag'],
    ['Red', 'red'],
    ['Amber', 'amber'],
    ['Green (Target)', 'green'],
    ['Target Green', 'green'],
    ['2015/16', 'year'],
    ['NAT TOP QTILE THRESHOL', 'benchmark'],
    ['NAT TOP Q/TILE THRESHOLD', 'benchmark'],
    ['STAT NEIGH AVE', 'benchmark'],
    ['Target and Tolerances', 'banner'],
    ['DOT (Year on Year)', 'yoyDot'],
    ['RAG (Year End)', 'yearEndRag'],
  ])('reads %s as %s', (text, role) => {
    expect(classifyHeader(text)).toBe(role);
  });
});

describe('detectHeaders on the seed grids', () => {
  it.each(['earlyHelp', 'corporateParenting'] as const)('finds both tables of %s where the fixture put them', (report) => {
    const grid = seedGrid(report);
    const found = detectHeaders(grid);
    const placed = seedGridTables(report);
    expect(found.map((h) => h.headerBox.top)).toEqual(placed.map((p) => p.headerTop));
    found.forEach((h, i) => {
      const lay = placed[i].table.layout;
      expect(h.columns.polarity).toBe(lay.polarity);
      expect(h.columns.ref).toBe(lay.ref);
      expect(h.columns.subLabel).toBe(lay.subLabel);
      expect(h.months.map((m) => m.col)).toEqual(lay.months);
      expect([h.columns.ytd, h.columns.dot, h.columns.rag, h.columns.red, h.columns.amber, h.columns.green]).toEqual([
        lay.ytd, lay.dot, lay.rag, lay.red, lay.amber, lay.green,
      ]);
      expect(h.columns.years).toEqual(lay.years);
      expect(h.columns.benchmarks).toEqual(lay.benchmarks);
    });
  });

  it('reads month headers typed as text as well as dates', () => {
    const grid = seedGrid('corporateParenting');
    const textual = withCell(withCell(withCell(grid, 3, 5, 'Oct-19', 'Oct-19'), 3, 6, 'Nov-19', 'Nov-19'), 3, 7, 'Dec-19', 'Dec-19');
    const [table] = tablesOf(textual);
    expect(table.months.map((m) => m.label)).toEqual(['Oct-19', 'Nov-19', 'Dec-19']);
  });

  it('reads a header typed over two cells as one (Year To / Date 2019/20)', () => {
    const grid = withCell(withCell(seedGrid('corporateParenting'), 2, 8, 'Year To', 'Year To'), 3, 8, 'Date 2019/20', 'Date 2019/20');
    expect(detectHeaders(grid)[0].columns.ytd).toBe(8);
  });

  it('reads headers in any letter case', () => {
    let grid = seedGrid('corporateParenting');
    for (const [c, t] of [[1, 'no.'], [2, 'Indicator'], [3, 'Good Perf Is'], [10, 'dot (month on month)'], [11, 'Rag (In Month)']] as const) grid = withCell(grid, 2, c, t, t);
    const [h] = detectHeaders(grid);
    expect([h.columns.ref, h.columns.indicator, h.columns.polarity, h.columns.dot, h.columns.rag]).toEqual([1, 2, 3, 10, 11]);
  });

  it('finds the sub-label column without merge information', () => {
    const grid = { ...seedGrid('earlyHelp'), merges: undefined };
    expect(detectHeaders(grid)[0].columns.subLabel).toBe(3);
  });

  it('passes over a blank spacer row inside a table but stops before notes under it', () => {
    const grid = seedGrid('corporateParenting');
    const spaced = { ...grid, values: grid.values.map((r) => [...r]), text: grid.text.map((r) => [...r]), numberFormats: grid.numberFormats.map((r) => [...r]) };
    const blank = (n: number): void => {
      spaced.values.splice(n, 0, spaced.values[0].map(() => null));
      spaced.text.splice(n, 0, spaced.text[0].map(() => ''));
      spaced.numberFormats.splice(n, 0, spaced.numberFormats[0].map(() => 'General'));
    };
    blank(10); // between 6.5 and 6.6
    const [first] = tablesOf(spaced);
    expect(first.indicators.map((r) => r.ref)).toContain('9.4');
    expect(first.indicators).toHaveLength(34);
    const notes = withCell(withCell(seedGrid('corporateParenting'), 39, 0, 'Key: ↑ improvement', 'Key: ↑ improvement'), 38, 0, null, '');
    expect(tablesOf(notes)[0].bodyBox.bottom).toBe(37);
  });

  it('reports the reporting month as the newest month column', () => {
    const [first] = tablesOf(seedGrid('earlyHelp'));
    expect(first.reportingMonth).toMatchObject({ label: 'Dec-20', year: 2020, month: 12, col: 8 });
  });

  it('returns an error naming the headers it looked for when there is no table', () => {
    const grid = { sheetName: 'Notes', top: 0, left: 0, values: [['hello']], text: [['hello']], numberFormats: [['General']] };
    const read = readScorecard(grid);
    expect(read).toEqual({ ok: false, error: { code: 'noTable', message: sheetMsg.noTable('Notes', LOOKED_FOR) } });
  });

  it('does not mutate the grid it reads', () => {
    const grid = seedGrid('earlyHelp');
    const before = JSON.stringify(grid);
    readScorecard(grid);
    expect(JSON.stringify(grid)).toBe(before);
  });

  it('reads a grid that does not start at A1', () => {
    const grid = seedGrid('corporateParenting');
    const shifted = { ...grid, top: 10, left: 2 };
    const [table] = tablesOf(shifted);
    expect(table.columns.polarity).toBe(5);
    expect(table.indicators[0].row).toBe(14);
  });
});
