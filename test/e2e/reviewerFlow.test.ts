/**
 * The reviewer's flow at the pane widths people actually use (350 px, and 300 px for a pane
 * squeezed beside a wide sheet), 640 px tall: the progress, the list and the card with its
 * buttons in the first viewport, the answer to Mark reviewed in view without scrolling,
 * indicator names cut to a bounded number of lines, and axe with zero violations, in the
 * list and in each empty state. Screenshots go to test-artifacts/e2e/reviewer-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import type { Grid } from '../../src/domain/sheet/grid';
import { paneText } from '../../src/taskpane/strings';
import { describeViolations, runAxe } from './harness/a11y';
import { screenshot } from './harness/pane';
import { eventually, expectCleanSession, loadPane, tab, workbook } from './harness/paneDriver';
import { useE2E } from './harness/suite';
import { DECEMBER, decemberSheet, indicatorRow, monthCellOf, novemberSheet, type PublishedDifference } from './scenarios';

const e2e = useE2E();
const HEIGHT = 640;

/** Six revised figures, among them the seed's longest indicator names (3.2a: 208 characters). */
const DIFFERENCES: PublishedDifference[] = [
  { ref: '2.1', sub: 0, month: 'Nov-20', published: '44' },
  { ref: '2.2', sub: 0, month: 'Nov-20', published: '38' },
  { ref: '3.1a', sub: 0, month: 'Nov-20', published: '60' },
  { ref: '3.2a', sub: 1, month: 'Nov-20', published: '92.1%' },
  { ref: '4.2', sub: 0, month: 'Oct-20', published: '180' },
  { ref: '1.1', sub: 0, month: 'Nov-20', published: '350' },
];
const N = DIFFERENCES.length;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The element's box in viewport coordinates (what is on screen without scrolling). */
async function boxOf(locator: Locator): Promise<Box> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
}

async function expectInFirstViewport(page: Page, what: string, locator: Locator, width: number): Promise<Box> {
  const box = await boxOf(locator);
  const inside = box.top >= 0 && box.left >= 0 && box.bottom <= HEIGHT && box.right <= width;
  expect({ what, box, inside }).toEqual({ what, box, inside: true });
  return box;
}

/** How many lines of text an element shows, from its rendered height and line height. */
async function linesShown(locator: Locator): Promise<{ lines: number; cut: boolean }> {
  return locator.evaluate((el) => {
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
    return { lines: Math.round(el.getBoundingClientRect().height / lineHeight), cut: el.scrollHeight > el.clientHeight + 1 };
  });
}

async function expectAxeClean(page: Page, state: string): Promise<void> {
  const violations = await runAxe(page);
  if (violations.length > 0) throw new Error(`axe: ${violations.length} violation(s) in ${state}:\n${describeViolations(violations)}`);
}

const scrolled = (page: Page): Promise<{ x: number; y: number }> => page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));

async function openAt(width: number, boot: Parameters<ReturnType<typeof e2e>['open']>[0]): Promise<{ page: Page; done: () => Promise<void> }> {
  const { server, open } = e2e();
  const session = await open(boot);
  await session.page.setViewportSize({ width, height: HEIGHT });
  await loadPane(session, server.origin);
  await tab(session.page, paneText.tabRevisions).click();
  return { page: session.page, done: () => expectCleanSession(session) };
}

