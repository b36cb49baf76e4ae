/**
 * Revised figures in the BUILT pane against a workbook holding last month's report (Nov-20,
 * with a few figures published differently) and December's: stepping, reviewing,
 * highlighting, with the fake workbook's record sheets and fills as the evidence.
 */
import { LOG_HEADER, LOG_SHEET, REVIEW_TABLE } from '../../src/domain/revisions/reviews';
import { paneText } from '../../src/taskpane/strings';
import { hue } from './harness/colour';
import { screenshot } from './harness/pane';
import { eventually, expectCleanSession, loadPane, tab, workbook } from './harness/paneDriver';
import { useE2E } from './harness/suite';
import { DECEMBER, NOVEMBER, decemberSheet, indicatorRow, monthCellOf, novemberSheet, type PublishedDifference } from './scenarios';
import { changed, recordsOf } from './sheetChecks';

const e2e = useE2E();

describe('Revisions in the built pane', () => {
  it('steps through revisions against last month’s sheet, selecting each revised cell, and stores a review', async () => {
    const differences: PublishedDifference[] = [
      // Published figures December's re-run has since revised (counts and a percentage).
      { ref: '2.2', sub: 0, month: 'Nov-20', published: '38' },
      { ref: '4.2', sub: 0, month: 'Oct-20', published: '180' },
      { ref: '3.2a', sub: 1, month: 'Nov-20', published: '92.1%' },
    ];
    const { server, open } = e2e();
    const session = await open({ sheets: [novemberSheet(differences), decemberSheet()], activeSheet: DECEMBER });
    await loadPane(session, server.origin);
    const page = session.page;
    await tab(page, paneText.tabRevisions).click();
    await page.getByText(`${paneText.baselineLabel}: ${paneText.baseline({ kind: 'sheet', sheetName: NOVEMBER })}`).waitFor({ timeout: 20_000 });
    await page.getByText(paneText.progress({ total: differences.length, reviewed: 0, queried: 0 })).waitFor();
    const list = page.getByRole('listbox', { name: paneText.listLabel });
    await expect(list.getByRole('option').count()).resolves.toBe(differences.length);
    const n = differences.length;
    const card = (i: number) => page.getByRole('region', { name: paneText.stepPosition(i, n) });

    // Each revised figure shows as published -> new. The first is selected on the sheet as
    // the list loads; Next selects each of the others.
    const expected = differences.map((d) => {
      const r = indicatorRow(d.ref, d.sub);
      return { address: monthCellOf(r, d.month === 'Nov-20' ? 1 : 0), published: d.published };
    });
    const visited: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) await card(i - 1).getByRole('button', { name: paneText.nextButton, exact: true }).click();
      await card(i).waitFor();
      // Wait for the selection to move on from the previous revision's cell.
      await eventually(
        async () => (await workbook(page).selection())?.address ?? null,
        (address) => expect(address).not.toBe(visited[i - 1] ?? null),
      );
      const sel = await workbook(page).selection();
      expect(sel?.sheet).toBe(DECEMBER);
      visited.push(sel!.address);
    }
    expect([...visited].sort()).toEqual(expected.map((e) => e.address).sort());
    for (const e of expected) {
      const current = await workbook(page).text(DECEMBER, e.address);
      await expect(list.getByText(paneText.publishedToNew(e.published, current), { exact: false }).count()).resolves.toBe(1);
    }
    await screenshot(page, '04-revisions');

    // Mark the current one reviewed: the card says so and the workbook keeps the record.
    await card(n - 1).getByRole('button', { name: paneText.previousButton, exact: true }).click();
    const reviewing = card(n - 2);
    await reviewing.waitFor();
    await reviewing.getByRole('textbox', { name: paneText.commentLabel }).fill('Checked against the case system');
    await reviewing.getByRole('button', { name: paneText.markReviewedButton }).click();
    await reviewing.getByRole('status').getByText(/marked reviewed/).waitFor({ timeout: 10_000 });
    await expect(list.locator('[aria-selected="true"]').textContent()).resolves.toContain(paneText.status('reviewed'));
    await page.getByText(paneText.progress({ total: n, reviewed: 1, queried: 0 })).waitFor();
    const reviewedAddress = visited[n - 2];
    await expect(workbook(page).selection()).resolves.toEqual({ sheet: DECEMBER, address: reviewedAddress });
    const reviewedFigure = expected.find((e) => e.address === reviewedAddress)!;

    // The decision is stored in the add-in's review table (read back on the next load) and
    // in the visible log the file carries for people.
    const reviews = recordsOf(await workbook(page).snapshot(REVIEW_TABLE.sheetName), REVIEW_TABLE.columns);
    expect(reviews).toEqual([
      expect.objectContaining({ sheet: DECEMBER, status: 'reviewed', comment: 'Checked against the case system', published: reviewedFigure.published }),
    ]);
    const log = recordsOf(await workbook(page).snapshot(LOG_SHEET), LOG_HEADER);
    expect(log).toEqual([expect.objectContaining({ Status: 'reviewed', Comment: 'Checked against the case system', Published: reviewedFigure.published })]);
    expect(log[0].Cell).toContain(reviewedAddress);
    await expectCleanSession(session);
  });

  it('highlights revised figures yellow and clearing restores exactly the fills they replaced, the analyst’s own included', async () => {
    const differences: PublishedDifference[] = [
      { ref: '2.2', sub: 0, month: 'Nov-20', published: '38' },
      { ref: '4.2', sub: 0, month: 'Oct-20', published: '180' },
    ];
    const revised = differences.map((d) => monthCellOf(indicatorRow(d.ref, d.sub), d.month === 'Nov-20' ? 1 : 0));
    const userFill = '#DDEBF7';
    const { server, open } = e2e();
    const session = await open({
      sheets: [novemberSheet(differences), decemberSheet()],
      activeSheet: DECEMBER,
      fills: [{ sheet: DECEMBER, address: revised[0], color: userFill }],
    });
    await loadPane(session, server.origin);
    const page = session.page;
    const wb = workbook(page);
    const before = await wb.snapshot(DECEMBER);
    await tab(page, paneText.tabRevisions).click();
    await page.getByText(paneText.progress({ total: differences.length, reviewed: 0, queried: 0 })).waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: paneText.highlightButton }).click();
    await page.getByText(paneText.highlighted(differences.length)).waitFor({ timeout: 20_000 });
    for (const address of revised) {
      const fill = (await wb.cell(DECEMBER, address)).fill ?? '';
      // Yellow: a red-green hue a reader calls yellow, whatever exact shade the add-in uses.
      expect({ address, yellow: /^#[0-9A-F]{6}$/i.test(fill) && (hue(fill) ?? 0) >= 45 && (hue(fill) ?? 0) <= 70 }).toEqual({ address, yellow: true });
    }
    // Only the revised cells' fills (and notes) changed.
    const highlighted = await wb.snapshot(DECEMBER);
    expect(changed(before, highlighted).sort()).toEqual([...revised].sort());

    await page.getByRole('button', { name: paneText.clearButton }).click();
    await page.getByText(paneText.cleared(differences.length)).waitFor({ timeout: 20_000 });
    expect((await wb.cell(DECEMBER, revised[0])).fill).toBe(userFill);
    expect(await wb.snapshot(DECEMBER)).toEqual(before);
    await expectCleanSession(session);
  });

});
