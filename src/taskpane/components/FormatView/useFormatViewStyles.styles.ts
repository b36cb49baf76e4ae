import { makeStyles, tokens } from '@fluentui/react-components';
import { headingStyles, viewLayoutStyles } from '../heading.styles';

export const useFormatViewStyles = makeStyles({
  ...headingStyles,
  ...viewLayoutStyles,
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  // <div> groups a <dt> with its <dd> (valid HTML) without breaking the grid.
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  ragCounts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  ragCount: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});
