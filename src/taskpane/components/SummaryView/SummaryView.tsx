import type { SummaryViewProps } from './SummaryView.types';
import { renderSummaryView } from './renderSummaryView';
import { useSummaryView } from './useSummaryView';
import { useSummaryViewStyles } from './useSummaryViewStyles.styles';

/** The Summary view: the drafted committee summary of the active sheet, to copy or write to a new sheet. */
export function SummaryView(props: SummaryViewProps): React.JSX.Element {
  const state = useSummaryView(props);
  const styles = useSummaryViewStyles();
  return renderSummaryView(state, styles);
}
