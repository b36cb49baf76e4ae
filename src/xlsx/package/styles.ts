import type { CellStyle } from '../../domain/plan/types';
import { attrsText, child, children, parseXml, rawOf, Splice, type XNode } from './xml';

/**
 * The styles part (`xl/styles.xml`, ECMA-376 Part 1 §18.8): read for number formats,
 * fonts and fills; written only by appending. A changed cell gets a new cell format
 * (`xf`) built from its old one with the change laid over it; no existing record is
 * edited, so no other cell that shared a record changes. Same old record + same change
 * gives the same new record, so the part grows by the number of distinct changes.
 */

/** Built-in number formats (ECMA-376 Part 1 §18.8.30); ids 14-22 follow the locale in Excel. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export { SYMBOL_FONTS } from '../../domain/symbolFonts';

/** A change to a cell's format: the plan's style, plus what only the adapter asks for. */
export interface StyleChange extends CellStyle {
  /** Take the fill off (no fill). */
  noFill?: boolean;
  /** Font colour back to automatic. */
  autoFontColor?: boolean;
  /** Replace the font's name (a symbol font under a DOT arrow). */
  fontName?: string;
}

const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

interface Collection {
  local: string;
  node: XNode | undefined;
  items: XNode[];
  added: string[];
}

export class StylesPart {
  readonly text: string;
  private readonly root: XNode;
  private readonly p: string;
  private readonly numFmts = new Map<number, string>();
  private readonly addedNumFmts: Array<{ id: number; code: string }> = [];
  private readonly coll: Record<'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs', Collection>;
  /** change key -> old cell format -> derived cell format. */
  private readonly derived = new Map<string, Map<number, number>>();
  /** Appended records parsed back (fonts, fills, borders), by collection and index. */
  private readonly parsedAdded = new Map<string, XNode>();
  private readonly dedupe = new Map<string, number>();

  constructor(text: string | null, readonly part = 'xl/styles.xml') {
    this.text = text ?? minimalStyles();
    this.root = parseXml(this.text, part);
    const colon = this.root.name.indexOf(':');
    this.p = colon < 0 ? '' : this.root.name.slice(0, colon + 1);
    const numFmts = child(this.root, 'numFmts');
    for (const nf of numFmts ? children(numFmts, 'numFmt') : []) this.numFmts.set(Number(nf.attrs.numFmtId), nf.attrs.formatCode ?? 'General');
    const make = (local: string, item: string): Collection => {
      const node = child(this.root, local);
      return { local, node, items: node ? children(node, item) : [], added: [] };
    };
    this.coll = { fonts: make('fonts', 'font'), fills: make('fills', 'fill'), borders: make('borders', 'border'), cellXfs: make('cellXfs', 'xf'), dxfs: make('dxfs', 'dxf') };
  }

  get changed(): boolean {
    return this.addedNumFmts.length > 0 || Object.values(this.coll).some((c) => c.added.length > 0);
  }

  private xf(index: number): XNode | undefined {
    return this.coll.cellXfs.items[index];
  }

  /** The number format code of a cell format (General when unknown). */
  numberFormat(xfIndex: number): string {
    const xf = this.xf(xfIndex);
    if (xf) return this.formatCode(Number(xf.attrs.numFmtId ?? 0));
    const added = this.addedXf(xfIndex);
    return added ? this.formatCode(added.numFmtId) : 'General';
  }

  private formatCode(id: number): string {
    return this.numFmts.get(id) ?? this.addedNumFmts.find((n) => n.id === id)?.code ?? BUILTIN_FORMATS[id] ?? 'General';
  }

  private readonly addedXfs: Array<{ numFmtId: number; fontId: number; fillId: number }> = [];
  private addedXf(index: number): { numFmtId: number; fontId: number; fillId: number } | undefined {
    return this.addedXfs[index - this.coll.cellXfs.items.length];
  }

  private fontNode(xfIndex: number): { node: XNode; text: string } | null {
    const xf = this.xf(xfIndex);
    const fontId = xf ? Number(xf.attrs.fontId ?? 0) : (this.addedXf(xfIndex)?.fontId ?? 0);
    return this.item('fonts', fontId);
  }

