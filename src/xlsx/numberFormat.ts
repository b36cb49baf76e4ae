import type { CellInput } from '../domain/types';
import { excelCalendar } from '../domain/excelDate';

/**
 * The text Excel would display for a value under a number format code, for the formats
 * scorecards and the format plans use: `General`, `0`, `0.0`, `#,##0`, `0.0%`, `0.00%`,
 * `mmm-yy`, `dd/mm/yyyy`, `@`, literal text, `[Red]` colours and `pos;neg;zero;text`
 * sections. exceljs has no formatter (its `cell.text` is the raw value as a string), and
 * the engine reads the displayed text (`84.30%` vs `84.3%` decides a revision), so the
 * xlsx adapter renders it the way Excel does.
 *
 * @example
 * formatValue(0.843, '0.0%')   // '84.3%'
 * formatValue(44105, 'mmm-yy') // 'Oct-20'
 * formatValue(1384, '#,##0')   // '1,384'
 */
export function formatValue(value: CellInput, numberFormat: string | undefined): string {
  return formatterOf(numberFormat)(value);
}

/**
 * `formatValue` with the format fixed: the code is looked up once, not per value (a
 * sheet's cells share a handful of formats).
 */
export function formatterOf(numberFormat: string | undefined): (value: CellInput) => string {
  const render = compiled(numberFormat && numberFormat.trim() !== '' ? numberFormat : 'General');
  return (value) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return render(value);
  };
}

type Render = (value: string | number) => string;

// A sheet has a handful of distinct formats over thousands of cells: each code is
// compiled once into a function (sections split, tokens found), then only run per cell.
const COMPILED = new Map<string, Render>();

function compiled(code: string): Render {
  let render = COMPILED.get(code);
  if (!render) {
    render = compile(code);
    if (COMPILED.size < 1000) COMPILED.set(code, render);
  }
  return render;
}

function compile(code: string): Render {
  const sections = split(code);
  // Only a fourth (text) section changes how text shows; `@` is the text itself.
  const textSection = sections[3] ?? (sections.length === 1 && sections[0]!.includes('@') ? sections[0] : undefined);
  const textLiteral = textSection ? renderLiterals(textSection) : null;
  const positive = compileSection(sections[0]!);
  // The negative section carries its own sign (e.g. `(0.0)`), so it formats the magnitude.
  const negative = sections.length >= 2 && sections[1] !== '' ? compileSection(sections[1]!) : null;
  const zero = sections.length >= 3 && sections[2] !== '' ? compileSection(sections[2]!) : null;
  return (value) => {
    if (typeof value === 'string') return textLiteral !== null ? textLiteral.replace('@', value) : value;
    if (!Number.isFinite(value)) return String(value);
    if (value < 0 && negative) return negative(-value);
    if (value === 0 && zero) return zero(value);
    return positive(value);
  };
}

function compileSection(section: string): (value: number) => string {
  const cleaned = stripColours(section);
  if (/^general$/i.test(cleaned.trim())) return formatGeneral;
  if (isDateFormat(cleaned)) return compileDate(cleaned);
  return compileNumber(cleaned);
}

