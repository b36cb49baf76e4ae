import ExcelJS from 'exceljs';

/**
 * Test-only: exceljs as an independent reader and writer, to build fixture workbooks and
 * to look at the tool's output with a library that did not write it. The tool itself
 * never goes through exceljs (src/xlsx/package is its reader and editor).
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((data instanceof Uint8Array ? data : new Uint8Array(data)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Serialises an exceljs workbook to .xlsx bytes. */
export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
