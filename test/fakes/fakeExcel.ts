/**
 * A fake of the Excel JavaScript API, faithful to its batching rules, for adapter tests,
 * benchmarks and the browser proof (no Node imports: it is bundled into headless Chromium).
 *
 * What it enforces, as Office does:
 * - proxies queue operations; nothing reaches the workbook before `context.sync()`;
 * - reading a property that was not `load`ed and synced throws `PropertyNotLoaded`;
 * - a batch is NOT a transaction: operations run in order and a failing one stops the
 *   batch, leaving the earlier ones applied (OfficeExtension.Error's `traceMessages` doc
 *   shows this); a payload over the limit or cell-edit mode rejects the whole request;
 * - an address longer than 8,192 characters is an `InvalidArgument`;
 * - a member above the host's `excelApiMinor` throws `ApiNotFound` when called, as office.js
 *   does (fakeExcelApiSets.ts, checked against @types/office-js);
 * - a string written to a cell not formatted as Text is parsed as if typed: `Jan-21` becomes
 *   a date, `85%` a number, `TRUE` a Boolean (fakeExcelCoercion.ts, KB Q214327).
 * What it counts: round trips (syncs), API calls (every queued method call, property set
 * or load) and each request's JSON payload size, to compare with Excel on the web's 5 MB.
 *
 * Why not only `office-addin-mock`: its OfficeMockObject models loaded/synced properties of
 * a fixed object tree, but not collections that grow (worksheets.add/copy), RangeAreas
 * addressing several cells, address parsing, per-cell state, sync accounting or payload
 * size. It is used where it fits (a settings test in test/excel/settings.test.ts).
 */
import type { Grid } from '../../src/domain/sheet/grid';
import { FakeSheet, sheetFromGrid } from './fakeExcelState';
import type { FakeCell, FakeValue } from './fakeExcelState';
import { WorkbookProxy } from './fakeExcelProxies';
import { FakeOfficeError } from './fakeExcelError';

export { FakeOfficeError } from './fakeExcelError';

export { FakeSheet, sheetFromGrid, defaultCell } from './fakeExcelState';
export type { FakeCell, FakeValue, SheetSnapshot, FakeBorder } from './fakeExcelState';

export interface SyncStats {
  /** Round trips: `context.sync()` calls that reached the host. */
  syncs: number;
  /** Queued operations: method calls, property sets and loads. */
  apiCalls: number;
  /** Largest request payload (UTF-8 bytes of its JSON). */
  maxPayloadBytes: number;
  /** Payload of each sync, in order. */
  payloads: number[];
  /** Largest response (UTF-8 bytes of the loaded values' JSON); Excel on the web also caps responses at 5 MB. */
  maxResponseBytes: number;
  /** Response of each sync, in order (a refused one included: what it would have been). */
  responses: number[];
}

/** A failure to inject into a future sync, to test what an adapter does mid-write. */
export interface InjectedFault {
  /** Which future sync fails: 1 is the next one. */
  sync: number;
  /** How many operations of that batch run before the failure (0: none). */
  afterActions: number;
  code: string;
  message?: string;
}

export interface FakeWorkbookOptions {
  /** Request payload limit; Excel on the web rejects requests over 5 MB. */
  payloadLimitBytes?: number;
  /** Response limit; Excel on the web fails a sync whose response would exceed 5 MB. */
  responseLimitBytes?: number;
  /**
   * The workbook counts dates from 1904 (Excel's "Use 1904 date system"): `values` give the
   * serial as stored, 1,462 lower than the 1900 system's for the same day, and the text shows
   * the date that serial means in 1904 ("Date systems in Excel", support.microsoft.com).
   */
  date1904?: boolean;
}

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB.
 * `RichAPI.Error` will be thrown if that limit is exceeded." (learn.microsoft.com, Office
 * Add-ins, "Resource limits and performance optimization for Office Add-ins", section
 * "Excel add-ins"; the error codes are `RequestPayloadSizeLimitExceeded` and
 * `ResponsePayloadSizeLimitExceeded`). The fake counts a payload as the UTF-8 bytes of its
 * JSON and takes 5 MB as 5 MiB (5,242,880 bytes); the margin the round-trip tests assert
 * (80% of it) is under 5,000,000 bytes as well.
 */
const FIVE_MB = 5 * 1024 * 1024;

