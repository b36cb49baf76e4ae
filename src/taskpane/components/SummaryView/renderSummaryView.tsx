import { Button, Field, Spinner, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import { summaryPaneText as t } from '../../strings';
import { StatusMessage } from '../StatusMessage';
import type { SummaryViewState } from './SummaryView.types';
import type { useSummaryViewStyles } from './useSummaryViewStyles.styles';

/**
 * JSX of the Summary view; all state comes from useSummaryView. The draft is shown in a
 * read-only text box: text built from cell text is only ever text, never markup.
 */
export function renderSummaryView(state: SummaryViewState, styles: ReturnType<typeof useSummaryViewStyles>): React.JSX.Element {
  const { draft, busy } = state;
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {t.heading}
      </Subtitle2>
      <Text as="p" block className={styles.paragraph}>
        {t.intro}
      </Text>
      {busy === 'drafting' && <Spinner size="tiny" label={t.drafting} />}
      {draft && (
        <section className={styles.section} aria-label={t.draftLabel}>
          <Field label={t.draftLabel} hint={t.bullets(draft.bullets)}>
            <Textarea className={styles.draft} ref={state.textRef} value={draft.text} readOnly resize="vertical" rows={14} />
          </Field>
        </section>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={state.copy} disabled={!draft || busy !== null}>
          {t.copyButton}
        </Button>
        <Button onClick={state.write} disabled={!draft || busy !== null}>
          {t.writeButton}
        </Button>
        <Button appearance="subtle" onClick={state.redraft} disabled={busy !== null}>
          {t.redraftButton}
        </Button>
      </div>
      {busy === 'writing' && <Spinner size="tiny" label={t.writing} />}
      <StatusMessage message={state.message} />
    </div>
  );
}
