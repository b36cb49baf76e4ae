/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './asyncTimeout';
import { act, screen } from '@testing-library/react';
import { mountPane } from '../../src/taskpane/mount';
import { paneText } from '../../src/taskpane/strings';
import { createFakeAddinApi, gate } from '../fakes/fakeAddinApi';

describe('mountPane', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    [
      'with its id',
      '<div id="container"><main class="skeleton" id="app-skeleton"><p role="status">Loading Performance Scorecards…</p></main></div>',
    ],
    [
      'without an id',
      '<div id="container"><main class="skeleton"><p role="status">Loading Performance Scorecards…</p></main></div>',
    ],
  ])(
    'replaces the static skeleton of taskpane.html (%s) with the pane, showing a skeleton while settings load',
    async (_, html) => {
      document.body.innerHTML = html;
      const held = gate();
      const api = createFakeAddinApi({ gates: { loadSettings: held } });
      const root = await act(async () => mountPane(document, api));

      expect(document.getElementById('app-skeleton')).toBeNull();
      expect(document.querySelector('.skeleton')).toBeNull();
      expect(screen.queryByText('Loading Performance Scorecards…')).not.toBeInTheDocument();
      expect(screen.getByLabelText(paneText.loadingSettings)).toBeInTheDocument();
      await act(async () => held.open());
      expect(await screen.findByRole('tab', { name: paneText.tabFormat })).toBeInTheDocument();
      act(() => root.unmount());
    },
  );

  it('creates its container when the page has none', async () => {
    const root = await act(async () => mountPane(document, createFakeAddinApi()));
    expect(document.getElementById('container')).not.toBeNull();
    expect(await screen.findByRole('tab', { name: paneText.tabFormat })).toBeInTheDocument();
    act(() => root.unmount());
  });
});
