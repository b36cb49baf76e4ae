import { Skeleton, SkeletonItem, Title3 } from '@fluentui/react-components';
import { Suspense } from 'react';
import { AddinApiContext } from '../../AddinApiContext';
import type { AddinApi } from '../../../port/api';
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
            {state.loadError && (
              <StatusMessage
                message={{ ...errorMessage(state.loadError), intent: 'warning', title: paneText.settingsLoadFailed }}
              />
            )}
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
