import type { OutcomeError } from '../../port/api';
import { excelMessages as m, outcomeError } from '../messages';
import { msg } from '../../domain/messages';

/** The parts of an OfficeExtension.Error the adapter reads (codes are not localised; messages are). */
export interface OfficeErrorLike {
  code: string;
  message: string;
}

/** Whether `e` looks like an OfficeExtension.Error (checked by shape: the class is not always loaded). */
export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string';
}

/**
 * Maps an error thrown by `context.sync()` (or anything else) to what the pane shows: the
 * problem in the analyst's words and what to do next. Never swallows: unknown codes keep
 * Excel's code and message so they can be reported.
 *
 * @example
 * toOutcomeError({ code: 'InvalidOperationInCellEditMode', message: '…' })
 * // { code: 'editMode', message: 'Excel is busy: a cell is being edited.', action: 'Press Enter or Esc …' }
 */
export function toOutcomeError(e: unknown, sheetName?: string): OutcomeError {
  if (!isOfficeError(e)) {
    const detail = e instanceof Error ? e.message : String(e);
    return outcomeError('unexpected', msg.unexpected(detail));
  }
  switch (e.code) {
    // Excel.ErrorCodes.invalidOperationInCellEditMode, and the Office common API's code for the
    // same refusal (ooe 5004, "Invalid API call in the current context"), which office.js
    // itself maps to cell-edit mode (RequestContext._processOfficeJsErrorResponse in
    // node_modules/@microsoft/office-js/dist/excel-win32-16.01.debug.js).
    case 'InvalidOperationInCellEditMode':
    case 'InvalidApiCallInContext':
      return outcomeError('editMode', m.editMode());
    case 'AccessDenied':
      return sheetName
        ? outcomeError('sheetProtected', m.sheetProtected(sheetName))
        : outcomeError('readOnly', m.accessDenied());
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return outcomeError('tooLarge', m.tooLarge());
    case 'ActivityLimitReached':
    case 'Timeout':
    case 'ServiceNotAvailable':
    case 'Conflict':
      return outcomeError('busy', m.busy());
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedOperation':
      return outcomeError('notSupported', m.notSupported());
    case 'ItemNotFound':
      return sheetName
        ? outcomeError('sheetMissing', m.sheetMissing(sheetName))
        : outcomeError('officeError', m.officeError(e.code, e.message));
    default:
      return outcomeError('officeError', m.officeError(e.code, e.message));
  }
}
