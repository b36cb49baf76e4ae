import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { lossCheck } from '../../src/xlsx/lossCheck';
import { readWorkbook, refuseLoss, writeWorkbook } from '../../src/xlsx/workbook';
import { xlsxMessages } from '../../src/xlsx/messages';

// A 1x1 red PNG, so exceljs has a real picture to place.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));

async function plainWorkbook(withNote = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dec-20');
  ws.getCell('A1').value = 'As at Month End: December 2020';
  ws.getCell('B3').value = 0.843;
  ws.getCell('B3').numFmt = '0.0%';
  if (withNote) ws.getCell('B3').note = 'Checked with the locality team';
  wb.addWorksheet('Notes').state = 'hidden';
  return writeWorkbook(wb);
}

/** Adds (or replaces) parts in an .xlsx, as another program would have written them. */
async function withParts(bytes: Uint8Array, parts: Record<string, string | Uint8Array>, edit?: (name: string, xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  if (edit) {
    for (const name of Object.keys(zip.files)) {
      if (name.endsWith('.xml')) zip.file(name, edit(name, await zip.file(name)!.async('string')));
    }
  }
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const CHART_DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

describe('lossCheck', () => {
  it('finds nothing to lose in a plain workbook with values, formats, notes and a hidden sheet', async () => {
    const report = await lossCheck(await plainWorkbook(true));
    expect(report).not.toBeNull();
    expect(report!.losses).toEqual([]);
  });

  it('names images added with exceljs, which it would rewrite without their alt text or cropping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dec-20');
    ws.getCell('A1').value = 'Council logo below';
    const id = wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, 'C3:E6');
    const report = await lossCheck(await writeWorkbook(wb));
    expect(report!.losses.map((l) => l.what)).toEqual(['images (their alt text, cropping and effects would be rewritten)']);
    expect(report!.losses[0]!.parts).toEqual(['xl/drawings/drawing1.xml']);
  });

  it('names a chart, both by its chart part and by the drawing that anchors it', async () => {
    const bytes = await withParts(await plainWorkbook(), {
      'xl/charts/chart1.xml': '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
      'xl/drawings/drawing1.xml': CHART_DRAWING,
    });
    const report = await lossCheck(bytes);
    expect(report!.losses).toEqual([{ what: 'charts', parts: expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']) }]);
  });

  it.each([
    ['xl/vbaProject.bin', 'macros (VBA project)'],
    ['xl/pivotTables/pivotTable1.xml', 'pivot tables'],
    ['xl/pivotCache/pivotCacheDefinition1.xml', 'pivot table caches'],
    ['xl/slicers/slicer1.xml', 'slicers'],
    ['xl/externalLinks/externalLink1.xml', 'links to other workbooks'],
    ['xl/threadedComments/threadedComment1.xml', 'threaded comments and their replies'],
    ['customXml/item1.xml', 'custom XML parts (Power Query queries or add-in data)'],
    ['xl/webextensions/webextension1.xml', 'Office add-ins attached to the workbook and their saved settings'],
    ['xl/someFuturePart/part1.xml', 'parts the xlsx library does not know'],
  ])('names %s as %s', async (part, what) => {
    const report = await lossCheck(await withParts(await plainWorkbook(), { [part]: '<x/>' }));
    expect(report!.losses).toEqual([{ what, parts: [part] }]);
  });

  it('names sparklines kept in a worksheet extension that exceljs does not read', async () => {
    const sparklines = '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups/></ext></extLst></worksheet>';
    const bytes = await withParts(await plainWorkbook(), {}, (name, xml) => (name === 'xl/worksheets/sheet1.xml' ? xml.replace('</worksheet>', sparklines) : xml));
    const report = await lossCheck(bytes);
    expect(report!.losses).toEqual([{ what: 'sparklines', parts: ['xl/worksheets/sheet1.xml: ext {05C60535-1F16-4fd2-B633-F4F36F0B64E0}'] }]);
  });

  it('names workbook structure protection, which exceljs does not write back', async () => {
    const bytes = await withParts(await plainWorkbook(), {}, (name, xml) =>
      name === 'xl/workbook.xml' ? xml.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>') : xml,
    );
    const report = await lossCheck(bytes);
    expect(report!.losses.map((l) => l.what)).toEqual(['workbook structure protection']);
  });

  it('lists parts Excel rebuilds (calculation chain) as rebuilt, not as a loss', async () => {
    const report = await lossCheck(await withParts(await plainWorkbook(), { 'xl/calcChain.xml': '<calcChain/>' }));
    expect(report!.losses).toEqual([]);
    expect(report!.rebuilt).toEqual(['calculation chain (Excel rebuilds it)']);
  });

  it('returns null for bytes that are not a zip', async () => {
    expect(await lossCheck(new TextEncoder().encode('not a workbook'))).toBeNull();
  });
});

describe('refuseLoss', () => {
  it('refuses with a message naming what would be lost and where', async () => {
    const loaded = await readWorkbook(await withParts(await plainWorkbook(), { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) }), 'pack.xlsm');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const refused = refuseLoss(loaded.value.report, 'pack.xlsm');
    expect(refused).toEqual({ ok: false, error: { code: 'wouldLose', message: xlsxMessages.wouldLose('pack.xlsm', loaded.value.report.losses) } });
    if (!refused.ok) expect(refused.error.message).toContain('macros (VBA project) (xl/vbaProject.bin)');
  });

  it('lets a workbook with nothing to lose through', async () => {
    const loaded = await readWorkbook(await plainWorkbook(true), 'ok.xlsx');
    expect(loaded.ok && refuseLoss(loaded.value.report, 'ok.xlsx').ok).toBe(true);
  });
});
