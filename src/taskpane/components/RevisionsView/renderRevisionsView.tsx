import {
  Button,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useId } from 'react';
import { paneText } from '../../strings';
import { StatusMessage } from '../StatusMessage';
import { RevisionCard } from './RevisionCard';
import { RevisionList } from './RevisionList';
import type { RevisionsViewState } from './RevisionsView.types';
import type { useRevisionsViewStyles } from './useRevisionsViewStyles.styles';

type Styles = ReturnType<typeof useRevisionsViewStyles>;

/** `id` when `reason` is set: a disabled control points at the words saying why. */
const describedBy = (reason: string | null | undefined, id: string): string | undefined => (reason ? id : undefined);

function FilePicker({ state, styles, reasonId }: { state: RevisionsViewState; styles: Styles; reasonId: string }): React.JSX.Element {
  const inputId = useId();
  const hintId = useId();
  return (
    <div className={styles.section}>
      <Label htmlFor={inputId}>{paneText.fileLabel}</Label>
      <input
        id={inputId}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={[hintId, describedBy(state.unavailable, reasonId)].filter(Boolean).join(' ')}
        className={styles.fileInput}
        disabled={state.busy !== 'none' || state.unavailable !== null}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) state.pickFile(file);
          // Picking the same file again (after fixing it) must fire change again.
          e.currentTarget.value = '';
        }}
      />
      <Text id={hintId} size={200}>
        {paneText.fileHint}
      </Text>
    </div>
  );
}

/** Progress, the list (scrolling on its own) and the card of the revision under review. */
function Review({ state, styles }: { state: RevisionsViewState; styles: Styles }): React.JSX.Element {
  const { progress, current } = state;
  const revision = current === null ? undefined : state.revisions[current];
  return (
    <>
      <Field label={paneText.progress(progress)} size="small">
        <ProgressBar value={progress.reviewed} max={progress.total} thickness="large" />
      </Field>
      <RevisionList state={state} styles={styles} />
      {revision && current !== null && <RevisionCard key={revision.id} state={state} revision={revision} index={current} styles={styles} />}
    </>
  );
}

/** What is true when there is no list: nothing to compare with, or nothing changed. */
function EmptyState({ state, id }: { state: RevisionsViewState; id: string }): React.JSX.Element | null {
  const { load, content } = state;
  if (load.status !== 'ready' || (content !== 'nothingToCompare' && content !== 'noChanges')) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody id={id}>{content === 'nothingToCompare' ? paneText.nothingToCompare : paneText.noChanges(load.baseline)}</MessageBarBody>
    </MessageBar>
  );
}

function SheetActions({ state, styles, reasonId, emptyId }: { state: RevisionsViewState; styles: Styles; reasonId: string; emptyId: string }): React.JSX.Element {
  const idle = state.busy === 'none' && state.load.status !== 'loading';
  const blocked = state.unavailable !== null;
  const nothingRevised = state.load.status === 'ready' && state.revisions.length === 0;
  return (
    <section className={styles.section} aria-label={paneText.sheetActionsLabel}>
      <div className={styles.actions}>
        <Button
          onClick={state.highlight}
          disabledFocusable={!idle || blocked || nothingRevised}
          aria-describedby={blocked ? reasonId : nothingRevised ? emptyId : undefined}
        >
          {paneText.highlightButton}
        </Button>
        <Button onClick={state.clear} disabledFocusable={!idle}>
          {paneText.clearButton}
        </Button>
        <Button onClick={state.publish} disabledFocusable={!idle || blocked} aria-describedby={describedBy(state.unavailable, reasonId)}>
          {paneText.publishButton}
        </Button>
      </div>
      {state.unavailable && (
        <Text id={reasonId} size={200} className={styles.small}>
          {state.unavailable}
        </Text>
      )}
      <StatusMessage message={state.message} />
    </section>
  );
}

/** JSX of the Revisions view; all state comes from useRevisionsView. */
export function renderRevisionsView(state: RevisionsViewState, styles: Styles): React.JSX.Element {
  return <RevisionsViewBody state={state} styles={styles} />;
}

function RevisionsViewBody({ state, styles }: { state: RevisionsViewState; styles: Styles }): React.JSX.Element {
  const reasonId = useId();
  const emptyId = useId();
  const { load } = state;
  return (
    <div className={styles.root} aria-busy={load.status === 'loading' || undefined}>
      <div className={styles.section}>
        <Subtitle2 as="h2" block className={styles.heading}>
          {paneText.revisionsHeading}
        </Subtitle2>
        {load.status === 'ready' && (
          <Text as="p" size={200} block className={styles.paragraph}>
            {paneText.baselineLabel}: {paneText.baseline(load.baseline)}
          </Text>
        )}
      </div>
      {load.status === 'loading' && (
        <Skeleton aria-label={paneText.loadingRevisions}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </Skeleton>
      )}
      {load.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {load.error.message}
            {load.error.action && <div>{paneText.nextStep(load.error.action)}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {load.status === 'ready' && load.notices.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{paneText.noticesTitle}</MessageBarTitle>
            <ul>
              {load.notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
            <div>{paneText.nextStep(paneText.noticesAction)}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.content === 'list' && <Review state={state} styles={styles} />}
      <EmptyState state={state} id={emptyId} />
      <SheetActions state={state} styles={styles} reasonId={reasonId} emptyId={emptyId} />
      <FilePicker state={state} styles={styles} reasonId={reasonId} />
      <Field label={paneText.reviewerLabel} hint={paneText.reviewerHint}>
        <Input
          value={state.reviewerName}
          autoComplete="name"
          onChange={(_, d) => state.setReviewerName(d.value)}
          onBlur={state.rememberReviewerName}
        />
      </Field>
      <div>
        <Button onClick={state.reload} disabledFocusable={state.busy !== 'none' || load.status === 'loading'}>
          {paneText.reloadRevisionsButton}
        </Button>
      </div>
    </div>
  );
}
