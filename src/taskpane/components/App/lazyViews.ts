import { lazy } from 'react';

// The first view is Format; Revisions (which pulls in the file reader and revision code)
// and Settings are split into their own chunks and loaded when first opened.
export const LazyRevisionsView = lazy(() =>
  import(/* webpackChunkName: "revisions" */ '../RevisionsView/RevisionsView').then((m) => ({
    default: m.RevisionsView,
  })),
);

export const LazySummaryView = lazy(() =>
  import(/* webpackChunkName: "summary" */ '../SummaryView/SummaryView').then((m) => ({ default: m.SummaryView })),
);

export const LazySettingsView = lazy(() =>
  import(/* webpackChunkName: "settings" */ '../SettingsView/SettingsView').then((m) => ({ default: m.SettingsView })),
);
