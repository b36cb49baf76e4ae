import type ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/xlsx/package/workbook';
import { readWorkbook, writeWorkbook } from './exceljsWorkbook';

/**
 * Test-only: saves an exceljs-built workbook, opens the bytes with the package editor,
 * runs `edit` on it, saves, and reads the result back with exceljs (a reader that did not
 * write it). Returns what `edit` returned and the reread workbook.
 */
export async function viaPackage<T>(wb: ExcelJS.Workbook | Uint8Array, edit: (x: XlsxWorkbook) => T): Promise<{ result: T; saved: ExcelJS.Workbook; bytes: Uint8Array; input: Uint8Array }> {
  const input = wb instanceof Uint8Array ? wb : await writeWorkbook(wb);
  const x = XlsxWorkbook.open(input);
  const result = edit(x);
  const bytes = x.save();
  const reread = await readWorkbook(bytes);
  if (!reread.ok) throw new Error(reread.error.message);
  return { result, saved: reread.value.workbook, bytes, input };
}
