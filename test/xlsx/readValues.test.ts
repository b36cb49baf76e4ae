import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { nodeCodec } from '../../src/cli/codec';
import { gridOf, openWorkbook } from '../../src/xlsx/read';
import { valuesGrid } from '../../src/xlsx/readValues';
import { XlsxWorkbook } from '../../src/xlsx/package/workbook';
import { crc32, DEFAULT_LIMITS, writeZip, type ZipCodec, type ZipEntry } from '../../src/xlsx/package/zip';
import { syntheticGrid } from '../fixtures/seedGrids';
import { writeGrid } from '../helpers/fromGrid';
import { writeWorkbook } from '../helpers/exceljsWorkbook';

/**
 * The values-only read of a sheet (src/xlsx/readValues.ts) against the full reader
 * (`gridOf`): the same Grid, or the same error, for every sheet, however the part's text is
 * cut into windows; and it takes its own path (no editable sheet is made) except for what
 * it leaves to the full reader.
 */

const SAMPLES = join(__dirname, '..', '..', 'samples');
const SHEET = 'xl/worksheets/sheet1.xml';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function samplePackage(): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(join(SAMPLES, 'early-help-2020-12.xlsx'))));
}

/** The early-help sample with its first sheet's part replaced by `xml` (and its workbook made one of the 1904 date system). */
function withSheet(xml: string | Uint8Array, { date1904 = false } = {}): Uint8Array {
  const p = samplePackage();
  p[SHEET] = typeof xml === 'string' ? strToU8(xml) : xml;
  if (date1904) p['xl/workbook.xml'] = strToU8(new TextDecoder().decode(p['xl/workbook.xml']).replace('<workbookPr ', '<workbookPr date1904="1" '));
  return zipSync(p);
}

function open(bytes: Uint8Array, codec?: ZipCodec): XlsxWorkbook {
  const wb = openWorkbook(bytes, 'test.xlsx', codec);
  if (!wb.ok) throw new Error(wb.error.message);
  return wb.value;
}

