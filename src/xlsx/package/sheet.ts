import { a1, type CellBox } from '../../domain/sheet/grid';
import { columnIndex, parseRef } from './refs';
import { scanSheetData, writeStyledStartTag, type CellRec, type RowRec } from './cells';
import { PiecesOut, Utf8Writer, type TextOut } from './textOut';
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

export type { CellRec, RowRec };

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

/**
 * One row's edits: new styles by column in a sparse array (a restyle touches hundreds of
 * thousands of cells; an object per cell was most of the run's memory), new contents
 * (fewer) in a map, null for cleared.
 */
interface RowEdits {
  styles: number[];
  contents: Map<number, CellContent | null> | null;
}

export class SheetPart {
  text: string;
  readonly root: XNode;
  readonly p: string;
  readonly rows = new Map<number, RowRec>();
  /** Rows in document order. */
  private rowList: RowRec[] = [];
  private readonly edits = new Map<number, RowEdits>();
  /** Attributes set on `<row>` elements (`ht`, `customHeight`), by 0-based row. */
  private readonly rowEdits = new Map<number, Record<string, string>>();
  private readonly topEdits = new Splice();
  sheetData: XNode | undefined;

  constructor(
    text: string,
    readonly part: string,
  ) {
    this.text = text;
    // The cells are read by their own scanner (cells.ts); everything else is a small tree.
    this.root = parseXml(text, part, {
      handlers: {
        open: (node, depth) => {
          if (depth === 1 && node.local === 'sheetData' && !this.sheetData) this.sheetData = node;
        },
      },
      skip: (node, depth) => {
        if (depth !== 1 || node !== this.sheetData) return null;
        const scanned = scanSheetData(text, node.openEnd, node.name, part);
        this.rowList = scanned.rows;
        return { closeStart: scanned.closeStart, end: scanned.end };
      },
    });
    const colon = this.root.name.indexOf(':');
    this.p = colon < 0 ? '' : this.root.name.slice(0, colon + 1);
    // A row written twice (not valid) is read as its last copy.
    for (const r of this.rowList) this.rows.set(r.row, r);
  }

  top(local: string): XNode | undefined {
    return this.root.children.find((c) => c.local === local);
  }

  topAll(local: string): XNode[] {
    return this.root.children.filter((c) => c.local === local);
  }

  cell(row: number, col: number): CellRec | undefined {
    return this.rows.get(row)?.byCol[col];
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
    const edited = this.edits.get(row)?.styles[col];
    if (edited !== undefined) return edited;
    const c = this.cell(row, col);
    if (c) return c.style;
    return this.inheritedStyle(row, col);
  }

  /** The style of a cell with no record: its row's (customFormat), else its column's. */
  private inheritedStyle(row: number, col: number): number {
    return this.rowStyle(this.rows.get(row)) ?? this.columnStyle(col);
  }

  /** A row's own style when it has one (`customFormat`), else null. */
  private rowStyle(rec: RowRec | undefined): number | null {
    const r = rec?.node.attrs;
    return r && (r.customFormat === '1' || r.customFormat === 'true') && r.s !== undefined ? Number(r.s) : null;
  }

  /** The style of the first `<col>` with a style over `col`, else 0 (kept by column once asked). */
  private columnStyle(col: number): number {
    let style = this.columnStyles[col];
    if (style === undefined) {
      style = 0;
      for (const c of this.columns()) {
        if (col >= c.min && col <= c.max && c.style !== null) {
          style = c.style;
          break;
        }
      }
      this.columnStyles[col] = style;
    }
    return style;
  }

  private readonly columnStyles: number[] = [];

  private rowEditsOf(row: number): RowEdits {
    let e = this.edits.get(row);
    if (!e) {
      e = { styles: [], contents: null };
      this.edits.set(row, e);
    }
    return e;
  }

  /** The content edit of a cell: undefined when its content is not edited, null when cleared. */
  private editedContent(row: number, col: number): CellContent | null | undefined {
    return this.edits.get(row)?.contents?.get(col);
  }

  private hasEdit(row: number, col: number): boolean {
    const e = this.edits.get(row);
    return e !== undefined && (e.styles[col] !== undefined || (e.contents?.has(col) ?? false));
  }

