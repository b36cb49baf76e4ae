import { parseValue } from '../value';

/**
 * A number exactly as shown: `mantissa × 10^-exponent` in the units the cell holds
 * (percentages as fractions). `84.3%` is {mantissa: 843, exponent: 3}; `84.30%` is
 * {8430, 4}; `159 (Jan19 - Dec19)` is {159, 0}. Integers, so that rounding to a coarser
 * precision is exact (no float artefacts such as 0.8435 / 0.001 = 843.4999…).
 */
export interface ShownNumber {
  mantissa: number;
  exponent: number;
  percent: boolean;
}

// When the text is not a number (Excel shows `####` in a column too narrow), compare the
// value itself at a precision finer than any scorecard shows.
const FALLBACK_EXPONENT = 9;

/**
 * The number a cell shows, at the precision it shows it, or null for a placeholder or
 * blank. Read from the displayed text (the engine's `parseValue`, so `13.7% (HT1)` is
 * 13.7% at one decimal); the held value is used only when the text is not a number.
 *
 * @example
 * shownNumber('84.30%', 0.843) // { mantissa: 8430, exponent: 4, percent: true }
 * shownNumber('TBC', null)     // null
 */
export function shownNumber(display: string, value: number | null): ShownNumber | null {
  const parsed = parseValue(display);
  if (parsed.kind === 'number' && parsed.decimals !== null) {
    const exponent = parsed.decimals + (parsed.percent ? 2 : 0);
    // The text had exactly `exponent` decimals: scaling back gives an integer up to float noise.
    return { mantissa: Math.round(parsed.value * 10 ** exponent), exponent, percent: parsed.percent };
  }
  if (value === null || !Number.isFinite(value)) return null;
  return { mantissa: Math.round(value * 10 ** FALLBACK_EXPONENT), exponent: FALLBACK_EXPONENT, percent: false };
}

/**
 * Round a shown number to a coarser exponent, half away from zero as Excel displays.
 *
 * @example roundTo({ mantissa: 8435, exponent: 4, percent: true }, 3) // 844
 */
export function roundTo(n: ShownNumber, exponent: number): number {
  if (exponent >= n.exponent) return n.mantissa * 10 ** (exponent - n.exponent);
  const div = 10 ** (n.exponent - exponent);
  const q = Math.abs(n.mantissa) / div;
  // q is an exact quotient of integers; `floor(q + 0.5)` is half-up on the magnitude.
  return Math.sign(n.mantissa) * Math.floor(q + 0.5);
}

/**
 * Whether two shown numbers are equal at the coarser of their two precisions, so that a
 * format change alone (`84.30%` → `84.3%`) is not a change of figure.
 *
 * @example
 * sameAtShownPrecision(shownNumber('84.30%', 0.843)!, shownNumber('84.3%', 0.843)!) // true
 * sameAtShownPrecision(shownNumber('84.3%', 0.843)!, shownNumber('84.4%', 0.844)!)  // false
 */
export function sameAtShownPrecision(a: ShownNumber, b: ShownNumber): boolean {
  const e = Math.min(a.exponent, b.exponent);
  return roundTo(a, e) === roundTo(b, e);
}
