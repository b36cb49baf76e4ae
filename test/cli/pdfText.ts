import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by LibreOffice, enough to check what a printed scorecard
 * shows (RAG letters, DOT arrows, figures) without poppler's pdftotext, which this
 * machine may not have. LibreOffice embeds subset TrueType fonts with one-byte codes and
 * a ToUnicode map per font; text is drawn with `Tj`/`TJ` after `Tf` picks the font.
 * Not a general PDF parser: object streams, Type3 fonts and encryption are not handled.
 */
export function pdfText(pdf: Buffer): string {
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const objRe = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = objRe.exec(pdf.toString('latin1')))) {
    const start = m.index + m[0].length;
    const end = pdf.indexOf('endobj', start, 'latin1');
    const body = pdf.subarray(start, end);
    const streamAt = body.indexOf('stream', 0, 'latin1');
    const dict = body.subarray(0, streamAt < 0 ? body.length : streamAt).toString('latin1');
    let stream: Buffer | null = null;
    if (streamAt >= 0) {
      let dataStart = streamAt + 'stream'.length;
      if (body[dataStart] === 0x0d) dataStart++;
      if (body[dataStart] === 0x0a) dataStart++;
      const dataEnd = body.lastIndexOf('endstream', undefined, 'latin1');
      const raw = body.subarray(dataStart, dataEnd);
      try {
        stream = /FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = null;
      }
    }
    objects.set(Number(m[1]), { dict, stream });
    objRe.lastIndex = end;
  }

  // Font resource names (/F1) -> ToUnicode maps, from every font resource dictionary.
  const toUnicode = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1] ?? (/^\s*<<\s*(\/F\d+ \d+ 0 R\s*)+>>/.test(dict) ? dict : null);
    if (!fontDict) continue;
    for (const f of fontDict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(f[2]));
      const cmapRef = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = cmapRef ? objects.get(Number(cmapRef[1]))?.stream : null;
      if (cmap) toUnicode.set(f[1]!, parseCmap(cmap.toString('latin1')));
    }
  }
  // Font resources may also sit in their own object referenced as `/Font 25 0 R`.
  for (const { dict } of objects.values()) {
    const ref = /\/Font (\d+) 0 R/.exec(dict);
    const res = ref ? objects.get(Number(ref[1])) : undefined;
    if (!res) continue;
    for (const f of res.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(f[2]));
      const cmapRef = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = cmapRef ? objects.get(Number(cmapRef[1]))?.stream : null;
      if (cmap) toUnicode.set(f[1]!, parseCmap(cmap.toString('latin1')));
    }
  }

  const pieces: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/(Type\s*\/XRef|Subtype|Length1)/.test(dict)) continue;
    const content = stream.toString('latin1');
    if (!/\bTf\b/.test(content)) continue;
    let font = new Map<number, string>();
    const tokenRe = /\/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\b(ET|T\*|Td|TD)\b/g;
    let t: RegExpExecArray | null;
    while ((t = tokenRe.exec(content))) {
      if (t[1]) font = toUnicode.get(t[1]) ?? new Map();
      else if (t[2] !== undefined) pieces.push(decodeHex(t[2], font));
      else if (t[3] !== undefined) pieces.push([...t[3].matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => decodeHex(h[1]!, font)).join(''));
      else pieces.push('\n');
    }
  }
  return pieces.join('').replace(/\n+/g, '\n');
}

function decodeHex(hex: string, cmap: Map<number, string>): string {
  const clean = hex.replace(/\s+/g, '');
  let out = '';
  for (let i = 0; i + 1 < clean.length; i += 2) out += cmap.get(parseInt(clean.slice(i, i + 2), 16)) ?? '';
  return out;
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string => {
    const units: number[] = [];
    for (let i = 0; i + 3 < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const lo = parseInt(r[1]!, 16);
      const hi = parseInt(r[2]!, 16);
      const base = parseInt(r[3]!, 16);
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
    }
  }
  return map;
}