  private item(which: 'fonts' | 'fills' | 'borders', index: number): { node: XNode; text: string } | null {
    const c = this.coll[which];
    const node = c.items[index];
    if (node) return { node, text: this.text };
    const added = c.added[index - c.items.length];
    if (added === undefined) return null;
    const key = `${which}|${index}`;
    let parsed = this.parsedAdded.get(key);
    if (!parsed) {
      parsed = parseXml(added, this.part);
      this.parsedAdded.set(key, parsed);
    }
    return { node: parsed, text: added };
  }

  /** The font name of a cell format, lower case ('' when unknown). */
  fontName(xfIndex: number): string {
    // Asked per written cell; cell formats never change (records are only appended).
    const known = this.fontNames.get(xfIndex);
    if (known !== undefined) return known;
    const font = this.fontNode(xfIndex);
    const name = font ? child(font.node, 'name') : undefined;
    const lower = (name?.attrs.val ?? '').toLowerCase();
    // An appended cell format never changes either; one not there (yet) is not kept.
    if (xfIndex < this.coll.cellXfs.items.length + this.addedXfs.length) this.fontNames.set(xfIndex, lower);
    return lower;
  }

  private readonly fontNames = new Map<number, string>();

  /** The name of the workbook's default font (font 0), as written. */
  defaultFontName(): string {
    const font = this.item('fonts', 0);
    return (font ? child(font.node, 'name')?.attrs.val : undefined) ?? 'Calibri';
  }

  /** The solid fill of a cell format as `#RRGGBB`, or null (none, a pattern, or a theme colour). */
  fill(xfIndex: number): string | null {
    const xf = this.xf(xfIndex);
    const fillId = xf ? Number(xf.attrs.fillId ?? 0) : (this.addedXf(xfIndex)?.fillId ?? 0);
    const fill = this.item('fills', fillId);
    const pattern = fill ? child(fill.node, 'patternFill') : undefined;
    if (!pattern || pattern.attrs.patternType !== 'solid') return null;
    const rgb = child(pattern, 'fgColor')?.attrs.rgb;
    return rgb ? `#${rgb.slice(-6).toUpperCase()}` : null;
  }

  /** Whether the cell format has a bold font (for tests and the key). */
  bold(xfIndex: number): boolean {
    const font = this.fontNode(xfIndex);
    const b = font ? child(font.node, 'b') : undefined;
    return b !== undefined && b.attrs.val !== '0' && b.attrs.val !== 'false';
  }