/** Each sheet's full read, and its values read in windows of `window` bytes, with how often the full reader was asked for a sheet. */
function both(bytes: Uint8Array, window?: number, codec?: ZipCodec): Array<{ name: string; full: unknown; values: unknown; fullReads: number }> {
  const names = open(bytes, codec).sheets.map((s) => s.name);
  return names.map((name) => {
    const full = gridOf(open(bytes, codec), name, 'test.xlsx');
    const spy = jest.spyOn(XlsxWorkbook.prototype, 'sheetByPart');
    try {
      const values = valuesGrid(open(bytes, codec), name, 'test.xlsx', { window });
      return { name, full, values, fullReads: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  });
}

const WINDOWS = [1, 2, 7, 64, 1000, undefined];

function sheet(data: string, { prefix = '', before = '', after = '' } = {}): string {
  const p = prefix ? `${prefix}:` : '';
  const xmlns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${before}<${p}sheetData>${data}</${p}sheetData>${after}</${p}worksheet>`;
}

const CELLS = [
  '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>43800</v></c><c r="C1" t="inlineStr"><is><t>plain &amp; &lt;inline&gt; &#65;&#x42;</t></is></c><c r="F1" s="1" t="d"><v>2020-11-01T00:00:00</v></c></row>',
  '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space="preserve">text</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></is></c>',
  '<c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="d"><v>2020-11-30T00:00:00</v></c></row>',
  '<row><c s="2"><v>0.25</v></c><c><v>  </v></c><c s="3"/><c t=\'n\' r=\'E3\' s=\'1\'><v>1.5e2</v></c></row>',
  '<row r="5"><c r="A5" t="inlineStr"><is><t>line\r\nbreak</t></is></c><c r="B5"><v>7</v ></c ><c r="C5" t="inlineStr" s="1"><is><t>á</t></is></c></row>',
  '<row r="6" customFormat="1" s="2"/><row r="7"><c r="A7" s="1"/><c r="B7" s="2"><f>SUM(A1:A2)</f><v>3</v></c><c r="C7"><is><t>no type</t></is></c></row>',
].join('');

describe('values-only read of a sheet: the same Grid as the full reader', () => {
  it.each(WINDOWS)('reads cells of every kind alike, the text cut every %p bytes', (window) => {
    const xml = sheet(CELLS, { before: '<dimension ref="A1:F7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="3" width="9" style="1"/></cols>', after: '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C5:D6"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' });
    const [first] = both(withSheet(xml), window);
    expect(first!.values).toEqual(first!.full);
    expect((first!.full as { ok: boolean }).ok).toBe(true);
    expect(first!.fullReads).toBe(0);
  });

  it.each(WINDOWS)('reads a prefixed namespace, a byte-order mark, ">" in attribute values and text, comments outside the cells (window %p)', (window) => {
    const xml = sheet(CELLS.replace(/<(\/?)(row|c|v|is|t|r|rPh|rPr|f|b)\b/g, '<$1x:$2'), {
      prefix: 'x',
      before: '<!-- made by hand > with a comment --><x:sheetPr codeName="a&gt;b"><x:tabColor rgb="FF00FF00"/></x:sheetPr><?pi some > thing?>',
      after: '<x:mergeCells><x:mergeCell ref="A2:A3"/></x:mergeCells><x:headerFooter><x:oddHeader>&amp;L a > b</x:oddHeader></x:headerFooter>',
    }).replace('<x:v>7</x:v >', '<x:v>7</x:v>').replace('<x:t>no type</x:t>', '<x:t>a > b</x:t>');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(xml)]);
    const [first] = both(withSheet(bom), window);
    expect(first!.values).toEqual(first!.full);
    expect((first!.full as { ok: boolean }).ok).toBe(true);
    expect(first!.fullReads).toBe(0);
  });

  it('reads dates of a 1904 workbook as 1900 serials, an ISO date as it is', () => {
    const bytes = withSheet(sheet(CELLS), { date1904: true });
    expect(open(bytes).date1904).toBe(true);
    const [first] = both(bytes, 9);
    expect(first!.values).toEqual(first!.full);
    expect(first!.fullReads).toBe(0);
    const grid = (first!.values as { ok: true; value: { values: unknown[][] } }).value;
    // B1 holds 43800 under mmm-yy: in the 1904 system that is 1,462 days later.
    expect(grid.values[0]![1]).toBe(43800 + 1462);
  });

  it('reads a sheet with no cells, a self-closing sheetData, and none at all', () => {
    for (const xml of [sheet(''), sheet('').replace(/<sheetData><\/sheetData>/, '<sheetData/>'), `<worksheet xmlns="${NS}"><dimension ref="A1"/></worksheet>`]) {
      const [first] = both(withSheet(xml), 5);
      expect(first!.values).toEqual(first!.full);
      expect(first!.fullReads).toBe(0);
    }
  });

  it.each(['early-help-2020-12.xlsx', 'early-help-published-2020-11.xlsx', 'corporate-parenting-2019-12.xlsx', 'corporate-parenting-published-2019-11.xlsx'])('reads the sample %s alike, with Node zlib and with fflate', (name) => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES, name)));
    for (const codec of [nodeCodec, undefined]) {
      for (const r of both(bytes, undefined, codec)) {
        expect(r.values).toEqual(r.full);
        expect(r.fullReads).toBe(0);
      }
    }
    // Cut small, on one sheet.
    const [first] = both(bytes, 13);
    expect(first!.values).toEqual(first!.full);
  });

  it('reads a big synthetic scorecard alike', async () => {
    const grid = syntheticGrid(400, 24);
    const wb = new ExcelJS.Workbook();
    writeGrid(wb.addWorksheet(grid.sheetName), grid);
    const [first] = both(await writeWorkbook(wb), undefined, nodeCodec);
    expect(first!.values).toEqual(first!.full);
    expect(first!.fullReads).toBe(0);
  });
});

describe('what the values-only read leaves to the full reader: the same Grid or the same error', () => {
  it.each([
    ['a comment among the cells', '<row r="1"><!-- note --><c r="A1"><v>1</v></c></row>'],
    ['CDATA in a value', '<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>'],
    ['a processing instruction among the cells', '<row r="1"><?pi x?><c r="A1"><v>1</v></c></row>'],
    ['a row written twice', '<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row>'],
    ['an unquoted attribute', '<row r="1"><c r="A1" s=1><v>1</v></c></row>'],
    ['an attribute given twice', '<row r="1"><c r="A1" r="B1"><v>1</v></c></row>'],
    ['an undefined entity', '<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>'],
    ['a mismatched end tag', '<row r="1"><c r="A1"><v>1</v></row></c>'],
    ['a cell format that is not a number', '<row r="1"><c r="A1" s="x"><v>1</v></c></row>'],
  ])('%s', (_what, data) => {
    for (const window of [3, undefined]) {
      const [first] = both(withSheet(sheet(data)), window);
      expect(first!.values).toEqual(first!.full);
      expect(first!.fullReads).toBe(1);
    }
  });

  it.each([
    ['a DOCTYPE', `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "y">]><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`],
    ['an unclosed sheetData', `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`],
    ['damaged XML after the cells', `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"></mergeCells></worksheet>`],
    ['not XML', 'PK this is no XML'],
  ])('%s: the same refusal', (_what, xml) => {
    const [first] = both(withSheet(xml), 4);
    expect((first!.full as { ok: boolean }).ok).toBe(false);
    expect(first!.values).toEqual(first!.full);
  });
});

