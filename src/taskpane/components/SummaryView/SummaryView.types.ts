import type { RefObject } from 'react';
import type { Settings, SummaryDraftView } from '../../../port/api';
import type { PaneMessage } from '../StatusMessage';

export interface SummaryViewProps {
  /** The settings the draft is read with (DOT convention). */
  settings: Settings;
}

export interface SummaryViewState {
  /** The draft of the active sheet; null before the first draft or when none could be made. */
  draft: SummaryDraftView | null;
  /** What the view is waiting for, if anything. */
  busy: 'drafting' | 'writing' | null;
  message: PaneMessage | null;
  /** The draft's text box: Copy selects its text where the clipboard cannot be written. */
  textRef: RefObject<HTMLTextAreaElement | null>;
  redraft: () => void;
  copy: () => void;
  write: () => void;
}
