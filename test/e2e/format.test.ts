/**
 * Format in the BUILT pane (dist/, production bundle) in headless Chromium against the fake
 * Excel host holding the Early Help December seed: the fake workbook's cells are the evidence.
 */
import { NO_ARROW_MARK } from '../../src/domain/plan/key';
import { PALETTES, ragColours } from '../../src/domain/plan/palette';
import { a1 } from '../../src/domain/sheet/grid';
import type { DotState } from '../../src/domain/types';
import { SETTINGS_KEY } from '../../src/excel/io/settings';
import { excelMessages } from '../../src/excel/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/port/api';
import { paneText } from '../../src/taskpane/strings';
import type { Page } from 'playwright-core';
import type { SheetSnapshot } from '../fakes/fakeExcel';
import { seedGridTables } from '../fixtures/seedGrids';
import { contrast, family } from './harness/colour';
import { screenshot } from './harness/pane';
import { detectedTable, eventually, expectCleanSession, formatAndWait, loadPane, tab, workbook } from './harness/paneDriver';
import { useE2E } from './harness/suite';
import { DECEMBER, cellOf, dotRagCells, indicatorRow, monthCellOf } from './scenarios';
import { DOWN, STABLE, UP, changed, inTables } from './sheetChecks';

const e2e = useE2E();

describe('Format in the built pane', () => {
  it('formats December with static RAG letters and DOT arrows in the right cells and changes nothing else', async () => {
    const { server, open } = e2e();
    const session = await open();
    await loadPane(session, server.origin);
    await detectedTable(session.page);
    const wb = workbook(session.page);
    const before = await wb.snapshot(DECEMBER);

    await formatAndWait(session.page, 'static');
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
    await formatAndWait(session.page, 'formulas');
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
    const formatted = async (mode: 'static' | 'formulas'): Promise<{ snap: SheetSnapshot; page: Page }> => {
      const session = await open();
      await loadPane(session, server.origin);
      await detectedTable(session.page);
      await formatAndWait(session.page, mode);
      return { snap: await workbook(session.page).snapshot(DECEMBER), page: session.page };
    };
    const fixed = (await formatted('static')).snap;
    const { snap: live, page } = await formatted('formulas');

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
      // The plan guards each reference as IF(ISBLANK(H12),"",H12) (a blank stays blank on desktop
      // Excel too); on this host a blank already arrives as null, so the guard reads as the reference.
      const body = call![2].replace(/IF\(ISBLANK\((\$?[A-Z]+\$?\d+)\),"",\1\)/g, '$1');
      const args = body.split(',').map((a) => argValue(a.trim()));
      // An error in an argument cell propagates as Excel shows it; the function is not asked.
      const inherited = args.find((a) => typeof a === 'object' && a !== null);
      const result = inherited ?? (await page.evaluate(([id, a]) => window.__fakeHost.callFunction(id as string, a as unknown[]), [call![1], args] as const));
      computed.set(address, result);
      evaluated++;
      const text = typeof result === 'object' && result !== null ? '' : String(result ?? '');
      const expected = String(fixed.cells[address]?.value ?? '');
      // The one documented difference: where there is no arrow, static Format writes the
      // dash (with a note saying why) and the live formula shows a blank cell.
      if (text === '' && expected === NO_ARROW_MARK) continue;
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
    await formatAndWait(session.page);
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
    // The view says which write options the workbook's settings give.
    await session.page.getByRole('region', { name: paneText.optionsHeading }).getByText(`${paneText.conventionLabel}: ${paneText.conventionOption(settings.convention)}`).waitFor();
    await formatAndWait(session.page);
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
    await expect(session.page.getByText(excelMessages.cancelled()).count()).resolves.toBe(1);
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

});
