import { OpcPackage, REL, REL_NS, relsPath } from './opc';
import { parseRef } from './refs';
import { refOf, type SheetPart } from './sheet';
import { attrsText, child, children, escapeText, parseXml, prefixFor, Splice, type XNode } from './xml';

/**
 * A sheet's notes: the legacy comments part (§18.7) and the VML drawing Excel needs to
 * show each note (§L.5 of Part 4, "VML"). Notes the add-in does not change keep their
 * bytes; a changed note is removed and added again in both parts, with its VML shape.
 */

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NOTE_AUTHOR = 'Scorecard';

interface Existing {
  text: string;
  node: XNode;
}

export class SheetNotes {
  private readonly commentsPart: string | null;
  private readonly vmlPart: string | null;
  private readonly existing = new Map<string, Existing>();
  private readonly changes = new Map<string, string | null>();
  private commentsText: string | null = null;
  private commentsRoot: XNode | null = null;
  /** Whether the VML drawing could be read (a note cannot be added without its shape). */
  readonly writable: boolean;

  constructor(
    private readonly pkg: OpcPackage,
    sheetPart: string,
    private readonly sheet: SheetPart,
  ) {
    const rels = pkg.rels(sheetPart);
    this.commentsPart = rels.find((r) => r.type === REL.comments)?.part ?? null;
    const legacy = sheet.top('legacyDrawing');
    const rid = legacy ? Object.entries(legacy.attrs).find(([k]) => k.endsWith(':id'))?.[1] : undefined;
    this.vmlPart = rels.find((r) => r.id === rid && r.type === REL.vmlDrawing)?.part ?? null;
    if (this.commentsPart) {
      this.commentsText = pkg.text(this.commentsPart);
      if (this.commentsText !== null) {
        this.commentsRoot = parseXml(this.commentsText, this.commentsPart);
        const list = child(this.commentsRoot, 'commentList');
        for (const c of list ? children(list, 'comment') : []) {
          const ref = c.attrs.ref ? parseRef(c.attrs.ref) : null;
          if (ref) this.existing.set(`${ref.row},${ref.col}`, { text: textOf(c), node: c });
        }
      }
    }
    let ok = true;
    if (this.vmlPart) {
      try {
        const vml = pkg.text(this.vmlPart);
        if (vml !== null) parseXml(vml, this.vmlPart);
      } catch {
        ok = false;
      }
    }
    this.writable = ok;
  }

  /** The note on a cell, as it will be after the pending changes. */
  text(row: number, col: number): string | null {
    const key = `${row},${col}`;
    if (this.changes.has(key)) return this.changes.get(key)!;
    return this.existing.get(key)?.text ?? null;
  }

  /** Every note of the sheet (row, col, text). */
  all(): Array<{ row: number; col: number; text: string }> {
    const out: Array<{ row: number; col: number; text: string }> = [];
    const keys = new Set([...this.existing.keys(), ...this.changes.keys()]);
    for (const key of keys) {
      const text = this.text(...(key.split(',').map(Number) as [number, number]));
      if (text !== null) {
        const [row, col] = key.split(',').map(Number) as [number, number];
        out.push({ row, col, text });
      }
    }
    return out;
  }

  set(row: number, col: number, text: string | null): void {
    const key = `${row},${col}`;
    const current = this.existing.get(key)?.text ?? null;
    if (current === text) this.changes.delete(key);
    else this.changes.set(key, text);
  }

  get changed(): boolean {
    return this.changes.size > 0;
  }

  serialize(sheetPart: string): void {
    if (this.changes.size === 0) return;
    const touched = new Set(this.changes.keys());
    const added = [...this.changes].filter(([, t]) => t !== null).map(([k, t]) => ({ key: k, text: t!, row: Number(k.split(',')[0]), col: Number(k.split(',')[1]) }));
    this.writeComments(sheetPart, touched, added);
    this.writeVml(sheetPart, touched, added);
  }

