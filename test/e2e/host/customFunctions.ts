/**
 * What office.js provides on a shared-runtime page: the `CustomFunctions` global the
 * functions bundle registers itself with (the metadata plugin appends unguarded
 * `CustomFunctions.associate` calls). A stand-in records the registrations so a test can
 * call a function the way Excel would, from the built bundle.
 */
export type Registered = Map<string, (...args: unknown[]) => unknown>;

const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctions(target: Record<string, unknown>): Registered {
  const registered: Registered = new Map();
  target.CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown): void => {
      registered.set(id.toUpperCase(), fn);
    },
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODES,
  };
  return registered;
}
