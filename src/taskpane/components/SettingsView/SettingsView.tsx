import type { SettingsViewProps } from './SettingsView.types';
import { renderSettingsView } from './renderSettingsView';
import { useSettingsView } from './useSettingsView';
import { useSettingsViewStyles } from './useSettingsViewStyles.styles';

/** The Settings view: DOT convention, write mode, population and colours, stored in the workbook. */
export function SettingsView(props: SettingsViewProps): React.JSX.Element {
  const state = useSettingsView(props);
  const styles = useSettingsViewStyles();
  return renderSettingsView(state, styles);
}
