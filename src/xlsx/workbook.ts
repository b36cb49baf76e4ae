import ExcelJS from 'exceljs';
import { ok, type Result } from '../domain/result';
import { lossCheck, type LossReport } from './lossCheck';
import { xlsxMessages } from './messages';
import { toBytes } from './zip';

/** Why an .xlsx could not be read or written. Adapter errors, not engine errors. */
export type XlsxErrorCode = 'notXlsx' | 'unreadable' | 'wouldLose' | 'sheetNotFound' | 'planMismatch' | 'keyAreaNotEmpty';

export interface XlsxError {
  code: XlsxErrorCode;
  message: string;
}

export type XlsxResult<T> = Result<T, XlsxError>;

export function xlsxError(code: XlsxErrorCode, message: string): { ok: false; error: XlsxError } {
  return { ok: false, error: { code, message } };
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** What a save would lose; empty `losses` means the workbook can be written back safely. */
  report: LossReport;
}

/**
 * Loads an .xlsx from bytes (a file read in Node, or an `ArrayBuffer` the pane got from a
 * picked file). `name` is only used in messages. Not a zip, or a zip exceljs cannot
 * parse, gives an error value, never a throw.
 *
 * @example
 * const loaded = await readWorkbook(bytes, 'early-help.xlsx');
 * if (loaded.ok) loaded.value.workbook.worksheets.map((ws) => ws.name);
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, name = 'The file'): Promise<XlsxResult<LoadedWorkbook>> {
  const bytes = toBytes(data);
  const report = await lossCheck(bytes);
  if (!report) return xlsxError('notXlsx', xlsxMessages.notXlsx(name));
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; JSZip underneath accepts any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    // exceljs throws on zips that are not spreadsheets (a .docx, a damaged file).
    return xlsxError('unreadable', xlsxMessages.unreadable(name, e instanceof Error ? e.message : String(e)));
  }
  if (workbook.worksheets.length === 0) return xlsxError('unreadable', xlsxMessages.unreadable(name, xlsxMessages.noSheets()));
  return ok({ workbook, report });
}

/**
 * Refuses (with a message naming every kind of content and its parts) when saving would
 * lose anything; call it before writing a workbook that was read from a file.
 *
 * @example
 * const safe = refuseLoss(loaded.value.report, 'in.xlsx');
 * if (!safe.ok) console.error(safe.error.message);
 */
export function refuseLoss(report: LossReport, name: string): XlsxResult<void> {
  if (report.losses.length > 0) return xlsxError('wouldLose', xlsxMessages.wouldLose(name, report.losses));
  return ok(undefined);
}

/** Serialises a workbook to .xlsx bytes. */
export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The worksheet by name, or the first one when no name is given. */
export function pickWorksheet(workbook: ExcelJS.Workbook, name?: string): XlsxResult<ExcelJS.Worksheet> {
  if (name === undefined) {
    const first = workbook.worksheets[0];
    return first ? ok(first) : xlsxError('sheetNotFound', xlsxMessages.noSheets());
  }
  const ws = workbook.worksheets.find((w) => w.name === name) ?? workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  return ws ? ok(ws) : xlsxError('sheetNotFound', xlsxMessages.sheetNotFound(name, workbook.worksheets.map((w) => w.name)));
}

