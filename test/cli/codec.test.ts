/**
 * The CLI's deflate thread: parts handed over in chunks come back as the bytes
 * `deflateRawSync` gives for the whole part (level 6), with the zip CRC; small parts are
 * deflated without starting it; a thread that fails makes every part still out fail, so
 * the package deflates them itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deflateRawSync } from 'node:zlib';
import { THREAD_FROM_BYTES, workerDeflater } from '../../src/cli/codec';
import { crc32, type DeflatedPart, type PartDeflater } from '../../src/xlsx/package/zip';

function text(n: number, seed: number): Uint8Array {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `<c r="B${i}" s="${(i * seed) % 17}"><v>${(i * 7919 + seed) % 1000}</v></c>`;
  return new TextEncoder().encode(s.slice(0, n));
}

/** Each part fed in odd chunk sizes, some a view into a bigger buffer, some a whole buffer of their own. */
async function deflateAll(deflater: PartDeflater, parts: Uint8Array[]): Promise<DeflatedPart[]> {
  const pending = parts.map((bytes) => {
    const sink = deflater.part();
    for (let at = 0; at < bytes.length; at += 65_521) sink.push(at % 2 ? bytes.subarray(at, at + 65_521) : bytes.slice(at, at + 65_521));
    return sink.end();
  });
  return Promise.all(pending);
}

function expectDeflated(done: DeflatedPart[], parts: Uint8Array[]): void {
  done.forEach((d, i) => {
    expect(Buffer.compare(Buffer.from(d.data), deflateRawSync(parts[i]!, { level: 6 }))).toBe(0);
    expect(d.crc).toBe(crc32(parts[i]!));
    expect(d.size).toBe(parts[i]!.length);
  });
}

describe('workerDeflater', () => {
  it('deflates parts fed in chunks on its thread to the bytes and CRC of deflating each whole', async () => {
    let started = 0;
    const deflater = workerDeflater(() => {
      started++;
      return new Worker(join(__dirname, '..', '..', 'src', 'cli', 'deflateWorker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
    }, 0);
    try {
      const parts = [text(300_000, 3), text(10, 5), new Uint8Array(0), text(70_000, 11)];
      expectDeflated(await deflateAll(deflater, parts), parts);
      expect(started).toBe(1);
    } finally {
      await deflater.close();
    }
  });

  it('starts no thread for parts under its threshold, and one for all the parts past it', async () => {
    let started = 0;
    const counting = (): Worker => {
      started++;
      return new Worker(join(__dirname, '..', '..', 'src', 'cli', 'deflateWorker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
    };
    const small = workerDeflater(counting);
    const few = [text(50_000, 2), text(THREAD_FROM_BYTES - 1, 7)];
    expectDeflated(await deflateAll(small, few), few);
    await small.close();
    expect(started).toBe(0);
    const big = workerDeflater(counting);
    const many = [text(THREAD_FROM_BYTES + 5, 3), text(100, 4), text(THREAD_FROM_BYTES * 2, 9)];
    expectDeflated(await deflateAll(big, many), many);
    await big.close();
    expect(started).toBe(1);
  });

  it('fails the parts still out when its thread dies, and fails new ones at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deflater-'));
    try {
      const script = join(dir, 'dies.js');
      writeFileSync(script, "require('node:worker_threads').parentPort.once('message', () => { throw new Error('boom'); });\n");
      const deflater = workerDeflater(() => new Worker(script), 0);
      const sink = deflater.part();
      sink.push(text(1000, 1));
      await expect(sink.end()).rejects.toThrow();
      const next = deflater.part();
      next.push(text(10, 1));
      await expect(next.end()).rejects.toThrow();
      await deflater.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('deflates here when its thread cannot be started', async () => {
    const deflater = workerDeflater(() => {
      throw new Error('no threads');
    }, 0);
    const parts = [text(200_000, 6)];
    expectDeflated(await deflateAll(deflater, parts), parts);
    await deflater.close();
  });
});
