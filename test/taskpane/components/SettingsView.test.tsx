/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import '../asyncTimeout';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DOT_GLYPHS } from '../../../src/domain/dot';
import { SettingsView } from '../../../src/taskpane/components/SettingsView/SettingsView';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/port/api';
import { paneText } from '../../../src/taskpane/strings';
import { createFakeAddinApi } from '../../fakes/fakeAddinApi';
import { renderWithApi } from '../renderWithApi';

const stored: Settings = { convention: 'numeric', mode: 'formulas', population: 56310, palette: 'highContrast', paper: 'A3' };

function setup(settings: Settings = stored, api = createFakeAddinApi()) {
  const onSaved = jest.fn<void, [Settings]>();
  const user = userEvent.setup();
  renderWithApi(<SettingsView settings={settings} onSaved={onSaved} />, api);
  return { api, onSaved, user, population: screen.getByRole('textbox', { name: paneText.populationLabel }) };
}

describe('SettingsView', () => {
  it('shows the settings stored in the workbook', () => {
    const { population } = setup();
    expect(screen.getByRole('radio', { name: paneText.conventionOption('numeric') })).toBeChecked();
    expect(screen.getByRole('radio', { name: paneText.modeOption('formulas') })).toBeChecked();
    expect(screen.getByRole('radio', { name: paneText.paletteOption('highContrast') })).toBeChecked();
    expect(population).toHaveValue('56310');
  });

  it('shows a blank population when none is set', () => {
    const { population } = setup(DEFAULT_SETTINGS);
    expect(population).toHaveValue('');
    expect(screen.getByRole('radio', { name: paneText.conventionOption('performance') })).toBeChecked();
  });

  it.each(['0', '-5', '12.5', 'about 56k', '5,6310'])(
    'rejects the population %p with a message and does not save',
    async (typed) => {
      const { api, user, population } = setup();
      await user.clear(population);
      await user.type(population, typed);
      await user.tab();
      expect(screen.getByText(paneText.populationInvalid)).toBeInTheDocument();
      expect(population).toHaveAttribute('aria-invalid', 'true');
      await user.click(screen.getByRole('button', { name: paneText.saveButton }));
      expect(api.callsTo('saveSettings')).toHaveLength(0);
    },
  );

  it('clears the population message once the text is valid again', async () => {
    const { user, population } = setup();
    await user.clear(population);
    await user.type(population, 'x');
    await user.tab();
    expect(screen.getByText(paneText.populationInvalid)).toBeInTheDocument();
    await user.clear(population);
    await user.type(population, '41,250');
    expect(screen.queryByText(paneText.populationInvalid)).not.toBeInTheDocument();
  });

  it('saves the chosen settings in the workbook and reports it', async () => {
    const { api, onSaved, user, population } = setup();
    await user.click(screen.getByRole('radio', { name: paneText.conventionOption('performance') }));
    await user.click(screen.getByRole('radio', { name: paneText.modeOption('static') }));
    await user.click(screen.getByRole('radio', { name: paneText.paletteOption('standard') }));
    expect(screen.getByRole('radio', { name: paneText.paperOption('A3') })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: paneText.paperOption('Letter') }));
    await user.clear(population);
    await user.type(population, '41,250');
    await user.click(screen.getByRole('button', { name: paneText.saveButton }));

    const expected: Settings = { convention: 'performance', mode: 'static', palette: 'standard', paper: 'Letter', population: 41250 };
    expect(api.callsTo('saveSettings')).toEqual([[expected]]);
    expect(await screen.findByText(paneText.saved)).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledWith(expected);
  });

  it('saves a blank population as not set, never as 0', async () => {
    const { api, user, population } = setup();
    await user.clear(population);
    await user.click(screen.getByRole('button', { name: paneText.saveButton }));
    await waitFor(() => expect(api.callsTo('saveSettings')).toHaveLength(1));
    expect((api.callsTo('saveSettings')[0][0] as Settings).population).toBeNull();
  });

  it('shows why saving failed and keeps the old settings', async () => {
    const api = createFakeAddinApi({
      saveSettings: {
        ok: false,
        error: { code: 'readOnly', message: 'Settings could not be saved: the workbook is read-only.', action: 'Save a copy first.' },
      },
    });
    const { onSaved, user } = setup(stored, api);
    await user.click(screen.getByRole('button', { name: paneText.saveButton }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('the workbook is read-only'));
    expect(screen.getByRole('alert')).toHaveTextContent(paneText.nextStep('Save a copy first.'));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('gives every RAG letter and DOT arrow of the key a spoken name', () => {
    setup(DEFAULT_SETTINGS);
    for (const rag of ['red', 'amber', 'green'] as const) {
      expect(screen.getByRole('img', { name: paneText.rag(rag) })).toHaveTextContent(paneText.ragLetter(rag));
    }
    // The key shows the glyphs Format writes; the two declines differ in shape, not only colour.
    for (const state of ['improvement', 'stable', 'declineWithinLimits', 'declineNotOnTarget'] as const) {
      expect(screen.getByRole('img', { name: paneText.dot(state) })).toHaveTextContent(DOT_GLYPHS[state]);
    }
    expect(screen.getByRole('img', { name: 'Decline, not on target' }).textContent).not.toBe(
      screen.getByRole('img', { name: paneText.dot('declineWithinLimits') }).textContent,
    );
  });

  it('shows the numeric convention\'s arrows in the key when numeric is selected: up, down, stable, colour says good or bad', () => {
    setup({ ...stored, convention: 'numeric' });
    const key = screen.getByRole('region', { name: paneText.keyHeading });
    const arrows = within(key).getAllByRole('img').filter((el) => !['R', 'A', 'G'].includes(el.textContent ?? ''));
    expect(arrows.map((a) => a.textContent)).toEqual([DOT_GLYPHS.increase, DOT_GLYPHS.stable, DOT_GLYPHS.decrease]);
    expect(within(key).queryByRole('img', { name: paneText.dot('declineWithinLimits') })).not.toBeInTheDocument();
    expect(within(key).queryByRole('img', { name: paneText.dot('improvement') })).not.toBeInTheDocument();
    expect(within(key).getByText(paneText.keyNumericColour)).toBeInTheDocument();
  });

  it('switches the key as soon as another convention is selected, before saving', async () => {
    const { user } = setup({ ...stored, convention: 'numeric' });
    const key = screen.getByRole('region', { name: paneText.keyHeading });
    expect(within(key).queryByRole('img', { name: paneText.dot('declineNotOnTarget') })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: paneText.conventionOption('performance') }));
    expect(within(key).getByRole('img', { name: paneText.dot('declineNotOnTarget') })).toHaveTextContent(DOT_GLYPHS.declineNotOnTarget);
    expect(within(key).queryByText(paneText.keyNumericColour)).not.toBeInTheDocument();
  });
});
