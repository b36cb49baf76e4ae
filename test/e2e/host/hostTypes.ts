import type { Grid } from '../../../src/domain/sheet/grid';
import type { FakeCell, SheetSnapshot, SyncStats } from '../../fakes/fakeExcel';

/** What a test asks of the fake host on each page load (JSON: it crosses into the page). */
export interface HostBoot {
  /** The workbook's sheets, first active; default: the Early Help December sheet. */
  sheets?: Grid[];
  /** Name of the active sheet; default the first. */
  activeSheet?: string;
  /** workbook.settings entries to start with, raw JSON strings as Office stores them. */
  settings?: Record<string, string>;
  /** Fills the analyst had already applied (their own colours), set before the pane opens. */
  fills?: Array<{ sheet: string; address: string; color: string }>;
  /** Extra time each context.sync() takes (a slow connection), so Cancel can be pressed mid-run. */
  syncDelayMs?: number;
}

/** The fake host as the page sees it: `window.__fakeHost`. Tests read workbook state through it. */
export interface FakeHostApi {
  sheetNames(): string[];
  activeSheet(): string;
  selection(): { sheet: string; address: string } | null;
  cell(sheet: string, address: string): FakeCell;
  /** Displayed text of a cell, as Excel would show it. */
  text(sheet: string, address: string): string;
  snapshot(sheet: string): SheetSnapshot;
  /** workbook.settings as stored (raw JSON strings). */
  settings(): Record<string, string>;
  stats(): SyncStats;
  /** While true every sync fails as when the user is typing in a cell. */
  setEditMode(on: boolean): void;
  /** Saves the workbook so the next page load of this tab reopens it (sessionStorage). */
  persist(): void;
  /** True when this page load reopened a persisted workbook. */
  reopened: boolean;
  /** Ids the page associated with CustomFunctions (the shared runtime registers them). */
  functions(): string[];
  /** Calls an associated custom function as Excel would; an error comes back as { error, message }. */
  callFunction(id: string, args: unknown[]): unknown;
}

declare global {
  interface Window {
    __fakeHost: FakeHostApi;
    __fakeHostBoot(boot: HostBoot): void;
  }
}
