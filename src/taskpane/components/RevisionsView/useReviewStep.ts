import { useCallback, useState } from 'react';
import type { AddinApi, ReviewStatus, RevisionView } from '../../../port/api';
import { settle } from '../../settle';
import { paneText } from '../../strings';
import { errorMessage, type PaneMessage } from '../StatusMessage';
import { startIndex } from './revisionsProgress';
import type { RevisionsBusy } from './RevisionsView.types';

export interface ReviewStepDeps {
  api: AddinApi;
  revisions: RevisionView[];
  setRevisions: (update: (revisions: RevisionView[]) => RevisionView[]) => void;
  setBusy: (busy: RevisionsBusy) => void;
  /** The reviewer's name to record, or undefined. */
  reviewer: () => string | undefined;
}

export interface ReviewStep {
  /** Index of the revision under review; null when there is none. */
  current: number | null;
  comment: string;
  /** Shown under the comment when Query was pressed without one. */
  commentError: string | null;
  /** The answer to the last decision on the current revision (or why its cell could not be selected), shown in its card. */
  feedback: PaneMessage | null;
  /** Starts on a new list: its first undecided revision becomes current and is selected. */
  start: (revisions: RevisionView[]) => void;
  goTo: (index: number) => void;
  previous: () => void;
  next: () => void;
  setComment: (text: string) => void;
  mark: (status: ReviewStatus) => void;
}

/** Stepping through the revisions one by one and recording a decision on each. */
export function useReviewStep({ api, revisions, setRevisions, setBusy, reviewer }: ReviewStepDeps): ReviewStep {
  const [current, setCurrent] = useState<number | null>(null);
  const [comment, setCommentState] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<PaneMessage | null>(null);

  const show = useCallback(
    (list: readonly RevisionView[], index: number | null) => {
      setCurrent(index);
      setCommentState(index === null ? '' : (list[index].comment ?? ''));
      setCommentError(null);
      setFeedback(null);
      if (index === null) return;
      void settle(() => api.selectCell(list[index].address)).then((outcome) => {
        if (!outcome.ok) setFeedback(errorMessage(outcome.error));
      });
    },
    [api],
  );

  const start = useCallback((list: RevisionView[]) => show(list, startIndex(list)), [show]);

  const goTo = useCallback(
    (index: number) => {
      if (index >= 0 && index < revisions.length) show(revisions, index);
    },
    [revisions, show],
  );
  const previous = useCallback(() => {
    if (current !== null && current > 0) goTo(current - 1);
  }, [current, goTo]);
  const next = useCallback(() => {
    goTo(current === null ? 0 : current + 1);
  }, [current, goTo]);

  const setComment = useCallback((text: string) => {
    setCommentState(text);
    if (text.trim() !== '') setCommentError(null);
  }, []);

  const mark = useCallback(
    (status: ReviewStatus) => {
      if (current === null) return;
      const revision = revisions[current];
      if (status === 'queried' && comment.trim() === '') {
        setCommentError(paneText.queryNeedsComment);
        return;
      }
      setBusy('mark');
      setFeedback(null);
      const name = reviewer();
      const text = comment.trim();
      void settle(() => (name === undefined ? api.markRevision(revision.id, status, text) : api.markRevision(revision.id, status, text, name))).then((outcome) => {
        setBusy('none');
        if (!outcome.ok) {
          setFeedback(errorMessage(outcome.error));
          return;
        }
        setRevisions((rs) => rs.map((r) => (r.id === outcome.value.id ? outcome.value : r)));
        setFeedback({ intent: 'success', text: paneText.marked(status, revision.ref, revision.month) });
      });
    },
    [api, comment, current, revisions, reviewer, setBusy, setRevisions],
  );

  return { current, comment, commentError, feedback, start, goTo, previous, next, setComment, mark };
}
