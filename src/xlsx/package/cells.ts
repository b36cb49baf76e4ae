import { parseRef } from './refs';
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

export interface CellRec {
  row: number;
  col: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  attrs: Record<string, string>;
  /** The cell format index (`s`, 0 when absent). */
  style: number;
  v: string | null;
  f: string | null;
  fAttrs: Record<string, string> | null;
  /** Inline string text (`t="inlineStr"`), phonetic runs left out. */
  is: string | null;
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

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
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

/**
 * Scans the content of `<sheetData>` from `from` (just after its start tag) to its end
 * tag, whose name as written is `name`. Throws XmlError for what is not well-formed.
 */
export function scanSheetData(text: string, from: number, name: string, part: string): ScannedData {
  const rows: RowRec[] = [];
  /** Open elements below sheetData (names as written). */
  const stack: string[] = [];
  let row: RowRec | null = null;
  let cell: CellRec | null = null;
  let field: 'v' | 'f' | 't' | null = null;
  let inIs = 0;
  let inPhonetic = 0;
  let nextRow = 0;
  let nextCol = 0;
  let i = from;
  const n = text.length;
  const fail = (detail: string): never => {
    throw new XmlError(part, `${detail} (in the sheet's cells, at offset ${i})`);
  };
  const onText = (raw: string): void => {
    if (raw.length === 0) return;
    if (cell && field !== null) {
      const t = textOf(raw, part);
      if (field === 'v') cell.v = (cell.v ?? '') + t;
      else if (field === 'f') cell.f = (cell.f ?? '') + t;
      else cell.is = (cell.is ?? '') + t;
    } else if (raw.indexOf('&') >= 0) decode(raw, part);
    else if (raw.indexOf('<') >= 0) fail('a stray "<"');
  };
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      i = n;
      return fail(`<${name}> is not closed`);
    }
    if (lt > i) onText(text.slice(i, lt));
    i = lt;
    const next = text.charCodeAt(lt + 1);
    if (next === BANG) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close < 0) fail('a comment is not closed');
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close < 0) fail('a CDATA section is not closed');
        if (cell && field !== null) {
          const t = text.slice(lt + 9, close);
          if (field === 'v') cell.v = (cell.v ?? '') + t;
          else if (field === 'f') cell.f = (cell.f ?? '') + t;
          else cell.is = (cell.is ?? '') + t;
        }
        i = close + 3;
      } else fail('markup declarations are not allowed here');
      continue;
    }
    if (next === QUESTION) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) fail('a processing instruction is not closed');
      i = close + 2;
      continue;
    }
    if (next === SLASH) {
      const gt = text.indexOf('>', lt + 2);
      if (gt < 0) fail('an end tag is not closed');
      let e = gt;
      while (e > lt + 2 && isSpace(text.charCodeAt(e - 1))) e--;
      const closing = text.slice(lt + 2, e);
      i = gt + 1;
      const open = stack.pop();
      if (open === undefined) {
        if (closing !== name) fail(`</${closing}> does not close <${name}>`);
        return { rows, closeStart: lt, end: i };
      }
      if (closing !== open) fail(`</${closing}> does not close <${open}>`);
      const depth = stack.length;
      const local = localOf(closing);
      if (depth === 1 && cell && local === 'c') {
        cell.end = i;
        cell = null;
      } else if (depth === 0 && row && local === 'row') {
        row.node.closeStart = lt;
        row.node.end = i;
        row = null;
      } else if (cell) {
        if (local === 'is') inIs--;
        else if (local === 'rPh') inPhonetic--;
        field = null;
      }
      continue;
    }
    // A start tag: its name, then its attributes.
    let j = lt + 1;
    while (j < n) {
      const ch = text.charCodeAt(j);
      if (isSpace(ch) || ch === SLASH || ch === GT) break;
      j++;
    }
    if (j === lt + 1) fail('a "<" that starts no element');
    const tag = text.slice(lt + 1, j);
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) {
        i = j;
        fail(`<${tag}> is not closed`);
      }
      const ch = text.charCodeAt(j);
      if (ch === GT) {
        j++;
        break;
      }
      if (ch === SLASH) {
        if (text.charCodeAt(j + 1) !== GT) fail(`<${tag}> has a stray "/"`);
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
      const attr = text.slice(nameStart, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (attr === '' || text.charCodeAt(j) !== EQ) fail(`<${tag}> has an attribute without a value`);
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== QUOT && quote !== APOS) fail(`<${tag}> has an unquoted attribute`);
      const close = text.indexOf(quote === QUOT ? '"' : "'", j + 1);
      if (close < 0) fail(`<${tag}> has an attribute that is not closed`);
      let value = text.slice(j + 1, close);
      if (value.indexOf('<') >= 0) fail(`<${tag}> has "<" in an attribute`);
      if (value.indexOf('&') >= 0 || /[\t\n\r]/.test(value)) value = decodeAttr(value, part);
      if (attr in attrs) fail(`<${tag}> has the attribute ${attr} twice`);
      attrs[attr] = value;
      j = close + 1;
      const after = text.charCodeAt(j);
      if (!isSpace(after) && after !== GT && after !== SLASH) fail(`<${tag}> needs a space between attributes`);
    }
    const start = lt;
    const openEnd = j;
    i = j;
    const depth = stack.length;
    const local = localOf(tag);
    if (depth === 0 && local === 'row') {
      const r = attrs.r !== undefined ? Number(attrs.r) - 1 : nextRow;
      nextRow = r + 1;
      nextCol = 0;
      const node: XNode = { name: tag, local, attrs, start, openEnd, closeStart: openEnd, end: openEnd, selfClosing, children: [], text: '' };
      row = { row: r, node, cells: [], byCol: [] };
      rows.push(row);
      if (selfClosing) row = null;
    } else if (depth === 1 && local === 'c' && row) {
      const ref = attrs.r !== undefined ? parseRef(attrs.r) : null;
      const col = ref ? ref.col : nextCol;
      nextCol = col + 1;
      const c: CellRec = { row: row.row, col, start, openEnd, end: openEnd, selfClosing, attrs, style: attrs.s !== undefined ? Number(attrs.s) : 0, v: null, f: null, fAttrs: null, is: null };
      row.cells.push(c);
      row.byCol[col] = c;
      inIs = 0;
      inPhonetic = 0;
      field = null;
      if (!selfClosing) cell = c;
    } else if (cell && depth === 2) {
      if (local === 'v') field = 'v';
      else if (local === 'f') {
        field = 'f';
        cell.fAttrs = attrs;
        cell.f = '';
      } else if (local === 'is') inIs++;
      if (selfClosing) {
        if (local === 'is') inIs--;
        field = null;
      }
    } else if (cell && inIs > 0) {
      if (local === 'rPh') inPhonetic++;
      else if (local === 't' && inPhonetic === 0) field = 't';
      if (selfClosing) {
        if (local === 'rPh') inPhonetic--;
        field = null;
      }
    }
    if (!selfClosing) stack.push(tag);
  }
}

/** An attribute value as an XML parser reports it: references decoded, tabs and line ends as spaces. */
function decodeAttr(raw: string, part: string): string {
  const spaced = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return decode(spaced, part);
}
