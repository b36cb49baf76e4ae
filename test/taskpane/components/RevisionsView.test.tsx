/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import '../asyncTimeout';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BaselineSource, RevisionView } from '../../../src/port/api';
import { RevisionsView } from '../../../src/taskpane/components/RevisionsView/RevisionsView';
import { paneText } from '../../../src/taskpane/strings';
import { createFakeAddinApi, sampleRevisions } from '../../fakes/fakeAddinApi';
import { isUnavailable } from '../unavailable';
import { renderWithApi } from '../renderWithApi';

const n = sampleRevisions.length;

async function renderLoaded(api = createFakeAddinApi()) {
  const user = userEvent.setup();
  const { unmount } = renderWithApi(<RevisionsView />, api);
  await screen.findByRole('listbox', { name: paneText.listLabel });
  return { api, user, unmount };
}

const list = (): HTMLElement => screen.getByRole('listbox', { name: paneText.listLabel });
const options = (): HTMLElement[] => within(list()).getAllByRole('option');
const selectedOption = (): HTMLElement | undefined => options().find((o) => o.getAttribute('aria-selected') === 'true');
/** The card of the revision under review, found by its heading "Revision i of n". */
const card = (i: number, of = n): HTMLElement => screen.getByRole('region', { name: paneText.stepPosition(i, of) });
const button = (name: string, within_: HTMLElement = document.body): HTMLElement => within(within_).getByRole('button', { name });

/** Five revisions, two reviewed and one queried, for the progress line. */
function decided(): RevisionView[] {
  const base = sampleRevisions[0];
  const statuses: RevisionView['status'][] = ['reviewed', 'queried', 'pending', 'reviewed', 'pending'];
  return statuses.map((status, i) => ({ ...base, id: `${i}|Nov-20`, ref: `${i + 1}.0`, address: `'Dec-20'!G${12 + i}`, status }));
}

