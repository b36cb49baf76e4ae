/** One tab of a ViewTabs list. */
export interface ViewTab<T extends string> {
  id: T;
  label: string;
  /** The id of the panel this tab shows, once it exists (`aria-controls`). */
  controls?: string;
}

export interface ViewTabsProps<T extends string> {
  /** Accessible name of the tab list. */
  label: string;
  tabs: ReadonlyArray<ViewTab<T>>;
  /** The tab whose panel is shown. */
  selected: T;
  /** Called when a tab is activated (click, Enter or Space); arrow keys only move focus. */
  onSelect: (id: T) => void;
}
