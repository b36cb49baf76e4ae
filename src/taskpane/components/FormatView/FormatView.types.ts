import type { DotConvention } from '../../../domain/types';
import type { FormatPreview, FormatSummary, OutcomeError, Progress, ProblemView, Settings, WriteMode } from '../../../port/api';
import type { PaneMessage } from '../StatusMessage';

export interface FormatViewProps {
  /** The workbook's saved settings; Format writes with them. */
  settings: Settings;
  /** Opens the Settings view, where the write options are changed. */
  onOpenSettings?: () => void;
}

/** What the view knows about the active sheet. */
export type Detection =
  { status: 'loading' } | { status: 'ready'; preview: FormatPreview } | { status: 'error'; error: OutcomeError };

/** Whether a Format is running; only one runs at a time. */
export type RunStatus = 'idle' | 'running';

export interface FormatViewState {
  detection: Detection;
  mode: WriteMode;
  convention: DotConvention;
  run: RunStatus;
  /** Latest progress report of the running Format. */
  progress: Progress | null;
  /** True once the adapter reported the write stage: from then on Cancel cannot stop it. */
  writeStarted: boolean;
  /** Summary of the last successful Format. */
  summary: FormatSummary | null;
  /** Problems to list: the last Format's, else the preview's. */
  problems: ProblemView[];
  message: PaneMessage | null;
  /** True while New month runs. */
  rolling: boolean;
  /** The Format button, given focus back when a run ends with focus lost. */
  formatButtonRef: React.RefObject<HTMLButtonElement | null>;
  /** Opens the Settings view (the one place the write options are changed); absent outside the App. */
  openSettings?: () => void;
  detect: () => void;
  format: () => void;
  cancel: () => void;
  rollForward: () => void;
  selectProblem: (address: string) => void;
}
