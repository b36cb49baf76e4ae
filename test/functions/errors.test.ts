import { EXCEL_ERRORS, isFunctionError, toCell, toFunctionError } from '../../src/functions/errors';
import { functions } from '../../src/functions';

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
    ['outOfRange', '#NUM!'],
    ['polarityConflict', '#VALUE!'],
  ] as const)('maps %s to %s', (code, excel) => {
    expect(EXCEL_ERRORS[code]).toBe(excel);
  });

  it.each([null, 'x', 1, '#DIV/0!', { code: '#WHAT?' }, { code: 5 }])('does not take %p for an error', (v) => {
    expect(isFunctionError(v)).toBe(false);
  });
});

describe('toCell and the single-cell functions inside Office', () => {
  class FakeError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }

  beforeEach(() => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
    };
  });
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it('throws a single-cell error as the CustomFunctions.Error, the way Excel documents it', () => {
    expect(() => functions.RAG(0.92, '<90%', 'ninety', '95%+', 'High')).toThrow(FakeError);
    try {
      functions.RAG(0.92, '<90%', 'ninety', '95%+', 'High');
    } catch (e) {
      expect((e as FakeError).code).toBe('#VALUE!');
      expect((e as FakeError).message).toContain('ninety');
    }
  });

  it('returns answers that are not errors', () => {
    expect(functions.RAG(0.851, '<65%', '>65% <75%', '75%', 'High')).toBe('G');
    expect(toCell('x')).toBe('x');
  });

  it('keeps an error inside a range of rates as an element of the array, not thrown', () => {
    const rates = functions.RATEPER10K([[609], ['#bad' as unknown as number]], 56970);
    expect(rates[0][0]).toBeCloseTo(106.9, 1);
    expect(rates[1][0]).toBe('');
    const zero = functions.RATEPER10K([[609]], 0);
    expect(zero[0][0]).toBeInstanceOf(FakeError);
  });
});
