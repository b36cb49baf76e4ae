import { InflateBudget, readZip, writeZip, ZipError, type DeflatedPart, type PartSink, type ZipEntry, type ZipLimits, type ZipOut, type ZipCodec, DEFAULT_LIMITS } from './zip';
import { attrsText, children, parseXml, Splice, type XNode } from './xml';

/**
 * An Open Packaging Conventions package (ECMA-376 Part 2) held as its zip entries: parts
 * are decoded only when read, changed parts are kept as text, and `save()` writes every
 * other part back as the bytes it came in (same compressed data, CRC and timestamp).
 */

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
};
/** Strict OOXML (ISO/IEC 29500 Strict) uses other namespace URIs for the same relationships. */
export const STRICT_OFFICE_DOCUMENT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points at, resolved against its source (`xl/worksheets/sheet1.xml`). */
  part: string;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `xl/worksheets/../drawings/d.xml` -> `xl/drawings/d.xml`; absolute targets from the root. */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships part of a part: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target relative to the source part's folder, as producers write them. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/**
 * Writes a part's new text as UTF-8, handing it to `onChunk` in chunks as they are made
 * (each chunk is the receiver's). Writes the same bytes each time it is called.
 */
export type Utf8Producer = (onChunk: (bytes: Uint8Array) => void) => void;

export class OpcPackage {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Map<string, string>();
  private readonly added: string[] = [];
  private readonly budget: InflateBudget;

  private constructor(
    entries: ZipEntry[],
    limits: ZipLimits,
    private readonly codec: ZipCodec | null,
  ) {
    this.entries = entries;
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
    this.budget = new InflateBudget(limits, codec);
  }

  /** Throws ZipError for what is not a readable zip (the reader turns it into a message). */
  static open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS, codec: ZipCodec | null = null): OpcPackage {
    return new OpcPackage(readZip(bytes, limits), limits, codec);
  }

  has(name: string): boolean {
    return this.changed.has(name) || this.byName.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.entries.map((e) => e.name), ...this.added];
  }

  /** A part's text (decoded once, cached); null when the package has no such part. */
  text(name: string): string | null {
    const producer = this.producers.get(name);
    if (producer) {
      this.producers.delete(name);
      this.changedBytes.set(name, produced(producer));
    }
    const bytes = this.changedBytes.get(name);
    if (bytes) {
      this.changedBytes.delete(name);
      this.changed.set(name, new TextDecoder().decode(bytes));
    }
    const changed = this.changed.get(name);
    if (changed !== undefined) return changed;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return null;
    const text = decode(this.budget.inflate(entry));
    this.texts.set(name, text);
    return text;
  }

  /**
   * A part's bytes as stored, inflated within the package's limits and neither decoded nor
   * kept (for a reader that scans a big part in pieces); null when there is no such part.
   */
  bytes(name: string): Uint8Array | null {
    const entry = this.byName.get(name.toLowerCase());
    return entry ? this.budget.inflate(entry) : null;
  }

  /** Replaces (or adds) a part's text. */
  set(name: string, text: string): void {
    if (!this.byName.has(name.toLowerCase()) && !this.changed.has(name)) this.added.push(name);
    this.changedBytes.delete(name);
    this.producers.delete(name);
    this.changed.set(name, text);
  }

  /**
   * Replaces a part's text given already encoded as UTF-8 (a big sheet, written straight
   * into bytes, so it never exists as one string beside them); decoded only if read back.
   */
  setUtf8(name: string, bytes: Uint8Array): void {
    this.set(name, '');
    this.changedBytes.set(name, bytes);
  }

  /** Parts set as UTF-8 bytes. */
  private readonly changedBytes = new Map<string, Uint8Array>();

  /**
   * Replaces a part's text with what `write` writes, run only when the package is saved
   * (or the part read back): `saveAsync` compresses its chunks while the rest is written.
   */
  setUtf8Producer(name: string, write: Utf8Producer): void {
    this.set(name, '');
    this.producers.set(name, write);
  }

  /** Parts set as producers of UTF-8 bytes. */
  private readonly producers = new Map<string, Utf8Producer>();

  isChanged(name: string): boolean {
    return this.changed.has(name);
  }

  /** A part name not used yet: `xl/worksheets/sheet` + n + `.xml`. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  rels(part: string): Relationship[] {
    const text = this.text(relsPath(part));
    if (text === null) return [];
    const root = parseXml(text, relsPath(part));
    return children(root, 'Relationship').map((r) => {
      const external = r.attrs.TargetMode === 'External';
      const target = r.attrs.Target ?? '';
      return { id: r.attrs.Id ?? '', type: r.attrs.Type ?? '', target, external, part: external ? '' : resolvePart(part, target) };
    });
  }

  /** Adds a relationship from `part` to `to`; returns its id. Creates the rels part if needed. */
  addRel(part: string, type: string, to: string): string {
    const path = relsPath(part);
    const text = this.text(path);
    const taken = new Set(this.rels(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship${attrsText([['Id', id], ['Type', type], ['Target', relativeTarget(part, to)]])}/>`;
    if (text === null) {
      this.set(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rel}</Relationships>`);
    } else {
      const root = parseXml(text, path);
      const splice = new Splice();
      if (root.selfClosing) splice.replace(root.start, root.end, `${text.slice(root.start, root.openEnd - 2)}>${rel}</${root.name}>`);
      else splice.insert(root.closeStart, rel);
      this.set(path, splice.apply(text));
    }
    return id;
  }

  /** Adds a content type override for a new part, or a default for its extension. */
  addContentType(part: string, contentType: string, byExtension = false): void {
    const path = '[Content_Types].xml';
    const text = this.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`;
    const root = parseXml(text, path);
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    if (byExtension && children(root, 'Default').some((d) => (d.attrs.Extension ?? '').toLowerCase() === ext)) return;
    if (!byExtension && children(root, 'Override').some((d) => (d.attrs.PartName ?? '').toLowerCase() === `/${part}`.toLowerCase())) return;
    const el = byExtension ? `<Default${attrsText([['Extension', ext], ['ContentType', contentType]])}/>` : `<Override${attrsText([['PartName', `/${part}`], ['ContentType', contentType]])}/>`;
    const splice = new Splice();
    if (root.selfClosing) splice.replace(root.start, root.end, `${text.slice(root.start, root.openEnd - 2)}>${el}</${root.name}>`);
    else splice.insert(root.closeStart, el);
    this.set(path, splice.apply(text));
  }

  /** The content type a part has, from [Content_Types].xml. */
  contentType(part: string): string | null {
    const text = this.text('[Content_Types].xml');
    if (text === null) return null;
    const root = parseXml(text, '[Content_Types].xml');
    const override = children(root, 'Override').find((o) => (o.attrs.PartName ?? '').toLowerCase() === `/${part}`.toLowerCase());
    if (override) return override.attrs.ContentType ?? null;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return children(root, 'Default').find((d) => (d.attrs.Extension ?? '').toLowerCase() === ext)?.attrs.ContentType ?? null;
  }

  /** The package as zip bytes: untouched parts copied as they came, in their order. */
  save(): Uint8Array {
    const bytesOf = (name: string, declared: boolean): Uint8Array => {
      const producer = this.producers.get(name);
      if (!producer) return this.bytesOf(name, declared);
      const bytes = produced(producer);
      return declared ? utf8DeclarationBytes(bytes) : bytes;
    };
    const out: ZipOut[] = this.entries.map((entry) => {
      if (!this.changed.has(entry.name)) return { kind: 'copy', entry };
      return { kind: 'new', name: entry.name, data: bytesOf(entry.name, true), like: entry };
    });
    for (const name of this.added) out.push({ kind: 'new', name, data: bytesOf(name, false) });
    return writeZip(out, this.codec);
  }

  /**
   * The same bytes as `save()`, with the new parts deflated by the codec's deflater (the
   * CLI's: on another thread) while they are written: a producer's chunks are handed over
   * as they come. Without a deflater, or if it fails, the parts are deflated as `save()` does.
   */
  async saveAsync(): Promise<Uint8Array> {
    const deflater = this.codec?.deflater?.();
    if (!deflater) return this.save();
    try {
      const pending: Promise<DeflatedPart>[] = [];
      const deflate = (name: string, declared: boolean): number => {
        const producer = this.producers.get(name);
        if (producer) {
          const sink = declared ? new DeclarationFix(deflater.part()) : deflater.part();
          producer((chunk) => sink.push(chunk));
          return pending.push(sink.end()) - 1;
        }
        const sink = deflater.part();
        const bytes = this.bytesOf(name, declared);
        // A copy of bytes the package keeps (the sink owns what it is given).
        sink.push(this.changedBytes.get(name) === bytes ? bytes.slice() : bytes);
        return pending.push(sink.end()) - 1;
      };
      const plan = this.entries.map((entry) => (this.changed.has(entry.name) ? { entry, at: deflate(entry.name, true) } : { entry, at: -1 }));
      const added = this.added.map((name) => ({ name, at: deflate(name, false) }));
      const done = await Promise.all(pending);
      const out: ZipOut[] = plan.map(({ entry, at }) => (at < 0 ? { kind: 'copy', entry } : { kind: 'deflated', name: entry.name, deflated: done[at]!, like: entry }));
      for (const { name, at } of added) out.push({ kind: 'deflated', name, deflated: done[at]! });
      return writeZip(out, this.codec);
    } catch {
      // The deflater failed (its thread could not start, or died): the same bytes, here.
      return this.save();
    } finally {
      await deflater.close();
    }
  }

  /** A changed part's UTF-8 bytes (not a producer's), with a UTF-8 declaration if `declared`. */
  private bytesOf(name: string, declared: boolean): Uint8Array {
    const encoded = this.changedBytes.get(name);
    if (encoded) return declared ? utf8DeclarationBytes(encoded) : encoded;
    const text = this.changed.get(name)!;
    return new TextEncoder().encode(declared ? utf8Declaration(text) : text);
  }
}

/** A producer's bytes in one array. */
function produced(write: Utf8Producer): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  write((chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * `utf8DeclarationBytes` on a part handed over in chunks: the first KiB (all the function
 * looks at) is held back until it is complete, then passed on fixed.
 */
class DeclarationFix implements PartSink {
  private head: Uint8Array[] | null = [];
  private headSize = 0;

  constructor(private readonly sink: PartSink) {}

  push(chunk: Uint8Array): void {
    if (!this.head) return this.sink.push(chunk);
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize >= 1024) this.release();
  }

  end(): Promise<DeflatedPart> {
    if (this.head) this.release();
    return this.sink.end();
  }

  private release(): void {
    const chunks = this.head!;
    this.head = null;
    if (chunks.length === 0) return;
    let joined = chunks[0]!;
    if (chunks.length > 1) {
      joined = new Uint8Array(this.headSize);
      let at = 0;
      for (const c of chunks) {
        joined.set(c, at);
        at += c.length;
      }
    }
    this.sink.push(utf8DeclarationBytes(joined));
  }
}

/** `utf8Declaration` on encoded text: only the declaration's bytes are looked at (and replaced when it named UTF-16). */
function utf8DeclarationBytes(bytes: Uint8Array): Uint8Array {
  // `<?xml`
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f || bytes[2] !== 0x78 || bytes[3] !== 0x6d || bytes[4] !== 0x6c) return bytes;
  // Just past the declaration's `?>`.
  let end = 5;
  const most = Math.min(bytes.length, 1024);
  while (end + 1 < most && !(bytes[end] === 0x3f && bytes[end + 1] === 0x3e)) end++;
  if (end + 1 >= most) return bytes;
  end += 2;
  const head = new TextDecoder().decode(bytes.subarray(0, end));
  const fixed = utf8Declaration(head);
  if (fixed === head) return bytes;
  const start = new TextEncoder().encode(fixed);
  const out = new Uint8Array(start.length + bytes.length - end);
  out.set(start);
  out.set(bytes.subarray(end), start.length);
  return out;
}

/** A part decoded from UTF-16 is written back as UTF-8: its declaration must say so. */
function utf8Declaration(text: string): string {
  if (!text.startsWith('<?xml')) return text;
  const end = text.indexOf('?>');
  const decl = text.slice(0, end);
  const fixed = decl.replace(/encoding\s*=\s*["']utf-16(le|be)?["']/i, 'encoding="UTF-8"');
  return fixed === decl ? text : fixed + text.slice(end);
}

export { ZipError };

/** A part's root element (small parts only: rels, content types, workbook, styles). */
export function rootOf(pkg: OpcPackage, part: string): { text: string; root: XNode } | null {
  const text = pkg.text(part);
  if (text === null) return null;
  return { text, root: parseXml(text, part) };
}
