/**
 * Issue 10's requirements that no other suite proved end to end, on files the project did
 * not write (openpyxl, LibreOffice re-saves) and read back by programs it did not write
 * (openpyxl, LibreOffice's PDF):
 * - restyled cells keep their font name and size (fonts merged, not replaced);
 * - a Wingdings DOT letter is read as an arrow (the pane's reader too) and written with a font that shows it;
 * - a count row's decimal figure keeps its decimal on screen (316.3 stays 316.3);
 * - a column of an offset table is never narrower than its figures (no ### when printed);
 * - a LibreOffice re-save (empty workbookProtection, custom properties) takes format and new month;
 * - 50,000 extLst openings, a far cell, a whole-sheet merge and a lying zip bomb finish
 *   under a child-process timeout and a memory bound (counts, never a time assertion).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync, constants as zlib } from 'node:zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { xlsxMessages } from '../../src/xlsx/messages';
import { writeZip, type ZipEntry } from '../../src/xlsx/package/zip';
import { readGrids } from '../../src/xlsx/read';
import { parseXml } from '../../src/xlsx/package/xml';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { pdfText } from './pdfText';
import { excelMacroEnabled, VBA_PROJECT } from './producerShapes';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';
import { soffice } from './corpus';

const PYTHON = '/usr/bin/python3';
const SYMBOL_FONTS = ['wingdings', 'wingdings 2', 'wingdings 3', 'webdings', 'symbol'];

let cli: string;
beforeAll(() => {
  cli = buildCli('audit10');
}, 120_000);
afterAll(() => removeBuild(cli));

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes ?? new Uint8Array());

function python(script: string, args: string[]): string {
  const r = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/**
 * The Early Help sample as an older council workbook has it, written by openpyxl: every
 * cell in Arial 9; four DOT cells holding last month's arrows as Wingdings letters and a
 * Webdings triangle; a count
 * row (11.1, unit Number) whose Nov and Dec figures have a decimal under General and whose
 * Oct figure is shown with one under `0.0` (212.26 as 212.3); and in the
 * second table (its columns one to the left of the first's) a count figure of 1,234,567.25.
 * Prints the row of that figure.
 */
const COUNCIL = `
import sys, openpyxl
from openpyxl.styles import Font
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
    for c in row:
        if c.value is not None:
            f = c.font
            c.font = Font(name='Arial', size=9, bold=f.b, italic=f.i, color=f.color)
for addr, letter, font in (('L5', '\\u00e1', 'Wingdings'), ('L9', '\\u00e2', 'Wingdings'), ('L11', '\\u00e6', 'Wingdings'), ('L12', '5', 'Webdings')):
    ws[addr].value = letter
    ws[addr].font = Font(name=font, size=9)
ws['H11'].value = 149.5
ws['I11'].value = 316.3
for a in ('H11', 'I11'):
    ws[a].number_format = 'General'
ws['G11'].value = 212.26
ws['G11'].number_format = '0.0'
wide = next(r for r in range(43, ws.max_row + 1) if ws.cell(r, 5).value == 'Number' and isinstance(ws.cell(r, 7).value, (int, float)))
ws.cell(wide, 7).value = 1234567.25
ws.cell(wide, 7).number_format = '#,##0.00'
wb.save(sys.argv[2])
print(wide)
`;

/** Every non-empty cell's value, font name, size, bold, colour and fill, as openpyxl reads them. */
const FONTS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
out = {}
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        col = c.font.color.rgb if c.font.color is not None and isinstance(c.font.color.rgb, str) else None
        fill = c.fill.fgColor.rgb if isinstance(c.fill.fgColor.rgb, str) else None
        out[c.coordinate] = [c.value if isinstance(c.value, (int, float, str)) else str(c.value), c.font.name, c.font.sz, bool(c.font.b), col, fill, c.number_format]
