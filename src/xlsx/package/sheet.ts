import { a1, type CellBox } from '../../domain/sheet/grid';
import { columnIndex, parseRef } from './refs';
import { attrsText, escapeAttr, escapeText, parseXml, rawOf, Splice, type XNode } from './xml';

/**
 * One worksheet part (ECMA-376 Part 1 §18.3), read sparsely: one compact record per `<c>`
 * element that is written in the file, whatever the used range or the merges say, and
 * the worksheet's other top-level elements as a small tree. Edits are recorded per cell
 * and spliced into the original text on `serialize()`: rows and cells not edited, and
 * every other element, are the producer's bytes.
 */

/** CT_Worksheet's element order (§18.3.1.99): where a new top-level element goes. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

export interface CellRec {
  row: number;
  col: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  attrs: Record<string, string>;
  v: string | null;
  f: string | null;
  fAttrs: Record<string, string> | null;
  /** Inline string text (`t="inlineStr"`), phonetic runs left out. */
  is: string | null;
}

export interface RowRec {
  row: number;
  node: XNode;
  cells: CellRec[];
}

/** What a cell holds after an edit. */
export type CellContent =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string; result: string | number | null }
  /** Another cell's content as written (type, value, formula), for moves. */
  | { kind: 'raw'; t: string | undefined; inner: string };

interface CellEdit {
  /** undefined: content unchanged; null: cleared. */
  content?: CellContent | null;
  style?: number;
}

export class SheetPart {
  text: string;
  readonly root: XNode;
  readonly p: string;
  readonly rows = new Map<number, RowRec>();
  private readonly cellIndex = new Map<number, Map<number, CellRec>>();
  private readonly edits = new Map<number, Map<number, CellEdit>>();
  /** Attributes set on `<row>` elements (`ht`, `customHeight`), by 0-based row. */
  private readonly rowEdits = new Map<number, Record<string, string>>();
  private readonly topEdits = new Splice();
  sheetData: XNode | undefined;

  constructor(
    text: string,
    readonly part: string,
  ) {
    this.text = text;
    let row: RowRec | null = null;
    let cell: CellRec | null = null;
    let inIs = 0;
    let inPhonetic = 0;
    let nextRow = 0;
    let nextCol = 0;
    let field: 'v' | 'f' | 't' | null = null;
    let inData = false;
    this.root = parseXml(text, part, {
      // The cells are kept as compact records, not as tree nodes; everything else is a tree.
      keep: (_node, depth) => depth < 2 || !inData,
      handlers: {
        open: (node, depth) => {
          if (depth === 1 && node.local === 'sheetData') {
            this.sheetData = node;
            inData = true;
          }
          if (depth === 2 && node.local === 'row' && this.sheetData) {
            const r = node.attrs.r ? Number(node.attrs.r) - 1 : nextRow;
            nextRow = r + 1;
            nextCol = 0;
            row = { row: r, node, cells: [] };
            this.rows.set(r, row);
          } else if (depth === 3 && node.local === 'c' && row) {
            const ref = node.attrs.r ? parseRef(node.attrs.r) : null;
            const col = ref ? ref.col : nextCol;
            nextCol = col + 1;
            cell = { row: row.row, col, start: node.start, openEnd: node.openEnd, end: node.end, selfClosing: node.selfClosing, attrs: node.attrs, v: null, f: null, fAttrs: null, is: null };
            row.cells.push(cell);
          } else if (cell && depth === 4) {
            if (node.local === 'v') field = 'v';
            else if (node.local === 'f') {
              field = 'f';
              cell.fAttrs = node.attrs;
              cell.f = '';
            } else if (node.local === 'is') inIs++;
          } else if (cell && inIs > 0) {
            if (node.local === 'rPh') inPhonetic++;
            else if (node.local === 't' && inPhonetic === 0) field = 't';
          }
        },
        close: (node, depth) => {
          if (depth === 1 && node.local === 'sheetData') inData = false;
          if (depth === 3 && cell && node.local === 'c') {
            cell.end = node.end;
            cell = null;
          } else if (depth === 2 && node.local === 'row') row = null;
          else if (cell) {
            if (node.local === 'is') inIs--;
            else if (node.local === 'rPh') inPhonetic--;
            field = null;
          }
        },
        text: (t) => {
          if (!cell || field === null) return;
          if (field === 'v') cell.v = (cell.v ?? '') + t;
          else if (field === 'f') cell.f = (cell.f ?? '') + t;
          else cell.is = (cell.is ?? '') + t;
        },
      },
    });
    const colon = this.root.name.indexOf(':');
    this.p = colon < 0 ? '' : this.root.name.slice(0, colon + 1);
    for (const r of this.rows.values()) {
      const byCol = new Map<number, CellRec>();
      for (const c of r.cells) byCol.set(c.col, c);
      this.cellIndex.set(r.row, byCol);
    }
  }

