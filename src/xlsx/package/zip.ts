import { deflateSync, Inflate } from 'fflate';
import { compoundContent } from './compound';
import { crc32 } from './crc32';

export { crc32 };

/**
 * The zip container of an .xlsx (ECMA-376 Part 2, Open Packaging Conventions, over the
 * PKWARE APPNOTE zip format), read from its central directory. Parts are inflated only
 * when asked for, with fflate's streaming `Inflate` so that the limits below are checked
 * while inflating (a zip bomb is stopped after at most one chunk's worth of output), and
 * parts nobody asked for are written back as the very bytes they came in (compressed data
 * copied, never re-compressed). Browser-safe: no Node modules.
 */

export interface ZipLimits {
  /** Most uncompressed bytes inflated from the whole package. */
  totalBytes: number;
  /** Most uncompressed bytes of one part. */
  partBytes: number;
  /** Largest uncompressed / compressed ratio for a part bigger than `ratioFloor`. */
  ratio: number;
  /** Parts smaller than this may compress as well as they like (an empty sheet does). */
  ratioFloor: number;
  /** Most entries in the central directory. */
  entries: number;
}

/**
 * Where the deflate work is done. The package is browser-safe, so by default it uses
 * fflate (pure JavaScript); the CLI passes Node's zlib (native code: about 3x faster to
 * deflate, 5x to inflate). The limits hold either way: `inflateRaw` is told the most bytes
 * the part may unpack to and must stop there.
 */
export interface ZipCodec {
  /** Raw deflate data inflated; null as soon as the output would pass `maxBytes`; throws for damaged data. */
  inflateRaw(data: Uint8Array, maxBytes: number): Uint8Array | null;
  /** Raw deflate at the usual level (6). */
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
  /**
   * Optional: deflates new parts away from the calling thread while they are still being
   * written (`OpcPackage.saveAsync`), with the same bytes as `deflateRaw`. Undefined, or a
   * deflater that fails, and the parts are deflated by `deflateRaw`.
   */
  deflater?(): PartDeflater | undefined;
}

/** Parts deflated somewhere else (the CLI: another thread), each fed in chunks. */
export interface PartDeflater {
  /** A new part. */
  part(): PartSink;
  /** Frees what the deflater holds, once every part has ended. */
  close(): Promise<void>;
}

export interface PartSink {
  /** The part's next bytes; the sink owns `chunk` from now on (it is not written again). */
  push(chunk: Uint8Array): void;
  /** No more bytes: the part's compressed data, CRC and size. */
  end(): Promise<DeflatedPart>;
}

export interface DeflatedPart {
  /** Raw deflate data. */
  data: Uint8Array;
  crc: number;
  /** Uncompressed size. */
  size: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  totalBytes: 1024 * 1024 * 1024,
  partBytes: 512 * 1024 * 1024,
  ratio: 1000,
  ratioFloor: 4 * 1024 * 1024,
  entries: 20_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  modTime: number;
  modDate: number;
  /** Compressed data as stored (a view into the input). */
  data: Uint8Array;
}

