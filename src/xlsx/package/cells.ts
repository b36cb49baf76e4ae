import type { TextOut } from './textOut';
import { XmlError, type XNode } from './xml';

/**
 * The cells of a worksheet's `<sheetData>` (ECMA-376 Part 1 §18.3.1.80), read by a
 * scanner made for them rather than by the general XML parser: a sheet is almost all
 * cells, and a tree node (or even a parser event object) per cell is what made reading
 * a big sheet slow and large. The scanner walks the text once with `indexOf` (no regular
 * expression, so no backtracking: linear in the part's length) and keeps one record per
 * `<c>` and per `<row>`; it checks what the XML parser would for this content: tags
 * balanced and properly nested, attributes quoted, only the five predefined entities and
 * character references, comments and CDATA closed. A DOCTYPE cannot appear here (it is
 * only allowed before the root element, which the XML parser reads and refuses).
 */

/**
 * What few cells have: a formula, inline text, their attributes asked for by name; and a
 * style or type `CellRec` cannot pack (an index past 2^26, a type no producer writes).
 */
interface CellExtra {
  f: string | null;
  fAttrs: Record<string, string> | null;
  is: string | null;
  attrs: Record<string, string> | null;
  style: number;
  t: string | undefined;
  hasStyle: boolean;
}

/** Cell types by their code in `CellRec`'s packed style and type (code = index + 1; 0: no `t`). */
const TYPES = ['s', 'n', 'str', 'b', 'e', 'inlineStr', 'd'];
/** The largest style index packed with the type (a sheet's styles number a few thousand at most). */
const PACKED_STYLE_MAX = (1 << 26) - 1;
const HAS_STYLE = 16;

/** Which of a cell's texts the scanner is reading: none, `<v>`, `<f>`, an inline `<t>`. */
type Field = 0 | 1 | 2 | 3;
const NO_FIELD = 0;
const V_FIELD = 1;
const F_FIELD = 2;
const T_FIELD = 3;

/**
 * One `<c>` element. Its attributes are parsed from the text only when asked for (most
 * cells are only ever asked their value, type and style, which are read while scanning).
 * A sheet has hundreds of thousands of these, all kept while it is edited: what most
 * cells lack (a formula, inline text) is kept aside, and the value of a plain
 * `<c><v>text</v></c>` cell is left in the file's text until asked for (a figure is read
 * as a number from there, by `plainNumber`, with no string made for it).
 */
export class CellRec {
  /** `<v>`'s decoded text; undefined while it is the plain text of the `<v>` right after the start tag. */
  private value: string | null | undefined = null;
  private extra: CellExtra | null = null;
  /** Style index << 5 | HAS_STYLE | type code; -1 when they are in `extra`. */
  private readonly kind: number;

  constructor(
    private readonly source: string,
    readonly row: number,
    readonly col: number,
    readonly start: number,
    readonly openEnd: number,
    public end: number,
    style: number,
    t: string | undefined,
    hasStyle: boolean,
  ) {
    const code = t === undefined ? 0 : TYPES.indexOf(t) + 1;
    if ((t === undefined || code > 0) && Number.isInteger(style) && style >= 0 && style <= PACKED_STYLE_MAX) this.kind = (style << 5) | (hasStyle ? HAS_STYLE : 0) | code;
    else {
      this.kind = -1;
      this.extra = { f: null, fAttrs: null, is: null, attrs: null, style, t, hasStyle };
    }
  }

  /** The cell format index (`s`, 0 when absent). */
  get style(): number {
    return this.kind >= 0 ? this.kind >>> 5 : this.extra!.style;
  }

  /** The cell type (`t`), undefined when absent (a number). */
  get t(): string | undefined {
    if (this.kind < 0) return this.extra!.t;
    const code = this.kind & 15;
    return code === 0 ? undefined : TYPES[code - 1];
  }

  /** Whether the element has an `s` attribute. */
  get hasStyle(): boolean {
    return this.kind >= 0 ? (this.kind & HAS_STYLE) !== 0 : this.extra!.hasStyle;
  }

  /** Whether the element closes itself (`<c r="A1"/>`): one with content ends after its start tag. */
  get selfClosing(): boolean {
    return this.end === this.openEnd;
  }