  top(local: string): XNode | undefined {
    return this.root.children.find((c) => c.local === local);
  }

  topAll(local: string): XNode[] {
    return this.root.children.filter((c) => c.local === local);
  }

  cell(row: number, col: number): CellRec | undefined {
    return this.cellIndex.get(row)?.get(col);
  }

  /** Every cell record, row by row (listed once; the records never change). */
  cells(): readonly CellRec[] {
    if (!this.cellList) {
      const list: CellRec[] = [];
      for (const r of this.rows.values()) for (const c of r.cells) list.push(c);
      this.cellList = list;
    }
    return this.cellList;
  }

  private cellList: CellRec[] | null = null;

  /** Whether the sheet is protected (an empty or `sheet="0"` element is not protection). */
  get protected(): boolean {
    const p = this.top('sheetProtection');
    const on = p?.attrs.sheet;
    return on === '1' || on === 'true';
  }

  merges(): CellBox[] {
    const node = this.top('mergeCells');
    const out: CellBox[] = [];
    for (const m of node?.children ?? []) {
      const box = m.attrs.ref ? parseBox(m.attrs.ref) : null;
      if (box) out.push(box);
    }
    return out;
  }

  /** Column styles (`<col style>`), as ranges. */
  columns(): ReadonlyArray<{ min: number; max: number; style: number | null; width: number | null; node: XNode }> {
    // The tree is never edited (edits are spliced into the text), so it is read once.
    if (this.columnList) return this.columnList;
    const cols = this.top('cols');
    this.columnList = (cols?.children ?? [])
      .filter((c) => c.local === 'col')
      .map((c) => ({
        min: Number(c.attrs.min) - 1,
        max: Number(c.attrs.max) - 1,
        style: c.attrs.style !== undefined ? Number(c.attrs.style) : null,
        width: c.attrs.width !== undefined ? Number(c.attrs.width) : null,
        node: c,
      }));
    return this.columnList;
  }

  private columnList: Array<{ min: number; max: number; style: number | null; width: number | null; node: XNode }> | null = null;

  /** The format a cell shows: its own, else its row's (customFormat), else its column's. */
  styleOf(row: number, col: number): number {
    const edit = this.edits.get(row)?.get(col);
    if (edit?.style !== undefined) return edit.style;
    const c = this.cell(row, col);
    if (c) return Number(c.attrs.s ?? 0);
    return this.inheritedStyle(row, col);
  }

  /** The style of a cell with no record: its row's (customFormat), else its column's. */
  private inheritedStyle(row: number, col: number): number {
    const r = this.rows.get(row)?.node.attrs;
    if (r && (r.customFormat === '1' || r.customFormat === 'true') && r.s !== undefined) return Number(r.s);
    for (const c2 of this.columns()) if (col >= c2.min && col <= c2.max && c2.style !== null) return c2.style;
    return 0;
  }

  private edit(row: number, col: number): CellEdit {
    let byRow = this.edits.get(row);
    if (!byRow) {
      byRow = new Map();
      this.edits.set(row, byRow);
    }
    let e = byRow.get(col);
    if (!e) {
      e = {};
      byRow.set(col, e);
    }
    return e;
  }

  setContent(row: number, col: number, content: CellContent | null): void {
    const existing = this.cell(row, col);
    if (content === null && !existing && !this.edits.get(row)?.has(col)) return;
    this.releaseShared(row, col);
    this.edit(row, col).content = content;
  }

  setStyle(row: number, col: number, style: number): void {
    this.edit(row, col).style = style;
  }

  /**
   * Sets attributes of a row's `<row>` element (`ht` and `customHeight`, §18.3.1.73), the
   * rest of the element kept; a row the file does not have is written with them.
   */
  setRowAttrs(row: number, attrs: Record<string, string>): void {
    this.rowEdits.set(row, { ...this.rowEdits.get(row), ...attrs });
  }

