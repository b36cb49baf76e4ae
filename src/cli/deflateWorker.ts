/**
 * The CLI's deflate thread (started by `workerDeflater` in codec.ts): parts come in as
 * numbered chunks, each part is deflated by a zlib stream of its own (level 6, the same
 * bytes as `deflateRawSync` of the whole part) and its CRC computed along, and the result
 * goes back when the part ends. Its event loop is free while the main thread serialises,
 * so the chunks are compressed as they arrive.
 */
import { parentPort } from 'node:worker_threads';
import * as zlib from 'node:zlib';
// Not zip.ts: that would load fflate into the thread for nothing.
import { crc32 as crc32Js } from '../xlsx/package/crc32';
import type { FromDeflater, ToDeflater } from './codec';

interface Part {
  stream: zlib.DeflateRaw;
  out: Buffer[];
  crc: number;
  size: number;
}

// zlib.crc32 (native) is in Node 20.15 and later; the package's own CRC before that.
const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const crc32 = native ?? crc32Js;

const port = parentPort!;
const parts = new Map<number, Part>();

function started(id: number): Part {
  const stream = zlib.createDeflateRaw({ level: 6 });
  const part: Part = { stream, out: [], crc: 0, size: 0 };
  stream.on('data', (chunk: Buffer) => part.out.push(chunk));
  stream.on('end', () => {
    parts.delete(id);
    // A buffer of its own (Buffer.concat may hand out a slice of a shared pool), moved to the main thread.
    const data = new Uint8Array(part.out.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of part.out) {
      data.set(c, at);
      at += c.length;
    }
    const message: FromDeflater = { id, data, crc: part.crc, size: part.size };
    port.postMessage(message, [data.buffer]);
  });
  stream.on('error', (e) => {
    parts.delete(id);
    const message: FromDeflater = { id, error: e.message };
    port.postMessage(message);
  });
  parts.set(id, part);
  return part;
}

port.on('message', (message: ToDeflater) => {
  const part = parts.get(message.id) ?? started(message.id);
  if (message.chunk) {
    part.crc = crc32(message.chunk, part.crc);
    part.size += message.chunk.length;
    part.stream.write(message.chunk);
  }
  if (message.end) part.stream.end();
});
