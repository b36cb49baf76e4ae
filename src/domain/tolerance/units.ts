/**
 * The one home for how a number in a tolerance is written and what unit it carries, and
 * for the words that mean "no target" (used by the reader and by the sheet's Info check).
 */
import { asciiNumerals } from '../numerals';

/** `%` is a percentage (95% is 0.95); `points` a distance in percentage points (`5pp`); `plain` a number. */
export type NumberUnit = 'percent' | 'points' | 'plain';

export interface WrittenNumber {
  value: number;
  unit: NumberUnit;
}

/**
 * A number as typed: optional sign (the minus already ASCII), digits with optional comma
 * thousands separators, an optional fraction, then an optional unit.
 */
export const NUMBER = String.raw`(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+)`;
export const UNIT = String.raw`(?:\s*(%|pp|p\.p\.|pts?|percentage points?|percent(?:age)? points?|% points?|points?|percent|per cent))?`;

/** Longer than this (digits, separators aside) is not a figure anyone typed for a scorecard. */
export const MAX_DIGITS = 15;

const NOT_APPLICABLE = /^(?:n\/?a|-|–|none|no target|not applicable|no tolerance|no tolerances|not set|tbc|n\.a\.)$/i;

/**
 * Whether a cell says there is no target (`n/a`, `-`, `No target`); blank is not.
 *
 * @example
 * isNotApplicable('N/A') // true
 */
export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text.trim());
}

export function unitOf(written: string | undefined): NumberUnit {
  if (written === undefined || written === '') return 'plain';
  const u = written.toLowerCase();
  if (u === '%' || u === 'percent' || u === 'per cent') return 'percent';
  return 'points';
}

/**
 * The value of a number token; percentages as fractions (`e-2` keeps 95% exactly 0.95 and
 * 14.2% exactly 0.142). Null when it has too many digits to be a typed figure.
 *
 * @example
 * readNumber('1,384', 'plain') // 1384
 * readNumber('95', 'percent')  // 0.95
 */
export function readNumber(digits: string, unit: NumberUnit): number | null {
  const plain = digits.replace(/,/g, '');
  if (plain.replace(/[^\d]/g, '').length > MAX_DIGITS) return null;
  const value = Number(unit === 'plain' ? plain : `${plain}e-2`);
  return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
}

/**
 * The text as the grammar reads it: full-width forms and Arabic-Indic digits as ASCII,
 * `≥`/`≤` as `>=`/`<=`, every dash and the Unicode minus as `-`, one space, lower case.
 *
 * @example
 * normaliseTolerance(' ≥ 95 %') // '>= 95 %'
 */
export function normaliseTolerance(text: string): string {
  return asciiNumerals(text)
    .replace(/[\u2265\u2267]/g, '>=')
    .replace(/[\u2264\u2266]/g, '<=')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