  /**
   * Restyles every cell of a box: `next(old style, row, col, record)` gives each cell's new
   * style (what `styleOf` then `setStyle` per cell do, with each row looked up once).
   * Returns the number of cells restyled.
   */
  restyle(box: CellBox, next: (old: number, row: number, col: number, cell: CellRec | undefined) => number): number {
    let n = 0;
    for (let r = box.top; r <= box.bottom; r++) {
      const records = this.cellIndex.get(r);
      let edits = this.edits.get(r);
      for (let c = box.left; c <= box.right; c++) {
        const rec = records?.get(c);
        let e = edits?.get(c);
        const old = e?.style !== undefined ? e.style : rec ? Number(rec.attrs.s ?? 0) : this.inheritedStyle(r, c);
        const style = next(old, r, c, rec);
        if (!edits) {
          edits = new Map();
          this.edits.set(r, edits);
        }
        if (!e) {
          e = {};
          edits.set(c, e);
        }
        e.style = style;
        n++;
      }
    }
    return n;
  }

  /** The content a cell will have, as an edit would write it (for moves and checks). */
  contentOf(row: number, col: number): CellContent | null {
    const edit = this.edits.get(row)?.get(col);
    if (edit && edit.content !== undefined) return edit.content;
    const c = this.cell(row, col);
    if (!c || (c.v === null && c.f === null && c.is === null)) return null;
    if (c.f !== null && c.fAttrs?.t === 'shared') {
      const formula = this.sharedFormula(c);
      if (formula !== null) return { kind: 'formula', formula, result: c.v === null ? null : c.attrs.t === 'str' || c.attrs.t === 'e' || c.attrs.t === 'b' ? c.v : Number(c.v) };
    }
    const inner = this.text.slice(c.openEnd, c.selfClosing ? c.openEnd : this.text.lastIndexOf('<', c.end - 1));
    return { kind: 'raw', t: c.attrs.t, inner };
  }

  private sharedFormula(c: CellRec): string | null {
    const si = c.fAttrs?.si;
    if (si === undefined) return null;
    if (c.f) return c.f;
    for (const other of this.cells()) {
      if (other.fAttrs?.t === 'shared' && other.fAttrs.si === si && other.f) {
        return shiftFormula(other.f, c.row - other.row, c.col - other.col);
      }
    }
    return null;
  }

  /**
   * Before the master of a shared formula is overwritten, the cells sharing it get the
   * formula written out in full, so they keep computing what they computed.
   */
  private releaseShared(row: number, col: number): void {
    const c = this.cell(row, col);
    if (!c || c.fAttrs?.t !== 'shared' || !c.f || c.fAttrs.si === undefined) return;
    const si = c.fAttrs.si;
    for (const other of this.cells()) {
      if (other === c || other.fAttrs?.t !== 'shared' || other.fAttrs.si !== si) continue;
      const e = this.edits.get(other.row)?.get(other.col);
      if (e && e.content !== undefined) continue;
      const result = other.v === null ? null : other.attrs.t === 'str' || other.attrs.t === 'e' || other.attrs.t === 'b' ? other.v : Number(other.v);
      this.edit(other.row, other.col).content = { kind: 'formula', formula: shiftFormula(c.f, other.row - c.row, other.col - c.col), result };
    }
  }

  /** A top-level element replaced, removed (`xml` ''), or inserted at its schema place. */
  replaceTop(node: XNode, xml: string): void {
    this.topEdits.replace(node.start, node.end, xml);
  }

  insertAfter(node: XNode, xml: string): void {
    this.topEdits.insert(node.end, xml);
  }

  insertTop(local: string, xml: string): void {
    const order = WORKSHEET_ORDER.indexOf(local);
    const next = this.root.children.find((c) => {
      const o = WORKSHEET_ORDER.indexOf(c.local);
      return o > order;
    });
    this.topEdits.insert(next ? next.start : this.root.closeStart, xml);
  }

  el(local: string): string {
    return `${this.p}${local}`;
  }

  get changed(): boolean {
    return this.edits.size > 0 || this.rowEdits.size > 0 || this.topEdits.size > 0;
  }

