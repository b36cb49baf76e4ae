/**
 * Proxy objects of the fake Excel API. Every method call, property set and load is queued
 * on the request context and reaches the workbook state only inside `context.sync()`;
 * reading a property that no synced `load` filled throws PropertyNotLoaded, as Office does.
 */
import type { CellBox } from '../../src/domain/sheet/grid';
import type { FakeRequestContext } from './fakeExcel';
import { FakeOfficeError, accessDenied, invalidArgument, itemNotFound, propertyNotLoaded } from './fakeExcelError';
import { MAX_ADDRESS_LENGTH, boxesIntersect, fullAddress, parseBox, parseBoxList, splitSheet } from './fakeExcelAddress';
import { DEFAULT_COLUMN_WIDTH, FakeSheet, cloneConditional, defaultCell } from './fakeExcelState';
import type { FakeBorder, FakeCell, FakeConditionalFormat, FakeValue } from './fakeExcelState';
import { EXCEL_API_MINOR, apiNotFoundMessage } from './fakeExcelApiSets';
import { coerceTyped } from './fakeExcelCoercion';

type Ctx = FakeRequestContext;
type LoadSpec = string | string[] | { select?: string; expand?: string } | Record<string, unknown>;

function normaliseLoad(spec: LoadSpec | undefined): string[] | null {
  if (spec === undefined) return null;
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (typeof spec.select === 'string') return spec.select.split(',').map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(spec, '');
  return out;
}

function unknownProperty(prop: string, kind: string): FakeOfficeError {
  return invalidArgument(`The property '${prop}' does not exist on ${kind}.`);
}