  /** The value's text (`<v>`), decoded; null when the cell has none. */
  get v(): string | null {
    if (this.value !== undefined) return this.value;
    return this.source.slice(this.openEnd + 3, this.plainValueEnd());
  }

  get f(): string | null {
    return this.extra === null ? null : this.extra.f;
  }

  get fAttrs(): Record<string, string> | null {
    return this.extra === null ? null : this.extra.fAttrs;
  }

  /** Inline string text (`t="inlineStr"`), phonetic runs left out. */
  get is(): string | null {
    return this.extra === null ? null : this.extra.is;
  }

  /**
   * The value as `Number(v)` reads it when it is plain decimal digits (`12`, `-0.907`,
   * at most 15 digits), read from the file's text; NaN for anything else (read `v` then).
   */
  plainNumber(): number {
    if (this.value !== undefined) return NaN;
    return decimalAt(this.source, this.openEnd + 3, this.plainValueEnd());
  }

  /** Every attribute of the element as written (decoded). */
  get attrs(): Record<string, string> {
    const extra = this.more();
    if (!extra.attrs) {
      const scratch: number[] = [];
      const count = readTag(this.source, this.start, 'cell', scratch).count;
      extra.attrs = attrsOf(this.source, scratch, count, 'cell');
    }
    return extra.attrs;
  }

  /** Where `</v>` starts in a plain cell: before `</v></NAME>`, NAME as the start tag spells it. */
  private plainValueEnd(): number {
    let e = this.start + 1;
    for (;;) {
      const ch = this.source.charCodeAt(e);
      if (isSpace(ch) || ch === SLASH || ch === GT) break;
      e++;
    }
    return this.end - 7 - (e - this.start - 1);
  }

  private more(): CellExtra {
    return (this.extra ??= { f: null, fAttrs: null, is: null, attrs: null, style: 0, t: undefined, hasStyle: false });
  }

  /** The scanner's: `<v>` read as plain text between `openEnd + 3` and `</v>`. */
  plainValue(): void {
    this.value = undefined;
  }

  /** The scanner's: text read inside `<v>`, `<f>` or `<t>`. */
  addText(field: Field, t: string): void {
    if (field === V_FIELD) this.value = this.value === null || this.value === undefined ? t : this.value + t;
    else if (field === F_FIELD) {
      const extra = this.more();
      extra.f = extra.f === null ? t : extra.f + t;
    } else if (field === T_FIELD) {
      const extra = this.more();
      extra.is = extra.is === null ? t : extra.is + t;
    }
  }

  /** The scanner's: a `<f>` element opened, with its attributes. */
  formula(attrs: Record<string, string>): void {
    const extra = this.more();
    extra.fAttrs = attrs;
    extra.f = '';
  }
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `Number(text[from, to))` when that is an optional `-`, digits and at most one `.` with at
 * most 15 digits in all; NaN otherwise. Exact: the digits as an integer and the power of ten
 * are both exact doubles, so their quotient is the correctly rounded value, as Number's is.
 */
export function decimalAt(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === 0x2d; /* - */
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let decimals = 0;
  let point = false;
  for (; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 0x30 && ch <= 0x39) {
      m = m * 10 + (ch - 0x30);
      digits++;
      if (point) decimals++;
    } else if (ch === 0x2e /* . */ && !point) point = true;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = m / POWERS_OF_TEN[decimals]!;
  return negative ? -value : value;
}

export interface RowRec {
  row: number;
  node: XNode;
  /** The row's cells in document order. */
  cells: CellRec[];
  /** The same cells by column (sparse). */
  byCol: CellRec[];
}

export interface ScannedData {
  /** Rows in document order. */
  rows: RowRec[];
  /** Offset of `</sheetData>`'s `<`. */
  closeStart: number;
  /** Offset just after `</sheetData>`. */
  end: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = 0x26;

export function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its entity and character references decoded (an unknown entity is an error). */
function decode(text: string, part: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let at = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlError(part, 'an entity reference is not terminated');
    const name = text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const code = name.charCodeAt(1) === 0x78 /* x */ ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const digits = name.charCodeAt(1) === 0x78 ? name.slice(2) : name.slice(1);
      if (!/^[0-9a-fA-F]+$/.test(digits) || !Number.isFinite(code) || code === 0 || code > 0x10ffff) throw new XmlError(part, `malformed character reference &${name};`);
      ch = String.fromCodePoint(code);
    } else ch = ENTITIES[name];
    if (ch === undefined) throw new XmlError(part, `undefined entity &${name};`);
    out += text.slice(at, amp) + ch;
    at = semi + 1;
    amp = text.indexOf('&', at);
  }
  return out + text.slice(at);
}

