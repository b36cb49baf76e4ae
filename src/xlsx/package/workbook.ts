import { OpcPackage, REL, REL_NS, relsPath, resolvePart, rootOf, STRICT_OFFICE_DOCUMENT, ZipError } from './opc';
import { SheetPart } from './sheet';
import { StylesPart } from './styles';
import { SheetNotes } from './notes';
import { attrsText, child, children, parseXml, prefixFor, Splice, XmlError, type XNode } from './xml';
import type { ZipCodec, ZipLimits } from './zip';

/**
 * A workbook package opened for reading and in-place editing: the workbook part's sheet
 * list, and on demand the shared strings, the styles part, each worksheet part and its
 * notes. Only what was asked for is decoded; only what was changed is written back.
 */

export type PackageErrorCode = 'notXlsx' | 'oldXls' | 'encrypted' | 'strict' | 'tooLarge' | 'damaged' | 'unsafeXml' | 'unreadable';

export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface SheetInfo {
  name: string;
  sheetId: string;
  rid: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  part: string;
  node: XNode;
}

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Turns the container's and parser's failures into package errors (for messages). */
export function packageErrorOf(e: unknown): PackageError | null {
  if (e instanceof PackageError) return e;
  if (e instanceof ZipError) {
    const p = e.problem;
    switch (p.kind) {
      case 'notZip':
        return new PackageError('notXlsx', 'not a zip package');
      case 'encrypted':
        return new PackageError('encrypted', 'it is encrypted (password to open)');
      case 'compound':
        return p.holds === 'xls' ? new PackageError('oldXls', 'an Excel 97-2003 workbook (.xls)') : new PackageError('notXlsx', 'an Office 97-2003 file, not a workbook');
      case 'truncated':
        return new PackageError('damaged', p.detail);
      case 'bomb':
        return new PackageError('tooLarge', `${p.part ? `part ${p.part}: ` : ''}${p.detail}`);
      case 'unsupported':
        return new PackageError('unreadable', `${p.part ? `part ${p.part}: ` : ''}${p.detail}`);
    }
  }
  if (e instanceof XmlError) return e.doctype ? new PackageError('unsafeXml', `${e.part}: ${e.detail}`) : new PackageError('unreadable', `${e.part} is not well-formed XML (${e.detail})`);
  return null;
}

export class XlsxWorkbook {
  readonly pkg: OpcPackage;
  readonly workbookPart: string;
  private workbookText: string;
  private workbookRoot: XNode;
  private readonly sheetParts = new Map<string, SheetPart>();
  private readonly notesBySheet = new Map<string, SheetNotes>();
  private stylesPart: StylesPart | null = null;
  private strings: string[] | null = null;
  private readonly workbookEdits: Array<(text: string, root: XNode) => string> = [];
  sheets: SheetInfo[];

  private constructor(pkg: OpcPackage) {
    this.pkg = pkg;
    const rootRels = pkg.rels('');
    const office = rootRels.find((r) => r.type === REL.officeDocument);
    if (!office) {
      if (rootRels.some((r) => r.type === STRICT_OFFICE_DOCUMENT)) throw new PackageError('strict', 'Strict Open XML');
      if (!pkg.has('[Content_Types].xml')) throw new PackageError('notXlsx', 'a zip, but not an Office package');
      throw new PackageError('unreadable', 'it has no workbook part');
    }
    this.workbookPart = office.part;
    const wb = rootOf(pkg, this.workbookPart);
    if (!wb) throw new PackageError('unreadable', `its workbook part ${this.workbookPart} is missing`);
    if (Object.values(wb.root.attrs).includes('http://purl.oclc.org/ooxml/spreadsheetml/main')) throw new PackageError('strict', 'Strict Open XML');
    if (wb.root.local !== 'workbook') throw new PackageError('notXlsx', 'its main part is not a workbook (a Word or PowerPoint file?)');
    this.workbookText = wb.text;
    this.workbookRoot = wb.root;
    this.sheets = this.readSheets();
  }