describe('RevisionsView', () => {
  it('lists every revision with ref and name, month, published -> new and status, under the baseline and progress', async () => {
    await renderLoaded();
    expect(screen.getByText(`${paneText.baselineLabel}: ${paneText.baseline({ kind: 'sheet', sheetName: 'Nov-20' })}`)).toBeInTheDocument();
    expect(screen.getByText(paneText.progress({ total: n, reviewed: 0, queried: 0 }))).toBeInTheDocument();
    expect(options()).toHaveLength(n);
    sampleRevisions.forEach((r, i) => {
      const o = options()[i];
      expect(o).toHaveTextContent(`${r.ref} ${r.indicator}`);
      expect(o).toHaveTextContent(r.month);
      expect(o).toHaveTextContent(paneText.publishedToNew(r.published, r.current));
      expect(o).toHaveTextContent(paneText.status(r.status));
    });
    // The list comes before the card in reading order: it is what the reviewer scans first.
    expect(list().compareDocumentPosition(card(0)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('counts reviewed and queried figures in the progress line and starts on the first undecided one', async () => {
    const revisions = decided();
    const api = createFakeAddinApi({ revisions: { ok: true, value: { baseline: { kind: 'sheet', sheetName: 'Nov-20' }, revisions } } });
    await renderLoaded(api);
    expect(screen.getByText('2 of 5 reviewed, 1 queried')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '5');
    // The first two are decided already: the card opens on the third, selected on the sheet.
    expect(card(2, 5)).toHaveTextContent(revisions[2].ref);
    expect(selectedOption()).toBe(options()[2]);
    expect(api.callsTo('selectCell')).toEqual([[revisions[2].address]]);
  });

  it('shows the first revision in a card with its figures, and selects its cell', async () => {
    const { api } = await renderLoaded();
    const r = sampleRevisions[0];
    const c = card(0);
    expect(c).toHaveTextContent(`${r.ref} ${r.indicator}`);
    expect(c).toHaveTextContent(paneText.publishedToNew(r.published, r.current));
    expect(c).toHaveTextContent(r.change);
    for (const name of [paneText.markReviewedButton, paneText.queryButton]) expect(isUnavailable(button(name, c))).toBe(false);
    expect(within(c).getByRole('textbox', { name: paneText.commentLabel })).toBeInTheDocument();
    expect(api.callsTo('selectCell')).toEqual([[r.address]]);
  });

  it('moves through the list with the arrow keys, Home and End, selecting each cell, as one tab stop (the browser test checks where Tab goes on)', async () => {
    const { api, user } = await renderLoaded();
    // One tab stop: only the selected option is in the tab order.
    expect(options().map((o) => o.tabIndex)).toEqual([0, -1, -1]);
    options()[0].focus();
    await user.keyboard('{ArrowDown}');
    expect(selectedOption()).toBe(options()[1]);
    expect(options()[1]).toHaveFocus();
    expect(card(1)).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    // Past the end it stays on the last, without selecting the cell again.
    expect(selectedOption()).toBe(options()[2]);
    await user.keyboard('{ArrowUp}');
    expect(card(1)).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(options()[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(options()[2]).toHaveFocus();
    const at = sampleRevisions.map((r) => [r.address]);
    expect(api.callsTo('selectCell')).toEqual([at[0], at[1], at[2], at[1], at[0], at[2]]);
    expect(options().map((o) => o.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('steps with Next and Previous in the card, unavailable (but focusable) at the ends', async () => {
    const { api, user } = await renderLoaded();
    expect(isUnavailable(button(paneText.previousButton, card(0)))).toBe(true);
    for (let i = 1; i < n; i++) {
      await user.click(button(paneText.nextButton));
      expect(card(i)).toBeInTheDocument();
    }
    const next = button(paneText.nextButton);
    expect(isUnavailable(next)).toBe(true);
    next.focus();
    await user.keyboard('{Enter}');
    // Browsers drop focus from a `disabled` button; aria-disabled keeps it where the user is.
    expect(next).toHaveFocus();
    expect(card(n - 1)).toBeInTheDocument();
    await user.click(button(paneText.previousButton));
    expect(selectedOption()).toHaveTextContent(sampleRevisions[1].indicator);
    const at = sampleRevisions.map((r) => [r.address]);
    expect(api.callsTo('selectCell')).toEqual([...at, at[1]]);
  });

  it('jumps to a revision when its option is clicked', async () => {
    const { api, user } = await renderLoaded();
    await user.click(options()[2]);
    expect(card(2)).toHaveTextContent(sampleRevisions[2].indicator);
    expect(api.callsTo('selectCell').at(-1)).toEqual([sampleRevisions[2].address]);
  });

  it('marks the current revision reviewed and says so inside its card, with the new status and progress', async () => {
    const { api, user } = await renderLoaded();
    await user.click(button(paneText.nextButton));
    const c = card(1);
    await user.type(within(c).getByRole('textbox', { name: paneText.commentLabel }), 'Late data from the MASH');
    await user.click(button(paneText.markReviewedButton, c));

    const r = sampleRevisions[1];
    expect(api.callsTo('markRevision')).toEqual([[r.id, 'reviewed', 'Late data from the MASH']]);
    // The confirmation is in the card, in a live region, next to the button pressed.
    const said = await within(card(1)).findByText(paneText.marked('reviewed', r.ref, r.month));
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(card(1)).toHaveTextContent(paneText.status('reviewed'));
    expect(card(1)).toHaveTextContent(paneText.reviewNote('Test Reviewer', 'Late data from the MASH'));
    expect(selectedOption()).toHaveTextContent(paneText.status('reviewed'));
    expect(screen.getByText(paneText.progress({ total: n, reviewed: 1, queried: 0 }))).toBeInTheDocument();
    // Moving on clears it: it spoke of the previous figure.
    await user.click(button(paneText.nextButton));
    expect(card(2)).not.toHaveTextContent(paneText.marked('reviewed', r.ref, r.month));
  });

  it('asks for a comment before querying, then queries and says so in the card', async () => {
    const { api, user } = await renderLoaded();
    await user.click(button(paneText.queryButton, card(0)));
    expect(within(card(0)).getByText(paneText.queryNeedsComment)).toBeInTheDocument();
    expect(within(card(0)).getByRole('textbox', { name: paneText.commentLabel })).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('markRevision')).toHaveLength(0);

    await user.type(within(card(0)).getByRole('textbox', { name: paneText.commentLabel }), 'Check against the MI return');
    await user.click(button(paneText.queryButton, card(0)));
    const r = sampleRevisions[0];
    expect(api.callsTo('markRevision')).toEqual([[r.id, 'queried', 'Check against the MI return']]);
    expect(await within(card(0)).findByText(paneText.marked('queried', r.ref, r.month))).toBeInTheDocument();
    expect(screen.queryByText(paneText.queryNeedsComment)).not.toBeInTheDocument();
    expect(screen.getByText(paneText.progress({ total: n, reviewed: 0, queried: 1 }))).toBeInTheDocument();
  });

  it('shows in the card why a mark could not be stored', async () => {
    const api = createFakeAddinApi({
      markRevision: () => ({ ok: false, error: { code: 'readOnly', message: 'The workbook is read-only.', action: 'Save a copy and review there.' } }),
    });
    const { user } = await renderLoaded(api);
    await user.click(button(paneText.markReviewedButton, card(0)));
    const alert = await waitFor(() => within(card(0)).getByRole('alert'));
    await waitFor(() => expect(alert).toHaveTextContent('The workbook is read-only.'));
    expect(alert).toHaveTextContent(paneText.nextStep('Save a copy and review there.'));
    expect(card(0)).toHaveTextContent(paneText.status('pending'));
  });

  describe('when there is no list, says what is true', () => {
    const empty = (baseline: BaselineSource) => createFakeAddinApi({ revisions: { ok: true, value: { baseline, revisions: [] } } });

    it('with nothing published and no previous sheet: nothing to compare with yet, and Publish is the way on', async () => {
      renderWithApi(<RevisionsView />, empty({ kind: 'none' }));
      const said = await screen.findByText(paneText.nothingToCompare);
      expect(screen.queryByText(/No figure (has changed|differs)/)).not.toBeInTheDocument();
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: paneText.markReviewedButton })).not.toBeInTheDocument();
      const highlight = button(paneText.highlightButton);
      expect(isUnavailable(highlight)).toBe(true);
      expect(highlight).toHaveAccessibleDescription(paneText.nothingToCompare);
      expect(said).toBeVisible();
      expect(isUnavailable(button(paneText.publishButton))).toBe(false);
      expect(screen.getByLabelText(paneText.fileLabel)).toBeEnabled();
    });

    it.each<[string, BaselineSource]>([
      ['the previous sheet', { kind: 'sheet', sheetName: 'Nov-20' }],
      ['the published figures', { kind: 'snapshot', month: 'Nov-20', publishedAt: '2020-12-04T10:00:00Z' }],
      ['a picked file', { kind: 'file', fileName: 'Nov-20.xlsx' }],
    ])('against %s with every figure unchanged: no figure has changed since it', async (_, baseline) => {
      renderWithApi(<RevisionsView />, empty(baseline));
      expect(await screen.findByText(paneText.noChanges(baseline))).toBeInTheDocument();
      expect(screen.queryByText(paneText.nothingToCompare)).not.toBeInTheDocument();
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
      expect(button(paneText.highlightButton)).toHaveAccessibleDescription(paneText.noChanges(baseline));
    });

    it('with no scorecard table on the sheet: the reason, and the actions needing it unavailable, each saying why', async () => {
      const error = { code: 'noTable' as const, message: "No scorecard table to compare on 'Sheet1': no header row.", action: 'Select the month’s scorecard sheet and try again.' };
      const api = createFakeAddinApi({ revisions: { ok: false, error } });
      const user = userEvent.setup();
      renderWithApi(<RevisionsView />, api);
      expect(await screen.findByText(error.message)).toBeInTheDocument();
      expect(screen.getByText(paneText.nextStep(error.action))).toBeInTheDocument();
      expect(screen.queryByText(paneText.nothingToCompare)).not.toBeInTheDocument();
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
      const reason = paneText.unavailableUntilRead(error.message);
      for (const name of [paneText.highlightButton, paneText.publishButton]) {
        const b = button(name);
        expect(isUnavailable(b)).toBe(true);
        expect(b).toHaveAccessibleDescription(reason);
        await user.click(b);
      }
      const file = screen.getByLabelText(paneText.fileLabel);
      expect(file).toBeDisabled();
      expect(file).toHaveAccessibleDescription(expect.stringContaining(reason));
      expect(screen.getByText(reason)).toBeVisible();
      expect(api.callsTo('highlightRevisions')).toHaveLength(0);
      expect(api.callsTo('publish')).toHaveLength(0);
      // What still makes sense stays available: clearing old highlights, and checking again.
      expect(isUnavailable(button(paneText.clearButton))).toBe(false);
      expect(isUnavailable(button(paneText.reloadRevisionsButton))).toBe(false);
      api.config.revisions = { ok: true, value: { baseline: { kind: 'sheet', sheetName: 'Nov-20' }, revisions: sampleRevisions } };
      await user.click(button(paneText.reloadRevisionsButton));
      await screen.findByRole('listbox', { name: paneText.listLabel });
      expect(screen.queryByText(reason)).not.toBeInTheDocument();
      expect(isUnavailable(button(paneText.publishButton))).toBe(false);
    });
  });

  it.each([
    [paneText.highlightButton, 'highlightRevisions', paneText.highlighted(3)],
    [paneText.clearButton, 'clearHighlights', paneText.cleared(3)],
    [paneText.publishButton, 'publish', paneText.published(412, 'Dec-20')],
  ] as const)('%s calls the workbook and reports the result beside it', async (name, method, said) => {
    const { api, user } = await renderLoaded();
    await user.click(button(name));
    expect(api.callsTo(method)).toHaveLength(1);
    const section = screen.getByRole('region', { name: paneText.sheetActionsLabel });
    expect(await within(section).findByText(said)).toBeInTheDocument();
  });

  it('compares with a picked .xlsx file read locally and shows the file as the baseline', async () => {
    const { api, user } = await renderLoaded();
    const input = screen.getByLabelText(paneText.fileLabel);
    expect(input).toHaveAttribute('accept', expect.stringContaining('.xlsx'));
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    await user.upload(input, new File([bytes], 'Nov-20.xlsx'));

    expect(await screen.findByText(`${paneText.baselineLabel}: ${paneText.baseline({ kind: 'file', fileName: 'Nov-20.xlsx' })}`)).toBeInTheDocument();
    const [[name, data]] = api.callsTo('compareWithFile') as Array<[string, ArrayBuffer]>;
    expect(name).toBe('Nov-20.xlsx');
    expect(Array.from(new Uint8Array(data))).toEqual(Array.from(bytes));
    expect(options()).toHaveLength(1);
    expect(card(0, 1)).toBeInTheDocument();
  });

  it('checks again on request, showing the new list from its first undecided revision', async () => {
    const { api, user } = await renderLoaded();
    await user.click(button(paneText.nextButton));
    api.config.revisions = { ok: true, value: { baseline: { kind: 'sheet', sheetName: 'Nov-20' }, revisions: sampleRevisions.slice(2) } };
    await user.click(button(paneText.reloadRevisionsButton));

    await waitFor(() => expect(options()).toHaveLength(1));
    expect(api.callsTo('loadRevisions')).toHaveLength(2);
    expect(screen.getByText(paneText.progress({ total: 1, reviewed: 0, queried: 0 }))).toBeInTheDocument();
    expect(card(0, 1)).toHaveTextContent(sampleRevisions[2].indicator);
  });

  it('shows why a better baseline was passed over as a warning above the list', async () => {
    const notice = 'The published figures stored in the workbook are damaged (row 4); last month’s sheet was used instead.';
    const api = createFakeAddinApi({
      revisions: { ok: true, value: { baseline: { kind: 'sheet', sheetName: 'Nov-20' }, revisions: sampleRevisions, notices: [notice] } },
    });
    await renderLoaded(api);
    // Fluent draws the intent as an icon only; the title says it in words.
    const bar = screen.getByText(notice).closest('.fui-MessageBar') as HTMLElement;
    expect(bar).toHaveTextContent(paneText.noticesTitle);
    expect(bar).toHaveTextContent(paneText.nextStep(paneText.noticesAction));
    // The list is still there: a notice explains the baseline, it does not replace the revisions.
    expect(list()).toBeInTheDocument();
  });

  it('shows no notice bar when the comparison has nothing to say', async () => {
    await renderLoaded();
    expect(screen.queryByText(paneText.noticesTitle)).not.toBeInTheDocument();
  });

  it.each([
    ['highlight', paneText.highlightButton, 'This version of Excel cannot add notes or comments from an add-in: the revised cells are highlighted without one.'],
    ['clear', paneText.clearButton, "A cell's fill was changed since it was highlighted, so it was left as it is."],
  ] as const)('shows the warnings of %s with its result', async (kind, name, warning) => {
    const api = createFakeAddinApi(
      kind === 'highlight' ? { highlight: { ok: true, value: { highlighted: 3, warnings: [warning] } } } : { clear: { ok: true, value: { cleared: 2, warnings: [warning] } } },
    );
    const { user } = await renderLoaded(api);
    await user.click(button(name));
    expect(await screen.findByText(warning)).toBeInTheDocument();
    const bar = screen.getByText(warning).closest('[role="status"]') as HTMLElement;
    expect(bar).toHaveTextContent(paneText.warningsTitle);
    expect(bar).toHaveTextContent(kind === 'highlight' ? paneText.highlighted(3) : paneText.cleared(2));
  });

  it('renders indicator names and figures as text, never as markup', async () => {
    const evil = '<b id="injected">x</b><img src=x onerror="window.__pwned=1">';
    const api = createFakeAddinApi({
      revisions: { ok: true, value: { baseline: { kind: 'file', fileName: evil }, revisions: [{ ...sampleRevisions[0], indicator: evil, published: evil, comment: evil, status: 'reviewed' }] } },
    });
    await renderLoaded(api);
    expect(options()[0]).toHaveTextContent(`${sampleRevisions[0].ref} ${evil}`);
    expect(card(0, 1)).toHaveTextContent(evil);
    expect(document.getElementById('injected')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  describe('Your name', () => {
    beforeEach(() => window.localStorage.clear());

    it('records the name typed with a decision and with a publication', async () => {
      const { api, user } = await renderLoaded();
      await user.type(screen.getByRole('textbox', { name: paneText.reviewerLabel }), 'Anne Hawke');
      await user.click(button(paneText.markReviewedButton));
      await waitFor(() => expect(api.callsTo('markRevision')).toEqual([[sampleRevisions[0].id, 'reviewed', '', 'Anne Hawke']]));
      await user.click(button(paneText.publishButton));
      await waitFor(() => expect(api.callsTo('publish')).toEqual([['Anne Hawke']]));
    });

    it('remembers the name on this computer, never in the workbook settings', async () => {
      const first = await renderLoaded();
      await first.user.type(screen.getByRole('textbox', { name: paneText.reviewerLabel }), 'Sam Patel');
      await first.user.tab();
      expect(first.api.callsTo('saveSettings')).toHaveLength(0);
      first.unmount();

      await renderLoaded(createFakeAddinApi());
      await waitFor(() => expect(screen.getByRole('textbox', { name: paneText.reviewerLabel })).toHaveValue('Sam Patel'));
    });

    it('passes no name when the field is blank', async () => {
      const { api, user } = await renderLoaded();
      await user.click(button(paneText.publishButton));
      await waitFor(() => expect(api.callsTo('publish')).toHaveLength(1));
      expect(api.callsTo('publish')[0][0]).toBeUndefined();
    });
  });
});