/** Element text as an XML parser reports it: line ends normalised, references decoded. */
function textOf(raw: string, part: string): string {
  const t = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  return decode(t, part);
}

const tagScratch: number[] = [];

/**
 * A cell's start tag as written with its style set to `style`, onto `out`: every other
 * attribute as the producer wrote it (copied as a range of the text), `s` in its place
 * (or last when it had none), none for style 0.
 */
export function writeStyledStartTag(out: TextOut, text: string, cell: CellRec, style: number): void {
  const { nameEnd, count } = readTag(text, cell.start, 'cell', tagScratch);
  out.range(cell.start, nameEnd);
  let seen = false;
  for (let k = 0; k < count; k++) {
    const a = tagScratch[4 * k]!;
    if (tagScratch[4 * k + 1]! - a === 1 && text.charCodeAt(a) === 0x73 /* s */) {
      seen = true;
      if (style !== 0) out.text(` s="${style}"`);
    } else {
      out.text(' ');
      out.range(a, tagScratch[4 * k + 3]! + 1);
    }
  }
  if (!seen && style !== 0) out.text(` s="${style}"`);
  out.text(cell.selfClosing ? '/>' : '>');
}

/**
 * A start tag read at `lt` by `readTag`: where its name ends, where the tag ends, whether
 * it closes itself, how many attributes it has (their offsets, 4 per attribute, are in the
 * caller's scratch), whether a value holds a reference (`&`, to be checked). One reused record, not an object per tag: a sheet has hundreds of
 * thousands of tags, and an object (and an error closure) for each was much of the
 * garbage a big read made.
 */
const tag = { nameEnd: 0, end: 0, selfClosing: false, count: 0, amp: false };

function tagError(part: string, lt: number, detail: string): never {
  throw new XmlError(part, `${detail} (in the sheet's cells, at offset ${lt})`);
}

/**
 * Reads the start tag at `lt` (checking its syntax) into `tag`: name, then attributes,
 * each as name start, name end, value start, value end in `scratch`. No string is made.
 */
function readTag(text: string, lt: number, part: string, scratch: number[]): typeof tag {
  const n = text.length;
  let j = lt + 1;
  while (j < n) {
    const ch = text.charCodeAt(j);
    if (isSpace(ch) || ch === SLASH || ch === GT) break;
    j++;
  }
  if (j === lt + 1) tagError(part, lt, 'a "<" that starts no element');
  const nameEnd = j;
  let count = 0;
  let selfClosing = false;
  let amp = false;
  for (;;) {
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) tagError(part, lt, 'a start tag is not closed');
    const ch = text.charCodeAt(j);
    if (ch === GT) {
      j++;
      break;
    }
    if (ch === SLASH) {
      if (text.charCodeAt(j + 1) !== GT) tagError(part, lt, 'a start tag has a stray "/"');
      selfClosing = true;
      j += 2;
      break;
    }
    const nameStart = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === EQ || isSpace(c) || c === GT || c === SLASH || c === LT) break;
      j++;
    }
    const attrEnd = j;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (attrEnd === nameStart || text.charCodeAt(j) !== EQ) tagError(part, lt, 'an attribute has no value');
    j++;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    const quote = text.charCodeAt(j);
    if (quote !== QUOT && quote !== APOS) tagError(part, lt, 'an attribute is not quoted');
    // One look at the value's characters (values are short: no call out to indexOf) finds
    // its end, what may not be in it and what must be checked.
    let close = j + 1;
    let holdsLt = false;
    for (;;) {
      if (close >= n) tagError(part, lt, 'an attribute is not closed');
      const c = text.charCodeAt(close);
      if (c === quote) break;
      if (c === LT) holdsLt = true;
      else if (c === AMP) amp = true;
      close++;
    }
    if (holdsLt) tagError(part, lt, 'an attribute holds "<"');
    for (let k = 0; k < count; k++) if (same(text, scratch[4 * k]!, scratch[4 * k + 1]!, nameStart, attrEnd)) tagError(part, lt, 'an attribute is given twice');
    scratch[4 * count] = nameStart;
    scratch[4 * count + 1] = attrEnd;
    scratch[4 * count + 2] = j + 1;
    scratch[4 * count + 3] = close;
    count++;
    j = close + 1;
    const after = text.charCodeAt(j);
    if (!isSpace(after) && after !== GT && after !== SLASH) tagError(part, lt, 'attributes need a space between them');
  }
  tag.nameEnd = nameEnd;
  tag.end = j;
  tag.selfClosing = selfClosing;
  tag.count = count;
  tag.amp = amp;
  return tag;
}