/** The state of one fake workbook, plus its accounting. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Threaded comments (ExcelApi 1.10), by id: where they sit and their text. */
  readonly comments = new Map<string, { sheetId: string; row: number; col: number; content: string }>();
  /** workbook.settings: values are stored as JSON, as Office does. */
  readonly settings = new Map<string, string>();
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** Every calculation mode set through the API, in order (to check writes ran in Manual). */
  readonly calculationModeLog: string[] = [];
  /** How many syncs ran with screen updating suspended. */
  suspendedSyncs = 0;
  /**
   * Sheet copies (`worksheet.copy`) that ran while API calculation was NOT suspended in
   * their batch. Excel recalculates after a batch's changes unless
   * `application.suspendApiCalculationUntilNextSync()` (ExcelApi 1.6, @types/office-js) ran
   * earlier in the same batch; the add-in's backup copy and writes should not pay for that.
   */
  copiesWithCalculation = 0;
  /** How many syncs ran with API calculation suspended. */
  calculationSuspendedSyncs = 0;
  /** Workbook structure protection (no sheets can be added or deleted). */
  structureProtected = false;
  /** While true every sync is rejected, as when the user is typing in a cell. */
  editMode = false;
  /** Highest ExcelApi 1.x minor version supported (18: ExcelApi 1.18); `isSetSupported` answers from it. */
  excelApiMinor = 18;
  /** The year Excel completes `Jan-21` with when it parses typed text as a date (KB Q214327: the current year). */
  currentYear = new Date().getUTCFullYear();
  readonly stats: SyncStats = { syncs: 0, apiCalls: 0, maxPayloadBytes: 0, payloads: [], maxResponseBytes: 0, responses: [] };
  readonly payloadLimitBytes: number;
  /** Settable, so a test can make a built scenario's sheet too large for one response. */
  responseLimitBytes: number;
  private faults: InjectedFault[] = [];
  private edits: Array<{ sync: number; edit: (workbook: FakeWorkbook) => void }> = [];

  /** Dates count from 1904 (see FakeWorkbookOptions.date1904); every sheet added shows them so. */
  readonly date1904: boolean;

  constructor(options: FakeWorkbookOptions = {}) {
    this.date1904 = options.date1904 ?? false;
    this.payloadLimitBytes = options.payloadLimitBytes ?? FIVE_MB;
    this.responseLimitBytes = options.responseLimitBytes ?? FIVE_MB;
  }

  /** Adds a sheet built from a Grid (values, text, number formats, merges); the first becomes active. */
  addGrid(grid: Grid): FakeSheet {
    return this.addSheet(sheetFromGrid(grid));
  }

  addSheet(sheet: FakeSheet | string): FakeSheet {
    const s = typeof sheet === 'string' ? new FakeSheet(sheet) : sheet;
    s.date1904 = this.date1904;
    this.sheets.push(s);
    if (this.activeSheetId === null) this.activeSheetId = s.id;
    return s;
  }

  /** The sheet by name (case-insensitive, as Excel matches names); throws in a test when absent. */
  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake workbook has no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  activeSheet(): FakeSheet {
    const s = this.sheets.find((x) => x.id === this.activeSheetId) ?? this.sheets[0];
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The workbook has no worksheet.');
    return s;
  }

  /** A setting's value parsed back from JSON, or undefined. */
  setting(key: string): unknown {
    const raw = this.settings.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.apiCalls = 0;
    this.stats.maxPayloadBytes = 0;
    this.stats.payloads.length = 0;
    this.stats.maxResponseBytes = 0;
    this.stats.responses.length = 0;
  }

  /** Makes a future sync fail after `afterActions` of its operations ran. */
  failSync(fault: InjectedFault): void {
    this.faults.push({ ...fault });
  }

  /**
   * A co-author's edit (or any change made outside this add-in's context) that lands just
   * before a future sync: 1 is the next one. Excel on the web merges co-authors' changes
   * between an add-in's round trips, so what a read saw may have changed by the write.
   */
  editBeforeSync(sync: number, edit: (workbook: FakeWorkbook) => void): void {
    this.edits.push({ sync, edit });
  }

  /** @internal used by FakeRequestContext.sync: runs the edits due now. */
  applyDueEdits(): void {
    for (const e of this.edits) e.sync -= 1;
    const due = this.edits.filter((e) => e.sync <= 0);
    this.edits = this.edits.filter((e) => e.sync > 0);
    for (const e of due) e.edit(this);
  }

  /** A new request context on this workbook, typed as Office's. */
  context(): Excel.RequestContext {
    return new FakeRequestContext(this) as unknown as Excel.RequestContext;
  }

  /** `Excel.run` on this workbook: runs the batch function, then flushes what it left queued. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending() > 0) await ctx.sync();
    return result;
  }

  /** @internal used by FakeRequestContext.sync */
  takeFault(): InjectedFault | null {
    for (const f of this.faults) f.sync -= 1;
    const due = this.faults.find((f) => f.sync <= 0) ?? null;
    this.faults = this.faults.filter((f) => f.sync > 0);
    return due;
  }
}

/** One queued operation: what goes over the wire, and what the host does with it. */
export interface QueuedAction {
  payload: Record<string, unknown>;
  run: () => void;
}

