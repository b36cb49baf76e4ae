import { useCallback, useEffect, useRef, useState } from 'react';
import type { Outcome, ReviewStatus, RevisionView, RevisionsResult } from '../../../port/api';
import { useAddinApi } from '../../AddinApiContext';
import { readFileAsArrayBuffer } from '../../readFile';
import { reviewerNameStore } from '../../reviewerName';
import { settle } from '../../settle';
import { paneText } from '../../strings';
import { errorMessage, successMessage, type PaneMessage } from '../StatusMessage';
import type { RevisionsBusy, RevisionsLoad, RevisionsViewState } from './RevisionsView.types';

/** Revisions against the best baseline, stepping through them, and the reviewer's actions. */
export function useRevisionsView(): RevisionsViewState {
  const api = useAddinApi();
  const [load, setLoad] = useState<RevisionsLoad>({ status: 'loading' });
  const [revisions, setRevisions] = useState<RevisionView[]>([]);
  const [current, setCurrent] = useState<number | null>(null);
  const [comment, setCommentState] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [busy, setBusy] = useState<RevisionsBusy>('none');
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [reviewerName, setReviewerName] = useState('');
  const nameStore = useRef(reviewerNameStore());
  // Typing before the stored name arrives wins over it.
  const nameTouched = useRef(false);
  useEffect(() => {
    let live = true;
    void nameStore.current.load().then((name) => {
      if (live && !nameTouched.current) setReviewerName(name);
    });
    return () => {
      live = false;
    };
  }, []);
  const reviewer = (): string | undefined => reviewerName.trim() || undefined;

  const accept = useCallback((outcome: Outcome<RevisionsResult>) => {
    if (outcome.ok) {
      setLoad({ status: 'ready', baseline: outcome.value.baseline, notices: outcome.value.notices ?? [] });
      setRevisions(outcome.value.revisions);
    } else {
      setLoad({ status: 'error', error: outcome.error });
    }
    setCurrent(null);
    setComment('');
  }, []);

  // The view stays mounted across tab switches, so a Format or New month made meanwhile
  // needs an explicit reload; answers to an older load never overwrite a newer one.
  const loadRequest = useRef(0);
  const reload = useCallback(() => {
    const request = ++loadRequest.current;
    setLoad({ status: 'loading' });
    setMessage(null);
    void settle(() => api.loadRevisions()).then((outcome) => {
      if (request === loadRequest.current) accept(outcome);
    });
  }, [api, accept]);

  useEffect(() => {
    reload();
    // An unmounted view ignores a load still in flight.
    return () => {
      loadRequest.current++;
    };
  }, [reload]);

  const goTo = useCallback(
    (index: number) => {
      const revision = revisions[index];
      if (!revision) return;
      setCurrent(index);
      setComment(revision.comment ?? '');
      setCommentError(null);
      void settle(() => api.selectCell(revision.address)).then((outcome) => {
        if (!outcome.ok) setMessage(errorMessage(outcome.error));
      });
    },
    [api, revisions],
  );

  const previous = useCallback(() => {
    if (current !== null && current > 0) goTo(current - 1);
  }, [current, goTo]);

  const next = useCallback(() => {
    const target = current === null ? 0 : current + 1;
    if (target < revisions.length) goTo(target);
  }, [current, goTo, revisions.length]);

  function setComment(text: string): void {
    setCommentState(text);
    if (text.trim() !== '') setCommentError(null);
  }

  const mark = useCallback(
    (status: ReviewStatus) => {
      if (current === null) return;
      const revision = revisions[current];
      if (status === 'queried' && comment.trim() === '') {
        setCommentError(paneText.queryNeedsComment);
        return;
      }
      setBusy('mark');
      setMessage(null);
      const name = reviewer();
      void settle(() => (name === undefined ? api.markRevision(revision.id, status, comment.trim()) : api.markRevision(revision.id, status, comment.trim(), name))).then((outcome) => {
        setBusy('none');
        if (!outcome.ok) {
          setMessage(errorMessage(outcome.error));
          return;
        }
        setRevisions((rs) => rs.map((r) => (r.id === outcome.value.id ? outcome.value : r)));
        setMessage({ intent: 'success', text: paneText.marked(status, revision.indicator, revision.month) });
      });
    },
    [api, comment, current, revisions, reviewerName],
  );

  const run = useCallback(<T extends object>(kind: RevisionsBusy, call: () => Promise<Outcome<T>>, say: (value: T) => string) => {
    setBusy(kind);
    setMessage(null);
    void settle(call).then((outcome) => {
      setBusy('none');
      const warnings = outcome.ok && 'warnings' in outcome.value && Array.isArray(outcome.value.warnings) ? (outcome.value.warnings as string[]) : undefined;
      setMessage(outcome.ok ? successMessage(say(outcome.value), warnings) : errorMessage(outcome.error));
    });
  }, []);

  const pickFile = useCallback(
    (file: File) => {
      setBusy('file');
      setMessage({ intent: 'info', text: paneText.readingFile(file.name) });
      // settle() also turns a failed read (a locked or vanished file) into a message.
      void settle(async () => api.compareWithFile(file.name, await readFileAsArrayBuffer(file))).then((outcome) => {
        setBusy('none');
        if (outcome.ok) {
          setMessage(null);
          accept(outcome);
        } else {
          setMessage(errorMessage(outcome.error));
        }
      });
    },
    [api, accept],
  );

  return {
    load,
    revisions,
    current,
    comment,
    commentError,
    busy,
    message,
    reviewerName,
    setReviewerName: (name: string) => {
      nameTouched.current = true;
      setReviewerName(name);
    },
    rememberReviewerName: () => {
      void nameStore.current.save(reviewerName).then((saved) => {
        if (!saved) setMessage({ intent: 'warning', text: paneText.reviewerNotRemembered });
      });
    },
    previous,
    next,
    goTo,
    setComment,
    markReviewed: () => mark('reviewed'),
    query: () => mark('queried'),
    highlight: () =>
      run(
        'highlight',
        () => api.highlightRevisions(),
        (v) => paneText.highlighted(v.highlighted),
      ),
    clear: () =>
      run(
        'clear',
        () => api.clearHighlights(),
        (v) => paneText.cleared(v.cleared),
      ),
    publish: () =>
      run(
        'publish',
        () => {
          const name = reviewer();
          return name === undefined ? api.publish() : api.publish(name);
        },
        (v) => paneText.published(v.figures, v.month),
      ),
    pickFile,
    reload,
  };
}