/** The attributes `readTag` found, as an object of decoded values. */
function attrsOf(text: string, scratch: readonly number[], count: number, part: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (let k = 0; k < count; k++) attrs[text.slice(scratch[4 * k]!, scratch[4 * k + 1]!)] = valueAt(text, scratch, k, part);
  return attrs;
}

function valueAt(text: string, scratch: readonly number[], k: number, part: string): string {
  const value = text.slice(scratch[4 * k + 2]!, scratch[4 * k + 3]!);
  return value.indexOf('&') >= 0 || /[\t\n\r]/.test(value) ? decodeAttr(value, part) : value;
}

/** Whether text[a, b) and text[c, d) are the same characters. */
function same(text: string, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(c + i)) return false;
  return true;
}

/**
 * Whether text[from, to) holds the character `ch`. (Not `indexOf` with a start: that
 * searches on to the end of the text when the character is not there, which over every
 * cell of a sheet would cost the square of its length.)
 */
export function has(text: string, ch: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return true;
  return false;
}

/** Whether text[from, to) is `name`. */
export function is(text: string, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (text.charCodeAt(from + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** Where the local part of the name text[from, to) starts (after its prefix). */
export function localStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x3a /* : */) return i + 1;
  return from;
}

/** A cell type as a shared string (the common ones are not sliced out of the text each time). */
export function typeAt(text: string, from: number, to: number): string {
  for (let k = 0; k < TYPES.length; k++) if (is(text, from, to, TYPES[k]!)) return TYPES[k]!;
  return text.slice(from, to);
}

/** A non-negative integer written in text[from, to), or NaN. */
export function intAt(text: string, from: number, to: number): number {
  if (to === from || to - from > 9) return Number(text.slice(from, to));
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(text.slice(from, to));
    v = v * 10 + d;
  }
  return v;
}

/** A cell reference's column (0-based) written in text[from, to), or -1. */
export function colAt(text: string, from: number, to: number): number {
  let i = from;
  if (text.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  let letters = 0;
  while (i < to) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    letters++;
    i++;
  }
  if (letters === 0 || letters > 3) return -1;
  // The rest must be a row number (1 to 7 digits, not 0), as parseRef requires.
  if (text.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    row = row * 10 + d;
    digits++;
  }
  return digits === 0 || digits > 7 || row < 1 ? -1 : col - 1;
}

function scanError(part: string, at: number, detail: string): never {
  throw new XmlError(part, `${detail} (in the sheet's cells, at offset ${at})`);
}

/**
 * Scans the content of `<sheetData>` from `from` (just after its start tag) to its end
 * tag, whose name as written is `name`. Throws XmlError for what is not well-formed.
 * (One call reads a whole sheet, mostly before its code is optimised: no closure shares
 * the loop's variables, which would keep them in a heap context.)
 */