widths = {k: v.width for k, v in ws.column_dimensions.items()}
print(json.dumps({'cells': out, 'widths': widths}))
`;

type CellInfo = [string | number, string | null, number | null, boolean, string | null, string | null, string];
interface Read {
  cells: Record<string, CellInfo>;
  widths: Record<string, number>;
}

describe('an older council workbook (openpyxl: Arial 9, Wingdings arrows, decimal counts, offset tables)', () => {
  let dir: string;
  let input: string;
  let out: string;
  let wideRow: number;
  let before: Read;
  let after: Read;
  beforeAll(() => {
    dir = tempDir();
    input = join(dir, 'council.xlsx');
    wideRow = Number(python(COUNCIL, [sample('early-help-2020-12.xlsx'), input]).trim());
    out = join(dir, 'out.xlsx');
    const result = run(cli, ['format', input, '-o', out]);
    expect(`${result.code} ${result.stderr}`).toMatch(new RegExp(`^(${EXIT.ok}|${EXIT.problems}) `));
    before = JSON.parse(python(FONTS, [input])) as Read;
    after = JSON.parse(python(FONTS, [out])) as Read;
  }, 300_000);

  it('keeps every restyled cell’s font name and size: colour and bold are laid over them', () => {
    let restyled = 0;
    for (const [addr, [, name, size, bold, colour, fill]] of Object.entries(before.cells)) {
      // A cell the plan emptied (a stale RAG or DOT) has no font to compare.
      const now = after.cells[addr];
      if (!now || name !== 'Arial') continue;
      if (now[3] !== bold || now[4] !== colour || now[5] !== fill) restyled++;
      expect(`${addr} ${now[1]} ${now[2]}`).toBe(`${addr} Arial ${size}`);
    }
    // The check above would be empty if the plan restyled nothing.
    expect(restyled).toBeGreaterThan(100);
  });

  it('reads the Wingdings DOT letters and a Webdings triangle as last month’s arrows, in the pane’s reader too', async () => {
    const grids = await readGrids(new Uint8Array(readFileSync(input)), 'council.xlsx');
    if (!grids.ok) throw new Error(grids.error.message);
    const g = grids.value[0]!;
    const at = (row: number, col: number): unknown => g.values[row - g.top]?.[col - g.left];
    // L5, L9, L11 (0-based rows 4, 8, 10; column L = 11) held á, â, æ in Wingdings, L12 a Webdings 5 (▲).
    expect([at(4, 11), at(8, 11), at(10, 11), at(11, 11)]).toEqual(['↑', '↓', '↘', '↑']);
  });

  it('writes the new arrows in those cells with a font that shows them, at the user’s size', () => {
    for (const addr of ['L5', 'L9', 'L11', 'L12']) {
      const [value, name, size] = after.cells[addr]!;
      expect(String(value)).toMatch(/^[↑↓↗↘→←]$/u);
      expect(SYMBOL_FONTS).not.toContain((name ?? '').toLowerCase());
      expect(size).toBe(9);
    }
  });

  it('keeps a count row’s decimals (149.5, 316.3 under General, 212.3 under 0.0) and widens the offset table’s column for 1,234,567.25: LibreOffice prints them, no ###', () => {
    // The number formats: at least one decimal on both, the wide figure's as it was.
    expect(after.cells.H11![6]).toMatch(/0\.0/);
    expect(after.cells.I11![6]).toMatch(/0\.0/);
    expect(after.cells.G11![6]).toMatch(/0\.0/);
    expect(after.cells[`G${wideRow}`]![6]).toBe('#,##0.00');
    // Column G is one of the plan's columns (the first table's Oct, the second's Nov).
    expect(after.widths.G).toBeGreaterThanOrEqual('1,234,567.25'.length);
    const printed = pdfText(readFileSync(soffice(out, 'pdf', dir)));
    const lines = new Set(printed.split('\n').map((l) => l.trim()));
    for (const shown of ['149.5', '316.3', '212.3', '1,234,567.25']) expect(`${shown} ${lines.has(shown)}`).toBe(`${shown} true`);
    expect(printed).not.toContain('###');
  }, 300_000);
});

describe('a LibreOffice re-save is accepted by every command that writes', () => {
  it('has an empty <workbookProtection/> and docProps/custom.xml, and takes format and new month (its parts kept)', () => {
    const dir = tempDir();
    const resaved = soffice(sample('early-help-2020-12.xlsx'), 'xlsx:Calc MS Excel 2007 XML', dir);
    const inParts = unzipSync(new Uint8Array(readFileSync(resaved)));
    // What made every LibreOffice file refused before: both really are in the re-save.
    expect(text(inParts['xl/workbook.xml'])).toContain('<workbookProtection/>');
    expect(inParts['docProps/custom.xml']).toBeDefined();
    for (const command of ['format', 'new-month']) {
      const out = join(dir, `${command}.xlsx`);
      const result = run(cli, [command, resaved, '-o', out]);
      expect(`${command} ${result.code} ${result.stderr}`).toMatch(new RegExp(`^${command} (${EXIT.ok}|${EXIT.problems}) `));
      const outParts = unzipSync(new Uint8Array(readFileSync(out)));
      expect(Buffer.from(outParts['docProps/custom.xml']!).equals(Buffer.from(inParts['docProps/custom.xml']!))).toBe(true);
      expect(text(outParts['xl/workbook.xml'])).toContain('<workbookProtection/>');
    }
    const rolled = text(unzipSync(new Uint8Array(readFileSync(join(dir, 'new-month.xlsx'))))['xl/workbook.xml']);
    expect(rolled).toMatch(/<sheet name="Jan-21"/);
  }, 300_000);
});

/** RFC 4180 fields of a CSV as LibreOffice writes it, by row. */
function csvRows(csv: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      rows[rows.length - 1]!.push(ch === ',' ? field : field.replace(/\r$/, ''));
      field = '';
      if (ch === '\n') rows.push([]);
    } else field += ch;
  }
  if (field !== '') rows[rows.length - 1]!.push(field);
  return rows;
}

describe('a --formulas file in LibreOffice: the known limit, exactly', () => {
  it('shows #NAME? in the cells whose cached result is blank, and only there; no ###', () => {
    const dir = tempDir();
    const out = join(dir, 'formulas.xlsx');
    expect(run(cli, ['format', sample('early-help-2020-12.xlsx'), '--formulas', '-o', out]).code).toBe(EXIT.ok);
    const sheet = text(unzipSync(new Uint8Array(readFileSync(out)))['xl/worksheets/sheet1.xml']);
    const blank = new Set([...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*t="str"[^>]*><f>[^<]*<\/f><v><\/v><\/c>/g)].map((m) => m[1]!));
    expect(blank.size).toBeGreaterThan(0);
    const rows = csvRows(readFileSync(soffice(out, 'csv', dir), 'utf8'));
    const named = new Set<string>();
    rows.forEach((row, r) => row.forEach((v, c) => {
      expect(v).not.toContain('###');
      if (v === '#NAME?') named.add(`${colName(c)}${r + 1}`);
    }));
    expect([...named].sort()).toEqual([...blank].sort());
  }, 300_000);
});

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Runs the CLI in a child with the V8 heap capped and reports its peak resident memory
 * (KiB, from process.resourceUsage at exit) beside its exit code. A killed child (timeout)
 * has code null.
 */
function bounded(args: string[], heapMiB = 192, timeoutMs = 60_000): { code: number | null; stderr: string; maxRssMiB: number } {
  const wrapper = `process.on('exit', () => require('node:fs').writeSync(2, '\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n')); require(${JSON.stringify(cli)});`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMiB}`, '-e', wrapper, '--', cli, ...args], { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, SCORECARD_DEBUG: '' } });
  const m = /\nMAXRSS (\d+)\n$/.exec(r.stderr);
  return { code: r.status, stderr: r.stderr.replace(/\nMAXRSS \d+\n$/, ''), maxRssMiB: m ? Number(m[1]) / 1024 : Number.POSITIVE_INFINITY };
}

