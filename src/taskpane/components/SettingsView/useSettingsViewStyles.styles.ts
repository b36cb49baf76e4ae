import { makeStyles, tokens } from '@fluentui/react-components';
import { headingStyles } from '../heading.styles';

export const useSettingsViewStyles = makeStyles({
  ...headingStyles,
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  key: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  keyItem: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});