  serialize(): string {
    const splice = this.topEdits;
    const p = this.p;
    const newRows: Array<{ row: number; xml: string }> = [];
    let minRow = Infinity;
    let maxRow = -1;
    let minCol = Infinity;
    let maxCol = -1;
    // Rows whose cells or whose `<row>` attributes were edited (serialize leaves the edits as they are).
    const edited = new Map(this.edits);
    for (const row of this.rowEdits.keys()) if (!edited.has(row)) edited.set(row, new Map<number, CellEdit>());
    for (const [row, byCol] of edited) {
      const existing = this.rows.get(row);
      const cols = [...byCol.keys()].sort((a, b) => a - b);
      const rowAttrs = this.rowEdits.get(row);
      if (!existing) {
        const cells = cols.map((c) => this.cellXml(row, c, undefined, byCol.get(c)!)).join('');
        newRows.push({ row, xml: `<${p}row${attrsText(Object.entries({ r: String(row + 1), ...rowAttrs }))}>${cells}</${p}row>` });
      } else {
        const byColExisting = this.cellIndex.get(row)!;
        const added: Array<{ at: number; xml: string }> = [];
        for (const c of cols) {
          const e = byCol.get(c)!;
          const old = byColExisting.get(c);
          if (old) {
            if (e.content === undefined && e.style !== undefined) {
              splice.replace(old.start, old.openEnd, `<${rawName(this.text, old.start)}${withStyle(old.attrs, e.style)}${old.selfClosing ? '/>' : '>'}`);
            } else splice.replace(old.start, old.end, this.cellXml(row, c, old, e));
          } else {
            const after = existing.cells.find((x) => x.col > c);
            const at = after ? after.start : existing.node.selfClosing ? -1 : existing.node.closeStart;
            added.push({ at, xml: this.cellXml(row, c, undefined, e) });
          }
          minCol = Math.min(minCol, c);
          maxCol = Math.max(maxCol, c);
        }
        if (added.length > 0 || rowAttrs) {
          const node = existing.node;
          const attrs = { ...node.attrs, ...rowAttrs };
          // `spans` is only an optimisation hint (§18.3.1.73); a stale one is dropped.
          if (added.length > 0) delete attrs.spans;
          const open = `<${node.name}${attrsText(Object.entries(attrs))}>`;
          if (node.selfClosing) {
            splice.replace(node.start, node.end, added.length > 0 ? `${open}${added.map((a) => a.xml).join('')}</${node.name}>` : `${open.slice(0, -1)}/>`);
          } else {
            splice.replace(node.start, node.openEnd, open);
            for (const a of added) splice.insert(a.at, a.xml);
          }
        }
      }
      if (cols.length === 0) continue;
      minRow = Math.min(minRow, row);
      maxRow = Math.max(maxRow, row);
      for (const c of cols) {
        minCol = Math.min(minCol, c);
        maxCol = Math.max(maxCol, c);
      }
    }
    if (newRows.length > 0) {
      const data = this.sheetData;
      newRows.sort((a, b) => a.row - b.row);
      const existingRows = [...this.rows.values()].sort((a, b) => a.row - b.row);
      if (!data) {
        this.insertTop('sheetData', `<${p}sheetData>${newRows.map((r) => r.xml).join('')}</${p}sheetData>`);
      } else if (data.selfClosing) {
        splice.replace(data.start, data.end, `<${data.name}>${newRows.map((r) => r.xml).join('')}</${data.name}>`);
      } else {
        let i = 0;
        for (const r of newRows) {
          while (i < existingRows.length && existingRows[i]!.row < r.row) i++;
          splice.insert(i < existingRows.length ? existingRows[i]!.node.start : data.closeStart, r.xml);
        }
      }
    }
    if (maxRow >= 0) this.widenDimension(splice, { top: minRow, left: minCol, bottom: maxRow, right: maxCol });
    return splice.apply(this.text);
  }

  private widenDimension(splice: Splice, box: CellBox): void {
    const dim = this.top('dimension');
    if (!dim) return;
    const old = dim.attrs.ref ? parseBox(dim.attrs.ref) : null;
    const merged = old ? { top: Math.min(old.top, box.top), left: Math.min(old.left, box.left), bottom: Math.max(old.bottom, box.bottom), right: Math.max(old.right, box.right) } : box;
    if (old && merged.top === old.top && merged.left === old.left && merged.bottom === old.bottom && merged.right === old.right) return;
    splice.replace(dim.start, dim.end, `<${dim.name}${attrsText(Object.entries({ ...dim.attrs, ref: boxRef(merged) }))}/>`);
  }

