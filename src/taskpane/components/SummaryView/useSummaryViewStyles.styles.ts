import { makeStyles, tokens } from '@fluentui/react-components';
import { headingStyles, viewLayoutStyles } from '../heading.styles';

export const useSummaryViewStyles = makeStyles({
  ...headingStyles,
  ...viewLayoutStyles,
  draft: { width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});