export type ZipProblem =
  | { kind: 'notZip' }
  | { kind: 'encrypted' }
  /** An OLE compound file that is not an encrypted package: an Excel 97-2003 .xls, or another Office 97 file. */
  | { kind: 'compound'; holds: 'xls' | 'other' }
  | { kind: 'truncated'; detail: string }
  | { kind: 'bomb'; part: string; detail: string }
  | { kind: 'unsupported'; part: string; detail: string };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The first bytes of an OLE compound file: what Excel writes for a password-to-open workbook. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Reads the central directory. Throws a `ZipError` (caught by the package reader and
 * turned into a message) for what is not a zip, is cut short, or is a zip bomb by its own
 * declared sizes.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  if (isCompoundFile(bytes)) {
    const holds = compoundContent(bytes);
    throw new ZipError(holds === 'encrypted' ? { kind: 'encrypted' } : { kind: 'compound', holds });
  }
  if (bytes.length < 22) throw new ZipError({ kind: 'notZip' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    // A zip cut short has local headers at the start but no directory at the end.
    if (view.getUint32(0, true) === LOCAL) throw new ZipError({ kind: 'truncated', detail: 'the end of the zip directory is missing' });
    throw new ZipError({ kind: 'notZip' });
  }
  const count = view.getUint16(eocd + 10, true);
  if (count === 0xffff) throw new ZipError({ kind: 'unsupported', part: '', detail: 'ZIP64 packages (over 65,535 parts or 4 GB) are not supported' });
  if (count > limits.entries) throw new ZipError({ kind: 'bomb', part: '', detail: `${count} parts` });
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) {
      throw new ZipError({ kind: 'truncated', detail: 'the zip directory is damaged' });
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const modTime = view.getUint16(offset + 12, true);
    const modDate = view.getUint16(offset + 14, true);
    const crc = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)).replace(/^\//, '');
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipError({ kind: 'encrypted' });
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipError({ kind: 'unsupported', part: name, detail: 'ZIP64 parts (over 4 GB) are not supported' });
    }
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) {
      throw new ZipError({ kind: 'truncated', detail: `part ${name} is missing` });
    }
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (start + compressedSize > bytes.length) throw new ZipError({ kind: 'truncated', detail: `part ${name} is cut short` });
    declared += uncompressedSize;
    checkSize(name, uncompressedSize, compressedSize, declared, limits);
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, modTime, modDate, data: bytes.subarray(start, start + compressedSize) });
  }
  return entries;
}

function checkSize(name: string, size: number, compressed: number, total: number, limits: ZipLimits): void {
  const mib = (n: number): string => `${Math.round(n / (1024 * 1024))} MiB`;
  if (size > limits.partBytes) throw new ZipError({ kind: 'bomb', part: name, detail: `it unpacks to more than ${mib(limits.partBytes)}` });
  if (total > limits.totalBytes) throw new ZipError({ kind: 'bomb', part: name, detail: `the package unpacks to more than ${mib(limits.totalBytes)}` });
  if (size > limits.ratioFloor && size > compressed * limits.ratio) {
    throw new ZipError({ kind: 'bomb', part: name, detail: `it unpacks to over ${limits.ratio} times its packed size` });
  }
}

/** Counts inflated bytes across the parts of one package, so the total limit holds. */
export class InflateBudget {
  private used = 0;
  constructor(
    readonly limits: ZipLimits = DEFAULT_LIMITS,
    readonly codec: ZipCodec | null = null,
  ) {}

  /**
   * Inflates one entry in 64 KiB steps, stopping as soon as a limit is passed (the
   * declared size can lie; the bytes coming out cannot).
   */
  inflate(entry: ZipEntry): Uint8Array {
    if (entry.method === 0) {
      this.account(entry, entry.data.length, entry.data.length);
      return entry.data;
    }
    if (entry.method !== 8) throw new ZipError({ kind: 'unsupported', part: entry.name, detail: `compression method ${entry.method}` });
    if (this.codec) return this.inflateWith(this.codec, entry);
    return this.inflateStreaming(entry);
  }