export function scanSheetData(text: string, from: number, name: string, part: string): ScannedData {
  const rows: RowRec[] = [];
  /** Open elements below sheetData, as [name start, name end] pairs. */
  const stack: number[] = [];
  const scratch: number[] = [];
  let row: RowRec | null = null;
  let cell: CellRec | null = null;
  let field: Field = NO_FIELD;
  let inIs = 0;
  let inPhonetic = 0;
  let nextRow = 0;
  let nextCol = 0;
  let i = from;
  const n = text.length;
  for (;;) {
    // Tags mostly follow one another: the next "<" is usually right here.
    const lt = text.charCodeAt(i) === LT ? i : text.indexOf('<', i);
    if (lt < 0) scanError(part, n, `<${name}> is not closed`);
    if (lt > i) {
      if (cell !== null && field !== NO_FIELD) cell.addText(field, textOf(text.slice(i, lt), part));
      // Text between elements: only checked (an entity must be a known one).
      else if (has(text, AMP, i, lt)) decode(text.slice(i, lt), part);
    }
    i = lt;
    const next = text.charCodeAt(lt + 1);
    if (next === BANG) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close < 0) scanError(part, i, 'a comment is not closed');
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close < 0) scanError(part, i, 'a CDATA section is not closed');
        if (cell !== null && field !== NO_FIELD) cell.addText(field, text.slice(lt + 9, close));
        i = close + 3;
      } else scanError(part, i, 'markup declarations are not allowed here');
      continue;
    }
    if (next === QUESTION) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) scanError(part, i, 'a processing instruction is not closed');
      i = close + 2;
      continue;
    }
    if (next === SLASH) {
      const gt = text.indexOf('>', lt + 2);
      if (gt < 0) scanError(part, i, 'an end tag is not closed');
      let e = gt;
      while (e > lt + 2 && isSpace(text.charCodeAt(e - 1))) e--;
      i = gt + 1;
      if (stack.length === 0) {
        if (!is(text, lt + 2, e, name)) scanError(part, i, `</${text.slice(lt + 2, e)}> does not close <${name}>`);
        return { rows, closeStart: lt, end: i };
      }
      const openEnd = stack.pop()!;
      const openStart = stack.pop()!;
      if (!same(text, lt + 2, e, openStart, openEnd)) scanError(part, i, `</${text.slice(lt + 2, e)}> does not close <${text.slice(openStart, openEnd)}>`);
      const depth = stack.length / 2;
      const local = localStart(text, lt + 2, e);
      if (depth === 1 && cell !== null && is(text, local, e, 'c')) {
        cell.end = i;
        cell = null;
      } else if (depth === 0 && row !== null && is(text, local, e, 'row')) {
        row.node.closeStart = lt;
        row.node.end = i;
        row = null;
      } else if (cell !== null) {
        if (is(text, local, e, 'is')) inIs--;
        else if (is(text, local, e, 'rPh')) inPhonetic--;
        field = NO_FIELD;
      }
      continue;
    }
    const { nameEnd, selfClosing, count, end: openEnd, amp } = readTag(text, lt, part, scratch);
    const start = lt;
    i = openEnd;
    const depth = stack.length / 2;
    const local = localStart(text, lt + 1, nameEnd);
    if (depth === 1 && row !== null && is(text, local, nameEnd, 'c')) {
      let col = -1;
      let style = 0;
      let hasStyle = false;
      let t: string | undefined;
      for (let k = 0; k < count; k++) {
        const a = scratch[4 * k]!;
        if (scratch[4 * k + 1]! - a !== 1) continue;
        const vs = scratch[4 * k + 2]!;
        const ve = scratch[4 * k + 3]!;
        const ch = text.charCodeAt(a);
        if (ch === 0x72 /* r */) col = colAt(text, vs, ve);
        else if (ch === 0x73 /* s */) {
          style = intAt(text, vs, ve);
          hasStyle = true;
        } else if (ch === 0x74 /* t */) t = typeAt(text, vs, ve);
      }
      if (amp) checkAttrs(text, scratch, count, part);
      if (col < 0) col = nextCol;
      nextCol = col + 1;
      const c = new CellRec(text, row.row, col, start, openEnd, openEnd, style, t, hasStyle);
      row.cells.push(c);
      row.byCol[col] = c;
      inIs = 0;
      inPhonetic = 0;
      field = NO_FIELD;
      if (!selfClosing) {
        // Most cells are `<c ...><v>text</v></c>`: read in one step, what the general path
        // below would read from the same characters (anything else takes that path).
        const close = plainValueCell(text, openEnd, lt + 1, nameEnd);
        if (close >= 0) {
          c.end = close + 4 + 2 + (nameEnd - lt - 1) + 1;
          if (close > openEnd + 3) {
            // Left in the text unless it needs decoding (which also checks its references).
            if (plainNeedsDecoding) c.addText(V_FIELD, textOf(text.slice(openEnd + 3, close), part));
            else c.plainValue();
          }
          i = c.end;
          continue;
        }
        cell = c;
      }
    } else if (depth === 0 && is(text, local, nameEnd, 'row')) {
      const attrs = attrsOf(text, scratch, count, part);
      const r = attrs.r !== undefined ? Number(attrs.r) - 1 : nextRow;
      nextRow = r + 1;
      nextCol = 0;
      const node: XNode = { name: text.slice(lt + 1, nameEnd), local: 'row', attrs, start, openEnd, closeStart: openEnd, end: openEnd, selfClosing, children: [], text: '' };
      row = { row: r, node, cells: [], byCol: [] };
      rows.push(row);
      if (selfClosing) row = null;
    } else if (cell !== null && depth === 2) {
      if (is(text, local, nameEnd, 'v')) field = V_FIELD;
      else if (is(text, local, nameEnd, 'f')) {
        field = F_FIELD;
        cell.formula(attrsOf(text, scratch, count, part));
      } else if (is(text, local, nameEnd, 'is')) inIs++;
      else if (amp) checkAttrs(text, scratch, count, part);
      if (selfClosing) {
        if (is(text, local, nameEnd, 'is')) inIs--;
        field = NO_FIELD;
      }
    } else {
      if (amp) checkAttrs(text, scratch, count, part);
      if (cell !== null && inIs > 0) {
        if (is(text, local, nameEnd, 'rPh')) inPhonetic++;
        else if (is(text, local, nameEnd, 't') && inPhonetic === 0) field = T_FIELD;
        if (selfClosing) {
          if (is(text, local, nameEnd, 'rPh')) inPhonetic--;
          field = NO_FIELD;
        }
      }
    }
    if (!selfClosing) stack.push(lt + 1, nameEnd);
  }
}

