import type { OutcomeError, RevisionView, RevisionsResult } from '../../../port/api';

/** How far loading the revisions got; the view takes no props, it reads through the AddinApi. */
export type RevisionsLoad =
  | { status: 'loading' }
  | { status: 'ready'; baseline: RevisionsResult['baseline']; /** Why a better baseline was passed over. */ notices: string[] }
  | { status: 'error'; error: OutcomeError };

/** How far the review of a list of revisions has got. */
export interface RevisionsProgress {
  total: number;
  reviewed: number;
  queried: number;
  pending: number;
}

/** Counts each revision by its review status. */
export function progressOf(revisions: readonly RevisionView[]): RevisionsProgress {
  const p: RevisionsProgress = { total: revisions.length, reviewed: 0, queried: 0, pending: 0 };
  for (const r of revisions) p[r.status]++;
  return p;
}

/**
 * What the view has to show once loading ended: the list, or the reason there is none.
 * `nothingToCompare`: no published figures, no previous sheet and no file picked, so no
 * revision can exist yet; `noChanges`: a baseline was found and every figure matches it.
 */
export type RevisionsContent = 'loading' | 'unavailable' | 'nothingToCompare' | 'noChanges' | 'list';

export function contentOf(load: RevisionsLoad, revisions: readonly RevisionView[]): RevisionsContent {
  if (load.status === 'loading') return 'loading';
  if (load.status === 'error') return 'unavailable';
  if (revisions.length > 0) return 'list';
  return load.baseline.kind === 'none' ? 'nothingToCompare' : 'noChanges';
}

/** The first revision not yet decided (the one to start on), else the first; null when empty. */
export function startIndex(revisions: readonly RevisionView[]): number | null {
  if (revisions.length === 0) return null;
  const pending = revisions.findIndex((r) => r.status === 'pending');
  return pending === -1 ? 0 : pending;
}
