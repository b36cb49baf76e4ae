/**
 * The CLI's deflate thread: parts handed over in chunks come back as the bytes
 * `deflateRawSync` gives for the whole part (level 6), with the zip CRC; a thread that
 * fails makes every part still out fail, so the package deflates them itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deflateRawSync } from 'node:zlib';
import { workerDeflater } from '../../src/cli/codec';
import { crc32 } from '../../src/xlsx/package/zip';

function text(n: number, seed: number): Uint8Array {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `<c r="B${i}" s="${(i * seed) % 17}"><v>${(i * 7919 + seed) % 1000}</v></c>`;
  return new TextEncoder().encode(s.slice(0, n));
}

describe('workerDeflater', () => {
  it('deflates parts fed in chunks to the bytes and CRC of deflating each whole', async () => {
    const deflater = workerDeflater()!;
    try {
      const parts = [text(300_000, 3), text(10, 5), new Uint8Array(0), text(70_000, 11)];
      const pending = parts.map((bytes) => {
        const sink = deflater.part();
        // Odd chunk sizes, some a view into a bigger buffer, some a whole buffer of their own.
        for (let at = 0; at < bytes.length; at += 65_521) sink.push(at % 2 ? bytes.subarray(at, at + 65_521) : bytes.slice(at, at + 65_521));
        return sink.end();
      });
      const done = await Promise.all(pending);
      done.forEach((d, i) => {
        expect(Buffer.compare(Buffer.from(d.data), deflateRawSync(parts[i]!, { level: 6 }))).toBe(0);
        expect(d.crc).toBe(crc32(parts[i]!));
        expect(d.size).toBe(parts[i]!.length);
      });
    } finally {
      await deflater.close();
    }
  });

  it('fails the parts still out when its thread dies, and fails new ones at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deflater-'));
    try {
      const script = join(dir, 'dies.js');
      writeFileSync(script, "require('node:worker_threads').parentPort.once('message', () => { throw new Error('boom'); });\n");
      const deflater = workerDeflater(() => new Worker(script))!;
      const sink = deflater.part();
      sink.push(text(1000, 1));
      await expect(sink.end()).rejects.toThrow();
      await expect(deflater.part().end()).rejects.toThrow();
      await deflater.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not there when its thread cannot be started', () => {
    expect(
      workerDeflater(() => {
        throw new Error('no threads');
      }),
    ).toBeUndefined();
  });
});
