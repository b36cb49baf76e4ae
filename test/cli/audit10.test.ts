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
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync, constants as zlib } from 'node:zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { EXIT } from '../../src/cli/messages';
import { xlsxMessages } from '../../src/xlsx/messages';
import { writeZip, type ZipEntry } from '../../src/xlsx/package/zip';
import { readGrids } from '../../src/xlsx/read';
import { pdfText } from './pdfText';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';

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

function soffice(file: string, to: string, outDir: string): string {
  const profile = join(outDir, 'profile');
  const result = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, HOME: profile },
  });
  const out = join(outDir, file.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${to.split(':')[0]}`));
  if (!existsSync(out)) throw new Error(`soffice --convert-to ${to} produced nothing: ${result.stderr}`);
  return out;
}

/**
 * The Early Help sample as an older council workbook has it, written by openpyxl: every
 * cell in Arial 9; three DOT cells holding last month's arrows as Wingdings letters; a count
 * row (11.1, unit Number) whose Nov and Dec figures have a decimal under General; and in the
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
for addr, letter in (('L5', '\\u00e1'), ('L9', '\\u00e2'), ('L11', '\\u00e6')):
    ws[addr].value = letter
    ws[addr].font = Font(name='Wingdings', size=9)
ws['H11'].value = 149.5
ws['I11'].value = 316.3
for a in ('H11', 'I11'):
    ws[a].number_format = 'General'
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

  it('reads the Wingdings DOT letters as last month’s arrows, in the pane’s reader too', async () => {
    const grids = await readGrids(new Uint8Array(readFileSync(input)), 'council.xlsx');
    if (!grids.ok) throw new Error(grids.error.message);
    const g = grids.value[0]!;
    const at = (row: number, col: number): unknown => g.values[row - g.top]?.[col - g.left];
    // L5, L9, L11 (0-based rows 4, 8, 10; column L = 11) held á, â, æ in Wingdings.
    expect([at(4, 11), at(8, 11), at(10, 11)]).toEqual(['↑', '↓', '↘']);
  });

  it('writes the new arrows in those cells with a font that shows them, at the user’s size', () => {
    for (const addr of ['L5', 'L9', 'L11']) {
      const [value, name, size] = after.cells[addr]!;
      expect(String(value)).toMatch(/^[↑↓↗↘→←]$/u);
      expect(SYMBOL_FONTS).not.toContain((name ?? '').toLowerCase());
      expect(size).toBe(9);
    }
  });

  it('keeps a count row’s decimals (149.5, 316.3) and widens the offset table’s column for 1,234,567.25: LibreOffice prints them, no ###', () => {
    // The number formats: at least one decimal on both, the wide figure's as it was.
    expect(after.cells.H11![6]).toMatch(/0\.0/);
    expect(after.cells.I11![6]).toMatch(/0\.0/);
    expect(after.cells[`G${wideRow}`]![6]).toBe('#,##0.00');
    // Column G is one of the plan's columns (the first table's Oct, the second's Nov).
    expect(after.widths.G).toBeGreaterThanOrEqual('1,234,567.25'.length);
    const printed = pdfText(readFileSync(soffice(out, 'pdf', dir)));
    const lines = new Set(printed.split('\n').map((l) => l.trim()));
    for (const shown of ['149.5', '316.3', '1,234,567.25']) expect(`${shown} ${lines.has(shown)}`).toBe(`${shown} true`);
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

  it('a 400 KiB zip bomb that inflates to 400 MiB and declares 100 bytes: exit 3 while inflating, memory within the part limit', () => {
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
    // The documented bound: one part may unpack to 512 MiB (docs/XLSX.md), so the peak stays
    // under that plus the tool itself; the old reader took 2.5 GB on a 406 KB bomb. (The
    // pane's streaming inflate stops a few MiB in; the CLI's zlib path may fill the part's
    // limit, here 1000 x 400 KiB, before it refuses.)
    expect(r.maxRssMiB).toBeLessThan(512 + 200);
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
