import { mergeClasses } from '@fluentui/react-components';
import { useRef } from 'react';
import type { ViewTabsProps } from './ViewTabs.types';
import { useViewTabsStyles } from './useViewTabsStyles.styles';

/** Keys that move focus along the tabs, and where to: circular, as Fluent's TabList does. */
function target(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * The pane's view switcher: the WAI-ARIA tabs pattern with manual activation (arrow keys,
 * Home and End move focus, Enter or Space opens), only the selected tab in the Tab order.
 * It stands in for Fluent's TabList, whose arrow-key navigation brings Tabster (about
 * 24 KB gzip) into the scripts the pane loads before its first paint, for three tabs.
 *
 * @example
 * <ViewTabs label="Views" tabs={[{ id: 'format', label: 'Format' }]} selected="format" onSelect={setView} />
 */
export function ViewTabs<T extends string>(props: ViewTabsProps<T>): React.JSX.Element {
  const styles = useViewTabsStyles();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: React.KeyboardEvent<HTMLButtonElement>, at: number): void => {
    const next = target(event.key, at, props.tabs.length);
    if (next === null) return;
    event.preventDefault();
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} aria-orientation="horizontal" className={styles.list}>
      {props.tabs.map((tab, i) => {
        const selected = tab.id === props.selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={selected}
            aria-controls={tab.controls}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
