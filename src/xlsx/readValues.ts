import { DAYS_1904_AFTER_1900, serialFromUtc } from '../domain/excelDate';
import { isDateFormat } from '../domain/sheet/months';
import { ok } from '../domain/result';
import type { CellBox, Grid } from '../domain/sheet/grid';
import type { CellInput } from '../domain/types';
import { xlsxMessages } from './messages';
import { colAt, decimalAt, has, intAt, is, isSpace, localStart, typeAt } from './package/cells';
import { parseBox } from './package/sheet';
import type { StylesPart } from './package/styles';
import { symbolArrow } from './package/symbols';
import { packageErrorOf, type XlsxWorkbook } from './package/workbook';
import { parseXml, XmlError } from './package/xml';
import { clip, COL_GAP, coverage, densest, failure, gridOf, MAX_GRID_CELLS, rememberingRender, ROW_GAP, usedOf } from './read';
import { xlsxError, type XlsxResult } from './result';

/**
 * A worksheet read for its values only, for a workbook that is read and never written (last
 * month's published file): the Grid `gridOf` gives for the same sheet, made without the
 * editable sheet. The part is decoded and scanned a window at a time, so its XML never exists
 * as one string, and each cell leaves four numbers and its value behind, not a record that
 * could be edited; nothing of the sheet is kept in the workbook afterwards.
 *
 * The scan reads the XML as the editing reader does (tags nested and closed, attributes quoted
 * and unique, only the predefined entities and character references) but reads only what
 * real files are made of: anything else it meets (a comment, CDATA or a processing
 * instruction among the cells, a DOCTYPE, a row written twice, a damaged tag, a part that is
 * not well-formed) sends the sheet to `gridOf`, which reads it or words its error exactly as
 * it always has. The package's limits (sizes, ratio, checksum) hold as for any part: the part
 * is inflated through the package.
 */

/** How much of the part is decoded and scanned at a time (a text that size is still a young object, gone at the next scavenge). */
const WINDOW = 64 * 1024;

/** The scan met something it leaves to the full reader. */
const UNSURE = new Error('left to the full reader');

/**
 * The sheet's Grid from its values (see the module's comment). The same result as
 * `gridOf(wb, sheetName, fileName)`, errors included. `window`: how many bytes are decoded
 * and scanned at a time (tests give small ones, to cut the text everywhere).
 */
export function valuesGrid(wb: XlsxWorkbook, sheetName: string, fileName = 'The file', options: { window?: number } = {}): XlsxResult<Grid> {
  const info = wb.sheets.find((s) => s.name === sheetName);
  if (!info) return gridOf(wb, sheetName, fileName);
  let scanned: Scanned | null;
  try {
    scanned = scanPart(wb, info.part, Math.max(1, options.window ?? WINDOW));
  } catch (e) {
    // The container's refusals (a zip bomb, a damaged part) are worded as the full reader words them.
    if (e !== UNSURE && !(e instanceof XmlError) && packageErrorOf(e)) return failure(e, fileName);
    if (e !== UNSURE && !(e instanceof XmlError)) throw e;
    return gridOf(wb, sheetName, fileName);
  }
  if (!scanned) return gridOf(wb, sheetName, fileName);
  return assemble(sheetName, scanned, wb.styles, wb.date1904, fileName);
}

/**
 * The values of one of the add-in's record sheets from A1 (`recordSheetValues` read with
 * `valuesGrid`); null when the workbook has no sheet of that name.
 */
export function valuesFromA1(wb: XlsxWorkbook, sheetName: string): XlsxResult<CellInput[][]> {
  const grid = valuesGrid(wb, sheetName);
  if (!grid.ok) return grid;
  const { top, left, values } = grid.value;
  return ok([...Array.from({ length: top }, (): CellInput[] => []), ...values.map((row) => [...Array<CellInput>(left).fill(null), ...row])]);
}