function variant(name: string, change: (p: Record<string, Uint8Array>) => void): string {
  const p = unzipSync(new Uint8Array(readFileSync(sample('early-help-2020-12.xlsx'))));
  change(p);
  const path = join(tempDir(), name);
  writeFileSync(path, zipSync(p));
  return path;
}

describe('hostile sizes finish within a child-process timeout and a memory bound', () => {
  it('the bound itself: the plain sample formats under it', () => {
    const r = bounded(['format', sample('early-help-2020-12.xlsx'), '-o', join(tempDir(), 'out.xlsx')]);
    expect(`${r.code} ${r.stderr}`).toMatch(new RegExp(`^${EXIT.ok} `));
    expect(r.maxRssMiB).toBeLessThan(400);
  });

  it('a sheet with 50,000 extLst openings (152 s of CPU in the old loss check) is formatted and keeps every one', () => {
    const N = 50_000;
    const input = variant('extlst.xlsx', (p) => {
      const exts = Array.from({ length: N }, (_, i) => `<ext uri="{00000000-0000-4000-8000-${String(i).padStart(12, '0')}}" xmlns:x="urn:example:unknown"><x:extLst><x:kept n="${i}"/></x:extLst></ext>`).join('');
      const sheet = text(p['xl/worksheets/sheet1.xml']);
      expect(sheet).not.toContain('<extLst');
      p['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</worksheet>', `<extLst>${exts}</extLst></worksheet>`));
    });
    const out = join(tempDir(), 'out.xlsx');
    const r = bounded(['format', input, '-o', out], 192, 90_000);
    expect(`${r.code} ${r.stderr}`).toMatch(new RegExp(`^${EXIT.ok} `));
    const sheet = text(unzipSync(new Uint8Array(readFileSync(out)))['xl/worksheets/sheet1.xml']);
    expect(sheet.split('<x:extLst>').length - 1).toBe(N);
    expect(sheet).toContain(`<x:kept n="${N - 1}"/>`);
    expect(r.maxRssMiB).toBeLessThan(400);
  }, 120_000);

  it('a formatted cell at XFD1048576 and a whole-sheet merge: read sparsely, under a 192 MiB heap', () => {
    const far = variant('far.xlsx', (p) => {
      p['xl/worksheets/sheet1.xml'] = strToU8(text(p['xl/worksheets/sheet1.xml']).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>'));
    });
    const r1 = bounded(['format', far, '-o', join(tempDir(), 'out.xlsx')]);
    expect(`${r1.code} ${r1.stderr}`).toMatch(new RegExp(`^${EXIT.ok} `));
    expect(r1.maxRssMiB).toBeLessThan(400);
    const merged = variant('merged.xlsx', (p) => {
      const sheet = text(p['xl/worksheets/sheet1.xml']).replace(/<mergeCells[^]*?<\/mergeCells>/, '');
      p['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    });
    const r2 = bounded(['format', merged, '-o', join(tempDir(), 'out.xlsx')]);
    expect(r2.code).toBe(EXIT.noTable);
    expect(r2.maxRssMiB).toBeLessThan(400);
  }, 120_000);

  it('a 400 KiB zip bomb that inflates to 400 MiB and declares 100 bytes: exit 3 while inflating, memory bounded', () => {
    // 400 copies of one byte-aligned deflate block of 1 MiB of zeros, then an empty final block.
    const MiB = 1024 * 1024;
    const zeros = new Uint8Array(MiB);
    const block = deflateRawSync(zeros, { level: 9, finishFlush: zlib.Z_FULL_FLUSH });
    const copies = 400;
    const data = new Uint8Array(block.length * copies + 2);
    for (let i = 0; i < copies; i++) data.set(block, i * block.length);
    data.set([0x03, 0x00], block.length * copies);
    let crc = 0;
    for (let i = 0; i < copies; i++) crc = zlibCrc32(zeros, crc);
    expect(data.length).toBeLessThan(500 * 1024);
    const p = unzipSync(new Uint8Array(readFileSync(sample('early-help-2020-12.xlsx'))));
    const entries = Object.entries(p)
      .filter(([name]) => name !== 'xl/worksheets/sheet1.xml')
      .map(([name, bytes]): { kind: 'new'; name: string; data: Uint8Array } => ({ kind: 'new', name, data: bytes }));
    const lying: ZipEntry = { name: 'xl/worksheets/sheet1.xml', method: 8, flags: 0, crc: crc >>> 0, compressedSize: data.length, uncompressedSize: 100, modTime: 0, modDate: 0x21, data };
    const input = join(tempDir(), 'bomb.xlsx');
    writeFileSync(input, writeZip([...entries, { kind: 'copy', entry: lying }]));
    const out = join(tempDir(), 'out.xlsx');
    const r = bounded(['format', input, '-o', out]);
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toBe(`${xlsxMessages.tooLarge(input, 'part xl/worksheets/sheet1.xml: it unpacks to over 1000 times its packed size')}\n`);
    expect(existsSync(out)).toBe(false);
    // Refused a few MiB in: the peak stays well under the 400 MiB the bomb holds (the old
    // reader took 2.5 GB on a 406 KB bomb; zlib told only the part's limit filled 458 MiB).
    expect(r.maxRssMiB).toBeLessThan(400);
  }, 120_000);
});

describe('revisions names which file is which', () => {
  it('files in the wrong order: the message calls the first file the published one and gives the order', () => {
    const result = run(cli, ['revisions', sample('early-help-2020-12.xlsx'), sample('early-help-published-2020-11.xlsx')]);
    expect(result.code).toBe(EXIT.noTable);
    expect(result.stderr).toContain(`published workbook ${sample('early-help-2020-12.xlsx')} (the first file`);
    expect(result.stderr).toContain('scorecard revisions <published.xlsx> <current.xlsx>');
  });
});

/** CT_Worksheet's element order (ECMA-376 Part 1, 18.3.1.99): Excel refuses a sheet out of it. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CT_PREFIX = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

describe('tables, pivots and slicers stay untouched (no longer refused)', () => {
  it('formats a sheet with a table part and a workbook with a pivot cache, pivot table and slicer: those parts byte for byte, the sheet in schema order', () => {
    const p = unzipSync(new Uint8Array(readFileSync(sample('early-help-2020-12.xlsx'))));
    const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    const added: Record<string, string> = {
      'xl/tables/table1.xml': `${XML}<table xmlns="${SML}" id="1" name="Lookup" displayName="Lookup" ref="AD100:AE102"><autoFilter ref="AD100:AE102"/><tableColumns count="2"><tableColumn id="1" name="Code"/><tableColumn id="2" name="Team"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      'xl/worksheets/_rels/sheet1.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
      'xl/pivotCache/pivotCacheDefinition1.xml': `${XML}<pivotCacheDefinition xmlns="${SML}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="AD100:AE102" sheet="Dec-20"/></cacheSource><cacheFields count="2"><cacheField name="Code" numFmtId="0"><sharedItems/></cacheField><cacheField name="Team" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
      'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
      'xl/pivotCache/pivotCacheRecords1.xml': `${XML}<pivotCacheRecords xmlns="${SML}" count="0"/>`,
      'xl/pivotTables/pivotTable1.xml': `${XML}<pivotTableDefinition xmlns="${SML}" name="Teams" cacheId="7" dataCaption="Values"><location ref="A3:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField showAll="0"/><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`,
      'xl/pivotTables/_rels/pivotTable1.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      'xl/slicers/slicer1.xml': `${XML}<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x"><slicer name="Team" cache="Slicer_Team" caption="Team" rowHeight="241300"/></slicers>`,
      'xl/slicerCaches/slicerCache1.xml': `${XML}<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" name="Slicer_Team" sourceName="Team"><pivotTables><pivotTable tabId="2" name="Teams"/></pivotTables><data><tabular pivotCacheId="7"><items count="0"/></tabular></data></slicerCacheDefinition>`,
      'xl/worksheets/sheet2.xml': `${XML}<worksheet xmlns="${SML}" xmlns:r="${REL}"><sheetData/></worksheet>`,
      'xl/worksheets/_rels/sheet2.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2007/relationships/slicer" Target="../slicers/slicer1.xml"/></Relationships>`,
    };
    for (const [name, xml] of Object.entries(added)) p[name] = strToU8(xml);
    const overrides: Array<[string, string]> = [
      ['/xl/tables/table1.xml', `${CT_PREFIX}.table+xml`],
      ['/xl/pivotCache/pivotCacheDefinition1.xml', `${CT_PREFIX}.pivotCacheDefinition+xml`],
      ['/xl/pivotCache/pivotCacheRecords1.xml', `${CT_PREFIX}.pivotCacheRecords+xml`],
      ['/xl/pivotTables/pivotTable1.xml', `${CT_PREFIX}.pivotTable+xml`],
      ['/xl/slicers/slicer1.xml', 'application/vnd.ms-excel.slicer+xml'],
      ['/xl/slicerCaches/slicerCache1.xml', 'application/vnd.ms-excel.slicerCache+xml'],
      ['/xl/worksheets/sheet2.xml', `${CT_PREFIX}.worksheet+xml`],
    ];
    p['[Content_Types].xml'] = strToU8(text(p['[Content_Types].xml']).replace('</Types>', `${overrides.map(([n, t]) => `<Override PartName="${n}" ContentType="${t}"/>`).join('')}</Types>`));
    p['xl/_rels/workbook.xml.rels'] = strToU8(
      text(p['xl/_rels/workbook.xml.rels']).replace(
        '</Relationships>',
        `<Relationship Id="rIdS2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rIdP1" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/><Relationship Id="rIdC1" Type="http://schemas.microsoft.com/office/2007/relationships/slicerCache" Target="slicerCaches/slicerCache1.xml"/></Relationships>`,
      ),
    );
    p['xl/workbook.xml'] = strToU8(
      text(p['xl/workbook.xml'])
        .replace('</sheets>', '<sheet sheetId="2" name="Pivot" state="visible" r:id="rIdS2"/></sheets>')
        .replace('</workbook>', '<pivotCaches><pivotCache cacheId="7" r:id="rIdP1"/></pivotCaches></workbook>'),
    );
    const sheet = text(p['xl/worksheets/sheet1.xml']);
    const cells = '<row r="100"><c r="AD100" t="inlineStr"><is><t>Code</t></is></c><c r="AE100" t="inlineStr"><is><t>Team</t></is></c></row><row r="101"><c r="AD101"><v>1</v></c><c r="AE101" t="inlineStr"><is><t>Front door</t></is></c></row><row r="102"><c r="AD102"><v>2</v></c><c r="AE102" t="inlineStr"><is><t>Early help</t></is></c></row>';
    p['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</sheetData>', `${cells}</sheetData>`).replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>'));
    const dir = tempDir();
    const input = join(dir, 'pivots.xlsx');
    writeFileSync(input, zipSync(p));
    const out = join(dir, 'out.xlsx');
    const result = run(cli, ['format', input, '-o', out]);
    expect(`${result.code} ${result.stderr}`).toMatch(new RegExp(`^(${EXIT.ok}|${EXIT.problems}) `));
    const o = unzipSync(new Uint8Array(readFileSync(out)));
    for (const name of Object.keys(added).filter((n) => n !== 'xl/worksheets/_rels/sheet1.xml.rels')) {
      expect(`${name} ${Buffer.from(o[name]!).equals(Buffer.from(p[name]!))}`).toBe(`${name} true`);
    }
    // The table stays related to its sheet (beside any notes part the plan relates), the pivot cache to the workbook.
    expect(text(o['xl/worksheets/_rels/sheet1.xml.rels'])).toContain('<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>');
    expect(text(o['xl/workbook.xml'])).toContain('<pivotCaches><pivotCache cacheId="7" r:id="rIdP1"/></pivotCaches>');
    const outSheet = text(o['xl/worksheets/sheet1.xml']);
    expect(outSheet).toContain('<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts>');
    // What the plan added (page setup, header/footer, breaks, notes' drawing) sits before tableParts, in schema order.
    const order = parseXml(outSheet, 'sheet', { keep: (_n, depth) => depth < 2 }).children.map((c) => c.local);
    expect(order.every((l) => WORKSHEET_ORDER.includes(l))).toBe(true);
    const at = order.map((l) => WORKSHEET_ORDER.indexOf(l));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(order.length).toBeGreaterThan(8);
  });
});

describe('the output name matches the content type', () => {
  it('a plain workbook is not written to an .xlsm name (exit 5, nothing written)', () => {
    const dir = tempDir();
    const input = sample('early-help-2020-12.xlsx');
    const out = join(dir, 'out.xlsm');
    const result = run(cli, ['format', input, '-o', out]);
    expect(result).toEqual({ code: EXIT.refused, stdout: '', stderr: `${cliMessages.notMacroOutput(input, out)}\n` });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['out.csv', 'out.xls', 'out', 'out.xlsx.bak'])('a workbook is not written under another format\'s name: %s (exit 5, nothing written)', (name) => {
    const dir = tempDir();
    const input = sample('early-help-2020-12.xlsx');
    const out = join(dir, name);
    for (const command of [['format', input, '-o', out], ['new-month', input, '-o', out]]) {
      const result = run(cli, command);
      expect(result).toEqual({ code: EXIT.refused, stdout: '', stderr: `${cliMessages.notXlsxOutput(out)}\n` });
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('any case of .xlsx is an .xlsx name', () => {
    const dir = tempDir();
    const out = join(dir, 'Out.XLSX');
    expect(run(cli, ['format', sample('early-help-2020-12.xlsx'), '-o', out]).code).toBe(EXIT.ok);
    expect(readdirSync(dir)).toEqual(['Out.XLSX']);
  });

  it('new month on an .xlsm writes an .xlsm with its macros byte for byte', () => {
    const dir = tempDir();
    const input = excelMacroEnabled(dir);
    const out = join(dir, 'jan.xlsm');
    const result = run(cli, ['new-month', input, '-o', out]);
    expect(`${result.code} ${result.stderr}`).toMatch(new RegExp(`^${EXIT.ok} `));
    const o = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Buffer.from(o['xl/vbaProject.bin']!).equals(Buffer.from(VBA_PROJECT))).toBe(true);
    expect(text(o['[Content_Types].xml'])).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });
});

describe('kill -9 in the middle of writing the output', () => {
  it('leaves the input as it was, no file under the output name, and the next run removes the half-written temp', () => {
    const dir = tempDir();
    const input = sample('corporate-parenting-2019-12.xlsx');
    const before = createHash('sha256').update(readFileSync(input)).digest('hex');
    const out = join(dir, 'out.xlsx');
    // Preloaded into the CLI: the first write to the temp file puts out half its bytes, then the process is SIGKILLed.
    const hook = join(dir, 'kill-mid-write.cjs');
    writeFileSync(
      hook,
      `const fs = require('node:fs'); const real = fs.writeSync;
       fs.writeSync = function (fd, buffer, offset, length) {
         if (typeof buffer !== 'string' && length > 1000) { real.call(fs, fd, buffer, offset, Math.floor(length / 2)); process.kill(process.pid, 'SIGKILL'); }
         return real.apply(fs, arguments);
       };`,
    );
    const killed = spawnSync(process.execPath, ['--require', hook, cli, 'format', input, '-o', out], { encoding: 'utf8', timeout: 60_000 });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const left = readdirSync(dir).filter((f) => f.endsWith('.scorecard-tmp'));
    // The killed run did get as far as its temp file: half a workbook, never under the output's name.
    expect(left).toHaveLength(1);
    expect(() => unzipSync(new Uint8Array(readFileSync(join(dir, left[0]!))))).toThrow();
    const again = run(cli, ['format', input, '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(again.code);
    expect(readdirSync(dir).sort()).toEqual(['kill-mid-write.cjs', 'out.xlsx']);
    expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(before);
  });
});
