import * as fs from 'fs';
import * as path from 'path';
import * as proxies from '../fakes/fakeExcelProxies';
import { EXCEL_API_MINOR } from '../fakes/fakeExcelApiSets';
import { FakeWorkbook, fakeWorkbookFromGrids, installFakeOffice } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';
import { readGrid } from '../../src/excel/io/readGrid';

/**
 * `[Api set: ExcelApi 1.x]` of every member of every class in `declare namespace Excel`,
 * read from Microsoft's own declarations (`@types/office-js`).
 */
function declaredApiSets(): Map<string, number> {
  const file = path.join(__dirname, '..', '..', 'node_modules', '@types', 'office-js', 'index.d.ts');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = new Map<string, number>();
  let inExcel = false;
  let cls: string | null = null;
  let pending: number | null = null;
  for (const line of lines) {
    if (/^declare namespace Excel \{/.test(line)) inExcel = true;
    else if (inExcel && /^\}/.test(line)) inExcel = false;
    if (!inExcel) continue;
    const start = /^ {4}class (\w+) extends OfficeExtension\.ClientObject \{/.exec(line);
    if (start) {
      cls = start[1];
      pending = null;
      continue;
    }
    if (cls && /^ {4}\}/.test(line)) cls = null;
    if (!cls) continue;
    const set = /\[Api set: ExcelApi 1\.(\d+)/.exec(line);
    if (set) {
      pending = Number(set[1]);
      continue;
    }
    const member = /^ {8}(?:readonly )?(\w+)\??[(:<]/.exec(line);
    if (member && pending !== null) {
      const key = `${cls}.${member[1]}`;
      if (!out.has(key)) out.set(key, pending);
      pending = null;
    }
  }
  return out;
}

/** The fake's own helpers (not Office API members), per class prototype. */
const INTERNAL = new Set(['constructor', 'scalars', 'read', 'child', 'isNull', 'box', 'target', 'localAddress', 'write', 'cf', 'entry', 'field', 'cellOf', 'setPart', 'byKey', 'sheet', 'where', 'items', 'load', 'apiTypeName', 'setMargin']);

type ProxyClass = { apiType?: string; prototype: object; name: string };

function proxyClasses(): ProxyClass[] {
  return (Object.values(proxies) as unknown[]).filter((v): v is ProxyClass => typeof v === 'function' && typeof (v as ProxyClass).apiType === 'string');
}

describe('fake Excel: requirement sets as Microsoft declares them', () => {
  const declared = declaredApiSets();

  it('finds the declarations it checks against', () => {
    expect(declared.get('Range.getMergedAreasOrNullObject')).toBe(13);
    expect(declared.get('Worksheet.notes')).toBe(18);
  });

  it.each(Object.entries(EXCEL_API_MINOR))('gives %s the ExcelApi version @types/office-js tags it with', (key, minor) => {
    expect(declared.get(key)).toBe(minor);
  });

  it('lists every Office member the fake implements', () => {
    const missing: string[] = [];
    for (const cls of proxyClasses()) {
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        if (INTERNAL.has(name)) continue;
        const key = `${cls.apiType}.${name}`;
        if (!(key in EXCEL_API_MINOR)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('fake Excel: calls above the host\'s ExcelApi version fail as in office.js', () => {
  it('throws ApiNotFound synchronously for getMergedAreasOrNullObject on ExcelApi 1.12, and runs it on 1.13', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    wb.excelApiMinor = 12;
    await wb.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
      expect(() => used.getMergedAreasOrNullObject()).toThrow(
        expect.objectContaining({ code: 'ApiNotFound', message: expect.stringContaining('Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13') }),
      );
      await ctx.sync();
    });
    wb.excelApiMinor = 13;
    await wb.run(async (ctx) => {
      const merged = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().getMergedAreasOrNullObject();
      merged.load('address');
      await ctx.sync();
      expect(merged.isNullObject).toBe(false);
    });
  });

  it.each([
    ['Worksheet.notes', 17, (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getActiveWorksheet().notes],
    ['Workbook.comments', 9, (ctx: Excel.RequestContext) => ctx.workbook.comments],
    ['Worksheet.getRanges', 8, (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getActiveWorksheet().getRanges('A1,B2')],
    ['Application.suspendScreenUpdatingUntilNextSync', 8, (ctx: Excel.RequestContext) => ctx.workbook.application.suspendScreenUpdatingUntilNextSync()],
    ['Worksheet.pageLayout', 8, (ctx: Excel.RequestContext) => (ctx.workbook.worksheets.getActiveWorksheet().pageLayout.zoom = { scale: 90 })],
  ])('refuses %s on ExcelApi 1.%i', async (member, minor, call) => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    wb.excelApiMinor = minor;
    await wb.run(async (ctx) => {
      expect(() => call(ctx)).toThrow(expect.objectContaining({ code: 'ApiNotFound', debugInfo: expect.objectContaining({ errorLocation: member }) }));
      await ctx.sync();
    });
  });

  it('reads a sheet on an ExcelApi 1.12 host without asking for merged areas (which it cannot)', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    wb.excelApiMinor = 12;
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const read = await wb.run((ctx) => readGrid(ctx));
      expect(read.sheetName).toBe(grid.sheetName);
      expect(read.merges).toEqual([]);
    } finally {
      uninstall();
    }
    // The same host at 1.13 reads them.
    wb.excelApiMinor = 13;
    const again = installFakeOffice(globalThis, wb);
    try {
      const read = await wb.run((ctx) => readGrid(ctx));
      expect(read.merges).toEqual(grid.merges);
    } finally {
      again();
    }
  });
});

describe('fake Excel: merged-area reads fail above 512 areas, as documented', () => {
  it.each([
    [512, 'reads'],
    [513, 'fails'],
  ])('%i merged areas: the read %s', async (count, outcome) => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('S');
    sheet.merges = Array.from({ length: count }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2, right: 1 }));
    sheet.setValue(`A${count * 2}`, 'x');
    const read = wb.run(async (ctx) => {
      const merged = ctx.workbook.worksheets.getItem('S').getRange('A1:B2000').getMergedAreasOrNullObject();
      merged.load('areaCount');
      await ctx.sync();
      return merged.areaCount;
    });
    if (outcome === 'reads') await expect(read).resolves.toBe(count);
    else await expect(read).rejects.toMatchObject({ code: 'GeneralException' });
  });
});