  private setEditedContent(row: number, col: number, content: CellContent | null): void {
    const e = this.rowEditsOf(row);
    (e.contents ??= new Map()).set(col, content);
  }

  setContent(row: number, col: number, content: CellContent | null): void {
    const existing = this.cell(row, col);
    if (content === null && !existing && !this.hasEdit(row, col)) return;
    this.releaseShared(row, col);
    this.setEditedContent(row, col, content);
  }

  setStyle(row: number, col: number, style: number): void {
    this.rowEditsOf(row).styles[col] = style;
  }

  /**
   * Sets attributes of a row's `<row>` element (`ht` and `customHeight`, §18.3.1.73), the
   * rest of the element kept; a row the file does not have is written with them.
   */
  setRowAttrs(row: number, attrs: Record<string, string>): void {
    this.rowEdits.set(row, { ...this.rowEdits.get(row), ...attrs });
  }

  /**
   * Restyles every cell of a box: `next(old style)` gives each cell's new style (what
   * `styleOf` then `setStyle` per cell do, with each row looked up once). `next` must
   * depend on the old style only: it is asked once per run of cells with the same old
   * style. Returns the number of cells restyled.
   */
  restyle(box: CellBox, next: (old: number) => number): number {
    let lastOld = -1;
    let lastNew = -1;
    for (let r = box.top; r <= box.bottom; r++) {
      const rec = this.rows.get(r);
      const records = rec?.byCol;
      const styles = this.rowEditsOf(r).styles;
      // The row's own style, looked up when a cell without a record needs it.
      let rowStyle: number | null | undefined;
      for (let c = box.left; c <= box.right; c++) {
        let old = styles[c];
        if (old === undefined) {
          const cell = records?.[c];
          if (cell) old = cell.style;
          else {
            if (rowStyle === undefined) rowStyle = this.rowStyle(rec);
            old = rowStyle ?? this.columnStyle(c);
          }
        }
        if (old !== lastOld) {
          lastOld = old;
          lastNew = next(old);
        }
        styles[c] = lastNew;
      }
    }
    return (box.bottom - box.top + 1) * (box.right - box.left + 1);
  }

  /** The content a cell will have, as an edit would write it (for moves and checks). */
  contentOf(row: number, col: number): CellContent | null {
    const edited = this.editedContent(row, col);
    if (edited !== undefined) return edited;
    const c = this.cell(row, col);
    if (!c || (c.v === null && c.f === null && c.is === null)) return null;
    if (c.f !== null && c.fAttrs?.t === 'shared') {
      const formula = this.sharedFormula(c);
      if (formula !== null) return { kind: 'formula', formula, result: c.v === null ? null : c.t === 'str' || c.t === 'e' || c.t === 'b' ? c.v : Number(c.v) };
    }
    const inner = this.text.slice(c.openEnd, c.selfClosing ? c.openEnd : this.text.lastIndexOf('<', c.end - 1));
    return { kind: 'raw', t: c.t, inner };
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
      if (this.editedContent(other.row, other.col) !== undefined) continue;
      const result = other.v === null ? null : other.t === 'str' || other.t === 'e' || other.t === 'b' ? other.v : Number(other.v);
      this.setEditedContent(other.row, other.col, { kind: 'formula', formula: shiftFormula(c.f, other.row - c.row, other.col - c.col), result });
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
    this.topEdits.insert(this.topPlace(local), xml);
  }

  /** Where a new top-level element goes: before the first one the schema puts after it. */
  private topPlace(local: string): number {
    const order = WORKSHEET_ORDER.indexOf(local);
    const next = this.root.children.find((c) => {
      const o = WORKSHEET_ORDER.indexOf(c.local);
      return o > order;
    });
    return next ? next.start : this.root.closeStart;
  }

  el(local: string): string {
    return `${this.p}${local}`;
  }

  get changed(): boolean {
    return this.edits.size > 0 || this.rowEdits.size > 0 || this.topEdits.size > 0;
  }

  /**
   * The part's new text. The rows are written in one pass in document order: a run of
   * rows without edits is copied as one range of the original text, an edited row is
   * copied between its edited cells, and new rows go in row order among the existing ones.
   * No edit list is sorted and no per-cell splice is made, so the cost is the text's
   * length plus the edited cells'.
   */
  serialize(): string {
    const out = new PiecesOut(this.text);
    this.writeTo(out);
    return out.pieces.join('');
  }

