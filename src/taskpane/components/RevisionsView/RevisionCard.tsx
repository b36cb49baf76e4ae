import { Badge, Button, Card, Field, Text, Textarea, mergeClasses } from '@fluentui/react-components';
import { useId } from 'react';
import type { RevisionView } from '../../../port/api';
import { paneText } from '../../strings';
import { StatusMessage } from '../StatusMessage';
import { STATUS_COLOUR } from './RevisionList';
import type { RevisionsViewState } from './RevisionsView.types';
import type { useRevisionsViewStyles } from './useRevisionsViewStyles.styles';

type Styles = ReturnType<typeof useRevisionsViewStyles>;

/**
 * The revision under review: its position with Previous / Next, what changed, the comment
 * and decision buttons, and the answer to a decision right under them (so it is in view
 * where the button was pressed).
 */
export function RevisionCard({ state, revision, index, styles }: { state: RevisionsViewState; revision: RevisionView; index: number; styles: Styles }): React.JSX.Element {
  const titleId = useId();
  const n = state.revisions.length;
  const busy = state.busy !== 'none';
  return (
    <Card role="region" aria-labelledby={titleId} className={styles.card} size="small">
      <div className={styles.cardTop}>
        <Text id={titleId} size={200} weight="semibold">
          {paneText.stepPosition(index, n)}
        </Text>
        <div className={styles.cardNav}>
          <Button size="small" onClick={state.previous} disabledFocusable={index === 0}>
            {paneText.previousButton}
          </Button>
          <Button size="small" onClick={state.next} disabledFocusable={index >= n - 1}>
            {paneText.nextButton}
          </Button>
        </div>
      </div>
      <Text as="p" className={mergeClasses(styles.paragraph, styles.cardName)}>
        {`${revision.ref} ${revision.indicator}`}
      </Text>
      <div className={styles.cardFigures}>
        <Text>{revision.month}</Text>
        <Text>{paneText.publishedToNew(revision.published, revision.current)}</Text>
        <Text size={200} className={styles.small}>
          {paneText.change(revision.change)}
        </Text>
        <Badge appearance="tint" color={STATUS_COLOUR[revision.status]} shape="rounded">
          {paneText.status(revision.status)}
        </Badge>
      </div>
      {revision.status !== 'pending' && (revision.reviewer || revision.comment) && (
        <Text size={200} className={styles.small}>
          {paneText.reviewNote(revision.reviewer, revision.comment)}
        </Text>
      )}
      <Field
        label={paneText.commentLabel}
        validationState={state.commentError ? 'error' : 'none'}
        validationMessage={state.commentError ?? undefined}
      >
        <Textarea size="small" value={state.comment} onChange={(_, d) => state.setComment(d.value)} resize="vertical" rows={1} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={state.markReviewed} disabledFocusable={busy}>
          {paneText.markReviewedButton}
        </Button>
        <Button onClick={state.query} disabledFocusable={busy}>
          {paneText.queryButton}
        </Button>
      </div>
      <StatusMessage message={state.feedback} />
    </Card>
  );
}
