import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AddinApiContext } from '../../src/taskpane/AddinApiContext';
import type { AddinApi } from '../../src/port/api';

/** Renders a pane component as the add-in does: inside FluentProvider, with the AddinApi in context. */
export function renderWithApi(ui: ReactElement, api: AddinApi): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <AddinApiContext.Provider value={api}>{ui}</AddinApiContext.Provider>
    </FluentProvider>,
  );
}
