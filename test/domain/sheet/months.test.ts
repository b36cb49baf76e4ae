import { addMonths, financialYear, isDateFormat, longMonthLabel, monthLabel, monthSerial, readMonthCell, serialMonth } from '../../../src/domain/sheet/months';

describe('months', () => {
  it.each([
    [44105, 'Oct-20', 'mmm-yy', { year: 2020, month: 10 }],
    [43800, 'Dec-19', 'mmm-yy', { year: 2019, month: 12 }],
    ['Nov-20', 'Nov-20', 'General', { year: 2020, month: 11 }],
    ['sept 2020', 'sept 2020', 'General', { year: 2020, month: 9 }],
    ['October 2020', 'October 2020', 'General', { year: 2020, month: 10 }],
  ])('reads %s shown %s as a month', (value, text, format, expected) => {
    expect(readMonthCell(value, text, format)).toEqual(expected);
  });

  it.each([
    [44105, '44105', 'General'],
    ['2020/21', '2020/21', 'General'],
    ['Red', 'Red', 'General'],
    [0.843, '84.3%', '0.0%'],
  ])('does not read %s shown %s as a month', (value, text, format) => {
    expect(readMonthCell(value, text, format)).toBeNull();
  });

  it('round-trips serials and months', () => {
    for (let i = 0; i < 36; i++) {
      const m = addMonths({ year: 2019, month: 1 }, i);
      expect(serialMonth(monthSerial(m))).toEqual(m);
    }
  });

  it.each([
    [{ year: 2020, month: 12 }, 1, { year: 2021, month: 1 }],
    [{ year: 2020, month: 3 }, 1, { year: 2020, month: 4 }],
    [{ year: 2021, month: 1 }, -1, { year: 2020, month: 12 }],
  ])('adds months across years: %o + %i', (m, n, expected) => {
    expect(addMonths(m, n)).toEqual(expected);
  });

  it.each([
    [{ year: 2021, month: 3 }, '2020/21'],
    [{ year: 2021, month: 4 }, '2021/22'],
    [{ year: 2019, month: 12 }, '2019/20'],
  ])('puts %o in financial year %s', (m, fy) => {
    expect(financialYear(m)).toBe(fy);
  });

  it('labels months as the reports do', () => {
    expect(monthLabel({ year: 2021, month: 1 })).toBe('Jan-21');
    expect(longMonthLabel({ year: 2021, month: 1 })).toBe('January 2021');
  });

  it.each([
    ['mmm-yy', true],
    ['dd/mm/yyyy', true],
    ['0.0%', false],
    ['General', false],
    ['#,##0', false],
  ])('tells whether %s is a date format', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });
});
