import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { AddinApi } from '../port/api';
import { App } from './components/App/App';

/**
 * Renders the pane into `#container` of taskpane.html. React replaces the static loading
 * skeleton there on its first commit, so the analyst never sees a blank pane: HTML
 * skeleton, then the pane's own Skeleton while settings load, then the views. The
 * skeleton is also removed by id in case the page keeps it outside `#container`.
 *
 * @example
 * mountPane(document, createExcelAddinApi());
 */
export function mountPane(doc: Document, api: AddinApi): Root {
  let container = doc.getElementById('container');
  if (!container) {
    container = doc.createElement('div');
    container.id = 'container';
    doc.body.appendChild(container);
  }
  doc.getElementById('app-skeleton')?.remove();
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App api={api} />
      </FluentProvider>
    </StrictMode>,
  );
  return root;
}
