import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { crc32, writeZip, type ZipEntry } from '../../src/xlsx/package/zip';
import { xlsxMessages } from '../../src/xlsx/messages';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { buildCli, removeBuild, run, sample, STACK_LINE, tempDir } from './runCli';
import { compoundFile } from './producerShapes';

let cli: string;
beforeAll(() => {
  cli = buildCli('hostile');
}, 120_000);
afterAll(() => removeBuild(cli));

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function parts(): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(sample('early-help-2020-12.xlsx'))));
}

/** A copy of the early-help sample with some parts replaced, written as `name`. */
function variant(name: string, change: (p: Record<string, Uint8Array>) => void): { dir: string; input: string } {
  const dir = tempDir();
  const p = parts();
  change(p);
  const input = join(dir, name);
  writeFileSync(input, zipSync(p));
  return { dir, input };
}

function sheetText(p: Record<string, Uint8Array>): string {
  return new TextDecoder().decode(p['xl/worksheets/sheet1.xml']!);
}

/** Runs format and checks what every hostile input must give: the exit, the message, no output, the input as it was. */
function refused(input: string, dir: string, exit: number, message: string): void {
  const before = hash(input);
  const out = join(dir, 'out.xlsx');
  const result = run(cli, ['format', input, '-o', out]);
  expect(result.code).toBe(exit);
  expect(result.stderr).toBe(`${message}\n`);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(existsSync(out)).toBe(false);
  expect(hash(input)).toBe(before);
  expect(readdirSync(dir).filter((f) => f.endsWith('.scorecard-tmp'))).toEqual([]);
}

describe('hostile and broken files: a clear message, exit 3, nothing written, input unchanged', () => {
  it('refuses a zip bomb by its declared sizes', () => {
    const { dir, input } = variant('bomb.xlsx', (p) => {
      p['xl/worksheets/sheet2.xml'] = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    });
    const declared = join(dir, 'bomb.xlsx');
    refused(declared, dir, EXIT.input, xlsxMessages.tooLarge(input, 'part xl/worksheets/sheet2.xml: it unpacks to over 1000 times its packed size'));
  });

  it('refuses a zip bomb that lies about its size, while inflating', () => {
    const dir = tempDir();
    const p = parts();
    const huge = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    const data = deflateSync(huge, { level: 9 });
    const entries = Object.entries(p).map(([name, bytes]): { kind: 'new'; name: string; data: Uint8Array } => ({ kind: 'new', name, data: bytes }));
    // The sheet part says it holds 100 bytes; it inflates to 64 MiB.
    const lying: ZipEntry = { name: 'xl/worksheets/sheet1.xml', method: 8, flags: 0, crc: crc32(huge), compressedSize: data.length, uncompressedSize: 100, modTime: 0, modDate: 0x21, data };
    const input = join(dir, 'liar.xlsx');
    writeFileSync(input, writeZip([...entries.filter((e) => e.name !== 'xl/worksheets/sheet1.xml'), { kind: 'copy', entry: lying }]));
    refused(input, dir, EXIT.input, xlsxMessages.tooLarge(input, 'part xl/worksheets/sheet1.xml: it unpacks to over 1000 times its packed size'));
  });

  it('refuses a truncated download', () => {
    const dir = tempDir();
    const bytes = readFileSync(sample('early-help-2020-12.xlsx'));
    const input = join(dir, 'cut.xlsx');
    writeFileSync(input, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    refused(input, dir, EXIT.input, xlsxMessages.damaged(input, 'the end of the zip directory is missing'));
  });

  it.each([
    ['an external entity (XXE)', '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'],
    ['nested entities (billion laughs)', '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'],
  ])('refuses a sheet part with a DOCTYPE declaring %s', (_what, doctype) => {
    const { dir, input } = variant('doctype.xlsx', (p) => {
      const text = sheetText(p);
      const at = text.indexOf('<worksheet');
      p['xl/worksheets/sheet1.xml'] = strToU8(`${text.slice(0, at)}${doctype}${text.slice(at).replace('<sheetData>', '<sheetData><row r="200"><c r="A200" t="inlineStr"><is><t>&c;&xxe;</t></is></c></row>')}`);
    });
    refused(input, dir, EXIT.input, xlsxMessages.unsafeXml(input, 'xl/worksheets/sheet1.xml: it has a DOCTYPE declaration (not allowed in a workbook part: it could define entities)'));
  });

  it('refuses an encrypted workbook (an OLE compound file) and names the fix', () => {
    const dir = tempDir();
    // As Excel writes "Encrypt with Password": a compound file holding EncryptionInfo and EncryptedPackage.
    const input = compoundFile(join(dir, 'locked.xlsx'), ['EncryptionInfo', 'EncryptedPackage']);
    refused(input, dir, EXIT.input, xlsxMessages.encrypted(input));
  });
});

describe('far ranges and huge merges are read sparsely', () => {
  it('formats a sheet with a formatted cell at XFD1048576 and keeps that cell', () => {
    const { dir, input } = variant('far.xlsx', (p) => {
      const text = sheetText(p);
      p['xl/worksheets/sheet1.xml'] = strToU8(text.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>'));
    });
    const out = join(dir, 'out.xlsx');
    const result = run(cli, ['format', input, '-o', out]);
    expect(result.code).toBe(EXIT.ok);
    expect(new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(out)))['xl/worksheets/sheet1.xml']!)).toContain('<c r="XFD1048576" s="1"/>');
  });

  it('reads a whole-sheet merge as what Excel shows (only A1), finding no table (exit 4)', () => {
    const { dir, input } = variant('merged.xlsx', (p) => {
      const text = sheetText(p).replace(/<mergeCells[^]*?<\/mergeCells>/, '');
      p['xl/worksheets/sheet1.xml'] = strToU8(text.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    });
    const result = run(cli, ['format', input, '-o', join(dir, 'out.xlsx')]);
    expect(result.code).toBe(EXIT.noTable);
    expect(result.stderr).toBe(`${cliMessages.noTableInWorkbook(input, ['Dec-20'])}\n`);
  });
});

