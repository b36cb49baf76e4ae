import { useCallback, useEffect, useRef, useState } from 'react';
import type { SummaryDraftView } from '../../../port/api';
import { useAddinApi } from '../../AddinApiContext';
import { settle } from '../../settle';
import { summaryPaneText as t } from '../../strings';
import { errorMessage, type PaneMessage } from '../StatusMessage';
import type { SummaryViewProps, SummaryViewState } from './SummaryView.types';

/** Drafts the summary of the active sheet on opening; copies it, or writes it to a new sheet, on request. */
export function useSummaryView({ settings }: SummaryViewProps): SummaryViewState {
  const api = useAddinApi();
  const [draft, setDraft] = useState<SummaryDraftView | null>(null);
  const [busy, setBusy] = useState<SummaryViewState['busy']>('drafting');
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const textRef = useRef<HTMLTextAreaElement | null>(null);

  const redraft = useCallback(() => {
    setBusy('drafting');
    setMessage(null);
    void settle(() => api.draftSummary(settings)).then((outcome) => {
      setBusy(null);
      if (outcome.ok) setDraft(outcome.value);
      else {
        setDraft(null);
        setMessage(errorMessage(outcome.error, t.failedTitle));
      }
    });
  }, [api, settings]);

  useEffect(() => {
    redraft();
  }, [redraft]);

  const copy = useCallback(() => {
    if (!draft) return;
    // Where the host gives no clipboard (or refuses it), the text is selected for Ctrl+C.
    const selectDraft = (): void => {
      const box = textRef.current;
      if (box) {
        box.focus();
        box.select();
      }
      setMessage({ intent: 'info', text: t.copySelected });
    };
    const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
    if (!clipboard || typeof clipboard.writeText !== 'function') {
      selectDraft();
      return;
    }
    clipboard.writeText(draft.text).then(() => setMessage({ intent: 'success', text: t.copied }), selectDraft);
  }, [draft]);

  const write = useCallback(() => {
    setBusy('writing');
    setMessage(null);
    void settle(() => api.writeSummary(settings)).then((outcome) => {
      setBusy(null);
      setMessage(outcome.ok ? { intent: 'success', text: t.written(outcome.value.sheetName, outcome.value.lines) } : errorMessage(outcome.error, t.writeFailedTitle));
    });
  }, [api, settings]);

  return { draft, busy, message, textRef, redraft, copy, write };
}