  /**
   * The cell format for `xfIndex` with `change` laid over it (appended once per distinct
   * old format and change; `key` names the change).
   */
  derive(xfIndex: number, key: string, change: StyleChange): number {
    let byOld = this.derived.get(key);
    if (!byOld) {
      byOld = new Map();
      this.derived.set(key, byOld);
    }
    const hit = byOld.get(xfIndex);
    if (hit !== undefined) return hit;
    const xfNode = this.xf(xfIndex) ?? this.xf(0);
    const xfText = this.xf(xfIndex) ? this.text : this.text;
    const attrs: Record<string, string> = { ...(xfNode?.attrs ?? { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' }) };
    const added = this.addedXf(xfIndex);
    let inner: string[] = xfNode && !added ? xfNode.children.map((c) => rawOf(xfText, c)) : [];
    let alignmentNode: XNode | undefined = xfNode && !added ? child(xfNode, 'alignment') : undefined;
    let addedAlignment: string | null = null;
    if (added) {
      // A format appended earlier in this run: start from what was appended.
      const text = this.coll.cellXfs.added[xfIndex - this.coll.cellXfs.items.length]!;
      const node = parseXml(text, this.part);
      Object.assign(attrs, node.attrs);
      for (const k of Object.keys(attrs)) if (!(k in node.attrs)) delete attrs[k];
      inner = node.children.map((c) => rawOf(text, c));
      alignmentNode = child(node, 'alignment');
      if (alignmentNode) addedAlignment = rawOf(text, alignmentNode);
    }
    const fontId = Number(attrs.fontId ?? 0);
    if (change.fontColor !== undefined || change.bold !== undefined || change.italic !== undefined || change.autoFontColor || change.fontName !== undefined) {
      attrs.fontId = String(this.append('fonts', this.mergeFont(fontId, change)));
      attrs.applyFont = '1';
    }
    if (change.fill !== undefined || change.noFill) {
      attrs.fillId = change.noFill && change.fill === undefined ? '0' : String(this.append('fills', this.solidFill(change.fill!)));
      attrs.applyFill = '1';
    }
    if (change.border !== undefined) {
      attrs.borderId = String(this.append('borders', this.border(Number(attrs.borderId ?? 0), change.border, change.borderColor ?? '#000000')));
      attrs.applyBorder = '1';
    }
    if (change.numberFormat !== undefined) {
      attrs.numFmtId = String(this.numFmtId(change.numberFormat));
      attrs.applyNumberFormat = '1';
    }
    if (change.horizontalAlignment !== undefined || change.verticalAlignment !== undefined || change.wrapText !== undefined) {
      const old = alignmentNode ? { ...alignmentNode.attrs } : {};
      if (change.horizontalAlignment !== undefined) old.horizontal = change.horizontalAlignment;
      if (change.verticalAlignment !== undefined) old.vertical = change.verticalAlignment;
      if (change.wrapText !== undefined) old.wrapText = change.wrapText ? '1' : '0';
      const alignment = `<${this.p}alignment${attrsText(Object.entries(old))}/>`;
      const oldRaw = alignmentNode ? (addedAlignment ?? rawOf(this.text, alignmentNode)) : null;
      const at = oldRaw === null ? -1 : inner.indexOf(oldRaw);
      if (at >= 0) inner[at] = alignment;
      else inner.unshift(alignment);
      attrs.applyAlignment = '1';
    }
    const xf = inner.length > 0 ? `<${this.p}xf${attrsText(Object.entries(attrs))}>${inner.join('')}</${this.p}xf>` : `<${this.p}xf${attrsText(Object.entries(attrs))}/>`;
    const index = this.append('cellXfs', xf);
    if (index >= this.coll.cellXfs.items.length && this.addedXfs.length < index - this.coll.cellXfs.items.length + 1) {
      this.addedXfs.push({ numFmtId: Number(attrs.numFmtId ?? 0), fontId: Number(attrs.fontId ?? 0), fillId: Number(attrs.fillId ?? 0) });
    }
    byOld.set(xfIndex, index);
    return index;
  }

  /** A differential format (for a conditional-format rule): fill and font colour, bold. */
  addDxf(style: CellStyle): number {
    const font =
      style.fontColor !== undefined || style.bold !== undefined
        ? `<${this.p}font>${style.bold ? `<${this.p}b/>` : ''}${style.fontColor ? `<${this.p}color rgb="${argb(style.fontColor)}"/>` : ''}</${this.p}font>`
        : '';
    const fill =
      style.fill !== undefined
        ? `<${this.p}fill><${this.p}patternFill patternType="solid"><${this.p}fgColor rgb="${argb(style.fill)}"/><${this.p}bgColor rgb="${argb(style.fill)}"/></${this.p}patternFill></${this.p}fill>`
        : '';
    return this.append('dxfs', `<${this.p}dxf>${font}${fill}</${this.p}dxf>`);
  }

  private append(which: keyof StylesPart['coll'], xml: string): number {
    const key = `${which}|${xml}`;
    const hit = this.dedupe.get(key);
    if (hit !== undefined) return hit;
    const c = this.coll[which];
    c.added.push(xml);
    const index = c.items.length + c.added.length - 1;
    this.dedupe.set(key, index);
    return index;
  }

  private mergeFont(fontId: number, change: StyleChange): string {
    const font = this.item('fonts', fontId);
    const parts = new Map<string, string>();
    const extra: string[] = [];
    for (const c of font?.node.children ?? []) {
      if (FONT_ORDER.includes(c.local)) parts.set(c.local, rawOf(font!.text, c));
      else extra.push(rawOf(font!.text, c));
    }
    const p = this.p;
    if (change.bold !== undefined) {
      if (change.bold) parts.set('b', `<${p}b/>`);
      else parts.delete('b');
    }
    if (change.italic !== undefined) {
      if (change.italic) parts.set('i', `<${p}i/>`);
      else parts.delete('i');
    }
    if (change.fontColor !== undefined) parts.set('color', `<${p}color rgb="${argb(change.fontColor)}"/>`);
    else if (change.autoFontColor) parts.delete('color');
    if (change.fontName !== undefined) {
      parts.set('name', `<${p}name val="${change.fontName}"/>`);
      // A symbol font's character set and family would keep the symbols.
      parts.delete('charset');
      parts.delete('family');
      parts.delete('scheme');
    }
    const ordered = FONT_ORDER.filter((k) => parts.has(k)).map((k) => parts.get(k)!);
    return `<${p}font>${[...ordered, ...extra].join('')}</${p}font>`;
  }

  private solidFill(hex: string): string {
    const p = this.p;
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  }

  private border(borderId: number, style: 'thin' | 'medium', color: string): string {
    const p = this.p;
    const old = this.item('borders', borderId);
    const diagonal = old ? child(old.node, 'diagonal') : undefined;
    const side = (name: string): string => `<${p}${name} style="${style}"><${p}color rgb="${argb(color)}"/></${p}${name}>`;
    const attrs = old ? attrsText(Object.entries(old.node.attrs)) : '';
    return `<${p}border${attrs}>${side('left')}${side('right')}${side('top')}${side('bottom')}${diagonal ? rawOf(old!.text, diagonal) : `<${p}diagonal/>`}</${p}border>`;
  }

  /** The id of a number format code: built-in, existing custom, or a new custom one. */
  numFmtId(code: string): number {
    for (const [id, builtin] of Object.entries(BUILTIN_FORMATS)) if (builtin === code && Number(id) !== 14) return Number(id);
    for (const [id, existing] of this.numFmts) if (existing === code) return id;
    const added = this.addedNumFmts.find((n) => n.code === code);
    if (added) return added.id;
    const id = Math.max(163, ...this.numFmts.keys(), ...this.addedNumFmts.map((n) => n.id)) + 1;
    this.addedNumFmts.push({ id, code });
    return id;
  }

  /** The part's new text: the original with the appended records spliced in. */
  serialize(): string {
    const splice = new Splice();
    const p = this.p;
    const missing: Array<{ local: string; xml: string }> = [];
    if (this.addedNumFmts.length > 0) {
      const items = this.addedNumFmts.map((n) => `<${p}numFmt numFmtId="${n.id}" formatCode="${escapeXmlAttr(n.code)}"/>`).join('');
      const node = child(this.root, 'numFmts');
      if (node) this.appendTo(splice, node, items, this.numFmts.size + this.addedNumFmts.length);
      else missing.push({ local: 'numFmts', xml: `<${p}numFmts count="${this.addedNumFmts.length}">${items}</${p}numFmts>` });
    }
    for (const c of Object.values(this.coll)) {
      if (c.added.length === 0) continue;
      if (c.node) this.appendTo(splice, c.node, c.added.join(''), c.items.length + c.added.length);
      else missing.push({ local: c.local, xml: `<${p}${c.local} count="${c.added.length}">${c.added.join('')}</${p}${c.local}>` });
    }
    for (const m of missing) {
      const order = STYLE_ORDER.indexOf(m.local);
      const next = this.root.children.find((ch) => STYLE_ORDER.indexOf(ch.local) > order);
      splice.insert(next ? next.start : this.root.closeStart, m.xml);
    }
    return splice.apply(this.text);
  }

  private appendTo(splice: Splice, node: XNode, items: string, count: number): void {
    const open = this.text.slice(node.start, node.selfClosing ? node.end - 2 : node.openEnd - 1);
    const withCount = /\scount\s*=\s*"[^"]*"/.test(open) ? open.replace(/(\scount\s*=\s*")[^"]*"/, `$1${count}"`) : `${open} count="${count}"`;
    if (node.selfClosing) splice.replace(node.start, node.end, `${withCount.trimEnd()}>${items}</${node.name}>`);
    else {
      splice.replace(node.start, node.openEnd, `${withCount}>`);
      splice.insert(node.closeStart, items);
    }
  }
}

function escapeXmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** A styles part for a package that has none (a hand-written minimal workbook). */
function minimalStyles(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}