/** Whether the value `plainValueCell` last found holds a reference or a carriage return. */
let plainNeedsDecoding = false;

/**
 * Where `</v>` starts when the cell whose start tag ends at `from` is exactly
 * `<v>text</v></NAME>` (NAME the cell's element name as written, text[nameStart, nameEnd)),
 * the text holding no markup; else -1.
 */
function plainValueCell(text: string, from: number, nameStart: number, nameEnd: number): number {
  if (text.charCodeAt(from) !== LT || text.charCodeAt(from + 1) !== 0x76 /* v */ || text.charCodeAt(from + 2) !== GT) return -1;
  // The value's characters looked at once (no call out to indexOf for a few digits): where
  // they end, and whether they need decoding.
  const n = text.length;
  let close = from + 3;
  let decode = false;
  for (; close < n; close++) {
    const c = text.charCodeAt(close);
    if (c === LT) break;
    if (c === AMP || c === 0x0d /* \r */) decode = true;
  }
  plainNeedsDecoding = decode;
  if (close >= n || text.charCodeAt(close + 1) !== SLASH || text.charCodeAt(close + 2) !== 0x76 || text.charCodeAt(close + 3) !== GT) return -1;
  const end = close + 4;
  if (text.charCodeAt(end) !== LT || text.charCodeAt(end + 1) !== SLASH) return -1;
  const len = nameEnd - nameStart;
  if (!same(text, end + 2, end + 2 + len, nameStart, nameEnd) || text.charCodeAt(end + 2 + len) !== GT) return -1;
  return close;
}

/** Attribute values are checked for their references even when nobody reads them. */
function checkAttrs(text: string, scratch: readonly number[], count: number, part: string): void {
  for (let k = 0; k < count; k++) {
    if (has(text, AMP, scratch[4 * k + 2]!, scratch[4 * k + 3]!)) valueAt(text, scratch, k, part);
  }
}

/** An attribute value as an XML parser reports it: references decoded, tabs and line ends as spaces. */
function decodeAttr(raw: string, part: string): string {
  const spaced = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return decode(spaced, part);
}
