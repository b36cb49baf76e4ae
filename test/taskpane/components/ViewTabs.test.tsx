/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ViewTabs } from '../../../src/taskpane/components/ViewTabs/ViewTabs';

type Id = 'one' | 'two' | 'three';
const TABS: Array<{ id: Id; label: string }> = [
  { id: 'one', label: 'One' },
  { id: 'two', label: 'Two' },
  { id: 'three', label: 'Three' },
];

function Harness({ onSelect }: { onSelect?: (id: Id) => void }): React.JSX.Element {
  const [selected, setSelected] = useState<Id>('one');
  return (
    <FluentProvider theme={webLightTheme}>
      <ViewTabs
        label="Views"
        tabs={TABS.map((t) => (t.id === selected ? { ...t, controls: `panel-${t.id}` } : t))}
        selected={selected}
        onSelect={(id) => {
          onSelect?.(id);
          setSelected(id);
        }}
      />
      <button type="button">after</button>
    </FluentProvider>
  );
}

const tab = (name: string): HTMLElement => screen.getByRole('tab', { name });

describe('ViewTabs', () => {
  it('is a named tab list with the selected tab marked and tied to its panel', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Views' })).toHaveAttribute('aria-orientation', 'horizontal');
    expect(tab('One')).toHaveAttribute('aria-selected', 'true');
    expect(tab('One')).toHaveAttribute('aria-controls', 'panel-one');
    expect(tab('Two')).toHaveAttribute('aria-selected', 'false');
    expect(tab('Two')).not.toHaveAttribute('aria-controls');
    expect(tab('One')).toHaveAttribute('id', 'tab-one');
  });

  it('puts only the selected tab in the Tab order', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.tab();
    expect(tab('One')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
  });

  it.each([
    ['ArrowRight', 'One', 'Two'],
    ['ArrowRight', 'Three', 'One'],
    ['ArrowLeft', 'One', 'Three'],
    ['ArrowLeft', 'Two', 'One'],
    ['End', 'One', 'Three'],
    ['Home', 'Three', 'One'],
  ])('moves focus with %s from %s to %s without opening it', async (key, from, to) => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    render(<Harness onSelect={onSelect} />);
    tab(from).focus();
    await user.keyboard(`{${key}}`);
    expect(tab(to)).toHaveFocus();
    expect(onSelect).not.toHaveBeenCalled();
    expect(tab('One')).toHaveAttribute('aria-selected', 'true');
  });

  it.each([['{Enter}'], [' ']])('opens the focused tab with %s', async (key) => {
    const user = userEvent.setup();
    render(<Harness />);
    tab('One').focus();
    await user.keyboard('{ArrowRight}');
    await user.keyboard(key);
    expect(tab('Two')).toHaveAttribute('aria-selected', 'true');
    expect(tab('One')).toHaveAttribute('aria-selected', 'false');
    // The opened tab is now the one the Tab key reaches.
    expect(tab('Two')).toHaveAttribute('tabindex', '0');
    expect(tab('One')).toHaveAttribute('tabindex', '-1');
  });

  it('opens a tab on click', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    render(<Harness onSelect={onSelect} />);
    await user.click(tab('Three'));
    expect(onSelect).toHaveBeenCalledWith('three');
    expect(tab('Three')).toHaveAttribute('aria-selected', 'true');
  });
});
