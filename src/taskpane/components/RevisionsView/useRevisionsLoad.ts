import { useCallback, useEffect, useRef, useState } from 'react';
import type { AddinApi, Outcome, RevisionView, RevisionsResult } from '../../../port/api';
import { readFileAsArrayBuffer } from '../../readFile';
import { settle } from '../../settle';
import { paneText } from '../../strings';
import { errorMessage, type PaneMessage } from '../StatusMessage';
import type { RevisionsBusy, RevisionsLoad } from './RevisionsView.types';

export interface RevisionsLoadDeps {
  api: AddinApi;
  setBusy: (busy: RevisionsBusy) => void;
  setMessage: (message: PaneMessage | null) => void;
  /** Called with each new list (a load, a reload, a picked file); must be stable. */
  onLoaded: (revisions: RevisionView[]) => void;
}

export interface RevisionsLoader {
  load: RevisionsLoad;
  /** Compares the active sheet again with the best baseline (after a Format or New month). */
  reload: () => void;
  /** Compares the active sheet with a previous month's file, read on this computer. */
  pickFile: (file: File) => void;
}

/** Loading the revisions: on mount, on request, and against a picked file. */
export function useRevisionsLoad({ api, setBusy, setMessage, onLoaded }: RevisionsLoadDeps): RevisionsLoader {
  const [load, setLoad] = useState<RevisionsLoad>({ status: 'loading' });

  const accept = useCallback(
    (outcome: Outcome<RevisionsResult>) => {
      if (outcome.ok) {
        setLoad({ status: 'ready', baseline: outcome.value.baseline, notices: outcome.value.notices ?? [] });
        onLoaded(outcome.value.revisions);
      } else {
        setLoad({ status: 'error', error: outcome.error });
        onLoaded([]);
      }
    },
    [onLoaded],
  );

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
  }, [api, accept, setMessage]);

  useEffect(() => {
    reload();
    // An unmounted view ignores a load still in flight.
    return () => {
      loadRequest.current++;
    };
  }, [reload]);

  const pickFile = useCallback(
    (file: File) => {
      setBusy('file');
      setMessage({ intent: 'info', text: paneText.readingFile(file.name) });
      const request = ++loadRequest.current;
      // settle() also turns a failed read (a locked or vanished file) into a message.
      void settle(async () => api.compareWithFile(file.name, await readFileAsArrayBuffer(file))).then((outcome) => {
        setBusy('none');
        if (request !== loadRequest.current) return;
        if (outcome.ok) {
          setMessage(null);
          accept(outcome);
        } else {
          setMessage(errorMessage(outcome.error));
        }
      });
    },
    [api, accept, setBusy, setMessage],
  );

  return { load, reload, pickFile };
}
