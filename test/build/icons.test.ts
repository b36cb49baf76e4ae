import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inflateSync } from 'zlib';
import { ROOT } from './dist';

const SIZES = [16, 32, 64, 80];

interface Png {
  width: number;
  height: number;
  colourType: number;
  crcOk: boolean;
  pixels: Buffer;
}

/** Reads a PNG as written by scripts/make-icons.mjs (RGBA, filter 0), checking every chunk CRC. */
function readPng(file: string): Png {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let crcOk = true;
  let ihdr = Buffer.alloc(0);
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    crcOk &&= crc32(bytes.subarray(offset + 4, offset + 8 + length)) === crc;
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    colourType: ihdr[9],
    crcOk,
    pixels: inflateSync(Buffer.concat(idat)),
  };
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('the add-in icons', () => {
  it.each(SIZES)('assets/icon-%i.png is a valid RGBA PNG of that size', (size) => {
    const png = readPng(path.join(ROOT, 'assets', `icon-${size}.png`));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.colourType).toBe(6);
    expect(png.crcOk).toBe(true);
    // One filter byte per row plus 4 bytes per pixel.
    expect(png.pixels.length).toBe(size * (1 + size * 4));
  });

  it.each(SIZES)('icon-%i.png has transparent corners (rounded tile) and an opaque centre', (size) => {
    const { pixels } = readPng(path.join(ROOT, 'assets', `icon-${size}.png`));
    const alpha = (x: number, y: number): number => pixels[y * (1 + size * 4) + 1 + x * 4 + 3];
    // Antialiased: at 16 px the corner pixel is a sliver of the curve, not empty.
    expect(alpha(0, 0)).toBeLessThan(64);
    expect(alpha(size - 1, size - 1)).toBeLessThan(64);
    expect(alpha(size >> 1, size >> 1)).toBe(255);
  });

  it('are exactly what scripts/make-icons.mjs draws (the committed PNGs are not hand-edited)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
    try {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'make-icons.mjs'), out], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      for (const size of SIZES) {
        const drawn = fs.readFileSync(path.join(out, `icon-${size}.png`));
        expect(drawn.equals(fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
