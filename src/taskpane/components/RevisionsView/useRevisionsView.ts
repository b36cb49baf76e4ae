import { useCallback, useState } from 'react';
import type { RevisionView } from '../../../port/api';
import { useAddinApi } from '../../AddinApiContext';
import { paneText } from '../../strings';
import type { PaneMessage } from '../StatusMessage';
import { contentOf, progressOf } from './revisionsProgress';
import type { RevisionsBusy, RevisionsViewState } from './RevisionsView.types';
import { useReviewStep } from './useReviewStep';
import { useReviewerName } from './useReviewerName';
import { useRevisionsLoad } from './useRevisionsLoad';
import { useSheetActions } from './useSheetActions';

/**
 * The Revisions view's state, composed of: loading the comparison, stepping through it
 * with a decision on each, the sheet-wide actions and the reviewer's name.
 */
export function useRevisionsView(): RevisionsViewState {
  const api = useAddinApi();
  const [revisions, setRevisions] = useState<RevisionView[]>([]);
  const [busy, setBusy] = useState<RevisionsBusy>('none');
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const name = useReviewerName();
  const step = useReviewStep({ api, revisions, setRevisions, setBusy, reviewer: name.recorded });
  const { start } = step;
  const onLoaded = useCallback(
    (list: RevisionView[]) => {
      setRevisions(list);
      start(list);
    },
    [start],
  );
  const loader = useRevisionsLoad({ api, setBusy, setMessage, onLoaded });
  const actions = useSheetActions({ api, setBusy, setMessage, reviewer: name.recorded });
  const { load } = loader;

  return {
    load,
    content: contentOf(load, revisions),
    revisions,
    progress: progressOf(revisions),
    current: step.current,
    comment: step.comment,
    commentError: step.commentError,
    feedback: step.feedback,
    busy,
    message,
    unavailable: load.status === 'error' ? paneText.unavailableUntilRead(load.error.message) : null,
    reviewerName: name.name,
    setReviewerName: name.setName,
    rememberReviewerName: () => {
      void name.remember().then((saved) => {
        if (!saved) setMessage({ intent: 'warning', text: paneText.reviewerNotRemembered });
      });
    },
    previous: step.previous,
    next: step.next,
    goTo: step.goTo,
    setComment: step.setComment,
    markReviewed: () => step.mark('reviewed'),
    query: () => step.mark('queried'),
    ...actions,
    pickFile: loader.pickFile,
    reload: loader.reload,
  };
}
