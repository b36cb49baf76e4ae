import { formatterOf, formatValue, roundHalfAway } from '../../src/xlsx/numberFormat';
import { dateFromSerial, serialFromDate } from '../../src/domain/excelDate';

describe('formatValue', () => {
  it.each([
    [0.843, '0.0%', '84.3%'],
    [0.858, '0.00%', '85.80%'],
    [0.9, '0%', '90%'],
    [1, '0.0%', '100.0%'],
    [0.0005, '0.0%', '0.1%'],
    [1384, '#,##0', '1,384'],
    [999.95, '#,##0.0', '1,000.0'],
    [-999.4, '#,##0', '-999'],
    [-1000, '#,##0', '-1,000'],
    [1234567.5, '#,##0.0', '1,234,567.5'],
    [106.94, '0.0', '106.9'],
    [106.95, '0.0', '107.0'],
    [1.005, '0.00', '1.01'],
    [-2.5, '0', '-3'],
    [0.4, '0', '0'],
    [0.4, '#.0', '.4'],
    [5, '0.0#', '5.0'],
    [5.25, '0.0#', '5.25'],
    [12, '0" days"', '12 days'],
    [-3, '0;(0)', '(3)'],
    [0, '0;-0;"zero"', 'zero'],
    [-4.2, '[Red]0.0', '-4.2'],
    // From 1e21 on Excel writes 15 significant digits, then zeros (never an exponent under a fixed format).
    [1e21, '0.0', '1000000000000000000000.0'],
    [1.23456789012345e22, '0', '12345678901234500000000'],
    [-3e21, '#,##0', '-3,000,000,000,000,000,000,000'],
  ])('shows %p under %p as %p', (value, format, expected) => {
    expect(formatValue(value, format)).toBe(expected);
  });

  it.each([
    [44105, 'mmm-yy', 'Oct-20'],
    [44166, 'mmm-yy', 'Dec-20'],
    [43800, 'mmm-yy', 'Dec-19'],
    [44166, 'dd/mm/yyyy', '01/12/2020'],
    [44166.5, 'd-mmm-yy h:mm', '1-Dec-20 12:00'],
    [44166, 'mmmm yyyy', 'December 2020'],
    [44166.25, 'hh:mm AM/PM', '06:00 AM'],
  ])('shows serial %p under date format %p as %p', (value, format, expected) => {
    expect(formatValue(value, format)).toBe(expected);
  });

  // Excel's first days (Microsoft KB 214326, "Excel incorrectly assumes that the year 1900 is a
  // leap year"): serial 1 is 1 January 1900 and 60 the 29 February that never was; serial 0
  // shows as 0 January 1900 (a Saturday in Excel's count, where serial 1 is a Sunday).
  it.each([
    [0, 'mmm-yy', 'Jan-00'],
    [0, 'dd/mm/yyyy', '00/01/1900'],
    [0, 'dddd', 'Saturday'],
    [1, 'dd/mm/yyyy dddd', '01/01/1900 Sunday'],
    [59, 'dd/mm/yyyy', '28/02/1900'],
    [60, 'dd/mm/yyyy', '29/02/1900'],
    [61, 'dd/mm/yyyy dddd', '01/03/1900 Thursday'],
    [31.5, 'd-mmm-yy h:mm', '31-Jan-00 12:00'],
    [2958465, 'dd/mm/yyyy', '31/12/9999'],
  ])('shows serial %p under %p as Excel does before March 1900 and at 9999: %p', (value, format, expected) => {
    expect(formatValue(value, format)).toBe(expected);
  });

  // A negative serial, or one after 31 December 9999, is no date: Excel fills the cell with #.
  it.each([
    [-1, 'mmm-yy'],
    [-0.5, 'dd/mm/yyyy'],
    [2958466, 'mmm-yy'],
  ])('shows serial %p under %p as hashes, not as a date', (value, format) => {
    expect(formatValue(value, format)).toMatch(/^#+$/);
  });

  it.each([
    [1384, '1384'],
    [0.843, '0.843'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.3333333333'],
    [-12.5, '-12.5'],
    [123456789012, '1.23457E+11'],
  ])('shows %p under General as %p', (value, expected) => {
    expect(formatValue(value, 'General')).toBe(expected);
    expect(formatValue(value, undefined)).toBe(expected);
  });

  it('shows text as it is, placeholders included', () => {
    expect(formatValue('TBC Feb 19', '0.0%')).toBe('TBC Feb 19');
    expect(formatValue('13.7% (HT1)', 'General')).toBe('13.7% (HT1)');
    expect(formatValue('abc', '0;0;0;"[" @ "]"')).toBe('[ abc ]');
  });

  it('shows blank as empty text and booleans as Excel does', () => {
    expect(formatValue(null, '0.0%')).toBe('');
    expect(formatValue(undefined, 'General')).toBe('');
    expect(formatValue(true, 'General')).toBe('TRUE');
  });
});

describe('roundHalfAway', () => {
  it.each([
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    [84.25, 1, 84.3],
    [2.675, 2, 2.68],
  ])('rounds %p to %p places as %p', (value, decimals, expected) => {
    expect(roundHalfAway(value, decimals)).toBeCloseTo(expected, 10);
  });

  it('agrees with rounding the decimal digits themselves, ties and near-ties included', () => {
    // Ground truth: shift the shortest decimal text of the number, round, shift back.
    const byDigits = (v: number, d: number): number => Math.sign(v || 1) * Number(`${Math.round(Number(`${Math.abs(v)}e${d}`))}e-${d}`);
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let checked = 0;
    for (let i = 0; i < 20000; i++) {
      const d = i % 5;
      // Every fifth value is an exact tie in decimal (x.xx5), the hard case for binary floats.
      const v = i % 5 === 0 ? Number(`${Math.floor(next() * 100000)}5e-${d + 1}`) : (next() - 0.5) * 10 ** (i % 7);
      expect(roundHalfAway(v, d)).toBe(byDigits(v, d));
      checked++;
    }
    expect(checked).toBe(20000);
  });
});

describe('serial dates', () => {
  it('maps Oct-20 to serial 44105 and back', () => {
    const date = new Date(Date.UTC(2020, 9, 1));
    expect(serialFromDate(date)).toBe(44105);
    expect(dateFromSerial(44105).toISOString()).toBe(date.toISOString());
  });

  it('keeps the time of day', () => {
    expect(serialFromDate(new Date(Date.UTC(2020, 11, 1, 6)))).toBeCloseTo(44166.25, 10);
  });
});

describe('formatterOf', () => {
  // The grid renders each cell through a renderer found once per cell format (formatValue
  // is that renderer applied once): one renderer shows every kind of cell value, blanks
  // and booleans included, as Excel shows it under that format.
  const values = [null, true, false, 0, -0.5, 0.843, 1384, 'TBC'];
  it.each([
    ['General', ['', 'TRUE', 'FALSE', '0', '-0.5', '0.843', '1384', 'TBC']],
    ['', ['', 'TRUE', 'FALSE', '0', '-0.5', '0.843', '1384', 'TBC']],
    [undefined, ['', 'TRUE', 'FALSE', '0', '-0.5', '0.843', '1384', 'TBC']],
    ['0.0%', ['', 'TRUE', 'FALSE', '0.0%', '-50.0%', '84.3%', '138400.0%', 'TBC']],
    ['#,##0', ['', 'TRUE', 'FALSE', '0', '-1', '1', '1,384', 'TBC']],
    ['0.0;(0.0);"-"', ['', 'TRUE', 'FALSE', '-', '(0.5)', '0.8', '1384.0', 'TBC']],
  ])('renders every value under %p', (format, shown) => {
    const render = formatterOf(format);
    expect(values.map((v) => render(v))).toEqual(shown);
  });
});
