/**
 * The browser proof of issue 6: the BUILT task pane (dist/taskpane.html, production bundle)
 * in headless Chromium, against the fake Office host holding the seed scorecards. A user's
 * flows, driven by role and keyboard; the fake workbook's state is the evidence.
 */
import { paneText } from '../../src/taskpane/strings';
import type { SheetSnapshot } from '../fakes/fakeExcel';
import { contrast, family, hue } from './harness/colour';
import { screenshot } from './harness/pane';
import { detectedTable, eventually, expectCleanSession, fact, loadPane, tab, waitForViews, workbook } from './harness/paneDriver';
import { useE2E } from './harness/suite';
import {
  DECEMBER,
  NOVEMBER,
  cellOf,
  decemberSheet,
  dotRagCells,
  indicatorRow,
  monthCellOf,
  monthHeaderCells,
  novemberSheet,
  tableBoxes,
  type PublishedDifference,
} from './scenarios';
import { a1 } from '../../src/domain/sheet/grid';
import type { DotState } from '../../src/domain/types';
import { SETTINGS_KEY } from '../../src/excel/settings';
import { PALETTES, ragColours } from '../../src/domain/plan/palette';
import { DEFAULT_SETTINGS, type Settings } from '../../src/taskpane/api';
import { seedGridTables } from '../fixtures/seedGrids';
import { LOG_HEADER, LOG_SHEET, REVIEW_TABLE } from '../../src/domain/revisions/reviews';

const e2e = useE2E();

const UP = /^[↑⬆]$/u;
const DOWN = /^[↓↘⬇]$/u;
const STABLE = /^[→➡]$/u;

