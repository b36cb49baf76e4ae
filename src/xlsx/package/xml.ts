import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { PiecesOut, type TextOut } from './textOut';

/**
 * XML parts read with saxes (a streaming, well-formedness-checking tokenizer that reports
 * string positions), into a light tree that remembers where each element starts and ends
 * in the original text. Edits are then spliced into that text by offset (see `Splice`),
 * so every byte the add-in does not own stays exactly as the producer wrote it: unknown
 * namespaces, extLst, comments, whitespace, attribute order and quoting.
 *
 * A DOCTYPE is refused outright: an .xlsx part never needs one, and refusing it rules out
 * external entities (XXE) and entity expansion (billion laughs). saxes expands only the
 * five predefined entities and character references anyway.
 */
export interface XNode {
  /** The element name as written (`x:c`, `c`). */
  name: string;
  /** Without its prefix (`c`). */
  local: string;
  attrs: Record<string, string>;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset of the end tag's `<` (equals `end` for `<x/>`). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XNode[];
  /** The element's own text (decoded), children's text not included. */
  text: string;
}

export class XmlError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
    readonly doctype = false,
  ) {
    super(`${part}: ${detail}`);
  }
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A parse driven by callbacks, for parts too big for a tree (the sheet's cells).
 * `open` returns false to have the element's subtree skipped from the tree (its
 * events still reach `open`/`close`).
 */
export interface XmlHandlers {
  open?(node: XNode, depth: number): void;
  close?(node: XNode, depth: number): void;
  text?(text: string, node: XNode): void;
}

/**
 * Parses `xml` into a tree of elements with offsets. `keep(node, depth)` may say an
 * element is not to be kept as a child of its parent (it is still parsed and its
 * handlers called), which is how a sheet's cells stay compact records. `skip(node, depth)`
 * may take over an element's content: it reads it itself and returns where the element's
 * end tag starts and ends; the parser checks and reads the rest of the text from there
 * (the element's ancestors stay open), so the content costs it nothing.
 */
export function parseXml(
  xml: string,
  part: string,
  options: { handlers?: XmlHandlers; keep?: (node: XNode, depth: number) => boolean; skip?: (node: XNode, depth: number) => { closeStart: number; end: number } | null } = {},
): XNode {
  const stack: XNode[] = [];
  let root: XNode | null = null;
  const { handlers, keep, skip } = options;
  /** Where the parser resumes after a skipped element, with the open tags it needs replayed first. */
  let resume: { at: number; prefix: string } | null = null;
  const SKIPPED = {};
  const run = (src: string, prefixLength: number, base: number): void => {
    // Offsets in `src` past the replayed prefix map to `base` onwards in `xml`.
    const at = (pos: number): number => pos - prefixLength + base;
    let replay = prefixLength > 0 ? stack.length : 0;
    let pendingStart = -1;
    const parser = new SaxesParser({ xmlns: false, position: true });
    parser.on('doctype', () => {
      throw new XmlError(part, 'it has a DOCTYPE declaration (not allowed in a workbook part: it could define entities)', true);
    });
    parser.on('error', (e) => {
      throw new XmlError(part, e.message);
    });
    parser.on('opentagstart', () => {
      pendingStart = src.lastIndexOf('<', parser.position - 1);
    });
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (replay > 0) {
        replay--;
        return;
      }
      const node: XNode = {
        name: tag.name,
        local: localName(tag.name),
        attrs: tag.attributes as Record<string, string>,
        start: at(pendingStart),
        openEnd: at(parser.position),
        closeStart: at(parser.position),
        end: at(parser.position),
        selfClosing: tag.isSelfClosing,
        children: [],
        text: '',
      };
      const parent = stack[stack.length - 1];
      const depth = stack.length;
      if (parent) {
        if (!keep || keep(node, depth)) parent.children.push(node);
      } else root = node;
      stack.push(node);
      handlers?.open?.(node, depth);
      if (skip && !tag.isSelfClosing) {
        const range = skip(node, depth);
        if (range) {
          stack.pop();
          node.closeStart = range.closeStart;
          node.end = range.end;
          handlers?.close?.(node, stack.length);
          resume = { at: range.end, prefix: stack.map((n) => `<${n.name}>`).join('') };
          throw SKIPPED;
        }
      }
    });
    parser.on('closetag', () => {
      const node = stack.pop()!;
      node.end = at(parser.position);
      node.closeStart = node.selfClosing ? node.end : at(src.lastIndexOf('<', parser.position - 1));
      handlers?.close?.(node, stack.length);
    });
    const onText = (text: string): void => {
      const node = stack[stack.length - 1];
      if (!node) return;
      node.text += text;
      handlers?.text?.(text, node);
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.write(src).close();
  };
  try {
    let src = xml;
    let prefixLength = 0;
    let base = 0;
    for (;;) {
      try {
        run(src, prefixLength, base);
        break;
      } catch (e) {
        if (e !== SKIPPED || !resume) throw e;
        const r: { at: number; prefix: string } = resume;
        resume = null;
        src = r.prefix + xml.slice(r.at);
        prefixLength = r.prefix.length;
        base = r.at;
      }
    }
  } catch (e) {
    if (e instanceof XmlError) throw e;
    throw new XmlError(part, e instanceof Error ? e.message : String(e));
  }
  if (!root) throw new XmlError(part, 'it has no root element');
  return root;
}

