import { excelMessages as m } from '../../src/excel/messages';
import { msg } from '../../src/domain/messages';
import { isOfficeError, toOutcomeError } from '../../src/excel/io/officeErrors';
import { FakeOfficeError } from '../fakes/fakeExcel';

describe('toOutcomeError', () => {
  it.each([
    ['InvalidOperationInCellEditMode', { code: 'editMode', message: m.editMode(), action: m.editModeAction() }],
    ['InvalidApiCallInContext', { code: 'editMode', message: m.editMode(), action: m.editModeAction() }],
    ['RequestPayloadSizeLimitExceeded', { code: 'tooLarge', message: m.tooLarge(), action: m.tooLargeAction() }],
    ['ActivityLimitReached', { code: 'busy', message: m.busy(), action: m.busyAction() }],
    ['ApiNotFound', { code: 'notSupported', message: m.notSupported(), action: m.notSupportedAction() }],
    ['AccessDenied', { code: 'readOnly', message: m.accessDenied(), action: m.accessDeniedAction() }],
  ])('maps %s to a message and what to do next', (code, expected) => {
    expect(toOutcomeError(new FakeOfficeError(code, 'detail'))).toEqual(expected);
  });

  it('names the sheet when a protected sheet refused the change', () => {
    expect(toOutcomeError(new FakeOfficeError('AccessDenied', 'x'), 'Dec-20')).toEqual({ code: 'sheetProtected', message: m.sheetProtected('Dec-20'), action: m.sheetProtectedAction() });
  });

  it('keeps an unknown code and Excel\'s message rather than hiding them', () => {
    expect(toOutcomeError(new FakeOfficeError('WeirdThing', 'Something odd'))).toEqual({ code: 'officeError', message: m.officeError('WeirdThing', 'Something odd'), action: m.officeErrorAction() });
  });

  it('reports a non-Office error with its message', () => {
    expect(toOutcomeError(new TypeError('x is undefined'))).toEqual({ code: 'unexpected', message: msg.unexpected('x is undefined'), action: m.officeErrorAction() });
    expect(isOfficeError(new TypeError('x'))).toBe(false);
  });
});
