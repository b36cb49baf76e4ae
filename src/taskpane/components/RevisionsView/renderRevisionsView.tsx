import {
  Button,
  Field,
  Input,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useId } from 'react';
import { paneText } from '../../strings';
import { StatusMessage } from '../StatusMessage';
import type { RevisionsViewState } from './RevisionsView.types';
import { useRevisionsViewStyles } from './useRevisionsViewStyles.styles';

type Styles = ReturnType<typeof useRevisionsViewStyles>;

function FilePicker({ state, styles }: { state: RevisionsViewState; styles: Styles }): React.JSX.Element {
  const inputId = useId();
  const hintId = useId();
  return (
    <div className={styles.section}>
      <Label htmlFor={inputId}>{paneText.fileLabel}</Label>
      <input
        id={inputId}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={hintId}
        className={styles.fileInput}
        disabled={state.busy !== 'none'}
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

function RevisionsTable({ state, styles }: { state: RevisionsViewState; styles: Styles }): React.JSX.Element {
  return (
    <div className={styles.scroller}>
      <Table aria-label={paneText.tableLabel} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{paneText.colIndicator}</TableHeaderCell>
            <TableHeaderCell>{paneText.colMonth}</TableHeaderCell>
            <TableHeaderCell>{paneText.colValues}</TableHeaderCell>
            <TableHeaderCell>{paneText.colStatus}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {state.revisions.map((r, i) => (
            <TableRow
              key={r.id}
              aria-current={state.current === i ? 'true' : undefined}
              className={state.current === i ? styles.currentRow : undefined}
            >
              <TableCell>
                <Link as="button" className={styles.wrap} onClick={() => state.goTo(i)}>
                  {`${r.ref} ${r.indicator}`}
                </Link>
              </TableCell>
              <TableCell>{r.month}</TableCell>
              {/* The change sits under the values: five columns do not fit a 320px pane. */}
              <TableCell className={styles.wrap}>
                <div>{paneText.publishedToNew(r.published, r.current)}</div>
                <Text size={200} className={styles.change}>
                  {paneText.change(r.change)}
                </Text>
              </TableCell>
              <TableCell className={styles.wrap}>
                <div>{paneText.status(r.status)}</div>
                {r.status !== 'pending' && (r.reviewer || r.comment) && (
                  <Text size={200} className={styles.change}>
                    {paneText.reviewNote(r.reviewer, r.comment)}
                  </Text>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Review({ state, styles }: { state: RevisionsViewState; styles: Styles }): React.JSX.Element {
  const n = state.revisions.length;
  const noCurrent = state.current === null;
  return (
    <section className={styles.section} aria-label={paneText.revisionsHeading}>
      <Text as="p" block className={styles.paragraph} role="status">
        {state.current === null
          ? `${paneText.revisionCount(n)}. ${paneText.stepStart}`
          : paneText.stepPosition(state.current, n)}
      </Text>
      <div className={styles.actions}>
        <Button onClick={state.previous} disabledFocusable={state.current === null || state.current === 0}>
          {paneText.previousButton}
        </Button>
        <Button onClick={state.next} disabledFocusable={state.current !== null && state.current >= n - 1}>
          {paneText.nextButton}
        </Button>
      </div>
      <Field
        label={paneText.commentLabel}
        validationState={state.commentError ? 'error' : 'none'}
        validationMessage={state.commentError ?? undefined}
      >
        <Textarea
          value={state.comment}
          onChange={(_, d) => state.setComment(d.value)}
          disabled={noCurrent}
          resize="vertical"
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={state.markReviewed}
          disabledFocusable={noCurrent || state.busy !== 'none'}
        >
          {paneText.markReviewedButton}
        </Button>
        <Button onClick={state.query} disabledFocusable={noCurrent || state.busy !== 'none'}>
          {paneText.queryButton}
        </Button>
      </div>
      <RevisionsTable state={state} styles={styles} />
    </section>
  );
}

/** JSX of the Revisions view; all state comes from useRevisionsView. */
export function renderRevisionsView(state: RevisionsViewState, styles: Styles): React.JSX.Element {
  const { load } = state;
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {paneText.revisionsHeading}
      </Subtitle2>
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
      {load.status === 'ready' && (
        <Text as="p" block className={styles.paragraph}>
          {paneText.baselineLabel}: {paneText.baseline(load.baseline)}
        </Text>
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
      <Field label={paneText.reviewerLabel} hint={paneText.reviewerHint}>
        <Input
          value={state.reviewerName}
          autoComplete="name"
          onChange={(_, d) => state.setReviewerName(d.value)}
          onBlur={state.rememberReviewerName}
        />
      </Field>
      <FilePicker state={state} styles={styles} />
      {load.status === 'ready' &&
        (state.revisions.length === 0 ? (
          <Text as="p" block className={styles.paragraph}>
            {paneText.noRevisions}
          </Text>
        ) : (
          <Review state={state} styles={styles} />
        ))}
      <div className={styles.actions}>
        <Button onClick={state.reload} disabledFocusable={state.busy !== 'none' || load.status === 'loading'}>
          {paneText.reloadRevisionsButton}
        </Button>
        <Button onClick={state.highlight} disabledFocusable={state.busy !== 'none' || state.revisions.length === 0}>
          {paneText.highlightButton}
        </Button>
        <Button onClick={state.clear} disabledFocusable={state.busy !== 'none'}>
          {paneText.clearButton}
        </Button>
        <Button onClick={state.publish} disabledFocusable={state.busy !== 'none'}>
          {paneText.publishButton}
        </Button>
      </div>
      <StatusMessage message={state.message} />
    </div>
  );
}