export function child(node: XNode, local: string): XNode | undefined {
  return node.children.find((c) => c.local === local);
}

export function children(node: XNode, local: string): XNode[] {
  return node.children.filter((c) => c.local === local);
}

/** The attribute by local name (`r:id` is found as `id` only when asked with its prefix). */
export function attr(node: XNode, name: string): string | undefined {
  return node.attrs[name];
}

/** The prefix used for `ns` on the root (`''` for a default namespace), or null. */
export function prefixFor(root: XNode, ns: string): string | null {
  for (const [k, v] of Object.entries(root.attrs)) {
    if (v !== ns) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6);
  }
  return null;
}

const ESCAPE_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for element content (no control characters, which XML 1.0 cannot carry). */
export function escapeText(text: string): string {
  // Most text has nothing to escape: one scan, no copy.
  // eslint-disable-next-line no-control-regex
  if (!/[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>]/g, (c) => ESCAPE_TEXT[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function escapeAttr(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\u0000-\u001f]/.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"]/g, (c) => ESCAPE_TEXT[c]!).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** `name="value"` pairs in the given order. */
export function attrsText(attrs: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  let out = '';
  for (const [k, v] of attrs) if (v !== undefined) out += ` ${k}="${escapeAttr(String(v))}"`;
  return out;
}

/** What an edit puts in: text, text as pieces, or a writer of it (a sheet's rows, written straight out). */
export type SpliceText = string | readonly string[] | ((out: TextOut) => void);

/**
 * Edits to one text, applied together: each replaces [start, end) of the original.
 * Insertions at the same offset keep the order they were added in.
 */
export class Splice {
  private readonly edits: Array<{ start: number; end: number; text: SpliceText; seq: number }> = [];

  /** `text` may be given as pieces or a writer (a sheet's rows), so no one big string is made for it. */
  replace(start: number, end: number, text: SpliceText): void {
    this.edits.push({ start, end, text, seq: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  remove(node: { start: number; end: number }): void {
    this.replace(node.start, node.end, '');
  }

  get size(): number {
    return this.edits.length;
  }

  /** Another splice with the same edits, to add more to without changing this one. */
  copy(): Splice {
    const c = new Splice();
    for (const e of this.edits) c.replace(e.start, e.end, e.text);
    return c;
  }

  apply(original: string): string {
    if (this.edits.length === 0) return original;
    return this.pieces(original).join('');
  }

  /** The edited text as pieces in order (slices of the original and the edits' texts). */
  pieces(original: string): string[] {
    if (this.edits.length === 0) return [original];
    const out = new PiecesOut(original);
    this.writeTo(original, out);
    return out.pieces;
  }

  /** The edited text written to `out`: the original between the edits, as ranges of it. */
  writeTo(original: string, out: TextOut): void {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    let at = 0;
    for (const e of sorted) {
      if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
      out.range(at, e.start);
      if (typeof e.text === 'string') out.text(e.text);
      else if (typeof e.text === 'function') e.text(out);
      else for (const t of e.text) out.text(t);
      at = e.end;
    }
    out.range(at, original.length);
  }
}

/** The raw text of an element as the producer wrote it. */
export function rawOf(xml: string, node: XNode): string {
  return xml.slice(node.start, node.end);
}
