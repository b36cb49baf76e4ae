import { useCallback } from 'react';
import type { AddinApi, Outcome } from '../../../port/api';
import { settle } from '../../settle';
import { paneText } from '../../strings';
import { errorMessage, successMessage, type PaneMessage } from '../StatusMessage';
import type { RevisionsBusy } from './RevisionsView.types';

export interface SheetActionsDeps {
  api: AddinApi;
  setBusy: (busy: RevisionsBusy) => void;
  setMessage: (message: PaneMessage | null) => void;
  reviewer: () => string | undefined;
}

export interface SheetActions {
  highlight: () => void;
  clear: () => void;
  publish: () => void;
}

/** The actions on the whole sheet: highlight and clear the revised cells, publish the month. */
export function useSheetActions({ api, setBusy, setMessage, reviewer }: SheetActionsDeps): SheetActions {
  const run = useCallback(
    <T extends { warnings?: string[] }>(kind: RevisionsBusy, call: () => Promise<Outcome<T>>, say: (value: T) => string) => {
      setBusy(kind);
      setMessage(null);
      void settle(call).then((outcome) => {
        setBusy('none');
        setMessage(outcome.ok ? successMessage(say(outcome.value), outcome.value.warnings) : errorMessage(outcome.error));
      });
    },
    [setBusy, setMessage],
  );
  return {
    highlight: () => run('highlight', () => api.highlightRevisions(), (v) => paneText.highlighted(v.highlighted)),
    clear: () => run('clear', () => api.clearHighlights(), (v) => paneText.cleared(v.cleared)),
    publish: () =>
      run(
        'publish',
        () => {
          const name = reviewer();
          return name === undefined ? api.publish() : api.publish(name);
        },
        (v: { figures: number; month: string; warnings?: string[] }) => paneText.published(v.figures, v.month),
      ),
  };
}
