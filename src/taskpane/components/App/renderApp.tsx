import { Link, Skeleton, SkeletonItem, Title3 } from '@fluentui/react-components';
import { Suspense } from 'react';
import { AddinApiContext } from '../../AddinApiContext';
import type { AddinApi, OutcomeError } from '../../../port/api';
import { paneText } from '../../strings';
import { FormatView } from '../FormatView/FormatView';
import { StatusMessage, errorMessage } from '../StatusMessage';
import { ViewTabs } from '../ViewTabs/ViewTabs';
import type { AppState, ViewId } from './App.types';
import { LazyRevisionsView, LazySettingsView, LazySummaryView } from './lazyViews';
import { useAppStyles } from './useAppStyles.styles';

const VIEWS: Array<{ id: ViewId; label: string }> = [
  { id: 'format', label: paneText.tabFormat },
  { id: 'revisions', label: paneText.tabRevisions },
  { id: 'summary', label: paneText.tabSummary },
  { id: 'settings', label: paneText.tabSettings },
];

function LoadingSkeleton({ label }: { label: string }): React.JSX.Element {
  return (
    <Skeleton aria-label={label}>
      <SkeletonItem size={24} />
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
    </Skeleton>
  );
}

function ViewContent({ id, state }: { id: ViewId; state: AppState }): React.JSX.Element {
  switch (id) {
    case 'format':
      return <FormatView settings={state.settings} onOpenSettings={() => state.setView('settings')} />;
    case 'revisions':
      return <LazyRevisionsView />;
    case 'summary':
      return <LazySummaryView settings={state.settings} />;
    case 'settings':
      return <LazySettingsView settings={state.settings} onSaved={state.onSettingsSaved} />;
  }
}

/**
 * What the pane says about its settings, by the error's code: a damaged stored value (the
 * readable ones are in use) is something to check in Settings, with a way there; a failed
 * read is only reported.
 */
function SettingsNotice({ error, state }: { error: OutcomeError; state: AppState }): React.JSX.Element {
  const damaged = error.code === 'settingsDamaged';
  return (
    <>
      <StatusMessage
        message={{
          ...errorMessage(error),
          intent: 'warning',
          title: damaged ? paneText.settingsDamagedTitle : paneText.settingsLoadFailed,
          ...(damaged && state.replaced.length > 0 ? { details: state.replaced.map(paneText.settingName) } : {}),
        }}
      />
      {damaged && state.view !== 'settings' && (
        <div>
          <Link as="button" onClick={() => state.setView('settings')}>
            {paneText.openSettings}
          </Link>
        </div>
      )}
    </>
  );
}

/** JSX of the pane: a title, the view tabs and the views; all state comes from useApp. */
export function renderApp(api: AddinApi, state: AppState, styles: ReturnType<typeof useAppStyles>): React.JSX.Element {
  return (
    <AddinApiContext.Provider value={api}>
      <main className={styles.root}>
        <Title3 as="h1" className={styles.title}>
          {paneText.appTitle}
        </Title3>
        {state.status === 'loading' ? (
          <LoadingSkeleton label={paneText.loadingSettings} />
        ) : (
          <>
            {state.loadError && <SettingsNotice error={state.loadError} state={state} />}
            <ViewTabs
              label={paneText.viewsLabel}
              tabs={VIEWS.map((v) => ({ ...v, ...(state.visited.has(v.id) ? { controls: `panel-${v.id}` } : {}) }))}
              selected={state.view}
              onSelect={state.setView}
            />
            {VIEWS.filter((v) => state.visited.has(v.id)).map((v) => (
              <div
                key={v.id}
                id={`panel-${v.id}`}
                role="tabpanel"
                aria-labelledby={`tab-${v.id}`}
                hidden={state.view !== v.id}
                className={styles.panel}
              >
                <Suspense fallback={<LoadingSkeleton label={paneText.loadingView} />}>
                  <ViewContent id={v.id} state={state} />
                </Suspense>
              </div>
            ))}
          </>
        )}
      </main>
    </AddinApiContext.Provider>
  );
}