  /**
   * The part's new text as UTF-8, encoded straight into one buffer as it is written (a
   * big sheet never exists as pieces, or as one string, beside its bytes).
   */
  serializeUtf8(): Uint8Array {
    // Room for the text and a restyled start tag's longer `s` for each edited cell, so the buffer is rarely grown.
    let edited = 0;
    for (const e of this.edits.values()) edited += e.styles.length + (e.contents?.size ?? 0);
    const out = new Utf8Writer(this.text, this.text.length + 12 * edited);
    this.writeTo(out);
    return out.bytes();
  }

  /**
   * The same bytes as `serializeUtf8`, handed to `onChunk` in chunks of about `chunkBytes`
   * as they are written (so they can be compressed while the rest is still being written).
   */
  writeUtf8Chunks(onChunk: (bytes: Uint8Array) => void, chunkBytes: number): void {
    const out = new Utf8Writer(this.text, chunkBytes, onChunk);
    this.writeTo(out);
    out.end();
  }

  private writeTo(out: TextOut): void {
    // A copy: the rows written here are not kept by the part (and a second call writes the same).
    const splice = this.topEdits.copy();
    const p = this.p;
    // Rows with cell edits or `<row>` attribute edits, in row order.
    const edited = new Set<number>(this.edits.keys());
    for (const row of this.rowEdits.keys()) edited.add(row);
    if (edited.size > 0) {
      const existingRows = new Set(this.rowList.map((r) => r.row));
      const newRows = [...edited].filter((r) => !existingRows.has(r)).sort((a, b) => a - b);
      const data = this.sheetData;
      if (data && !data.selfClosing) {
        splice.replace(data.openEnd, data.closeStart, (o) => this.writeRows(o, data, edited, newRows));
      } else if (newRows.length > 0) {
        const rows = newRows.map((r) => this.newRowXml(r)).join('');
        // Into this write's copy of the edits (the part's own are not changed by writing it).
        if (!data) splice.insert(this.topPlace('sheetData'), `<${p}sheetData>${rows}</${p}sheetData>`);
        else splice.replace(data.start, data.end, `<${data.name}>${rows}</${data.name}>`);
      }
      // Every edited row is written (an existing one in place, a new one among them), so the
      // used range grows by the edited cells of every edited row.
      const box = this.editedBox();
      if (box.bottom >= 0) this.widenDimension(splice, box);
    }
    splice.writeTo(this.text, out);
  }

  /** The rows of a `<sheetData>` with their edits, onto `out`. */
  private writeRows(out: TextOut, data: XNode, edited: ReadonlySet<number>, newRows: readonly number[]): void {
    let at = data.openEnd;
    let k = 0;
    for (const existing of this.rowList) {
      if (k < newRows.length && newRows[k]! < existing.row) {
        out.range(at, existing.node.start);
        at = existing.node.start;
        while (k < newRows.length && newRows[k]! < existing.row) out.text(this.newRowXml(newRows[k++]!));
      }
      // Only the last copy of a row written twice carries its edits (it is the one read).
      if (!edited.has(existing.row) || this.rows.get(existing.row) !== existing) continue;
      out.range(at, existing.node.start);
      this.rowXml(existing, out);
      at = existing.node.end;
    }
    out.range(at, data.closeStart);
    while (k < newRows.length) out.text(this.newRowXml(newRows[k++]!));
  }

  /** The box of every edited cell (bottom -1 when none). */
  private editedBox(): CellBox {
    const box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    for (const [row, e] of this.edits) {
      // A style array is sparse: its last index is its length less one, its first the first one set.
      let left = Infinity;
      let right = -1;
      if (e.styles.length > 0) {
        let c = 0;
        while (e.styles[c] === undefined) c++;
        left = c;
        right = e.styles.length - 1;
      }
      for (const c of e.contents?.keys() ?? []) {
        if (c < left) left = c;
        if (c > right) right = c;
      }
      if (right < 0) continue;
      box.top = Math.min(box.top, row);
      box.bottom = Math.max(box.bottom, row);
      box.left = Math.min(box.left, left);
      box.right = Math.max(box.right, right);
    }
    return box;
  }

