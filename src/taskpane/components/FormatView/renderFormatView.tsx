import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Text,
  Link,
} from '@fluentui/react-components';
import type { Rag } from '../../../domain/types';
import type { FormatPreview, Settings } from '../../../port/api';
import { paneText } from '../../strings';
import { ProblemsList } from '../ProblemsList';
import { StatusMessage } from '../StatusMessage';
import { RagLetter } from '../Symbols';
import type { FormatViewState } from './FormatView.types';
import { useFormatViewStyles } from './useFormatViewStyles.styles';

const RAGS: Rag[] = ['red', 'amber', 'green'];

type Styles = ReturnType<typeof useFormatViewStyles>;

function Facts({ rows, styles }: { rows: Array<[string, string | number]>; styles: Styles }): React.JSX.Element {
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Preview({
  preview,
  palette,
  styles,
}: {
  preview: FormatPreview;
  palette: Settings['palette'];
  styles: Styles;
}): React.JSX.Element {
  const t = preview.table;
  return (
    <>
      <section className={styles.section} aria-label={paneText.detectedHeading}>
        <Subtitle2 as="h2" block className={styles.heading}>
          {paneText.detectedHeading}
        </Subtitle2>
        <Facts
          styles={styles}
          rows={[
            [paneText.sheetLabel, t.sheetName],
            [paneText.tablesLabel, t.tables],
            [paneText.indicatorRowsLabel, t.indicatorRows],
            [paneText.reportingMonthLabel, t.reportingMonth ?? paneText.noReportingMonth],
          ]}
        />
      </section>
      <section className={styles.section} aria-label={paneText.previewHeading}>
        <Subtitle2 as="h2" block className={styles.heading}>
          {paneText.previewHeading}
        </Subtitle2>
        <Facts
          styles={styles}
          rows={[
            [paneText.dotCellsLabel, preview.dotCells],
            [paneText.ragCellsLabel, preview.ragCells],
            [paneText.formattedCellsLabel, preview.formattedCells],
          ]}
        />
        <ul className={styles.ragCounts} aria-label={paneText.ragCountsLabel}>
          {RAGS.map((rag) => (
            <li key={rag} className={styles.ragCount}>
              <RagLetter rag={rag} palette={palette} />
              <span>{preview.ragCounts[rag]}</span>
            </li>
          ))}
          <li className={styles.ragCount}>
            <span>{paneText.rag(null)}</span>
            <span>{preview.ragCounts.blank}</span>
          </li>
        </ul>
      </section>
    </>
  );
}

/** JSX of the Format view; all state comes from useFormatView. */
export function renderFormatView(state: FormatViewState, settings: Settings, styles: Styles): React.JSX.Element {
  const { detection, run } = state;
  const running = run === 'running';
  return (
    <div className={styles.root}>
      {detection.status === 'loading' && (
        <Skeleton aria-label={paneText.detecting}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </Skeleton>
      )}
      {detection.status === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{paneText.detectFailed}</MessageBarTitle>
            {detection.error.message}
            {detection.error.action && <div>{paneText.nextStep(detection.error.action)}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {detection.status === 'ready' && (
        <Preview preview={detection.preview} palette={settings.palette} styles={styles} />
      )}
      <div className={styles.actions}>
        <Button onClick={state.detect} disabledFocusable={running || detection.status === 'loading'}>
          {paneText.detectAgain}
        </Button>
      </div>

      <section className={styles.section} aria-label={paneText.optionsHeading}>
        <Subtitle2 as="h2" block className={styles.heading}>
          {paneText.optionsHeading}
        </Subtitle2>
        <Text as="p" block className={styles.paragraph}>
          {paneText.modeLabel}: {paneText.modeOption(state.mode)}
        </Text>
        <Text as="p" block className={styles.paragraph}>
          {paneText.conventionLabel}: {paneText.conventionOption(state.convention)}
        </Text>
        {state.openSettings && (
          <div>
            <Link as="button" onClick={state.openSettings}>
              {paneText.changeInSettings}
            </Link>
          </div>
        )}
      </section>

      <div className={styles.actions}>
        <Button
          ref={state.formatButtonRef}
          appearance="primary"
          onClick={state.format}
          disabledFocusable={running || detection.status !== 'ready'}
        >
          {paneText.formatButton}
        </Button>
        {running && (
          <Button onClick={state.cancel} disabledFocusable={state.writeStarted}>
            {paneText.cancelButton}
          </Button>
        )}
        <Button onClick={state.rollForward} disabledFocusable={running || state.rolling}>
          {paneText.newMonthButton}
        </Button>
      </div>
      <div aria-live="polite">
        {running && (
          <Field
            label={paneText.progressLabel}
            hint={[
              state.progress && paneText.progressStage(state.progress.stage),
              state.writeStarted && paneText.cancelUnavailable,
            ]
              .filter(Boolean)
              .join('. ')}
          >
            <ProgressBar value={state.progress?.fraction} max={1} />
          </Field>
        )}
      </div>
      <StatusMessage message={state.message} />
      {detection.status === 'ready' || state.summary ? (
        <ProblemsList problems={state.problems} onSelect={state.selectProblem} />
      ) : null}
    </div>
  );
}