describe('the package limits hold on the values-only path', () => {
  it('a sheet part that lies about its size is refused while inflating, in the full reader’s words', () => {
    const p = samplePackage();
    const huge = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const data = deflateSync(huge, { level: 9 });
    const lying: ZipEntry = { name: SHEET, method: 8, flags: 0, crc: crc32(huge), compressedSize: data.length, uncompressedSize: 100, modTime: 0, modDate: 0x21, data };
    const entries = Object.entries(p).filter(([name]) => name !== SHEET).map(([name, bytes]): { kind: 'new'; name: string; data: Uint8Array } => ({ kind: 'new', name, data: bytes }));
    const bytes = writeZip([...entries, { kind: 'copy', entry: lying }]);
    const limits = { ...DEFAULT_LIMITS, ratioFloor: 1024 * 1024 };
    for (const codec of [nodeCodec, undefined]) {
      const name = XlsxWorkbook.open(bytes, limits, codec).sheets[0]!.name;
      const full = gridOf(XlsxWorkbook.open(bytes, limits, codec), name, 'bomb.xlsx');
      const values = valuesGrid(XlsxWorkbook.open(bytes, limits, codec), name, 'bomb.xlsx');
      expect(full.ok).toBe(false);
      expect(values).toEqual(full);
      expect(values.ok ? '' : values.error.code).toBe('tooLarge');
    }
  });

  it('a damaged part is refused as the full reader refuses it', () => {
    const p = samplePackage();
    const entries = Object.entries(p).map(([name, bytes]): { kind: 'new'; name: string; data: Uint8Array } => ({ kind: 'new', name, data: bytes }));
    const zipped = writeZip(entries);
    // Flip a byte inside the sheet's compressed data: the checksum (or the inflate) fails.
    const at = Buffer.from(zipped).indexOf(Buffer.from(SHEET)) + SHEET.length + 40;
    zipped[at] = zipped[at]! ^ 0xff;
    const name = open(zipped).sheets[0]!.name;
    const full = gridOf(open(zipped), name, 'cut.xlsx');
    expect(full.ok).toBe(false);
    expect(valuesGrid(open(zipped), name, 'cut.xlsx')).toEqual(full);
  });
});
