/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import '../asyncTimeout';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RevisionsView } from '../../../src/taskpane/components/RevisionsView/RevisionsView';
import { paneText } from '../../../src/taskpane/strings';
import { createFakeAddinApi, sampleRevisions } from '../../fakes/fakeAddinApi';
import { isUnavailable } from '../unavailable';
import { renderWithApi } from '../renderWithApi';

async function renderLoaded(api = createFakeAddinApi()) {
  const user = userEvent.setup();
  const { unmount } = renderWithApi(<RevisionsView />, api);
  await screen.findByRole('table', { name: paneText.tableLabel });
  return { api, user, unmount };
}

describe('RevisionsView', () => {
  it('shows the baseline and lists every revision with published and new values', async () => {
    await renderLoaded();
    expect(
      screen.getByText(`${paneText.baselineLabel}: ${paneText.baseline({ kind: 'sheet', sheetName: 'Nov-20' })}`),
    ).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: paneText.tableLabel }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(sampleRevisions.length);
    sampleRevisions.forEach((r, i) => {
      expect(rows[i]).toHaveTextContent(r.indicator);
      expect(rows[i]).toHaveTextContent(r.month);
      expect(rows[i]).toHaveTextContent(paneText.publishedToNew(r.published, r.current));
      expect(rows[i]).toHaveTextContent(r.change);
      expect(rows[i]).toHaveTextContent(paneText.status(r.status));
    });
  });

  it('steps through the revisions one by one, selecting each cell in order', async () => {
    const { api, user } = await renderLoaded();
    const next = screen.getByRole('button', { name: paneText.nextButton });
    expect(isUnavailable(screen.getByRole('button', { name: paneText.previousButton }))).toBe(true);

    for (let i = 0; i < sampleRevisions.length; i++) {
      await user.click(next);
      expect(screen.getByText(paneText.stepPosition(i, sampleRevisions.length))).toBeInTheDocument();
    }
    expect(isUnavailable(next)).toBe(true);
    await user.click(screen.getByRole('button', { name: paneText.previousButton }));

    const addresses = sampleRevisions.map((r) => [r.address]);
    expect(api.callsTo('selectCell')).toEqual([...addresses, addresses[1]]);
    const current = screen.getAllByRole('row').find((row) => row.getAttribute('aria-current') === 'true');
    expect(current).toHaveTextContent(sampleRevisions[1].indicator);
  });

  it('leaves Next focusable but unavailable at the last revision, and ignores further presses', async () => {
    const { api, user } = await renderLoaded();
    const next = screen.getByRole('button', { name: paneText.nextButton });
    next.focus();
    for (let i = 0; i <= sampleRevisions.length; i++) await user.keyboard('{Enter}');

    // Browsers drop focus from a `disabled` button; aria-disabled keeps it where the user is.
    expect(next).toHaveFocus();
    expect(next).not.toBeDisabled();
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(api.callsTo('selectCell')).toHaveLength(sampleRevisions.length);
  });

  it('jumps to a revision when its indicator is activated', async () => {
    const { api, user } = await renderLoaded();
    const last = sampleRevisions[2];
    await user.click(screen.getByRole('button', { name: `${last.ref} ${last.indicator}` }));
    expect(api.callsTo('selectCell')).toEqual([[last.address]]);
    expect(screen.getByText(paneText.stepPosition(2, sampleRevisions.length))).toBeInTheDocument();
  });

  it('marks the current revision reviewed with the comment and shows its new status', async () => {
    const { api, user } = await renderLoaded();
    const mark = screen.getByRole('button', { name: paneText.markReviewedButton });
    expect(isUnavailable(mark)).toBe(true);
    await user.click(screen.getByRole('button', { name: paneText.nextButton }));
    await user.click(screen.getByRole('button', { name: paneText.nextButton }));
    await user.type(screen.getByRole('textbox', { name: paneText.commentLabel }), 'Late data from the MASH');
    await user.click(mark);

    const r = sampleRevisions[1];
    expect(api.callsTo('markRevision')).toEqual([[r.id, 'reviewed', 'Late data from the MASH']]);
    expect(await screen.findByText(paneText.marked('reviewed', r.indicator, r.month))).toBeInTheDocument();
    const row = screen.getAllByRole('row').find((x) => x.getAttribute('aria-current') === 'true');
    expect(row).toHaveTextContent(paneText.status('reviewed'));
    // Who reviewed it and what they said, as the workbook recorded them.
    expect(row).toHaveTextContent(paneText.reviewNote('Test Reviewer', 'Late data from the MASH'));
  });

  it('asks for a comment before querying, then queries', async () => {
    const { api, user } = await renderLoaded();
    await user.click(screen.getByRole('button', { name: paneText.nextButton }));
    await user.click(screen.getByRole('button', { name: paneText.queryButton }));
    expect(screen.getByText(paneText.queryNeedsComment)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: paneText.commentLabel })).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('markRevision')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: paneText.commentLabel }), 'Check against the MI return');
    await user.click(screen.getByRole('button', { name: paneText.queryButton }));
    expect(api.callsTo('markRevision')).toEqual([[sampleRevisions[0].id, 'queried', 'Check against the MI return']]);
    await waitFor(() => expect(screen.queryByText(paneText.queryNeedsComment)).not.toBeInTheDocument());
  });

  it('shows why a mark could not be stored', async () => {
    const api = createFakeAddinApi({
      markRevision: () => ({
        ok: false,
        error: { message: 'The workbook is read-only.', action: 'Save a copy and review there.' },
      }),
    });
    const { user } = await renderLoaded(api);
    await user.click(screen.getByRole('button', { name: paneText.nextButton }));
    await user.click(screen.getByRole('button', { name: paneText.markReviewedButton }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The workbook is read-only.'));
    expect(screen.getByRole('alert')).toHaveTextContent(paneText.nextStep('Save a copy and review there.'));
  });

  it.each([
    [paneText.highlightButton, 'highlightRevisions', paneText.highlighted(3)],
    [paneText.clearButton, 'clearHighlights', paneText.cleared(3)],
    [paneText.publishButton, 'publish', paneText.published(412, 'Dec-20')],
  ] as const)('%s calls the workbook and reports the result', async (button, method, said) => {
    const { api, user } = await renderLoaded();
    await user.click(screen.getByRole('button', { name: button }));
    expect(api.callsTo(method)).toHaveLength(1);
    expect(await screen.findByText(said)).toBeInTheDocument();
  });

  it('compares with a picked .xlsx file read locally and shows the file as the baseline', async () => {
    const { api, user } = await renderLoaded();
    const input = screen.getByLabelText(paneText.fileLabel);
    expect(input).toHaveAttribute('accept', expect.stringContaining('.xlsx'));
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    await user.upload(input, new File([bytes], 'Nov-20.xlsx'));

    expect(
      await screen.findByText(
        `${paneText.baselineLabel}: ${paneText.baseline({ kind: 'file', fileName: 'Nov-20.xlsx' })}`,
      ),
    ).toBeInTheDocument();
    const [[name, data]] = api.callsTo('compareWithFile') as Array<[string, ArrayBuffer]>;
    expect(name).toBe('Nov-20.xlsx');
    expect(Array.from(new Uint8Array(data))).toEqual(Array.from(bytes));
    expect(within(screen.getByRole('table', { name: paneText.tableLabel })).getAllByRole('row')).toHaveLength(2);
  });

  it('checks again on request, showing the new list from the start', async () => {
    const { api, user } = await renderLoaded();
    await user.click(screen.getByRole('button', { name: paneText.nextButton }));
    api.config.revisions = {
      ok: true,
      value: { baseline: { kind: 'sheet', sheetName: 'Nov-20' }, revisions: sampleRevisions.slice(2) },
    };
    await user.click(screen.getByRole('button', { name: paneText.reloadRevisionsButton }));

    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: paneText.tableLabel })).getAllByRole('row')).toHaveLength(2),
    );
    expect(api.callsTo('loadRevisions')).toHaveLength(2);
    expect(screen.getByText(paneText.revisionCount(1), { exact: false })).toBeInTheDocument();
  });

  it('says when nothing was revised', async () => {
    const api = createFakeAddinApi({ revisions: { ok: true, value: { baseline: { kind: 'none' }, revisions: [] } } });
    renderWithApi(<RevisionsView />, api);
    expect(await screen.findByText(paneText.noRevisions)).toBeInTheDocument();
    expect(screen.getByText(`${paneText.baselineLabel}: ${paneText.baseline({ kind: 'none' })}`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: paneText.nextButton })).not.toBeInTheDocument();
  });

  it('shows why revisions could not be loaded', async () => {
    const api = createFakeAddinApi({
      revisions: { ok: false, error: { message: 'No month header on Sheet1.', action: 'Open a month sheet.' } },
    });
    renderWithApi(<RevisionsView />, api);
    expect(await screen.findByText('No month header on Sheet1.')).toBeInTheDocument();
    expect(screen.getByText(paneText.nextStep('Open a month sheet.'))).toBeInTheDocument();
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
    expect(screen.getByRole('table', { name: paneText.tableLabel })).toBeInTheDocument();
  });

  it('shows no notice bar when the comparison has nothing to say', async () => {
    await renderLoaded();
    expect(screen.queryByText(paneText.noticesTitle)).not.toBeInTheDocument();
  });

  it.each([
    ['highlight', paneText.highlightButton, 'This version of Excel cannot add notes or comments from an add-in: the revised cells are highlighted without one.'],
    ['clear', paneText.clearButton, "A cell's fill was changed since it was highlighted, so it was left as it is."],
  ] as const)('shows the warnings of %s with its result', async (kind, button, warning) => {
    const api = createFakeAddinApi(
      kind === 'highlight' ? { highlight: { ok: true, value: { highlighted: 3, warnings: [warning] } } } : { clear: { ok: true, value: { cleared: 2, warnings: [warning] } } },
    );
    const { user } = await renderLoaded(api);
    await user.click(screen.getByRole('button', { name: button }));
    expect(await screen.findByText(warning)).toBeInTheDocument();
    const bar = screen.getByText(warning).closest('[role="status"]') as HTMLElement;
    expect(bar).toHaveTextContent(paneText.warningsTitle);
    expect(bar).toHaveTextContent(kind === 'highlight' ? paneText.highlighted(3) : paneText.cleared(2));
  });

  describe('Your name', () => {
    beforeEach(() => window.localStorage.clear());

    it('records the name typed with a decision and with a publication', async () => {
      const { api, user } = await renderLoaded();
      await user.type(screen.getByRole('textbox', { name: paneText.reviewerLabel }), 'Anne Hawke');
      await user.click(screen.getByRole('button', { name: paneText.nextButton }));
      await user.click(screen.getByRole('button', { name: paneText.markReviewedButton }));
      await waitFor(() => expect(api.callsTo('markRevision')).toEqual([[sampleRevisions[0].id, 'reviewed', '', 'Anne Hawke']]));
      await user.click(screen.getByRole('button', { name: paneText.publishButton }));
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
      await user.click(screen.getByRole('button', { name: paneText.publishButton }));
      await waitFor(() => expect(api.callsTo('publish')).toHaveLength(1));
      expect(api.callsTo('publish')[0][0]).toBeUndefined();
    });
  });
});
