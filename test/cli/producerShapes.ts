/**
 * Hand-written packages in the shapes other producers write, built from the early-help
 * sample's cells (its shared strings, number formats and sheet data), so the scorecard on
 * them is the sample's while every part around it is as that producer writes it:
 *
 * - Google Sheets' .xlsx export: no docProps at all, a theme named "Sheets", the Mac Excel
 *   (`mx`, `mv`), `x14`/`x15`/`x14ac`/`xm` namespaces declared on every part without
 *   `mc:Ignorable`, an empty `<workbookPr/>`, `<definedNames/>` and `<calcPr/>`, sheets
 *   `state="visible"` from `rId4` (theme, styles, shared strings first), every cell with its
 *   own `s`, each cell format written out in full (Arial 10.0, an `<alignment>` on every
 *   `xf`), `outlinePr summaryBelow="0"`, `defaultColWidth="12.63"` and a `<drawing>` part on
 *   every sheet, even an empty one;
 * - Excel's own save: docProps/app.xml and core.xml, a calcChain for its formulas, a theme,
 *   `mc:Ignorable="x14ac xr xr2 xr3"` with `xr:uid`s, `x14ac:dyDescent` on rows, a workbook
 *   `extLst` (x15 workbookPr, calcFeatures) and `mc:AlternateContent`, and a sheet `extLst`
 *   holding an x14 data bar tied to a main-part rule;
 * - an .xlsm: Excel's parts plus `xl/vbaProject.bin` with the macro-enabled content type;
 * - Strict Open XML (ISO/IEC 29500 Strict namespaces), and a sheet protected with a
 *   password, which the tool must refuse.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';

type Parts = Record<string, Uint8Array>;

/** A sample workbook's path (no jest globals, so scripts/corpus.ts can use this module). */
export function samplePath(name: string): string {
  const path = join(__dirname, '..', '..', 'samples', name);
  if (!existsSync(path)) throw new Error(`sample ${name} is missing: run npx tsx scripts/build-samples.ts`);
  return path;
}
const sample = samplePath;

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes ?? new Uint8Array());
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  vba: 'application/vnd.ms-office.vbaProject',
};
/** The namespaces Google Sheets declares on its workbook, sheets and styles. */
const GOOGLE_NS =
  'xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"';

function sampleParts(): Parts {
  return unzipSync(new Uint8Array(readFileSync(sample('early-help-2020-12.xlsx'))));
}

function types(defaults: Array<[string, string]>, overrides: Array<[string, string]>): Uint8Array {
  return strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join('')}${overrides
      .map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`)
      .join('')}</Types>`,
  );
}