const encoder = new TextEncoder();

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  readonly host: FakeWorkbook;
  private queue: QueuedAction[] = [];
  private nextId = 1;
  private responseBytes = 0;
  private arrivals: Array<() => void> = [];
  /** @internal How many syncs this context has sent (the current one included, while it runs). */
  syncCount = 0;
  /** @internal whether `suspendApiCalculationUntilNextSync` ran earlier in the batch now running. */
  calculationSuspended = false;
  /** Office keeps tracked objects alive across syncs; the fake has nothing to release. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(host: FakeWorkbook) {
    this.host = host;
    this.workbook = new WorkbookProxy(this);
  }

  newId(kind: string): string {
    return `${kind}#${this.nextId++}`;
  }

  enqueue(payload: Record<string, unknown>, run: () => void): void {
    this.queue.push({ payload, run });
    this.host.stats.apiCalls += 1;
  }

  /**
   * @internal A loaded value: counted in the response, and handed to its proxy only when
   * the whole sync succeeds (a failed sync returns an error, never values).
   */
  addResponse(value: unknown, arrive: () => void): void {
    this.responseBytes += encoder.encode(JSON.stringify(value) ?? '').length;
    this.arrivals.push(arrive);
  }

  pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.syncCount += 1;
    const stats = this.host.stats;
    stats.syncs += 1;
    const bytes = encoder.encode(JSON.stringify(batch.map((a) => a.payload))).length;
    stats.payloads.push(bytes);
    stats.maxPayloadBytes = Math.max(stats.maxPayloadBytes, bytes);
    // A real round trip is asynchronous: let other work interleave as it would.
    await Promise.resolve();
    this.host.applyDueEdits();
    if (bytes > this.host.payloadLimitBytes) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    if (this.host.editMode) {
      throw new FakeOfficeError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    }
    const fault = this.host.takeFault();
    const suspended = batch.some((a) => a.payload.method === 'suspendScreenUpdatingUntilNextSync');
    if (suspended) this.host.suspendedSyncs += 1;
    this.responseBytes = 0;
    this.arrivals = [];
    this.calculationSuspended = false;
    try {
      batch.forEach((action, index) => {
        if (fault && index === fault.afterActions) {
          throw new FakeOfficeError(fault.code, fault.message ?? `Injected failure (${fault.code}).`);
        }
        action.run();
      });
    } finally {
      stats.maxResponseBytes = Math.max(stats.maxResponseBytes, this.responseBytes);
      stats.responses.push(this.responseBytes);
      if (this.calculationSuspended) this.host.calculationSuspendedSyncs += 1;
      this.calculationSuspended = false;
    }
    // Loads only read, so failing after the batch ran changes nothing the add-in can see
    // except the error (the loaded values never arrive).
    if (this.responseBytes > this.host.responseLimitBytes) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const arrive of this.arrivals) arrive();
    this.arrivals = [];
    if (fault && fault.afterActions >= batch.length) {
      throw new FakeOfficeError(fault.code, fault.message ?? `Injected failure (${fault.code}).`);
    }
  }
}

/** Values the fake host reports for `Office.context.requirements.isSetSupported`. */
function isSetSupported(host: FakeWorkbook, name: string, version?: string): boolean {
  // Requirement-set versions compare by minor number: 1.9 < 1.12.
  if (name === 'ExcelApi') return version === undefined || Number(version.split('.')[1] ?? 0) <= host.excelApiMinor;
  return ['SharedRuntime', 'CustomFunctionsRuntime', 'RibbonApi', 'DialogApi'].includes(name);
}

/**
 * Defines `Excel`, `Office` and `OfficeExtension` on `target` (globalThis in Node tests, window
 * in the browser) the way the pane and the functions use them, backed by `workbook`.
 * Returns a function that removes them again.
 */
export function installFakeOffice(target: object, workbook: FakeWorkbook): () => void {
  const g = target as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  g.Excel = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => workbook.run(batch),
    RequestContext: FakeRequestContext,
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      itemNotFound: 'ItemNotFound',
      itemAlreadyExists: 'ItemAlreadyExists',
      requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
      generalException: 'GeneralException',
    },
  };
  g.OfficeExtension = { Error: FakeOfficeError };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  g.Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: 'en-GB',
      requirements: { isSetSupported: (name: string, version?: string) => isSetSupported(workbook, name, version) },
    },
    actions: { associate: (): void => undefined },
  };
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete g[key];
      else g[key] = value;
    }
  };
}

/** A workbook with one sheet per grid; the first is active. */
export function fakeWorkbookFromGrids(grids: Grid[], options?: FakeWorkbookOptions): FakeWorkbook {
  const wb = new FakeWorkbook(options);
  for (const grid of grids) wb.addGrid(grid);
  return wb;
}

/** Values of a box of a fake sheet as a 2-D array (handy in assertions). */
export function sheetValues(sheet: FakeSheet, top: number, left: number, rows: number, cols: number): FakeValue[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => sheet.cellAt(top + i, left + j).value));
}

export type { FakeCell as FakeExcelCell };