describe.each([350, 300])('the reviewer’s flow at %i x 640', (width) => {
  it('shows progress, the list and the current card with its buttons in the first viewport, and the answer to Mark reviewed beside them', async () => {
    const { page, done } = await openAt(width, { sheets: [novemberSheet(DIFFERENCES), decemberSheet()], activeSheet: DECEMBER });
    const card = (i: number) => page.getByRole('region', { name: paneText.stepPosition(i, N) });
    await card(0).waitFor({ timeout: 20_000 });
    const list = page.getByRole('listbox', { name: paneText.listLabel });
    const progress = page.getByText(paneText.progress({ total: N, reviewed: 0, queried: 0 }));

    await screenshot(page, `reviewer-${width}-list`);
    const p = await expectInFirstViewport(page, 'progress', progress, width);
    const l = await expectInFirstViewport(page, 'list', list, width);
    const c = await expectInFirstViewport(page, 'card', card(0), width);
    // In that order: progress, then the list, then the card.
    expect(p.bottom <= l.top && l.bottom <= c.top).toBe(true);
    for (const name of [paneText.markReviewedButton, paneText.queryButton, paneText.nextButton]) {
      await expectInFirstViewport(page, name, card(0).getByRole('button', { name, exact: true }), width);
    }
    await expectInFirstViewport(page, 'comment', card(0).getByRole('textbox', { name: paneText.commentLabel }), width);
    // Nothing is wider than the pane.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);

    // Names are cut to one line in the list and two in the card; the longest is really cut.
    const names = list.getByRole('option').locator('span').first();
    const shown = [];
    for (const option of await list.getByRole('option').all()) shown.push(await linesShown(option.locator('span').first()));
    expect(shown).toHaveLength(N);
    expect(Math.max(...shown.map((s) => s.lines))).toBe(1);
    expect(shown.some((s) => s.cut)).toBe(true);
    await expect(names.first().textContent()).resolves.toMatch(/^\S+ \S/);
    // The list is in sheet order; find each figure's place in it by its ref.
    const refs = (await list.getByRole('option').locator('span:first-child').allTextContents()).map((t) => t.split(' ')[0]);
    expect([...refs].sort()).toEqual(DIFFERENCES.map((d) => d.ref).sort());
    const longest = refs.indexOf('3.2a');
    await list.getByRole('option').nth(longest).click();
    const longCard = card(longest);
    const cardName = await linesShown(longCard.locator('p').first());
    expect(cardName.lines).toBeLessThanOrEqual(2);
    expect(cardName.cut).toBe(true);
    await expectInFirstViewport(page, 'card of the longest name', longCard.getByRole('button', { name: paneText.markReviewedButton }), width);
    await screenshot(page, `reviewer-${width}-long-name`);
    await expectAxeClean(page, `the list at ${width} px`);

    // Mark reviewed: the answer appears in the card, in view, and nothing scrolled.
    await longCard.getByRole('button', { name: paneText.markReviewedButton }).click();
    const said = longCard.getByRole('status').getByText(/marked reviewed/);
    await said.waitFor({ timeout: 10_000 });
    await expectInFirstViewport(page, 'feedback after Mark reviewed', said, width);
    await expect(scrolled(page)).resolves.toEqual({ x: 0, y: 0 });
    await page.getByText(paneText.progress({ total: N, reviewed: 1, queried: 0 })).waitFor();
    await screenshot(page, `reviewer-${width}-marked`);
    await expectAxeClean(page, `the card after Mark reviewed at ${width} px`);

    // Next and previous by keyboard: arrows in the list move the card and the selected cell.
    const selected = list.locator('[aria-selected="true"]');
    await selected.focus();
    // Down, unless the long one is last; then back the other way.
    const [away, back, step] = longest < N - 1 ? ['ArrowDown', 'ArrowUp', 1] : ['ArrowUp', 'ArrowDown', -1];
    await page.keyboard.press(away);
    await card(longest + step).waitFor();
    const next = DIFFERENCES.find((d) => d.ref === refs[longest + step])!;
    const nextCell = monthCellOf(indicatorRow(next.ref, next.sub), next.month === 'Nov-20' ? 1 : 0);
    await eventually(() => workbook(page).selection(), (sel) => expect(sel).toEqual({ sheet: DECEMBER, address: nextCell }));
    await expect(list.locator('[aria-selected="true"]').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press(back);
    await card(longest).waitFor();
    // The list scrolls itself to keep the selected figure in view; the pane does not move.
    await expectInFirstViewport(page, 'selected option', list.locator('[aria-selected="true"]'), width);
    await expect(scrolled(page)).resolves.toEqual({ x: 0, y: 0 });
    await done();
  });

  it('says there is nothing to compare with yet when nothing was published and there is no previous sheet', async () => {
    const { page, done } = await openAt(width, { sheets: [decemberSheet()], activeSheet: DECEMBER });
    const said = page.getByText(paneText.nothingToCompare);
    await said.waitFor({ timeout: 20_000 });
    await expectInFirstViewport(page, 'empty state', said, width);
    await expect(page.getByText(/No figure (has changed|differs)/).count()).resolves.toBe(0);
    const highlight = page.getByRole('button', { name: paneText.highlightButton });
    await expect(highlight.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: paneText.publishButton }).getAttribute('aria-disabled')).resolves.toBeNull();
    await screenshot(page, `reviewer-${width}-nothing-to-compare`);
    await expectAxeClean(page, `the empty state at ${width} px`);
    await done();
  });

  it('says why when the sheet has no scorecard table, with the actions needing one unavailable and saying why', async () => {
    const notes: Grid = {
      sheetName: 'Notes',
      top: 0,
      left: 0,
      values: [['Minutes of the meeting'], ['Actions agreed']],
      text: [['Minutes of the meeting'], ['Actions agreed']],
      numberFormats: [['General'], ['General']],
    };
    const { page, done } = await openAt(width, { sheets: [notes], activeSheet: 'Notes' });
    const reason = page.getByText(/^Unavailable until/);
    await reason.waitFor({ timeout: 20_000 });
    const reasonId = await reason.getAttribute('id');
    for (const name of [paneText.highlightButton, paneText.publishButton]) {
      const b = page.getByRole('button', { name });
      await expect(b.getAttribute('aria-disabled')).resolves.toBe('true');
      await expect(b.getAttribute('aria-describedby')).resolves.toBe(reasonId);
    }
    await expect(page.getByLabel(paneText.fileLabel).isDisabled()).resolves.toBe(true);
    await expectInFirstViewport(page, 'the reason', page.getByRole('button', { name: paneText.publishButton }), width);
    await screenshot(page, `reviewer-${width}-no-table`);
    await expectAxeClean(page, `the no-table state at ${width} px`);
    await done();
  });
});
