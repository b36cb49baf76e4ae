import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as zlib from 'node:zlib';
import { crc32 as crc32Js, type DeflatedPart, type PartDeflater, type PartSink, type ZipCodec } from '../xlsx/package/zip';

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

/** A part is deflated here, and no thread is started, while it holds fewer bytes than this. */
export const THREAD_FROM_BYTES = 1024 * 1024;

/**
 * New parts deflated on a thread of their own while the main thread is still writing
 * them: each chunk is moved (not copied) to the thread as it comes. The thread is started
 * only once a part passes `fromBytes` (a small workbook would wait longer for the thread to
 * start than for its deflate); parts ended before that are deflated here with zlib. If the
 * thread cannot start or fails, every part not back yet fails and the package deflates
 * them itself.
 */
export function workerDeflater(start: () => Worker = startWorker, fromBytes = THREAD_FROM_BYTES): PartDeflater {
  let thread: Thread | null | undefined;
  const threadNow = (): Thread | null => {
    if (thread === undefined) thread = startThread(start);
    return thread;
  };
  return {
    part() {
      const held: Uint8Array[] = [];
      let size = 0;
      let sink: PartSink | null = null;
      return {
        push(chunk) {
          if (chunk.length === 0) return;
          if (sink) return sink.push(chunk);
          held.push(chunk);
          size += chunk.length;
          const t = size >= fromBytes ? threadNow() : null;
          if (!t) return;
          sink = t.part();
          for (const c of held.splice(0)) sink.push(c);
        },
        end() {
          if (sink) return sink.end();
          const whole = held.length === 1 ? held[0]! : Buffer.concat(held, size);
          return Promise.resolve({ data: zlib.deflateRawSync(whole, { level: 6 }), crc: nodeCodec.crc32(whole), size });
        },
      };
    },
    async close() {
      if (thread) await thread.close();
    },
  };
}

type Thread = PartDeflater;

/** The deflate thread, started; null if it cannot be. */
function startThread(start: () => Worker): Thread | null {
  let worker: Worker;
  try {
    worker = start();
  } catch {
    return null;
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