  /** The edited columns of a row, in column order. */
  private editedCols(row: number): number[] {
    const e = this.edits.get(row);
    if (!e) return [];
    const cols: number[] = [];
    const styles = e.styles;
    for (let c = 0; c < styles.length; c++) if (styles[c] !== undefined) cols.push(c);
    if (e.contents && e.contents.size > 0) {
      const seen = new Set(cols);
      let extra = false;
      for (const c of e.contents.keys()) {
        if (!seen.has(c)) {
          cols.push(c);
          extra = true;
        }
      }
      if (extra) cols.sort((a, b) => a - b);
    }
    return cols;
  }

  private editOf(row: number, col: number): CellEdit {
    const e = this.edits.get(row);
    const out: CellEdit = {};
    const style = e?.styles[col];
    if (style !== undefined) out.style = style;
    if (e?.contents?.has(col)) out.content = e.contents.get(col)!;
    return out;
  }

  private newRowXml(row: number): string {
    const cols = this.editedCols(row);
    let cells = '';
    for (const c of cols) cells += this.cellXml(row, c, undefined, this.editOf(row, c));
    return `<${this.p}row${attrsText(Object.entries({ r: String(row + 1), ...this.rowEdits.get(row) }))}>${cells}</${this.p}row>`;
  }

  /** An existing row with its edits, onto `out`: the original text between edited cells. */
  private rowXml(existing: RowRec, out: TextOut): void {
    const text = this.text;
    const { row, node } = existing;
    const rowAttrs = this.rowEdits.get(row);
    const byCol = existing.byCol;
    const e = this.edits.get(row);
    const styles = e?.styles;
    const contents = e?.contents ?? null;
    // New cells come from two sources, each in column order: restyled columns the row has no
    // cell for (found by walking `styles` alongside the cells, no list made), and the
    // columns with only a content edit the row has no cell for (a list: most rows have none).
    let only: number[] | null = null;
    // The columns with a content edit lie within [contentMin, contentMax] (a cheap test before the map's).
    let contentMin = Infinity;
    let contentMax = -1;
    if (contents) {
      let unsorted = false;
      for (const c of contents.keys()) {
        if (c < contentMin) contentMin = c;
        if (c > contentMax) contentMax = c;
        if (byCol[c] === undefined && styles?.[c] === undefined) {
          if (only !== null && c < only[only.length - 1]!) unsorted = true;
          (only ??= []).push(c);
        }
      }
      if (unsorted) only!.sort((x, y) => x - y);
    }
    const styleEnd = styles ? styles.length : 0;
    // The next restyled column without a cell, and the next content-only one (Infinity: none).
    let sc = styles ? nextNewColumn(styles, byCol, 0) : Infinity;
    let k = 0;
    const onlyEnd = only === null ? 0 : only.length;
    const hasNew = sc !== Infinity || onlyEnd > 0;
    const close = node.selfClosing ? node.end - 2 : node.openEnd - 1;
    if (!hasNew && !rowAttrs) out.range(node.start, node.openEnd);
    else if (!writePlainRowTag(out, text, node.start, close, hasNew, rowAttrs, node.selfClosing && !hasNew)) {
      const attrs = { ...node.attrs, ...rowAttrs };
      // `spans` is only an optimisation hint (§18.3.1.73); a stale one is dropped.
      if (hasNew) delete attrs.spans;
      const open = `<${node.name}${attrsText(Object.entries(attrs))}>`;
      out.text(node.selfClosing && !hasNew ? `${open.slice(0, -1)}/>` : open);
    }
    if (node.selfClosing && !hasNew) return;
    const rowNum = hasNew ? String(row + 1) : '';
    let at = node.selfClosing ? node.end : node.openEnd;
    // Cells are met in document order (column order in any file a producer writes), a new
    // cell going before the first existing cell to its right; the rest go last.
    const cells = node.selfClosing ? [] : existing.cells;
    for (let i = 0; i <= cells.length; i++) {
      const cell = i < cells.length ? cells[i]! : null;
      const col = cell === null ? Infinity : cell.col;
      if (sc < col || (k < onlyEnd && only![k]! < col)) {
        const before = cell === null ? node.closeStart : cell.start;
        if (!node.selfClosing) out.range(at, before);
        at = before;
        for (;;) {
          const fromOnly = k < onlyEnd && only![k]! < col ? only![k]! : Infinity;
          if (sc < col && sc < fromOnly) {
            if (sc >= contentMin && sc <= contentMax && contents!.has(sc)) out.text(this.cellXml(row, sc, undefined, this.editOf(row, sc)));
            else this.writeNewCell(out, rowNum, sc, styles![sc]!);
            sc = nextNewColumn(styles!, byCol, sc + 1);
          } else if (fromOnly !== Infinity) {
            out.text(this.cellXml(row, fromOnly, undefined, this.editOf(row, fromOnly)));
            k++;
          } else break;
        }
      }
      if (cell === null) break;
      const style = styleEnd > col ? styles![col] : undefined;
      const contentEdited = col >= contentMin && col <= contentMax && contents!.has(col);
      if (style === undefined && !contentEdited) continue;
      if (byCol[col] !== cell) continue;
      if (!contentEdited) at = writeRestyled(out, text, at, cell, style!);
      else {
        out.range(at, cell.start);
        out.text(this.cellXml(row, col, cell, this.editOf(row, col)));
        at = cell.end;
      }
    }
    if (node.selfClosing) out.text(`</${node.name}>`);
    else out.range(at, node.end);
  }

