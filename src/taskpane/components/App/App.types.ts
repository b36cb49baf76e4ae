import type { AddinApi, OutcomeError, Settings } from '../../../port/api';

/** The pane's views; one is shown at a time. */
export type ViewId = 'format' | 'revisions' | 'summary' | 'settings';

export interface AppProps {
  /** The workbook operations (Office.js in the add-in, a fake in tests). */
  api: AddinApi;
  /**
   * The view shown first.
   * @default 'format'
   */
  initialView?: ViewId;
}

export interface AppState {
  /** 'loading' until the saved settings have been read (or failed to read). */
  status: 'loading' | 'ready';
  settings: Settings;
  /** Why the saved settings could not be read; the defaults are used meanwhile. */
  loadError: OutcomeError | null;
  /** With a damaged stored value: which settings the defaults stand in for. */
  replaced: ReadonlyArray<keyof Settings>;
  view: ViewId;
  /** Views opened at least once; they stay mounted so a running Format or a review position survives a tab switch. */
  visited: ReadonlySet<ViewId>;
  setView: (view: ViewId) => void;
  onSettingsSaved: (settings: Settings) => void;
}
