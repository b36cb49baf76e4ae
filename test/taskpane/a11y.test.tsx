/** @jest-environment jsdom */
import './asyncTimeout';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { App } from '../../src/taskpane/components/App/App';
import { paneText } from '../../src/taskpane/strings';
import { createFakeAddinApi } from '../fakes/fakeAddinApi';

// jsdom has no layout or computed colours, so colour contrast (and rules that need
// geometry) are left to the browser tests; everything structural is checked here.
const options: axe.RunOptions = {
  rules: { 'color-contrast': { enabled: false } },
  resultTypes: ['violations'],
};

describe('accessibility scan (axe-core)', () => {
  it.each([
    [paneText.tabFormat, () => screen.findByRole('region', { name: paneText.detectedHeading })],
    [paneText.tabRevisions, () => screen.findByRole('listbox', { name: paneText.listLabel })],
    [paneText.tabSettings, () => screen.findByRole('button', { name: paneText.saveButton })],
  ])('finds no serious or critical violation in the %s view', async (tab, loaded) => {
    const user = userEvent.setup();
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <App api={createFakeAddinApi()} />
      </FluentProvider>,
    );
    await user.click(await screen.findByRole('tab', { name: tab }));
    await loaded();
    const results = await axe.run(container, options);
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 80)).join(' | ')}`);
    expect(serious).toEqual([]);
  });
});
