/**
 * Never fewer decimals than the analyst showed: the one rule both adapters follow, decided
 * when the plan is made (the plan carries each figure cell's number format). A row's unit
 * gives its format (`#,##0` for a count), but a figure shown as `316.3` on a count row keeps
 * its `.3`: the cell gets the unit's format with as many decimals as it was shown with.
 */
import type { Grid } from '../sheet/grid';
import type { CellInput } from '../types';
import type { CellStyle } from './types';

// A sheet has a handful of formats over thousands of figure cells: each is looked at once.
const DECIMALS = new Map<string, number>();

/** Decimal places a format's first section shows (`0.0%` -> 1, `#,##0` -> 0). */
export function formatDecimals(format: string): number {
  let decimals = DECIMALS.get(format);
  if (decimals === undefined) {
    decimals = decimalsOf(format);
    if (DECIMALS.size < 1024) DECIMALS.set(format, decimals);
  }
  return decimals;
}

function decimalsOf(format: string): number {
  const section = format.split(';')[0] ?? '';
  let inQuote = false;
  let decimals = -1;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') inQuote = !inQuote;
    else if (inQuote) continue;
    else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '.' && decimals < 0) decimals = 0;
    else if (decimals >= 0 && (ch === '0' || ch === '#' || ch === '?')) decimals++;
    else if (decimals >= 0 && ch !== ',') break;
  }
  return Math.max(0, decimals);
}

/** The format with `decimals` decimal places in each numeric section (`#,##0` -> `#,##0.0`); date sections unchanged. */
export function withDecimals(format: string, decimals: number): string {
  return format
    .split(';')
    .map((section) => {
      let last = -1;
      let inQuote = false;
      let out = '';
      // Copy the section without its decimal part, noting the last digit placeholder.
      for (let i = 0; i < section.length; i++) {
        const ch = section[i]!;
        if (ch === '"') inQuote = !inQuote;
        if (!inQuote && (ch === '\\' || ch === '_' || ch === '*')) {
          out += section.slice(i, i + 2);
          i++;
          continue;
        }
        if (!inQuote && /[dmyhs]/i.test(ch)) return section;
        if (!inQuote && ch === '.') {
          while (i + 1 < section.length && /[0#?]/.test(section[i + 1]!)) i++;
          continue;
        }
        if (!inQuote && /[0#?]/.test(ch)) last = out.length;
        out += ch;
      }
      if (last < 0) return section;
      return `${out.slice(0, last + 1)}.${'0'.repeat(decimals)}${out.slice(last + 1)}`;
    })
    .join(';');
}

/** Decimals a shown number has (`316.3` -> 1, `84.30%` -> 2, `1,384` -> 0). */
export function shownDecimals(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  let n = 0;
  while (dot + 1 + n < text.length && text.charCodeAt(dot + 1 + n) >= 0x30 && text.charCodeAt(dot + 1 + n) <= 0x39) n++;
  return n;
}

/** Whether text holds a digit (per figure cell, so without a regular expression). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) return true;
  return false;
}

/** `General` in any case, without a lower-case copy of every cell's format. */
function isGeneral(format: string): boolean {
  return format === 'General' || (format.length === 7 && format.toLowerCase() === 'general');
}

/** Most decimals a kept format gets (General can show a third as 0.333333333). */
const MAX_DECIMALS = 10;

/**
 * The format a figure cell gets: the unit's `planned` format, or the same with more
 * decimals when the figure was shown with more. A `%` format against a plain one keeps the
 * planned format (a `%` row's 0.508 shown under General is meant as 50.8%); text, blanks and
 * dates are not figures.
 *
 * @example keptFormat('#,##0', 316.3, '316.3', 'General') // '#,##0.0'
 * @example keptFormat('#,##0', 1384, '1,384', '#,##0') // '#,##0'
 */
export function keptFormat(planned: string, value: CellInput, shown: string, current: string): string {
  if (typeof value !== 'number' || planned.includes('%') !== current.includes('%')) return planned;
  // A figure too wide for its column shows as ####: its format says how many decimals it shows.
  const decimals = hasDigit(shown) ? shownDecimals(shown) : isGeneral(current) ? 0 : formatDecimals(current);
  if (decimals <= formatDecimals(planned)) return planned;
  return withDecimals(planned, Math.min(decimals, MAX_DECIMALS));
}

/**
 * A figure cell's style: `style` (the unit's number format), or a copy with the decimals the
 * figure was shown with, one shared object per format so the cells still group into boxes.
 * Without a grid (no displayed text to go by) the unit's style stands.
 */
export function figureStyles(grid: Grid | undefined): (style: CellStyle, row: number, col: number) => CellStyle {
  if (!grid) return (style) => style;
  const kept = new Map<string, CellStyle>();
  return (style, row, col) => {
    const planned = style.numberFormat;
    const i = row - grid.top;
    const j = col - grid.left;
    const value = grid.values[i]?.[j];
    if (planned === undefined || typeof value !== 'number') return style;
    const format = keptFormat(planned, value, grid.text[i]?.[j] ?? '', grid.numberFormats[i]?.[j] ?? 'General');
    if (format === planned) return style;
    let s = kept.get(format);
    if (!s) kept.set(format, (s = { ...style, numberFormat: format }));
    return s;
  };
}