  /** An empty cell the row does not have yet, with its style, onto `out` (from pieces made once per column and per style). */
  private writeNewCell(out: TextOut, rowNum: string, col: number, style: number): void {
    out.text((this.cellOpens[col] ??= `<${this.p}c r="${(columnNames[col] ??= refOf(0, col).slice(0, -1))}`));
    out.text(rowNum);
    out.text((styleTails[style] ??= style !== 0 ? `"${styleAttr(style)}/>` : '"/>'));
  }

  /** `<c r="AP` (the element name as this sheet writes it), by column. */
  private readonly cellOpens: string[] = [];

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
    const style = e.style ?? (old ? old.style : this.styleOf(row, col));
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

/** Column letters by column (`AP`), made once each. */
const columnNames: string[] = [];

/** ` s="N"` by style index: made once per style, not once per restyled cell. */
const styleAttrs: string[] = [];

/** `" s="N"/>` (`"/>` for style 0), the end of a new empty cell, by style index. */
const styleTails: string[] = [];

function styleAttr(style: number): string {
  return (styleAttrs[style] ??= ` s="${style}"`);
}

/** The first column from `from` restyled in `styles` that the row has no cell for; Infinity when none. */
function nextNewColumn(styles: readonly (number | undefined)[], byCol: readonly (CellRec | undefined)[], from: number): number {
  for (let c = from; c < styles.length; c++) if (styles[c] !== undefined && byCol[c] === undefined) return c;
  return Infinity;
}

/** Where `findStyleAttr` found `s`: from its space to just past its closing quote (from -1: absent). */
const found = { from: -1, to: -1 };

/**
 * Finds the `s` attribute of the start tag at `start` (its `/>` or `>` at `close`) when the
 * tag is spaced the one way the writers write a tag (one space before each attribute,
 * `name="value"` or `name='value'` with nothing between, nothing before the end), into
 * `found`; false when it is spaced otherwise. The tag was checked when the sheet was read:
 * only its quotes are followed, nothing is decoded.
 */
function findStyleAttr(text: string, start: number, close: number): boolean {
  found.from = -1;
  found.to = -1;
  let j = start + 1;
  while (j < close && text.charCodeAt(j) > 0x20) j++;
  while (j < close) {
    if (text.charCodeAt(j) !== 0x20) return false;
    const at = ++j;
    if (at >= close) return false;
    let ch = text.charCodeAt(j);
    while (ch > 0x20 && ch !== 0x3d /* = */) ch = text.charCodeAt(++j);
    if (ch !== 0x3d || j === at) return false;
    const isStyle = j - at === 1 && text.charCodeAt(at) === 0x73; /* s */
    const quote = text.charCodeAt(++j);
    if (quote !== 0x22 && quote !== 0x27) return false;
    // The value is short: looked through here, not by indexOf.
    let end = j + 1;
    while (text.charCodeAt(end) !== quote) end++;
    j = end + 1;
    if (isStyle) {
      found.from = at - 1;
      found.to = j;
    }
  }
  return true;
}

/**
 * Writes a row's start tag with `rowAttrs` set (values replaced in place, new ones last, as
 * `{ ...attrs, ...rowAttrs }` orders them) and, with `dropSpans`, without `spans`, when the tag
 * is what `attrsText` writes of its attributes (`plainAttrs`): then it is copied around the changes. False (nothing
 * written) for any other tag. `selfClosing`: the tag is written closing itself.
 */
function writePlainRowTag(out: TextOut, text: string, start: number, close: number, dropSpans: boolean, rowAttrs: Readonly<Record<string, string>> | undefined, selfClosing: boolean): boolean {
  const count = plainAttrs(text, start, close);
  if (count < 0) return false;
  const keys = rowAttrs ? Object.keys(rowAttrs) : [];
  let written: boolean[] | null = null;
  let at = start;
  for (let a = 0; a < count; a++) {
    const from = plainScratch[3 * a]!;
    const nameEnd = plainScratch[3 * a + 1]!;
    const to = plainScratch[3 * a + 2]!;
    if (dropSpans && nameEnd - from === 6 && text.startsWith('spans', from + 1)) {
      out.range(at, from);
      at = to;
      continue;
    }
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (nameEnd - from - 1 === key.length && text.startsWith(key, from + 1)) {
        out.range(at, from);
        out.text(` ${key}="${escapeAttr(rowAttrs![key]!)}"`);
        at = to;
        (written ??= [])[k] = true;
        break;
      }
    }
  }
  out.range(at, close);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (written?.[k] !== true && !(dropSpans && key === 'spans')) out.text(` ${key}="${escapeAttr(rowAttrs![key]!)}"`);
  }
  out.text(selfClosing ? '/>' : '>');
  return true;
}

