import type { RevisionView } from '../../../port/api';
import type { PaneMessage } from '../StatusMessage';
import type { RevisionsContent, RevisionsLoad, RevisionsProgress } from './revisionsProgress';

// RevisionsLoad lives beside the pure progress helpers that read it, so the two files import one way only.
export type { RevisionsLoad };

/** The one workbook action running, if any; buttons wait for it. */
export type RevisionsBusy = 'none' | 'file' | 'mark' | 'highlight' | 'clear' | 'publish';

export interface RevisionsViewState {
  load: RevisionsLoad;
  /** What the view shows: the list, or which empty state. */
  content: RevisionsContent;
  revisions: RevisionView[];
  progress: RevisionsProgress;
  /** Index of the revision under review (shown as a card); null when the list is empty. */
  current: number | null;
  comment: string;
  /** Shown under the comment when Query was pressed without one. */
  commentError: string | null;
  /** The answer to Mark reviewed / Query, shown in the card beside the buttons. */
  feedback: PaneMessage | null;
  busy: RevisionsBusy;
  /** The answer to the sheet actions (highlight, clear, publish, a picked file). */
  message: PaneMessage | null;
  /**
   * Why the actions needing the sheet's figures (highlight, publish, compare with a file,
   * review) are unavailable; null when they are available. Shown beside them.
   */
  unavailable: string | null;
  /** The reviewer's name as typed, recorded with decisions and publications. */
  reviewerName: string;
  setReviewerName: (name: string) => void;
  /** Remembers the name on this computer (on leaving the field). */
  rememberReviewerName: () => void;
  previous: () => void;
  next: () => void;
  goTo: (index: number) => void;
  setComment: (text: string) => void;
  markReviewed: () => void;
  query: () => void;
  highlight: () => void;
  clear: () => void;
  publish: () => void;
  pickFile: (file: File) => void;
  /** Compares the active sheet again with the best baseline (after a Format or New month). */
  reload: () => void;
}
