import { makeStyles, tokens } from '@fluentui/react-components';
import { headingStyles } from './heading.styles';

export const useProblemsListStyles = makeStyles({
  ...headingStyles,
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  problem: {
    textAlign: 'start',
    // Addresses and long indicator names must wrap inside the narrow pane.
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
});
