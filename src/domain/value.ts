import { asciiNumerals, hasUnreadDigits } from './numerals';
import type { CellInput } from './types';

/**
 * A cell value as the engine understands it. A placeholder (`TBC Feb 19`, `n/a`, blank)
 * is `missing`, never 0; booleans and NaN/Infinity are `invalid`.
 */
export type ParsedValue =
  | {
      kind: 'number';
      /** As Excel holds it: 84.3% is 0.843. */
      value: number;
      /** Shown as a percentage (a `%` number format or a `%` sign in the text). */
      percent: boolean;
      /** Decimals shown (of the percentage when `percent`), or null when unknown (`General`). */
      decimals: number | null;
      /** Text after the number, e.g. `(HT1)` in `13.7% (HT1)`. */
      annotation: string | null;
    }
  | { kind: 'missing'; reason: 'blank' | 'placeholder'; text: string }
  | { kind: 'invalid'; text: string };

export type NumberValue = Extract<ParsedValue, { kind: 'number' }>;

/** What an adapter knows about how a cell is displayed. */
export interface ValueHint {
  /** The displayed text (Excel's `range.text`). */
  text?: string;
  /** The number format code (`0.0%`, `General`, `#,##0`). */
  numberFormat?: string;
}

// A leading number: optional sign (ASCII or Unicode minus), digits with optional thousands
// separators, optional fraction, optional % sign; the rest is an annotation.
const LEADING_NUMBER = /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?\s*(%?)(.*)$/s;

/**
 * Reads a cell as a number, a missing value or an invalid one.
 *
 * @example
 * parseValue('84.3%')        // { kind: 'number', value: 0.843, percent: true, decimals: 1, annotation: null }
 * parseValue('13.7% (HT1)')  // { kind: 'number', value: 0.137, ..., annotation: '(HT1)' }
 * parseValue(0.843, { numberFormat: '0.0%' }) // percent: true, decimals: 1
 * parseValue('TBC Feb 19')   // { kind: 'missing', reason: 'placeholder', text: 'TBC Feb 19' }
 */
export function parseValue(input: CellInput, hint?: ValueHint): ParsedValue {
  return parseCellValue(input, hint?.text, hint?.numberFormat);
}

/**
 * `parseValue` with the hint's text and number format passed as they are (a sheet reader
 * calls it for every cell, so no hint object is made for each).
 * @example parseCellValue(0.843, '84.3%', '0.0%') // as parseValue(0.843, { text: '84.3%', numberFormat: '0.0%' })
 */
export function parseCellValue(input: CellInput, text: string | undefined, numberFormat: string | undefined): ParsedValue {
  if (input === null || input === undefined) return { kind: 'missing', reason: 'blank', text: '' };
  if (typeof input === 'boolean') return { kind: 'invalid', text: input ? 'TRUE' : 'FALSE' };
  if (typeof input === 'number') return parseNumberCell(input, text, numberFormat);
  return parseText(input);
}

function parseNumberCell(value: number, text: string | undefined, format: string | undefined): ParsedValue {
  if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value) };
  if (format !== undefined && format !== '' && !isGeneral(format)) {
    const shown = formatShape(format);
    return numberValue(value, shown.percent, shown.decimals);
  }
  // No usable format: the displayed text (if any) still tells percent and decimals.
  if (text !== undefined) {
    // A plain figure (`609`, `84.3%`) is read without an object: only its shape is kept.
    if (readPlainNumber(text)) {
      const percent = plainPercent;
      const decimals = plainDecimals;
      if (displayed(value, decimals, percent) === displayed(plainValue, decimals, percent)) return numberValue(value, percent, decimals);
      return numberValue(value, false, null);
    }
    const fromText = parseText(text);
    // The text is rounded for display, so it matches when the value rounds to it.
    if (
      fromText.kind === 'number' &&
      displayed(value, fromText.decimals, fromText.percent) === displayed(fromText.value, fromText.decimals, fromText.percent)
    ) {
      return numberValue(value, fromText.percent, fromText.decimals);
    }
  }
  return numberValue(value, false, null);
}

/**
 * The readings of number cells, by how they are shown (percent, and decimals up to 15 or
 * unknown) and value: a sheet shows the same figures (84.3%, 12, 0.0%) in many cells, and
 * a reading is one object for all the cells that read alike (readings are only ever read).
 * A fixed table indexed by a hash of the value (a Map keyed by doubles costs more than the
 * object it saves): a reading found at its place is taken when it is the same figure shown
 * the same way, else a new one is made and takes the place.
 */
const READING_SLOTS = 4096;
const readingValues = new Float64Array(READING_SLOTS);
const readingShapes = new Int8Array(READING_SLOTS).fill(-1);
const readings: Array<NumberValue | null> = Array.from({ length: READING_SLOTS }, () => null);

