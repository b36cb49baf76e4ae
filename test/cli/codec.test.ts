/**
 * The CLI's zip codec: Node's zlib deflates a part as `deflateRawSync` does at level 6, with
 * the zip CRC; a saved package reads back part for part.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { nodeCodec } from '../../src/cli/codec';
import { crc32 } from '../../src/xlsx/package/zip';

function text(n: number, seed: number): Uint8Array {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `<c r="B${i}" s="${(i * seed) % 17}"><v>${(i * 7919 + seed) % 1000}</v></c>`;
  return new TextEncoder().encode(s.slice(0, n));
}

describe('nodeCodec', () => {
  it('deflates at level 6 with the zip CRC, and inflates within a limit', () => {
    for (const part of [new Uint8Array(0), text(10, 5), text(300_000, 3)]) {
      const deflated = nodeCodec.deflateRaw(part);
      expect(Buffer.compare(Buffer.from(deflated), deflateRawSync(part, { level: 6 }))).toBe(0);
      expect(nodeCodec.crc32(part)).toBe(crc32(part));
      expect(Buffer.compare(inflateRawSync(deflated), Buffer.from(part))).toBe(0);
      if (part.length > 0) {
        expect(Buffer.compare(Buffer.from(nodeCodec.inflateRaw(deflated, part.length)!), Buffer.from(part))).toBe(0);
        expect(nodeCodec.inflateRaw(deflated, part.length - 1)).toBeNull();
      }
    }
  });

  it('offers no deflater: new parts are deflated on this thread', () => {
    expect(nodeCodec.deflater).toBeUndefined();
  });
});