function rels(list: Array<[id: string, type: string, target: string]>): Uint8Array {
  return strToU8(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`,
  );
}

/** The sample sheet's `<sheetData>` and `<mergeCells>`. */
function sheetBody(p: Parts): { data: string; merges: string } {
  const sheet = text(p['xl/worksheets/sheet1.xml']);
  const data = sheet.slice(sheet.indexOf('<sheetData>'), sheet.indexOf('</sheetData>') + '</sheetData>'.length);
  const m = /<mergeCells[^]*?<\/mergeCells>/.exec(sheet);
  return { data, merges: m ? m[0] : '' };
}

/** The sample's cell formats' number formats, in order (`numFmtId` of each `xf`). */
function cellFormats(p: Parts): { numFmts: string; ids: string[] } {
  const styles = text(p['xl/styles.xml']);
  const numFmts = /<numFmts[^]*?<\/numFmts>/.exec(styles)?.[0] ?? '';
  const cellXfs = /<cellXfs[^>]*>([^]*?)<\/cellXfs>/.exec(styles)![1]!;
  const ids = [...cellXfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]!);
  return { numFmts, ids };
}

/** A package as Google Sheets' "Download > Microsoft Excel (.xlsx)" writes it. */
export function googleSheetsExport(dir: string): string {
  const p = sampleParts();
  const { data, merges } = sheetBody(p);
  const { numFmts, ids } = cellFormats(p);
  // Google writes every cell with an `s`, no `spans` and no dyDescent on rows.
  const cells = data
    .replace(/<row r="(\d+)"[^>]*>/g, '<row r="$1">')
    .replace(/<c r="([A-Z]+\d+)"((?: t="\w+")?)(\/?)>/g, '<c r="$1" s="0"$2$3>');
  const xfs = ids
    .map((id) => `<xf borderId="0" fillId="0" fontId="0" numFmtId="${id}" xfId="0" applyAlignment="1" applyFont="1"${id === '0' ? '' : ' applyNumberFormat="1"'}><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf>`)
    .join('');
  const styles = `${XML}<styleSheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">${numFmts}<fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><b/><sz val="10.0"/><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs><cellXfs count="${ids.length}">${xfs}</cellXfs><cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;
  const sheet = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}" ${GOOGLE_NS}><sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/><cols><col customWidth="1" min="1" max="1" width="18.0"/><col customWidth="1" min="3" max="3" width="48.0"/></cols>${cells}${merges}<drawing r:id="rId1"/></worksheet>`;
  const theme = text(p['xl/theme/theme1.xml']).replace(/<a:theme ([^>]*)name="[^"]*"/, '<a:theme $1name="Sheets"');
  const parts: Parts = {
    '[Content_Types].xml': types(
      [
        ['xml', 'application/xml'],
        ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
      ],
      [
        ['/xl/workbook.xml', CT.workbook],
        ['/xl/styles.xml', CT.styles],
        ['/xl/sharedStrings.xml', CT.sst],
        ['/xl/theme/theme1.xml', CT.theme],
        ['/xl/worksheets/sheet1.xml', CT.sheet],
        ['/xl/drawings/drawing1.xml', CT.drawing],
      ],
    ),
    '_rels/.rels': rels([['rId1', `${REL}/officeDocument`, 'xl/workbook.xml']]),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}" ${GOOGLE_NS}><workbookPr/><sheets><sheet state="visible" name="Dec-20" sheetId="1" r:id="rId4"/></sheets><definedNames/><calcPr/></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', `${REL}/theme`, 'theme/theme1.xml'],
      ['rId2', `${REL}/styles`, 'styles.xml'],
      ['rId3', `${REL}/sharedStrings`, 'sharedStrings.xml'],
      ['rId4', `${REL}/worksheet`, 'worksheets/sheet1.xml'],
    ]),
    'xl/theme/theme1.xml': strToU8(theme),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': p['xl/sharedStrings.xml']!,
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    'xl/worksheets/_rels/sheet1.xml.rels': rels([['rId1', `${REL}/drawing`, '../drawings/drawing1.xml']]),
    'xl/drawings/drawing1.xml': strToU8(
      `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:x3Unk="http://schemas.microsoft.com/office/drawing/2010/slicer" xmlns:sle15="http://schemas.microsoft.com/office/drawing/2012/slicer"/>`,
    ),
  };
  const out = join(dir, 'google-sheets.xlsx');
  writeFileSync(out, zipSync(parts));
  return out;
}

const EXCEL_SHEET_NS =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"';