/** Each attribute `plainAttrs` read: its space, the end of its name, just past its closing quote. */
const plainScratch: number[] = [];

/**
 * The attributes of the start tag at `start` (its `/>` or `>` at `close`) into
 * `plainScratch` when the tag is what `attrsText` writes of them: one space before each,
 * `name="value"` in double quotes with nothing between, nothing before the end, and no value
 * holding a character the writer would escape (`&`, `>`, controls; the tag was checked when
 * read, so there is no `<` or `"` in a value); their number, or -1 for a tag written otherwise.
 */
function plainAttrs(text: string, start: number, close: number): number {
  let count = 0;
  let j = start + 1;
  while (j < close && text.charCodeAt(j) > 0x20) j++;
  while (j < close) {
    if (text.charCodeAt(j) !== 0x20) return -1;
    const at = ++j;
    if (at >= close) return -1;
    let ch = text.charCodeAt(j);
    while (ch > 0x20 && ch !== 0x3d /* = */) ch = text.charCodeAt(++j);
    if (ch !== 0x3d || j === at) return -1;
    const nameEnd = j;
    if (text.charCodeAt(++j) !== 0x22) return -1;
    const end = text.indexOf('"', j + 1);
    for (let k = j + 1; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x20 || c === 0x26 /* & */ || c === 0x3e /* > */) return -1;
    }
    j = end + 1;
    plainScratch[3 * count] = at - 1;
    plainScratch[3 * count + 1] = nameEnd;
    plainScratch[3 * count + 2] = j;
    count++;
  }
  return count;
}

/**
 * A restyled cell's start tag onto `out`, preceded by the original text from `at`; returns
 * where the original text goes on from (within the start tag, so the copy of what follows
 * it is one range). What `writeStyledStartTag` writes (attributes as written, one space
 * before each, `s` in its place or last, none for style 0), without reading the tag's
 * attributes; a tag spaced otherwise (tabs, line ends, spaces around `=` or before `>`)
 * goes through `writeStyledStartTag`, which writes it spaced the one way.
 */
function writeRestyled(out: TextOut, text: string, at: number, cell: CellRec, style: number): number {
  const close = cell.selfClosing ? cell.openEnd - 2 : cell.openEnd - 1;
  if (!findStyleAttr(text, cell.start, close)) {
    out.range(at, cell.start);
    writeStyledStartTag(out, text, cell, style);
    return cell.openEnd;
  }
  if (found.from >= 0) {
    out.range(at, found.from);
    if (style !== 0) out.text(styleAttr(style));
    return found.to;
  }
  out.range(at, close);
  if (style !== 0) out.text(styleAttr(style));
  return close;
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
