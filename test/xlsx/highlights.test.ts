import ExcelJS from 'exceljs';
import { planClearHighlights, planHighlights, HIGHLIGHT_FILL, highlightNote } from '../../src/domain/revisions/highlights';
import type { Revision } from '../../src/domain/revisions/types';
import { applyHighlights, readFills, recordSheetValues, restoreFills, writeRecordSheet } from '../../src/xlsx/highlights';
import { HIGHLIGHT_TABLE, highlightsToRows, parseHighlightRows } from '../../src/domain/revisions/highlightRows';
import { cellFill } from '../helpers/exceljsStyles';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';
import { viaPackage } from '../helpers/viaPackage';
import { XlsxWorkbook } from '../../src/xlsx/package/workbook';

function revision(address: string, month: string, published: string, current: string): Revision {
  return {
    id: `2.2|${month}`, key: '2.2', ref: '2.2', indicator: 'Initial contacts within 3 days', month, sheetName: 'Dec-20',
    row: 0, col: 0, address: `'Dec-20'!${address}`,
    published: { display: published, value: null }, current: { display: current, value: null }, change: `${published} → ${current}`,
  };
}

/** A sheet whose cells share style objects, as they do after loading a real file. */
async function sheet(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dec-20');
  for (const address of ['G14', 'H14', 'I14', 'J14']) {
    ws.getCell(address).value = 0.85;
    ws.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEEFF' } };
  }
  ws.getCell('I14').note = 'Checked with the locality team';
  ws.getCell('J14').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  const loaded = await readWorkbook(await writeWorkbook(wb), 'sheet.xlsx');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.workbook;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return writeWorkbook(wb);
}

describe('xlsx highlights', () => {
  it('reads fills and notes without creating cells', async () => {
    const x = XlsxWorkbook.open(await bytesOf(await sheet()));
    expect(readFills(x, 'Dec-20', ['H14', 'I14', 'Z99'])).toEqual([
      { sheet: 'Dec-20', address: 'H14', fill: '#DDEEFF', note: null },
      { sheet: 'Dec-20', address: 'I14', fill: '#DDEEFF', note: 'Checked with the locality team' },
      { sheet: 'Dec-20', address: 'Z99', fill: null, note: null },
    ]);
    expect(x.sheet('Dec-20').changed).toBe(false);
  });

  it('paints the revised cells yellow with the note, keeps a user note, repaints no other cell', async () => {
    const revisions = [revision('H14', 'Nov-20', '88.5%', '88.9%'), revision('I14', 'Oct-20', 'TBC', '84.3%')];
    const { result, saved } = await viaPackage(await sheet(), (x) => applyHighlights(x, 'Dec-20', planHighlights(revisions, readFills(x, 'Dec-20', ['H14', 'I14'])).writes));
    expect(result).toEqual({ highlighted: 2 });
    const ws = saved.getWorksheet('Dec-20')!;
    expect(cellFill(ws.getCell('H14'))).toBe(HIGHLIGHT_FILL);
    expect(ws.getCell('H14').note).toBe(highlightNote(revisions[0]!));
    expect(cellFill(ws.getCell('I14'))).toBe(HIGHLIGHT_FILL);
    expect(ws.getCell('I14').note).toBe('Checked with the locality team');
    // G14 shared H14's cell format: it must keep the user's blue.
    expect(cellFill(ws.getCell('G14'))).toBe('#DDEEFF');
  });

  it('clearing restores the user fills exactly, a user yellow included, and removes only the add-in notes', async () => {
    const revisions = [revision('H14', 'Nov-20', '88.5%', '88.9%'), revision('J14', 'Oct-20', '80%', '81%')];
    const first = await viaPackage(await sheet(), (x) => {
      const plan = planHighlights(revisions, readFills(x, 'Dec-20', ['H14', 'J14']));
      applyHighlights(x, 'Dec-20', plan.writes);
      return plan;
    });
    const { result, saved } = await viaPackage(first.bytes, (x) => {
      const clear = planClearHighlights(first.result.records, readFills(x, 'Dec-20', ['H14', 'J14']));
      return restoreFills(x, 'Dec-20', clear.restores, clear.deleteNotes);
    });
    expect(result).toEqual({ restored: 2 });
    const back = saved.getWorksheet('Dec-20')!;
    expect(cellFill(back.getCell('H14'))).toBe('#DDEEFF');
    expect(cellFill(back.getCell('J14'))).toBe('#FFFF00');
    expect(back.getCell('H14').note).toBeUndefined();
    expect(back.getCell('J14').note).toBeUndefined();
    expect(back.getCell('I14').note).toBe('Checked with the locality team');
  });

  it('removes a fill entirely when the user had none', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dec-20');
    ws.getCell('B2').value = 5;
    const first = await viaPackage(wb, (x) => {
      const plan = planHighlights([revision('B2', 'Nov-20', '4', '5')], readFills(x, 'Dec-20', ['B2']));
      applyHighlights(x, 'Dec-20', plan.writes);
      return plan;
    });
    const { saved } = await viaPackage(first.bytes, (x) => {
      const clear = planClearHighlights(first.result.records, readFills(x, 'Dec-20', ['B2']));
      restoreFills(x, 'Dec-20', clear.restores, clear.deleteNotes);
    });
    expect(cellFill(saved.getWorksheet('Dec-20')!.getCell('B2'))).toBeNull();
  });

  it('reads and rewrites the record sheet under any case of its name, never adding a second one', async () => {
    const wb = await sheet();
    const ws = wb.addWorksheet(HIGHLIGHT_TABLE.sheetName.toLowerCase(), { state: 'hidden' });
    const rows = highlightsToRows([{ sheet: 'Dec-20', address: 'H14', previousFill: '#DDEEFF', highlightFill: HIGHLIGHT_FILL, note: null, revisionId: '2.2|Nov-20' }]);
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v === '' ? null : v)));
    const { result, saved } = await viaPackage(wb, (x) => {
      const before = recordSheetValues(x, HIGHLIGHT_TABLE.sheetName);
      writeRecordSheet(x, HIGHLIGHT_TABLE.sheetName, highlightsToRows([]));
      return { before, none: recordSheetValues(x, 'PERF Reviews') };
    });
    expect(result.none).toEqual({ ok: true, value: null });
    expect(result.before.ok && parseHighlightRows(result.before.value ?? [])).toEqual(parseHighlightRows(rows));
    expect(saved.worksheets.map((w) => w.name)).toEqual(['Dec-20', HIGHLIGHT_TABLE.sheetName.toLowerCase()]);
    expect(saved.getWorksheet(HIGHLIGHT_TABLE.sheetName.toLowerCase())!.getCell('C2').value).toBeNull();
  });
});
