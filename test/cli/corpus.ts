/**
 * The corpus of issue 10: workbooks from several producers, built from the sample data, on
 * which the CLI is tried (test/cli/producers.test.ts formats each and compares it part by
 * part). `npx tsx scripts/corpus.ts <folder>` writes them all into a folder to try by hand.
 *
 * - a LibreOffice re-save (`soffice --headless --convert-to xlsx`): empty `<workbookProtection/>`, docProps/custom.xml;
 * - an openpyxl workbook (python3-openpyxl) with defined names (a formula and a constant), a
 *   data validation, a user conditional format, a note, a second sheet protected with a
 *   password and holding a chart, iterative calculation and precision as displayed;
 * - a hand-written minimal package: inline strings, rich text, a shared formula, no shared
 *   strings, theme or properties;
 * - a far used range (a formatted cell at XFD1048576);
 * - the Google Sheets, Excel, .xlsm and Excel-with-settings shapes of test/cli/producerShapes.ts.
 *
 * No jest globals here, so the script can import it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { excelMacroEnabled, excelSaved, excelSavedWithSettings, googleSheetsExport, samplePath } from './producerShapes';

const PYTHON = '/usr/bin/python3';

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes ?? new Uint8Array());

/** Converts `file` with LibreOffice (headless, its own profile in `outDir`); the converted file's path. */
export function soffice(file: string, to: string, outDir: string): string {
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

/** The early-help sample as LibreOffice saves it. */
export function libreOfficeResave(dir: string): string {
  const converted = soffice(samplePath('early-help-2020-12.xlsx'), 'xlsx:Calc MS Excel 2007 XML', dir);
  const out = join(dir, 'libreoffice-resave.xlsx');
  renameSync(converted, out);
  rmSync(join(dir, 'profile'), { recursive: true, force: true });
  return out;
}

const OPENPYXL = `
import sys, openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.comments import Comment
from openpyxl.chart import BarChart, Reference
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
names = [DefinedName('Population', attr_text='56970'), DefinedName('FrontDoor', attr_text="SUM('Dec-20'!$G$11:$G$12)")]
for n in names:
    try:
        wb.defined_names[n.name] = n
    except (TypeError, AttributeError):
        wb.defined_names.append(n)
dv = DataValidation(type='list', formula1='"Yes,No"', allow_blank=True)
ws.add_data_validation(dv)
dv.add('AB5:AB9')
ws.conditional_formatting.add('G11:G20', CellIsRule(operator='greaterThan', formula=['1000'], fill=PatternFill('solid', fgColor='FFC7CE')))
ws['A1'].comment = Comment('Source: the data team', 'Analyst')
other = wb.create_sheet('Population')
other['A1'] = 'Population 0-17'
other['B1'] = 56970
other['B2'] = 1200
other['B3'] = 1300
other.protection.sheet = True
other.protection.password = 'secret'
chart = BarChart()
chart.add_data(Reference(other, min_col=2, min_row=1, max_row=3))
other.add_chart(chart, 'D3')
wb.calculation.iterate = True
wb.calculation.fullPrecision = False
wb.save(sys.argv[2])
`;

/** The early-help sample re-saved by openpyxl with the features the old exceljs path lost. */
export function openpyxlWorkbook(dir: string): string {
  const out = join(dir, 'openpyxl.xlsx');
  const py = spawnSync(PYTHON, ['-c', OPENPYXL, samplePath('early-help-2020-12.xlsx'), out], { encoding: 'utf8', timeout: 120_000 });
  if (py.status !== 0) throw new Error(`python3 failed (${py.status}): ${py.stderr}`);
  return out;
}

/** The sample's scorecard in the fewest parts a package may have. */
export function minimalPackage(dir: string): string {
  const p = unzipSync(new Uint8Array(readFileSync(samplePath('early-help-2020-12.xlsx'))));
  // The sample's sheet, its shared strings turned into inline strings, one rich-text
  // title and a shared formula; only the parts a package must have.
  const sst = [...text(p['xl/sharedStrings.xml']).matchAll(/<si>([^]*?)<\/si>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  let sheet = text(p['xl/worksheets/sheet1.xml']).replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, r: string, a: string, b: string, i: string) => `<c r="${r}"${a} t="inlineStr"${b}><is><t>${sst[Number(i)]}</t></is></c>`);
  sheet = sheet.replace(/<c r="A1"([^>]*) t="inlineStr"([^>]*)><is><t>([^<]*)<\/t><\/is><\/c>/, (_m, a: string, b: string, t: string) => `<c r="A1"${a} t="inlineStr"${b}><is><r><rPr><b/></rPr><t xml:space="preserve">${t.slice(0, 5)}</t></r><r><t>${t.slice(5)}</t></r></is></c>`);
  sheet = sheet.replace('</sheetData>', '<row r="120"><c r="A120"><f t="shared" ref="A120:C120" si="0">G11*2</f><v>0</v></c><c r="B120"><f t="shared" si="0"/><v>0</v></c><c r="C120"><f t="shared" si="0"/><v>0</v></c></row></sheetData>');
  const input = join(dir, 'minimal.xlsx');
  writeFileSync(
    input,
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
      '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dec-20" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
      'xl/styles.xml': p['xl/styles.xml']!,
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    }),
  );
  return input;
}

/** The sample with one formatted cell at XFD1048576 (the used range says 16,384 x 1,048,576). */
export function farRange(dir: string): string {
  const p = unzipSync(new Uint8Array(readFileSync(samplePath('early-help-2020-12.xlsx'))));
  p['xl/worksheets/sheet1.xml'] = strToU8(text(p['xl/worksheets/sheet1.xml']).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>'));
  const out = join(dir, 'far-range.xlsx');
  writeFileSync(out, zipSync(p));
  return out;
}

/** Every corpus workbook, written into `dir`, by producer. */
export function buildCorpus(dir: string): Array<{ producer: string; path: string }> {
  return [
    { producer: 'LibreOffice re-save', path: libreOfficeResave(dir) },
    { producer: 'openpyxl', path: openpyxlWorkbook(dir) },
    { producer: 'hand-written minimal package', path: minimalPackage(dir) },
    { producer: 'far used range', path: farRange(dir) },
    { producer: 'Google Sheets export shape', path: googleSheetsExport(dir) },
    { producer: 'Excel save shape', path: excelSaved(dir) },
    { producer: 'Excel save with settings', path: excelSavedWithSettings(dir) },
    { producer: 'Excel macro-enabled (.xlsm)', path: excelMacroEnabled(dir) },
  ];
}
