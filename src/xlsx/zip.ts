/**
 * Just enough of the zip format to list an .xlsx's parts and read a few of them, so the
 * loss check can see what exceljs would drop before exceljs is asked to load anything.
 * Browser-safe: inflating uses the platform's `DecompressionStream` (browsers, Node 18+),
 * not Node's zlib, because the pane reads a picked baseline file with the same code.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  bytes: Uint8Array;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Lists the entries of a zip archive from its central directory; null when the bytes are
 * not a zip (an .xls, a CSV renamed .xlsx, a truncated download).
 *
 * @example
 * openZip(await file.arrayBuffer())?.entries.map((e) => e.name) // ['[Content_Types].xml', ...]
 */
export function openZip(data: ArrayBuffer | Uint8Array): ZipArchive | null {
  const bytes = toBytes(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)).replace(/^\//, ''),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, bytes };
}

/** Reads one entry as text (stored or deflated); null if it cannot be read. */
export async function readEntryText(zip: ZipArchive, entry: ZipEntry): Promise<string | null> {
  const view = new DataView(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const raw = zip.bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(raw);
  if (entry.method !== 8) return null;
  try {
    const stream = new Blob([raw.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch {
    // A corrupt part is reported by the caller as unreadable, never thrown at the user.
    return null;
  }
}
