/**
 * Accessibility of the built pane in Chromium: an axe-core scan of every view (no serious or
 * critical violation), a name on every control, and the main flow done with Tab, Enter,
 * Space and arrow keys only, with a visible focus indicator at every stop.
 */
import type { Page } from 'playwright-core';
import { paneText } from '../../src/taskpane/strings';
import { NAME_RULES, describeViolations, runAxe, seriousOrCritical } from './harness/a11y';
import { focusLook, tabTo, type FocusStop } from './harness/focus';
import { screenshot } from './harness/pane';
import { detectedTable, eventually, expectCleanSession, formatAndWait, loadPane, tab, workbook } from './harness/paneDriver';
import { useE2E } from './harness/suite';
import { DECEMBER, decemberSheet, novemberSheet } from './scenarios';

const e2e = useE2E();

/** A workbook where every view has content: last month's sheet with one revised figure. */
const withRevisions = () => ({
  sheets: [novemberSheet([{ ref: '4.2', sub: 0, month: 'Oct-20', published: '180' }]), decemberSheet()],
  activeSheet: DECEMBER,
});

type View = 'Format' | 'Revisions' | 'Settings';

async function showView(page: Page, view: View): Promise<void> {
  const name = { Format: paneText.tabFormat, Revisions: paneText.tabRevisions, Settings: paneText.tabSettings }[view];
  await tab(page, name).click();
  if (view === 'Format') await detectedTable(page);
  if (view === 'Revisions') await page.getByRole('listbox', { name: paneText.listLabel }).waitFor({ timeout: 20_000 });
  if (view === 'Settings') await page.getByRole('button', { name: paneText.saveButton }).waitFor({ timeout: 20_000 });
}

async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const serious = seriousOrCritical(await runAxe(page));
  if (serious.length > 0) throw new Error(`axe: ${serious.length} serious/critical violation(s) in ${state}:\n${describeViolations(serious)}`);
}

describe('accessibility of the built pane', () => {
  it.each<View>(['Format', 'Revisions', 'Settings'])('has no serious or critical axe violation in the %s view', async (view) => {
    const { server, open } = e2e();
    const session = await open(withRevisions());
    await loadPane(session, server.origin);
    await showView(session.page, view);
    await expectNoSeriousViolations(session.page, `the ${view} view`);
    await screenshot(session.page, `a11y-${view.toLowerCase()}`);
    await expectCleanSession(session);
  });

  it('has no serious or critical axe violation after a Format, with the summary and problems shown', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    await formatAndWait(session.page);
    await expectNoSeriousViolations(session.page, 'the Format view after formatting');
    await expectCleanSession(session);
  });

  it('has no serious or critical axe violation while showing an Excel error', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    await workbook(session.page).setEditMode(true);
    await session.page.getByRole('button', { name: paneText.formatButton }).click();
    await eventually(async () => (await session.page.getByRole('alert').textContent()) ?? '', (t) => expect(t).not.toBe(''), 20_000);
    await expectNoSeriousViolations(session.page, 'the Format view with an error');
  });

  it.each<View>(['Format', 'Revisions', 'Settings'])('gives every control in the %s view an accessible name', async (view) => {
    const { server, open } = e2e();
    const session = await open(withRevisions());
    await loadPane(session, server.origin);
    await showView(session.page, view);
    const unnamed = await runAxe(session.page, NAME_RULES);
    if (unnamed.length > 0) throw new Error(`Controls without a name in the ${view} view:\n${describeViolations(unnamed)}`);
    // The scan must have had controls to check, or it would pass vacuously.
    const controls = session.page.locator('#container').locator('button, input, textarea, select, [role="tab"], [role="radio"]');
    await expect(controls.count()).resolves.toBeGreaterThan(2);
  });

  it('runs the main flow with the keyboard alone, with a visible focus indicator at every stop', async () => {
    const { server, open } = e2e();
    const session = await open(withRevisions());
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    const page = session.page;
    const wb = workbook(page);
    const stops: FocusStop[] = [];

    // Format: Tab to the button, Enter.
    stops.push(...(await tabTo(page, page.getByRole('button', { name: paneText.formatButton }))));
    await page.keyboard.press('Enter');
    await page.getByText(paneText.formatSucceededTitle).waitFor({ timeout: 30_000 });
    const rag = (await wb.snapshot(DECEMBER)).cells;
    expect(Object.values(rag).some((c) => c.value === 'G')).toBe(true);

    // Problems: Tab on to the first one, Enter selects its cell.
    const firstProblem = page.getByRole('listitem').getByRole('button').first();
    stops.push(...(await tabTo(page, firstProblem)));
    await page.keyboard.press('Enter');
    await eventually(() => wb.selection(), (sel) => expect(sel).not.toBeNull());

    // Views: Shift+Tab back to the selected tab, arrow to Revisions, Space to open it.
    stops.push(...(await tabTo(page, tab(page, paneText.tabFormat), 60, 'Shift+Tab')));
    await page.keyboard.press('ArrowRight');
    await expect(tab(page, paneText.tabRevisions).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Space');
    const option = page.getByRole('listbox', { name: paneText.listLabel }).getByRole('option').first();
    await option.waitFor({ timeout: 20_000 });

    // Revisions: Tab into the list (one stop), on to Mark reviewed, Space.
    stops.push(...(await tabTo(page, option)));
    const card = page.getByRole('region', { name: paneText.stepPosition(0, 1) });
    stops.push(...(await tabTo(page, card.getByRole('button', { name: paneText.markReviewedButton }))));
    await page.keyboard.press('Space');
    await card.getByRole('status').getByText(/marked reviewed/).waitFor({ timeout: 10_000 });
    await expect(option.textContent()).resolves.toContain(paneText.status('reviewed'));
    await screenshot(page, 'a11y-keyboard-flow');

    // Every stop drew a focus indicator, and it is one the control lacks without focus.
    const missing = stops.filter((s) => !s.indicator).map((s) => s.description);
    expect(missing).toEqual([]);
    expect(stops.filter((s) => s.onDummy).map((s) => s.description)).toEqual([]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const unchanged: string[] = [];
    for (const s of stops) {
      const connected = await s.focused.evaluate((n) => n.isConnected);
      if (connected && (await focusLook(s.focused)) === s.look) unchanged.push(s.description);
    }
    expect(unchanged).toEqual([]);
    expect(stops.length).toBeGreaterThan(4);
    await expectCleanSession(session);
  });
});
