import ExcelJS from 'exceljs';
import { seedGrid, syntheticGrid } from '../fixtures/seedGrids';
import { readGrids } from '../../src/xlsx/read';
import { gridFromWorksheet } from '../helpers/exceljsGrid';
import { columnIndex } from '../../src/xlsx/package/refs';
import { writeGrid } from '../helpers/fromGrid';
import { writeWorkbook } from '../helpers/exceljsWorkbook';
import { xlsxMessages } from '../../src/xlsx/messages';
import { formatValue } from '../../src/xlsx/numberFormat';
import type { Grid } from '../../src/domain/sheet/grid';

async function roundTrip(grid: Grid): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  writeGrid(wb.addWorksheet(grid.sheetName), grid);
  const bytes = await writeWorkbook(wb);
  const grids = await readGrids(bytes, 'round-trip.xlsx');
  if (!grids.ok) throw new Error(grids.error.message);
  return grids.value[0]!;
}

/** The used range of a fixture grid: Excel's used range starts at the first non-blank cell. */
function nonBlankBox(grid: Grid): { top: number; left: number; bottom: number; right: number } {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  grid.values.forEach((row, i) => row.forEach((v, j) => {
    if (v === null || v === undefined || v === '') return;
    top = Math.min(top, grid.top + i); bottom = Math.max(bottom, grid.top + i);
    left = Math.min(left, grid.left + j); right = Math.max(right, grid.left + j);
  }));
  return { top, left, bottom, right };
}

describe.each(['earlyHelp', 'corporateParenting'] as const)('xlsx round trip of the %s seed grid', (report) => {
  const original = seedGrid(report);
  let read: Grid;
  beforeAll(async () => {
    read = await roundTrip(original);
  });

  it('reads back the sheet name and the used range', () => {
    const box = nonBlankBox(original);
    expect(read.sheetName).toBe(original.sheetName);
    expect(read.top).toBe(box.top);
    expect(read.left).toBe(box.left);
    expect(read.values.length).toBe(box.bottom - box.top + 1);
    expect(read.values[0]!.length).toBe(box.right - box.left + 1);
  });

  it('reads every value as Excel holds it (dates as serials, percentages as fractions)', () => {
    let compared = 0;
    original.values.forEach((row, i) => row.forEach((v, j) => {
      const got = read.values[original.top + i - read.top]?.[original.left + j - read.left] ?? null;
      if (v === null || v === '') {
        expect(got).toBeNull();
      } else if (typeof v === 'number') {
        expect(typeof got).toBe('number');
        expect(got as number).toBeCloseTo(v, 12);
        compared++;
      } else {
        expect(got).toBe(v);
      }
    }));
    expect(compared).toBeGreaterThan(100);
  });

  it('renders the text Excel displays for every cell (84.3%, Oct-20, 6.10)', () => {
    original.text.forEach((row, i) => row.forEach((t, j) => {
      const r = original.top + i - read.top;
      const c = original.left + j - read.left;
      if (r < 0 || c < 0 || r >= read.values.length || c >= read.values[0]!.length) return;
      expect(`${i},${j}: ${read.text[r]![c]}`).toBe(`${i},${j}: ${t}`);
    }));
  });

  it('keeps the number formats and the merged header cells', () => {
    original.numberFormats.forEach((row, i) => row.forEach((f, j) => {
      if (original.values[i]![j] === null) return;
      expect(read.numberFormats[original.top + i - read.top]![original.left + j - read.left]).toBe(f);
    }));
    expect(read.merges).toEqual(expect.arrayContaining(original.merges ?? []));
    expect(read.merges!.length).toBe(original.merges!.length);
  });
});

describe('gridFromWorksheet', () => {
  it('reads a formula as its cached result and a merged cell other than the first as blank', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B2').value = { formula: 'A1*2', result: 0.5 } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').numFmt = '0.0%';
    ws.getCell('C2').value = 'Banner';
    ws.mergeCells('C2:E2');
    const grid = gridFromWorksheet(ws);
    expect(grid.values).toEqual([[0.5, 'Banner', null, null]]);
    expect(grid.text).toEqual([['50.0%', 'Banner', '', '']]);
    expect(grid.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 4 }]);
  });

  it('reads rich text as its plain text and a date as its serial', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: 'Good ' }, { text: 'perf', font: { bold: true } }] };
    ws.getCell('B1').value = new Date(Date.UTC(2020, 11, 1));
    ws.getCell('B1').numFmt = 'mmm-yy';
    const grid = gridFromWorksheet(ws);
    expect(grid.values).toEqual([['Good perf', 44166]]);
    expect(grid.text).toEqual([['Good perf', 'Dec-20']]);
  });

  it('gives an empty grid for an empty sheet', () => {
    const wb = new ExcelJS.Workbook();
    const grid = gridFromWorksheet(wb.addWorksheet('Empty'));
    expect(grid.values).toEqual([]);
    expect(grid.sheetName).toBe('Empty');
  });

  it('reads a 2,000-row synthetic sheet with one row per grid row', async () => {
    const grid = syntheticGrid(2000);
    const read = await roundTrip(grid);
    expect(read.values.length).toBe(nonBlankBox(grid).bottom - nonBlankBox(grid).top + 1);
  });
});

describe('readGrids on what is not a whole workbook', () => {
  it('says a file is not an xlsx when it is not a zip, without throwing', async () => {
    const result = await readGrids(new TextEncoder().encode('NO.,INDICATOR\n6.1,LAC\n'), 'figures.csv');
    expect(result).toEqual({ ok: false, error: { code: 'notXlsx', message: xlsxMessages.notXlsx('figures.csv') } });
  });

  it('refuses a truncated download with a message naming the file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S');
    const bytes = await writeWorkbook(wb);
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    const result = await readGrids(truncated, 'broken.xlsx');
    expect(result).toEqual({ ok: false, error: { code: 'damaged', message: xlsxMessages.damaged('broken.xlsx', 'the end of the zip directory is missing') } });
  });
});

describe('readGrids on many figures sharing a few formats', () => {
  it('shows each figure as its own format renders it, however often the figure repeats', async () => {
    const formats = ['0.0%', '0.0', 'General', '#,##0;(#,##0);"nil"'];
    const figures = [0.907, 0.1, 0, -0.25, 1384.5, 0.907, 0.1, -0.25, 1e-12, 2 / 3];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    figures.forEach((v, i) => formats.forEach((f, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      cell.numFmt = f;
    }));
    const grids = await readGrids(await writeWorkbook(wb), 'figures.xlsx');
    if (!grids.ok) throw new Error(grids.error.message);
    const grid = grids.value[0]!;
    const expected = figures.map((v) => formats.map((f) => formatValue(v, f)));
    expect(grid.text).toEqual(expected);
    expect(grid.text[0]).toEqual(['90.7%', '0.9', '0.907', '1']);
    expect(grid.text[2]![3]).toBe('nil');
  });
});

describe('columnIndex', () => {
  it.each([['A', 0], ['Z', 25], ['AA', 26], ['AZ', 51], ['BA', 52]])('maps %s to %i', (letters, index) => {
    expect(columnIndex(letters)).toBe(index);
  });
});
