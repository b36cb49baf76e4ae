import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type OutcomeError, type Settings } from '../../../port/api';
import { settle } from '../../settle';
import type { AppProps, AppState, ViewId } from './App.types';

/** Loads the workbook's settings once and tracks the selected view. */
export function useApp({ api, initialView = 'format' }: AppProps): AppState {
  const [status, setStatus] = useState<AppState['status']>('loading');
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loadError, setLoadError] = useState<OutcomeError | null>(null);
  const [replaced, setReplaced] = useState<ReadonlyArray<keyof Settings>>([]);
  const [view, setViewState] = useState<ViewId>(initialView);
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(() => new Set([initialView]));

  useEffect(() => {
    let live = true;
    void settle(() => api.loadSettings()).then((outcome) => {
      if (!live) return;
      if (outcome.ok) {
        // A workbook saved by an older version may lack newer fields: defaults fill them.
        setSettings({ ...DEFAULT_SETTINGS, ...outcome.value.settings });
        // A damaged stored setting is shown, not silently replaced.
        if (outcome.value.damaged) {
          setLoadError(outcome.value.damaged);
          setReplaced(outcome.value.replaced ?? []);
        }
      } else {
        setLoadError(outcome.error);
      }
      setStatus('ready');
    });
    return () => {
      live = false;
    };
  }, [api]);

  const setView = useCallback((next: ViewId) => {
    setViewState(next);
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  }, []);

  const onSettingsSaved = useCallback((saved: Settings) => {
    setSettings(saved);
    setLoadError(null);
    setReplaced([]);
  }, []);

  return { status, settings, loadError, replaced, view, visited, setView, onSettingsSaved };
}
