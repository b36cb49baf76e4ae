/**
 * The BUILT pane and its workbook: loading (never blank), New month, settings that travel
 * with the file across a reload, the shared runtime's custom functions, and cell text shown
 * only as text.
 */
import { SETTINGS_KEY } from '../../src/excel/io/settings';
import { DEFAULT_SETTINGS } from '../../src/port/api';
import { paneText } from '../../src/taskpane/strings';
import { seedGridTables } from '../fixtures/seedGrids';
import { screenshot } from './harness/pane';
import { detectedTable, expectCleanSession, fact, loadPane, tab, waitForViews, workbook } from './harness/paneDriver';
import { useE2E } from './harness/suite';
import { DECEMBER, decemberSheet, indicatorRow, monthHeaderCells } from './scenarios';
import { UP } from './sheetChecks';

const e2e = useE2E();

describe('the built pane and its workbook', () => {
  it('replaces the loading skeleton with the views and shows the detected table', async () => {
    const { server, open } = e2e();
    const session = await open();
    // The page as served carries a skeleton, so the pane is never blank while the bundle loads.
    const served = await (await session.page.request.get(`${server.origin}/taskpane.html`)).text();
    expect(served).toMatch(/<main[^>]*\bid=["']?app-skeleton\b/);
    await loadPane(session, server.origin);
    const region = await detectedTable(session.page);
    expect(await fact(region, paneText.sheetLabel)).toBe(DECEMBER);
    expect(await fact(region, paneText.tablesLabel)).toBe(String(seedGridTables('earlyHelp').length));
    expect(await fact(region, paneText.reportingMonthLabel)).toBe('Dec-20');
    await expect(tab(session.page, paneText.tabFormat).getAttribute('aria-selected')).resolves.toBe('true');
    await screenshot(session.page, '01-format-detected');
    await expectCleanSession(session);
  });

  it('shows a skeleton, never a blank pane, while the settings load over a slow link', async () => {
    const { server, open } = e2e();
    const session = await open({ syncDelayMs: 1500 });
    await session.page.goto(`${server.origin}/taskpane.html`, { waitUntil: 'commit' });
    // Whichever skeleton is up (the page's own, then the pane's), something names what is loading.
    await session.page.getByLabel(paneText.loadingSettings).waitFor({ timeout: 20_000 });
    await expect(session.page.getByRole('tablist').count()).resolves.toBe(0);
    await waitForViews(session.page);
    await expectCleanSession(session);
  });


  it('creates the next month’s sheet with the months shifted, leaving December as it was', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    const wb = workbook(session.page);
    const before = await wb.snapshot(DECEMBER);
    await session.page.getByRole('button', { name: paneText.newMonthButton }).click();
    await session.page.getByText(paneText.newMonthSucceeded('Jan-21')).waitFor({ timeout: 20_000 });
    expect(await wb.sheetNames()).toEqual(expect.arrayContaining([DECEMBER, 'Jan-21']));
    for (const headers of monthHeaderCells()) {
      const texts = await Promise.all(headers.map((h) => wb.text('Jan-21', h)));
      expect(texts).toEqual(['Nov-20', 'Dec-20', 'Jan-21']);
    }
    expect(await wb.snapshot(DECEMBER)).toEqual(before);
    await expectCleanSession(session);
  });


  it('saves settings in the workbook and shows them again after the page reloads', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    const page = session.page;
    await tab(page, paneText.tabSettings).click();
    await page.getByRole('radio', { name: paneText.conventionOption('numeric') }).check();
    await page.getByRole('textbox', { name: paneText.populationLabel }).fill('56310');
    await page.getByRole('radio', { name: paneText.paletteOption('highContrast') }).check();
    await screenshot(page, '05-settings');
    await page.getByRole('button', { name: paneText.saveButton }).click();
    await page.getByText(paneText.saved).waitFor({ timeout: 10_000 });
    const stored = await workbook(page).settings();
    expect(JSON.parse(stored[SETTINGS_KEY] ?? 'null')).toEqual({ ...DEFAULT_SETTINGS, convention: 'numeric', population: 56310, palette: 'highContrast' });

    // The workbook is saved and reopened: the next analyst gets the same settings.
    await workbook(page).persist();
    await page.reload();
    await waitForViews(page);
    await expect(workbook(page).reopened()).resolves.toBe(true);
    // The Format view says it will use the saved settings...
    await page.getByRole('region', { name: paneText.optionsHeading }).getByText(`${paneText.conventionLabel}: ${paneText.conventionOption('numeric')}`).waitFor({ timeout: 20_000 });
    // ...and so does the Settings view.
    await tab(page, paneText.tabSettings).click();
    await expect(page.getByRole('textbox', { name: paneText.populationLabel }).inputValue()).resolves.toMatch(/^56,?310$/);
    await expect(page.getByRole('radio', { name: paneText.paletteOption('highContrast') }).isChecked()).resolves.toBe(true);
    await expectCleanSession(session);
  });

  it('registers the functions of functions.json on the pane page (shared runtime), and they answer from the built bundle', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    const metadata = (await (await session.page.request.get(`${server.origin}/functions.json`)).json()) as { functions: Array<{ id: string }> };
    const ids = metadata.functions.map((f) => f.id).sort();
    await expect(session.page.evaluate(() => window.__fakeHost.functions())).resolves.toEqual(ids);
    const call = (id: string, args: unknown[]) => session.page.evaluate(([i, a]) => window.__fakeHost.callFunction(i as string, a as unknown[]), [id, args]);
    // Seed row 2.2 (%): 85.1% against <65% | >65% <75% | 75%.
    await expect(call('RAG', [0.851, '<65%', '>65% <75%', '75%', 'High'])).resolves.toBe('G');
    // A placeholder is missing, never 0: no status rather than Red.
    await expect(call('RAG', ['TBC Feb 19', '<90%', '90%>', '95%+', 'High'])).resolves.toBe('');
    // Corporate Parenting 6.2, a Low measure falling 108.0 -> 106.9: an improvement.
    await expect(call('DOT', [106.9, 108.0, 'Low'])).resolves.toMatch(UP);
    // Excel's own error values come from the office.js CustomFunctions.Error of the page.
    await expect(call('RATEPER10K', [[[609]], 0])).resolves.toEqual([[expect.objectContaining({ error: '#DIV/0!' })]]);
    await expectCleanSession(session);
  });

  it('renders cell text as text: markup typed in a cell never becomes an element', async () => {
    const grid = decemberSheet();
    const r = indicatorRow('2.2', 1);
    const col = r.placed.table.layout.months[2];
    const markup = '<img src="x" onerror="window.__xss=1">';
    grid.values[r.row][col] = markup;
    grid.text[r.row][col] = markup;
    grid.numberFormats[r.row][col] = 'General';
    const { server, open } = e2e();
    const session = await open({ sheets: [grid] });
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    await session.page.getByRole('heading', { name: /^Problems \(\d+\)$/ }).waitFor();
    await expect(session.page.locator('#container img[src="x"]').count()).resolves.toBe(0);
    await expect(session.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expectCleanSession(session);
  });
});
