/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import '../asyncTimeout';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormatView } from '../../../src/taskpane/components/FormatView/FormatView';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/port/api';
import { paneText } from '../../../src/taskpane/strings';
import { msg } from '../../../src/domain/messages';
import { CANCELLED, createFakeAddinApi, gate, samplePreview, sampleSummary } from '../../fakes/fakeAddinApi';
import { isUnavailable } from '../unavailable';
import { renderWithApi } from '../renderWithApi';

/** The value shown beside a term of a description list. */
function fact(region: HTMLElement, term: string): string | null {
  const dt = within(region).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? null;
}

const settings: Settings = { ...DEFAULT_SETTINGS, population: 56310 };

describe('FormatView', () => {
  it('shows the detected table and the preview of what Format will change', async () => {
    const api = createFakeAddinApi();
    renderWithApi(<FormatView settings={settings} />, api);

    const detected = await screen.findByRole('region', { name: paneText.detectedHeading });
    const t = samplePreview.table;
    expect(fact(detected, paneText.sheetLabel)).toBe(t.sheetName);
    expect(fact(detected, paneText.tablesLabel)).toBe(String(t.tables));
    expect(fact(detected, paneText.indicatorRowsLabel)).toBe(String(t.indicatorRows));
    expect(fact(detected, paneText.reportingMonthLabel)).toBe(t.reportingMonth);
    const preview = screen.getByRole('region', { name: paneText.previewHeading });
    expect(fact(preview, paneText.dotCellsLabel)).toBe(String(samplePreview.dotCells));
    expect(fact(preview, paneText.ragCellsLabel)).toBe(String(samplePreview.ragCells));
    expect(fact(preview, paneText.formattedCellsLabel)).toBe(String(samplePreview.formattedCells));
    const counts = within(preview).getByRole('list', { name: paneText.ragCountsLabel });
    const red = within(counts).getByRole('img', { name: paneText.rag('red') });
    expect(red.parentElement).toHaveTextContent(String(samplePreview.ragCounts.red));
    expect(api.callsTo('detect')).toEqual([[settings]]);
  });

  it('says that no reporting month was found instead of showing a blank', async () => {
    const api = createFakeAddinApi({
      preview: { ok: true, value: { ...samplePreview, table: { ...samplePreview.table, reportingMonth: null } } },
    });
    renderWithApi(<FormatView settings={settings} />, api);
    const detected = await screen.findByRole('region', { name: paneText.detectedHeading });
    expect(fact(detected, paneText.reportingMonthLabel)).toBe(paneText.noReportingMonth);
  });

  it('shows why detection failed and what to do, and can detect again', async () => {
    const api = createFakeAddinApi({
      preview: {
        ok: false,
        error: { code: 'noTable', message: 'No NO. / INDICATOR header row on Sheet1.', action: 'Open the month sheet and try again.' },
      },
    });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    expect(await screen.findByText('No NO. / INDICATOR header row on Sheet1.')).toBeInTheDocument();
    expect(screen.getByText(paneText.nextStep('Open the month sheet and try again.'))).toBeInTheDocument();
    expect(isUnavailable(screen.getByRole('button', { name: paneText.formatButton }))).toBe(true);

    api.config.preview = { ok: true, value: samplePreview };
    await user.click(screen.getByRole('button', { name: paneText.detectAgain }));
    expect(await screen.findByRole('region', { name: paneText.detectedHeading })).toBeInTheDocument();
    expect(api.callsTo('detect')).toHaveLength(2);
  });

  it('formats with the workbook’s saved write options, shown in the view but changed only in Settings, and reports success', async () => {
    const api = createFakeAddinApi();
    const user = userEvent.setup();
    const saved = { ...settings, mode: 'formulas' as const, convention: 'numeric' as const };
    let opened = 0;
    renderWithApi(<FormatView settings={saved} onOpenSettings={() => opened++} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });

    // One place for the write options: Format says which it will use and links to Settings.
    const options = screen.getByRole('region', { name: paneText.optionsHeading });
    expect(options).toHaveTextContent(`${paneText.modeLabel}: ${paneText.modeOption('formulas')}`);
    expect(options).toHaveTextContent(`${paneText.conventionLabel}: ${paneText.conventionOption('numeric')}`);
    expect(screen.queryAllByRole('radio')).toEqual([]);
    await user.click(within(options).getByRole('button', { name: paneText.changeInSettings }));
    expect(opened).toBe(1);

    await user.click(screen.getByRole('button', { name: paneText.formatButton }));
    expect(await screen.findByText(paneText.formatSucceeded(sampleSummary))).toBeInTheDocument();
    expect(screen.getByText(paneText.nextStep(paneText.formatNext(sampleSummary)))).toBeInTheDocument();
    expect(api.callsTo('format')).toEqual([[saved]]);
  });

  it('shows the error message and what to do next when Format fails', async () => {
    const api = createFakeAddinApi({
      formatResult: {
        ok: false,
        error: { code: 'sheetProtected', message: 'The sheet Dec-20 is protected.', action: 'Unprotect the sheet and try again.' },
      },
    });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.formatButton }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('The sheet Dec-20 is protected.'));
    expect(alert).toHaveTextContent(paneText.nextStep('Unprotect the sheet and try again.'));
    expect(alert).toHaveTextContent(paneText.formatFailedTitle);
  });

  it('cancels a Format before the write starts, and nothing is written', async () => {
    const held = gate();
    const api = createFakeAddinApi({ formatGate: held });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.formatButton }));

    const bar = await screen.findByRole('progressbar');
    expect(bar).toBeInTheDocument();
    expect(isUnavailable(screen.getByRole('button', { name: paneText.formatButton }))).toBe(true);
    await user.click(screen.getByRole('button', { name: paneText.cancelButton }));

    expect(await screen.findByText(CANCELLED.message)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText(paneText.formatSucceeded(sampleSummary))).not.toBeInTheDocument();
    held.open();
    await waitFor(() => expect(api.callsTo('format')).toHaveLength(1));
    expect(api.writesStarted).toBe(0);
  });

  it('returns focus to Format when Cancel, which had it, goes away', async () => {
    const held = gate();
    const api = createFakeAddinApi({ formatGate: held });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    screen.getByRole('button', { name: paneText.formatButton }).focus();
    await user.keyboard('{Enter}');
    screen.getByRole('button', { name: paneText.cancelButton }).focus();
    await user.keyboard('{Enter}');

    await screen.findByText(CANCELLED.message);
    expect(screen.queryByRole('button', { name: paneText.cancelButton })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: paneText.formatButton })).toHaveFocus();
  });

  it('disables Cancel once the write has started, then completes', async () => {
    const writing = gate();
    const api = createFakeAddinApi({ writeGate: writing });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.formatButton }));

    await waitFor(() => expect(isUnavailable(screen.getByRole('button', { name: paneText.cancelButton }))).toBe(true));
    expect(screen.getByText(paneText.cancelUnavailable, { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: paneText.cancelButton }));
    writing.open();
    expect(await screen.findByText(paneText.formatSucceeded(sampleSummary))).toBeInTheDocument();
    expect(api.writesStarted).toBe(1);
  });

  it('selects the cell of a problem when the analyst activates it', async () => {
    const api = createFakeAddinApi();
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);

    const [first, second] = samplePreview.problems;
    await user.click(
      await screen.findByRole('button', {
        name: paneText.problemButton(second.address, second.message, second.indicator),
      }),
    );
    screen.getByRole('button', { name: paneText.problemButton(first.address, first.message, first.indicator) }).focus();
    await user.keyboard('{Enter}');

    expect(api.callsTo('selectCell')).toEqual([[second.address], [first.address]]);
  });

  it('reports a cell that cannot be selected', async () => {
    const api = createFakeAddinApi({
      selectCell: { ok: false, error: { code: 'sheetMissing', message: "The sheet 'Dec-20' was renamed or deleted." } },
    });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    const p = samplePreview.problems[0];
    await user.click(
      await screen.findByRole('button', { name: paneText.problemButton(p.address, p.message, p.indicator) }),
    );
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent("The sheet 'Dec-20' was renamed or deleted."),
    );
  });

  it('lists the problems of the last Format instead of the preview', async () => {
    const problem = { address: "'Dec-20'!K30", message: 'Green "14-20" and GOOD PERF IS "High" disagree.' };
    const api = createFakeAddinApi({ formatResult: { ok: true, value: { ...sampleSummary, problems: [problem] } } });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.formatButton }));

    expect(
      await screen.findByRole('button', { name: paneText.problemButton(problem.address, problem.message) }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: paneText.problemsHeading(1) })).toBeInTheDocument();
  });

  it('marks a warning as a warning and asks to check it, not to fix problems, when nothing else went wrong', async () => {
    const warning = {
      address: "'Dec-20'!P14",
      message: 'Red "<65%" and Amber ">65% <75%" leave 65% in neither band.',
      severity: 'warning' as const,
    };
    const summary = { ...sampleSummary, problems: [warning] };
    const api = createFakeAddinApi({ formatResult: { ok: true, value: summary } });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.formatButton }));

    const button = await screen.findByRole('button', {
      name: paneText.problemButton(warning.address, warning.message, undefined, 'warning'),
    });
    expect(button).toHaveTextContent(/^Warning: /);
    const next = paneText.formatNext(summary);
    expect(next).toMatch(/^Check the 1 warning listed below/);
    expect(screen.getByText(paneText.nextStep(next))).toBeInTheDocument();
    expect(paneText.formatNext({ ...summary, problems: [warning, { address: "'Dec-20'!K30", message: 'x' }] })).toMatch(
      /^Fix the 1 problem listed below/,
    );
  });

  it('creates the next month, says where, and detects the new sheet', async () => {
    const api = createFakeAddinApi();
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    api.config.preview = {
      ok: true,
      value: { ...samplePreview, table: { ...samplePreview.table, sheetName: 'Jan-21' } },
    };
    await user.click(screen.getByRole('button', { name: paneText.newMonthButton }));
    expect(await screen.findByText(paneText.newMonthSucceeded('Jan-21'))).toBeInTheDocument();
    expect(api.callsTo('rollForward')).toHaveLength(1);
    // The new sheet is the one to work on next: the view detects it.
    await waitFor(() =>
      expect(fact(screen.getByRole('region', { name: paneText.detectedHeading }), paneText.sheetLabel)).toBe('Jan-21'),
    );
    expect(api.callsTo('detect')).toHaveLength(2);
  });

  it('shows a failed New month with what to do next', async () => {
    const api = createFakeAddinApi({
      rollForward: {
        ok: false,
        error: { code: 'sheetExists', message: 'A sheet named Jan-21 already exists.', action: 'Rename or delete it, then try again.' },
      },
    });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await user.click(screen.getByRole('button', { name: paneText.newMonthButton }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('A sheet named Jan-21 already exists.'));
    expect(screen.getByRole('alert')).toHaveTextContent(paneText.nextStep('Rename or delete it, then try again.'));
  });

  it('turns a rejected api call into a message instead of losing it', async () => {
    const api = createFakeAddinApi();
    api.rollForward = () => Promise.reject(new Error('RichApi.Error: GeneralException'));
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await user.click(screen.getByRole('button', { name: paneText.newMonthButton }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(msg.unexpected('RichApi.Error: GeneralException')),
    );
  });

  it('shows what Format could not do as a warning beside its success, with what to do', async () => {
    const warning = 'The sheet was formatted, but revised figures could not be counted (Excel is busy). Open Revisions and press Check again.';
    const api = createFakeAddinApi({ formatResult: { ok: true, value: { ...sampleSummary, problems: [], warnings: [warning] } } });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.formatButton }));
    await waitFor(() => expect(screen.getByText(warning)).toBeInTheDocument());
    const bar = screen.getByText(warning).closest('[role="status"]') as HTMLElement;
    expect(bar).toHaveTextContent(paneText.warningsTitle);
    expect(bar).toHaveTextContent(paneText.formatSucceeded({ ...sampleSummary, problems: [] }));
  });

  it('says "formatted" plainly when there is nothing to warn about', async () => {
    const api = createFakeAddinApi({ formatResult: { ok: true, value: { ...sampleSummary, problems: [], warnings: [] } } });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.formatButton }));
    await screen.findByText(paneText.formatSucceeded({ ...sampleSummary, problems: [] }));
    expect(screen.queryByText(paneText.warningsTitle)).not.toBeInTheDocument();
  });

  it('shows a New month that left something behind as a warning naming it', async () => {
    const warning = "Last month's revision comments were copied to the new sheet: delete them by hand if you wish.";
    const api = createFakeAddinApi({ rollForward: { ok: true, value: { sheetName: 'Jan-21', warnings: [warning] } } });
    const user = userEvent.setup();
    renderWithApi(<FormatView settings={settings} />, api);
    await screen.findByRole('region', { name: paneText.detectedHeading });
    await user.click(screen.getByRole('button', { name: paneText.newMonthButton }));
    expect(await screen.findByText(warning)).toBeInTheDocument();
    const bar = screen.getByText(warning).closest('[role="status"]') as HTMLElement;
    expect(bar).toHaveTextContent(paneText.newMonthSucceeded('Jan-21'));
    expect(bar).toHaveTextContent(paneText.warningsTitle);
  });
});