  private writeComments(sheetPart: string, touched: Set<string>, added: Array<{ row: number; col: number; text: string }>): void {
    let part = this.commentsPart;
    let text = this.commentsText;
    let root = this.commentsRoot;
    if (part === null || text === null || root === null) {
      part = this.pkg.freeName('xl/comments', '.xml');
      text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
      root = parseXml(text, part);
      this.pkg.addRel(sheetPart, REL.comments, part);
      this.pkg.addContentType(part, COMMENTS_TYPE);
    }
    const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
    const splice = new Splice();
    const authors = child(root, 'authors');
    const names = authors ? children(authors, 'author').map((a) => a.text) : [];
    let authorId = names.indexOf(NOTE_AUTHOR);
    if (authorId < 0 && added.length > 0) {
      authorId = names.length;
      const el = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
      if (!authors) splice.insert(root.openEnd, `<${p}authors>${el}</${p}authors>`);
      else if (authors.selfClosing) splice.replace(authors.start, authors.end, `<${authors.name}>${el}</${authors.name}>`);
      else splice.insert(authors.closeStart, el);
    }
    for (const key of touched) {
      const old = this.existing.get(key);
      if (old) splice.remove(old.node);
    }
    const xml = added
      .map(
        (a) =>
          `<${p}comment ref="${refOf(a.row, a.col)}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeText(a.text)}</${p}t></${p}r></${p}text></${p}comment>`,
      )
      .join('');
    const list = child(root, 'commentList');
    if (xml) {
      if (!list) splice.insert(root.closeStart, `<${p}commentList>${xml}</${p}commentList>`);
      else if (list.selfClosing) splice.replace(list.start, list.end, `<${list.name}>${xml}</${list.name}>`);
      else splice.insert(list.closeStart, xml);
    }
    this.pkg.set(part, splice.apply(text));
  }

  private writeVml(sheetPart: string, touched: Set<string>, added: Array<{ row: number; col: number; text: string }>): void {
    let part = this.vmlPart;
    let text = part ? this.pkg.text(part) : null;
    if (part === null || text === null) {
      part = this.pkg.freeName('xl/drawings/vmlDrawing', '.vml');
      text =
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
        '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></xml>';
      const rid = this.pkg.addRel(sheetPart, REL.vmlDrawing, part);
      this.pkg.addContentType(part, VML_TYPE, true);
      const rPrefix = prefixFor(this.sheet.root, REL_NS);
      const idAttr = rPrefix === null ? ` xmlns:r="${REL_NS}" r:id="${rid}"` : ` ${rPrefix}:id="${rid}"`;
      this.sheet.insertTop('legacyDrawing', `<${this.sheet.el('legacyDrawing')}${idAttr}/>`);
    }
    const root = parseXml(text, part);
    const splice = new Splice();
    const ids: number[] = [];
    let hasType = false;
    const walk = (node: XNode): void => {
      for (const c of node.children) {
        if (c.local === 'shapetype' && c.attrs.id === '_x0000_t202') hasType = true;
        if (c.local === 'shape') {
          const m = /^_x0000_s(\d+)$/.exec(c.attrs.id ?? '');
          if (m) ids.push(Number(m[1]));
          const data = c.children.find((d) => d.local === 'ClientData');
          if (data && data.attrs.ObjectType === 'Note') {
            const row = data.children.find((d) => d.local === 'Row')?.text.trim();
            const col = data.children.find((d) => d.local === 'Column')?.text.trim();
            if (row !== undefined && col !== undefined && touched.has(`${Number(row)},${Number(col)}`)) splice.remove(c);
          }
        } else walk(c);
      }
    };
    walk(root);
    let next = Math.max(1024, ...ids) + 1;
    const shapes =
      (hasType || added.length === 0
        ? ''
        : '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>') +
      added
        .map(
          (a) =>
            `<v:shape id="_x0000_s${next++}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
            '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
            '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
            `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${a.col + 1}, 15, ${Math.max(0, a.row - 1)}, 2, ${a.col + 3}, 15, ${a.row + 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${a.row}</x:Row><x:Column>${a.col}</x:Column></x:ClientData></v:shape>`,
        )
        .join('');
    if (shapes) splice.insert(root.closeStart, shapes);
    this.pkg.set(part, splice.apply(text));
  }
}

function textOf(node: XNode): string {
  let out = '';
  const walk = (n: XNode, phonetic: boolean): void => {
    for (const c of n.children) {
      if (c.local === 'rPh') continue;
      if (c.local === 't' && !phonetic) out += c.text;
      else walk(c, phonetic);
    }
  };
  walk(node, false);
  return out;
}

export { relsPath, attrsText };