/** `{ kind: 'number', value, percent, decimals, annotation: null }`, shared with the cells that read the same. */
function numberValue(value: number, percent: boolean, decimals: number | null): NumberValue {
  // Decimals past 15 are rare, and -0 would match 0 (=== tells them not apart): made afresh.
  if ((decimals !== null && (decimals < 0 || decimals > 15)) || (value === 0 && 1 / value < 0)) return { kind: 'number', value, percent, decimals, annotation: null };
  const shape = (decimals === null ? 0 : decimals + 1) * 2 + (percent ? 1 : 0);
  let h = ((value * 10_000_000) | 0) ^ (shape << 24);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  const at = (h ^ (h >>> 16)) & (READING_SLOTS - 1);
  const known = readings[at];
  if (known !== null && readingValues[at] === value && readingShapes[at] === shape) return known;
  const reading: NumberValue = { kind: 'number', value, percent, decimals, annotation: null };
  readings[at] = reading;
  readingValues[at] = value;
  readingShapes[at] = shape;
  return reading;
}

/** `General` in any case, without making a lower-case copy of every cell's format. */
function isGeneral(format: string): boolean {
  return format === 'General' || (format.length === 7 && format.toLowerCase() === 'general');
}

// Powers of ten held exactly by a double (10^0 .. 10^22).
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
// 15 significant digits always fit a double's 53-bit integer exactly.
const FAST_DIGITS = 15;

/** What `readPlainNumber` last read. */
let plainValue = 0;
let plainPercent = false;
let plainDecimals = 0;

/**
 * `609`, `84.3%`, `-2.5`: the plain figures most cells hold, read without a regular
 * expression or a string. The digits form an integer held exactly and 10^k is exact, so
 * one division rounds once, to the same double `Number('84.3e-2')` gives; anything else
 * (spaces, separators, annotations, longer numbers) is false, for the general reader. What
 * it read is left in `plainValue`, `plainPercent` and `plainDecimals` (no object per cell
 * for a figure only looked at).
 */
function readPlainNumber(text: string): boolean {
  const n = text.length;
  let i = 0;
  let negative = false;
  let c = text.charCodeAt(0);
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let intDigits = 0;
  for (; i < n; i += 1) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    mantissa = mantissa * 10 + (c - 48);
    intDigits += 1;
  }
  digits = intDigits;
  let decimals = 0;
  if (i < n && c === 46 /* . */) {
    i += 1;
    for (; i < n; i += 1) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
      decimals += 1;
    }
    // `5.` is not a number to the general reader either; let it say so.
    if (decimals === 0) return false;
    digits += decimals;
  }
  if (digits === 0 || digits > FAST_DIGITS) return false;
  let percent = false;
  if (i < n && c === 37 /* % */) {
    percent = true;
    i += 1;
  }
  if (i !== n) return false;
  const scale = decimals + (percent ? 2 : 0);
  const magnitude = scale === 0 ? mantissa : mantissa / POW10[scale];
  // -0 is shown and compared as 0.
  plainValue = negative && magnitude !== 0 ? -magnitude : magnitude;
  plainPercent = percent;
  plainDecimals = decimals;
  return true;
}

/** `readPlainNumber` as a reading, or null. */
function parsePlainNumber(text: string): NumberValue | null {
  return readPlainNumber(text) ? { kind: 'number', value: plainValue, percent: plainPercent, decimals: plainDecimals, annotation: null } : null;
}

