#!/usr/bin/env node
// Draws the add-in's ribbon and store icons (assets/icon-{16,32,64,80}.png) from code, so the
// mark can be regenerated and reviewed like any other source. No image library: a PNG is an
// 8-byte signature plus IHDR / IDAT / IEND chunks, each with a CRC-32, and IDAT is zlib.
//
// The mark: a navy rounded tile holding three bars in the scorecard's red, amber and green,
// longest at the bottom, read as "a scorecard" even at 16 px (Excel's ribbon size).
//
// Usage: node scripts/make-icons.mjs [outDir]   (default: assets/)
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80];
const NAVY = [0x1f, 0x3a, 0x5f];
// The same hues the pane uses for RAG fills; the bars differ in length as well as colour,
// so the mark does not rest on colour alone.
const BARS = [
  { rgb: [0xc0, 0x00, 0x00], length: 0.45 }, // red, top, shortest
  { rgb: [0xff, 0xbf, 0x00], length: 0.65 }, // amber
  { rgb: [0x00, 0xb0, 0x50], length: 0.85 }, // green, bottom, longest
];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  // Each scanline starts with its filter type; 0 (None) keeps the encoder trivial.
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0;
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour (or null for transparent) at a point in the unit square. */
function shade(u, v) {
  if (!insideRoundedRect(u, v, 0, 0, 1, 1, 0.18)) return null;
  const barHeight = 0.17;
  const gap = 0.09;
  const top = (1 - (BARS.length * barHeight + (BARS.length - 1) * gap)) / 2;
  for (let i = 0; i < BARS.length; i++) {
    const y0 = top + i * (barHeight + gap);
    if (insideRoundedRect(u, v, 0.16, y0, 0.16 + BARS[i].length * 0.8, y0 + barHeight, 0.04)) {
      return BARS[i].rgb;
    }
  }
  return NAVY;
}

/** Renders the mark at `size` px, 4x4 supersampled so small sizes stay smooth. */
export function drawIcon(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            covered++;
          }
        }
      }
      const o = (y * size + x) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return encodePng(size, size, rgba);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = process.argv[2] ?? join(here, "..", "assets");
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${file}`);
  }
}
