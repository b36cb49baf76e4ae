import { makeStyles, tokens } from '@fluentui/react-components';
import { headingStyles, viewLayoutStyles } from '../heading.styles';

export const useRevisionsViewStyles = makeStyles({
  ...headingStyles,
  ...viewLayoutStyles,
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  fileInput: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  // Long sheet names or values must not push the pane sideways.
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto' },
  change: { color: tokens.colorNeutralForeground2 },
  // The row under review is marked by weight and a side bar as well as by colour.
  currentRow: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
  },
  // Break only words too long for the narrow pane, not every word.
  wrap: { overflowWrap: 'break-word', whiteSpace: 'normal', textAlign: 'start' },
});
