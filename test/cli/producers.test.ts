/**
 * Workbooks from other producers than the tool (LibreOffice re-saves, openpyxl with the
 * features the old exceljs path lost, a hand-written minimal package), formatted by the
 * CLI, then compared part by part with their input: untouched parts byte-identical, the
 * untouched elements of touched parts as they were, the planned cells as planned; and the
 * output opened by LibreOffice and printed to PDF. Then the shapes Google Sheets and Excel
 * write and an .xlsm (test/cli/producerShapes.ts), and what must be refused: Strict Open
 * XML, a password to open, a protected sheet the plan would change, a locked structure.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { planFormat } from '../../src/domain/plan/planFormat';
import { readScorecard } from '../../src/domain/sheet/readScorecard';
import { openWorkbook, gridOf, cellInput } from '../../src/xlsx/read';
import { parseXml, rawOf } from '../../src/xlsx/package/xml';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { xlsxMessages } from '../../src/xlsx/messages';
import { buildCli, removeBuild, run, sample, tempDir } from './runCli';
import { libreOfficeResave, minimalPackage, openpyxlWorkbook, soffice } from './corpus';
import { compoundFile, emptyWorkbook, EXCEL_DATA_BAR, excelMacroEnabled, excelSaved, excelSavedWithSettings, googleSheetsExport, protectedScorecardSheet, strictOoxml, VBA_PROJECT } from './producerShapes';

let cli: string;
beforeAll(() => {
  cli = buildCli('producers');
}, 120_000);
afterAll(() => removeBuild(cli));


const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes ?? new Uint8Array());

/** Top-level elements of a part by local name, as raw text. */
function topLevel(xml: string): Map<string, string[]> {
  const root = parseXml(xml, 'part', { keep: (_n, depth) => depth < 2 });
  const out = new Map<string, string[]>();
  for (const c of root.children) out.set(c.local, [...(out.get(c.local) ?? []), rawOf(xml, c)]);
  return out;
}

/** Parts the format plan may change; every other part must come out byte for byte. */
const TOUCHED = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/styles\.xml|xl\/worksheets\/sheet1\.xml|xl\/worksheets\/_rels\/sheet1\.xml\.rels|xl\/comments[^/]*\.xml|xl\/comments\/[^/]+\.xml|xl\/drawings\/[^/]+\.vml)$/;
/** Elements of the formatted sheet the plan owns; the rest must be as they were. */
// What Format owns on the sheet it formats: its cells, widths, frozen panes, its own rules and
// notes, and the print layout (paper and scale, margins, page header/footer, page breaks between tables).
const OWNED = new Set([
  'sheetData', 'cols', 'sheetViews', 'pageSetup', 'sheetPr', 'dimension', 'conditionalFormatting', 'legacyDrawing',
  'pageMargins', 'headerFooter', 'rowBreaks',
]);

function formatAndCompare(input: string, outName = 'out.xlsx'): { out: string; inParts: Record<string, Uint8Array>; outParts: Record<string, Uint8Array> } {
  const out = join(tempDir(), outName);
  const before = readFileSync(input);
  const result = run(cli, ['format', input, '-o', out]);
  expect(`${result.code} ${result.stderr}`).toMatch(new RegExp(`^(${EXIT.ok}|${EXIT.problems}) `));
  expect(readFileSync(input).equals(before)).toBe(true);
  const inParts = unzipSync(new Uint8Array(before));
  const outParts = unzipSync(new Uint8Array(readFileSync(out)));
  let same = 0;
  for (const [name, bytes] of Object.entries(inParts)) {
    expect(outParts[name]).toBeDefined();
    if (TOUCHED.test(name)) continue;
    expect(`${name} ${Buffer.from(outParts[name]!).equals(Buffer.from(bytes))}`).toBe(`${name} true`);
    same++;
  }
  expect(same).toBeGreaterThan(0);
  // The formatted sheet: everything the plan does not own, exactly as it was.
  const sheetIn = topLevel(text(inParts['xl/worksheets/sheet1.xml']));
  const sheetOut = topLevel(text(outParts['xl/worksheets/sheet1.xml']));
  for (const [local, raws] of sheetIn) {
    if (OWNED.has(local)) continue;
    expect(`${local} ${JSON.stringify(sheetOut.get(local))}`).toBe(`${local} ${JSON.stringify(raws)}`);
  }
  // The user's conditional formats stay, byte for byte.
  for (const cf of sheetIn.get('conditionalFormatting') ?? []) expect(sheetOut.get('conditionalFormatting') ?? []).toContain(cf);
  // The workbook part: everything but the print names, as it was.
  const wbIn = topLevel(text(inParts['xl/workbook.xml']));
  const wbOut = topLevel(text(outParts['xl/workbook.xml']));
  for (const [local, raws] of wbIn) if (local !== 'definedNames') expect(wbOut.get(local)).toEqual(raws);
  for (const name of (wbIn.get('definedNames') ?? []).join('').match(/<definedName [^>]*>[^<]*<\/definedName>/g) ?? []) {
    if (name.includes('_xlnm.Print')) continue;
    expect((wbOut.get('definedNames') ?? []).join('')).toContain(name);
  }
  return { out, inParts, outParts };
}

