/**
 * The test-only Office host of the browser proof, bundled by test/e2e/webpack.host.config.js
 * and injected with page.addInitScript before taskpane.html runs its own scripts. It
 * installs the same fake Excel the adapter tests use (test/fakes/fakeExcel.ts), holding a
 * workbook built from the seed grids, and exposes `window.__fakeHost` so a test can read the
 * workbook back. Never shipped.
 */
import { FakeRequestContext, FakeWorkbook, installFakeOffice } from '../../fakes/fakeExcel';
import { seedGrid } from '../../fixtures/seedGrids';
import { CustomFunctionError, installCustomFunctions } from './customFunctions';
import type { FakeHostApi, HostBoot } from './hostTypes';
import { restoreWorkbook, saveWorkbook, type SavedWorkbook } from './persist';

const STORAGE_KEY = 'e2e.fakeHost.workbook';

function buildWorkbook(boot: HostBoot): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const grid of boot.sheets ?? [seedGrid('earlyHelp')]) wb.addGrid(grid);
  if (boot.activeSheet) wb.activeSheetId = wb.sheet(boot.activeSheet).id;
  for (const [key, value] of Object.entries(boot.settings ?? {})) wb.settings.set(key, value);
  for (const f of boot.fills ?? []) wb.sheet(f.sheet).setFill(f.address, f.color);
  return wb;
}

/** The workbook saved by the previous page load of this tab, if any (a reload reopens it). */
function reopen(): SavedWorkbook | null {
  const raw = window.sessionStorage.getItem(STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as SavedWorkbook);
}

/**
 * Makes every round trip take `ms` longer, as Excel on the web does over a slow link, so a
 * test can act (Cancel) while an operation is still reading.
 */
function slowDown(ms: number): void {
  const sync = FakeRequestContext.prototype.sync;
  FakeRequestContext.prototype.sync = async function (this: FakeRequestContext): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return sync.call(this);
  };
}

/** A function result as plain data: an Excel error becomes its code and message (what the cell shows). */
function plain(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(plain);
  if (result instanceof Error) return { error: (result as Error & { code: string }).code, message: result.message };
  return result;
}

window.__fakeHostBoot = (boot: HostBoot): void => {
  const saved = reopen();
  let wb: FakeWorkbook;
  if (saved) {
    wb = new FakeWorkbook();
    restoreWorkbook(wb, saved);
  } else {
    wb = buildWorkbook(boot);
  }
  installFakeOffice(window, wb);
  if (boot.syncDelayMs) slowDown(boot.syncDelayMs);
  const functions = installCustomFunctions(window as unknown as Record<string, unknown>);
  const host: FakeHostApi = {
    sheetNames: () => wb.sheets.map((s) => s.name),
    activeSheet: () => wb.activeSheet().name,
    selection: () => (wb.selection ? { ...wb.selection } : null),
    cell: (sheet, address) => wb.sheet(sheet).cell(address),
    text: (sheet, address) => wb.sheet(sheet).text(address),
    snapshot: (sheet) => wb.sheet(sheet).snapshot(),
    settings: () => Object.fromEntries(wb.settings),
    stats: () => ({ ...wb.stats, payloads: [...wb.stats.payloads] }),
    setEditMode: (on) => {
      wb.editMode = on;
    },
    persist: () => window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(saveWorkbook(wb))),
    reopened: saved !== null,
    functions: () => [...functions.keys()].sort(),
    callFunction: (id, args) => {
      const fn = functions.get(id.toUpperCase());
      if (!fn) throw new Error(`no custom function ${id} was associated`);
      try {
        return plain(fn(...args));
      } catch (error) {
        // A single-cell error is thrown as CustomFunctions.Error (Office's documented path);
        // Excel shows it in the cell, so the caller gets it as a value.
        if (error instanceof CustomFunctionError) return plain(error);
        throw error;
      }
    },
  };
  window.__fakeHost = host;
};
