import { SaxesParser, type SaxesTagPlain } from 'saxes';

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
 * handlers called), which is how a sheet's cells stay compact records.
 */
export function parseXml(xml: string, part: string, options: { handlers?: XmlHandlers; keep?: (node: XNode, depth: number) => boolean } = {}): XNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XNode[] = [];
  let root: XNode | null = null;
  let pendingStart = -1;
  const { handlers, keep } = options;
  parser.on('doctype', () => {
    throw new XmlError(part, 'it has a DOCTYPE declaration (not allowed in a workbook part: it could define entities)', true);
  });
  parser.on('error', (e) => {
    throw new XmlError(part, e.message);
  });
  parser.on('opentagstart', () => {
    pendingStart = xml.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const node: XNode = {
      name: tag.name,
      local: localName(tag.name),
      attrs: tag.attributes as Record<string, string>,
      start: pendingStart,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
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
  });
  parser.on('closetag', () => {
    const node = stack.pop()!;
    node.end = parser.position;
    node.closeStart = node.selfClosing ? node.end : xml.lastIndexOf('<', node.end - 1);
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
  try {
    parser.write(xml).close();
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

/**
 * Edits to one text, applied together: each replaces [start, end) of the original.
 * Insertions at the same offset keep the order they were added in.
 */
export class Splice {
  private readonly edits: Array<{ start: number; end: number; text: string; seq: number }> = [];

  replace(start: number, end: number, text: string): void {
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

  apply(original: string): string {
    if (this.edits.length === 0) return original;
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    const out: string[] = [];
    let at = 0;
    for (const e of sorted) {
      if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
      out.push(original.slice(at, e.start), e.text);
      at = e.end;
    }
    out.push(original.slice(at));
    return out.join('');
  }
}

/** The raw text of an element as the producer wrote it. */
export function rawOf(xml: string, node: XNode): string {
  return xml.slice(node.start, node.end);
}