  private cellXml(row: number, col: number, old: CellRec | undefined, e: CellEdit): string {
    const p = this.p;
    const attrs: Record<string, string> = {};
    if (old) {
      for (const [k, v] of Object.entries(old.attrs)) if (k !== 't' && k !== 'cm' && k !== 'vm') attrs[k] = v;
    } else attrs.r = refOf(row, col);
    const style = e.style ?? (old ? Number(old.attrs.s ?? 0) : this.styleOf(row, col));
    if (style !== 0) attrs.s = String(style);
    else delete attrs.s;
    let content = e.content;
    if (content === undefined && old) content = this.contentOf(row, col);
    let inner = '';
    if (content) {
      switch (content.kind) {
        case 'number':
          inner = `<${p}v>${numberText(content.value)}</${p}v>`;
          break;
        case 'boolean':
          attrs.t = 'b';
          inner = `<${p}v>${content.value ? 1 : 0}</${p}v>`;
          break;
        case 'string':
          attrs.t = 'inlineStr';
          inner = `<${p}is><${p}t${/^\s|\s$/.test(content.value) ? ' xml:space="preserve"' : ''}>${escapeText(content.value)}</${p}t></${p}is>`;
          break;
        case 'formula': {
          const f = `<${p}f>${escapeText(content.formula.replace(/^=/, ''))}</${p}f>`;
          if (typeof content.result === 'number') inner = `${f}<${p}v>${numberText(content.result)}</${p}v>`;
          else {
            // A text result: `t="str"`; an empty one still says what the cell shows (nothing).
            attrs.t = 'str';
            inner = `${f}<${p}v>${escapeText(content.result ?? '')}</${p}v>`;
          }
          break;
        }
        case 'raw':
          if (content.t !== undefined) attrs.t = content.t;
          inner = content.inner;
          break;
      }
    }
    const name = old ? rawName(this.text, old.start) : `${p}c`;
    const head = cellAttrsText(attrs);
    return inner === '' ? `<${name}${head}/>` : `<${name}${head}>${inner}</${name}>`;
  }

  /** Keeps the node in the rebuilt text: for whole-part rewrites (a record sheet's data). */
  rawTop(node: XNode): string {
    return rawOf(this.text, node);
  }
}

/** A cell's attributes as text: `r`, `s`, `t` first (as Excel writes them), then the rest in their order. */
function cellAttrsText(attrs: Record<string, string>): string {
  let out = '';
  for (const k of ['r', 's', 't']) if (attrs[k] !== undefined) out += ` ${k}="${escapeAttr(attrs[k])}"`;
  for (const k in attrs) if (k !== 'r' && k !== 's' && k !== 't') out += ` ${k}="${escapeAttr(attrs[k]!)}"`;
  return out;
}

/** The element name of the start tag at `start`, as written. */
function rawName(text: string, start: number): string {
  let end = start + 1;
  for (; end < text.length; end++) {
    const ch = text.charCodeAt(end);
    // whitespace, `/`, `>`
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2f || ch === 0x3e) break;
  }
  return text.slice(start + 1, end);
}

/**
 * A cell's attributes as written with its style set to `style`: in place when it had one,
 * else last; none for style 0 (the default). What `{ ...attrs, s }` gives, without the copy.
 */
function withStyle(attrs: Record<string, string>, style: number): string {
  let out = '';
  let seen = false;
  for (const k in attrs) {
    if (k === 's') {
      seen = true;
      if (style !== 0) out += ` s="${style}"`;
    } else out += ` ${k}="${escapeAttr(attrs[k]!)}"`;
  }
  if (!seen && style !== 0) out += ` s="${style}"`;
  return out;
}

/** A number as the shortest text that reads back as the same double. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** A1 reference of a 0-based cell (`B12`): the domain's one A1 rule. */
export const refOf = a1;

export function boxRef(box: CellBox): string {
  const a = refOf(box.top, box.left);
  const b = refOf(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}

/** `A1:C3`, `A1`, `$A$1:$C$3`; whole rows/columns (`A:C`, `3:4`) as their full extent. */
export function parseBox(ref: string): CellBox | null {
  const [a, b] = ref.split(':');
  if (a === undefined) return null;
  const start = parseRef(a);
  const end = b === undefined ? start : parseRef(b);
  if (!start || !end) {
    const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(ref);
    if (cols) return { top: 0, left: columnIndex(cols[1]!), bottom: 1048575, right: columnIndex(cols[2]!) };
    const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
    if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: 16383 };
    return null;
  }
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

/**
 * A formula of a shared group as seen from a cell `dr` rows and `dc` columns away from the
 * group's first cell (§18.3.1.40: relative references move, `$` ones stay). Text in quotes
 * and sheet names in quotes are left alone.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = '';
  let i = 0;
  const ref = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1]! : '';
    if (!/[A-Za-z0-9_.]/.test(prev)) {
      ref.lastIndex = i;
      const m = ref.exec(formula);
      const after = m ? formula[i + m[0].length] ?? '' : '';
      if (m && !/[A-Za-z0-9_(.!]/.test(after)) {
        const col = columnIndex(m[2]!) + (m[1] ? 0 : dc);
        const row = Number(m[4]) - 1 + (m[3] ? 0 : dr);
        if (col >= 0 && row >= 0) {
          const letters = refOf(0, col).replace(/\d+$/, '');
          out += `${m[1]}${letters}${m[3]}${row + 1}`;
          i += m[0].length;
          continue;
        }
      }
    }
    out += ch;
    i++;
  }
  return out;
}
