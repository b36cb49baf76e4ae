import type { AppProps } from './App.types';
import { renderApp } from './renderApp';
import { useApp } from './useApp';
import { useAppStyles } from './useAppStyles.styles';

/** The task pane: loads the workbook's settings, then shows the Format, Revisions and Settings views. */
export function App(props: AppProps): React.JSX.Element {
  const state = useApp(props);
  const styles = useAppStyles();
  return renderApp(props.api, state, styles);
}
