import type { Locator, Page } from 'playwright-core';
import type { FakeCell, SheetSnapshot } from '../../fakes/fakeExcel';
import { paneText } from '../../../src/taskpane/strings';
import type { WriteMode } from '../../../src/port/api';
import type { PaneSession } from './pane';

/** Reads the fake workbook from the page: what Excel would hold after the pane acted. */
export const workbook = (page: Page) => ({
  sheetNames: () => page.evaluate(() => window.__fakeHost.sheetNames()),
  activeSheet: () => page.evaluate(() => window.__fakeHost.activeSheet()),
  selection: () => page.evaluate(() => window.__fakeHost.selection()),
  cell: (sheet: string, address: string): Promise<FakeCell> => page.evaluate(([s, a]) => window.__fakeHost.cell(s, a), [sheet, address]),
  text: (sheet: string, address: string): Promise<string> => page.evaluate(([s, a]) => window.__fakeHost.text(s, a), [sheet, address]),
  snapshot: (sheet: string): Promise<SheetSnapshot> => page.evaluate((s) => window.__fakeHost.snapshot(s), sheet),
  settings: () => page.evaluate(() => window.__fakeHost.settings()),
  setEditMode: (on: boolean) => page.evaluate((v) => window.__fakeHost.setEditMode(v), on),
  persist: () => page.evaluate(() => window.__fakeHost.persist()),
  reopened: () => page.evaluate(() => window.__fakeHost.reopened),
});

export const tab = (page: Page, name: string): Locator => page.getByRole('tab', { name });

/** Opens taskpane.html and waits until React has replaced the skeleton with the views. */
export async function loadPane(session: PaneSession, origin: string): Promise<void> {
  await session.page.goto(`${origin}/taskpane.html`);
  await waitForViews(session.page);
}

export async function waitForViews(page: Page): Promise<void> {
  await page.getByRole('tablist', { name: paneText.viewsLabel }).waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('#app-skeleton').waitFor({ state: 'detached' });
}

/** The Format view's "Detected table" region, once detection finished. */
export async function detectedTable(page: Page): Promise<Locator> {
  const region = page.getByRole('region', { name: paneText.detectedHeading });
  await region.waitFor({ state: 'visible', timeout: 20_000 });
  return region;
}

/**
 * Formats the active sheet from the pane (in `mode`, if given: chosen and saved in Settings,
 * the one place the write options are changed) and waits for the success message.
 */
export async function formatAndWait(page: Page, mode?: WriteMode): Promise<void> {
  if (mode) {
    await page.getByRole('region', { name: paneText.optionsHeading }).getByRole('button', { name: paneText.changeInSettings }).click();
    await page.getByRole('radio', { name: paneText.modeOption(mode) }).check();
    await page.getByRole('button', { name: paneText.saveButton }).click();
    await page.getByText(paneText.saved).waitFor({ timeout: 10_000 });
    await tab(page, paneText.tabFormat).click();
    await page.getByRole('region', { name: paneText.optionsHeading }).getByText(`${paneText.modeLabel}: ${paneText.modeOption(mode)}`).waitFor();
    // Saving re-runs detection; Format is available once it is back.
    await detectedTable(page);
  }
  await page.getByRole('button', { name: paneText.formatButton }).click();
  await page.getByText(paneText.formatSucceededTitle).waitFor({ timeout: 30_000 });
}

/** The value shown beside a term of a facts list (<dt>term</dt><dd>value</dd>). */
export async function fact(region: Locator, term: string): Promise<string> {
  const dd = region.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  return (await dd.first().textContent())?.trim() ?? '';
}

/** Asserts a session ended clean: no blocked request, no CSP violation, no console error or uncaught exception. */
export async function expectCleanSession(session: PaneSession): Promise<void> {
  expect(session.network.blocked).toEqual([]);
  expect(await session.cspViolations()).toEqual([]);
  expect(session.errors).toEqual([]);
}

/**
 * Reads until `check` stops throwing (the pane acts asynchronously), then returns the value;
 * after `timeoutMs` rethrows the last assertion error, so the failure says what was seen.
 * Counts attempts, not time, between reads: no assertion depends on the clock.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
