import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormatSummary, Progress, Settings } from '../../../port/api';
import { useAddinApi } from '../../AddinApiContext';
import { settle } from '../../settle';
import { paneText } from '../../strings';
import { errorMessage, successMessage, type PaneMessage } from '../StatusMessage';
import type { Detection, FormatViewProps, FormatViewState, RunStatus } from './FormatView.types';

/** State and actions of the Format view: detection, options, a cancellable Format, New month. */
export function useFormatView({ settings, onOpenSettings }: FormatViewProps): FormatViewState {
  const api = useAddinApi();
  const [detection, setDetection] = useState<Detection>({ status: 'loading' });
  const [run, setRun] = useState<RunStatus>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [writeStarted, setWriteStarted] = useState(false);
  const [summary, setSummary] = useState<FormatSummary | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [rolling, setRolling] = useState(false);
  const controller = useRef<AbortController | null>(null);
  // Answers to an older detect() must not overwrite a newer one.
  const detectRequest = useRef(0);

  // The write options live in one place, the Settings view (stored in the workbook, so the
  // next analyst gets the same result); Format uses the saved ones.
  const effective = useCallback((): Settings => settings, [settings]);

  // Detection runs again when the saved settings change, not on each option click; the
  // ref still hands it the options chosen here.
  const effectiveRef = useRef(effective);
  effectiveRef.current = effective;
  const detect = useCallback(() => {
    const request = ++detectRequest.current;
    setDetection({ status: 'loading' });
    void settle(() => api.detect(effectiveRef.current())).then((outcome) => {
      if (request !== detectRequest.current) return;
      setDetection(
        outcome.ok ? { status: 'ready', preview: outcome.value } : { status: 'error', error: outcome.error },
      );
    });
  }, [api, settings]);

  useEffect(() => {
    detect();
  }, [detect]);

  // Cancel disappears when a run ends; if it had focus, keyboard users would be left on
  // <body>, so focus returns to the Format button.
  const formatButtonRef = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && run === 'idle') {
      const active = document.activeElement;
      if (active === null || active === document.body) formatButtonRef.current?.focus();
    }
    wasRunning.current = run === 'running';
  }, [run]);

  // Leaving the pane mid-run cancels what has not started writing.
  useEffect(() => () => controller.current?.abort(), []);

  const format = useCallback(() => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    setRun('running');
    setProgress(null);
    setWriteStarted(false);
    setMessage(null);
    const onProgress = (p: Progress): void => {
      setProgress(p);
      if (p.stage === 'writing' || p.stage === 'done') setWriteStarted(true);
    };
    void settle(() => api.format(effective(), onProgress, abort.signal)).then((outcome) => {
      controller.current = null;
      setRun('idle');
      setProgress(null);
      if (outcome.ok) {
        setSummary(outcome.value);
        const base = { title: paneText.formatSucceededTitle, action: paneText.formatNext(outcome.value) };
        const done = successMessage(paneText.formatSucceeded(outcome.value), outcome.value.warnings, base);
        // Problems left on the sheet are worth a warning colour even when nothing else went wrong.
        setMessage(outcome.value.problems.length > 0 ? { ...done, intent: 'warning' } : done);
      } else if (outcome.error.code === 'cancelled') {
        // Not a failure: the adapter says what was (not) changed.
        setMessage({ intent: 'info', title: paneText.cancelledTitle, text: outcome.error.message });
      } else {
        setMessage(errorMessage(outcome.error, paneText.formatFailedTitle));
      }
    });
  }, [api, effective]);

  const cancel = useCallback(() => {
    if (!writeStarted) controller.current?.abort();
  }, [writeStarted]);

  const rollForward = useCallback(() => {
    setRolling(true);
    setMessage(null);
    void settle(() => api.rollForward()).then((outcome) => {
      setRolling(false);
      if (outcome.ok) {
        setMessage(successMessage(paneText.newMonthSucceeded(outcome.value.sheetName), outcome.value.warnings));
        // The new month's sheet is now the one to work on: show what is on it.
        setSummary(null);
        detect();
      } else {
        setMessage(errorMessage(outcome.error));
      }
    });
  }, [api, detect]);

  const selectProblem = useCallback(
    (address: string) => {
      void settle(() => api.selectCell(address)).then((outcome) => {
        if (!outcome.ok) setMessage(errorMessage(outcome.error));
      });
    },
    [api],
  );

  const problems = summary?.problems ?? (detection.status === 'ready' ? detection.preview.problems : []);

  return {
    detection,
    mode: settings.mode,
    convention: settings.convention,
    run,
    progress,
    writeStarted,
    summary,
    problems,
    message,
    rolling,
    formatButtonRef,
    openSettings: onOpenSettings,
    detect,
    format,
    cancel,
    rollForward,
    selectProblem,
  };
}
