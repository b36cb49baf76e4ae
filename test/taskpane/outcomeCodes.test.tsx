/** @jest-environment jsdom */
/**
 * The pane shows the "what to do" its error's code calls for: the hint is chosen by code in
 * src/excel/messages.ts, never by message text, and the pane's own follow-up (a way to
 * Settings) by code too. Where it can, the pane runs on the real Excel adapter over the fake
 * workbook, so the code and the hint are the ones the add-in produces.
 */
import '@testing-library/jest-dom';
import './asyncTimeout';
import './textCodec';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sheetMsg } from '../../src/domain/messages';
import { SETTINGS_KEY } from '../../src/excel/io/settings';
import { createExcelAddinApi } from '../../src/excel/addinApi';
import { excelMessages as m, fromEngineError, outcomeError } from '../../src/excel/messages';
import type { AddinApi, Outcome, OutcomeError } from '../../src/port/api';
import { App } from '../../src/taskpane/components/App/App';
import { paneText } from '../../src/taskpane/strings';
import { createFakeAddinApi } from '../fakes/fakeAddinApi';
import { FakeWorkbook, fakeWorkbookFromGrids } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';

/** The Excel adapter on a fake workbook, remembering what New month returned. */
function excelApi(wb: FakeWorkbook): { api: AddinApi; rolled: () => Outcome<unknown> | undefined } {
  const real = createExcelAddinApi({ run: (batch) => wb.run(batch) });
  let last: Outcome<unknown> | undefined;
  const api: AddinApi = {
    ...real,
    rollForward: async () => {
      const outcome = await real.rollForward();
      last = outcome;
      return outcome;
    },
  };
  return { api, rolled: () => last };
}

function renderApp(api: AddinApi, initialView?: 'revisions') {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} initialView={initialView} />
    </FluentProvider>,
  );
  return user;
}

const hint = (action: string) => paneText.nextStep(action);

/** Opens the pane, waits until it has read the sheet, runs `before`, then presses New month. */
async function newMonth(api: AddinApi, before: () => void = () => undefined): Promise<void> {
  const user = renderApp(api);
  const button = await screen.findByRole('button', { name: paneText.newMonthButton });
  await screen.findByRole('region', { name: paneText.optionsHeading });
  before();
  await user.click(button);
}

describe('the pane picks "what to do" by the error code', () => {
  it('shows a plan failure with the plan hint, not the "no table" hint', async () => {
    const error = fromEngineError({ code: 'planInvalid', message: sheetMsg.planInvalid(sheetMsg.planWrittenTwice('N12')) });
    const user = renderApp(createFakeAddinApi({ formatResult: { ok: false, error } }));
    await user.click(await screen.findByRole('button', { name: paneText.formatButton }));
    expect(await screen.findByText(error.message)).toBeInTheDocument();
    expect(screen.getByText(hint(m.badPlanAction()))).toBeInTheDocument();
    expect(screen.queryByText(hint(m.noTableAction()))).not.toBeInTheDocument();
  });

  it('shows a sheet without a table with the "no table" hint', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Notes').setValue('A1', 'hello');
    renderApp(excelApi(wb).api);
    expect(await screen.findByText(hint(m.noTableAction()))).toBeInTheDocument();
    expect(screen.queryByText(hint(m.badPlanAction()))).not.toBeInTheDocument();
  });

  it('shows the "sheet exists" hint when next month\'s sheet exists', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    wb.addSheet('Jan-21');
    await newMonth(excelApi(wb).api);
    expect(await screen.findByText(sheetMsg.sheetExists('Jan-21'))).toBeInTheDocument();
    expect(screen.getByText(hint(m.sheetExistsAction()))).toBeInTheDocument();
  });

  it('shows a New month that Excel broke off with its own hint, not "sheet exists"', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    const { api, rolled } = excelApi(wb);
    // New month's first sync reads the sheet; whichever sync comes after it fails part-way.
    await newMonth(api, () => {
      for (let sync = 2; sync <= 6; sync++) wb.failSync({ sync, afterActions: 1, code: 'GeneralException', message: 'boom' });
    });
    await waitFor(() => expect(rolled()).toBeDefined());
    const outcome = rolled()!;
    if (outcome.ok) throw new Error('New month should have failed');
    expect(outcome.error.code).not.toBe('sheetExists');
    expect(await screen.findByText(outcome.error.message)).toBeInTheDocument();
    const own = outcomeError(outcome.error.code, outcome.error.message).action;
    if (own) expect(screen.getByText(hint(own))).toBeInTheDocument();
    expect(screen.queryByText(hint(m.sheetExistsAction()))).not.toBeInTheDocument();
  });

  it.each<[string, OutcomeError]>([
    ['no table', outcomeError('noTable', m.noTable('Notes'))],
    ['a month that does not follow', fromEngineError({ code: 'notNextMonth', message: sheetMsg.rollNotNext('Nov-20', 'Jan-21') })],
    ['a half-made copy left', outcomeError('partialCopyLeft', m.partialCopyLeft('boom.'))],
  ])('shows New month refused for %s without the "sheet exists" hint', async (_what, error) => {
    await newMonth(createFakeAddinApi({ rollForward: { ok: false, error } }));
    expect(await screen.findByText(error.message)).toBeInTheDocument();
    expect(screen.queryByText(hint(m.sheetExistsAction()))).not.toBeInTheDocument();
    if (error.action) expect(screen.getByText(hint(error.action))).toBeInTheDocument();
  });
});

describe('the pane shows a damaged setting', () => {
  it('says a stored value was replaced, with its hint and a way to Settings', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    wb.settings.set(SETTINGS_KEY, JSON.stringify({ mode: 'formulas', palette: 'neon' }));
    const user = renderApp(excelApi(wb).api);
    expect(await screen.findByText(m.settingsDamaged())).toBeInTheDocument();
    expect(screen.getByText(paneText.settingsDamagedTitle)).toBeInTheDocument();
    expect(screen.getByText(hint(m.settingsDamagedAction()))).toBeInTheDocument();
    // It names the setting the default stands in for, and only that one.
    expect(screen.getByRole('listitem')).toHaveTextContent(paneText.settingName('palette'));
    // The readable setting is kept: Format would write live formulas.
    expect(await screen.findByRole('region', { name: paneText.optionsHeading })).toHaveTextContent(paneText.modeOption('formulas'));
    await user.click(screen.getByRole('button', { name: paneText.openSettings }));
    expect(screen.getByRole('tab', { name: paneText.tabSettings })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('button', { name: paneText.openSettings })).not.toBeInTheDocument();
  });

  it('says settings that could not be read at all are not loaded, without sending the analyst to check them', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    wb.failSync({ sync: 1, afterActions: 0, code: 'GeneralException', message: 'boom' });
    renderApp(excelApi(wb).api);
    expect(await screen.findByText(paneText.settingsLoadFailed)).toBeInTheDocument();
    expect(screen.queryByText(paneText.settingsDamagedTitle)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: paneText.openSettings })).not.toBeInTheDocument();
  });
});

describe('the pane says a thing once', () => {
  it('with nothing to compare with, says so once and lists no notice repeating it', async () => {
    const wb = fakeWorkbookFromGrids([seedGrid('earlyHelp')]);
    renderApp(excelApi(wb).api, 'revisions');
    expect(await screen.findByText(paneText.nothingToCompare)).toBeInTheDocument();
    expect(screen.queryByText(paneText.noticesTitle)).not.toBeInTheDocument();
  });
});
