import type { Result } from '../domain/result';

/** Why an .xlsx could not be read or written. Adapter errors, not engine errors. */
export type XlsxErrorCode =
  | 'notXlsx'
  | 'unreadable'
  | 'damaged'
  | 'encrypted'
  | 'strict'
  | 'tooLarge'
  | 'unsafeXml'
  | 'protected'
  | 'sheetNotFound'
  | 'planMismatch'
  | 'keyAreaNotEmpty';

export interface XlsxError {
  code: XlsxErrorCode;
  message: string;
}

export type XlsxResult<T> = Result<T, XlsxError>;

export function xlsxError(code: XlsxErrorCode, message: string): { ok: false; error: XlsxError } {
  return { ok: false, error: { code, message } };
}
