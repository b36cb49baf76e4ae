/**
 * What Excel makes of a string written through `range.values` (or `formulas`) into a cell
 * whose number format is not Text (`@`): it parses the string as if typed.
 *
 * Sources:
 * - `Range.values` in @types/office-js: text starting with `=`, `+` or `-` is read as a
 *   formula; locale-shaped dates ("19-8-2025" in nl-NL) stay text, so en-US-shaped ones are
 *   dates ("use a locale-neutral format like ISO (YYYY-MM-DD) or a numeric date serial").
 * - Microsoft KB Q214327 ("Stop automatically changing numbers to dates"): `Jan-21` typed in
 *   a General cell becomes 21 January of the current year; typing an apostrophe first, or
 *   formatting the cell as Text before typing, keeps the text.
 * - Excel's entry rules: `85%` is 0.85 shown as a percentage, `1,234` is 1234, `TRUE` is
 *   the Boolean.
 * The fake models the en-US shapes the add-in could produce; anything else stays text.
 */
import type { FakeValue } from './fakeExcelState';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthIndex(name: string): number {
  const n = name.toLowerCase();
  const i = FULL_MONTHS.indexOf(n);
  if (i >= 0) return i;
  // `Sept` is accepted as September, as Excel does.
  if (n === 'sept') return 8;
  return MONTHS.indexOf(n);
}

/** Excel's two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/** 1900 date system serial of a date (from 1 March 1900 on). */
function serial(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month || d.getUTCDate() !== day) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export interface Coerced {
  value: FakeValue;
  /** The number format Excel gives a General cell for what it parsed, if any. */
  numberFormat?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string): number | null {
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function parseDate(text: string, currentYear: number): Coerced | null {
  let m = /^([A-Za-z]{3,9})[-/ ](\d{1,4})$/.exec(text);
  if (m && monthIndex(m[1]) >= 0) {
    const month = monthIndex(m[1]);
    const n = Number(m[2]);
    // `Jan-21`: a number that can be a day is the day, in the current year (KB Q214327).
    if (m[2].length <= 2 && n >= 1 && n <= 31) {
      const s = serial(currentYear, month, n);
      if (s !== null) return { value: s, numberFormat: 'd-mmm' };
    }
    if (m[2].length === 2 || m[2].length === 4) {
      const s = serial(fullYear(m[2]), month, 1);
      if (s !== null) return { value: s, numberFormat: 'mmm-yy' };
    }
    return null;
  }
  m = /^(\d{1,2})[-/ ]([A-Za-z]{3,9})(?:[-/ ](\d{2}|\d{4}))?$/.exec(text);
  if (m && monthIndex(m[2]) >= 0) {
    const s = serial(m[3] ? fullYear(m[3]) : currentYear, monthIndex(m[2]), Number(m[1]));
    if (s !== null) return { value: s, numberFormat: m[3] ? 'd-mmm-yy' : 'd-mmm' };
    return null;
  }
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
  if (m) {
    const s = serial(m[3] ? fullYear(m[3]) : currentYear, Number(m[1]) - 1, Number(m[2]));
    if (s !== null) return { value: s, numberFormat: 'm/d/yyyy' };
    return null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const s = serial(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (s !== null) return { value: s, numberFormat: 'yyyy-mm-dd' };
  }
  return null;
}

/**
 * What a string written to a non-Text cell becomes: a number, percentage, Boolean or date
 * serial when Excel would parse it so, else the string itself.
 *
 * @example
 * coerceTyped('Jan-21', 2026) // { value: 46043, numberFormat: 'd-mmm' } (21 January 2026)
 * coerceTyped('85%', 2026)    // { value: 0.85, numberFormat: '0%' }
 */
export function coerceTyped(input: string, currentYear: number): Coerced {
  const text = input.trim();
  if (text === '') return { value: input };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const n = parseNumber(text);
  if (n !== null) return { value: n };
  const pct = /^(.*\d)\s*%$/.exec(text);
  if (pct) {
    const p = parseNumber(pct[1]);
    if (p !== null) {
      const decimals = (/\.(\d+)/.exec(pct[1])?.[1].length ?? 0);
      return { value: p / 100, numberFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
    }
  }
  return parseDate(text, currentYear) ?? { value: input };
}
