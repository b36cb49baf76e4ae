/** An error as Office.js rejects `context.sync()` with (OfficeExtension.Error, name `RichApi.Error`). */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function invalidArgument(message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', message, location);
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
}

export function accessDenied(sheet: string): FakeOfficeError {
  return new FakeOfficeError(
    'AccessDenied',
    `The cell or chart you're trying to change is on a protected sheet (${sheet}). To make a change, unprotect the sheet.`,
  );
}