/**
 * The cells of a sheet, one entry per `<c>` in document order: row, column, cell format and
 * flags (STYLED, ISO_DATE), four integers a cell in `cells` (outside the JavaScript heap),
 * and its value; and the sheet's merges.
 */
/** The element has an `s` attribute. */
const STYLED = 1;
/** The cell is of type `d` (an ISO date, read as a 1900 serial whatever the workbook's date system). */
const ISO_DATE = 2;

interface Scanned {
  cells: Int32Array;
  count: number;
  values: CellInput[];
  merges: CellBox[];
}

function scanPart(wb: XlsxWorkbook, part: string, window: number): Scanned | null {
  const bytes = wb.pkg.bytes(part);
  if (bytes === null) return null;
  let strings: string[] | null = null;
  const sharedStrings = (): string[] => {
    if (strings) return strings;
    try {
      strings = wb.sharedStrings();
    } catch {
      // Left to the full reader, which meets the same failure where it always did.
      throw UNSURE;
    }
    return strings;
  };
  const scanner = new ValuesScanner(part, sharedStrings);
  let from = 0;
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, from] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, from] = ['utf-16be', 2];
  const decoder = new TextDecoder(encoding);
  let first = true;
  for (let at = from; at < bytes.length; ) {
    let to = Math.min(bytes.length, at + window);
    // A window ends just after a `>` where it can (in UTF-8 that byte is only ever `>`): the
    // tag it ends is whole, so the next window need not be joined to a rest of this one, and
    // the scanner reads flat strings.
    if (to < bytes.length && encoding === 'utf-8') {
      const gt = bytes.lastIndexOf(GT, to - 1);
      if (gt > at) to = gt + 1;
    }
    let text = decoder.decode(bytes.subarray(at, to), { stream: true });
    at = to;
    // The package's decoding of UTF-8 drops a byte-order mark the decoder left.
    if (first && text.length > 0) {
      if (encoding === 'utf-8' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    scanner.push(text);
  }
  scanner.push(decoder.decode());
  return scanner.finish();
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

/** Element names the cells are written with, shared rather than sliced out per tag. */
const NAMES = ['c', 'v', 'row', 'is', 't', 'f', 'r', 'rPh', 'rPr'];

function nameAt(text: string, from: number, to: number): string {
  for (const n of NAMES) if (is(text, from, to, n)) return n;
  return text.slice(from, to);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its references decoded; anything but a predefined entity or a character reference is left to the full reader. */
function decode(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let at = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw UNSURE;
    const name = text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const hex = name.charCodeAt(1) === 0x78; /* x */
      const digits = hex ? name.slice(2) : name.slice(1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw UNSURE;
      const code = parseInt(digits, hex ? 16 : 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff) throw UNSURE;
      ch = String.fromCodePoint(code);
    } else ch = Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined;
    if (ch === undefined) throw UNSURE;
    out += text.slice(at, amp) + ch;
    at = semi + 1;
    amp = text.indexOf('&', at);
  }
  return out + text.slice(at);
}

/** Element text as an XML parser reports it: line ends normalised, references decoded. */
function textOf(raw: string): string {
  return decode(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));
}

/** An attribute value as an XML parser reports it: references decoded, tabs and line ends as spaces. */
function attrOf(raw: string): string {
  return raw.indexOf('&') >= 0 || /[\t\n\r]/.test(raw) ? decode(raw.replace(/\r\n|[\t\n\r]/g, ' ')) : raw;
}

/** The cell's value as Excel's `range.values` gives it: `cellInput` of the full reader, from the same fields. */
function valueOf(t: string | undefined, v: string | null, inline: string | null, strings: () => string[]): CellInput {
  switch (t) {
    case 's': {
      const s = v === null ? undefined : strings()[Number(v)];
      return s === undefined || s === '' ? null : s;
    }
    case 'inlineStr':
      return inline === null || inline === '' ? null : inline;
    case 'str':
    case 'e':
      return v === null || v === '' ? null : v;
    case 'b':
      return v === null ? null : v === '1' || v === 'true';
    case 'd': {
      if (v === null) return null;
      const ms = Date.parse(v.endsWith('Z') || /[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(ms) ? v : serialFromUtc(ms);
    }
    default: {
      if (v === null || v.trim() === '') return inline !== null && inline !== '' ? inline : null;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

/**
 * `valueOf` of a `<v>` whose text is text[from, to): a figure written as plain digits, or a
 * shared string's index, read from the text with no string made for it (as the editing
 * reader's `plainNumber` reads it); anything else through `valueOf`.
 */
function plainValueOf(text: string, from: number, to: number, t: string | undefined, strings: () => string[]): CellInput {
  if (to === from) return valueOf(t, null, null, strings);
  if (t === undefined || t === 'n') {
    const n = decimalAt(text, from, to);
    if (!Number.isNaN(n)) return n;
  } else if (t === 's') {
    const k = digitsAt(text, from, to);
    if (k >= 0) {
      const s = strings()[k];
      return s === undefined || s === '' ? null : s;
    }
  }
  return valueOf(t, textOf(text.slice(from, to)), null, strings);
}

/** The integer text[from, to) writes when it is 1 to 9 plain digits, else -1. */
function digitsAt(text: string, from: number, to: number): number {
  if (to - from > 9) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Where a start tag read by `readTag` ends, and what it holds (one reused record). */
const tag = { nameEnd: 0, end: 0, selfClosing: false, count: 0, amp: false };
/** Incomplete: the tag runs past the text given so far. */
const MORE = -1;

/**
 * Reads the start tag at `lt` into `tag` (attribute offsets, 4 per attribute, in `scratch`);
 * returns MORE when the text ends inside it. What is not a well-formed tag is left to the
 * full reader.
 */
function readTag(text: string, lt: number, scratch: number[]): number {
  const n = text.length;
  let j = lt + 1;
  while (j < n) {
    const ch = text.charCodeAt(j);
    if (isSpace(ch) || ch === SLASH || ch === GT) break;
    j++;
  }
  if (j >= n) return MORE;
  if (j === lt + 1) throw UNSURE;
  const nameEnd = j;
  let count = 0;
  let amp = false;
  let selfClosing = false;
  for (;;) {
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) return MORE;
    const ch = text.charCodeAt(j);
    if (ch === GT) {
      j++;
      break;
    }
    if (ch === SLASH) {
      if (j + 1 >= n) return MORE;
      if (text.charCodeAt(j + 1) !== GT) throw UNSURE;
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
    if (j >= n) return MORE;
    if (attrEnd === nameStart || text.charCodeAt(j) !== EQ) throw UNSURE;
    j++;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) return MORE;
    const quote = text.charCodeAt(j);
    if (quote !== QUOT && quote !== APOS) throw UNSURE;
    let close = j + 1;
    for (; close < n; close++) {
      const c = text.charCodeAt(close);
      if (c === quote) break;
      if (c === LT) throw UNSURE;
      if (c === AMP) amp = true;
    }
    if (close >= n) return MORE;
    for (let k = 0; k < count; k++) {
      const a = scratch[4 * k]!;
      const b = scratch[4 * k + 1]!;
      if (b - a === attrEnd - nameStart && sameRange(text, a, nameStart, b - a)) throw UNSURE;
    }
    scratch[4 * count] = nameStart;
    scratch[4 * count + 1] = attrEnd;
    scratch[4 * count + 2] = j + 1;
    scratch[4 * count + 3] = close;
    count++;
    j = close + 1;
    if (j >= n) return MORE;
    const after = text.charCodeAt(j);
    if (!isSpace(after) && after !== GT && after !== SLASH) throw UNSURE;
  }
  tag.nameEnd = nameEnd;
  tag.end = j;
  tag.selfClosing = selfClosing;
  tag.count = count;
  tag.amp = amp;
  return j;
}

/** Whether the `length` characters at `a` and at `b` are the same. */
function sameRange(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** Every attribute value's references checked (decoded and dropped), as the full reader checks them. */
function checkAttrs(text: string, scratch: readonly number[], count: number): void {
  for (let k = 0; k < count; k++) {
    const value = text.slice(scratch[4 * k + 2]!, scratch[4 * k + 3]!);
    if (value.indexOf('&') >= 0) decode(value);
  }
}

const enum Mode {
  /** Before `<sheetData>`: the text is kept for the XML parser. */
  Before,
  /** Inside `<sheetData>`: cells are read, nothing is kept but their values. */
  Data,
  /** After `</sheetData>`: kept for the XML parser. */
  After,
}

/** No field of the cell is being read; its value (`v`), its formula (`f`, not kept), an inline string run (`t`). */
const enum Field {
  None,
  V,
  F,
  T,
}

/**
 * The scanner fed a window of the part's text at a time. Every token (a tag, a run of text)
 * is taken whole or not at all: one that runs past the window waits for the next, and one
 * that needs a long wait is looked at again only when the text has doubled, so a huge token
 * costs a linear time.
 */
class ValuesScanner {
  private buf = '';
  private i = 0;
  private readonly pending: string[] = [];
  private pendingLength = 0;
  /** Scan again once this much text is waiting (twice what an unfinished token had). */
  private need = 0;
  private mode = Mode.Before;
  /** Open elements before sheetData. */
  private open = 0;
  /** The text outside sheetData's content, for the XML parser. */
  private readonly outer: string[] = [];
  private outerLength = 0;
  /** Where, in `buf`, text not yet copied to `outer` starts (before sheetData). */
  private outerFrom = 0;
  /** Where sheetData's start tag is in the outer text (-1: the scan found none with content). */
  private dataStart = -1;
  private dataName = '';
  /** Open elements inside sheetData, by name as written. */
  private readonly stack: string[] = [];
  private readonly scratch: number[] = [];
  private inRow = false;
  private row = 0;
  private nextRow = 0;
  private nextCol = 0;
  private readonly seenRows = new Set<number>();
  private inCell = false;
  private cCol = 0;
  private cStyle = 0;
  private cStyled = 0;
  private cType: string | undefined = undefined;
  private cV: string | null = null;
  private cIs: string | null = null;
  private field = Field.None;
  private inIs = 0;
  private inPhonetic = 0;
  readonly out: Scanned = { cells: new Int32Array(4 * 1024), count: 0, values: [], merges: [] };

  constructor(
    private readonly part: string,
    private readonly strings: () => string[],
  ) {}

  push(text: string): void {
    if (text.length === 0) return;
    if (this.mode === Mode.After) {
      this.keep(text);
      return;
    }
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.buf.length - this.i + this.pendingLength < this.need) return;
    this.rebase();
    this.scan(false);
  }

  /** The cells and merges; throws UNSURE for what the full reader is to read or refuse. */
  finish(): Scanned {
    if (this.mode !== Mode.After) {
      this.rebase();
      this.scan(true);
    }
    if (this.mode === Mode.Data) throw UNSURE;
    if (this.mode === Mode.Before) this.keep(this.buf.slice(this.outerFrom));
    this.buf = '';
    const outer = this.outer.join('');
    this.outer.length = 0;
    let root;
    try {
      root = parseXml(outer, this.part);
    } catch {
      throw UNSURE;
    }
    // The sheetData the full reader reads cells from is the first one under the root.
    const data = root.children.find((c) => c.local === 'sheetData');
    if (this.dataStart >= 0 ? data?.start !== this.dataStart : data !== undefined && !data.selfClosing) throw UNSURE;
    for (const m of root.children.find((c) => c.local === 'mergeCells')?.children ?? []) {
      const box = m.attrs.ref ? parseBox(m.attrs.ref) : null;
      if (box) this.out.merges.push(box);
    }
    return this.out;
  }

  private keep(text: string): void {
    this.outer.push(text);
    this.outerLength += text.length;
  }

  /** The unread rest of the text and what is waiting, as one text to scan. */
  private rebase(): void {
    if (this.mode === Mode.Before && this.i > this.outerFrom) this.keep(this.buf.slice(this.outerFrom, this.i));
    const rest = this.i < this.buf.length ? this.buf.slice(this.i) : '';
    const waiting = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.buf = rest.length === 0 ? waiting : rest + waiting;
    this.pending.length = 0;
    this.pendingLength = 0;
    this.i = 0;
    this.outerFrom = 0;
    this.need = 0;
  }

  private scan(final: boolean): void {
    let done: boolean;
    do {
      done = this.mode === Mode.Before ? this.scanBefore() : this.mode === Mode.Data ? this.scanData() : true;
      if (this.mode === Mode.After && this.i < this.buf.length) {
        this.keep(this.buf.slice(this.i));
        this.buf = '';
        this.i = 0;
        done = true;
      }
    } while (!done);
    if (final) {
      if (this.mode === Mode.Data) throw UNSURE;
      return;
    }
    this.need = 2 * (this.buf.length - this.i);
  }

  /** Up to sheetData's start tag; true when the text ran out (false when the mode changed). */
  private scanBefore(): boolean {
    const text = this.buf;
    for (;;) {
      const lt = text.indexOf('<', this.i);
      if (lt < 0 || lt + 1 >= text.length) {
        if (lt >= 0) this.i = lt;
        else this.i = Math.max(this.i, text.length);
        return true;
      }
      this.i = lt;
      const next = text.charCodeAt(lt + 1);
      if (next === BANG || next === QUESTION) {
        let close: number;
        if (text.startsWith('<!--', lt)) close = end(text.indexOf('-->', lt + 4), 3);
        else if (text.startsWith('<![CDATA[', lt)) close = end(text.indexOf(']]>', lt + 9), 3);
        else if (next === QUESTION) close = end(text.indexOf('?>', lt + 2), 2);
        else if (lt + 9 >= text.length) return true;
        // A DOCTYPE (or other declaration): the full reader refuses it in its own words.
        else throw UNSURE;
        if (close < 0) return true;
        this.i = close;
        continue;
      }
      if (next === SLASH) {
        const gt = text.indexOf('>', lt + 2);
        if (gt < 0) return true;
        this.open--;
        this.i = gt + 1;
        continue;
      }
      // A start tag: its end is the first `>` outside quotes.
      let j = lt + 1;
      let quote = 0;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === QUOT || c === APOS) quote = c;
        else if (c === GT) break;
      }
      if (j >= text.length) return true;
      const selfClosing = text.charCodeAt(j - 1) === SLASH;
      let nameEnd = lt + 1;
      while (nameEnd < j) {
        const c = text.charCodeAt(nameEnd);
        if (isSpace(c) || c === SLASH || c === GT) break;
        nameEnd++;
      }
      const local = localStart(text, lt + 1, nameEnd);
      this.i = j + 1;
      if (this.open === 1 && is(text, local, nameEnd, 'sheetData')) {
        if (selfClosing) {
          this.mode = Mode.After;
          this.keep(text.slice(this.outerFrom, this.i));
          this.outerFrom = this.i;
          return false;
        }
        this.dataStart = this.outerLength + (lt - this.outerFrom);
        this.dataName = text.slice(lt + 1, nameEnd);
        this.keep(text.slice(this.outerFrom, this.i));
        this.outerFrom = this.i;
        this.mode = Mode.Data;
        return false;
      }
      if (!selfClosing) this.open++;
    }
  }

  /** The cells, up to `</sheetData>`; true when the text ran out (false when the mode changed). */
  private scanData(): boolean {
    const text = this.buf;
    const n = text.length;
    const scratch = this.scratch;
    for (;;) {
      const lt = text.indexOf('<', this.i);
      if (lt < 0) return true;
      if (lt > this.i) {
        if (this.inCell && this.field !== Field.None) this.add(textOf(text.slice(this.i, lt)));
        else if (has(text, AMP, this.i, lt)) decode(text.slice(this.i, lt));
        this.i = lt;
      }
      if (lt + 1 >= n) return true;
      const next = text.charCodeAt(lt + 1);
      // Comments, CDATA and processing instructions among the cells: rare, left to the full reader.
      if (next === BANG || next === QUESTION) throw UNSURE;
      if (next === SLASH) {
        const gt = text.indexOf('>', lt + 2);
        if (gt < 0) return true;
        let e = gt;
        while (e > lt + 2 && isSpace(text.charCodeAt(e - 1))) e--;
        this.i = gt + 1;
        const stack = this.stack;
        if (stack.length === 0) {
          if (!is(text, lt + 2, e, this.dataName)) throw UNSURE;
          this.keep(text.slice(lt, gt + 1));
          this.mode = Mode.After;
          return false;
        }
        const name = stack.pop()!;
        if (!is(text, lt + 2, e, name)) throw UNSURE;
        const depth = stack.length;
        const local = localStart(text, lt + 2, e);
        if (depth === 1 && this.inCell && is(text, local, e, 'c')) this.endCell();
        else if (depth === 0 && this.inRow && is(text, local, e, 'row')) this.inRow = false;
        else if (this.inCell) {
          if (is(text, local, e, 'is')) this.inIs--;
          else if (is(text, local, e, 'rPh')) this.inPhonetic--;
          this.field = Field.None;
        }
        continue;
      }
      const tagEnd = readTag(text, lt, scratch);
      if (tagEnd === MORE) return true;
      const { nameEnd, selfClosing, count, amp } = tag;
      const depth = this.stack.length;
      const local = localStart(text, lt + 1, nameEnd);
      if (depth === 1 && this.inRow && is(text, local, nameEnd, 'c')) {
        let col = -1;
        let style = 0;
        let styled = 0;
        let t: string | undefined;
        for (let k = 0; k < count; k++) {
          const a = scratch[4 * k]!;
          if (scratch[4 * k + 1]! - a !== 1) continue;
          const ch = text.charCodeAt(a);
          const vs = scratch[4 * k + 2]!;
          const ve = scratch[4 * k + 3]!;
          if (ch === 0x72 /* r */) col = colAt(text, vs, ve);
          else if (ch === 0x73 /* s */) {
            style = intAt(text, vs, ve);
            styled = STYLED;
          } else if (ch === 0x74 /* t */) t = typeAt(text, vs, ve);
        }
        if (amp) checkAttrs(text, scratch, count);
        if (col < 0) col = this.nextCol;
        this.nextCol = col + 1;
        // A cell format that is not a number is left to the full reader.
        if ((style | 0) !== style) throw UNSURE;
        if (t === 'd') styled |= ISO_DATE;
        if (selfClosing) {
          this.cell(col, style, styled, valueOf(t, null, null, this.strings));
          this.i = tagEnd;
          continue;
        }
        // Most cells are `<c ...><v>text</v></c>`: taken in one step when all of it is here.
        const close = plainValueCell(text, tagEnd, lt + 1, nameEnd);
        if (close >= 0) {
          this.cell(col, style, styled, plainValueOf(text, tagEnd + 3, close, t, this.strings));
          this.i = close + 4 + 2 + (nameEnd - lt - 1) + 1;
          continue;
        }
        this.inCell = true;
        this.cCol = col;
        this.cStyle = style;
        this.cStyled = styled;
        this.cType = t;
        this.cV = null;
        this.cIs = null;
        this.field = Field.None;
        this.inIs = 0;
        this.inPhonetic = 0;
      } else if (depth === 0 && is(text, local, nameEnd, 'row')) {
        let r: string | undefined;
        for (let k = 0; k < count; k++) {
          const a = scratch[4 * k]!;
          if (scratch[4 * k + 1]! - a === 1 && text.charCodeAt(a) === 0x72 /* r */) r = attrOf(text.slice(scratch[4 * k + 2]!, scratch[4 * k + 3]!));
        }
        if (amp) checkAttrs(text, scratch, count);
        const row = r !== undefined ? Number(r) - 1 : this.nextRow;
        // A row written twice (read as its last copy) or a row number that is not one: left to the full reader.
        if (!Number.isInteger(row) || row < 0 || row > 0x7fffffff || this.seenRows.has(row)) throw UNSURE;
        this.seenRows.add(row);
        this.nextRow = row + 1;
        this.nextCol = 0;
        this.row = row;
        this.inRow = !selfClosing;
      } else if (this.inCell && depth === 2) {
        if (amp) checkAttrs(text, scratch, count);
        if (is(text, local, nameEnd, 'v')) this.field = Field.V;
        else if (is(text, local, nameEnd, 'f')) this.field = Field.F;
        else if (is(text, local, nameEnd, 'is')) this.inIs++;
        if (selfClosing) {
          if (is(text, local, nameEnd, 'is')) this.inIs--;
          this.field = Field.None;
        }
      } else {
        if (amp) checkAttrs(text, scratch, count);
        if (this.inCell && this.inIs > 0) {
          if (is(text, local, nameEnd, 'rPh')) this.inPhonetic++;
          else if (is(text, local, nameEnd, 't') && this.inPhonetic === 0) this.field = Field.T;
          if (selfClosing) {
            if (is(text, local, nameEnd, 'rPh')) this.inPhonetic--;
            this.field = Field.None;
          }
        }
      }
      if (!selfClosing) this.stack.push(nameAt(text, lt + 1, nameEnd));
      this.i = tagEnd;
    }
  }

  private add(t: string): void {
    if (this.field === Field.V) this.cV = this.cV === null ? t : this.cV + t;
    else if (this.field === Field.T) this.cIs = this.cIs === null ? t : this.cIs + t;
  }

  private cell(col: number, style: number, styled: number, value: CellInput): void {
    const out = this.out;
    let cells = out.cells;
    const at = 4 * out.count;
    if (at + 4 > cells.length) {
      const grown = new Int32Array(2 * cells.length);
      grown.set(cells);
      cells = out.cells = grown;
    }
    cells[at] = this.row;
    cells[at + 1] = col;
    cells[at + 2] = style;
    cells[at + 3] = styled;
    out.values.push(value);
    out.count++;
  }

  private endCell(): void {
    this.cell(this.cCol, this.cStyle, this.cStyled, valueOf(this.cType, this.cV, this.cIs, this.strings));
    this.inCell = false;
    this.cV = null;
    this.cIs = null;
    this.field = Field.None;
  }
}

/** Just past a closing delimiter found at `at` (of `length` characters), or -1 when not found. */
function end(at: number, length: number): number {
  return at < 0 ? -1 : at + length;
}

/**
 * Where `</v>` starts when the cell whose start tag ends at `from` is exactly
 * `<v>text</v></NAME>` (NAME as written, text[nameStart, nameEnd)), the text holding no
 * markup and all of it in `text`; else -1.
 */
function plainValueCell(text: string, from: number, nameStart: number, nameEnd: number): number {
  if (text.charCodeAt(from) !== LT || text.charCodeAt(from + 1) !== 0x76 /* v */ || text.charCodeAt(from + 2) !== GT) return -1;
  const close = text.indexOf('<', from + 3);
  if (close < 0 || text.charCodeAt(close + 1) !== SLASH || text.charCodeAt(close + 2) !== 0x76 || text.charCodeAt(close + 3) !== GT) return -1;
  const after = close + 4;
  if (text.charCodeAt(after) !== LT || text.charCodeAt(after + 1) !== SLASH) return -1;
  const len = nameEnd - nameStart;
  for (let k = 0; k < len; k++) if (text.charCodeAt(after + 2 + k) !== text.charCodeAt(nameStart + k)) return -1;
  if (text.charCodeAt(after + 2 + len) !== GT) return -1;
  return close;
}

/** The Grid of the scanned cells, built by the full reader's rules (`gridOf`): the same box, values, text and formats. */
function assemble(sheetName: string, scanned: Scanned, styles: StylesPart, date1904: boolean, fileName: string): XlsxResult<Grid> {
  const { cells: at, count: n, values: cellValues, merges } = scanned;
  const covered = coverage(merges);
  const rowCounts = new Map<number, number>();
  const colCounts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (cellValues[i] === null) continue;
    const r = at[4 * i]!;
    const c = at[4 * i + 1]!;
    rowCounts.set(r, (rowCounts.get(r) ?? 0) + 1);
    colCounts.set(c, (colCounts.get(c) ?? 0) + 1);
  }
  const rowSpan = densest(usedOf(rowCounts), ROW_GAP);
  const colSpan = densest(usedOf(colCounts), COL_GAP);
  if (!rowSpan || !colSpan) return ok({ sheetName, top: 0, left: 0, values: [], text: [], numberFormats: [], merges: clip(merges, null) });
  const box: CellBox = { top: rowSpan.from, left: colSpan.from, bottom: rowSpan.to, right: colSpan.to };
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  if (height * width > MAX_GRID_CELLS) return xlsxError('tooLarge', xlsxMessages.sheetTooSpread(fileName, sheetName, MAX_GRID_CELLS));
  const formats = new Map<number, { format: string; render: (value: CellInput) => string; date: boolean }>();
  const formatOf = (xf: number): { format: string; render: (value: CellInput) => string; date: boolean } => {
    let known = formats.get(xf);
    if (!known) {
      const format = styles.numberFormat(xf);
      known = { format, render: rememberingRender(format), date: isDateFormat(format) };
      formats.set(xf, known);
    }
    return known;
  };
  const values: CellInput[][] = Array.from({ length: height }, () => new Array<CellInput>(width).fill(null));
  const text: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(''));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill('General'));
  for (let i = 0; i < n; i++) {
    let v = cellValues[i]!;
    if (v === null) continue;
    const r = at[4 * i]!;
    const c = at[4 * i + 1]!;
    if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
    if (covered(r, c)) continue;
    const xf = at[4 * i + 2]!;
    const { format, render, date } = formatOf(xf);
    // A 1904 workbook's date, as the 1900 serial the engine reads (an ISO `t="d"` cell already is one).
    if (date1904 && date && typeof v === 'number' && (at[4 * i + 3]! & ISO_DATE) === 0) v += DAYS_1904_AFTER_1900;
    if (typeof v === 'string' && v.length <= 2) {
      const arrow = symbolArrow(v, styles.fontName(xf));
      if (arrow) v = arrow;
    }
    values[r - box.top]![c - box.left] = v;
    text[r - box.top]![c - box.left] = render(v);
    numberFormats[r - box.top]![c - box.left] = format;
  }
  // A blank cell keeps its own number format (the engine reads a blank `0.0%` cell as a % row).
  for (let i = 0; i < n; i++) {
    const r = at[4 * i]!;
    const c = at[4 * i + 1]!;
    if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
    if (values[r - box.top]![c - box.left] !== null || (at[4 * i + 3]! & STYLED) === 0) continue;
    numberFormats[r - box.top]![c - box.left] = formatOf(at[4 * i + 2]!).format;
  }
  return ok({ sheetName, top: box.top, left: box.left, values, text, numberFormats, merges: clip(merges, box), ...(date1904 ? { date1904: true } : {}) });
}
