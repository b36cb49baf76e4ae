/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import '../asyncTimeout';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isUnavailable } from '../unavailable';
import { App } from '../../../src/taskpane/components/App/App';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/port/api';
import { paneText } from '../../../src/taskpane/strings';
import {
  createFakeAddinApi,
  gate,
  samplePreview,
  sampleRevisions,
  type FakeAddinApiConfig,
} from '../../fakes/fakeAddinApi';

function renderApp(overrides: Partial<FakeAddinApiConfig> = {}) {
  const api = createFakeAddinApi(overrides);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App api={api} />
    </FluentProvider>,
  );
  return { api, user };
}

describe('App', () => {
  it('shows a skeleton, not a blank pane, while the settings load', async () => {
    const held = gate();
    renderApp({ gates: { loadSettings: held } });
    expect(screen.getByLabelText(paneText.loadingSettings)).toBeInTheDocument();
    held.open();
    expect(await screen.findByRole('tab', { name: paneText.tabFormat })).toBeInTheDocument();
    expect(screen.queryByLabelText(paneText.loadingSettings)).not.toBeInTheDocument();
  });

  it('detects with the settings stored in the workbook', async () => {
    const stored: Settings = { convention: 'numeric', mode: 'formulas', population: 56310, palette: 'standard', paper: 'A4' };
    const { api } = renderApp({ settings: { ok: true, value: { settings: stored } } });
    await screen.findByRole('region', { name: paneText.detectedHeading });
    expect(api.callsTo('loadSettings')).toHaveLength(1);
    expect(api.callsTo('detect')).toEqual([[stored]]);
    expect(screen.getByRole('region', { name: paneText.optionsHeading })).toHaveTextContent(`${paneText.modeLabel}: ${paneText.modeOption('formulas')}`);
  });

  it('falls back to the defaults and says so when the settings cannot be read', async () => {
    const { api } = renderApp({
      settings: { ok: false, error: { code: 'officeError', message: 'Excel reported an error (GeneralException): boom' } },
    });
    expect(await screen.findByText('Excel reported an error (GeneralException): boom')).toBeInTheDocument();
    expect(screen.getByText(paneText.settingsLoadFailed)).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('detect')).toEqual([[DEFAULT_SETTINGS]]));
  });

  it('shows a damaged setting and keeps the readable ones', async () => {
    const damaged = { code: 'settingsDamaged' as const, message: 'Some settings could not be read.', action: 'Save them again in Settings.' };
    const { api } = renderApp({ settings: { ok: true, value: { settings: { ...DEFAULT_SETTINGS, mode: 'formulas' }, damaged } } });
    expect(await screen.findByText(damaged.message)).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('detect')).toEqual([[{ ...DEFAULT_SETTINGS, mode: 'formulas' }]]));
  });

  it('switches views from the keyboard and loads Revisions and Settings on demand', async () => {
    const { api, user } = renderApp();
    const formatTab = await screen.findByRole('tab', { name: paneText.tabFormat });
    expect(formatTab).toHaveAttribute('aria-selected', 'true');
    expect(api.callsTo('loadRevisions')).toHaveLength(0);

    // The arrow key moves focus only (manual activation); Enter opens the focused tab.
    formatTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: paneText.tabRevisions })).toHaveFocus();
    expect(formatTab).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: paneText.tabRevisions })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('listbox', { name: paneText.listLabel })).toBeInTheDocument();
    expect(api.callsTo('loadRevisions')).toHaveLength(1);

    screen.getByRole('tab', { name: paneText.tabSettings }).focus();
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: paneText.saveButton })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: paneText.tabSettings })).toBeVisible();
  });

  it('keeps a view where it was when the analyst switches away and back', async () => {
    const { api, user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: paneText.tabRevisions }));
    await user.click(await screen.findByRole('button', { name: paneText.nextButton }));
    await user.click(screen.getByRole('tab', { name: paneText.tabFormat }));
    await user.click(screen.getByRole('tab', { name: paneText.tabRevisions }));
    expect(screen.getByText(paneText.stepPosition(1, sampleRevisions.length))).toBeInTheDocument();
    expect(api.callsTo('loadRevisions')).toHaveLength(1);
  });

  it('has the write options in one place: Format links to them in Settings', async () => {
    const { user } = renderApp();
    const options = await screen.findByRole('region', { name: paneText.optionsHeading });
    expect(within(screen.getByRole('tabpanel', { name: paneText.tabFormat })).queryAllByRole('radio')).toEqual([]);
    await user.click(within(options).getByRole('button', { name: paneText.changeInSettings }));
    expect(screen.getByRole('tab', { name: paneText.tabSettings })).toHaveAttribute('aria-selected', 'true');
    const settingsPanel = await screen.findByRole('tabpanel', { name: paneText.tabSettings });
    expect(await within(settingsPanel).findByRole('radio', { name: paneText.modeOption('static') })).toBeChecked();
  });

  it('uses saved settings for the next Format', async () => {
    const { api, user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: paneText.tabSettings }));
    const settingsPanel = screen.getByRole('tabpanel', { name: paneText.tabSettings });
    await user.click(await within(settingsPanel).findByRole('radio', { name: paneText.modeOption('formulas') }));
    await user.type(within(settingsPanel).getByRole('textbox', { name: paneText.populationLabel }), '56310');
    await user.click(within(settingsPanel).getByRole('button', { name: paneText.saveButton }));
    await within(settingsPanel).findByText(paneText.saved);

    await user.click(screen.getByRole('tab', { name: paneText.tabFormat }));
    const formatPanel = screen.getByRole('tabpanel', { name: paneText.tabFormat });
    await waitFor(() =>
      expect(isUnavailable(within(formatPanel).getByRole('button', { name: paneText.formatButton }))).toBe(false),
    );
    await user.click(within(formatPanel).getByRole('button', { name: paneText.formatButton }));
    await waitFor(() => expect(api.callsTo('format')).toHaveLength(1));
    expect(api.callsTo('format')[0][0]).toEqual({ ...DEFAULT_SETTINGS, mode: 'formulas', population: 56310 });
  });

  it.each([
    [paneText.tabFormat, () => screen.findByRole('region', { name: paneText.detectedHeading })],
    [paneText.tabRevisions, () => screen.findByRole('listbox', { name: paneText.listLabel })],
    [paneText.tabSettings, () => screen.findByRole('button', { name: paneText.saveButton })],
  ])('gives every control of the %s view an accessible name', async (tab, loaded) => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: tab }));
    await loaded();
    const panel = screen.getByRole('tabpanel', { name: tab });

    const roles = ['button', 'tab', 'tablist', 'radio', 'radiogroup', 'textbox', 'progressbar', 'table'] as const;
    const unnamed = roles.flatMap((role) => {
      const named = screen.queryAllByRole(role, { name: /\S/ });
      return screen.queryAllByRole(role).filter((el) => !named.includes(el));
    });
    expect(unnamed.map((el) => el.outerHTML.slice(0, 100))).toEqual([]);
    // The check above must have had something to check in this view.
    expect(within(panel).getAllByRole('button').length).toBeGreaterThan(0);
    // The file input has no ARIA role to query by; its <label for> names it.
    for (const input of Array.from(panel.querySelectorAll('input[type=file]'))) {
      expect(within(panel).getByLabelText(paneText.fileLabel)).toBe(input);
    }
  });

  it('shows cell text with markup as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const { user } = renderApp({
      preview: {
        ok: true,
        value: {
          ...samplePreview,
          table: { ...samplePreview.table, sheetName: evil },
          problems: [{ address: "'Dec-20'!C5", indicator: evil, message: `Cannot read ${evil}` }],
        },
      },
      revisions: {
        ok: true,
        value: {
          baseline: { kind: 'sheet', sheetName: evil },
          revisions: [{ ...sampleRevisions[0], indicator: evil, published: evil }],
        },
      },
    });
    const detected = await screen.findByRole('region', { name: paneText.detectedHeading });
    expect(within(detected).getByText(evil)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: paneText.problemButton("'Dec-20'!C5", `Cannot read ${evil}`, evil) }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: paneText.tabRevisions }));
    await screen.findByRole('listbox', { name: paneText.listLabel });
    // As text in the list and in the card, never as markup.
    expect(screen.getByRole('option').textContent?.startsWith(`${sampleRevisions[0].ref} ${evil}`)).toBe(true);
    expect(within(screen.getByRole('region', { name: paneText.stepPosition(0, 1) })).getByText(`${sampleRevisions[0].ref} ${evil}`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