/** The planned writes, read back from the output with the package reader. */
function expectPlanned(out: string, input: string): void {
  const opened = openWorkbook(readFileSync(input), input);
  if (!opened.ok) throw new Error(opened.error.message);
  const sheet = opened.value.sheets[0]!.name;
  const grid = gridOf(opened.value, sheet);
  if (!grid.ok) throw new Error(grid.error.message);
  const tables = readScorecard(grid.value);
  if (!tables.ok) throw new Error(tables.error.message);
  const plan = planFormat(tables.value, { mode: 'static', convention: 'performance', palette: 'standard' }, grid.value);
  if (!plan.ok) throw new Error(plan.error.message);
  const written = openWorkbook(readFileSync(out), out);
  if (!written.ok) throw new Error(written.error.message);
  const part = written.value.sheet(sheet);
  for (const w of plan.value.writes) {
    const c = part.cell(w.row, w.col);
    const value = c ? cellInput(written.value, c) : null;
    expect(`${w.row},${w.col} ${value ?? ''}`).toBe(`${w.row},${w.col} ${entered(w)}`);
  }
}

function printsToPdf(out: string): void {
  const pdf = soffice(out, 'pdf', tempDir());
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

import { entered } from '../fixtures/writes';

describe('workbooks from other producers, formatted in place', () => {
  it('a LibreOffice re-save (empty workbookProtection, custom properties) is formatted, not refused', () => {
    const resaved = libreOfficeResave(tempDir());
    const { out, outParts } = formatAndCompare(resaved);
    expect(text(outParts['xl/workbook.xml'])).toMatch(/<workbookProtection\/>|docProps|<workbook/);
    expectPlanned(out, resaved);
    printsToPdf(out);
  }, 400_000);

  it('an openpyxl workbook keeps its defined names, data validation, conditional format, protected sheet, calc settings, note and chart', () => {
    const input = openpyxlWorkbook(tempDir());
    const { out, inParts, outParts } = formatAndCompare(input);
    const sheet = text(outParts['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<dataValidations');
    expect(text(outParts['xl/workbook.xml'])).toContain('iterate="1"');
    // The protected sheet and the chart are untouched parts: byte for byte (checked above), and there.
    expect(Object.keys(inParts).some((n) => n.startsWith('xl/charts/'))).toBe(true);
    expect(text(outParts['xl/worksheets/sheet2.xml'])).toMatch(/<sheetProtection[^>]*password=/);
    // The user's note on A1 is kept beside the add-in's.
    expect(Object.entries(outParts).some(([n, b]) => /^xl\/comments/.test(n) && text(b).includes('Source: the data team'))).toBe(true);
    expectPlanned(out, input);
    printsToPdf(out);
  }, 400_000);

  it('a hand-written minimal package (inline strings, rich text, a shared formula, no shared strings, theme or properties)', () => {
    const dir = tempDir();
    const input = minimalPackage(dir);
    const out = join(dir, 'out.xlsx');
    const result = run(cli, ['format', input, '-o', out]);
    expect([EXIT.ok, EXIT.problems]).toContain(result.code);
    const outParts = unzipSync(new Uint8Array(readFileSync(out)));
    const written = text(outParts['xl/worksheets/sheet1.xml']);
    expect(written).toContain('<f t="shared" ref="A120:C120" si="0">G11*2</f>');
    expect(written).toContain('<r><rPr><b/></rPr>');
    expectPlanned(out, input);
    printsToPdf(out);
  }, 400_000);
});

describe('the shapes Google Sheets and Excel write, and macro-enabled workbooks', () => {
  it('a Google Sheets export (no docProps, empty workbookPr/definedNames/calcPr, a format per cell, a drawing part) is formatted in place', () => {
    const input = googleSheetsExport(tempDir());
    const { out, inParts, outParts } = formatAndCompare(input);
    expect(Object.keys(inParts).some((n) => n.startsWith('docProps/'))).toBe(false);
    expect(Object.keys(outParts).some((n) => n.startsWith('docProps/'))).toBe(false);
    expect(text(outParts['xl/workbook.xml'])).toContain('<workbookPr/>');
    expect(text(outParts['xl/worksheets/sheet1.xml'])).toContain('<drawing r:id="rId1"/>');
    // The cell formats Google wrote are kept as they were; the plan's are appended after them.
    const xfs = (bytes: Uint8Array | undefined): string[] => [...text(bytes).matchAll(/<xf [^]*?(?:\/>|<\/xf>)/g)].map((m) => m[0]);
    const before = xfs(inParts['xl/styles.xml']);
    expect(xfs(outParts['xl/styles.xml']).slice(0, before.length)).toEqual(before);
    expectPlanned(out, input);
    printsToPdf(out);
  }, 400_000);

  it('an Excel save (calcChain, theme, x14ac/xr namespaces, mc:Ignorable, extLst, a data bar) keeps every part it does not own', () => {
    const input = excelSaved(tempDir());
    const { out, outParts } = formatAndCompare(input);
    // calcChain and docProps are untouched parts (compared byte for byte above).
    expect(outParts['xl/calcChain.xml']).toBeDefined();
    const sheet = text(outParts['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('mc:Ignorable="x14ac xr xr2 xr3"');
    expect(sheet).toContain(EXCEL_DATA_BAR);
    expect(sheet).toContain('<f>SUM(G11:G12)</f><v>729</v>');
    expect(text(outParts['xl/workbook.xml'])).toContain('<xcalcf:calcFeatures>');
    expectPlanned(out, input);
    printsToPdf(out);
  }, 400_000);

  it('keeps what the exceljs path lost: sheetCalcPr, sortState, data validation, ignoredErrors, 3,000 extLst entries, defined names, calc settings, default font, named style, palette', () => {
    const input = excelSavedWithSettings(tempDir());
    // formatAndCompare checks every element the plan does not own, byte for byte.
    const { out, inParts, outParts } = formatAndCompare(input);
    const sheet = text(outParts['xl/worksheets/sheet1.xml']);
    for (const kept of ['<sheetCalcPr fullCalcOnLoad="1"/>', '<sortState ref="B5:B71">', '<ignoredErrors>', '<x:kept n="2999"/>']) expect(sheet).toContain(kept);
    expect(sheet.match(/<dataValidation /g)).toHaveLength(1);
    const workbook = text(outParts['xl/workbook.xml']);
    expect(workbook).toContain(`<definedName name="FrontDoor">SUM('Dec-20'!$G$11:$G$12)</definedName>`);
    expect(workbook).toContain('<definedName name="Population">56970</definedName>');
    expect(workbook).toContain('<calcPr calcId="191029" iterate="1" iterateCount="50" fullPrecision="0"/>');
    // Styles: records are only appended, so the default font, the named style and the palette stay.
    const before = topLevel(text(inParts['xl/styles.xml']));
    const after = topLevel(text(outParts['xl/styles.xml']));
    for (const local of ['cellStyleXfs', 'cellStyles', 'colors']) expect(after.get(local)).toEqual(before.get(local));
    const firstFont = (xml: string): string => /<fonts[^>]*>(<font>[^]*?<\/font>)/.exec(xml)![1]!;
    expect(firstFont(text(outParts['xl/styles.xml']))).toBe(firstFont(text(inParts['xl/styles.xml'])));
    expectPlanned(out, input);
    printsToPdf(out);
  }, 400_000);

  it('the tool\'s own output, formatted again, keeps every part it does not own', () => {
    const first = join(tempDir(), 'first.xlsx');
    expect([EXIT.ok, EXIT.problems]).toContain(run(cli, ['format', sample('early-help-2020-12.xlsx'), '-o', first]).code);
    const { out } = formatAndCompare(first);
    expectPlanned(out, first);
  }, 400_000);

  it('an empty workbook (as LibreOffice saves one) says there is no scorecard table, not "protected" (exit 4)', () => {
    const input = emptyWorkbook(tempDir());
    const result = run(cli, ['format', input, '-o', join(tempDir(), 'out.xlsx')]);
    expect(result).toEqual({ code: EXIT.noTable, stdout: '', stderr: `${cliMessages.noTableInWorkbook(input, ['Sheet1'])}\n` });
  });

  it('an .xlsm stays an .xlsm: vbaProject.bin byte for byte, the macro-enabled content type kept', () => {
    const dir = tempDir();
    const input = excelMacroEnabled(dir);
    const { out, outParts } = formatAndCompare(input, 'out.xlsm');
    expect(Buffer.from(outParts['xl/vbaProject.bin']!).equals(Buffer.from(VBA_PROJECT))).toBe(true);
    expect(text(outParts['[Content_Types].xml'])).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(text(outParts['xl/_rels/workbook.xml.rels'])).toContain('Target="vbaProject.bin"');
    expectPlanned(out, input);
    printsToPdf(out);
    // Written under an .xlsx name it would be a file Excel refuses to open: refused, nothing written.
    const wrongName = join(dir, 'out.xlsx');
    const result = run(cli, ['format', input, '-o', wrongName]);
    expect(result).toEqual({ code: EXIT.refused, stdout: '', stderr: `${cliMessages.macroOutput(input, wrongName)}\n` });
    expect(existsSync(wrongName)).toBe(false);
  }, 400_000);
});

describe('what cannot be edited safely is refused: a clear message, its exit code, nothing written, input unchanged', () => {
  const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

  function refuses(input: string, exit: number, message: string, args: string[] = ['format']): void {
    const dir = tempDir();
    const before = hash(input);
    const out = join(dir, input.endsWith('.xlsm') ? 'out.xlsm' : 'out.xlsx');
    const result = run(cli, [...args, input, '-o', out]);
    expect(result).toEqual({ code: exit, stdout: '', stderr: `${message}\n` });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(hash(input)).toBe(before);
  }

  it('Strict Open XML (exit 3)', () => {
    const input = strictOoxml(tempDir());
    refuses(input, EXIT.input, xlsxMessages.strict(input));
  });

  it('a password-protected scorecard sheet Format would have to change (exit 5)', () => {
    const input = protectedScorecardSheet(tempDir());
    refuses(input, EXIT.refused, xlsxMessages.protectedSheet('Dec-20'));
  });

  it('an encrypted workbook (password to open: an OLE compound file with EncryptionInfo) (exit 3)', () => {
    // What Excel writes for "Encrypt with Password": the EncryptionInfo and EncryptedPackage streams.
    const input = compoundFile(join(tempDir(), 'encrypted.xlsx'), ['EncryptionInfo', 'EncryptedPackage']);
    refuses(input, EXIT.input, xlsxMessages.encrypted(input));
  });

  it('an Excel 97-2003 .xls, as LibreOffice saves one, is named as such, not as encrypted (exit 3)', () => {
    const dir = tempDir();
    const xls = soffice(sample('early-help-2020-12.xlsx'), 'xls', dir);
    rmSync(join(dir, 'profile'), { recursive: true, force: true });
    refuses(xls, EXIT.input, xlsxMessages.oldXls(xls));
    // Renamed .xlsx, it is still what it is.
    const renamed = join(dir, 'renamed.xlsx');
    renameSync(xls, renamed);
    refuses(renamed, EXIT.input, xlsxMessages.oldXls(renamed));
  });

  it('a Word 97-2003 document (a compound file with no workbook stream) is not a workbook (exit 3)', () => {
    const input = compoundFile(join(tempDir(), 'note.xlsx'), ['WordDocument', '1Table', '\u0005SummaryInformation']);
    refuses(input, EXIT.input, xlsxMessages.notXlsx(input));
  });

  it('new month in a workbook whose structure is locked (exit 5)', () => {
    const dir = tempDir();
    const p = unzipSync(new Uint8Array(readFileSync(excelSaved(dir))));
    p['xl/workbook.xml'] = strToU8(text(p['xl/workbook.xml']).replace('<bookViews>', '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/><bookViews>'));
    const input = join(dir, 'locked-structure.xlsx');
    writeFileSync(input, zipSync(p));
    refuses(input, EXIT.refused, cliMessages.rollFailed(xlsxMessages.protectedStructure('The workbook')), ['new-month']);
  });
});
