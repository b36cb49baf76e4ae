import { agree, count, grouped, sameGrouping } from '../../src/cli/wording';
import { cliMessages } from '../../src/cli/messages';

describe('grouped', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1335, '1,335'],
    [-1234567, '-1,234,567'],
    [5000, '5,000'],
  ])('writes %p as %p', (n, expected) => {
    expect(grouped(n)).toBe(expected);
  });
});

describe('count', () => {
  it.each([
    [0, 'DOT cell', undefined, '0 DOT cells'],
    [1, 'DOT cell', undefined, '1 DOT cell'],
    [2, 'DOT cell', undefined, '2 DOT cells'],
    [1, 'DOT cell shows', 'DOT cells show', '1 DOT cell shows'],
    [24, 'DOT cell shows', 'DOT cells show', '24 DOT cells show'],
    [20000, 'indicator row', undefined, '20,000 indicator rows'],
  ])('counts %p %p', (n, singular, plural, expected) => {
    expect(count(n, singular, plural)).toBe(expected);
  });

  it('picks the word that agrees with the count', () => {
    expect([agree(1, 'its cell', 'their cells'), agree(3, 'its cell', 'their cells')]).toEqual(['its cell', 'their cells']);
  });
});

describe('sameGrouping', () => {
  it.each([
    [['1,335', '1339', '+4'], ['1,335', '1,339', '+4']],
    [['1339', '1,335', '-4'], ['1,339', '1,335', '-4']],
    [['10,335', '11535', '+1200'], ['10,335', '11,535', '+1,200']],
    [['321', '325', '+4'], ['321', '325', '+4']],
    [['1335', '1339', '+4'], ['1335', '1339', '+4']],
    [['1,234.5%', '1299.25%', '+64.75 pts'], ['1,234.5%', '1,299.25%', '+64.75 pts']],
    [['TBC', '1,339', 'TBC → 1,339'], ['TBC', '1,339', 'TBC → 1,339']],
    [['', '1,339', 'blank → 1,339'], ['', '1,339', 'blank → 1,339']],
  ])('shows %p as %p', (figures, expected) => {
    expect(sameGrouping(figures)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const figures = ['1,335', '1339'];
    sameGrouping(figures);
    expect(figures).toEqual(['1,335', '1339']);
  });
});

describe('the CLI messages agree with their counts and group thousands alike', () => {
  it.each([
    [1, '1 DOT cell shows'],
    [2, '2 DOT cells show'],
    [1200, '1,200 DOT cells show'],
  ])('no-arrow title for %p cells says %p', (n, words) => {
    expect(cliMessages.noArrowTitle(n)).toContain(`(${words} `);
  });

  it('says "1 tolerance ... its cell ... that row" and "2 tolerances ... their cells ... those rows"', () => {
    expect(cliMessages.problemsExit(1)).toMatch(/^1 tolerance cannot be read \(listed above with its cell\): no RAG for that row\./);
    expect(cliMessages.problemsExit(2)).toMatch(/^2 tolerances cannot be read \(listed above with their cells\): no RAG for those rows\./);
  });

  it('writes every count of the format summary with the same grouping', () => {
    expect(cliMessages.formatTotals(2, 5000, 'Dec-20', 'fixed values', 'performance')).toContain('Tables: 2   Indicator rows: 5,000');
    expect(cliMessages.ragTotals(1200, 0, 3, 1000)).toBe('  RAG: 1,200 red (R), 0 amber (A), 3 green (G), 1,000 blank');
    expect(cliMessages.revisionsSince('nov.xlsx', 1001, 1)).toBe('  Revisions since nov.xlsx: 1,001 (1 cell highlighted yellow, with a note)');
    expect(cliMessages.problemsTitle(0)).toBe('  Problems: none');
    expect(cliMessages.problemsTitle(1234)).toBe('  Problems (1,234):');
  });

  it('new month counts one header cell and one highlight in the singular', () => {
    expect(cliMessages.rolledOn(1, 1)).toContain('1 header and title cell updated; 1 revision highlight removed');
    expect(cliMessages.rolledOn(12, 0)).toContain('12 header and title cells updated; 0 revision highlights removed');
  });

  it('counts revised figures in the singular and plural', () => {
    expect(cliMessages.revisedTitle(1, 'Dec-20', 'a.xlsx', 'b.xlsx', 'Nov-20', 'sheet')).toMatch(/^1 revised figure in /);
    expect(cliMessages.revisedTitle(1500, 'Dec-20', 'a.xlsx', 'b.xlsx', 'Nov-20', 'sheet')).toMatch(/^1,500 revised figures in /);
  });
});