/** Base of every proxy: the queue, load and the PropertyNotLoaded rule. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  readonly _id: string;
  protected readonly ctx: Ctx;
  /** OrNullObject variants: loads report isNullObject, writes to a null object fail. */
  protected readonly nullable: boolean;

  constructor(ctx: Ctx, kind: string, nullable = false) {
    this.ctx = ctx;
    this._id = ctx.newId(kind);
    this.nullable = nullable;
  }

  get context(): Ctx {
    return this.ctx;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  /** The Excel type this proxy stands for (`Range`), as the requirement-set table names it. */
  protected apiTypeName(): string {
    return (this.constructor as { apiType?: string }).apiType ?? '';
  }

  /**
   * Throws ApiNotFound, synchronously as office.js does, when `member` needs a newer ExcelApi
   * than the host has (see fakeExcelApiSets.ts).
   */
  protected requires(member: string): void {
    const key = `${this.apiTypeName()}.${member}`;
    const minor = EXCEL_API_MINOR[key];
    if (minor !== undefined && minor > this.ctx.host.excelApiMinor) {
      throw new FakeOfficeError('ApiNotFound', apiNotFoundMessage(key, minor), key);
    }
  }

  /** Scalar properties `load()` with no argument loads. */
  protected abstract scalars(): string[];
  /** @internal what a collection's `load()` loads on each item. */
  scalarList(): string[] {
    return this.scalars();
  }
  /** Reads a scalar from the workbook, at sync. */
  protected abstract read(prop: string): unknown;
  /** Whether the object this proxy stands for is missing (OrNullObject), at sync. */
  protected isNull(): boolean {
    return false;
  }
  /** A navigation property, for load paths such as `format/fill/color`. */
  protected child(_name: string): ClientObject | null {
    return null;
  }

  load(spec?: LoadSpec): this {
    const props = normaliseLoad(spec) ?? this.scalars();
    for (const p of props) this.requires(p.split('/')[0]);
    this.ctx.enqueue({ obj: this._id, method: 'load', props }, () => this.loadPaths(props));
    return this;
  }

  /** @internal runs a load at sync. */
  loadPaths(props: string[]): void {
    const isNull = this.isNull();
    if (this.nullable || isNull) this.ctx.addResponse(isNull, () => this.loaded.set('isNullObject', isNull));
    for (const path of props) {
      if (path === 'isNullObject') continue;
      const [head, ...rest] = path.split('/');
      if (rest.length > 0) {
        const nav = this.child(head);
        if (!nav) throw unknownProperty(head, this.constructor.name);
        if (!isNull) nav.loadPaths([rest.join('/')]);
        continue;
      }
      const value = isNull ? null : this.read(head);
      this.ctx.addResponse(value, () => this.loaded.set(head, value));
    }
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw propertyNotLoaded(prop);
    this.requires(prop);
    return this.loaded.get(prop) as T;
  }

  protected queueSet(prop: string, value: unknown, apply: () => void): void {
    this.requires(prop);
    this.ctx.enqueue({ obj: this._id, set: prop, value }, () => {
      this.failIfNull();
      apply();
    });
    // Office.js keeps a set value on the proxy, so reading it back needs no load.
    this.loaded.set(prop, value);
  }

  protected queueCall(method: string, args: unknown[], apply: () => void): void {
    this.requires(method);
    this.ctx.enqueue({ obj: this._id, method, args }, () => {
      this.failIfNull();
      apply();
    });
  }

  private failIfNull(): void {
    if (this.isNull()) throw itemNotFound(`${this.constructor.name} is a null object`);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A collection: `items` is readable only after `load` + sync. */

/**
 * The paper sizes PageLayout.paperSize accepts: the values of Excel.PaperType (ExcelApi 1.9),
 * as @types/office-js lists them. Anything else (`'a4'`, `'B5 (JIS)'`) is an InvalidArgument.
 */
const PAPER_TYPES: ReadonlySet<string> = new Set([
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro',
  'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet',
  'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6',
  'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman',
]);

class CollectionProxy<T extends ClientObject> extends ClientObject {
  static readonly apiType: string = 'RangeCollection';
  private readonly makeItems: () => T[];
  private current: T[] | null = null;

  constructor(ctx: Ctx, kind: string, makeItems: () => T[]) {
    super(ctx, kind);
    this.makeItems = makeItems;
  }

  get items(): T[] {
    if (this.current === null) throw propertyNotLoaded('items');
    return this.current;
  }

  protected scalars(): string[] {
    return [];
  }

  protected read(prop: string): unknown {
    throw unknownProperty(prop, 'a collection');
  }

  override load(spec?: LoadSpec): this {
    const props = normaliseLoad(spec);
    this.ctx.enqueue({ obj: this._id, method: 'load', props }, () => {
      const items = this.makeItems();
      const itemProps = props?.map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
      for (const item of items) item.loadPaths(itemProps && itemProps.length > 0 ? itemProps : item.scalarList());
      this.ctx.addResponse(items.length, () => (this.current = items));
    });
    return this;
  }
}

// ---------------------------------------------------------------- application, workbook

export class ApplicationProxy extends ClientObject {
  static readonly apiType: string = 'Application';
  constructor(ctx: Ctx) {
    super(ctx, 'application');
  }
  protected scalars(): string[] {
    return ['calculationMode'];
  }
  protected read(prop: string): unknown {
    if (prop === 'calculationMode') return this.ctx.host.calculationMode;
    throw unknownProperty(prop, 'Application');
  }
  get calculationMode(): string {
    return this.get('calculationMode');
  }
  set calculationMode(mode: string) {
    this.queueSet('calculationMode', mode, () => {
      if (mode !== 'Automatic' && mode !== 'AutomaticExceptTables' && mode !== 'Manual') throw invalidArgument(`Bad calculation mode ${mode}.`);
      this.ctx.host.calculationMode = mode;
      this.ctx.host.calculationModeLog.push(mode);
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.queueCall('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
  /** ExcelApi 1.6 (fakeExcelApiSets.ts): suspended for the rest of the batch. */
  suspendApiCalculationUntilNextSync(): void {
    this.queueCall('suspendApiCalculationUntilNextSync', [], () => {
      this.ctx.calculationSuspended = true;
    });
  }
  calculate(type: string): void {
    this.queueCall('calculate', [type], () => undefined);
  }
}

export class WorkbookProxy extends ClientObject {
  static readonly apiType: string = 'Workbook';
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: ApplicationProxy;
  private readonly settingsProxy: SettingCollectionProxy;
  private readonly protectionProxy: WorkbookProtectionProxy;
  private readonly commentsProxy: CommentCollectionProxy;

  constructor(ctx: Ctx) {
    super(ctx, 'workbook');
    this.commentsProxy = new CommentCollectionProxy(ctx, null);
    this.protectionProxy = new WorkbookProtectionProxy(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settingsProxy = new SettingCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
  }
  /** Workbook-wide settings (ExcelApi 1.4). */
  get settings(): SettingCollectionProxy {
    this.requires('settings');
    return this.settingsProxy;
  }
  /** Structure protection (ExcelApi 1.7). */
  get protection(): WorkbookProtectionProxy {
    this.requires('protection');
    return this.protectionProxy;
  }
  /** Threaded comments (ExcelApi 1.10). */
  get comments(): CommentCollectionProxy {
    this.requires('comments');
    return this.commentsProxy;
  }
  protected scalars(): string[] {
    return ['name'];
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return 'Book1.xlsx';
    throw unknownProperty(prop, 'Workbook');
  }
  get name(): string {
    return this.get('name');
  }
  /** The selected range of the active sheet. */
  getSelectedRange(): RangeProxy {
    const sheet = new WorksheetProxy(this.ctx, () => this.ctx.host.activeSheet(), false);
    return new RangeProxy(this.ctx, sheet, (s) => {
      const sel = this.ctx.host.selection;
      const box = sel && sel.sheet === s.name ? parseBox(sel.address) : null;
      return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
    }, 'selection', false);
  }
}

export class WorkbookProtectionProxy extends ClientObject {
  static readonly apiType: string = 'WorkbookProtection';
  constructor(ctx: Ctx) {
    super(ctx, 'workbookProtection');
  }
  protected scalars(): string[] {
    return ['protected'];
  }
  protected read(prop: string): unknown {
    if (prop === 'protected') return this.ctx.host.structureProtected;
    throw unknownProperty(prop, 'WorkbookProtection');
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

function structureWritable(host: Ctx['host']): void {
  if (host.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
}

// ---------------------------------------------------------------- worksheets

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

function checkSheetName(host: Ctx['host'], name: string, except?: FakeSheet): void {
  if (name.length === 0 || name.length > 31 || BAD_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw invalidArgument(`The sheet name '${name}' is not valid.`);
  }
  const clash = host.findSheet(name);
  if (clash && clash !== except) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
}

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  static override readonly apiType: string = 'WorksheetCollection';
  constructor(ctx: Ctx) {
    super(ctx, 'worksheets', () => ctx.host.sheets.map((s) => new WorksheetProxy(ctx, () => s, false)));
  }

  getActiveWorksheet(): WorksheetProxy {
    const proxy = new WorksheetProxy(this.ctx, () => this.ctx.host.activeSheet(), false);
    this.queueCall('getActiveWorksheet', [], () => undefined);
    return proxy;
  }

  private byKey(key: string): FakeSheet | null {
    return this.ctx.host.findSheet(key) ?? this.ctx.host.sheets.find((s) => s.id === key) ?? null;
  }

  getItem(key: string): WorksheetProxy {
    this.queueCall('getItem', [key], () => {
      if (!this.byKey(key)) throw itemNotFound(`worksheet '${key}'`);
    });
    return new WorksheetProxy(this.ctx, () => this.byKey(key), false);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this.queueCall('getItemOrNullObject', [key], () => undefined);
    return new WorksheetProxy(this.ctx, () => this.byKey(key), true);
  }

  add(name?: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.queueCall('add', [name ?? null], () => {
      const host = this.ctx.host;
      let finalName = name;
      if (finalName === undefined) {
        let n = host.sheets.length + 1;
        while (host.findSheet(`Sheet${n}`)) n += 1;
        finalName = `Sheet${n}`;
      }
      structureWritable(host);
      checkSheetName(host, finalName);
      created = host.addSheet(finalName);
    });
    return new WorksheetProxy(this.ctx, () => created, false);
  }
}

export class WorksheetProxy extends ClientObject {
  static readonly apiType: string = 'Worksheet';
  private readonly resolver: () => FakeSheet | null;
  private protectionProxy: WorksheetProtectionProxy | null = null;
  private freezeProxy: FreezePanesProxy | null = null;
  private layoutProxy: PageLayoutProxy | null = null;

  constructor(ctx: Ctx, resolver: () => FakeSheet | null, nullable: boolean) {
    super(ctx, 'worksheet', nullable);
    this.resolver = resolver;
  }

  /** @internal the sheet this proxy stands for, at sync. */
  sheet(): FakeSheet {
    const s = this.resolver();
    if (!s || !this.ctx.host.sheets.includes(s)) throw itemNotFound('worksheet');
    return s;
  }

  protected override isNull(): boolean {
    const s = this.resolver();
    return !s || !this.ctx.host.sheets.includes(s);
  }

  protected scalars(): string[] {
    return ['id', 'name', 'position', 'visibility'];
  }
  protected read(prop: string): unknown {
    const s = this.sheet();
    switch (prop) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.ctx.host.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        throw unknownProperty(prop, 'Worksheet');
    }
  }
  protected override child(name: string): ClientObject | null {
    if (name === 'protection') return this.protection;
    if (name === 'pageLayout') return this.pageLayout;
    return null;
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.queueSet('name', value, () => {
      const s = this.sheet();
      checkSheetName(this.ctx.host, value, s);
      s.name = value;
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(value: number) {
    this.queueSet('position', value, () => {
      const sheets = this.ctx.host.sheets;
      const s = this.sheet();
      if (value < 0 || value >= sheets.length) throw invalidArgument(`Bad position ${value}.`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(value, 0, s);
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(value: string) {
    this.queueSet('visibility', value, () => {
      const host = this.ctx.host;
      const s = this.sheet();
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw invalidArgument(`Bad visibility ${value}.`);
      if (value !== 'Visible') {
        const others = host.sheets.filter((x) => x !== s && x.visibility === 'Visible');
        if (others.length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        // Hiding the active sheet activates the next visible one, as Excel does.
        if (host.activeSheetId === s.id) host.activeSheetId = others[0].id;
      }
      s.visibility = value;
    });
  }

  get protection(): WorksheetProtectionProxy {
    this.requires('protection');
    this.protectionProxy ??= new WorksheetProtectionProxy(this.ctx, this);
    return this.protectionProxy;
  }
  get freezePanes(): FreezePanesProxy {
    this.requires('freezePanes');
    this.freezeProxy ??= new FreezePanesProxy(this.ctx, this);
    return this.freezeProxy;
  }
  get pageLayout(): PageLayoutProxy {
    this.requires('pageLayout');
    this.layoutProxy ??= new PageLayoutProxy(this.ctx, this);
    return this.layoutProxy;
  }
  /** Manual page breaks (ExcelApi 1.9): `add` puts one above the range's top-left cell. */
  get horizontalPageBreaks(): { add: (range: string) => void } {
    return {
      add: (range: string) => {
        this.ctx.enqueue({ obj: this._id, method: 'horizontalPageBreaks.add', args: [range] }, () => {
          const box = parseBox(range);
          if (!box) throw invalidArgument(`Bad page break range ${range}.`);
          const layout = this.sheet().pageLayout;
          layout.rowBreaks = [...(layout.rowBreaks ?? []), box.top];
        });
      },
    };
  }

  private notesProxy: NoteCollectionProxy | null = null;
  /** Cell notes (ExcelApi 1.18), kept on the fake cells' `note`. */
  get notes(): NoteCollectionProxy {
    this.requires('notes');
    this.notesProxy ??= new NoteCollectionProxy(this.ctx, this);
    return this.notesProxy;
  }

  private commentsProxy: CommentCollectionProxy | null = null;
  /** Threaded comments of this sheet (ExcelApi 1.10). */
  get comments(): CommentCollectionProxy {
    this.requires('comments');
    this.commentsProxy ??= new CommentCollectionProxy(this.ctx, this);
    return this.commentsProxy;
  }

  private namesProxy: SheetNamesProxy | null = null;
  /** Sheet-scoped names; the fake holds only Excel's own Print_Area and Print_Titles. */
  get names(): SheetNamesProxy {
    this.requires('names');
    this.namesProxy ??= new SheetNamesProxy(this.ctx, this);
    return this.namesProxy;
  }

  getRange(address?: string): RangeProxy {
    const addr = address ?? '';
    this.queueCall('getRange', [addr], () => checkAddress(addr));
    return new RangeProxy(this.ctx, this, (s) => {
      if (addr === '') return { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };
      const parsed = parseBoxList(addr);
      if (!parsed || parsed.boxes.length !== 1) throw invalidArgument(`'${addr}' is not a single range.`);
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) throw invalidArgument(`'${addr}' is on another sheet.`);
      return parsed.boxes[0];
    }, addr, false);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    const box = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    this.queueCall('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) throw invalidArgument('Bad range indexes.');
    });
    return new RangeProxy(this.ctx, this, () => box, `${startRow},${startColumn},${rowCount},${columnCount}`, false);
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getRanges(address: string): RangeAreasProxy {
    this.queueCall('getRanges', [address], () => checkRangesAddress(address));
    return new RangeAreasProxy(this.ctx, this, () => {
      const parsed = parseBoxList(address);
      if (!parsed) throw invalidArgument(`'${address.slice(0, 40)}…' is not a valid address list.`);
      return parsed.boxes;
    }, false);
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    this.queueCall('getUsedRange', [valuesOnly], () => undefined);
    return new RangeProxy(this.ctx, this, (s) => s.usedBox(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }, 'used', false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.queueCall('getUsedRangeOrNullObject', [valuesOnly], () => undefined);
    return new RangeProxy(this.ctx, this, (s) => s.usedBox(valuesOnly), 'used', true);
  }

  /**
   * Copies the sheet (values, formats, widths, layout); the copy is named `Name (2)`, as Excel does.
   *
   * The proxy refers to the copy through the `Copy` call itself until a sync returns the new
   * sheet's id (office.js: `_createMethodObject(Excel.Worksheet, this, "Copy", …,
   * "_GetAnotherWorksheetById")`). If that sync failed, using the proxy in a later batch sends
   * the `Copy` again: another sheet. So the fake replays the copy then, as Excel would.
   */
  copy(positionType: string = 'None', relativeTo?: WorksheetProxy): WorksheetProxy {
    let created: FakeSheet | null = null;
    let bound = false;
    let ranInSync = -1;
    const run = (): void => {
      const host = this.ctx.host;
      structureWritable(host);
      const source = this.sheet();
      if (!this.ctx.calculationSuspended) host.copiesWithCalculation += 1;
      let n = 2;
      while (host.findSheet(`${source.name} (${n})`)) n += 1;
      const copy = source.cloneAs(`${source.name} (${n})`);
      copy.visibility = 'Visible';
      const sheets = host.sheets;
      let at: number;
      switch (positionType) {
        case 'Beginning':
          at = 0;
          break;
        case 'End':
          at = sheets.length;
          break;
        case 'Before':
        case 'After': {
          if (!relativeTo) throw invalidArgument('copy Before/After needs relativeTo.');
          const rel = sheets.indexOf(relativeTo.sheet());
          at = positionType === 'Before' ? rel : rel + 1;
          break;
        }
        default:
          at = sheets.indexOf(source) + 1;
      }
      sheets.splice(at, 0, copy);
      // A copied sheet keeps its comments, as Excel copies them with the sheet.
      for (const c of [...host.comments.values()].filter((x) => x.sheetId === source.id)) {
        host.comments.set(`{comment-copy-${host.comments.size + 1}-${copy.id}}`, { ...c, sheetId: copy.id });
      }
      created = copy;
      ranInSync = this.ctx.syncCount;
      this.ctx.addResponse(null, () => (bound = true));
    };
    this.queueCall('copy', [positionType, relativeTo?._id ?? null], run);
    return new WorksheetProxy(this.ctx, () => {
      if (!bound && ranInSync !== this.ctx.syncCount) run();
      return created;
    }, false);
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const host = this.ctx.host;
      structureWritable(host);
      const s = this.sheet();
      const visible = host.sheets.filter((x) => x !== s && x.visibility === 'Visible');
      if (visible.length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      host.sheets.splice(host.sheets.indexOf(s), 1);
      for (const [id, c] of host.comments) if (c.sheetId === s.id) host.comments.delete(id);
      if (host.activeSheetId === s.id) host.activeSheetId = visible[0].id;
    });
  }

  activate(): void {
    this.queueCall('activate', [], () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.host.activeSheetId = s.id;
    });
  }
}

/** Range.getMergedAreasOrNullObject fails above this many merged areas (its documentation in @types/office-js). */
export const MAX_MERGED_AREAS = 512;

function checkAddress(address: string): void {
  // Worksheet.getRange: "The `address` has a limit of 8192 characters. If the address exceeds
  // the character limit, this method returns an `InvalidArgument` error" (@types/office-js).
  if (address.length > MAX_ADDRESS_LENGTH) {
    throw invalidArgument(`The address is ${address.length} characters long; the limit is ${MAX_ADDRESS_LENGTH}.`);
  }
}

/**
 * Worksheet.getRanges documents no limit, but fails with InvalidArgument ("The argument is
 * invalid or missing or has an incorrect format.") on a long multi-area address: in
 * OfficeDev/office-js#5198 a 513-area list of 8,207 characters fails while another 513-area
 * list works, and a 649-area list of 9,085 characters fails on desktop and on the web. So the
 * limit is the length, getRange's 8,192 characters, not the number of areas (the same
 * reports in office-js-docs-pr#2255 and office-js#4263, where the address came from
 * getVisibleView). Adapters chunk their RangeAreas addresses under it; any number of areas
 * within it is accepted here.
 */
function checkRangesAddress(address: string): void {
  if (address.length > MAX_ADDRESS_LENGTH) {
    const areas = address.split(/[,;]/).length;
    throw invalidArgument(`The argument is invalid or missing or has an incorrect format: a ${areas}-area address of ${address.length} characters (getRanges fails above ${MAX_ADDRESS_LENGTH}, office-js#5198).`);
  }
}

export class WorksheetProtectionProxy extends ClientObject {
  static readonly apiType: string = 'WorksheetProtection';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy) {
    super(ctx, 'protection');
  }
  protected scalars(): string[] {
    return ['protected'];
  }
  protected read(prop: string): unknown {
    if (prop === 'protected') return this.ws.sheet().protected;
    throw unknownProperty(prop, 'WorksheetProtection');
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protect(): void {
    this.queueCall('protect', [], () => {
      this.ws.sheet().protected = true;
    });
  }
  unprotect(): void {
    this.queueCall('unprotect', [], () => {
      this.ws.sheet().protected = false;
    });
  }
}

export class FreezePanesProxy extends ClientObject {
  static readonly apiType: string = 'WorksheetFreezePanes';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy) {
    super(ctx, 'freezePanes');
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(prop: string): unknown {
    throw unknownProperty(prop, 'WorksheetFreezePanes');
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this.queueCall('freezeAt', [typeof frozenRange === 'string' ? frozenRange : frozenRange._id], () => {
      const s = this.ws.sheet();
      const box = typeof frozenRange === 'string' ? parseBox(frozenRange) : frozenRange.box();
      if (!box || box.top !== 0 || box.left !== 0) throw invalidArgument('freezeAt needs a range starting at A1.');
      s.freeze = { rows: box.bottom + 1, columns: box.right + 1 };
    });
  }
  freezeRows(count = 1): void {
    this.queueCall('freezeRows', [count], () => {
      this.ws.sheet().freeze = { rows: count, columns: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.queueCall('freezeColumns', [count], () => {
      this.ws.sheet().freeze = { rows: 0, columns: count };
    });
  }
  unfreeze(): void {
    this.queueCall('unfreeze', [], () => {
      this.ws.sheet().freeze = null;
    });
  }
  getLocationOrNullObject(): RangeProxy {
    this.queueCall('getLocationOrNullObject', [], () => undefined);
    return new RangeProxy(this.ctx, this.ws, (s) => {
      const f = s.freeze;
      if (!f || (f.rows === 0 && f.columns === 0)) return null;
      return { top: 0, left: 0, bottom: f.rows > 0 ? f.rows - 1 : 1_048_575, right: f.columns > 0 ? f.columns - 1 : 16_383 };
    }, 'freeze', true);
  }
}

export class PageLayoutProxy extends ClientObject {
  static readonly apiType: string = 'PageLayout';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy) {
    super(ctx, 'pageLayout');
  }
  protected scalars(): string[] {
    return ['orientation', 'zoom'];
  }
  protected read(prop: string): unknown {
    const layout = this.ws.sheet().pageLayout;
    if (prop === 'orientation') return layout.orientation;
    if (prop === 'zoom') return { ...layout.zoom };
    throw unknownProperty(prop, 'PageLayout');
  }
  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(value: string) {
    this.queueSet('orientation', value, () => {
      if (value !== 'Portrait' && value !== 'Landscape') throw invalidArgument(`Bad orientation ${value}.`);
      this.ws.sheet().pageLayout.orientation = value;
    });
  }
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this.get('zoom');
  }
  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.queueSet('zoom', value, () => {
      if (value.scale !== undefined && (value.scale < 10 || value.scale > 400)) throw invalidArgument('Zoom scale must be 10-400.');
      this.ws.sheet().pageLayout.zoom = { ...value };
    });
  }
  setPrintArea(area: RangeProxy | RangeAreasProxy | string): void {
    this.queueCall('setPrintArea', [typeof area === 'string' ? area : area._id], () => {
      const s = this.ws.sheet();
      s.pageLayout.printArea = typeof area === 'string' ? area : area.localAddress();
    });
  }
  setPrintTitleRows(rows: RangeProxy | string): void {
    this.queueCall('setPrintTitleRows', [typeof rows === 'string' ? rows : rows._id], () => {
      const s = this.ws.sheet();
      s.pageLayout.printTitleRows = typeof rows === 'string' ? rows : rows.localAddress();
    });
  }
  // Paper, margins, title columns and header/footer of ExcelApi 1.9's PageLayout, as the
  // adapter sets them; the values Excel would reject are rejected here too.
  set paperSize(value: string) {
    this.queueSet('paperSize', value, () => {
      if (!PAPER_TYPES.has(value)) throw invalidArgument(`Bad paper size ${value}.`);
      this.ws.sheet().pageLayout.paperSize = value;
    });
  }
  private setMargin(name: 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin', value: number): void {
    this.queueSet(name, value, () => {
      if (!(value >= 0)) throw invalidArgument(`Bad ${name} ${value}.`);
      const layout = this.ws.sheet().pageLayout;
      layout.margins = { ...layout.margins, [name]: value };
    });
  }
  set leftMargin(v: number) {
    this.setMargin('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.setMargin('rightMargin', v);
  }
  set topMargin(v: number) {
    this.setMargin('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.setMargin('bottomMargin', v);
  }
  set headerMargin(v: number) {
    this.setMargin('headerMargin', v);
  }
  set footerMargin(v: number) {
    this.setMargin('footerMargin', v);
  }
  setPrintTitleColumns(cols: string): void {
    this.queueCall('setPrintTitleColumns', [cols], () => {
      if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(cols)) throw invalidArgument(`Bad print title columns ${cols}.`);
      this.ws.sheet().pageLayout.printTitleColumns = cols;
    });
  }
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const ctx = this.ctx;
    const ws = this.ws;
    const id = this._id;
    const sections = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;
    const target: Record<string, string> = {};
    for (const name of sections) {
      Object.defineProperty(target, name, {
        set(value: string) {
          // HeaderFooter sections are strings of at most 255 characters (the file format's limit).
          ctx.enqueue({ obj: id, set: `headersFooters.${name}`, value }, () => {
            if (typeof value !== 'string' || value.length > 255) throw invalidArgument(`Bad ${name}.`);
            const layout = ws.sheet().pageLayout;
            layout.headersFooters = { ...layout.headersFooters, [name]: value };
          });
        },
      });
    }
    return { defaultForAllPages: target };
  }
  getPrintAreaOrNullObject(): RangeAreasProxy {
    this.queueCall('getPrintAreaOrNullObject', [], () => undefined);
    return new RangeAreasProxy(this.ctx, this.ws, (s) => {
      const area = s.pageLayout.printArea;
      return area ? (parseBoxList(area)?.boxes ?? null) : null;
    }, true);
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    this.queueCall('getPrintTitleRowsOrNullObject', [], () => undefined);
    return new RangeProxy(this.ctx, this.ws, (s) => {
      const rows = s.pageLayout.printTitleRows;
      return rows ? parseBox(splitSheet(rows).local) : null;
    }, 'printTitleRows', true);
  }
}

/** Excel keeps a sheet's print area and print titles as the names Print_Area and Print_Titles. */
type PrintName = 'Print_Area' | 'Print_Titles';
const PRINT_FIELD = { Print_Area: 'printArea', Print_Titles: 'printTitleRows' } as const;

export class NamedItemProxy extends ClientObject {
  static readonly apiType: string = 'NamedItem';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy, private readonly itemName: string, nullable: boolean) {
    super(ctx, 'namedItem', nullable);
  }
  private field(): 'printArea' | 'printTitleRows' | null {
    return this.itemName in PRINT_FIELD ? PRINT_FIELD[this.itemName as PrintName] : null;
  }
  protected override isNull(): boolean {
    const f = this.field();
    return f === null || this.ws.sheet().pageLayout[f] === null;
  }
  protected scalars(): string[] {
    return ['name', 'formula'];
  }
  protected read(prop: string): unknown {
    const f = this.field();
    if (prop === 'name') return this.itemName;
    if (prop === 'formula' && f) return `=${this.ws.sheet().pageLayout[f]}`;
    throw unknownProperty(prop, 'NamedItem');
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    this.queueCall('delete', [], () => {
      const f = this.field();
      if (f) this.ws.sheet().pageLayout[f] = null;
    });
  }
}

export class SheetNamesProxy extends ClientObject {
  static readonly apiType: string = 'NamedItemCollection';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy) {
    super(ctx, 'names');
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(prop: string): unknown {
    throw unknownProperty(prop, 'NamedItemCollection');
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    this.queueCall('getItemOrNullObject', [name], () => undefined);
    return new NamedItemProxy(this.ctx, this.ws, name, true);
  }
}

/** A threaded comment, by id. */
export class CommentProxy extends ClientObject {
  static readonly apiType: string = 'Comment';
  constructor(ctx: Ctx, private readonly idOf: () => string | null) {
    super(ctx, 'comment');
  }
  private entry(): { sheetId: string; row: number; col: number; content: string } {
    const id = this.idOf();
    const c = id === null ? undefined : this.ctx.host.comments.get(id);
    if (!c) throw itemNotFound('comment');
    return c;
  }
  protected scalars(): string[] {
    return ['id', 'content'];
  }
  protected read(prop: string): unknown {
    const c = this.entry();
    if (prop === 'id') return this.idOf();
    if (prop === 'content') return c.content;
    throw unknownProperty(prop, 'Comment');
  }
  get id(): string {
    return this.get('id');
  }
  get content(): string {
    return this.get('content');
  }
  set content(text: string) {
    this.queueSet('content', text, () => {
      this.entry().content = text;
    });
  }
  delete(): void {
    this.queueCall('delete', [], () => {
      this.entry();
      this.ctx.host.comments.delete(this.idOf() as string);
    });
  }
  /** The cell the comment sits on. */
  getLocation(): RangeProxy {
    this.queueCall('getLocation', [], () => undefined);
    const sheetOf = (): FakeSheet | null => this.ctx.host.sheets.find((s) => s.id === this.entry().sheetId) ?? null;
    const ws = new WorksheetProxy(this.ctx, sheetOf, false);
    return new RangeProxy(this.ctx, ws, () => {
      const c = this.entry();
      return { top: c.row, left: c.col, bottom: c.row, right: c.col };
    }, 'commentLocation', false);
  }
}

let nextCommentId = 1;

/** Comments of a sheet (`worksheet.comments`) or of the workbook (`workbook.comments`, ws null). */
export class CommentCollectionProxy extends CollectionProxy<CommentProxy> {
  static override readonly apiType: string = 'CommentCollection';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy | null) {
    super(ctx, 'comments', () =>
      [...ctx.host.comments.entries()].filter(([, c]) => ws === null || c.sheetId === ws.sheet().id).map(([id]) => new CommentProxy(ctx, () => id)),
    );
  }
  getItem(id: string): CommentProxy {
    this.queueCall('getItem', [id], () => {
      if (!this.ctx.host.comments.has(id)) throw itemNotFound(`comment ${id}`);
    });
    return new CommentProxy(this.ctx, () => id);
  }
  /** Adds a comment to one cell; Excel allows one thread per cell. */
  add(cellAddress: RangeProxy | string, content: string): CommentProxy {
    let id: string | null = null;
    this.queueCall('add', [typeof cellAddress === 'string' ? cellAddress : cellAddress._id, content], () => {
      let sheet: FakeSheet;
      let box: CellBox | null;
      if (typeof cellAddress === 'string') {
        const split = splitSheet(cellAddress);
        // Excel needs the sheet in a string address given to the workbook's collection.
        const found = split.sheet !== null ? this.ctx.host.findSheet(split.sheet) : this.ws?.sheet();
        if (!found) throw invalidArgument('The comment address must name its sheet.');
        sheet = found;
        box = parseBox(split.local);
      } else {
        const t = cellAddress.target();
        sheet = t.sheet;
        box = t.boxes[0];
      }
      if (!box || box.top !== box.bottom || box.left !== box.right) throw invalidArgument('A comment goes on a single cell.');
      const taken = [...this.ctx.host.comments.values()].some((c) => c.sheetId === sheet.id && c.row === box!.top && c.col === box!.left);
      if (taken) throw invalidArgument('The cell already has a comment.');
      id = `{comment-${nextCommentId++}}`;
      this.ctx.host.comments.set(id, { sheetId: sheet.id, row: box.top, col: box.left, content });
    });
    return new CommentProxy(this.ctx, () => id);
  }
}

/**
 * One cell's note (ExcelApi 1.18). As in Excel, a Note has no address: its properties are
 * `authorName`, `content`, `height`, `visible`, `width` (@types/office-js, Excel.Note; the
 * fake models `content`), and its cell is known only through `getLocation()`, a Range
 * loaded in a sync ("Gets the cell where this note is located").
 */
export class NoteProxy extends ClientObject {
  static readonly apiType: string = 'Note';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy, private readonly at: () => { row: number; col: number } | null, nullable: boolean) {
    super(ctx, 'note', nullable);
  }
  private where(): { row: number; col: number } {
    const w = this.at();
    if (!w || this.ws.sheet().cellAt(w.row, w.col).note === null) throw itemNotFound('note');
    return w;
  }
  protected override isNull(): boolean {
    const w = this.at();
    return !w || this.ws.sheet().cellAt(w.row, w.col).note === null;
  }
  protected scalars(): string[] {
    return ['content'];
  }
  protected read(prop: string): unknown {
    const w = this.where();
    if (prop === 'content') return this.ws.sheet().cellAt(w.row, w.col).note;
    throw unknownProperty(prop, 'Note');
  }
  get content(): string {
    return this.get('content');
  }
  set content(text: string) {
    this.queueSet('content', text, () => {
      const w = this.where();
      writable(this.ws.sheet()).update(w.row, w.col, (c) => (c.note = text));
    });
  }
  delete(): void {
    this.queueCall('delete', [], () => {
      const w = this.where();
      writable(this.ws.sheet()).update(w.row, w.col, (c) => (c.note = null));
    });
  }
  /** The cell the note is on. */
  getLocation(): RangeProxy {
    this.queueCall('getLocation', [], () => this.where());
    return new RangeProxy(this.ctx, this.ws, () => {
      const w = this.where();
      return { top: w.row, left: w.col, bottom: w.row, right: w.col };
    }, 'note-location', false);
  }
}

export class NoteCollectionProxy extends ClientObject {
  static readonly apiType: string = 'NoteCollection';
  private current: NoteProxy[] | null = null;
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy) {
    super(ctx, 'notes');
  }
  /** The sheet's notes, row by row, after `load('items/…')` and a sync. */
  get items(): NoteProxy[] {
    if (this.current === null) throw propertyNotLoaded('items');
    return this.current;
  }
  override load(spec?: LoadSpec): this {
    const props = normaliseLoad(spec);
    this.ctx.enqueue({ obj: this._id, method: 'load', props }, () => {
      const s = this.ws.sheet();
      const cells = [...s.cells.entries()]
        .filter(([, c]) => c.note !== null)
        .map(([key]) => key.split(',').map(Number) as [number, number])
        .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const items = cells.map(([row, col]) => new NoteProxy(this.ctx, this.ws, () => ({ row, col }), false));
      const itemProps = props?.map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
      for (const item of items) item.loadPaths(itemProps && itemProps.length > 0 ? itemProps : item.scalarList());
      this.ctx.addResponse(items.length, () => (this.current = items));
    });
    return this;
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(prop: string): unknown {
    throw unknownProperty(prop, 'NoteCollection');
  }
  private cellOf(address: string): { row: number; col: number } | null {
    const box = parseBox(splitSheet(address).local);
    return box && box.top === box.bottom && box.left === box.right ? { row: box.top, col: box.left } : null;
  }
  /**
   * Adds a note to one cell. "If the string is invalid, or the range is not a single cell,
   * an `InvalidCellAddress` error is thrown" (@types/office-js, NoteCollection.add). "Notes
   * are tied to an individual cell" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes),
   * and Excel keeps one note per cell; which error an add on a noted cell raises is not
   * documented, so the fake refuses it with InvalidArgument (strict: an add-in that adds on
   * a cell a user noted fails here, and the rest of its batch does not run).
   */
  add(cellAddress: RangeProxy | string, content: string): NoteProxy {
    let at: { row: number; col: number } | null = null;
    this.queueCall('add', [typeof cellAddress === 'string' ? cellAddress : cellAddress._id, content], () => {
      const box = typeof cellAddress === 'string' ? parseBox(splitSheet(cellAddress).local) : cellAddress.box();
      if (!box || box.top !== box.bottom || box.left !== box.right) throw invalidArgument('A note goes on a single cell.');
      const s = writable(this.ws.sheet());
      if (s.cellAt(box.top, box.left).note !== null) throw invalidArgument('The cell already has a note.');
      s.update(box.top, box.left, (c) => (c.note = content));
      at = { row: box.top, col: box.left };
    });
    return new NoteProxy(this.ctx, this.ws, () => at, false);
  }
  /** By CELL address: "Gets a note by its cell address ... If there is no note with the given cell address, then the `ItemNotFound` error is thrown" (@types/office-js, NoteCollection.getItem). */
  getItem(key: string): NoteProxy {
    this.queueCall('getItem', [key], () => {
      const at = this.cellOf(key);
      if (!at || this.ws.sheet().cellAt(at.row, at.col).note === null) throw itemNotFound(`note ${key}`);
    });
    return new NoteProxy(this.ctx, this.ws, () => this.cellOf(key), false);
  }
  /** By cell address: "returns the note with the given cell address or null object" (@types/office-js, NoteCollection.getItemOrNullObject, ExcelApi 1.18). */
  getItemOrNullObject(key: string): NoteProxy {
    this.queueCall('getItemOrNullObject', [key], () => undefined);
    return new NoteProxy(this.ctx, this.ws, () => this.cellOf(key), true);
  }
}

// ---------------------------------------------------------------- ranges

/** Where a range or RangeAreas points, at sync. */
interface Target {
  sheet: FakeSheet;
  boxes: CellBox[];
}

function forEachCell(boxes: CellBox[], fn: (row: number, col: number) => void): void {
  for (const b of boxes) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(r, c);
}

function writable(sheet: FakeSheet): FakeSheet {
  if (sheet.protected) throw accessDenied(sheet.name);
  return sheet;
}

/** One value written through `values`/`formulas`: `=...` is a formula, numeric text a number, as Excel parses typing. */
function applyInput(cell: FakeCell, input: unknown, currentYear: number): void {
  cell.givenText = null;
  if (typeof input === 'string' && input.startsWith('=')) {
    cell.formula = input;
    cell.value = '';
    return;
  }
  cell.formula = null;
  // Excel's apostrophe prefix stores the rest as text (`'-` is the text -, not a formula).
  if (typeof input === 'string' && input.startsWith("'")) cell.value = input.slice(1);
  // A cell formatted as Text (`@`) keeps typed digits as text, as Excel does.
  else if (typeof input === 'string' && cell.numberFormat === '@') cell.value = input;
  else if (typeof input === 'number' || typeof input === 'boolean') cell.value = input;
  else if (input === null || input === undefined) cell.value = '';
  else if (typeof input === 'string') {
    // Anything else is parsed as if typed: `Jan-21` becomes a date, `85%` a number (see fakeExcelCoercion.ts).
    const typed = coerceTyped(input, currentYear);
    cell.value = typed.value;
    if (typed.numberFormat !== undefined && cell.numberFormat === 'General') cell.numberFormat = typed.numberFormat;
  } else cell.value = String(input);
}

function check2d(values: unknown, box: CellBox): unknown[][] {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw invalidArgument("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  return values as unknown[][];
}

function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Relative references move with a copied formula; `$` parts stay; names followed by `(` are functions.
  return formula.replace(/(^|[^A-Za-z0-9_.'"])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (m, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
    let c = 0;
    for (const ch of col) c = c * 26 + (ch.charCodeAt(0) - 64);
    const newCol = cAbs ? c : c + dCol;
    const newRow = rAbs ? Number(row) : Number(row) + dRow;
    if (newCol < 1 || newRow < 1) return `${pre}#REF!`;
    let letters = '';
    for (let n = newCol; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return `${pre}${cAbs}${letters}${rAbs}${newRow}`;
  });
}

type CopyType = 'All' | 'Formulas' | 'Values' | 'Formats';

function copyCell(from: FakeCell, to: FakeCell, type: CopyType, dRow: number, dCol: number): void {
  const formats: Array<keyof FakeCell> = [
    'numberFormat', 'fill', 'fontName', 'fontColor', 'bold', 'italic', 'horizontalAlignment', 'verticalAlignment', 'wrapText',
    'borderTop', 'borderBottom', 'borderLeft', 'borderRight',
  ];
  if (type === 'All' || type === 'Formats') for (const k of formats) (to as unknown as Record<string, unknown>)[k] = from[k];
  // Excel's displayed text follows from value and format: pasting the formats of a cell
  // holding the same value brings back the text it showed.
  if (type === 'Formats' && to.value === from.value && to.formula === from.formula) to.givenText = from.givenText;
  if (type === 'All' || type === 'Formulas') {
    to.formula = from.formula === null ? null : shiftFormula(from.formula, dRow, dCol);
    to.value = from.value;
    to.givenText = type === 'All' ? from.givenText : null;
  }
  if (type === 'Values') {
    to.formula = null;
    to.value = from.value;
    to.givenText = null;
  }
  if (type === 'All') to.note = from.note;
}

export class RangeProxy extends ClientObject {
  static readonly apiType: string = 'Range';
  private readonly ws: WorksheetProxy;
  private readonly boxOf: (s: FakeSheet) => CellBox | null;
  private formatProxy: RangeFormatProxy | null = null;

  constructor(ctx: Ctx, ws: WorksheetProxy, boxOf: (s: FakeSheet) => CellBox | null, label: string, nullable: boolean) {
    super(ctx, `range:${label}`, nullable);
    this.ws = ws;
    this.boxOf = boxOf;
  }

  /** @internal the box at sync. */
  box(): CellBox {
    const b = this.boxOf(this.ws.sheet());
    if (!b) throw itemNotFound('range');
    return b;
  }
  /** @internal */
  target(): Target {
    return { sheet: this.ws.sheet(), boxes: [this.box()] };
  }
  /** @internal `A1:B2` without the sheet. */
  localAddress(): string {
    return fullAddress(this.ws.sheet().name, this.box()).split('!').pop() as string;
  }

  protected override isNull(): boolean {
    return this.boxOf(this.ws.sheet()) === null;
  }
  protected scalars(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'text', 'numberFormat', 'formulas'];
  }
  protected read(prop: string): unknown {
    const s = this.ws.sheet();
    const b = this.box();
    const grid = <T>(fn: (row: number, col: number) => T): T[][] =>
      Array.from({ length: b.bottom - b.top + 1 }, (_, i) => Array.from({ length: b.right - b.left + 1 }, (_, j) => fn(b.top + i, b.left + j)));
    switch (prop) {
      case 'address':
        return fullAddress(s.name, b);
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'rowCount':
        return b.bottom - b.top + 1;
      case 'columnCount':
        return b.right - b.left + 1;
      case 'cellCount':
        return (b.bottom - b.top + 1) * (b.right - b.left + 1);
      case 'values':
        return grid((r, c) => s.cellAt(r, c).value);
      case 'text':
        return grid((r, c) => s.textAt(r, c));
      case 'numberFormat':
        return grid((r, c) => s.cellAt(r, c).numberFormat);
      case 'formulas':
        return grid((r, c) => s.cellAt(r, c).formula ?? s.cellAt(r, c).value);
      default:
        throw unknownProperty(prop, 'Range');
    }
  }
  protected override child(name: string): ClientObject | null {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.ws;
    return null;
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get values(): FakeValue[][] {
    return this.get('values');
  }
  set values(values: FakeValue[][]) {
    this.queueSet('values', values, () => this.write(values, false));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(values: unknown[][]) {
    this.queueSet('formulas', values, () => this.write(values, true));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.queueSet('numberFormat', formats, () => {
      const b = this.box();
      const rows = check2d(formats, b);
      const s = writable(this.ws.sheet());
      rows.forEach((row, i) =>
        row.forEach((f, j) =>
          s.update(b.top + i, b.left + j, (c) => {
            c.numberFormat = String(f);
            c.givenText = null;
          }),
        ),
      );
    });
  }
  get worksheet(): WorksheetProxy {
    this.requires('worksheet');
    return this.ws;
  }
  get format(): RangeFormatProxy {
    this.requires('format');
    this.formatProxy ??= new RangeFormatProxy(this.ctx, () => this.target());
    return this.formatProxy;
  }
  private cfProxy: ConditionalFormatCollectionProxy | null = null;
  /** Conditional formats intersecting the range; `add` applies one to the whole range. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.requires('conditionalFormats');
    this.cfProxy ??= new ConditionalFormatCollectionProxy(this.ctx, this.ws, () => [this.box()]);
    return this.cfProxy;
  }

  private write(values: unknown[][], _formulas: boolean): void {
    const b = this.box();
    const rows = check2d(values, b);
    const s = writable(this.ws.sheet());
    rows.forEach((row, i) => row.forEach((v, j) => s.update(b.top + i, b.left + j, (c) => applyInput(c, v, this.ctx.host.currentYear))));
  }

  select(): void {
    this.queueCall('select', [], () => {
      const s = this.ws.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A range on a hidden sheet cannot be selected.');
      this.ctx.host.activeSheetId = s.id;
      this.ctx.host.selection = { sheet: s.name, address: this.localAddress() };
    });
  }

  clear(applyTo: string = 'All'): void {
    this.queueCall('clear', [applyTo], () => clearBoxes(this.target(), applyTo));
  }

  getCell(row: number, column: number): RangeProxy {
    this.queueCall('getCell', [row, column], () => undefined);
    return new RangeProxy(this.ctx, this.ws, () => {
      const b = this.box();
      return { top: b.top + row, left: b.left + column, bottom: b.top + row, right: b.left + column };
    }, 'cell', false);
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    this.queueCall('getOffsetRange', [rowOffset, columnOffset], () => undefined);
    return new RangeProxy(this.ctx, this.ws, () => {
      const b = this.box();
      return { top: b.top + rowOffset, left: b.left + columnOffset, bottom: b.bottom + rowOffset, right: b.right + columnOffset };
    }, 'offset', false);
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this.queueCall('getResizedRange', [deltaRows, deltaColumns], () => undefined);
    return new RangeProxy(this.ctx, this.ws, () => {
      const b = this.box();
      return { ...b, bottom: b.bottom + deltaRows, right: b.right + deltaColumns };
    }, 'resized', false);
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.queueCall('getMergedAreasOrNullObject', [], () => undefined);
    return new RangeAreasProxy(this.ctx, this.ws, (s) => {
      const b = this.box();
      const hits = s.merges.filter((m) => boxesIntersect(m, b));
      // "If the merged areas count in this range is more than 512, then this method will fail
      // to return the result" (Range.getMergedAreasOrNullObject, @types/office-js).
      if (hits.length > MAX_MERGED_AREAS) throw new FakeOfficeError('GeneralException', `The range has ${hits.length} merged areas; more than ${MAX_MERGED_AREAS} cannot be returned.`);
      return hits.length > 0 ? hits : null;
    }, true);
  }

  /**
   * The cells of this range of `cellType` (`Constants`: a typed value; `Formulas`: a formula)
   * whose value is of a kind `cellValueType` names (`Numbers`, `Text`, `Logical`, `Errors`,
   * their combinations such as `LogicalNumbersText`, or `All`), as a RangeAreas; a null
   * object when there are none (Range.getSpecialCellsOrNullObject, ExcelApi 1.9,
   * @types/office-js; learn.microsoft.com "Find special cells within a range using the Excel
   * JavaScript API": the value type applies only to constants and formulas, and numeric
   * constants exclude formulas that evaluate to numbers). Excel documents no rule for how it
   * cuts the cells into areas; the fake gives each column's vertical runs, side-by-side runs
   * of the same rows joined, and an adapter may rely on no particular cut.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType: string = 'All'): RangeAreasProxy {
    this.queueCall('getSpecialCellsOrNullObject', [cellType, cellValueType], () => {
      if (cellType !== 'Constants' && cellType !== 'Formulas') throw invalidArgument(`The fake models getSpecialCells for Constants and Formulas only, not ${cellType}.`);
    });
    return new RangeAreasProxy(this.ctx, this.ws, (s) => {
      const boxes = specialCellBoxes(s, this.box(), cellType === 'Formulas', valueKinds(cellValueType));
      return boxes.length > 0 ? boxes : null;
    }, true);
  }

  /** Copies `source` here (its size, from this range's top-left), relative formulas shifted as Excel does. */
  copyFrom(source: RangeProxy | RangeAreasProxy | string, copyType: CopyType = 'All'): void {
    this.queueCall('copyFrom', [typeof source === 'string' ? source : source._id, copyType], () => {
      const from = resolveSource(this.ctx, source, this.ws.sheet());
      const dest = this.box();
      const to = writable(this.ws.sheet());
      const src = from.boxes[0];
      const dRow = dest.top - src.top;
      const dCol = dest.left - src.left;
      // Read every source cell before writing: source and destination may overlap.
      const cells: Array<[number, number, FakeCell]> = [];
      forEachCell([src], (r, c) => cells.push([r, c, { ...from.sheet.cellAt(r, c) }]));
      for (const [r, c, cell] of cells) to.update(r + dRow, c + dCol, (t) => copyCell(cell, t, copyType, dRow, dCol));
      if (copyType === 'All' || copyType === 'Formats') {
        replaceConditionals(to, { top: dest.top, left: dest.left, bottom: dest.top + src.bottom - src.top, right: dest.left + src.right - src.left }, from.sheet, src);
      }
    });
  }

  /** Moves cells (values, formulas unchanged, formats) to `destination`; the source becomes blank. */
  moveTo(destination: RangeProxy | string): void {
    this.queueCall('moveTo', [typeof destination === 'string' ? destination : destination._id], () => {
      const s = writable(this.ws.sheet());
      const src = this.box();
      const destBox = typeof destination === 'string' ? parseBox(splitSheet(destination).local) : destination.box();
      if (!destBox) throw invalidArgument('Bad moveTo destination.');
      const dRow = destBox.top - src.top;
      const dCol = destBox.left - src.left;
      const cells: Array<[number, number, FakeCell]> = [];
      forEachCell([src], (r, c) => cells.push([r, c, { ...s.cellAt(r, c) }]));
      forEachCell([src], (r, c) => s.update(r, c, (t) => Object.assign(t, defaultCell())));
      for (const [r, c, cell] of cells) s.update(r + dRow, c + dCol, (t) => Object.assign(t, cell));
    });
  }
}

type ValueKind = 'number' | 'text' | 'logical' | 'error';

/** Excel's error values as `values` gives them. */
const ERROR_VALUES: ReadonlySet<string> = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** The kinds a SpecialCellValueType names: `ErrorsLogicalNumber` is errors, Booleans and numbers. */
function valueKinds(type: string): ReadonlySet<ValueKind> {
  if (type === 'All') return new Set<ValueKind>(['number', 'text', 'logical', 'error']);
  const kinds = new Set<ValueKind>();
  if (type.includes('Errors')) kinds.add('error');
  if (type.includes('Logical')) kinds.add('logical');
  if (type.includes('Number')) kinds.add('number');
  if (type.includes('Text')) kinds.add('text');
  if (kinds.size === 0) throw invalidArgument(`'${type}' is not a SpecialCellValueType.`);
  return kinds;
}

function kindOf(value: FakeValue): ValueKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'logical';
  return ERROR_VALUES.has(String(value)) ? 'error' : 'text';
}

/** The matching cells of `box` as rectangles: each column's vertical runs, then equal runs of neighbouring columns joined. */
function specialCellBoxes(s: FakeSheet, box: CellBox, formulas: boolean, kinds: ReadonlySet<ValueKind>): CellBox[] {
  const matches = (r: number, c: number): boolean => {
    const cell = s.cellAt(r, c);
    if (formulas ? cell.formula === null : cell.formula !== null || cell.value === '') return false;
    return kinds.has(kindOf(cell.value));
  };
  const open = new Map<string, CellBox>();
  const out: CellBox[] = [];
  for (let c = box.left; c <= box.right; c++) {
    const runs: CellBox[] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      if (!matches(r, c)) continue;
      const last = runs[runs.length - 1];
      if (last && last.bottom === r - 1) last.bottom = r;
      else runs.push({ top: r, left: c, bottom: r, right: c });
    }
    const next = new Map<string, CellBox>();
    for (const run of runs) {
      const key = `${run.top}:${run.bottom}`;
      const prev = open.get(key);
      if (prev) {
        prev.right = c;
        next.set(key, prev);
      } else {
        out.push(run);
        next.set(key, run);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  return out;
}

function resolveSource(ctx: Ctx, source: RangeProxy | RangeAreasProxy | string, current: FakeSheet): Target {
  if (typeof source !== 'string') return source.target();
  checkAddress(source);
  const { sheet, local } = splitSheet(source);
  const s = sheet === null ? current : ctx.host.findSheet(sheet);
  const box = parseBox(local);
  if (!s || !box) throw invalidArgument(`Bad source address ${source}.`);
  return { sheet: s, boxes: [box] };
}

function clearBoxes(target: Target, applyTo: string): void {
  const s = writable(target.sheet);
  if (applyTo === 'All' || applyTo === 'Formats') for (const b of target.boxes) replaceConditionals(s, b, null, null);
  forEachCell(target.boxes, (r, c) =>
    s.update(r, c, (cell) => {
      const blank = defaultCell();
      if (applyTo === 'All' || applyTo === 'Contents') {
        cell.value = '';
        cell.formula = null;
        cell.givenText = null;
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        const { value, formula, givenText, note } = cell;
        Object.assign(cell, blank, { value, formula, givenText: null, note });
        void givenText;
      }
    }),
  );
}

export class RangeAreasProxy extends ClientObject {
  static readonly apiType: string = 'RangeAreas';
  private readonly ws: WorksheetProxy;
  private readonly boxesOf: (s: FakeSheet) => CellBox[] | null;
  private formatProxy: RangeFormatProxy | null = null;

  constructor(ctx: Ctx, ws: WorksheetProxy, boxesOf: (s: FakeSheet) => CellBox[] | null, nullable: boolean) {
    super(ctx, 'rangeAreas', nullable);
    this.ws = ws;
    this.boxesOf = boxesOf;
  }
  /** @internal */
  target(): Target {
    const boxes = this.boxesOf(this.ws.sheet());
    if (!boxes) throw itemNotFound('range areas');
    return { sheet: this.ws.sheet(), boxes };
  }
  /** @internal */
  localAddress(): string {
    const t = this.target();
    return t.boxes.map((b) => fullAddress(t.sheet.name, b).split('!').pop()).join(',');
  }
  protected override isNull(): boolean {
    return this.boxesOf(this.ws.sheet()) === null;
  }
  protected scalars(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected read(prop: string): unknown {
    const t = this.target();
    if (prop === 'address') return t.boxes.map((b) => fullAddress(t.sheet.name, b)).join(',');
    if (prop === 'areaCount') return t.boxes.length;
    if (prop === 'cellCount') return t.boxes.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    throw unknownProperty(prop, 'RangeAreas');
  }
  protected override child(name: string): ClientObject | null {
    if (name === 'format') return this.format;
    if (name === 'areas') return this.areas;
    return null;
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get format(): RangeFormatProxy {
    this.requires('format');
    this.formatProxy ??= new RangeFormatProxy(this.ctx, () => this.target());
    return this.formatProxy;
  }
  private cfProxy: ConditionalFormatCollectionProxy | null = null;
  /** Conditional formats intersecting the areas (ExcelApi 1.9); `add` applies one to every area. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.requires('conditionalFormats');
    this.cfProxy ??= new ConditionalFormatCollectionProxy(this.ctx, this.ws, () => this.target().boxes);
    return this.cfProxy;
  }
  private areasProxy: CollectionProxy<RangeProxy> | null = null;
  get areas(): CollectionProxy<RangeProxy> {
    this.requires('areas');
    // A null object's areas load as none: the caller reads them only after checking isNullObject.
    this.areasProxy ??= new CollectionProxy<RangeProxy>(this.ctx, 'areas', () =>
      (this.boxesOf(this.ws.sheet()) ?? []).map((b) => new RangeProxy(this.ctx, this.ws, () => b, 'area', false)),
    );
    return this.areasProxy;
  }
  clear(applyTo: string = 'All'): void {
    this.queueCall('clear', [applyTo], () => clearBoxes(this.target(), applyTo));
  }
  select(): void {
    this.queueCall('select', [], () => {
      const t = this.target();
      this.ctx.host.activeSheetId = t.sheet.id;
      this.ctx.host.selection = { sheet: t.sheet.name, address: this.localAddress() };
    });
  }
}

// ---------------------------------------------------------------- formats

/** Reads one cell property over every cell: the common value, or null when mixed (as Excel). */
function uniform<T>(target: Target, get: (cell: FakeCell) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (const b of target.boxes) {
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const v = get(target.sheet.cellAt(r, c));
        if (first) {
          value = v;
          first = false;
        } else if (JSON.stringify(v) !== JSON.stringify(value)) return null;
      }
    }
  }
  return value;
}

function setEach(target: Target, change: (cell: FakeCell) => void): void {
  const s = writable(target.sheet);
  forEachCell(target.boxes, (r, c) => s.update(r, c, change));
}

const NAMED_COLOURS: Record<string, string> = { white: '#FFFFFF', black: '#000000', yellow: '#FFFF00', red: '#FF0000', green: '#008000' };

/** Office returns colours as `#RRGGBB` upper case; names are accepted on write. */
function normaliseColour(colour: string): string {
  const named = NAMED_COLOURS[colour.toLowerCase()];
  if (named) return named;
  if (!/^#[0-9A-Fa-f]{6}$/.test(colour)) throw invalidArgument(`'${colour}' is not a colour.`);
  return colour.toUpperCase();
}

export class RangeFormatProxy extends ClientObject {
  static readonly apiType: string = 'RangeFormat';
  private readonly targetOf: () => Target;
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: RangeBorderCollectionProxy;

  constructor(ctx: Ctx, targetOf: () => Target) {
    super(ctx, 'format');
    this.targetOf = targetOf;
    this.fill = new RangeFillProxy(ctx, targetOf);
    this.font = new RangeFontProxy(ctx, targetOf);
    this.borders = new RangeBorderCollectionProxy(ctx, targetOf);
  }
  protected scalars(): string[] {
    return ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth'];
  }
  protected read(prop: string): unknown {
    const t = this.targetOf();
    switch (prop) {
      case 'horizontalAlignment':
        return uniform(t, (c) => c.horizontalAlignment);
      case 'verticalAlignment':
        return uniform(t, (c) => c.verticalAlignment);
      case 'wrapText':
        return uniform(t, (c) => c.wrapText);
      case 'columnWidth': {
        const widths = new Set<number>();
        for (const b of t.boxes) for (let c = b.left; c <= b.right; c++) widths.add(t.sheet.columnWidth(c));
        return widths.size === 1 ? [...widths][0] : null;
      }
      default:
        throw unknownProperty(prop, 'RangeFormat');
    }
  }
  protected override child(name: string): ClientObject | null {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return null;
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.queueSet('horizontalAlignment', v, () => setEach(this.targetOf(), (c) => (c.horizontalAlignment = v)));
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.queueSet('verticalAlignment', v, () => setEach(this.targetOf(), (c) => (c.verticalAlignment = v)));
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.queueSet('wrapText', v, () => setEach(this.targetOf(), (c) => (c.wrapText = v)));
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(v: number) {
    this.queueSet('columnWidth', v, () => {
      const t = this.targetOf();
      writable(t.sheet);
      if (!(v >= 0)) throw invalidArgument(`Bad column width ${v}.`);
      // The default width is no setting at all, as in the file Excel saves.
      for (const b of t.boxes) for (let c = b.left; c <= b.right; c++) {
        if (v === DEFAULT_COLUMN_WIDTH) t.sheet.columnWidths.delete(c);
        else t.sheet.columnWidths.set(c, v);
      }
    });
  }
  set rowHeight(v: number) {
    this.queueSet('rowHeight', v, () => {
      const t = this.targetOf();
      writable(t.sheet);
      // Excel's row height runs from 0 to 409 points.
      if (!(v >= 0 && v <= 409)) throw invalidArgument(`Bad row height ${v}.`);
      for (const b of t.boxes) for (let r = b.top; r <= b.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  autofitColumns(): void {
    this.queueCall('autofitColumns', [], () => undefined);
  }
  // RangeFormat.autofitRows (ExcelApi 1.2): heights follow the text; the fake has no fonts to measure, so it records the call only.
  autofitRows(): void {
    this.queueCall('autofitRows', [], () => undefined);
  }
}

export class RangeFillProxy extends ClientObject {
  static readonly apiType: string = 'RangeFill';
  constructor(ctx: Ctx, private readonly targetOf: () => Target) {
    super(ctx, 'fill');
  }
  protected scalars(): string[] {
    return ['color', 'tintAndShade'];
  }
  protected read(prop: string): unknown {
    if (prop === 'color') return uniform(this.targetOf(), (c) => c.fill ?? '#FFFFFF');
    // Excel reports No Fill as white with tintAndShade null: the only way to tell it from white.
    if (prop === 'tintAndShade') return uniform(this.targetOf(), (c) => (c.fill === null ? null : 0));
    throw unknownProperty(prop, 'RangeFill');
  }
  get tintAndShade(): number | null {
    return this.get('tintAndShade');
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.queueSet('color', v, () => {
      const colour = normaliseColour(v);
      setEach(this.targetOf(), (c) => (c.fill = colour));
    });
  }
  clear(): void {
    this.queueCall('clear', [], () => setEach(this.targetOf(), (c) => (c.fill = null)));
  }
}

export class RangeFontProxy extends ClientObject {
  static readonly apiType: string = 'RangeFont';
  constructor(ctx: Ctx, private readonly targetOf: () => Target) {
    super(ctx, 'font');
  }
  protected scalars(): string[] {
    return ['name', 'color', 'bold', 'italic'];
  }
  protected read(prop: string): unknown {
    const t = this.targetOf();
    // Like every RangeFont property, null when the cells differ (@types/office-js RangeFont).
    if (prop === 'name') return uniform(t, (c) => c.fontName);
    if (prop === 'color') return uniform(t, (c) => c.fontColor);
    if (prop === 'bold') return uniform(t, (c) => c.bold);
    if (prop === 'italic') return uniform(t, (c) => c.italic);
    throw unknownProperty(prop, 'RangeFont');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    // "The name's length should not be greater than 31 characters" (RangeFont.name, @types/office-js).
    this.queueSet('name', v, () => {
      if (typeof v !== 'string' || v.length === 0 || v.length > 31) throw invalidArgument(`Bad font name ${JSON.stringify(v)}.`);
      setEach(this.targetOf(), (c) => (c.fontName = v));
    });
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.queueSet('color', v, () => {
      const colour = normaliseColour(v);
      setEach(this.targetOf(), (c) => (c.fontColor = colour));
    });
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.queueSet('bold', v, () => setEach(this.targetOf(), (c) => (c.bold = v)));
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.queueSet('italic', v, () => setEach(this.targetOf(), (c) => (c.italic = v)));
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
type Edge = (typeof EDGES)[number];
type Side = 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight';

export class RangeBorderCollectionProxy extends ClientObject {
  static readonly apiType: string = 'RangeBorderCollection';
  constructor(ctx: Ctx, private readonly targetOf: () => Target) {
    super(ctx, 'borders');
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(prop: string): unknown {
    throw unknownProperty(prop, 'RangeBorderCollection');
  }
  getItem(index: string): RangeBorderProxy {
    if (!(EDGES as readonly string[]).includes(index)) {
      this.queueCall('getItem', [index], () => {
        throw invalidArgument(`'${index}' is not a border index the fake supports.`);
      });
    }
    return new RangeBorderProxy(this.ctx, this.targetOf, index as Edge);
  }
}

/** Which cell sides an edge of a box paints: Excel's Inside* edges paint between cells. */
function sidesOf(edge: Edge, b: CellBox, fn: (row: number, col: number, side: Side) => void): void {
  for (let r = b.top; r <= b.bottom; r++) {
    for (let c = b.left; c <= b.right; c++) {
      if (edge === 'EdgeTop' && r === b.top) fn(r, c, 'borderTop');
      if (edge === 'EdgeBottom' && r === b.bottom) fn(r, c, 'borderBottom');
      if (edge === 'EdgeLeft' && c === b.left) fn(r, c, 'borderLeft');
      if (edge === 'EdgeRight' && c === b.right) fn(r, c, 'borderRight');
      if (edge === 'InsideHorizontal') {
        if (r < b.bottom) fn(r, c, 'borderBottom');
        if (r > b.top) fn(r, c, 'borderTop');
      }
      if (edge === 'InsideVertical') {
        if (c < b.right) fn(r, c, 'borderRight');
        if (c > b.left) fn(r, c, 'borderLeft');
      }
    }
  }
}

export class RangeBorderProxy extends ClientObject {
  static readonly apiType: string = 'RangeBorder';
  constructor(ctx: Ctx, private readonly targetOf: () => Target, private readonly edge: Edge) {
    super(ctx, 'border');
  }
  protected scalars(): string[] {
    return ['style', 'weight', 'color'];
  }
  protected read(prop: string): unknown {
    const t = this.targetOf();
    const seen = new Set<string>();
    for (const b of t.boxes) {
      sidesOf(this.edge, b, (r, c, side) => {
        const border = t.sheet.cellAt(r, c)[side];
        const key = prop as keyof FakeBorder;
        seen.add(border ? border[key] : key === 'style' ? 'None' : key === 'weight' ? 'Thin' : '#000000');
      });
    }
    return seen.size === 1 ? [...seen][0] : null;
  }
  private setPart(part: keyof FakeBorder, value: string): void {
    this.queueSet(part, value, () => {
      const t = this.targetOf();
      writable(t.sheet);
      const v = part === 'color' ? normaliseColour(value) : value;
      for (const b of t.boxes) {
        sidesOf(this.edge, b, (r, c, side) =>
          t.sheet.update(r, c, (cell) => {
            if (part === 'style' && v === 'None') {
              cell[side] = null;
              return;
            }
            const current = cell[side] ?? { style: 'Continuous', weight: 'Thin', color: '#000000' };
            cell[side] = { ...current, [part]: v };
          }),
        );
      }
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.setPart('style', v);
  }
  get weight(): string {
    return this.get('weight');
  }
  set weight(v: string) {
    this.setPart('weight', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.setPart('color', v);
  }
}

// ---------------------------------------------------------------- settings

export class SettingProxy extends ClientObject {
  static readonly apiType: string = 'Setting';
  constructor(ctx: Ctx, private readonly settingKey: string, nullable: boolean) {
    super(ctx, 'setting', nullable);
  }
  protected override isNull(): boolean {
    return !this.ctx.host.settings.has(this.settingKey);
  }
  protected scalars(): string[] {
    return ['key', 'value'];
  }
  protected read(prop: string): unknown {
    if (prop === 'key') return this.settingKey;
    if (prop === 'value') {
      const raw = this.ctx.host.settings.get(this.settingKey);
      if (raw === undefined) throw itemNotFound(`setting '${this.settingKey}'`);
      return JSON.parse(raw);
    }
    throw unknownProperty(prop, 'Setting');
  }
  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(v: unknown) {
    this.queueSet('value', v, () => {
      this.ctx.host.settings.set(this.settingKey, JSON.stringify(v));
    });
  }
  delete(): void {
    this.queueCall('delete', [], () => {
      this.ctx.host.settings.delete(this.settingKey);
    });
  }
}

export class SettingCollectionProxy extends CollectionProxy<SettingProxy> {
  static override readonly apiType: string = 'SettingCollection';
  constructor(ctx: Ctx) {
    super(ctx, 'settings', () => [...ctx.host.settings.keys()].map((k) => new SettingProxy(ctx, k, false)));
  }
  add(key: string, value: unknown): SettingProxy {
    // Settings are stored as JSON: a value JSON cannot hold is refused, as Office does.
    const json = JSON.stringify(value);
    this.ctx.enqueue({ obj: this._id, method: 'add', args: [key, value] }, () => {
      if (json === undefined) throw invalidArgument(`Setting '${key}' cannot be stored as JSON.`);
      this.ctx.host.settings.set(key, json);
    });
    return new SettingProxy(this.ctx, key, false);
  }
  getItem(key: string): SettingProxy {
    this.ctx.enqueue({ obj: this._id, method: 'getItem', args: [key] }, () => {
      if (!this.ctx.host.settings.has(key)) throw itemNotFound(`setting '${key}'`);
    });
    return new SettingProxy(this.ctx, key, false);
  }
  getItemOrNullObject(key: string): SettingProxy {
    this.ctx.enqueue({ obj: this._id, method: 'getItemOrNullObject', args: [key] }, () => undefined);
    return new SettingProxy(this.ctx, key, true);
  }
}

// ---------------------------------------------------------------- conditional formats (ExcelApi 1.6; RangeAreas 1.9)

type CfType = FakeConditionalFormat['type'];
const CF_TYPES: Record<string, CfType> = { containsText: 'ContainsText', ContainsText: 'ContainsText', cellValue: 'CellValue', CellValue: 'CellValue', custom: 'Custom', Custom: 'Custom' };

function boxInside(inner: CellBox, outer: CellBox): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/**
 * What pasting formats does to conditional formats (copyFrom All/Formats, clear Formats):
 * formats lying wholly inside the destination are replaced by the source's. A format only
 * partly inside is left whole (Excel would split it; no adapter here relies on that).
 */
function replaceConditionals(dest: FakeSheet, destBox: CellBox, source: FakeSheet | null, srcBox: CellBox | null): void {
  dest.conditionalFormats = dest.conditionalFormats.filter((cf) => !cf.boxes.every((b) => boxInside(b, destBox)));
  if (!source || !srcBox) return;
  const dRow = destBox.top - srcBox.top;
  const dCol = destBox.left - srcBox.left;
  const copied = source.conditionalFormats
    .filter((cf) => cf.boxes.every((b) => boxInside(b, srcBox)))
    .map((cf, i) => ({
      ...cloneConditional(cf),
      id: `${cf.id}-paste-${i}-${dest.id}`,
      boxes: cf.boxes.map((b) => ({ top: b.top + dRow, bottom: b.bottom + dRow, left: b.left + dCol, right: b.right + dCol })),
    }));
  dest.conditionalFormats.unshift(...copied);
}

export class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatProxy> {
  static override readonly apiType: string = 'ConditionalFormatCollection';
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy, private readonly boxesOf: () => CellBox[]) {
    super(ctx, 'conditionalFormats', () => {
      const boxes = this.boxesOf();
      // The formats that intersect the range, in priority order, as Excel lists them.
      return this.ws
        .sheet()
        .conditionalFormats.filter((cf) => cf.boxes.some((b) => boxes.some((x) => boxesIntersect(b, x))))
        .map((cf) => new ConditionalFormatProxy(this.ctx, this.ws, () => cf));
    });
  }
  /** Adds a format on the whole range, at the top priority (Excel's `add`). */
  add(type: string): ConditionalFormatProxy {
    let created: FakeConditionalFormat | null = null;
    this.queueCall('add', [type], () => {
      const kind = CF_TYPES[type];
      if (!kind) throw invalidArgument(`The fake does not model conditional format type '${type}'.`);
      const s = writable(this.ws.sheet());
      const made: FakeConditionalFormat = {
        id: this.ctx.newId('cf'),
        boxes: this.boxesOf().map((b) => ({ ...b })),
        type: kind,
        stopIfTrue: false,
        rule: null,
        format: {},
      };
      s.conditionalFormats.unshift(made);
      created = made;
    });
    return new ConditionalFormatProxy(this.ctx, this.ws, () => created);
  }
  clearAll(): void {
    this.queueCall('clearAll', [], () => {
      const s = writable(this.ws.sheet());
      const boxes = this.boxesOf();
      s.conditionalFormats = s.conditionalFormats.filter((cf) => !cf.boxes.some((b) => boxes.some((x) => boxesIntersect(b, x))));
    });
  }
}

export class ConditionalFormatProxy extends ClientObject {
  static readonly apiType: string = 'ConditionalFormat';
  private text: ConditionalRuleProxy | null = null;
  private cell: ConditionalRuleProxy | null = null;
  private customRule: ConditionalRuleProxy | null = null;
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy, private readonly cfOf: () => FakeConditionalFormat | null) {
    super(ctx, 'conditionalFormat');
  }
  /** @internal the format at sync; deleted or never created: ItemNotFound. */
  cf(): FakeConditionalFormat {
    const cf = this.cfOf();
    if (!cf || !this.ws.sheet().conditionalFormats.includes(cf)) throw itemNotFound('conditional format');
    return cf;
  }
  protected scalars(): string[] {
    return ['id', 'type', 'priority', 'stopIfTrue'];
  }
  protected read(prop: string): unknown {
    const cf = this.cf();
    if (prop === 'id') return cf.id;
    if (prop === 'type') return cf.type;
    if (prop === 'stopIfTrue') return cf.stopIfTrue;
    if (prop === 'priority') return this.ws.sheet().conditionalFormats.indexOf(cf);
    throw unknownProperty(prop, 'ConditionalFormat');
  }
  protected override child(name: string): ClientObject | null {
    if (name === 'textComparison') return this.textComparison;
    if (name === 'cellValue') return this.cellValue;
    if (name === 'custom') return this.custom;
    return null;
  }
  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  get priority(): number {
    return this.get('priority');
  }
  get stopIfTrue(): boolean {
    return this.get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.queueSet('stopIfTrue', v, () => {
      writable(this.ws.sheet());
      this.cf().stopIfTrue = v;
    });
  }
  /** The text rule; Excel fails the sync if the format is of another type. */
  get textComparison(): ConditionalRuleProxy {
    this.requires('textComparison');
    this.text ??= new ConditionalRuleProxy(this.ctx, this.ws, () => this.cf(), 'ContainsText');
    return this.text;
  }
  get cellValue(): ConditionalRuleProxy {
    this.requires('cellValue');
    this.cell ??= new ConditionalRuleProxy(this.ctx, this.ws, () => this.cf(), 'CellValue');
    return this.cell;
  }
  get custom(): ConditionalRuleProxy {
    this.requires('custom');
    this.customRule ??= new ConditionalRuleProxy(this.ctx, this.ws, () => this.cf(), 'Custom');
    return this.customRule;
  }
  getRanges(): RangeAreasProxy {
    this.queueCall('getRanges', [], () => this.cf());
    return new RangeAreasProxy(this.ctx, this.ws, () => this.cf().boxes, false);
  }
  getRange(): RangeProxy {
    this.queueCall('getRange', [], () => {
      if (this.cf().boxes.length !== 1) throw invalidArgument('The conditional format applies to more than one range.');
    });
    return new RangeProxy(this.ctx, this.ws, () => this.cf().boxes[0], 'cf', false);
  }
  delete(): void {
    this.queueCall('delete', [], () => {
      const s = writable(this.ws.sheet());
      const cf = this.cf();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

/** `textComparison` or `cellValue` of a conditional format: its rule and the format it applies. */
export class ConditionalRuleProxy extends ClientObject {
  static readonly apiType: string = 'TextConditionalFormat';
  readonly format: ConditionalRangeFormatProxy;
  constructor(ctx: Ctx, private readonly ws: WorksheetProxy, private readonly cfOf: () => FakeConditionalFormat, private readonly kind: CfType) {
    super(ctx, kind === 'ContainsText' ? 'textComparison' : kind === 'CellValue' ? 'cellValue' : 'custom');
    this.format = new ConditionalRangeFormatProxy(ctx, () => this.cf());
  }
  protected override apiTypeName(): string {
    return this.kind === 'ContainsText' ? 'TextConditionalFormat' : this.kind === 'CellValue' ? 'CellValueConditionalFormat' : 'CustomConditionalFormat';
  }
  private cf(): FakeConditionalFormat {
    const cf = this.cfOf();
    if (cf.type !== this.kind) throw invalidArgument(`This conditional format is of type ${cf.type}, not ${this.kind}.`);
    return cf;
  }
  protected scalars(): string[] {
    return ['rule'];
  }
  protected read(prop: string): unknown {
    if (prop === 'rule') return this.cf().rule ? { ...this.cf().rule } : null;
    throw unknownProperty(prop, 'ConditionalRule');
  }
  protected override child(name: string): ClientObject | null {
    return name === 'format' ? this.format : null;
  }
  get rule(): NonNullable<FakeConditionalFormat['rule']> {
    return this.get('rule');
  }
  set rule(rule: NonNullable<FakeConditionalFormat['rule']>) {
    this.queueSet('rule', rule, () => {
      const cf = this.cf();
      if (this.kind === 'ContainsText' && (typeof rule.text !== 'string' || !['Contains', 'NotContains', 'BeginsWith', 'EndsWith'].includes(rule.operator ?? ''))) {
        throw invalidArgument('A text rule needs an operator (Contains, NotContains, BeginsWith, EndsWith) and a text.');
      }
      if (this.kind === 'CellValue' && (typeof rule.formula1 !== 'string' || !rule.operator)) throw invalidArgument('A cell value rule needs an operator and formula1.');
      if (this.kind === 'Custom' && typeof rule.formula !== 'string') throw invalidArgument('A custom rule needs a formula.');
      writable(this.ws.sheet());
      cf.rule = { ...rule };
    });
  }
}

export class ConditionalRangeFormatProxy extends ClientObject {
  static readonly apiType: string = 'ConditionalRangeFormat';
  readonly fill: { color: string; clear: () => void };
  readonly font: { color: string; bold: boolean; italic: boolean };
  constructor(ctx: Ctx, cfOf: () => FakeConditionalFormat) {
    super(ctx, 'conditionalRangeFormat');
    const set = (prop: string, key: keyof FakeConditionalFormat['format'], value: unknown, map: (v: unknown) => unknown = (v) => v): void =>
      this.queueSet(prop, value, () => {
        (cfOf().format as Record<string, unknown>)[key] = map(value);
      });
    const colour = (v: unknown): string => normaliseColour(String(v));
    const fill = { color: '', clear: () => this.queueCall('fill.clear', [], () => delete cfOf().format.fill) };
    Object.defineProperty(fill, 'color', { set: (v: string) => set('fill/color', 'fill', v, colour), get: () => cfOf().format.fill ?? '' });
    const font = {} as { color: string; bold: boolean; italic: boolean };
    Object.defineProperty(font, 'color', { set: (v: string) => set('font/color', 'fontColor', v, colour), get: () => cfOf().format.fontColor ?? '' });
    Object.defineProperty(font, 'bold', { set: (v: boolean) => set('font/bold', 'bold', v), get: () => cfOf().format.bold ?? false });
    Object.defineProperty(font, 'italic', { set: (v: boolean) => set('font/italic', 'italic', v), get: () => cfOf().format.italic ?? false });
    this.fill = fill;
    this.font = font;
  }
  protected scalars(): string[] {
    return [];
  }
  protected read(prop: string): unknown {
    throw unknownProperty(prop, 'ConditionalRangeFormat');
  }
}
