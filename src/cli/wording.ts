/**
 * How the `scorecard` command writes counts and figures in its summaries and tables: one
 * place, so every line groups thousands the same way and every noun agrees with its count.
 */

/**
 * An integer with thousands grouped by commas, as the reports print them (`1,335`).
 *
 * @example
 * grouped(5000) // '5,000'
 * grouped(-1234567) // '-1,234,567'
 */
export function grouped(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + groupDigits(String(Math.abs(Math.trunc(n))));
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * A count and its noun, agreeing: `1 DOT cell`, `24 DOT cells`, `5,000 indicator rows`.
 *
 * @example
 * count(1, 'revised figure') // '1 revised figure'
 * count(2, 'cell is', 'cells are') // '2 cells are'
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${grouped(n)} ${n === 1 ? singular : plural}`;
}

/** The word that agrees with a count: `agree(1, 'its cell', 'their cells')`. */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** A figure as a plain numeral: optional sign, digits (grouped or not), decimals, a percent sign. */
const NUMERAL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)$/;

function isGrouped(text: string): boolean {
  return NUMERAL.test(text.trim()) && text.includes(',');
}

/** `1339` -> `1,339`; anything that is not a plain numeral is returned as it is. */
function withGrouping(text: string): string {
  const m = NUMERAL.exec(text.trim());
  if (!m) return text;
  const [, sign, whole, fraction = '', percent] = m;
  return `${sign}${groupDigits(whole!.replace(/,/g, ''))}${fraction}${percent}`;
}

/**
 * Figures printed side by side in one line (published, now, change) with the same thousands
 * grouping: when either figure was shown grouped (`1,335` under `#,##0`), the others are
 * grouped too (`1339` -> `1,339`, a change `+1200` -> `+1,200`). Only the separators are
 * added: the digits, decimals, sign and percent sign stay as the analyst showed them, and
 * text such as `TBC` is left alone.
 *
 * @example
 * sameGrouping(['1,335', '1339', '+4']) // ['1,335', '1,339', '+4']
 * sameGrouping(['321', '325', '+4'])    // ['321', '325', '+4']
 */
export function sameGrouping(figures: readonly string[]): string[] {
  if (!figures.some(isGrouped)) return [...figures];
  return figures.map(withGrouping);
}
