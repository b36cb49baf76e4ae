import * as zlib from 'node:zlib';
import { crc32 as crc32Js, type ZipCodec } from '../xlsx/package/zip';

/** zlib.crc32 (native) is in Node 20.15 and later; the package's own CRC before that. */
const crc32: (data: Uint8Array, value?: number) => number = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? crc32Js;

/**
 * The zip's deflate work done by Node's zlib (native; the package's own fflate is pure
 * JavaScript, for the pane). `maxOutputLength` stops an inflate at the part's limit, so a
 * zip bomb is refused with no more memory than the limit allows. New parts are deflated on
 * this thread, after they are written: no deflater is offered, so `saveAsync` saves as
 * `save()` does. A deflate thread (a worker, fed the sheet in chunks as it was written) and
 * libuv's pool (the sheet deflated in pieces while it was written) were both measured on
 * this project's 2-core machine at 5,000 rows: neither gained wall time, and they cost
 * about 250 and 120 ms more CPU and 13 and 3 MiB more memory.
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
  crc32: (data) => crc32(data),
};