  /** Opens a package; throws PackageError with a reason. */
  static open(bytes: Uint8Array, limits?: ZipLimits, codec?: ZipCodec): XlsxWorkbook {
    try {
      return new XlsxWorkbook(OpcPackage.open(bytes, limits, codec ?? null));
    } catch (e) {
      throw packageErrorOf(e) ?? e;
    }
  }

  private readSheets(): SheetInfo[] {
    const rels = this.pkg.rels(this.workbookPart);
    const sheets = child(this.workbookRoot, 'sheets');
    const out: SheetInfo[] = [];
    for (const s of sheets ? children(sheets, 'sheet') : []) {
      const rid = Object.entries(s.attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.find((r) => r.id === rid);
      // Chart sheets and dialog sheets are listed too; only worksheets are read.
      if (!rel || rel.type !== REL.worksheet) continue;
      const state = s.attrs.state === 'hidden' || s.attrs.state === 'veryHidden' ? s.attrs.state : 'visible';
      out.push({ name: s.attrs.name ?? '', sheetId: s.attrs.sheetId ?? '', rid, state, part: rel.part, node: s });
    }
    return out;
  }

  /** Whether the package is macro-enabled (.xlsm): the output must keep that extension. */
  get macroEnabled(): boolean {
    return (this.pkg.contentType(this.workbookPart) ?? '').includes('macroEnabled');
  }

  /**
   * Whether dates count from 1904 (`<workbookPr date1904="1"/>`, the default of Excel for
   * Mac before 2011 and kept by every later Excel on such a file): serial 0 is 1 January
   * 1904, so a serial is 1,462 days less than the same date's in the 1900 system.
   */
  get date1904(): boolean {
    const v = child(this.workbookRoot, 'workbookPr')?.attrs.date1904;
    return v === '1' || v === 'true';
  }

  /** Workbook structure protection (an empty `<workbookProtection/>`, as LibreOffice writes, is none). */
  get structureLocked(): boolean {
    const p = child(this.workbookRoot, 'workbookProtection');
    const v = p?.attrs.lockStructure;
    return v === '1' || v === 'true';
  }

  sheet(name: string): SheetPart {
    const info = this.sheets.find((s) => s.name === name);
    if (!info) throw new Error(`no sheet ${name}`);
    return this.sheetByPart(info.part);
  }

  sheetByPart(part: string): SheetPart {
    let s = this.sheetParts.get(part);
    if (!s) {
      const text = this.pkg.text(part);
      if (text === null) throw new PackageError('unreadable', `its sheet part ${part} is missing`);
      s = new SheetPart(text, part);
      this.sheetParts.set(part, s);
    }
    return s;
  }

  notes(sheetName: string): SheetNotes {
    const info = this.sheets.find((s) => s.name === sheetName)!;
    let n = this.notesBySheet.get(info.part);
    if (!n) {
      n = new SheetNotes(this.pkg, info.part, this.sheetByPart(info.part));
      this.notesBySheet.set(info.part, n);
    }
    return n;
  }

  get styles(): StylesPart {
    if (!this.stylesPart) {
      const rel = this.pkg.rels(this.workbookPart).find((r) => r.type === REL.styles);
      const part = rel?.part ?? 'xl/styles.xml';
      const text = this.pkg.text(part);
      this.stylesPart = new StylesPart(text, part);
      if (text === null) {
        this.pkg.addRel(this.workbookPart, REL.styles, part);
        this.pkg.addContentType(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
      }
    }
    return this.stylesPart;
  }

  /** Shared strings (§18.4): each item's text with its runs joined, phonetic runs left out. */
  sharedStrings(): string[] {
    if (this.strings) return this.strings;
    const rel = this.pkg.rels(this.workbookPart).find((r) => r.type === REL.sharedStrings);
    const text = rel ? this.pkg.text(rel.part) : null;
    const strings: string[] = [];
    if (text !== null) {
      let current: string | null = null;
      let phonetic = 0;
      let inT = false;
      parseXml(text, rel!.part, {
        keep: (_n, depth) => depth < 1,
        handlers: {
          open: (node, depth) => {
            if (depth === 1 && node.local === 'si') current = '';
            else if (node.local === 'rPh') phonetic++;
            else if (node.local === 't' && phonetic === 0 && current !== null) inT = true;
          },
          close: (node, depth) => {
            if (depth === 1 && node.local === 'si') {
              strings.push(current ?? '');
              current = null;
            } else if (node.local === 'rPh') phonetic--;
            else if (node.local === 't') inT = false;
          },
          text: (t) => {
            if (inT && current !== null) current += t;
          },
        },
      });
    }
    this.strings = strings;
    return strings;
  }

  /** Defined names of the workbook part (name, local sheet index, formula text). */
  definedNames(): Array<{ name: string; localSheetId: number | null; text: string; node: XNode }> {
    const dn = child(this.workbookRoot, 'definedNames');
    return (dn ? children(dn, 'definedName') : []).map((d) => ({
      name: d.attrs.name ?? '',
      localSheetId: d.attrs.localSheetId !== undefined ? Number(d.attrs.localSheetId) : null,
      text: d.text,
      node: d,
    }));
  }

  /** Sets (replaces) a sheet-level defined name such as `_xlnm.Print_Area`; null removes it. */
  setDefinedName(name: string, sheetIndex: number, formula: string | null): void {
    this.workbookEdits.push((text, root) => {
      const splice = new Splice();
      const p = prefixOf(root);
      const dn = child(root, 'definedNames');
      const existing = dn ? children(dn, 'definedName').find((d) => d.attrs.name === name && Number(d.attrs.localSheetId) === sheetIndex) : undefined;
      const xml = formula === null ? '' : `<${p}definedName${attrsText([['name', name], ['localSheetId', sheetIndex]])}>${escapeXml(formula)}</${p}definedName>`;
      if (existing) splice.replace(existing.start, existing.end, xml);
      else if (formula === null) return text;
      else if (dn && !dn.selfClosing) splice.insert(dn.closeStart, xml);
      else if (dn) splice.replace(dn.start, dn.end, `<${dn.name}>${xml}</${dn.name}>`);
      else {
        const after = ['sheets', 'functionGroups', 'externalReferences'];
        const anchor = [...root.children].reverse().find((c) => after.includes(c.local));
        splice.insert(anchor ? anchor.end : root.closeStart, `<${p}definedNames>${xml}</${p}definedNames>`);
      }
      return splice.apply(text);
    });
  }

  /**
   * Adds a worksheet part holding `xml`, listed right after `afterSheet` (or last), hidden
   * or not. Sheet-level defined names and the active tab that point past the new position
   * are renumbered, so every name keeps meaning the sheet it meant.
   */
  addSheet(name: string, xml: string, options: { after?: string; state?: 'hidden' } = {}): SheetInfo {
    const part = this.pkg.freeName('xl/worksheets/sheet', '.xml');
    this.pkg.set(part, xml);
    this.pkg.addContentType(part, WORKSHEET_TYPE);
    const rid = this.pkg.addRel(this.workbookPart, REL.worksheet, part);
    const allIds = children(child(this.workbookRoot, 'sheets')!, 'sheet').map((s) => Number(s.attrs.sheetId ?? 0));
    const sheetId = String(Math.max(0, ...allIds) + 1);
    const sheetNodes = children(child(this.workbookRoot, 'sheets')!, 'sheet');
    const afterIndex = options.after !== undefined ? sheetNodes.findIndex((s) => s.attrs.name === options.after) : sheetNodes.length - 1;
    const position = afterIndex + 1;
    this.workbookEdits.push((text, root) => {
      const splice = new Splice();
      const p = prefixOf(root);
      const rPrefix = prefixFor(root, REL_NS);
      const idAttr = rPrefix === null ? [['xmlns:r', REL_NS] as const, ['r:id', rid] as const] : [[`${rPrefix}:id`, rid] as const];
      const el = `<${p}sheet${attrsText([['name', name], ['sheetId', sheetId], ...(options.state ? [['state', options.state] as const] : []), ...idAttr])}/>`;
      const sheets = child(root, 'sheets')!;
      const nodes = children(sheets, 'sheet');
      const anchor = nodes[position - 1];
      splice.insert(anchor ? anchor.end : sheets.openEnd, el);
      // Sheet indexes at or past the new one move up by one.
      for (const d of child(root, 'definedNames')?.children ?? []) {
        const id = d.attrs.localSheetId;
        if (id === undefined || Number(id) < position) continue;
        splice.replace(d.start, d.openEnd, `<${d.name}${attrsText(Object.entries({ ...d.attrs, localSheetId: String(Number(id) + 1) }))}>`);
      }
      for (const v of children(child(root, 'bookViews') ?? root, 'workbookView')) {
        const next = { ...v.attrs };
        let changed = false;
        for (const k of ['activeTab', 'firstSheet'] as const) {
          if (next[k] !== undefined && Number(next[k]) >= position) {
            next[k] = String(Number(next[k]) + 1);
            changed = true;
          }
        }
        if (changed) splice.replace(v.start, v.selfClosing ? v.end : v.openEnd, `<${v.name}${attrsText(Object.entries(next))}${v.selfClosing ? '/>' : '>'}`);
      }
      return splice.apply(text);
    });
    this.flushWorkbook();
    return this.sheets.find((s) => s.name === name)!;
  }

  /** Applies pending workbook-part edits now (each works on the text the last one left). */
  private flushWorkbook(): void {
    for (const edit of this.workbookEdits.splice(0)) {
      this.workbookText = edit(this.workbookText, this.workbookRoot);
      this.workbookRoot = parseXml(this.workbookText, this.workbookPart);
    }
    this.pkg.set(this.workbookPart, this.workbookText);
    this.sheets = this.readSheets();
  }

  sheetIndex(name: string): number {
    const nodes = children(child(this.workbookRoot, 'sheets')!, 'sheet');
    return nodes.findIndex((s) => s.attrs.name === name);
  }

  /** The package with every change written in; parts not changed are copied as they came. */
  save(): Uint8Array {
    for (const [part, n] of this.notesBySheet) n.serialize(part);
    for (const [part, s] of this.sheetParts) if (s.changed) this.pkg.setUtf8(part, s.serializeUtf8());
    if (this.stylesPart?.changed) this.pkg.set(this.stylesPart.part, this.stylesPart.serialize());
    if (this.workbookEdits.length > 0) this.flushWorkbook();
    return this.pkg.save();
  }

  /**
   * The same bytes as `save()`, with the package's codec deflating the new parts while they
   * are written (`OpcPackage.saveAsync`): a changed sheet is handed over in chunks as it is
   * serialised, in chunks of about `chunkBytes`.
   */
  async saveAsync(chunkBytes = SHEET_CHUNK): Promise<Uint8Array> {
    for (const [part, n] of this.notesBySheet) n.serialize(part);
    for (const [part, s] of this.sheetParts) if (s.changed) this.pkg.setUtf8Producer(part, (onChunk) => s.writeUtf8Chunks(onChunk, chunkBytes));
    if (this.stylesPart?.changed) this.pkg.set(this.stylesPart.part, this.stylesPart.serialize());
    if (this.workbookEdits.length > 0) this.flushWorkbook();
    return this.pkg.saveAsync();
  }

  relsOf(part: string): string {
    return relsPath(part);
  }

  resolve(base: string, target: string): string {
    return resolvePart(base, target);
  }
}

/** The size of the chunks a sheet is handed to the deflater in. */
const SHEET_CHUNK = 256 * 1024;

function prefixOf(root: XNode): string {
  const colon = root.name.indexOf(':');
  return colon < 0 ? '' : root.name.slice(0, colon + 1);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
