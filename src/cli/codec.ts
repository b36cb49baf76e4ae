import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as zlib from 'node:zlib';
import { crc32 as crc32Js, type DeflatedPart, type PartDeflater, type ZipCodec } from '../xlsx/package/zip';

/** A chunk of part `id` for the deflate thread, and/or its end. */
export interface ToDeflater {
  id: number;
  chunk?: Uint8Array;
  end?: true;
}

/** A part deflated by the deflate thread, or why it could not be. */
export type FromDeflater = ({ id: number } & DeflatedPart) | { id: number; error: string };

/**
 * The deflate thread, deflateWorker.js beside this file once compiled. Run from the
 * TypeScript source (tests, `scorecard` through tsx) it is the .ts file, loaded through tsx.
 */
function startWorker(): Worker {
  const js = join(__dirname, 'deflateWorker.js');
  if (existsSync(js)) return new Worker(js);
  return new Worker(join(__dirname, 'deflateWorker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
}

/**
 * New parts deflated on a thread of their own while the main thread is still writing
 * them: each chunk is moved (not copied) to the thread as it comes. If the thread cannot
 * start or fails, every part not back yet fails and the package deflates them itself.
 */
export function workerDeflater(start: () => Worker = startWorker): PartDeflater | undefined {
  let worker: Worker;
  try {
    worker = start();
  } catch {
    return undefined;
  }
  const waiting = new Map<number, { resolve: (d: DeflatedPart) => void; reject: (e: Error) => void }>();
  let failed: Error | null = null;
  const failAll = (e: Error): void => {
    failed ??= e;
    for (const w of waiting.values()) w.reject(failed);
    waiting.clear();
  };
  worker.on('message', (m: FromDeflater) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if ('error' in m) w.reject(new Error(m.error));
    else w.resolve({ data: m.data, crc: m.crc, size: m.size });
  });
  worker.on('error', failAll);
  worker.on('messageerror', failAll);
  worker.on('exit', (code) => failAll(new Error(`the deflate thread stopped (${code})`)));
  let next = 0;
  const send = (message: ToDeflater): void => {
    if (failed) return;
    const chunk = message.chunk;
    // A whole buffer is moved; a view into a bigger one is copied (moving would take the rest too).
    if (chunk && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer) worker.postMessage(message, [chunk.buffer]);
    else worker.postMessage(chunk ? { ...message, chunk: chunk.slice() } : message);
  };
  return {
    part() {
      const id = next++;
      return {
        push(chunk) {
          if (chunk.length > 0) send({ id, chunk });
        },
        end() {
          if (failed) return Promise.reject(failed);
          const done = new Promise<DeflatedPart>((resolve, reject) => waiting.set(id, { resolve, reject }));
          send({ id, end: true });
          return done;
        },
      };
    },
    async close() {
      failed ??= new Error('the deflate thread was closed');
      await worker.terminate();
    },
  };
}

/**
 * The zip's deflate work done by Node's zlib (native; the package's own fflate is pure
 * JavaScript, for the pane). `maxOutputLength` stops an inflate at the part's limit, so a
 * zip bomb is refused with no more memory than the limit allows. `saveAsync` deflates the
 * new parts on a thread of their own (`workerDeflater`) while the sheet is serialised.
 */
export const nodeCodec: ZipCodec = {
  inflateRaw(data, maxBytes) {
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw e;
    }
  },
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  // zlib.crc32 is in Node 20.15 and later; the package's own CRC before that.
  crc32: typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (data) => (zlib as unknown as { crc32(d: Uint8Array): number }).crc32(data) : crc32Js,
  deflater: () => workerDeflater(),
};