describe('safe output files', () => {
  it('removes a stale temporary file of a killed run, as a link, without following it', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    // pid 2^22+1 is above Linux's pid_max default: no such process.
    const stale = join(dir, `.out.xlsx.4194305-0011223344556677.scorecard-tmp`);
    symlinkSync(victim, stale);
    const result = run(cli, ['format', sample('early-help-2020-12.xlsx'), '-o', join(dir, 'out.xlsx')]);
    expect(result.code).toBe(EXIT.ok);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(stale) || (lstatSync(stale, { throwIfNoEntry: false }) !== undefined)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', 'victim.txt']);
  });

  it('replaces an output that is a link (with --force) without writing through it', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'out.xlsx');
    symlinkSync(victim, out);
    const result = run(cli, ['format', sample('early-help-2020-12.xlsx'), '-o', out, '--force']);
    expect(result.code).toBe(EXIT.ok);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
  });

  it('leaves no half-written output when killed with SIGKILL, and the next run cleans up', async () => {
    const dir = tempDir();
    const input = sample('corporate-parenting-2019-12.xlsx');
    const before = hash(input);
    const out = join(dir, 'out.xlsx');
    for (const delay of [150, 400, 700]) {
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [cli, 'format', input, '-o', out, '--force'], { stdio: 'ignore' });
        setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => resolve());
      });
      // Either no output yet, or a whole workbook: never a partial one.
      if (existsSync(out)) expect(() => unzipSync(new Uint8Array(readFileSync(out)))).not.toThrow();
    }
    const result = run(cli, ['format', input, '-o', out, '--force']);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(hash(input)).toBe(before);
  }, 120_000);
});