/** What an annotation starts with after the number: a space or a bracket. */
const ANNOTATION_START = /^[\s([]/;

function parseText(raw: string): ParsedValue {
  const plain = parsePlainNumber(raw);
  if (plain !== null) return plain;
  const written = raw.trim();
  if (written === '') return { kind: 'missing', reason: 'blank', text: '' };
  // `９５％` and `٩٥` are 95; digits of other scripts are not guessed at, and are never a placeholder.
  if (hasUnreadDigits(asciiNumerals(written))) return { kind: 'invalid', text: written };
  const text = asciiNumerals(written).trim();
  if (text === '') return { kind: 'missing', reason: 'blank', text: '' };
  const m = LEADING_NUMBER.exec(text);
  const intPart = m?.[2];
  const fracPart = m?.[3];
  if (!m || (intPart === undefined && fracPart === undefined)) {
    // No leading number: `TBC Feb 19`, `-`, `n/a`, `Annual Measure` are placeholders.
    return { kind: 'missing', reason: 'placeholder', text: written };
  }
  const rest = m[5].trim();
  // `12abc` or `2019/20` is neither a number nor a placeholder: an annotation starts
  // after a space or a bracket (`13.7% (HT1)`, `159 (Jan19 - Dec19)`).
  if (rest !== '' && !ANNOTATION_START.test(m[5])) return { kind: 'invalid', text: written };
  const sign = m[1] === '' || m[1] === '+' ? '' : '-';
  const digits = `${sign}${(intPart ?? '0').replace(/,/g, '')}${fracPart !== undefined ? `.${fracPart}` : ''}`;
  const percent = m[4] === '%';
  // `e-2` lets the decimal parser round once, so `84.3%` is exactly 0.843, not 0.8430000000000001.
  const value = Number(percent ? `${digits}e-2` : digits);
  if (!Number.isFinite(value)) return { kind: 'invalid', text: written };
  return {
    kind: 'number',
    value: Object.is(value, -0) ? 0 : value,
    percent,
    decimals: fracPart === undefined ? 0 : fracPart.length,
    annotation: rest === '' ? null : rest,
  };
}

/**
 * Percent and decimals of an Excel number format: `0.0%` -> percent, 1 decimal;
 * `#,##0.00` -> 2 decimals. Only the first section (positive numbers) matters here.
 *
 * @example
 * formatShape('0.0%') // { percent: true, decimals: 1 }
 */
export function formatShape(format: string): { percent: boolean; decimals: number | null } {
  // A sheet has a handful of formats over thousands of cells: each is looked at once.
  const known = SHAPES.get(format);
  if (known) return known;
  const shape = Object.freeze(shapeOf(format));
  if (SHAPES.size < 1024) SHAPES.set(format, shape);
  return shape;
}

const SHAPES = new Map<string, Readonly<{ percent: boolean; decimals: number | null }>>();

function shapeOf(format: string): { percent: boolean; decimals: number | null } {
  // Drop quoted literals, escaped characters and colour/condition brackets before looking.
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const percent = section.includes('%');
  if (section.trim().toLowerCase() === 'general') return { percent, decimals: null };
  const dot = section.indexOf('.');
  if (dot < 0) return { percent, decimals: /[0#?]/.test(section) ? 0 : null };
  const fraction = /^[0#?]*/.exec(section.slice(dot + 1))?.[0] ?? '';
  return { percent, decimals: fraction.length };
}

/**
 * The number as displayed, rounded to `decimals` (of the percentage when `percent`), or
 * the value itself when the precision is unknown. Used to compare figures the way a
 * reader does: 84.30% and 84.3% are the same figure.
 *
 * @example
 * displayed(0.843, 2, true) // 84.3
 */
export function displayed(value: number, decimals: number | null, percent: boolean): number {
  const shown = percent ? value * 100 : value;
  if (decimals === null) return shown;
  // Beyond 15 decimals a double holds nothing more to round (and 10 ** 400 is Infinity,
  // which would turn every figure into NaN).
  const f = 10 ** Math.min(decimals, 15);
  const scaled = shown * f;
  // Too large to scale (1e300 at 15 decimals): the number has no fraction left to round.
  if (!Number.isFinite(scaled)) return shown;
  // Far from a half (and small enough that 15 significant digits reach below 1e-6), float
  // artefacts cannot move the rounding: no string round trip on the hot path.
  if (scaled === 0) return 0;
  const fraction = Math.abs(scaled - Math.trunc(scaled));
  if (Math.abs(scaled) < 1e9 && Math.abs(fraction - 0.5) > 1e-6) return Math.round(scaled) / f;
  // toPrecision(15) removes float artefacts (1.005 * 100 = 100.49999999999999) before rounding.
  return Math.round(Number(scaled.toPrecision(15))) / f;
}

/**
 * Whether two figures are equal at display precision. With `decimals` null they are
 * compared exactly, up to a relative float epsilon.
 *
 * @example
 * equalAtDisplay(0.843, 0.8430, 2, true) // true
 * equalAtDisplay(0.843, 0.8434, 2, true) // false (84.30% vs 84.34%)
 */
export function equalAtDisplay(a: number, b: number, decimals: number | null, percent: boolean): boolean {
  // The same figure is the same as shown, however many decimals it was typed with.
  if (a === b) return true;
  if (decimals === null) return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return displayed(a, decimals, percent) === displayed(b, decimals, percent);
}

/**
 * The precision at which two parsed figures should be compared: the finer of the two
 * (84.30% next to 84.3% compares at 2 decimals; both denote the same figure), or null
 * when neither says.
 *
 * @example
 * comparePrecision(parseValue('84.30%'), parseValue('84.3%')) // 2
 */
export function comparePrecision(a: ParsedValue, b: ParsedValue): number | null {
  const da = a.kind === 'number' ? a.decimals : null;
  const db = b.kind === 'number' ? b.decimals : null;
  if (da === null) return db;
  if (db === null) return da;
  return Math.max(da, db);
}

/**
 * Coerces a cell or an already parsed value to a ParsedValue.
 *
 * @example
 * toParsed(609)              // { kind: 'number', value: 609, ... }
 * toParsed(parseValue('-'))  // the same missing value, unchanged
 */
export function toParsed(input: ParsedValue | CellInput): ParsedValue {
  if (input !== null && typeof input === 'object') return input;
  return parseValue(input);
}
