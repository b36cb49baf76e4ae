/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import '../asyncTimeout';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SummaryView } from '../../../src/taskpane/components/SummaryView/SummaryView';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/port/api';
import { paneText, summaryPaneText as t } from '../../../src/taskpane/strings';
import { createFakeAddinApi, gate, sampleSummaryDraft } from '../../fakes/fakeAddinApi';
import { renderWithApi } from '../renderWithApi';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, convention: 'numeric' };

function setup(api = createFakeAddinApi()) {
  const user = userEvent.setup();
  renderWithApi(<SummaryView settings={SETTINGS} />, api);
  return { api, user };
}

async function draftBox(): Promise<HTMLTextAreaElement> {
  return (await screen.findByRole('textbox', { name: t.draftLabel })) as HTMLTextAreaElement;
}

/** Replaces navigator.clipboard for one test (jsdom has none; user-event installs its own). */
function setClipboard(value: Partial<Clipboard> | undefined): void {
  Object.defineProperty(window.navigator, 'clipboard', { value, configurable: true, writable: true });
}

describe('SummaryView', () => {
  it('drafts the active sheet on opening, with the settings, and shows the draft as plain text', async () => {
    const { api } = setup();
    const box = await draftBox();
    expect(api.callsTo('draftSummary')).toEqual([[SETTINGS]]);
    expect(box).toHaveValue(sampleSummaryDraft.text);
    expect(box).toHaveAttribute('readonly');
    // The section name `<b>EARLY HELP</b>` came from a cell: it is shown as those characters, never as markup.
    expect(document.querySelector('b')).toBeNull();
    expect(box.value).toContain('<b>EARLY HELP</b>');
    expect(screen.getByText(t.bullets(2))).toBeInTheDocument();
  });

  it('says it is drafting while it waits, with the actions disabled', async () => {
    const held = gate();
    setup(createFakeAddinApi({ gates: { draftSummary: held } }));
    expect(screen.getByText(t.drafting)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.copyButton })).toBeDisabled();
    expect(screen.getByRole('button', { name: t.writeButton })).toBeDisabled();
    held.open();
    await draftBox();
    expect(screen.getByRole('button', { name: t.copyButton })).toBeEnabled();
  });

  it('copies the draft to the clipboard and says so', async () => {
    const { user } = setup();
    await draftBox();
    await user.click(screen.getByRole('button', { name: t.copyButton }));
    expect(await navigator.clipboard.readText()).toBe(sampleSummaryDraft.text);
    expect(await screen.findByText(t.copied)).toBeInTheDocument();
  });

  it.each([
    ['there is no clipboard', undefined],
    ['the host refuses the clipboard', { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) }],
  ])('selects the whole draft for Ctrl+C when %s', async (_name, clipboard) => {
    const { user } = setup();
    const box = await draftBox();
    setClipboard(clipboard);
    await user.click(screen.getByRole('button', { name: t.copyButton }));
    expect(await screen.findByText(t.copySelected)).toBeInTheDocument();
    expect(box).toHaveFocus();
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, sampleSummaryDraft.text.length]);
  });

  it('writes the draft to a new sheet and names it', async () => {
    const { api, user } = setup();
    await draftBox();
    await user.click(screen.getByRole('button', { name: t.writeButton }));
    expect(api.callsTo('writeSummary')).toEqual([[SETTINGS]]);
    expect(await screen.findByText(t.written('Summary Dec-20', 7))).toBeInTheDocument();
  });

  it('shows why the sheet was not written, with what to do', async () => {
    const api = createFakeAddinApi({ writeSummary: { ok: false, error: { code: 'summaryStructureProtected', message: 'The workbook is protected.', action: 'Unprotect it.' } } });
    const { user } = setup(api);
    await draftBox();
    await user.click(screen.getByRole('button', { name: t.writeButton }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The workbook is protected.'));
    expect(screen.getByRole('alert')).toHaveTextContent(t.writeFailedTitle);
    expect(screen.getByRole('alert')).toHaveTextContent(paneText.nextStep('Unprotect it.'));
  });

  it('says why there is no draft (no table on the sheet), leaves Copy and Write off and drafts again on request', async () => {
    const api = createFakeAddinApi({ summary: { ok: false, error: { code: 'noTable', message: "No scorecard table was found on 'Notes'.", action: 'Select the scorecard sheet.' } } });
    const { user } = setup(api);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent("No scorecard table was found on 'Notes'."));
    expect(screen.queryByRole('textbox', { name: t.draftLabel })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.copyButton })).toBeDisabled();
    expect(screen.getByRole('button', { name: t.writeButton })).toBeDisabled();
    api.config.summary = { ok: true, value: sampleSummaryDraft };
    await user.click(screen.getByRole('button', { name: t.redraftButton }));
    expect(await draftBox()).toHaveValue(sampleSummaryDraft.text);
    expect(api.callsTo('draftSummary')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeEmptyDOMElement();
  });
});
