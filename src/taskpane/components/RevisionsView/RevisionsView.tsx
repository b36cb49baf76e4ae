import { renderRevisionsView } from './renderRevisionsView';
import { useRevisionsView } from './useRevisionsView';
import { useRevisionsViewStyles } from './useRevisionsViewStyles.styles';

/** The Revisions view: what changed since it was published, one by one, with the reviewer's marks. */
export function RevisionsView(): React.JSX.Element {
  const state = useRevisionsView();
  const styles = useRevisionsViewStyles();
  return renderRevisionsView(state, styles);
}
