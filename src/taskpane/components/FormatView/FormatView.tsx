import type { FormatViewProps } from './FormatView.types';
import { renderFormatView } from './renderFormatView';
import { useFormatView } from './useFormatView';
import { useFormatViewStyles } from './useFormatViewStyles.styles';

/** The Format view: what was detected, what Format will change, options, progress, problems. */
export function FormatView(props: FormatViewProps): React.JSX.Element {
  const state = useFormatView(props);
  const styles = useFormatViewStyles();
  return renderFormatView(state, props.settings, styles);
}
