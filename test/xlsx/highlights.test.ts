import ExcelJS from 'exceljs';
import { planClearHighlights, planHighlights, HIGHLIGHT_FILL, highlightNote } from '../../src/domain/revisions/highlights';
import type { Revision } from '../../src/domain/revisions/types';
import { applyHighlights, readFills, restoreFills } from '../../src/xlsx/highlights';
import { cellFill } from '../helpers/exceljsStyles';
import { readWorkbook, writeWorkbook } from '../helpers/exceljsWorkbook';

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

describe('xlsx highlights', () => {
  it('reads fills and notes without creating cells', async () => {
    const ws = (await sheet()).getWorksheet('Dec-20')!;
    expect(readFills(ws, ['H14', 'I14', 'Z99'])).toEqual([
      { sheet: 'Dec-20', address: 'H14', fill: '#DDEEFF', note: null },
      { sheet: 'Dec-20', address: 'I14', fill: '#DDEEFF', note: 'Checked with the locality team' },
      { sheet: 'Dec-20', address: 'Z99', fill: null, note: null },
    ]);
    expect(ws.findRow(99)).toBeUndefined();
  });

  it('paints the revised cells yellow with the note, keeps a user note, repaints no other cell', async () => {
    const ws = (await sheet()).getWorksheet('Dec-20')!;
    const revisions = [revision('H14', 'Nov-20', '88.5%', '88.9%'), revision('I14', 'Oct-20', 'TBC', '84.3%')];
    const plan = planHighlights(revisions, readFills(ws, ['H14', 'I14']));
    expect(applyHighlights(ws, plan.writes)).toEqual({ highlighted: 2 });
    expect(cellFill(ws.getCell('H14'))).toBe(HIGHLIGHT_FILL);
    expect(ws.getCell('H14').note).toBe(highlightNote(revisions[0]!));
    expect(cellFill(ws.getCell('I14'))).toBe(HIGHLIGHT_FILL);
    expect(ws.getCell('I14').note).toBe('Checked with the locality team');
    // G14 shared H14's style object when loaded: it must keep the user's blue.
    expect(cellFill(ws.getCell('G14'))).toBe('#DDEEFF');
  });

  it('clearing restores the user fills exactly, a user yellow included, and removes only the add-in notes', async () => {
    const wb = await sheet();
    const ws = wb.getWorksheet('Dec-20')!;
    const revisions = [revision('H14', 'Nov-20', '88.5%', '88.9%'), revision('J14', 'Oct-20', '80%', '81%')];
    const plan = planHighlights(revisions, readFills(ws, ['H14', 'J14']));
    applyHighlights(ws, plan.writes);
    const clear = planClearHighlights(plan.records, readFills(ws, ['H14', 'J14']));
    expect(restoreFills(ws, clear.restores, clear.deleteNotes)).toEqual({ restored: 2 });
    const saved = await readWorkbook(await writeWorkbook(wb), 'out.xlsx');
    if (!saved.ok) throw new Error(saved.error.message);
    const back = saved.value.workbook.getWorksheet('Dec-20')!;
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
    const plan = planHighlights([revision('B2', 'Nov-20', '4', '5')], readFills(ws, ['B2']));
    applyHighlights(ws, plan.writes);
    const clear = planClearHighlights(plan.records, readFills(ws, ['B2']));
    restoreFills(ws, clear.restores, clear.deleteNotes);
    expect(cellFill(ws.getCell('B2'))).toBeNull();
    expect(ws.getCell('B2').style.fill).toBeUndefined();
  });
});
