import { EXCEL_ERRORS, isFunctionError, toFunctionError } from '../../src/functions/errors';

describe('toFunctionError', () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it('builds a stand-in with the same code and message shape when Office is absent', () => {
    expect(typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBe('undefined');
    const e = toFunctionError({ code: 'valueInGap', message: 'm' });
    expect({ code: e.code, message: e.message }).toEqual({ code: '#N/A', message: 'm' });
    expect(isFunctionError(e)).toBe(true);
  });

  it('builds a CustomFunctions.Error inside Office, with the message where Excel shows one', () => {
    class FakeError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
    };
    const value = toFunctionError({ code: 'badTolerance', message: 'bad' });
    expect(value).toBeInstanceOf(FakeError);
    expect(value).toEqual({ code: '#VALUE!', message: 'bad' });
    const div = toFunctionError({ code: 'divideByZero', message: 'zero' });
    expect(div).toEqual({ code: '#DIV/0!', message: undefined });
  });

  it.each([
    ['badValue', '#VALUE!'],
    ['gapInWindow', '#N/A'],
    ['notEnoughMonths', '#N/A'],
    ['divideByZero', '#DIV/0!'],
    ['polarityConflict', '#VALUE!'],
  ] as const)('maps %s to %s', (code, excel) => {
    expect(EXCEL_ERRORS[code]).toBe(excel);
  });

  it.each([null, 'x', 1, '#DIV/0!', { code: '#WHAT?' }, { code: 5 }])('does not take %p for an error', (v) => {
    expect(isFunctionError(v)).toBe(false);
  });
});