/** The user's data bar: a main-part rule tied by id to its x14 definition in the sheet's extLst. */
const DATA_BAR_ID = '{6A1B2C3D-0000-4000-8000-00000000D0BA}';
export const EXCEL_DATA_BAR = `<conditionalFormatting sqref="G11:G20"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${DATA_BAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
const EXCEL_SHEET_EXT = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${DATA_BAR_ID}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>G11:G20</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;

/** Excel's parts around the sample: what "Save" in Excel 365 writes. */
function excelParts(macro: boolean): Parts {
  const p = sampleParts();
  const { data, merges } = sheetBody(p);
  // A formula Excel computed (and listed in its calcChain), away from the table.
  const cells = data.replace('</sheetData>', '<row r="120" spans="1:1" x14ac:dyDescent="0.25"><c r="A120"><f>SUM(G11:G12)</f><v>729</v></c></row></sheetData>');
  const sheet = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}" ${EXCEL_SHEET_NS} xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:Y120"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="18" customWidth="1"/><col min="3" max="3" width="48" customWidth="1"/></cols>${cells}${merges}${EXCEL_DATA_BAR}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${EXCEL_SHEET_EXT}</worksheet>`;
  const styles = text(p['xl/styles.xml']).replace('mc:Ignorable="x14ac x16r2"', 'mc:Ignorable="x14ac x16r2 xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"');
  const workbook = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr${macro ? ' codeName="ThisWorkbook"' : ''} defaultThemeVersion="202300"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\analyst\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{2C7F1D7E-7A2B-4C5A-9E0B-6C1D2E3F4A5B}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews><sheets><sheet name="Dec-20" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/><xcalcf:feature name="microsoft.com:Single"/><xcalcf:feature name="microsoft.com:FV"/><xcalcf:feature name="microsoft.com:CNMTM"/><xcalcf:feature name="microsoft.com:LET_WF"/><xcalcf:feature name="microsoft.com:LAMBDA_WF"/><xcalcf:feature name="microsoft.com:ARRAYTEXT_WF"/></xcalcf:calcFeatures></ext></extLst></workbook>`;
  const parts: Parts = {
    '[Content_Types].xml': types(
      [
        ...(macro ? ([['bin', CT.vba]] as Array<[string, string]>) : []),
        ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
        ['xml', 'application/xml'],
      ],
      [
        ['/xl/workbook.xml', macro ? CT.macroWorkbook : CT.workbook],
        ['/xl/worksheets/sheet1.xml', CT.sheet],
        ['/xl/theme/theme1.xml', CT.theme],
        ['/xl/styles.xml', CT.styles],
        ['/xl/sharedStrings.xml', CT.sst],
        ['/xl/calcChain.xml', CT.calcChain],
        ['/docProps/core.xml', CT.core],
        ['/docProps/app.xml', CT.app],
      ],
    ),
    '_rels/.rels': rels([
      ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId1', `${REL}/officeDocument`, 'xl/workbook.xml'],
    ]),
    'docProps/app.xml': strToU8(
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Dec-20</vt:lpstr></vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
    ),
    'docProps/core.xml': strToU8(
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Analyst</dc:creator><cp:lastModifiedBy>Analyst</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2020-12-01T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2020-12-08T16:30:00Z</dcterms:modified></cp:coreProperties>`,
    ),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': rels([
      ['rId3', `${REL}/styles`, 'styles.xml'],
      ['rId2', `${REL}/theme`, 'theme/theme1.xml'],
      ['rId1', `${REL}/worksheet`, 'worksheets/sheet1.xml'],
      ['rId5', `${REL}/calcChain`, 'calcChain.xml'],
      ['rId4', `${REL}/sharedStrings`, 'sharedStrings.xml'],
      ...(macro ? ([['rId6', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']] as Array<[string, string, string]>) : []),
    ]),
    'xl/theme/theme1.xml': p['xl/theme/theme1.xml']!,
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': p['xl/sharedStrings.xml']!,
    'xl/calcChain.xml': strToU8(`${XML}<calcChain xmlns="${MAIN}"><c r="A120" i="1"/></calcChain>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  if (macro) parts['xl/vbaProject.bin'] = VBA_PROJECT;
  return parts;
}

/**
 * A minimal OLE compound file (MS-CFB): the header, then directory entries holding the
 * given streams' names (UTF-16LE), as Excel, Word and PowerPoint 97-2003 write them.
 */
export function compoundFile(path: string, streams: string[]): string {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.concat(['Root Entry', ...streams].map((n) => {
    const entry = Buffer.alloc(128);
    Buffer.from(n, 'utf16le').copy(entry);
    entry.writeUInt16LE((n.length + 1) * 2, 64);
    // Object type (MS-CFB 2.6.1): 5 the root storage, 2 a stream.
    entry[66] = n === 'Root Entry' ? 5 : 2;
    return entry;
  }));
  writeFileSync(path, Buffer.concat([header, directory, Buffer.alloc(4096 - directory.length)]));
  return path;
}

/**
 * Stand-in for a compiled VBA project: a compound-file header then bytes of every value,
 * so any re-encoding or text handling of the part would show.
 */
export const VBA_PROJECT: Uint8Array = (() => {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 7 + 13) % 256;
  return bytes;
})();

/** A workbook as Excel saves it (.xlsx). */
export function excelSaved(dir: string): string {
  const out = join(dir, 'excel-saved.xlsx');
  writeFileSync(out, zipSync(excelParts(false)));
  return out;
}

/** A macro-enabled workbook as Excel saves it (.xlsm). */
export function excelMacroEnabled(dir: string): string {
  const out = join(dir, 'excel-macros.xlsm');
  writeFileSync(out, zipSync(excelParts(true)));
  return out;
}

/** The Excel-saved package with every transitional namespace replaced by its Strict one. */
export function strictOoxml(dir: string): string {
  const parts = excelParts(false);
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    parts[name] = strToU8(
      text(bytes)
        .replaceAll('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main')
        .replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships')
        .replace('<workbook xmlns=', '<workbook conformance="strict" xmlns='),
    );
  }
  const out = join(dir, 'strict.xlsx');
  writeFileSync(out, zipSync(parts));
  return out;
}

/** The Excel-saved package whose scorecard sheet is protected with a password (Review > Protect Sheet). */
export function protectedScorecardSheet(dir: string): string {
  const parts = excelParts(false);
  const sheet = text(parts['xl/worksheets/sheet1.xml']).replace(
    '</sheetData>',
    '</sheetData><sheetProtection algorithmName="SHA-512" hashValue="9mO0mz2b1Jx0WwYyHk3I5b6Q0yOZ6Yt4o8y2eJcQwQhJ0p1lW6g0qk2k4o5yF3bqz3mC3n6xG6pKJ9Xz1nH0Q==" saltValue="Q2hhbmdlZCBzYWx0IQ==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>',
  );
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheet);
  const out = join(dir, 'protected.xlsx');
  writeFileSync(out, zipSync(parts));
  return out;
}

/**
 * The Excel-saved package with what the old exceljs path lost: a sheet calculation setting,
 * a sort state, a data validation, ignored errors and an extLst of thousands of entries; a
 * defined name holding a constant and one holding a formula, iterative calculation and
 * precision as displayed; a default font, a named cell style and a custom palette.
 */
export function excelSavedWithSettings(dir: string): string {
  const parts = excelParts(false);
  const exts = Array.from({ length: 3000 }, (_, i) => `<ext uri="{00000000-0000-4000-8000-${String(i).padStart(12, '0')}}" xmlns:x="urn:example:unknown"><x:kept n="${i}"/></ext>`).join('');
  const sheet = text(parts['xl/worksheets/sheet1.xml'])
    .replace('</sheetData>', '</sheetData><sheetCalcPr fullCalcOnLoad="1"/><sortState ref="B5:B71"><sortCondition ref="B5:B71"/></sortState>')
    .replace('<pageMargins', '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="AB5:AB9"><formula1>"Yes,No"</formula1></dataValidation></dataValidations><pageMargins')
    .replace(/(<pageMargins [^>]*\/>)/, '$1<ignoredErrors><ignoredError sqref="B5:B71" numberStoredAsText="1"/></ignoredErrors>')
    .replace('</ext></extLst></worksheet>', `</ext>${exts}</extLst></worksheet>`);
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheet);
  parts['xl/workbook.xml'] = strToU8(
    text(parts['xl/workbook.xml'])
      .replace('</sheets>', `</sheets><definedNames><definedName name="FrontDoor">SUM('Dec-20'!$G$11:$G$12)</definedName><definedName name="Population">56970</definedName></definedNames>`)
      .replace('<calcPr calcId="191029"/>', '<calcPr calcId="191029" iterate="1" iterateCount="50" fullPrecision="0"/>'),
  );
  const palette = Array.from({ length: 64 }, (_, i) => `<rgbColor rgb="FF${(i * 0x030507).toString(16).padStart(6, '0').slice(-6).toUpperCase()}"/>`).join('');
  parts['xl/styles.xml'] = strToU8(
    text(parts['xl/styles.xml'])
      .replace(/<fonts count="1"([^>]*)><font>[^]*?<\/font><\/fonts>/, '<fonts count="1"$1><font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/></font></fonts>')
      .replace(/<cellStyleXfs count="1">(<xf [^>]*\/>)<\/cellStyleXfs>/, '<cellStyleXfs count="2">$1<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment wrapText="1"/></xf></cellStyleXfs>')
      .replace(/<cellStyles count="1">(<cellStyle [^>]*\/>)<\/cellStyles>/, '<cellStyles count="2">$1<cellStyle name="Scorecard header" xfId="1"/></cellStyles>')
      .replace('<extLst>', `<colors><indexedColors>${palette}</indexedColors></colors><extLst>`),
  );
  const out = join(dir, 'excel-settings.xlsx');
  writeFileSync(out, zipSync(parts));
  return out;
}

/** An empty workbook as LibreOffice saves one: a blank sheet and an empty `<workbookProtection/>`. */
export function emptyWorkbook(dir: string): string {
  const parts: Parts = {
    '[Content_Types].xml': types(
      [
        ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
        ['xml', 'application/xml'],
      ],
      [
        ['/xl/workbook.xml', CT.workbook],
        ['/xl/worksheets/sheet1.xml', CT.sheet],
      ],
    ),
    '_rels/.rels': rels([['rId1', `${REL}/officeDocument`, 'xl/workbook.xml']]),
    'xl/workbook.xml': strToU8(`${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/><workbookProtection/><sheets><sheet name="Sheet1" sheetId="1" state="visible" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': rels([['rId1', `${REL}/worksheet`, 'worksheets/sheet1.xml']]),
    'xl/worksheets/sheet1.xml': strToU8(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData/></worksheet>`),
  };
  const out = join(dir, 'empty.xlsx');
  writeFileSync(out, zipSync(parts));
  return out;
}