function split(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < code.length) {
      current += ch + code[i + 1];
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/** `[Red]`, `[Color10]` and locale tags such as `[$-809]` change colour or language, not text. */
function stripColours(section: string): string {
  return section.replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
}

/** Unquotes `"text"`, `\x` escapes, `_x` spacers (a space) and drops `*x` fills. */
function renderLiterals(section: string): string {
  let out = '';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      out += section[i + 1] ?? '';
      i++;
    } else if (ch === '_') {
      out += ' ';
      i++;
    } else if (ch === '*') {
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Removes quoted text and escapes so format tokens can be recognised. */
function unquoted(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
}

function isDateFormat(section: string): boolean {
  return /[dmyhs]/i.test(unquoted(section).replace(/general/gi, ''));
}

/**
 * Excel's General shows integers as they are and other numbers with up to 10 significant
 * digits (it fits 11 characters in a standard-width column), switching to scientific
 * notation for very large or very small magnitudes.
 */
function formatGeneral(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = value.toExponential(5).split('e');
    const m = mantissa!.replace(/\.?0+$/, '');
    const e = Number(exponent);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (Number.isInteger(value)) return String(value);
  const text = value.toPrecision(10);
  return text.includes('e') ? String(Number(text)) : text.replace(/\.?0+$/, '');
}

const POWERS = Array.from({ length: 16 }, (_, i) => Math.pow(10, i));

/**
 * Rounds half away from zero at `decimals` places on the decimal digits, as Excel displays
 * (1.005 at two places shows 1.01, where `toFixed` gives 1.00 from the binary float).
 */
export function roundHalfAway(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // From 2^53 on every double is a whole number: nothing to round (and `${abs}e${decimals}`
  // would read 1e+21e1 as NaN).
  if (abs >= 2 ** 53 || !Number.isFinite(abs)) return value;
  if (decimals === 0) return sign * Math.round(abs);
  if (decimals <= 15) {
    // Away from a tie the binary product rounds the same way as the decimal digits do
    // (its error is ~1e-16 of it); only near .5 are the digits themselves shifted.
    const scale = POWERS[decimals]!;
    const x = abs * scale;
    if (Math.abs(x - Math.floor(x) - 0.5) > 1e-9 * Math.max(1, x)) return (sign * Math.round(x)) / scale;
  }
  const shifted = Math.round(Number(`${abs}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

/**
 * `toFixed`, also from 1e21 on, where `toFixed` switches to an exponent: Excel writes the
 * number's 15 significant digits and then zeros (1e21 under `0.0`: 1000000000000000000000.0).
 */
function fixedText(abs: number, decimals: number): string {
  if (abs < 1e21) return abs.toFixed(decimals);
  const [mantissa, exponent] = abs.toExponential(14).split('e');
  const digits = mantissa!.replace('.', '');
  const whole = digits.padEnd(Number(exponent) + 1, '0');
  return decimals > 0 ? `${whole}.${'0'.repeat(decimals)}` : whole;
}

function compileNumber(section: string): (value: number) => string {
  const body = unquoted(section);
  const percent = (body.match(/%/g) ?? []).length;
  const firstDigit = section.search(/[0#?]/);
  if (firstDigit < 0) {
    // A format with no digit placeholders shows only its literal text.
    const text = renderLiterals(section);
    return () => text;
  }
  let lastDigit = firstDigit;
  for (let i = firstDigit; i < section.length; i++) {
    if (/[0#?.,]/.test(section[i]!)) lastDigit = i;
    else break;
  }
  const pattern = section.slice(firstDigit, lastDigit + 1);
  const prefix = renderLiterals(section.slice(0, firstDigit));
  const suffix = renderLiterals(section.slice(lastDigit + 1));
  const [intPattern, decPattern = ''] = pattern.split('.');
  const trailingCommas = (intPattern!.match(/,+$/) ?? [''])[0].length;
  const grouped = /[0#?],[0#?]/.test(intPattern!);
  const decimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const minIntDigits = (intPattern!.match(/0/g) ?? []).length;
  // `#` decimals are optional digits: trailing zeros in their places are not shown.
  const optional = decimals - (decPattern.match(/0/g) ?? []).length;
  const hasPoint = pattern.includes('.');
  const times = Math.pow(100, percent);
  const per = Math.pow(1000, trailingCommas);
  // One integer digit at least, every decimal shown, a point only with decimals (`0.0`,
  // `0.0%`, `#,##0`): the number's text is `toFixed`'s, grouped when it has over 3 digits.
  const plain = minIntDigits === 1 && optional === 0 && hasPoint === decimals > 0;
  const sign = (n: number): string => (n < 0 ? '-' : '');

  return (value) => {
    const scaled = roundHalfAway(times === 1 && per === 1 ? value : (value * times) / per, decimals);
    const abs = Math.abs(scaled);
    const fixed = fixedText(abs, decimals);
    // Below 1e21 toFixed writes every digit (no exponent), so the point is `decimals` from the end.
    if (plain && abs < 1e21 && (!grouped || fixed.length - (decimals > 0 ? decimals + 1 : 0) <= 3)) return sign(scaled) + prefix + fixed + suffix;
    const point = fixed.indexOf('.');
    const intDigits = point < 0 ? fixed : fixed.slice(0, point);
    let intText = intDigits === '0' && minIntDigits === 0 ? '' : intDigits;
    if (intText.length < minIntDigits) intText = intText.padStart(minIntDigits, '0');
    if (grouped && intText.length > 3) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    let numberText = intText;
    if (hasPoint) {
      let fracText = point < 0 ? '' : fixed.slice(point + 1);
      for (let i = 0; i < optional && fracText.endsWith('0'); i++) fracText = fracText.slice(0, -1);
      numberText = `${intText}.${fracText}`;
    }
    return `${scaled < 0 ? '-' : ''}${prefix}${numberText}${suffix}`;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function compileDate(section: string): (serial: number) => string {
  const tokens = tokenizeDate(section);
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  // `m` means minutes right after an hour or right before seconds, as in Excel.
  const minutes = tokens.map((t, i) => {
    if (t.kind !== 'token' || t.text[0]!.toLowerCase() !== 'm' || t.text.length > 2) return false;
    const prev = tokens.slice(0, i).reverse().find((x) => x.kind === 'token');
    const next = tokens.slice(i + 1).find((x) => x.kind === 'token');
    return Boolean((prev && /^h/i.test(prev.text)) || (next && /^s/i.test(next.text)));
  });
  return (serial) => {
    const date = excelCalendar(serial);
    // Excel fills the cell with # for a date it cannot show (negative, or after 9999).
    if (!date) return '########';
    let out = '';
    tokens.forEach((t, i) => {
      if (t.kind === 'literal') {
        out += t.text;
        return;
      }
      if (t.kind === 'ampm') {
        out += date.hours < 12 ? 'AM' : 'PM';
        return;
      }
      const n = t.text.length;
      switch (t.text[0]!.toLowerCase()) {
        case 'y':
          out += n <= 2 ? String(date.year % 100).padStart(2, '0') : String(date.year);
          return;
        case 'd':
          out += n === 1 ? String(date.day) : n === 2 ? String(date.day).padStart(2, '0') : n === 3 ? DAYS[date.weekday]!.slice(0, 3) : DAYS[date.weekday]!;
          return;
        case 'h': {
          let h = date.hours;
          if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
          out += n >= 2 ? String(h).padStart(2, '0') : String(h);
          return;
        }
        case 's':
          out += n >= 2 ? String(date.seconds).padStart(2, '0') : String(date.seconds);
          return;
        case 'm': {
          if (minutes[i]) {
            out += n === 2 ? String(date.minutes).padStart(2, '0') : String(date.minutes);
            return;
          }
          const month = date.month;
          out += n === 1 ? String(month + 1) : n === 2 ? String(month + 1).padStart(2, '0') : n === 3 ? MONTHS[month]!.slice(0, 3) : n === 5 ? MONTHS[month]![0] : MONTHS[month];
          return;
        }
      }
    });
    return out;
  };
}

type DateToken = { kind: 'literal' | 'token' | 'ampm'; text: string };

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'literal', text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(section.slice(i))) {
      tokens.push({ kind: 'ampm', text: 'AM/PM' });
      i += 5;
    } else if (/[dmyhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'token', text: section.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'literal', text: ch === '_' ? ' ' : ch === '*' ? '' : ch });
      i += ch === '_' || ch === '*' ? 2 : 1;
    }
  }
  return tokens;
}
