import ExcelJS from 'exceljs';
import { findScorecard } from '../../src/cli/load';
import { cliMessages, EXIT } from '../../src/cli/messages';
import { openWorkbook } from '../../src/xlsx/read';
import { seedGrid } from '../fixtures/seedGrids';
import { writeGrid } from '../helpers/fromGrid';

async function workbook() {
  const wb = new ExcelJS.Workbook();
  writeGrid(wb.addWorksheet('Dec-20'), seedGrid('earlyHelp'));
  const opened = openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), 'in.xlsx');
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('--sheet', () => {
  // Excel compares sheet names without regard to case (src/domain/sheet/grid.ts, sameSheetName).
  it.each(['Dec-20', 'dec-20', 'DEC-20'])('finds the sheet named %s as Excel would', async (name) => {
    const found = findScorecard(await workbook(), 'in.xlsx', 'performance', name);
    expect(found.ok && found.value.sheetName).toBe('Dec-20');
  });

  it('names the sheets there are when none matches', async () => {
    const found = findScorecard(await workbook(), 'in.xlsx', 'performance', 'Dec-2O');
    expect(found).toEqual({ ok: false, error: { exit: EXIT.noTable, message: cliMessages.noSuchSheet('Dec-2O', 'in.xlsx', ['Dec-20']) } });
  });
});
