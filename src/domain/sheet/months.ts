/**
 * Month labels of scorecard headers. Excel turns a typed `Oct-20` into the date serial of
 * 1 October 2020 shown with `mmm-yy`; older sheets keep it as text. Both read the same here.
 */
import { serialFromUtc, utcFromSerial } from '../excelDate';

const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar month: year (4 digits) and month (1-12). */
export interface YearMonth {
  year: number;
  month: number;
}

/**
 * `{2020, 10}` -> `Oct-20`.
 * @example monthLabel({ year: 2021, month: 1 }) // 'Jan-21'
 */
export function monthLabel(m: YearMonth): string {
  return `${NAMES[m.month - 1]}-${String(m.year % 100).padStart(2, '0')}`;
}

/**
 * `{2020, 12}` -> `December 2020`, as the `As at Month End:` title writes it.
 * @example longMonthLabel({ year: 2021, month: 1 }) // 'January 2021'
 */
export function longMonthLabel(m: YearMonth): string {
  return `${LONG[m.month - 1]} ${m.year}`;
}

/**
 * The month `n` months after `m` (negative goes back).
 * @example addMonths({ year: 2020, month: 12 }, 1) // { year: 2021, month: 1 }
 */
export function addMonths(m: YearMonth, n: number): YearMonth {
  const i = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

/**
 * Excel serial of the first day of the month.
 * @example monthSerial({ year: 2020, month: 10 }) // 44105
 */
export function monthSerial(m: YearMonth): number {
  return Math.round(serialFromUtc(Date.UTC(m.year, m.month - 1, 1)));
}

/**
 * The month of an Excel date serial.
 * @example serialMonth(44105) // { year: 2020, month: 10 }
 */
export function serialMonth(serial: number): YearMonth {
  const d = new Date(utcFromSerial(Math.floor(serial)));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/**
 * Whether a number format shows a date (a day, month or year token outside quotes and brackets).
 * @example isDateFormat('mmm-yy') // true; isDateFormat('0.0%') // false
 */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmy]/i.test(bare) && !/^General$/i.test(bare) && !/[#0]/.test(bare);
}

/**
 * The month a header cell stands for: a date serial under a date format, or text such as
 * `Oct-20`, `Oct 20`, `Oct-2020`, `October 2020`. Null for anything else.
 *
 * @example readMonthCell(44105, 'Oct-20', 'mmm-yy') // { year: 2020, month: 10 }
 * @example readMonthCell('Nov-20', 'Nov-20', 'General') // { year: 2020, month: 11 }
 */
export function readMonthCell(value: unknown, text: string, format: string): YearMonth | null {
  // 1900-01-01 .. 2199: a serial outside that is not a month header.
  if (typeof value === 'number' && isDateFormat(format) && value > 0 && value < 109_575) return serialMonth(value);
  const source = typeof value === 'string' ? value : text;
  const m = /^\s*([A-Za-z]{3,9})[\s\-'’/]*(\d{2}|\d{4})\s*$/.exec(source ?? '');
  if (!m) return null;
  const name = m[1].toLowerCase();
  const month =
    NAMES.findIndex((n) => n.toLowerCase() === name) + 1 || LONG.findIndex((n) => n.toLowerCase() === name) + 1;
  // `Sept` is common in hand-typed headers.
  const resolved = month || (name === 'sept' ? 9 : 0);
  if (!resolved) return null;
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return { year, month: resolved };
}

/**
 * The financial year (April to March) a month falls in, as the reports write it.
 * @example financialYear({ year: 2021, month: 3 }) // '2020/21'
 */
export function financialYear(m: YearMonth): string {
  const start = m.month >= 4 ? m.year : m.year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Numeric comparison of months: negative when a is before b.
 * @example compareMonths({ year: 2021, month: 1 }, { year: 2020, month: 12 }) // 1
 */
export function compareMonths(a: YearMonth, b: YearMonth): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}