  /** fflate's streaming inflate: the limits are checked after every 64 KiB step of packed bytes. */
  private inflateStreaming(entry: ZipEntry): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      chunks.push(chunk);
      size += chunk.length;
      if (final) ended = true;
    });
    const STEP = 64 * 1024;
    try {
      for (let at = 0; at < entry.data.length; at += STEP) {
        const end = Math.min(entry.data.length, at + STEP);
        inflater.push(entry.data.subarray(at, end), end === entry.data.length);
        this.account(entry, size, end);
      }
      if (entry.data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError({ kind: 'truncated', detail: `part ${entry.name} cannot be unpacked (${e instanceof Error ? e.message : String(e)})` });
    }
    if (!ended && entry.data.length > 0) throw new ZipError({ kind: 'truncated', detail: `part ${entry.name} is cut short` });
    this.used += size;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    if (crc32(out) !== entry.crc) throw new ZipError({ kind: 'truncated', detail: `part ${entry.name} is damaged (checksum)` });
    return out;
  }

  /** The same limits as the streaming path: the codec may not produce a byte past the first one passed. */
  private inflateWith(codec: ZipCodec, entry: ZipEntry): Uint8Array {
    const { limits } = this;
    const most = Math.min(limits.partBytes, limits.totalBytes - this.used, Math.max(limits.ratioFloor, entry.data.length * limits.ratio));
    // No more than the part declares: zlib would otherwise fill `most` (up to 1000 x the
    // packed size) before a lying bomb could be refused. A part that holds more than it
    // declares goes through the streaming path, which refuses a bomb a few MiB in and reads
    // anything else as the pane does.
    const declared = entry.uncompressedSize;
    let out: Uint8Array | null;
    try {
      out = codec.inflateRaw(entry.data, Math.min(most, declared));
    } catch (e) {
      throw new ZipError({ kind: 'truncated', detail: `part ${entry.name} cannot be unpacked (${e instanceof Error ? e.message : String(e)})` });
    }
    if (out === null && declared < most) return this.inflateStreaming(entry);
    // Over a limit: say which one, as the streaming path does.
    if (out === null) this.account(entry, most + 1, entry.data.length);
    this.account(entry, out!.length, entry.data.length);
    this.used += out!.length;
    if (codec.crc32(out!) !== entry.crc) throw new ZipError({ kind: 'truncated', detail: `part ${entry.name} is damaged (checksum)` });
    return out!;
  }

  private account(entry: ZipEntry, size: number, consumed: number): void {
    const { limits } = this;
    const mib = (n: number): string => `${Math.round(n / (1024 * 1024))} MiB`;
    if (size > limits.partBytes) throw new ZipError({ kind: 'bomb', part: entry.name, detail: `it unpacks to more than ${mib(limits.partBytes)}` });
    if (this.used + size > limits.totalBytes) throw new ZipError({ kind: 'bomb', part: entry.name, detail: `the package unpacks to more than ${mib(limits.totalBytes)}` });
    if (size > limits.ratioFloor && size > Math.max(consumed, 1) * limits.ratio) {
      throw new ZipError({ kind: 'bomb', part: entry.name, detail: `it unpacks to over ${limits.ratio} times its packed size` });
    }
  }
}

/** A part to write: an entry copied as it came, new content, or new content deflated already. */
export type ZipOut =
  | { kind: 'copy'; entry: ZipEntry }
  | { kind: 'new'; name: string; data: Uint8Array; like?: ZipEntry }
  | { kind: 'deflated'; name: string; deflated: DeflatedPart; like?: ZipEntry };

/**
 * Writes a zip: copied entries keep their compressed bytes, CRC and timestamps; new
 * content is deflated. No data descriptors, no ZIP64, no comment.
 */
export function writeZip(parts: readonly ZipOut[], codec: ZipCodec | null = null): Uint8Array {
  const encoder = new TextEncoder();
  type Prepared = { name: Uint8Array; method: number; crc: number; data: Uint8Array; size: number; time: number; date: number; flags: number };
  const prepared: Prepared[] = parts.map((p) => {
    if (p.kind === 'copy') {
      const e = p.entry;
      return { name: encoder.encode(e.name), method: e.method, crc: e.crc, data: e.data, size: e.uncompressedSize, time: e.modTime, date: e.modDate, flags: e.flags & 0x0800 };
    }
    const { data, crc, size } =
      p.kind === 'deflated'
        ? p.deflated
        : { data: codec ? codec.deflateRaw(p.data) : deflateSync(p.data, { level: 6 }), crc: codec ? codec.crc32(p.data) : crc32(p.data), size: p.data.length };
    // 1980-01-01 00:00, as Excel stamps every part, unless the part it replaces had a time.
    return { name: encoder.encode(p.name), method: 8, crc, data, size, time: p.like?.modTime ?? 0, date: p.like?.modDate ?? 0x21, flags: 0x0800 };
  });
  let total = 22;
  for (const p of prepared) total += 30 + p.name.length + p.data.length + 46 + p.name.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, p.flags, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, p.time, true);
    view.setUint16(at + 12, p.date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.data.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const central = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, p.flags, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, p.time, true);
    view.setUint16(at + 14, p.date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.data.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
