import ExcelJS from 'exceljs';

/**
 * Test-only: exceljs as an independent reader and writer, to build fixture workbooks and
 * to look at the tool's output with a library that did not write it. The tool itself
 * never goes through exceljs (src/xlsx/package is its reader and editor).
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, _name = 'The file'): Promise<{ ok: true; value: { workbook: ExcelJS.Workbook } } | { ok: false; error: { message: string } }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((data instanceof Uint8Array ? data : new Uint8Array(data)) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
  }
  return { ok: true, value: { workbook } };
}

/** Serialises an exceljs workbook to .xlsx bytes. */
export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
