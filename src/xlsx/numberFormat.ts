import type { CellInput } from '../domain/types';
import { dateFromSerial } from './serial';

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
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const sections = splitSections(numberFormat && numberFormat.trim() !== '' ? numberFormat : 'General');
  if (typeof value === 'string') {
    // Only a fourth (text) section changes how text shows; `@` is the text itself.
    const textSection = sections[3] ?? (sections.length === 1 && sections[0]!.includes('@') ? sections[0] : undefined);
    return textSection ? renderLiterals(textSection).replace('@', value) : value;
  }
  if (!Number.isFinite(value)) return String(value);
  let section = sections[0]!;
  let number = value;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    // The negative section carries its own sign (e.g. `(0.0)`), so format the magnitude.
    section = sections[1]!;
    number = -value;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== '') {
    section = sections[2]!;
  }
  const cleaned = stripColours(section);
  if (/^general$/i.test(cleaned.trim())) return formatGeneral(number);
  if (isDateFormat(cleaned)) return formatDate(number, cleaned);
  return formatNumber(number, cleaned);
}

// A sheet has a handful of distinct formats over thousands of cells: split each once.
const SECTIONS = new Map<string, string[]>();

function splitSections(code: string): string[] {
  let cached = SECTIONS.get(code);
  if (!cached) {
    cached = split(code);
    if (SECTIONS.size < 1000) SECTIONS.set(code, cached);
  }
  return cached;
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

/**
 * Rounds half away from zero at `decimals` places on the decimal digits, as Excel displays
 * (1.005 at two places shows 1.01, where `toFixed` gives 1.00 from the binary float).
 */
export function roundHalfAway(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

function formatNumber(value: number, section: string): string {
  const body = unquoted(section);
  const percent = (body.match(/%/g) ?? []).length;
  const firstDigit = section.search(/[0#?]/);
  if (firstDigit < 0) {
    // A format with no digit placeholders shows only its literal text.
    return renderLiterals(section);
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

  let scaled = value * Math.pow(100, percent) / Math.pow(1000, trailingCommas);
  scaled = roundHalfAway(scaled, decimals);
  const negative = scaled < 0;
  const [intDigits, fracDigits = ''] = Math.abs(scaled).toFixed(decimals).split('.');
  let intText = intDigits === '0' && minIntDigits === 0 ? '' : intDigits!;
  if (intText.length < minIntDigits) intText = intText.padStart(minIntDigits, '0');
  if (grouped) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let fracText = fracDigits;
  // `#` decimals are optional digits: trailing zeros in their places are not shown.
  const optional = decimals - (decPattern.match(/0/g) ?? []).length;
  for (let i = 0; i < optional && fracText.endsWith('0'); i++) fracText = fracText.slice(0, -1);
  const numberText = pattern.includes('.') ? `${intText}.${fracText}` : intText;
  return `${negative ? '-' : ''}${prefix}${numberText}${suffix}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDate(serial: number, section: string): string {
  const date = dateFromSerial(serial);
  const tokens = tokenizeDate(section);
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  tokens.forEach((t, i) => {
    if (t.kind === 'literal') {
      out += t.text;
      return;
    }
    if (t.kind === 'ampm') {
      out += date.getUTCHours() < 12 ? 'AM' : 'PM';
      return;
    }
    const n = t.text.length;
    switch (t.text[0]!.toLowerCase()) {
      case 'y':
        out += n <= 2 ? String(date.getUTCFullYear() % 100).padStart(2, '0') : String(date.getUTCFullYear());
        return;
      case 'd':
        out += n === 1 ? String(date.getUTCDate()) : n === 2 ? String(date.getUTCDate()).padStart(2, '0') : n === 3 ? DAYS[date.getUTCDay()]!.slice(0, 3) : DAYS[date.getUTCDay()]!;
        return;
      case 'h': {
        let h = date.getUTCHours();
        if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
        out += n >= 2 ? String(h).padStart(2, '0') : String(h);
        return;
      }
      case 's':
        out += n >= 2 ? String(date.getUTCSeconds()).padStart(2, '0') : String(date.getUTCSeconds());
        return;
      case 'm': {
        // `m` means minutes right after an hour or right before seconds, as in Excel.
        const prev = tokens.slice(0, i).reverse().find((x) => x.kind === 'token');
        const next = tokens.slice(i + 1).find((x) => x.kind === 'token');
        const minutes = n <= 2 && ((prev && /^h/i.test(prev.text)) || (next && /^s/i.test(next.text)));
        if (minutes) {
          out += n === 2 ? String(date.getUTCMinutes()).padStart(2, '0') : String(date.getUTCMinutes());
          return;
        }
        const month = date.getUTCMonth();
        out += n === 1 ? String(month + 1) : n === 2 ? String(month + 1).padStart(2, '0') : n === 3 ? MONTHS[month]!.slice(0, 3) : n === 5 ? MONTHS[month]![0] : MONTHS[month];
        return;
      }
    }
  });
  return out;
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
