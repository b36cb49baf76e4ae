/**
 * `saveAsync`: the new parts are handed to the codec's deflater in chunks while they are
 * written, and the package comes out byte for byte as `save()` writes it; a deflater that
 * fails leaves the same bytes, deflated in the calling thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { planFormat } from '../../src/domain/plan/planFormat';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { applyFormatPlan } from '../../src/xlsx/applyPlan';
import { OpcPackage } from '../../src/xlsx/package/opc';
import { Utf8Writer } from '../../src/xlsx/package/textOut';
import { XlsxWorkbook } from '../../src/xlsx/package/workbook';
import { crc32, writeZip, type DeflatedPart, type PartDeflater, type ZipCodec } from '../../src/xlsx/package/zip';
import { readGrids } from '../../src/xlsx/read';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'early-help-2020-12.xlsx');

/** A deflater in this thread that records what it was given: every chunk's size, per part. */
function recordingCodec(fail = false): { codec: ZipCodec; chunks: number[][]; closed: () => number } {
  const chunks: number[][] = [];
  let closed = 0;
  const deflater = (): PartDeflater => ({
    part() {
      const got: Uint8Array[] = [];
      chunks.push([]);
      const sizes = chunks[chunks.length - 1]!;
      return {
        push(chunk) {
          sizes.push(chunk.length);
          got.push(chunk);
          // The sink owns the chunk: moving its buffer away must not disturb the writer.
          if (chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength) got[got.length - 1] = structuredClone(chunk, { transfer: [chunk.buffer] });
        },
        end(): Promise<DeflatedPart> {
          if (fail) return Promise.reject(new Error('deflater gone'));
          const size = got.reduce((n, c) => n + c.length, 0);
          const all = new Uint8Array(size);
          let at = 0;
          for (const c of got) {
            all.set(c, at);
            at += c.length;
          }
          return Promise.resolve({ data: deflateSync(all, { level: 6 }), crc: crc32(all), size });
        },
      };
    },
    close() {
      closed++;
      return Promise.resolve();
    },
  });
  return {
    codec: { inflateRaw: () => null, deflateRaw: (d) => deflateSync(d, { level: 6 }), crc32: (d) => crc32(d), deflater },
    chunks,
    closed: () => closed,
  };
}

async function formatted(codec: ZipCodec | undefined): Promise<XlsxWorkbook> {
  const input = readFileSync(SAMPLE);
  const grids = await readGrids(input, 'early-help-2020-12.xlsx');
  if (!grids.ok) throw new Error(grids.error.message);
  const grid = grids.value.find((g) => g.sheetName === 'Dec-20')!;
  const tables = readScorecard(grid);
  if (!tables.ok) throw new Error(tables.error.message);
  const planned = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid);
  if (!planned.ok) throw new Error(planned.error.message);
  // The inflate side stays fflate's (the recording codec only deflates).
  const wb = XlsxWorkbook.open(new Uint8Array(input), undefined, codec ? { ...codec, inflateRaw: (d, most) => fflateInflate(d, most) } : undefined);
  const applied = applyFormatPlan(wb, planned.value);
  if (!applied.ok) throw new Error(applied.error.message);
  return wb;
}

function fflateInflate(data: Uint8Array, most: number): Uint8Array | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const out = (require('fflate') as typeof import('fflate')).inflateSync(data);
  return out.length > most ? null : out;
}

describe('saveAsync', () => {
  it('writes the bytes save() writes, the sheet handed over in several chunks as it is written', async () => {
    const expected = (await formatted(undefined)).save();
    const { codec, chunks, closed } = recordingCodec();
    const wb = await formatted(codec);
    const bytes = await wb.saveAsync(4096);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(expected))).toBe(0);
    // The formatted sheet is bigger than one chunk: it came in pieces, none of them empty or tiny.
    const biggest = chunks.reduce((a, b) => (b.reduce((n, c) => n + c, 0) > a.reduce((n, c) => n + c, 0) ? b : a));
    expect(biggest.length).toBeGreaterThan(1);
    expect(Math.min(...biggest.slice(0, -1))).toBeGreaterThan(1024);
    expect(closed()).toBe(1);
  });

  it('falls back to deflating here, with the same bytes, when the deflater fails', async () => {
    const expected = (await formatted(undefined)).save();
    const { codec, closed } = recordingCodec(true);
    const bytes = await (await formatted(codec)).saveAsync(4096);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(expected))).toBe(0);
    expect(closed()).toBe(1);
  });

  it('gives a produced part read back as text, and writes a UTF-16 declaration as UTF-8 across small chunks', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><a>' + 'é'.repeat(3000) + '</a>';
    const { codec } = recordingCodec();
    const pkg = OpcPackage.open(writeZip([{ kind: 'new', name: 'x.xml', data: new TextEncoder().encode('<a/>') }]), undefined, codec);
    const produce = (onChunk: (b: Uint8Array) => void): void => {
      const out = new Utf8Writer(xml, 100, onChunk);
      out.range(0, xml.length);
      out.end();
    };
    pkg.setUtf8Producer('x.xml', produce);
    const saved = OpcPackage.open(await pkg.saveAsync());
    expect(saved.text('x.xml')).toBe(xml.replace('UTF-16', 'UTF-8'));
    expect(pkg.text('x.xml')).toBe(xml);
  });
});

describe('Utf8Writer in chunks', () => {
  it('hands over the bytes it would have written in one buffer, even when each chunk is moved away', () => {
    const source = ('<c r="A1"><v>1</v></c>' + 'Ünïcødé 😀 ').repeat(500);
    const whole = new Utf8Writer(source, 1);
    const parts: Uint8Array[] = [];
    const chunked = new Utf8Writer(source, 256, (c) => parts.push(structuredClone(c, { transfer: c.byteOffset === 0 && c.byteLength === c.buffer.byteLength ? [c.buffer] : [] })));
    for (const out of [whole, chunked]) {
      for (let at = 0; at < source.length; at += 37) out.range(at, Math.min(source.length, at + 37));
      out.text('😀'.repeat(100));
    }
    chunked.end();
    const joined = Buffer.concat(parts);
    expect(Buffer.compare(joined, Buffer.from(whole.bytes()))).toBe(0);
    // Chunks of about the size asked for, not one per write.
    expect(parts.length).toBeLessThan(joined.length / 128);
  });
});

describe('crc32', () => {
  it('is the zip CRC, and goes on from the CRC of the bytes before', () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0), 0xcbf43926)).toBe(0xcbf43926);
  });
});