/** 0-based row/col of an A1 address. */
function rc(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function inTables(address: string): boolean {
  const { row, col } = rc(address);
  return tableBoxes().some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
}

function changed(before: SheetSnapshot, after: SheetSnapshot): string[] {
  const keys = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
  return [...keys].filter((k) => JSON.stringify(before.cells[k] ?? null) !== JSON.stringify(after.cells[k] ?? null));
}

describe('the built task pane against a fake Excel host', () => {
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

  it('formats December with static RAG letters and DOT arrows in the right cells and changes nothing else', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    const wb = workbook(session.page);
    const before = await wb.snapshot(DECEMBER);

    await session.page.getByRole('radio', { name: paneText.modeOption('static') }).check();
    await session.page.getByRole('button', { name: paneText.formatButton }).click();
    await session.page.getByText(paneText.formatSucceededTitle).waitFor({ timeout: 30_000 });
    await screenshot(session.page, '02-format-done');
    const after = await wb.snapshot(DECEMBER);

    // Hand-read from the seed: 2.2 (%) High, 88.9% -> 85.1% against <65% | >65% <75% | 75%:
    // green, and a decline still on target.
    const r22 = indicatorRow('2.2', 1);
    expect(after.cells[cellOf(r22, 'rag')]?.value).toBe('G');
    expect(family(after.cells[cellOf(r22, 'rag')]?.fill ?? '#ffffff')).toBe('green');
    expect(after.cells[cellOf(r22, 'dot')]?.value).toMatch(DOWN);
    // 9.2 (%) Low, 4.0% -> 4.1% against a 3.3% target: worse and not on target.
    const r92 = indicatorRow('9.2', 1);
    const rag92 = after.cells[cellOf(r92, 'rag')];
    expect(['R', 'A']).toContain(rag92?.value);
    expect(family(rag92?.fill ?? '#ffffff')).toBe(rag92?.value === 'R' ? 'red' : 'amber');
    expect(after.cells[cellOf(r92, 'dot')]?.value).toMatch(DOWN);
    // Decline within limits and decline off target differ in shape, not only in colour.
    expect(after.cells[cellOf(r92, 'dot')]?.value).not.toBe(after.cells[cellOf(r22, 'dot')]?.value);
    // 9.3 (%) Low, 6.5% -> 6.2%: an improvement points up whatever the numbers did.
    expect(after.cells[cellOf(indicatorRow('9.3', 1), 'dot')]?.value).toMatch(UP);
    // Info rows show the numbers: 11.3 fell 1 -> 0, 11.6 stayed 2 -> 2; no RAG for Info.
    expect(after.cells[cellOf(indicatorRow('11.3'), 'dot')]?.value).toMatch(DOWN);
    expect(after.cells[cellOf(indicatorRow('11.6'), 'dot')]?.value).toMatch(STABLE);
    expect(after.cells[cellOf(indicatorRow('11.6'), 'rag')]?.value ?? '').toBe('');

    // Every RAG letter and arrow is readable on its fill (WCAG: 4.5:1 text, 3:1 symbols).
    const { dot, rag } = dotRagCells();
    for (const address of rag) {
      const c = after.cells[address];
      if (c && c.value !== '' && c.fill) expect({ address, ratio: contrast(c.fontColor, c.fill) >= 4.5 }).toEqual({ address, ratio: true });
    }
    for (const address of dot) {
      const c = after.cells[address];
      if (c && c.value !== '') expect({ address, ratio: contrast(c.fontColor, c.fill ?? '#FFFFFF') >= 3 }).toEqual({ address, ratio: true });
    }

    // The pane's counts are what the sheet now shows.
    const letters = rag.map((a) => after.cells[a]?.value);
    const status = session.page.getByRole('status').filter({ hasText: paneText.formatSucceededTitle });
    const summary = (await status.textContent()) ?? '';
    const counted = /(\d+) red, (\d+) amber, (\d+) green/.exec(summary);
    expect(counted?.slice(1).map(Number)).toEqual([
      letters.filter((l) => l === 'R').length,
      letters.filter((l) => l === 'A').length,
      letters.filter((l) => l === 'G').length,
    ]);

    // Values change only in DOT and RAG cells; outside the tables only cells that were empty
    // (the key) may change at all; the analyst's own data is never overwritten.
    const dotRag = new Set([...dot, ...rag]);
    for (const address of changed(before, after)) {
      const was = before.cells[address];
      const now = after.cells[address];
      if ((was?.value ?? '') !== (now?.value ?? '')) {
        expect({ address, owned: dotRag.has(address) || (!inTables(address) && (was?.value ?? '') === '') }).toEqual({ address, owned: true });
      }
      if (!inTables(address)) expect({ address, wasEmpty: (was?.value ?? '') === '' }).toEqual({ address, wasEmpty: true });
    }
    // Month figures are untouched, placeholders included.
    for (const placed of seedGridTables('earlyHelp')) {
      for (let row = placed.bodyTop; row <= placed.bodyBottom; row++) {
        for (const col of placed.table.layout.months) {
          const address = a1(row, col);
          expect(after.cells[address]?.value ?? '').toEqual(before.cells[address]?.value ?? '');
        }
      }
    }
    await expectCleanSession(session);
  });

  it('writes live PERF formulas in the DOT and RAG cells when the analyst chooses formulas', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    await session.page.getByRole('radio', { name: paneText.modeOption('formulas') }).check();
    await session.page.getByRole('button', { name: paneText.formatButton }).click();
    await session.page.getByText(paneText.formatSucceededTitle).waitFor({ timeout: 30_000 });
    const r22 = indicatorRow('2.2', 1);
    const wb = workbook(session.page);
    const rag = await wb.cell(DECEMBER, cellOf(r22, 'rag'));
    const dot = await wb.cell(DECEMBER, cellOf(r22, 'dot'));
    // The formulas point at the row's own cells: the reporting month's figure is an argument.
    const current = monthCellOf(r22, 2);
    expect(rag.formula ?? '').toMatch(new RegExp(`^=PERF\\.RAG\\(.*\\b${current}\\b`));
    expect(dot.formula ?? '').toMatch(new RegExp(`^=PERF\\.DOT\\(.*\\b${current}\\b`));
    await expectCleanSession(session);
  });

  it('writes formulas that, computed by the page’s own PERF functions, give what static Format writes', async () => {
    const { server, open } = e2e();
    const formatted = async (mode: 'static' | 'formulas'): Promise<SheetSnapshot> => {
      const session = await open();
      await loadPane(session, server.origin);
      await detectedTable(session.page);
      await session.page.getByRole('radio', { name: paneText.modeOption(mode) }).check();
      await session.page.getByRole('button', { name: paneText.formatButton }).click();
      await session.page.getByText(paneText.formatSucceededTitle).waitFor({ timeout: 30_000 });
      const snap = await workbook(session.page).snapshot(DECEMBER);
      if (mode === 'static') await session.close();
      return snap;
    };
    const fixed = await formatted('static');
    const live = await formatted('formulas');
    const page = e2e().browser.contexts().at(-1)!.pages()[0];

    // Excel's part: compute each formula from the cells it names, RAG before the DOT that reads it.
    const computed = new Map<string, unknown>();
    const argValue = (arg: string): unknown => {
      const literal = /^"(.*)"$/.exec(arg);
      if (literal) return literal[1].replace(/""/g, '"');
      if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
      if (computed.has(arg)) return computed.get(arg);
      const value = live.cells[arg]?.value;
      return value === undefined || value === '' ? null : value;
    };
    const { dot, rag } = dotRagCells();
    const mismatches: string[] = [];
    let evaluated = 0;
    for (const address of [...rag, ...dot]) {
      const formula = live.cells[address]?.formula;
      if (!formula) continue;
      const call = /^=PERF\.(\w+)\((.*)\)$/.exec(formula);
      expect({ address, formula, parsed: call !== null }).toEqual({ address, formula, parsed: true });
      const args = call![2].split(',').map((a) => argValue(a.trim()));
      // An error in an argument cell propagates as Excel shows it; the function is not asked.
      const inherited = args.find((a) => typeof a === 'object' && a !== null);
      const result = inherited ?? (await page.evaluate(([id, a]) => window.__fakeHost.callFunction(id as string, a as unknown[]), [call![1], args] as const));
      computed.set(address, result);
      evaluated++;
      const text = typeof result === 'object' && result !== null ? '' : String(result ?? '');
      const expected = String(fixed.cells[address]?.value ?? '');
      if (text !== expected) mismatches.push(`${address} ${formula}: formula gives ${JSON.stringify(result)}, static wrote ${JSON.stringify(expected)}`);
    }
    expect(evaluated).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });

  it('shows in its key the same arrow Format writes to the sheet for each state', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    await session.page.getByRole('button', { name: paneText.formatButton }).click();
    await session.page.getByText(paneText.formatSucceededTitle).waitFor({ timeout: 30_000 });
    const sheet = await workbook(session.page).snapshot(DECEMBER);
    // States read from the seed rows as in the Format test above.
    const rows: Array<[DotState, string]> = [
      ['declineWithinLimits', cellOf(indicatorRow('2.2', 1), 'dot')],
      ['declineNotOnTarget', cellOf(indicatorRow('9.2', 1), 'dot')],
      ['improvement', cellOf(indicatorRow('9.3', 1), 'dot')],
      ['decrease', cellOf(indicatorRow('11.3'), 'dot')],
      ['stable', cellOf(indicatorRow('11.6'), 'dot')],
    ];
    await tab(session.page, paneText.tabSettings).click();
    const key = session.page.getByRole('region', { name: paneText.keyHeading });
    await key.waitFor({ timeout: 20_000 });
    const shown: Record<string, string> = {};
    const written: Record<string, string> = {};
    for (const [state, address] of rows) {
      shown[state] = ((await key.getByRole('img', { name: paneText.dot(state), exact: true }).textContent()) ?? '').trim();
      written[state] = String(sheet.cells[address]?.value ?? '');
    }
    // A reader matches the sheet's arrows against this key: they must be the same glyphs.
    expect(shown).toEqual(written);
    await expectCleanSession(session);
  });

  it.each<[string, Partial<Settings>]>([
    ['the high-contrast palette', { palette: 'highContrast' }],
    ['the numeric convention', { convention: 'numeric' }],
  ])('formats with %s when the workbook’s settings say so, every mark readable on its fill', async (_what, saved) => {
    const settings = { ...DEFAULT_SETTINGS, ...saved };
    const { server, open } = e2e();
    const session = await open({ settings: { [SETTINGS_KEY]: JSON.stringify(settings) } });
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    // The view's options start from the workbook's settings.
    await expect(session.page.getByRole('radio', { name: paneText.conventionOption(settings.convention) }).isChecked()).resolves.toBe(true);
    await session.page.getByRole('button', { name: paneText.formatButton }).click();
    await session.page.getByText(paneText.formatSucceededTitle).waitFor({ timeout: 30_000 });
    const after = await workbook(session.page).snapshot(DECEMBER);
    // 9.3 (%) Low fell 6.5% -> 6.2%: performance shows the improvement (up), numeric the fall (down).
    expect(after.cells[cellOf(indicatorRow('9.3', 1), 'dot')]?.value).toMatch(settings.convention === 'numeric' ? DOWN : UP);
    const { dot, rag } = dotRagCells();
    const unreadable = [...rag, ...dot]
      .map((address) => ({ address, c: after.cells[address] }))
      .filter(({ c }) => c && c.value !== '')
      .filter(({ address, c }) => contrast(c!.fontColor, c!.fill ?? '#FFFFFF') < (rag.includes(address) ? 4.5 : 3))
      .map(({ address, c }) => `${address} ${String(c!.value)} ${c!.fontColor} on ${c!.fill}`);
    expect(unreadable).toEqual([]);
    // The chosen palette is the one applied: a green cell wears that palette's green.
    const green = rag.map((a) => after.cells[a]).find((c) => c?.value === 'G');
    expect(green?.fill?.toUpperCase()).toBe(ragColours(PALETTES[settings.palette], 'green').fill.toUpperCase());
    await expectCleanSession(session);
  });

  it('shows progress while formatting and, cancelled before the write, leaves the sheet exactly as it was', async () => {
    const { server, open } = e2e();
    // Each round trip takes a second, as over a slow link: time to press Cancel while reading.
    const session = await open({ syncDelayMs: 1000 });
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    const wb = workbook(session.page);
    const before = await wb.snapshot(DECEMBER);
    await session.page.getByRole('button', { name: paneText.formatButton }).click();
    await session.page.getByRole('progressbar').waitFor();
    await session.page.getByRole('button', { name: paneText.cancelButton }).click();
    await session.page.getByText(paneText.cancelledTitle).waitFor({ timeout: 30_000 });
    await expect(session.page.getByText(paneText.cancelled).count()).resolves.toBe(1);
    expect(await wb.snapshot(DECEMBER)).toEqual(before);
    expect(await wb.sheetNames()).toEqual([DECEMBER]);
    await expectCleanSession(session);
  });

  it('lists problems naming cells, and activating one with the keyboard selects that cell', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    const page = session.page;
    const heading = page.getByRole('heading', { name: /^Problems \(\d+\)$/ });
    await heading.waitFor();
    const n = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1]);
    // The seed has placeholders in figures that need numbers (e.g. 12.1 `No audits undertaken`).
    expect(n).toBeGreaterThan(0);
    const problems = page.getByRole('listitem').getByRole('button');
    await expect(problems.count()).resolves.toBe(n);
    const last = problems.nth(n - 1);
    const label = (await last.textContent()) ?? '';
    const address = /^'((?:[^']|'')+)'!([A-Z]+\d+)/.exec(label);
    expect(address).not.toBeNull();
    await last.focus();
    await page.keyboard.press('Enter');
    await eventually(
      () => workbook(page).selection(),
      (sel) => expect(sel).toEqual({ sheet: address![1].replace(/''/g, "'"), address: address![2] }),
    );
    await expectCleanSession(session);
  });

  it('shows an error from Excel as a message with what to do next', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    const wb = workbook(session.page);
    const before = await wb.snapshot(DECEMBER);
    // The analyst is typing in a cell: Excel rejects every request until they press Enter.
    await wb.setEditMode(true);
    await session.page.getByRole('button', { name: paneText.formatButton }).click();
    const alert = session.page.getByRole('alert');
    await eventually(async () => (await alert.textContent()) ?? '', (t) => expect(t).toMatch(/What to do: \S/), 20_000);
    await screenshot(session.page, '03-format-error');
    expect(await wb.snapshot(DECEMBER)).toEqual(before);
    await expectCleanSession(session);
  });

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
    await page.getByText(paneText.revisionCount(differences.length), { exact: false }).waitFor();
    const table = page.getByRole('table', { name: paneText.tableLabel });
    await expect(table.getByRole('row').count()).resolves.toBe(differences.length + 1);

    // Each revised figure shows as published -> new, and Next selects its cell on the sheet.
    const expected = differences.map((d) => {
      const r = indicatorRow(d.ref, d.sub);
      return { address: monthCellOf(r, d.month === 'Nov-20' ? 1 : 0), published: d.published };
    });
    const visited: string[] = [];
    for (let i = 0; i < differences.length; i++) {
      await page.getByRole('button', { name: paneText.nextButton, exact: true }).click();
      await page.getByText(paneText.stepPosition(i, differences.length)).waitFor();
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
      await expect(table.getByText(paneText.publishedToNew(e.published, current)).count()).resolves.toBe(1);
    }
    await screenshot(page, '04-revisions');

    // Mark the current one reviewed: the pane shows it and the workbook keeps the record.
    await page.getByRole('button', { name: paneText.previousButton, exact: true }).click();
    await page.getByText(paneText.stepPosition(differences.length - 2, differences.length)).waitFor();
    await page.getByRole('textbox', { name: paneText.commentLabel }).fill('Checked against the case system');
    await page.getByRole('button', { name: paneText.markReviewedButton }).click();
    const current = table.locator('tr[aria-current="true"]');
    await eventually(async () => (await current.textContent()) ?? '', (t) => expect(t).toContain(paneText.status('reviewed')));
    const reviewedAddress = visited[differences.length - 2];
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
    await page.getByText(paneText.revisionCount(differences.length), { exact: false }).waitFor({ timeout: 20_000 });

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
    // The Format view's options start from the saved settings...
    await expect(page.getByRole('radio', { name: paneText.conventionOption('numeric') }).isChecked()).resolves.toBe(true);
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

/** The rows of a sheet holding a header row at A1, as records keyed by that header. */
function recordsOf<C extends string>(snap: SheetSnapshot, header: readonly C[]): Array<Record<C, string>> {
  const rows = new Map<number, Map<number, string>>();
  for (const [address, cell] of Object.entries(snap.cells)) {
    const { row, col } = rc(address);
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(col, String(cell.value));
  }
  const top = rows.get(0);
  expect(header.map((_, i) => top?.get(i))).toEqual([...header]);
  return [...rows.keys()]
    .filter((r) => r > 0)
    .sort((a, b) => a - b)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, rows.get(r)!.get(i) ?? ''])) as Record<C, string>);
}
